//! Where a piece of the body is in the user's source: its first and last token.

use proc_macro2::{Ident, Span, TokenStream};

/// The first and last token of some code: an error spanning it underlines all of it (a
/// single `Span` covers one token on stable Rust).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Spans(pub Span, pub Span);

impl Spans {
    pub(crate) fn of(tokens: &impl quote::ToTokens) -> Spans {
        let mut trees = tokens.to_token_stream().into_iter();
        let first = trees.next().map_or_else(Span::call_site, |t| t.span());
        let last = trees.last().map_or(first, |t| t.span());
        Spans(first, last)
    }

    /// [`Spans::of`] an expression, following only the operand that begins it and the one
    /// that ends it through operator and method chains (the builder asks it of every level
    /// of a chain, whose full token stream would cost the chain's length each time).
    pub(crate) fn of_expr(e: &syn::Expr) -> Spans {
        Spans(first_span(e), last_span(e))
    }
}

fn first_span(e: &syn::Expr) -> Span {
    use syn::Expr as E;
    match e {
        E::Binary(b) if b.attrs.is_empty() => first_span(&b.left),
        E::MethodCall(m) if m.attrs.is_empty() => first_span(&m.receiver),
        E::Field(f) if f.attrs.is_empty() => first_span(&f.base),
        E::Index(i) if i.attrs.is_empty() => first_span(&i.expr),
        E::Cast(c) if c.attrs.is_empty() => first_span(&c.expr),
        E::Try(t) if t.attrs.is_empty() => first_span(&t.expr),
        _ => Spans::of(e).0,
    }
}

fn last_span(e: &syn::Expr) -> Span {
    use syn::Expr as E;
    match e {
        E::Binary(b) => last_span(&b.right),
        E::Unary(u) => last_span(&u.expr),
        E::MethodCall(m) => m.paren_token.span.close(),
        E::Field(f) => Spans::of(&f.member).1,
        E::Index(i) => i.bracket_token.span.close(),
        E::Try(t) => t.question_token.span,
        E::Yield(y) => crate::analyze::yield_end(y).unwrap_or_else(|| Spans::of(e).1),
        _ => Spans::of(e).1,
    }
}

impl Spans {
    /// An error underlining the code.
    pub(crate) fn error(self, message: impl std::fmt::Display) -> syn::Error {
        let tokens: TokenStream = [
            proc_macro2::TokenTree::Ident(Ident::new("a", self.0)),
            proc_macro2::TokenTree::Ident(Ident::new("a", self.1)),
        ]
        .into_iter()
        .collect();
        syn::Error::new_spanned(tokens, message)
    }
}
