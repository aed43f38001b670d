//! A parameter written as a refutable pattern is rustc's E0005 on the pattern, as in the
//! plain function, with no `let .. else` suggestion (a parameter has no `else`), in a flat, a
//! boxed and an async generator. Struct and tuple-struct patterns, which may be irrefutable,
//! compile (`tests/param_patterns.rs`).
use futures::Stream;
use gen_core::generator;

#[generator]
fn flat(Some(x): Option<u32>) -> impl Iterator<Item = u32> {
    yield_!(x);
}

#[generator(boxed)]
fn boxed((Ok(x) | Err(x)): Result<u32, u32>, Some(y): Option<u32>) -> impl Iterator<Item = u32> {
    yield_!(x + y);
}

#[generator]
fn streamed(n @ 1..=9: u8) -> impl Stream<Item = u8> {
    yield_!(n);
}

fn main() {}
