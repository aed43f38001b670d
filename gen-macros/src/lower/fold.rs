//! The internal-iteration copy of a flat generator's body (DESIGN 2.1, "fold").
//!
//! `Iterator::fold` on a generator that has not started runs this copy, a plain loop with no
//! state machine. Desugar `yield_!(v)` into `sink(v)`, `yield_from!(e)` into
//! `Iterator::for_each(IntoIterator::into_iter(e), &mut *sink)`, `e?` into
//! `match e { Ok(v) => v, Err(e) => break 'fold Some(Err(From::from(e))) }` (the error reaches
//! the consumer after the body's locals are dropped, as through `next()`) and `return;`
//! into `return None`. Closures, async blocks and nested items keep their own meaning.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, parse_quote};

use super::flat::names;
use crate::analyze::{YieldKind, yield_kind, yield_value};
use crate::lower::macro_input::{has_question_mark, rewrite_exprs};
use crate::parse::{Binding, GenFn};

/// `if let Some(sink) = sink && let S0(args) = cur { <args> <body> return None; }`.
pub(crate) fn fold_path(func: &GenFn, args: &[Binding]) -> TokenStream {
    let mut body = func.block.clone();
    Rewrite {
        item_ty: func.item_ty.clone(),
    }
    .visit_block_mut(&mut body);
    let (sink, cur, l) = (names::sink(), names::cur(), names::l());
    let (state_enum, s0) = (names::state_enum(), names::variant(0));
    let binds = args.iter().enumerate().map(|(i, arg)| {
        let index = syn::Index::from(args.len() - 1 - i);
        let mutability = arg.mutable.then(|| quote!(mut));
        let ident = &arg.ident;
        quote!(let #mutability #ident = #l.#index;)
    });
    // A `?` leaves the body (dropping its locals and arguments) before the consumer sees the
    // error, as it does through `next()`.
    let (label, error) = (names::fold_label(), names::err());
    quote! {
        if let ::core::option::Option::Some(#sink) = #sink
            && let #state_enum::#s0(#l) = #cur
        {
            let #error = #label: {
                #(#binds)*
                #body
                ::core::option::Option::None
            };
            if let ::core::option::Option::Some(#error) = #error {
                #sink(#error);
            }
            return ::core::option::Option::None;
        }
    }
}

struct Rewrite {
    item_ty: Option<syn::Type>,
}

impl VisitMut for Rewrite {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        match expr {
            Expr::Closure(_) | Expr::Async(_) => return,
            _ => visit_mut::visit_expr_mut(self, expr),
        }
        let sink = names::sink();
        let replacement = match expr {
            Expr::Yield(y) => {
                let value = yield_value(y);
                let span = y.yield_token.span;
                match yield_kind(y) {
                    // The operand's temporaries end before the consumer runs, as after `next()`.
                    YieldKind::One => {
                        let v = names::v();
                        let ty = self.item_ty.as_ref().map(|ty| quote!(: #ty));
                        quote_spanned!(span=> { let #v #ty = #value; #sink(#v) })
                    }
                    YieldKind::From => quote_spanned! {span=>
                        ::core::iter::Iterator::for_each(
                            ::core::iter::IntoIterator::into_iter(#value),
                            &mut *#sink,
                        )
                    },
                }
            }
            Expr::Return(r) => {
                let span = r.return_token.span;
                quote_spanned!(span=> return ::core::option::Option::None)
            }
            Expr::Try(t) => {
                let inner = &t.expr;
                let span = t.question_token.span;
                let (ok, err, label) = (names::ok(), names::err(), names::fold_label());
                quote_spanned! {span=>
                    match #inner {
                        ::core::result::Result::Ok(#ok) => #ok,
                        ::core::result::Result::Err(#err) => {
                            // Parenthesized: `'label ::path` would read as `'label:`.
                            break #label (::core::option::Option::Some(
                                ::core::result::Result::Err(::core::convert::From::from(#err)),
                            ));
                        }
                    }
                }
            }
            _ => return,
        };
        *expr = parse_quote!(#replacement);
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}

    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        let nested = mac
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "iter" || s.ident == "stream");
        if !nested
            && has_question_mark(&mac.tokens)
            && let Some(tokens) = rewrite_exprs(&mac.tokens, |expr| self.visit_expr_mut(expr))
        {
            mac.tokens = tokens;
        }
    }
}
