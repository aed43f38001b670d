//! Loops: `loop`, `while`, `while let`, `for`, and `break`.

use proc_macro2::Span;
use quote::format_ident;
use syn::Expr as SynExpr;
use syn::spanned::Spanned;

use super::expr::*;
use super::{Builder, site};
use crate::lower::flat::ir::{
    Borrows, Expr, ExprKind, LoopBody, LoopKind, Mark, Spans, StateKind, Use,
};

impl Builder<'_> {
    pub(super) fn while_expr(
        &mut self,
        w: &syn::ExprWhile,
        value: bool,
        forced: bool,
        e: &SynExpr,
    ) -> Expr {
        let parts = super::cond_parts::cond_parts(&w.cond);
        if let Some((index, part)) = parts
            .iter()
            .enumerate()
            .find(|(_, p)| self.splits(super::cond_parts::part_value(p)))
        {
            if index > 0 {
                self.errors.push(syn::Error::new(
                    super::cond_parts::part_value(part).span(),
                    "a flat generator cannot yield in a later part of a `let` chain; write the \
                     loop as `loop { let value = ..; if .. && let .. = value { .. } else \
                     { break } }`",
                ));
            }
            // Desugar `while <cond with a yield> { body }` into
            // `loop { let t = <cond>; if t { body } else { break } }`, and
            // `while let P = <e with a yield> { body }` into
            // `loop { let t = <e>; if let P = t { body } else { break } }`.
            return self.loop_expr(
                w.label.as_ref(),
                LoopSyn::WhileSpilled(&w.cond, false),
                &w.body,
                value,
                forced,
                e,
            );
        }
        // `while let Some(ref mut g) = v.pop() { .. yield .. }`: the value a `ref` binding
        // borrows lives until the iteration ends; desugared as a condition that yields, so
        // the state keeps it across the body's yields.
        if super::for_head_temps::yields_in(&w.body)
            && let Some(super::cond_parts::SynCond::Let(l)) = parts.first()
            && super::pattern::binds_ref(&l.pat)
            && self.place_of(&l.expr).is_none()
            && !super::scrutinee_temps::is_place(&l.expr)
        {
            let temps = super::scrutinee_temps::condition_reads_a_temporary(&w.cond);
            return self.loop_expr(
                w.label.as_ref(),
                LoopSyn::WhileSpilled(&w.cond, temps),
                &w.body,
                value,
                forced,
                e,
            );
        }
        // `while let P = temp.m(..) { .. yield .. }` (`scrutinee_temps.rs`).
        if super::for_head_temps::yields_in(&w.body)
            && super::scrutinee_temps::condition_reads_a_temporary(&w.cond)
        {
            return self.loop_expr(
                w.label.as_ref(),
                LoopSyn::WhileSpilled(&w.cond, true),
                &w.body,
                value,
                forced,
                e,
            );
        }
        // Desugar `while let P = v { .. }` whose variant bindings are copies into
        // `{ <check of P>; while let P = v { .. } }` (`build/variant_moves.rs`).
        self.with_variant_checks(&w.cond, w.span(), |this| {
            this.loop_expr(
                w.label.as_ref(),
                LoopSyn::While(&w.cond),
                &w.body,
                value,
                forced,
                e,
            )
        })
    }

    pub(super) fn for_expr(
        &mut self,
        f: &syn::ExprForLoop,
        value: bool,
        forced: bool,
        e: &SynExpr,
    ) -> Expr {
        if self.splits(&f.expr) {
            // Desugar `for p in <e with a yield> { .. }` into `{ let t = e; for p in t { .. } }`.
            let scope = self.push_scope();
            let (temp_stmt, temp) = self.spill_temp(&f.expr);
            let looped = self.loop_expr(
                f.label.as_ref(),
                LoopSyn::For(&f.pat, Iterable::Temp(temp)),
                &f.body,
                value,
                forced,
                e,
            );
            return self.finish_block(scope, followed_by(temp_stmt, looped), f.span());
        }
        // Desugar `for p in guard.m(..) { .. }` whose body yields into `{ let t = guard; for p
        // in t.m(..) { .. } }` (`for_head_temps.rs`).
        let mut head = f.expr.clone();
        if super::for_head_temps::yields_in(&f.body)
            && let Some(guard) = super::for_head_temps::guard_used_up(&mut head)
        {
            let scope = self.push_scope();
            let value_of_guard = guard.clone();
            let (temp_stmt, temp) = self.spill_temp_as(&value_of_guard, true);
            self.ir.guards.insert(temp);
            let ident = self.ir.bindings[temp].ident.clone();
            *guard = syn::parse_quote!(#ident);
            let looped = self.loop_expr(
                f.label.as_ref(),
                LoopSyn::For(&f.pat, Iterable::Syn(&head)),
                &f.body,
                value,
                forced,
                e,
            );
            return self.finish_block(scope, followed_by(temp_stmt, looped), f.span());
        }
        self.loop_expr(
            f.label.as_ref(),
            LoopSyn::For(&f.pat, Iterable::Syn(&f.expr)),
            &f.body,
            value,
            forced,
            e,
        )
    }

    /// Every kind of loop. A loop whose body is lowered gets a head state; a `for` loop's
    /// iterator is a hidden local in a scope around the loop, as rustc's desugaring has it.
    pub(super) fn loop_expr(
        &mut self,
        label: Option<&syn::Label>,
        kind: LoopSyn<'_>,
        body: &syn::Block,
        value: bool,
        forced: bool,
        e: &SynExpr,
    ) -> Expr {
        let span = e.span();
        let is_for = matches!(kind, LoopSyn::For(..));
        let outer = is_for.then(|| self.push_scope());
        let mut iter_binding = None;
        let mut iterable = None;
        if let LoopSyn::For(_, Iterable::Syn(expr)) = &kind {
            self.check_for_head(expr, body);
        }
        if let LoopSyn::For(_, source) = &kind {
            let built = match source {
                Iterable::Syn(expr) => {
                    // `for row in batch.rows`: the iterable is moved.
                    self.moving_next = true;
                    let built = self.expr_in(expr, Use::Value, false);
                    if let ExprKind::Place { place, id, .. } = &built.kind
                        && self.ir.inline
                        && place.path.is_empty()
                        && self.ir.bindings[place.binding].kind
                            == crate::lower::flat::ir::BindingKind::Param
                    {
                        self.ir
                            .looped_captures
                            .push((*id, place.binding, built.span));
                    }
                    built
                }
                Iterable::Temp(t) => self.temp_place(t, Use::Value),
            };
            let n = self.ir.loops.len();
            // At the iterable: a value that is no iterator is reported there, not at the macro.
            let ident = format_ident!(
                "__gen_iter{}",
                n,
                span = Span::mixed_site().located_at(built.span)
            );
            let (id, captured) = self.declare_iterator(&ident, &built);
            // `for id in q.iter()` of a value of the user's type: a borrow judged by the
            // method's name alone (`Ir::borrowed_by_name`).
            // So is the loop over a local bound to one (`let ids = q.iter(); for id in ids`).
            let of_a_borrow_by_name = match source {
                Iterable::Syn(expr) => {
                    self.borrowed_by_name(expr)
                        || self.place_of(expr).is_some_and(|p| {
                            p.path.is_empty() && self.ir.borrowed_by_name.contains(&p.binding)
                        })
                }
                Iterable::Temp(t) => self.ir.borrowed_by_name.contains(t),
            };
            if of_a_borrow_by_name {
                self.ir.borrowed_by_name.insert(id);
            }
            self.note_loop_iterator(id, captured, &built, source, &kind);
            iter_binding = Some(id);
            iterable = Some(built);
        }
        let loop_id = self.new_loop(
            match kind {
                LoopSyn::Loop | LoopSyn::WhileSpilled(..) => LoopKind::Loop,
                LoopSyn::While(_) => LoopKind::While,
                LoopSyn::For(..) => LoopKind::For,
            },
            label,
            value,
        );
        self.ir.loops[loop_id].site = site(e);
        let body_is_split =
            self.block_splits(body) || forced || matches!(kind, LoopSyn::WhileSpilled(..));
        let head = body_is_split.then(|| {
            let head = self.new_state(StateKind::Head);
            self.ir.states[head].head_of = Some(loop_id);
            self.ir.loops[loop_id].head = Some(head);
            head
        });
        let enter = self.mark(Mark::LoopEnter);
        let inner = self.push_scope();
        let (kind, block) = match kind {
            LoopSyn::Loop => (LoopBody::Loop, self.block(body, false, false)),
            LoopSyn::While(cond) => {
                let cond = self.cond(cond, inner);
                let block = self.block(body, false, false);
                (LoopBody::While(cond), block)
            }
            LoopSyn::WhileSpilled(cond, temps) => {
                let block = self.spilled_while_body(cond, temps, body, loop_id);
                (LoopBody::Loop, block)
            }
            LoopSyn::For(pat, source) => {
                // (`v.drain(..)` borrows `v` but takes its elements out by value.)
                let through_ref = match source {
                    Iterable::Syn(expr) => {
                        self.through_reference(expr)
                            && super::syntax_facts::drained_receiver(expr).is_none()
                    }
                    Iterable::Temp(_) => false,
                };
                let iter = iter_binding.expect("a `for` loop has an iterator");
                // `for c in &mut it` or `it.by_ref()` over an iterator made from a borrow: the
                // items borrow what `it` borrows, not `it`.
                let borrowed = match source {
                    Iterable::Syn(expr) => self.iterator_local(expr),
                    Iterable::Temp(_) => None,
                }
                .map_or_else(
                    || self.ir.bindings[iter].borrows.clone(),
                    |it| self.ir.bindings[it].borrows.clone(),
                );
                // `for c in line.chars()`: the iterator borrows `line`, its items do not;
                // `for job in self.pending.drain(..)`: elements taken out by value.
                let borrowed = match source {
                    Iterable::Syn(expr) if super::syntax_facts::yields_values(expr) => {
                        Borrows::Nothing
                    }
                    Iterable::Syn(expr) => super::syntax_facts::drained_receiver(expr)
                        .and_then(|c| self.drained_items_borrow(c))
                        .unwrap_or(borrowed),
                    _ => borrowed,
                };
                // Desugar `for (p, _) in items { body }`, a pattern that leaves part of an owned
                // item unbound, into `for item in items { let (p, _) = item; body }`: the part
                // stays in `item` to the end of the iteration, where the plain function drops
                // it, even across a yield in the body.
                let item_then_let = (body_is_split
                    && !through_ref
                    && matches!(borrowed, Borrows::Nothing)
                    && leaves_parts_unbound(pat))
                .then(|| {
                    let item = format_ident!("__gen_item{}", loop_id, span = Span::mixed_site());
                    let item_pat: syn::Pat = syn::parse_quote!(#item);
                    let user_pat = pat;
                    let let_item: syn::Stmt = syn::parse_quote!(let #user_pat = #item;);
                    (item_pat, let_item)
                });
                let pat = match &item_then_let {
                    Some((item_pat, _)) => item_pat,
                    None => pat,
                };
                // `for g in guards` over values of the user's making (`let guards =
                // make(&log);`): so are the items.
                let user_made = match source {
                    Iterable::Syn(expr) => !through_ref && self.may_hold_user_values(expr),
                    Iterable::Temp(t) => !through_ref && self.ir.user_made.contains(&t),
                };
                let bindings = self.bind_pattern(pat, through_ref, &borrowed);
                if user_made {
                    self.ir.user_made.extend(bindings.iter().copied());
                }
                // `for g in [G::new("a"), G::new("b")]`: values of the user's type
                // (`Ir::constructed`).
                if let (Iterable::Syn(expr), syn::Pat::Ident(_)) = (&source, pat)
                    && !through_ref
                    && super::let_kinds::lists_users_constructions(expr)
                {
                    self.ir.constructed.extend(bindings.iter().copied());
                }
                self.ir.loop_items.extend(bindings.iter().copied());
                self.note_loop_items(&source, pat, &bindings);
                // `for i in a..b` over numbers: plain items, and a plain range.
                let numbers = iterable.as_ref().is_some_and(|e| self.plain_range(e));
                self.mark_plain(&bindings, numbers && matches!(pat, syn::Pat::Ident(_)));
                self.mark_plain(&[iter], numbers);
                let block = match &item_then_let {
                    Some((_, let_item)) => self.block_with_prefix(let_item, body),
                    None => self.block(body, false, false),
                };
                (
                    LoopBody::For {
                        pat: pat.clone(),
                        iter,
                        iterable: Box::new(iterable.expect("built above")),
                        scope: inner,
                        bindings,
                        desugared: false,
                    },
                    block,
                )
            }
        };
        self.pop_scope(inner);
        self.loops.pop();
        let exit = self.mark(Mark::LoopExit);
        let split = head.is_some() || block.split;
        let looped = Expr {
            // The user's: rustc's "inside of this loop" spans the loop's head.
            spans: Spans::of_expr(e),
            site: 0,
            kind: ExprKind::Loop {
                label: label.cloned(),
                loop_id,
                kind,
                body: block,
                enter,
                exit,
            },
            split,
            span,
        };
        match outer {
            // The scope around a `for` loop holds its iterator.
            Some(outer) => self.finish_block(outer, vec![expr_stmt(looped)], span),
            None => looped,
        }
    }

    pub(super) fn block_splits(&self, block: &syn::Block) -> bool {
        self.stmts_split(&block.stmts)
    }

    /// Whether one of `stmts` yields.
    pub(super) fn stmts_split(&self, stmts: &[syn::Stmt]) -> bool {
        stmts.iter().any(|stmt| match stmt {
            syn::Stmt::Local(l) => l.init.as_ref().is_some_and(|i| {
                self.splits(&i.expr) || i.diverge.as_ref().is_some_and(|(_, d)| self.splits(d))
            }),
            syn::Stmt::Expr(e, _) => self.splits(e),
            _ => false,
        })
    }

    pub(super) fn break_expr(&mut self, b: &syn::ExprBreak) -> Expr {
        let value_flag = self.target(b.label.as_ref()).is_some_and(|f| f.value);
        let target = self.target_used(b.label.as_ref());
        let value = b
            .expr
            .as_ref()
            .map(|v| Box::new(self.expr_in(v, Use::Value, value_flag)));
        let mark = self.mark(Mark::Jump);
        let split = value.as_ref().is_some_and(|v| v.split);
        Expr {
            spans: Spans(Span::call_site(), Span::call_site()),
            site: 0,
            kind: ExprKind::Break {
                label: b.label.clone(),
                target,
                value,
                mark,
            },
            split,
            span: b.span(),
        }
    }
}

/// Which loop syntax `loop_expr` builds.
/// Whether `pat` leaves a part of the value it matches unbound (`_`, `..`), outside a `&`
/// pattern (which copies out of a reference).
fn leaves_parts_unbound(pat: &syn::Pat) -> bool {
    use syn::Pat;
    match pat {
        Pat::Wild(_) | Pat::Rest(_) => true,
        Pat::Ident(p) => p
            .subpat
            .as_ref()
            .is_some_and(|(_, sub)| leaves_parts_unbound(sub)),
        Pat::Tuple(t) => t.elems.iter().any(leaves_parts_unbound),
        Pat::TupleStruct(t) => t.elems.iter().any(leaves_parts_unbound),
        Pat::Struct(s) => s.rest.is_some() || s.fields.iter().any(|f| leaves_parts_unbound(&f.pat)),
        Pat::Slice(s) => s.elems.iter().any(leaves_parts_unbound),
        Pat::Paren(p) => leaves_parts_unbound(&p.pat),
        Pat::Type(t) => leaves_parts_unbound(&t.pat),
        Pat::Or(o) => o.cases.iter().any(leaves_parts_unbound),
        _ => false,
    }
}

pub(super) enum LoopSyn<'a> {
    Loop,
    While(&'a SynExpr),
    /// The condition, and whether its temporaries are hoisted (`scrutinee_temps.rs`).
    WhileSpilled(&'a SynExpr, bool),
    For(&'a syn::Pat, Iterable<'a>),
}

pub(super) enum Iterable<'a> {
    Syn(&'a SynExpr),
    Temp(crate::lower::flat::ir::BindingId),
}
