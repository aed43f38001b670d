//! The internal-iteration copy of the body: the IR printed as a plain loop in which a yield
//! calls the fold callback (`Iterator::fold` on a generator that has not started runs it).
//!
//! Desugar `yield_!(v)` into `sink(v)`, `e?` into
//! `match e { Ok(v) => v, Err(e) => break 'fold Some(Err(From::from(e))) }` (the error reaches
//! the consumer after the body's locals are dropped, as through `next()`) and `return;` into
//! `return None`. Closures, async blocks and nested items keep their own meaning.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use super::ir::{Ir, LoopId, MarkId, Place, ScopeId, Use};
use super::items::Items;
use super::names;
use super::print::{Context, Printer};

struct Fold<'a> {
    items: &'a Items,
    item_ty: Option<syn::Type>,
}

/// `if let Some(sink) = sink && let S0(args) = cur { <args> <body> return None; }`.
pub(crate) fn fold_path(
    ir: &Ir,
    items: &Items,
    item_ty: Option<syn::Type>,
    rebind: TokenStream,
    pattern: TokenStream,
) -> TokenStream {
    let mut printer = Printer::new(ir, Fold { items, item_ty });
    let body = printer.block(&ir.root);
    let (sink, cur) = (names::sink(), names::cur());
    let (label, error) = (names::fold_label(), names::err());
    quote! {
        if let ::core::option::Option::Some(#sink) = #sink
            && let #pattern = #cur
        {
            let #error = #label: {
                #rebind
                #body
                // Unreachable when the body never ends: glue.
                #[allow(unreachable_code)]
                { break #label (::core::option::Option::None) };
            };
            #[allow(unreachable_code)]
            {
                if let ::core::option::Option::Some(#error) = #error {
                    #sink(#error);
                }
                return ::core::option::Option::None;
            };
        }
    }
}

impl Context for Fold<'_> {
    fn place(&mut self, _: &Place, _: Use, _: usize) -> Option<TokenStream> {
        None
    }

    fn assign(&mut self, _: &Place, _: TokenStream, _: usize) -> Option<TokenStream> {
        None
    }

    fn yield_(&mut self, value: TokenStream, _from: bool, span: Span) -> TokenStream {
        // The operand's temporaries end before the consumer runs, as after `next()`.
        let (v, sink) = (names::v(), names::sink());
        let ty = self.item_ty.as_ref().map(|ty| quote!(: #ty));
        quote_spanned!(span=> { let #v #ty = #value; #sink(#v) })
    }

    fn try_(&mut self, inner: TokenStream, question: Span) -> TokenStream {
        let (ok, err, label) = (names::ok(), names::err(), names::fold_label());
        let error = super::emit::glue::yielded_error(&err, self.item_ty.as_ref(), question);
        quote_spanned! {question=>
            match #inner {
                ::core::result::Result::Ok(#ok) => #ok,
                ::core::result::Result::Err(#err) => {
                    // Parenthesized: `'label ::path` would read as `'label:`.
                    break #label (::core::option::Option::Some(#error));
                }
            }
        }
    }

    fn return_(&mut self, span: Span) -> TokenStream {
        quote_spanned!(span=> return ::gen_core::__private::finished())
    }

    fn jump(
        &mut self,
        _: LoopId,
        _: bool,
        _: Option<TokenStream>,
        _: MarkId,
        _: Span,
    ) -> Option<TokenStream> {
        None
    }

    fn block_prelude(&mut self, scope: ScopeId) -> TokenStream {
        self.items.prelude(scope)
    }

    fn declared(&mut self, _: &[super::ir::BindingId]) -> usize {
        0
    }

    fn forget(&mut self, _: usize) {}

    fn exact(&self) -> bool {
        true
    }
}
