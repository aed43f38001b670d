//! Generators for stable Rust.
//!
//! Write a function with yield points; `#[generator]` rewrites it into a state machine that
//! implements [`Iterator`] (sync) or `futures_core::Stream` (async), as fast as one written by
//! hand.
//!
//! ```
//! use gen_core::generator;
//!
//! #[generator]
//! fn counter(limit: u32) -> impl Iterator<Item = u32> {
//!     let mut current = 0;
//!     while current < limit {
//!         yield_!(current);
//!         current += 1;
//!     }
//! }
//!
//! assert_eq!(counter(3).collect::<Vec<_>>(), [0, 1, 2]);
//! ```
//!
//! See the repository README for the full guide: the two lowerings, the supported control
//! flow, the fold fast path, and every limitation with the error it produces.
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(any(test, feature = "std"))]
extern crate std;

#[cfg(feature = "alloc")]
mod boxed;
mod iter;
mod stream;

#[cfg(feature = "stream")]
pub use gen_macros::stream;
pub use gen_macros::{generator, iter};

/// Yields one item from a generator.
///
/// Only meaningful inside a `#[generator]` function or an `iter!`/`stream!` block, where the
/// macro rewrites it before this definition is ever reached. Anywhere else it is an error:
///
/// ```compile_fail
/// gen_core::yield_!(1);
/// ```
#[macro_export]
macro_rules! yield_ {
    ($($tt:tt)*) => {
        ::core::compile_error!(
            "`yield_!` may only be used directly in the body of a `#[generator]` function or \
             an `iter!`/`stream!` block"
        )
    };
}

/// Yields every item of an iterable (sync generators) or of a `Stream` (async generators).
///
/// Only meaningful inside a `#[generator]` function or an `iter!`/`stream!` block:
///
/// ```compile_fail
/// gen_core::yield_from!(0..3);
/// ```
#[macro_export]
macro_rules! yield_from {
    ($($tt:tt)*) => {
        ::core::compile_error!(
            "`yield_from!` may only be used directly in the body of a `#[generator]` function \
             or an `iter!`/`stream!` block"
        )
    };
}

/// Implementation details used by the macros' expansions. Not public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::iter::{FlatGen, Moved, Sink};
    pub use core;

    #[cfg(feature = "alloc")]
    pub use crate::boxed::{BoxedGen, boxed, boxed_fallible};
    pub use crate::stream::{
        BodyOutput, GenStream, ResultItem, YieldFut, Yielder, stream, stream_fallible,
    };
    #[cfg(feature = "stream")]
    pub use futures_core::{FusedStream, Stream};
}
