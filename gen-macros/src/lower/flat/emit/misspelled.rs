//! Names for rustc's "a local variable with a similar name exists".
//!
//! A misspelled local after a yield (`yield_!(totl)` for `total`) is rustc's E0425 in the
//! fold copy, which holds every local where the user declared it, with the help naming
//! `total`; and again in the state machine's arm, where `total`, dead after the yield, is not
//! bound, so the second error has no help and rustc cannot merge the two. Desugar such a
//! local, in every arm where it is in scope but not kept, into an uninitialized placeholder
//! under its name (`let total: ();`): the arm's error is then the copy's, and reported once.
//! Only for locals whose name is near a name no binding declares (`Ir::free`), so a valid
//! body gets none, and that no other binding shares (shadowing). (No valid code reads a
//! placeholder: a local the arm's code reads is live, so kept and bound.)

use std::collections::HashSet;

use proc_macro2::{Ident, TokenStream};
use quote::quote_spanned;

use crate::lower::flat::ir::{BindingId, BindingKind, Ir};

/// The locals whose names are near a free name of the body (see the module doc).
pub(crate) fn near_free_names(ir: &Ir) -> HashSet<BindingId> {
    if ir.free.is_empty() {
        return HashSet::new();
    }
    let free: Vec<String> = ir.free.iter().map(ToString::to_string).collect();
    // A name two bindings share (shadowing) gets none: a placeholder of the inner one would
    // hide the outer one from the glue that names it (`S3 { 0: x }`).
    let shared = |name: &Ident| ir.bindings.iter().filter(|o| o.ident == *name).count() > 1;
    ir.bindings
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b.kind, BindingKind::User | BindingKind::Param))
        .filter(|(_, b)| !shared(&b.ident))
        .filter(|(_, b)| {
            let name = b.ident.to_string();
            !crate::parse::is_self_ident(&b.ident) && free.iter().any(|f| similar(f, &name))
        })
        .map(|(id, _)| id)
        .collect()
}

/// `let name: ();`, unused and never initialized, on the user's name.
pub(crate) fn placeholder(ir: &Ir, b: BindingId) -> TokenStream {
    let ident = &ir.bindings[b].ident;
    quote_spanned! {ident.span()=>
        #[allow(unused_variables)]
        let #ident: ();
    }
}

/// Whether rustc may suggest `name` for the unknown `typo`: the same letters in another case
/// or order, or an edit distance (a swap of two neighbours counting one) within a third of the
/// longer name, at least one.
fn similar(typo: &str, name: &str) -> bool {
    if typo == name {
        return false;
    }
    let sorted = |s: &str| {
        let mut c: Vec<char> = s.to_ascii_lowercase().chars().collect();
        c.sort_unstable();
        c
    };
    if sorted(typo) == sorted(name) {
        return true;
    }
    let limit = (typo.len().max(name.len()) / 3).max(1);
    edit_distance(typo, name) <= limit
}

/// The optimal string alignment distance over chars: insertions, deletions, substitutions
/// and swaps of two neighbours.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::similar;

    #[test]
    fn near_names() {
        assert!(similar("totl", "total"));
        assert!(similar("Total", "total"));
        assert!(similar("cuont", "count"));
        assert!(!similar("x", "x"));
        assert!(!similar("parser", "total"));
    }
}
