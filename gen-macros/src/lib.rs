//! Procedural macros of `gen`. Depend on `gen-core`, which re-exports them.
//!
//! Pipeline: `args` (attribute arguments) -> `parse` (signature: flavour, item type) ->
//! `analyze` (scope-aware checks and yield discovery) -> `lower` (body -> state machine)
//! -> `expand` (final tokens), with `error` holding diagnostics helpers and the fallback.
#![forbid(unsafe_code)]

mod analyze;
mod args;
mod body_checks;
mod core_path;
mod error;
mod expand;
mod ide;
mod lifetime_bound;
mod lower;
mod param_patterns;
mod parse;
mod receiver_checks;
#[cfg(test)]
mod snapshots;
mod type_facts;
mod written_in_the_call;

use proc_macro::TokenStream;

/// Turns a function with `yield_!` points into an `Iterator` or a `Stream`.
#[proc_macro_attribute]
pub fn generator(args: TokenStream, item: TokenStream) -> TokenStream {
    core_path::as_named_by_the_crate(expand::generator(args.into(), item.into())).into()
}

/// An inline sync generator expression: `iter! { yield_!(1); yield 2; }` is an
/// `impl Iterator`, capturing by move like a `move` closure.
#[proc_macro]
pub fn iter(input: TokenStream) -> TokenStream {
    core_path::as_named_by_the_crate(expand::inline(expand::InlineKind::Iter, input.into())).into()
}

/// An inline async generator expression: `stream! { yield_!(1); sleep(d).await; yield 2; }`
/// is an `impl Stream`, capturing by move like an `async move` block.
#[proc_macro]
pub fn stream(input: TokenStream) -> TokenStream {
    core_path::as_named_by_the_crate(expand::inline(expand::InlineKind::Stream, input.into()))
        .into()
}
