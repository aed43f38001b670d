//! Code that is not lowered, printed as written inside an arm, with what the arm changes:
//! - a generator-level `e?` becomes `match e { Ok(v) => v, Err(e) => return Some(Err(e.into())) }`
//!   and `return;` becomes `return None` (the stored state is already `Done`);
//! - a `break`/`continue` that leaves the printed code for a lowered loop becomes
//!   `break '__gen_w ControlFlow::Break(k)` out of a labelled block around the code, and the
//!   jump itself is emitted after it, where the generator's names are in scope; a `continue`
//!   of the loop that is native in this arm stays a native `continue 'label`;
//! - a place the arm holds in a hidden local (a kept part of a partly moved value) is read
//!   from there, and an assignment to a binding the arm received in an `Option` (or in parts)
//!   first drops what is left of the old value, as plain Rust's drop flags do.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use super::{Cont, Emitter};
use crate::lower::flat::ir::{
    BindingId, Cond, CondPart, Expr, LoopId, MarkId, Place, ScopeId, Use,
};
use crate::lower::flat::names;
use crate::lower::flat::plan::Now;
use crate::lower::flat::print::{Context, Printer};

/// A jump out of printed code that the emitter performs after it.
struct Escape {
    /// Index into the emitter's loop stack.
    target: usize,
    is_continue: bool,
    value_slot: Option<proc_macro2::Ident>,
    mark: MarkId,
}

/// The printing context of an arm.
struct Machine<'e, 'a> {
    em: &'e mut Emitter<'a>,
    wrapper: syn::Lifetime,
    escapes: Vec<Escape>,
}

impl Emitter<'_> {
    /// Prints `e` as written (see the module docs).
    pub(crate) fn verbatim(&mut self, e: &Expr) -> TokenStream {
        if let Some(jump) = self.direct_jump(e) {
            return jump;
        }
        self.printed(|p| p.expr(e))
    }

    /// A `break`/`continue` of a lowered loop that is the whole expression: its jump, without
    /// a labelled block around it.
    fn direct_jump(&mut self, e: &Expr) -> Option<TokenStream> {
        // `{ break }` (the `else` of a `let .. else`, an arm's block): the jump in its block.
        if let crate::lower::flat::ir::ExprKind::Block {
            block,
            label: None,
            unsafety: None,
            ..
        } = &e.kind
            && let [crate::lower::flat::ir::Stmt::Expr { expr, .. }] = block.stmts.as_slice()
            && self.items.prelude(block.scope).is_empty()
        {
            return self.direct_jump(expr);
        }
        let (target, value, mark, is_continue) = match &e.kind {
            crate::lower::flat::ir::ExprKind::Break {
                target: Some(t),
                value,
                mark,
                ..
            } => (*t, value.as_deref(), *mark, false),
            crate::lower::flat::ir::ExprKind::Continue {
                target: Some(t),
                mark,
                ..
            } => (*t, None, *mark, true),
            _ => return None,
        };
        let index = self.loops.iter().rposition(|c| c.id == target)?;
        if is_continue {
            if self.arm.native.contains(&target) {
                return None;
            }
            let glue = self.perform(&Cont::Continue(index), None, mark);
            return Some(quote!({ #glue }));
        }
        let exit = self.loops[index].exit.clone();
        let value = value.map(|v| self.verbatim(v));
        let glue = self.perform(&exit, value, mark);
        Some(quote!({ #glue }))
    }

    /// Prints a condition.
    pub(crate) fn verbatim_cond(&mut self, cond: &Cond) -> TokenStream {
        self.printed(|p| p.cond(cond))
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
        self.declared_all(&bindings)
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
            let mut cx = Machine {
                em: self,
                wrapper: names::wrapper(0),
                escapes: Vec::new(),
            };
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

    fn printed(
        &mut self,
        print: impl FnOnce(&mut Printer<'_, Machine<'_, '_>>) -> TokenStream,
    ) -> TokenStream {
        let n = self.fresh();
        let wrapper = names::wrapper(n);
        let ir = self.ir;
        let cx = Machine {
            em: self,
            wrapper: wrapper.clone(),
            escapes: Vec::new(),
        };
        let mut printer = Printer::new(ir, cx);
        let code = print(&mut printer);
        let escapes = std::mem::take(&mut printer.cx.escapes);
        drop(printer);
        if escapes.is_empty() {
            return code;
        }
        let mut slots = TokenStream::new();
        let mut arms = TokenStream::new();
        for (k, escape) in escapes.iter().enumerate() {
            let code = if escape.is_continue {
                self.perform(&Cont::Continue(escape.target), None, escape.mark)
            } else {
                let exit = self.loops[escape.target].exit.clone();
                let value = escape.value_slot.as_ref().map(|slot| {
                    quote!(match #slot {
                        ::core::option::Option::Some(v) => v,
                        ::core::option::Option::None => ::core::unreachable!(),
                    })
                });
                self.perform(&exit, value, escape.mark)
            };
            if let Some(slot) = &escape.value_slot {
                slots.extend(quote!(let mut #slot = ::core::option::Option::None;));
            }
            let k = k as u32;
            arms.extend(quote!(#k => { #code }));
        }
        let flow = names::v();
        quote!({
            #slots
            match (#wrapper: {
                let #flow = #code;
                // Unreachable when the code always jumps out: glue.
                #[allow(unreachable_code)]
                { break #wrapper (::core::ops::ControlFlow::Continue(#flow)) };
            }) {
                ::core::ops::ControlFlow::Continue(v) => v,
                ::core::ops::ControlFlow::Break(k) => match k { #arms _ => ::core::unreachable!() },
            }
        })
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
        for q in plan.cfg.places.subtree(p) {
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

    fn yield_(&mut self, _value: TokenStream, _from: bool, span: Span) -> TokenStream {
        self.em.errors.push(syn::Error::new(
            span,
            "the flat generator cannot lower this yield; please report this",
        ));
        quote!(::core::unreachable!())
    }

    fn try_(&mut self, inner: TokenStream, question: Span) -> TokenStream {
        let (ok, err) = (names::ok(), names::err());
        quote_spanned! {question=>
            match #inner {
                ::core::result::Result::Ok(#ok) => #ok,
                ::core::result::Result::Err(#err) => {
                    return ::core::option::Option::Some(::core::result::Result::Err(
                        ::gen_core::__private::convert_err(#err),
                    ));
                }
            }
        }
    }

    fn return_(&mut self, span: Span) -> TokenStream {
        quote_spanned!(span=> return ::core::option::Option::None)
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
        let k = self.escapes.len() as u32;
        let wrapper = &self.wrapper;
        let value_slot = value
            .as_ref()
            .map(|_| format_ident!("__gen_break{}", k, span = Span::mixed_site()));
        let leave = quote_spanned!(span=> break #wrapper (::core::ops::ControlFlow::Break(#k)));
        let tokens = match (&value_slot, value) {
            (Some(slot), Some(value)) => {
                quote!({ #slot = ::core::option::Option::Some(#value); #leave })
            }
            _ => leave,
        };
        self.escapes.push(Escape {
            target: index,
            is_continue,
            value_slot,
            mark,
        });
        Some(tokens)
    }

    fn block_prelude(&mut self, scope: ScopeId) -> TokenStream {
        self.em.items.prelude(scope)
    }
}
