//! Lowerings of a normalized generator body.
//!
//! - [`flat`]: sync generators as a flat state machine (ARCHITECTURE.md, "The flat lowering").
//! - [`compiler_backed`]: async generators and `boxed` sync generators, whose body becomes an
//!   `async move` block (ARCHITECTURE.md, "The compiler-backed lowering").
//! - [`macro_input`]: another macro's input seen as expressions.

pub(crate) mod compiler_backed;
pub(crate) mod flat;
pub(crate) mod local_macros;
pub(crate) mod macro_input;
pub(crate) mod opaque_macros;
