//! Loops and verbatim code of the flat state machine (see `emit.rs` for the model).

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Block, Expr, Ident, Lifetime};

use super::emit::{Cont, Emitter, LoopCtx};
use super::facts::{LocalId, LoopFact, Mention, Use};
use super::names;
use super::stmts::{LoopKind, borrows, contains_yield};
use super::verbatim::{Scope, Visit};
use crate::error::format_err;
use crate::parse::Binding;

impl Emitter<'_> {
    /// Desugar a loop whose body yields into a head state holding it as a native loop:
    /// `'l: while c { body }` into a jump to `H` and the arm `H => 'l: while c { body } <cont>`;
    /// `for p in e { body }` into `let mut iter = IntoIterator::into_iter(e);`, a jump to `H`
    /// and `H => 'l: while let Some(p) = Iterator::next(&mut iter) { body } <cont>`.
    pub(super) fn loop_expr(
        &mut self,
        label: Option<&syn::Label>,
        kind: LoopKind<'_>,
        body: &Block,
        cont: &Cont,
    ) -> TokenStream {
        self.push_scope();
        let mut prelude = TokenStream::new();
        let mut iter = None;
        if let LoopKind::For(_, iterable) = &kind {
            if contains_yield(iterable) {
                self.pop_scope();
                return self.unsupported(iterable, "in the iterable of a `for` loop");
            }
            self.check_borrowed_iterable(iterable);
            let code = self.verbatim_expr(iterable, Use::Move);
            let n = self.fresh();
            let ident = names::iter(n);
            let binding = Binding {
                ident: ident.clone(),
                mutable: true,
                by_ref: false,
                mut_ref: false,
                plain: false,
            };
            self.declare(&binding, true);
            prelude = quote!(let mut #ident = ::core::iter::IntoIterator::into_iter(#code););
            iter = Some(ident);
        }
        if let LoopKind::While(cond) = &kind
            && contains_yield(cond)
        {
            self.pop_scope();
            return self.unsupported(cond, "in the condition of a `while` loop");
        }
        let id = self.facts.loops.len();
        let start = self.tick();
        self.facts.loops.push(LoopFact { start, end: 0 });
        let user_label: Option<Lifetime> = label.map(|l| l.name.clone());
        let native = user_label.clone().unwrap_or_else(|| {
            let n = self.fresh();
            names::loop_label(n)
        });
        let head = self.new_state(false);
        self.loops.push(LoopCtx {
            level: self.scopes.len(),
            label: user_label,
            native: native.clone(),
            is_block: false,
            head: Some(head),
            exit: cont.clone(),
            id,
        });
        let index = self.loops.len() - 1;
        let enter = self.jump(head, None);
        self.arm(head, |this| {
            this.facts.states[head].heads = Some(id);
            this.arm.native.push(id);
            // The `for` pattern is bound inside the loop: alias what it shadows up front.
            let aliases = match &kind {
                LoopKind::For(pat, _) => this.alias_shadowed(pat, false),
                _ => TokenStream::new(),
            };
            this.push_scope();
            let header = match &kind {
                LoopKind::Loop => quote!(loop),
                LoopKind::While(cond) => {
                    let cond = this.cond(cond);
                    quote!(while #cond)
                }
                LoopKind::For(pat, iterable) => {
                    this.declare_pat(pat, borrows(iterable));
                    // A resident iterator is already a `&mut` into the stored state.
                    let iter = match this.arm.resident {
                        Some(_) => quote!(#iter),
                        None => quote!(&mut #iter),
                    };
                    quote!(while let ::core::option::Option::Some(#pat) = ::core::iter::Iterator::next(#iter))
                }
            };
            let body = this.block(body, &Cont::Continue(index));
            this.pop_scope();
            let after = match kind {
                LoopKind::Loop => quote!(),
                _ => this.perform(cont, None),
            };
            quote!(#aliases #native: #header #body #after)
        });
        self.loops.pop();
        self.facts.loops[id].end = self.tick();
        self.pop_scope();
        quote!({ #prelude #enter })
    }

    /// `&local` / `&mut local` / `&local.field` of an owned tracked local.
    pub(super) fn borrowed_owned_local(&self, expr: &Expr) -> Option<(LocalId, TokenStream)> {
        let Expr::Reference(reference) = expr else {
            return None;
        };
        let mut base = &*reference.expr;
        while let Expr::Field(field) = base {
            base = &field.base;
        }
        let Expr::Path(path) = base else { return None };
        let local = self.resolve(&path.path.get_ident()?.to_string())?;
        (!self.facts.locals[local].by_ref).then(|| (local, quote!(#expr)))
    }

    /// `for x in &local { .. yield .. }` keeps a borrow of `local` in the generator's state
    /// across the yield, which a flat state machine cannot hold: say so on the borrow.
    pub(super) fn check_borrowed_iterable(&mut self, iterable: &Expr) {
        let Expr::Reference(reference) = iterable else {
            return;
        };
        let Expr::Path(path) = &*reference.expr else {
            return;
        };
        let Some(ident) = path.path.get_ident() else {
            return;
        };
        let Some(local) = self.resolve(&ident.to_string()) else {
            return;
        };
        if self.facts.locals[local].by_ref {
            return;
        }
        self.errors.push(format_err!(
            reference,
            "`{ident}` is borrowed by this loop across a yield, but a flat generator cannot keep \
             a borrow of its own local in its state; iterate over an owned value \
             (`for x in {ident}`), index into it, take it by reference as an argument, or use \
             `#[generator(boxed)]`"
        ));
    }

    /// Emits yield-free code as written (see `verbatim.rs`); a `break`/`continue` in it that
    /// leaves for a lowered loop exits a labelled block around it, and the jump is emitted
    /// here, where the generator's names are in scope.
    pub(crate) fn verbatim_expr(&mut self, expr: &Expr, how: Use) -> TokenStream {
        let mut expr = expr.clone();
        let n = self.fresh();
        let wrapper = names::wrapper(n);
        let mut visit = Visit::new(self, wrapper.clone());
        visit.expr(&mut expr, how);
        let escapes = std::mem::take(&mut visit.escapes);
        let errors = std::mem::take(&mut visit.errors);
        if !escapes.is_empty() {
            let pos = self.tick();
            self.facts.escapes.push(pos);
        }
        for error in errors {
            self.errors.push(error);
        }
        if escapes.is_empty() {
            return quote!(#expr);
        }
        let mut slots = TokenStream::new();
        let mut arms = TokenStream::new();
        for (k, escape) in escapes.iter().enumerate() {
            let code = if escape.is_continue {
                self.perform(&Cont::Continue(escape.target), None)
            } else {
                let exit = self.loops[escape.target].exit.clone();
                let value = escape.value_slot.as_ref().map(|slot| {
                    quote!(match #slot { ::core::option::Option::Some(v) => v, ::core::option::Option::None => ::core::unreachable!() })
                });
                self.perform(&exit, value)
            };
            if let Some(slot) = &escape.value_slot {
                slots.extend(quote!(let mut #slot = ::core::option::Option::None;));
            }
            let k = k as u32;
            arms.extend(quote!(#k => #code,));
        }
        quote!({
            #slots
            match (#wrapper: { ::core::ops::ControlFlow::Continue(#expr) }) {
                ::core::ops::ControlFlow::Continue(v) => v,
                ::core::ops::ControlFlow::Break(k) => match k { #arms _ => ::core::unreachable!() },
            }
        })
    }
}

impl Scope for Emitter<'_> {
    fn resolve(&self, name: &str) -> Option<LocalId> {
        self.scopes
            .iter()
            .rev()
            .flat_map(|level| level.locals.iter().rev())
            .copied()
            .find(|&local| self.locals[local].ident == name)
    }

    fn mention(&mut self, local: LocalId, how: Use) {
        let pos = self.tick();
        let context = (how == Use::Assign).then(|| {
            let loops = self
                .loops
                .iter()
                .filter(|l| !l.is_block)
                .map(|l| l.id)
                .collect();
            Box::new((self.regions.clone(), loops))
        });
        let arm = self.current_arm;
        self.facts.mentions[local].push(Mention {
            pos,
            how,
            arm,
            context,
        });
    }

    fn free(&mut self, name: &Ident) {
        let text = name.to_string();
        if text.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
            && text != "self"
            && !self.free.iter().any(|f| *f == text)
        {
            self.free.push(name.clone());
        }
    }

    fn target(
        &self,
        label: Option<&Lifetime>,
        is_continue: bool,
    ) -> Option<(usize, Option<Lifetime>)> {
        let index = self.loops.iter().rposition(|ctx| match label {
            Some(label) => ctx.label.as_ref().is_some_and(|l| l.ident == label.ident),
            None => !ctx.is_block,
        })?;
        let ctx = &self.loops[index];
        let native = (is_continue && self.arm.native.contains(&ctx.id)).then(|| ctx.native.clone());
        Some((index, native))
    }
}
