//! Another macro's input, seen as expressions where it is one.
//!
//! `vec![a, f()?]`, `format!("{}", x?)`, `assert_eq!(a?, b)`: the input is a comma-separated
//! list of expressions (or `expr; expr` for `vec!`), so a generator-level `?` inside it can be
//! rewritten like any other. Desugar the input into those expressions, rewrite them, and put
//! them back with the same separators.

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr, Token};

/// Whether `tokens` contain a `?` outside nested groups' own macros (a quick filter).
pub(crate) fn has_question_mark(tokens: &TokenStream) -> bool {
    tokens.clone().into_iter().any(|tree| match tree {
        TokenTree::Punct(p) => p.as_char() == '?',
        TokenTree::Group(g) => has_question_mark(&g.stream()),
        _ => false,
    })
}

/// Applies `rewrite` to every expression of a macro input shaped `e, e, ..` or `e; e`, and
/// returns the new input; `None` when the input is not shaped like that.
pub(crate) fn rewrite_exprs(
    tokens: &TokenStream,
    mut rewrite: impl FnMut(&mut Expr),
) -> Option<TokenStream> {
    let list = |input: ParseStream<'_>| Punctuated::<Expr, Token![,]>::parse_terminated(input);
    if let Ok(mut exprs) = list.parse2(tokens.clone()) {
        for expr in &mut exprs {
            rewrite(expr);
        }
        return Some(exprs.into_token_stream());
    }
    let repeat = |input: ParseStream<'_>| {
        let value: Expr = input.parse()?;
        let semi: Token![;] = input.parse()?;
        let count: Expr = input.parse()?;
        Ok((value, semi, count))
    };
    let (mut value, semi, mut count) = repeat.parse2(tokens.clone()).ok()?;
    rewrite(&mut value);
    rewrite(&mut count);
    let mut out = value.into_token_stream();
    semi.to_tokens(&mut out);
    count.to_tokens(&mut out);
    Some(out)
}
