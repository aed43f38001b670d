//! Differential fuzzing of the `#[generator]` lowerings.
//!
//! - [`program`] writes random generator bodies from a seed, each as a `#[generator]`
//!   function and as a plain oracle function that pushes into a `Vec`;
//! - [`driver`] builds a batch of them as one crate, runs both versions on several inputs
//!   and compares the yielded items and the drop logs (run to the end, `fold`, drop after
//!   `k` items, `k` items then `fold`);
//! - [`malformed`] mutates valid generators into malformed ones and checks that the macro
//!   answers every one with compile errors, never a panic.

mod body;
pub mod driver;
pub mod malformed;
pub mod minimize;
pub mod program;
pub mod rng;

pub use driver::{Options, Summary, run_batch};
pub use program::{Flavor, Program};

/// The seed of a run: `GEN_FUZZ_SEED` when set, otherwise from the clock.
#[must_use]
pub fn seed_from_env() -> u64 {
    if let Some(s) = std::env::var("GEN_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        return s;
    }
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    now.map(|d| d.as_nanos() as u64 ^ u64::from(std::process::id()))
        .unwrap_or(1)
        % 1_000_000_000
}

/// `name` from the environment as a number, or `default`.
#[must_use]
pub fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}
