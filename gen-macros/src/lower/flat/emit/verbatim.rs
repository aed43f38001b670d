//! Code that is not lowered, printed as written inside an arm, with what the arm changes:
//! - a generator-level `e?` becomes `match e { Ok(v) => v, Err(e) => return Some(Err(e.into())) }`
//!   and `return;` becomes `return None` (the stored state is already `Done`);
//! - a `break`/`continue` that leaves the printed code for a lowered loop becomes the jump
//!   itself, right there (glue names a binding that the printed code shadows through its
//!   capture macro); a `continue` of the loop that is native in this arm stays a native
//!   `continue 'label`;
//! - a place the arm holds in a hidden local (a kept part of a partly moved value) is read
//!   from there, and an assignment to a binding the arm received in an `Option` (or in parts)
//!   first drops what is left of the old value, as plain Rust's drop flags do.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use super::{Cont, Emitter};
use crate::lower::flat::ir::{
    BindingId, Cond, CondPart, Expr, LoopId, MarkId, Place, ScopeId, Use,
};
use crate::lower::flat::names;
use crate::lower::flat::plan::Now;
use crate::lower::flat::print::{Context, Printer};

/// The printing context of an arm.
struct Machine<'e, 'a> {
    em: &'e mut Emitter<'a>,
}

impl Emitter<'_> {
    /// Prints `e` as written (see the module docs).
    pub(crate) fn verbatim(&mut self, e: &Expr) -> TokenStream {
        let ir = self.ir;
        Printer::new(ir, Machine { em: self }).expr(e)
    }

    /// Prints a condition.
    pub(crate) fn verbatim_cond(&mut self, cond: &Cond) -> TokenStream {
        let ir = self.ir;
        Printer::new(ir, Machine { em: self }).cond(cond)
    }

    /// Declares the `let` bindings of a condition (they scope the branch it guards).
    pub(crate) fn declared_cond(&mut self, cond: &Cond) -> TokenStream {
        let bindings: Vec<BindingId> = cond
            .parts
            .iter()
            .flat_map(|part| match part {
                CondPart::Let { bindings, .. } => bindings.clone(),
                CondPart::Expr(_) => Vec::new(),
            })
            .collect();
        let remut = self.remut(&bindings);
        let declared = self.declared_all(&bindings);
        quote!(#remut #declared)
    }

    /// `place = value` / `place op= value` of a lowered assignment's join.
    pub(crate) fn assign_value(
        &mut self,
        lhs: &Expr,
        value: TokenStream,
        op: Option<&syn::BinOp>,
    ) -> TokenStream {
        if op.is_none()
            && let crate::lower::flat::ir::ExprKind::Place {
                place,
                how: Use::Assign,
                id,
                ..
            } = &lhs.kind
        {
            let mut cx = Machine { em: self };
            if let Some(tokens) = cx.assign(place, value.clone(), *id) {
                return tokens;
            }
        }
        let lhs = self.verbatim(lhs);
        match op {
            Some(op) => quote!(#lhs #op #value),
            None => quote!(#lhs = #value),
        }
    }
}

impl Context for Machine<'_, '_> {
    fn place(&mut self, place: &Place, _how: Use, id: usize) -> Option<TokenStream> {
        let node = self.em.plan.cfg.uses[id]?;
        let p = self.em.plan.cfg.places.get(place)?;
        match self.em.plan.now(node, p) {
            Now::Held(h) => Some(self.em.held_tokens(h, p)),
            _ => None,
        }
    }

    fn pat(&mut self, pat: &syn::Pat, bindings: &[BindingId]) -> TokenStream {
        self.em.pattern_pat(pat, bindings)
    }

    fn assign(&mut self, place: &Place, value: TokenStream, id: usize) -> Option<TokenStream> {
        let node = self.em.plan.cfg.uses[id]?;
        let plan = self.em.plan;
        let p = plan.cfg.places.get(place)?;
        if let Now::Held(h) = plan.now(node, p) {
            // Writing a kept part writes its hidden local (dropping the old value).
            let target = self.em.held_tokens(h, p);
            return Some(quote!(#target = #value));
        }
        if !place.path.is_empty() {
            return None;
        }
        // The arm received the binding in an `Option` or in parts: drop what is left of the
        // old value first, then give the binding its new one.
        let mut drops = TokenStream::new();
        for q in plan.drop_order(p) {
            match plan.now(node, q) {
                Now::Slot(s) if s == q => {
                    let slot = names::slot(s);
                    drops.extend(quote!(#slot = ::core::option::Option::None;));
                }
                Now::Held(h) if h == q => {
                    let held = names::held(h);
                    drops.extend(quote!(::core::mem::drop(#held);));
                }
                _ => {}
            }
        }
        if drops.is_empty() {
            return None;
        }
        let (t, ident) = (names::assigned(), &self.em.ir.bindings[place.binding].ident);
        Some(quote!({ let #t = #value; #drops #ident = #t; }))
    }

    fn yield_(&mut self, _value: TokenStream, _from: bool, span: Span, _: Span) -> TokenStream {
        self.em.errors.push(syn::Error::new(
            span,
            "the flat generator cannot lower this yield; please report this",
        ));
        quote!(::core::unreachable!())
    }

    fn try_(&mut self, inner: TokenStream, question: Span) -> TokenStream {
        let (ok, err) = (names::ok(), names::err());
        let error = super::glue::yielded_error(&err, self.em.item_ty.as_ref(), question);
        quote_spanned! {question=>
            match ::gen_core::checks::question_mark(#inner) {
                ::core::result::Result::Ok(#ok) => #ok,
                ::core::result::Result::Err(#err) => {
                    return ::core::option::Option::Some(#error);
                }
            }
        }
    }

    fn return_(&mut self, span: Span) -> TokenStream {
        quote_spanned!(span=> return ::gen_core::__private::finished())
    }

    fn return_error(&mut self, value: TokenStream, span: Span) -> TokenStream {
        // Desugar `return Err(e)` into `return Some(Err(e))`: the locals drop on the way
        // out, before the consumer has the error, as `?` does.
        let ty = self.em.item_ty.as_ref().map(|ty| quote!(: #ty));
        let v = names::v();
        quote_spanned!(span=> return ::core::option::Option::Some({ let #v #ty = #value; #v }))
    }

    fn jump(
        &mut self,
        target: LoopId,
        is_continue: bool,
        value: Option<TokenStream>,
        mark: MarkId,
        span: Span,
    ) -> Option<TokenStream> {
        let index = self.em.loops.iter().rposition(|c| c.id == target)?;
        let ctx = &self.em.loops[index];
        if is_continue && self.em.arm.native.contains(&ctx.id) {
            let label = ctx.native.clone();
            return Some(quote_spanned!(span=> continue #label));
        }
        let cont = if is_continue {
            Cont::Continue(index)
        } else {
            ctx.exit.clone()
        };
        let glue = self.em.perform(&cont, value, mark);
        Some(quote!({ #glue }))
    }

    fn block_prelude(&mut self, scope: ScopeId) -> TokenStream {
        self.em.items.prelude(scope)
    }

    fn declared(&mut self, bindings: &[BindingId]) -> usize {
        let mark = self.em.arm.visible.len();
        self.em.arm.visible.extend_from_slice(bindings);
        mark
    }

    fn forget(&mut self, mark: usize) {
        self.em.forget_after(mark);
    }

    fn exact(&self) -> bool {
        false
    }
}
