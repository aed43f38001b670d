//! Samples for the rust-analyzer check (`check.sh`, see README.md).
//!
//! `gens.rs` holds the generators. `twins.rs` is written by `check.py` from `gens.rs`: the
//! same bodies on the same lines, as plain functions, with `yield_!`, `iter!` and `stream!`
//! replaced by the trivial stand-ins below. What rust-analyzer answers on a twin is what it
//! should answer on the generator.
#![allow(dead_code, unused, clippy::all)]

/// Stand-ins that make `twins.rs` ordinary Rust.
mod plain {
    macro_rules! yield_ {
        ($e:expr) => {{
            let _ = $e;
        }};
    }
    macro_rules! iter {
        ($($body:tt)*) => { move || { $($body)* } };
    }
    macro_rules! stream {
        ($($body:tt)*) => { async move { $($body)* } };
    }
    pub(crate) use {iter, stream, yield_};
}

/// Consumes a generator expression in both files, whatever its type.
pub fn sink<T>(_: T) {}

pub mod gens;
pub mod twins;
