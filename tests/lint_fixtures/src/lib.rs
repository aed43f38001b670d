//! User code that clippy warns about (`clippy::len_zero`, `clippy::bool_comparison`, both
//! warn-by-default) inside a generator of each flavour. Every line marked `// clippy:` must
//! draw that warning, at that line, and no other line any warning: see `../check.sh`.
//!
//! The modules `pass_*` are the correct generators of `tests/ui/lints/pass/` (trybuild checks
//! them under rustc with `#![deny(warnings)]`); here clippy sees them too.

#[path = "../../tests/ui/lints/pass/boxed.rs"]
pub mod pass_boxed;
#[path = "../../tests/ui/lints/pass/boxed_guards.rs"]
pub mod pass_boxed_guards;
#[path = "../../tests/ui/lints/pass/flat.rs"]
pub mod pass_flat;
#[path = "../../tests/ui/lints/pass/flat_loops_left_by_a_jump.rs"]
pub mod pass_flat_loops_left_by_a_jump;
#[path = "../../tests/ui/lints/pass/flat_mutation_styles.rs"]
pub mod pass_flat_mutation_styles;
#[path = "../../tests/ui/lints/pass/flat_variant_patterns.rs"]
pub mod pass_flat_variant_patterns;
#[path = "../../tests/ui/lints/pass/flat_ref_bindings.rs"]
pub mod pass_flat_ref_bindings;
#[path = "../../tests/ui/lints/pass/flat_no_fold.rs"]
pub mod pass_flat_no_fold;
#[path = "../../tests/ui/lints/pass/iter_macro.rs"]
pub mod pass_iter_macro;
#[path = "../../tests/ui/lints/pass/stream.rs"]
pub mod pass_stream;
#[path = "../../tests/ui/lints/pass/stream_macro.rs"]
pub mod pass_stream_macro;

use futures::Stream;
use gen_core::generator;

#[generator]
pub fn flat(items: Vec<u32>, verbose: bool) -> impl Iterator<Item = u32> {
    let empty = items.len() == 0; // clippy: len_zero
    if empty {
        return;
    }
    for item in items {
        let shown = verbose == true; // clippy: bool_comparison
        if shown {
            yield_!(item);
        }
    }
}

#[generator(no_fold)]
pub fn flat_no_fold(items: Vec<u32>, verbose: bool) -> impl Iterator<Item = u32> {
    let empty = items.len() == 0; // clippy: len_zero
    if empty {
        return;
    }
    for item in items {
        let shown = verbose == true; // clippy: bool_comparison
        if shown {
            yield_!(item);
        }
    }
}

#[generator(boxed)]
pub fn boxed(items: Vec<u32>, verbose: bool) -> impl Iterator<Item = u32> {
    let empty = items.len() == 0; // clippy: len_zero
    if empty {
        return;
    }
    for item in &items {
        let shown = verbose == true; // clippy: bool_comparison
        if shown {
            yield_!(*item);
        }
    }
}

#[generator]
pub fn stream(items: Vec<u32>, verbose: bool) -> impl Stream<Item = u32> {
    let empty = items.len() == 0; // clippy: len_zero
    if empty {
        return;
    }
    for item in items {
        core::future::ready(()).await;
        let shown = verbose == true; // clippy: bool_comparison
        if shown {
            yield_!(item);
        }
    }
}

pub fn iter_macro(items: Vec<u32>, verbose: bool) -> impl Iterator<Item = u32> {
    gen_core::iter! {
        let empty = items.len() == 0; // clippy: len_zero
        if empty {
            return;
        }
        for item in items {
            let shown = verbose == true; // clippy: bool_comparison
            if shown {
                yield item;
            }
        }
    }
}

pub fn stream_macro(items: Vec<u32>, verbose: bool) -> impl Stream<Item = u32> {
    gen_core::stream! {
        let empty = items.len() == 0; // clippy: len_zero
        if empty {
            return;
        }
        for item in items {
            core::future::ready(()).await;
            let shown = verbose == true; // clippy: bool_comparison
            if shown {
                yield item;
            }
        }
    }
}

/// Clippy's lints on one `if`, `match` or loop as written fire in a flat generator as in the
/// plain function (they read the copy of the body that `fold` runs).
#[generator]
pub fn flat_control_flow(rows: Vec<Option<u32>>, deep: bool, wide: bool) -> impl Iterator<Item = u32> {
    // (The mark before the outer block's brace: clippy leaves an `if` whose block holds a
    // comment alone.)
    if deep // clippy: collapsible_if
    {
        if wide {
            yield_!(0);
        }
    }
    for i in 0..rows.len() { // clippy: needless_range_loop
        if let Some(_) = rows[i] { // clippy: redundant_pattern_matching
            yield_!(1);
        }
    }
    let mut it = rows.into_iter();
    while let Some(row) = it.next() { // clippy: while_let_on_iterator
        yield_!(row.unwrap_or(2));
    }
    let mut left = vec![1u32, 2];
    // A pattern's `_` of a temporary the arm yields under (`v.pop()`).
    if let Some(_) = left.pop() { // clippy: redundant_pattern_matching
        yield_!(3);
    }
    loop { // clippy: while_let_loop
        match left.pop() {
            Some(x) => yield_!(x),
            None => break,
        }
    }
    // A `match` on a temporary whose arm yields (desugared around a hidden local).
    match left.first() { // clippy: single_match
        Some(&x) => yield_!(x),
        None => {}
    }
    match left.len() { // clippy: match_single_binding
        n => yield_!(n as u32),
    }
}

/// Clippy's lints on code between yields, each once (the state machine's copy of the code,
/// split around glue, is not linted a second time).
#[generator]
pub fn flat_between_yields(rows: Vec<u32>, n: u32) -> impl Iterator<Item = String> {
    yield_!(String::new());
    let mut it = rows.iter();
    while let Some(r) = it.next() { // clippy: while_let_on_iterator
        let _ = r;
    }
    let even = n % 2 == 0; // clippy: manual_is_multiple_of
    let shown = format!("{}", n.to_string()); // clippy: useless_format, to_string_in_format_args
    yield_!(shown);
    yield_!(even.to_string());
}

/// The same lints in a `boxed` generator, each once (its async copy of the body is not linted
/// beside the plain copy `fold` runs), and those that judge a value by all its uses.
#[generator(boxed)]
pub fn boxed_lints_once(text: String, deep: bool, wide: bool) -> impl Iterator<Item = usize> {
    let label = format!("x"); // clippy: useless_format
    let sizes = vec![1, 2]; // clippy: useless_vec
    for w in text.split(' ') {
        yield_!(w.len() + label.len() + sizes.len());
    }
    if deep // clippy: collapsible_if
    {
        if wide {
            yield_!(0);
        }
    }
}

/// The same code outside any generator, as the reference.
pub fn plain(items: Vec<u32>, verbose: bool) -> Vec<u32> {
    let empty = items.len() == 0; // clippy: len_zero
    if empty {
        return Vec::new();
    }
    let mut out = Vec::new();
    for item in items {
        let shown = verbose == true; // clippy: bool_comparison
        if shown {
            out.push(item);
        }
    }
    out
}
