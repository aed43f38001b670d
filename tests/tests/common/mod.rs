//! Helpers shared by several integration tests. Each file of `tests/tests` is a crate of its
//! own that includes this module with `mod common;` and uses only some of the helpers.

#![allow(
    dead_code,
    reason = "each test crate uses only some of the shared helpers"
)]

pub mod boxed;
pub mod named_like_std;
pub mod stream;
