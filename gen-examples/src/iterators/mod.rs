//! The "Iterators" tutorial (Python 3.14), recreated in Rust.
//!
//! Sections 1-4 and 15 are prose; every section with code has a module here, and the closing
//! "keep climbing" list is [`s15_next_steps`].

pub mod s05_iter_next;
pub mod s06_for_desugared;
pub mod s07_counter_struct;
pub mod s08_read_lines;
pub mod s09_counter_generator;
pub mod s10_exhaustion;
pub mod s11_typing;
pub mod s12_user_repository;
pub mod s13_struct_vs_generator;
pub mod s14_infinite_ids;
pub mod s15_next_steps;
