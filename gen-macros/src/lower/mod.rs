//! Lowerings of a normalized generator body.
//!
//! - [`flat`]: sync generators as a flat state machine (DESIGN 2.1).
//! - [`compiler_backed`]: async generators and `boxed` sync generators, whose body becomes an
//!   `async move` block (DESIGN 2.2).
//! - [`fold`]: the internal-iteration copy of a flat generator's body.

pub(crate) mod compiler_backed;
pub(crate) mod flat;
pub(crate) mod fold;
pub(crate) mod macro_input;
pub(crate) mod next;
