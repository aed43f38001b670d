//! Another macro's input, seen as tokens: whether it holds a `?` (which the compiler-backed
//! lowering must see to make the body fallible, and which the flat lowering can only rewrite in
//! the macros whose input it parses).

use proc_macro2::{TokenStream, TokenTree};

/// Whether `tokens` contain a `?` outside nested groups' own macros (a quick filter).
pub(crate) fn has_question_mark(tokens: &TokenStream) -> bool {
    tokens.clone().into_iter().any(|tree| match tree {
        TokenTree::Punct(p) => p.as_char() == '?',
        TokenTree::Group(g) => has_question_mark(&g.stream()),
        _ => false,
    })
}
