//! gen's macros used from a crate that knows `gen-core` as `generators`: every form expands
//! to code that names the runtime by that name (see `tests/renamed.rs`).
