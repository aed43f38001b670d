//! Expressions: places, operators, control flow, closures.

use proc_macro2::{Span, TokenStream};
use quote::format_ident;
use syn::spanned::Spanned;
use syn::{Expr as SynExpr, Ident};

use super::operands::{is_compound, is_short_circuit, operands, operands_mut};
use super::{Builder, ClosureFrame, site};
use crate::analyze::{YieldKind, yield_kind};
use crate::lower::flat::ir::{
    Arm, BindingKind, Block, Borrows, Cond, CondPart, Expr, ExprKind, LoopBody, LoopKind, Mark,
    Place, Proj, Spans, StateKind, Stmt, Use,
};

impl Builder<'_> {
    /// Builds `e`, used as `how`; `value`: its value goes to a join.
    pub(crate) fn expr_in(&mut self, e: &SynExpr, how: Use, value: bool) -> Expr {
        let mut built = self.expr_inner(e, how, value);
        set_site(&mut built, site(e));
        built.spans = Spans::of(e);
        built
    }

    fn expr_inner(&mut self, e: &SynExpr, how: Use, value: bool) -> Expr {
        if let Some((place, through_ref)) = self.place_and_ref(e) {
            // Writing through a reference reads the reference.
            let how = if how == Use::Assign && through_ref {
                Use::Read
            } else {
                how
            };
            self.record_use(&place, how);
            let id = self.use_id();
            return leaf(
                ExprKind::Place {
                    place,
                    how,
                    syn: e.clone(),
                    id,
                },
                e.span(),
            );
        }
        let forced = self.forced(e);
        match e {
            SynExpr::Yield(y) if !self.in_closure() => self.yield_expr(y),
            SynExpr::Block(b) if b.label.is_none() => {
                let block = self.block(&b.block, value, false);
                block_expr(block, None, None, None, b.span(), forced)
            }
            SynExpr::Block(b) => {
                let loop_id = self.new_loop(LoopKind::Block, b.label.as_ref(), value);
                let block = self.block(&b.block, value, false);
                self.loops.pop();
                let label = b.label.clone();
                block_expr(block, label, None, Some(loop_id), b.span(), forced)
            }
            SynExpr::Unsafe(u) => {
                let block = self.block(&u.block, value, false);
                self.ir.scopes[block.scope].unsafety = true;
                block_expr(block, None, Some(u.unsafe_token), None, u.span(), forced)
            }
            SynExpr::If(i) => self.if_expr(i, value, forced),
            SynExpr::Match(m) => self.match_expr(m, value, forced),
            SynExpr::Loop(l) => {
                self.loop_expr(l.label.as_ref(), LoopSyn::Loop, &l.body, value, forced, e)
            }
            SynExpr::While(w) => self.while_expr(w, value, forced, e),
            SynExpr::ForLoop(f) => self.for_expr(f, value, forced, e),
            SynExpr::Break(b) if !self.in_closure() || self.closure_owns(b.label.as_ref()) => {
                self.break_expr(b)
            }
            SynExpr::Continue(c) if !self.in_closure() || self.closure_owns(c.label.as_ref()) => {
                let target = self.target_used(c.label.as_ref());
                let mark = self.mark(Mark::Jump);
                leaf(
                    ExprKind::Continue {
                        label: c.label.clone(),
                        target,
                        mark,
                    },
                    c.span(),
                )
            }
            SynExpr::Return(r) if !self.in_closure() => leaf(
                ExprKind::Return {
                    token: r.return_token.span,
                },
                r.span(),
            ),
            SynExpr::Try(t) if !self.in_closure() => {
                // Desugar `<e with a yield>?` into `{ let t = e; t? }`.
                let spilled = self.splits(&t.expr).then(|| {
                    let scope = self.push_scope();
                    (scope, self.spill_temp(&t.expr))
                });
                let inner = match &spilled {
                    Some((_, (_, temp))) => self.temp_place(temp, Use::Value),
                    None => self.expr_in(&t.expr, Use::Value, false),
                };
                let tried = leaf(
                    ExprKind::Try {
                        inner: Box::new(inner),
                        question: t.question_token.span,
                    },
                    t.span(),
                );
                match spilled {
                    Some((scope, (stmt, _))) => {
                        self.finish_block(scope, vec![stmt, expr_stmt(tried)], t.span())
                    }
                    None => tried,
                }
            }
            SynExpr::Assign(a) => self.assign(&a.left, &a.right, None, a.span()),
            SynExpr::Binary(b) if is_compound(&b.op) => {
                self.assign(&b.left, &b.right, Some(b.op), b.span())
            }
            SynExpr::Binary(b)
                if is_short_circuit(&b.op) && (self.splits(&b.left) || self.splits(&b.right)) =>
            {
                self.short_circuit(b, value)
            }
            SynExpr::Closure(c) => self.closure(e, c.capture.is_some(), |this| {
                for input in &c.inputs {
                    this.bind_pattern(input, false, &Borrows::Nothing);
                }
                this.expr_in(&c.body, Use::Value, false)
            }),
            SynExpr::Async(a) => self.closure(e, a.capture.is_some(), |this| {
                let block = this.block(&a.block, false, false);
                block_expr(block, None, None, None, a.span(), false)
            }),
            SynExpr::Macro(m) => self.macro_expr(&m.mac),
            SynExpr::Path(p) => {
                if let Some(ident) = p.path.get_ident()
                    && p.qself.is_none()
                {
                    self.free_name(ident);
                }
                self.op(e)
            }
            _ => self.op(e),
        }
    }

    /// The place `e` names, if it names one: a binding, then fields and derefs. Below a
    /// binding of reference type, the place is the binding (what lies behind a reference is
    /// not the generator's to move); `true` then.
    pub(crate) fn place_and_ref(&self, e: &SynExpr) -> Option<(Place, bool)> {
        match e {
            SynExpr::Path(p) if p.qself.is_none() => {
                let ident = p.path.get_ident()?;
                let binding = self.resolve(ident)?;
                Some((Place::whole(binding), false))
            }
            SynExpr::Field(f) => {
                let (mut place, through) = self.place_and_ref(&f.base)?;
                if through || self.ir.bindings[place.binding].by_ref {
                    return Some((place, true));
                }
                let name = match &f.member {
                    syn::Member::Named(n) => n.to_string(),
                    syn::Member::Unnamed(i) => i.index.to_string(),
                };
                place.path.push(Proj::Field(name));
                Some((place, false))
            }
            SynExpr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                let (mut place, through) = self.place_and_ref(&u.expr)?;
                if through || self.ir.bindings[place.binding].by_ref {
                    return Some((place, true));
                }
                place.path.push(Proj::Deref);
                Some((place, false))
            }
            SynExpr::Paren(p) => self.place_and_ref(&p.expr),
            SynExpr::Group(g) => self.place_and_ref(&g.expr),
            _ => None,
        }
    }

    pub(crate) fn place_of(&self, e: &SynExpr) -> Option<Place> {
        self.place_and_ref(e).map(|(p, _)| p)
    }

    /// Whether a pattern matching the value of `e` binds references or copies (no drop glue):
    /// `e` makes a reference, or names a reference binding (a copy of it, or a place read
    /// through it).
    pub(crate) fn through_reference(&self, e: &SynExpr) -> bool {
        super::borrows::yields_references(e)
            || self
                .place_of(e)
                .is_some_and(|p| self.ir.bindings[p.binding].by_ref)
    }

    /// Whether `e` contains a yield (not counting the compounds the analysis asked for).
    fn splits_unforced(&self, e: &SynExpr) -> bool {
        let none = std::collections::HashSet::new();
        let mut find = Find {
            force: &none,
            found: false,
        };
        syn::visit::Visit::visit_expr(&mut find, e);
        find.found
    }

    /// The analysis asked for `e` to be lowered, and it may be here.
    fn forced(&self, e: &SynExpr) -> bool {
        self.unlowered == 0 && self.force.contains(&site(e))
    }

    fn use_id(&mut self) -> usize {
        self.ir.uses += 1;
        self.ir.uses - 1
    }

    /// Inside a closure, a use of an outer place is a capture of the closure.
    pub(crate) fn record_use(&mut self, place: &Place, how: Use) {
        for frame in &mut self.closures {
            if place.binding < frame.first_binding {
                let how = if frame.moving { Use::Value } else { how };
                frame.captures.push((place.clone(), how));
            }
        }
    }

    /// A name no binding declares: a capture of `iter! { .. }` when it is a value's name.
    pub(crate) fn free_name(&mut self, ident: &Ident) {
        let text = ident.to_string();
        if text.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
            && text != "self"
            && !self.ir.free.iter().any(|f| *f == text)
        {
            self.ir.free.push(ident.clone());
        }
    }

    /// Whether a `break`/`continue` with this label belongs to the closure being built.
    fn closure_owns(&self, label: Option<&syn::Lifetime>) -> bool {
        self.target(label).is_some()
    }

    /// Whether `e` contains a yield, or a compound the analysis asked to lower (not counting
    /// closures, async blocks and nested items, which are their own code).
    pub(crate) fn splits(&self, e: &SynExpr) -> bool {
        if self.unlowered > 0 {
            return false;
        }
        let mut find = Find {
            force: self.force,
            found: false,
        };
        syn::visit::Visit::visit_expr(&mut find, e);
        find.found
    }

    /// Any operator: its operands built in order, its syntax kept with holes for them.
    fn op(&mut self, e: &SynExpr) -> Expr {
        let ops = operands(e);
        if let Some(k) = ops.iter().rposition(|(o, _)| self.splits(o)) {
            return self.spill(e, k);
        }
        let short_circuit = matches!(e, SynExpr::Binary(b) if is_short_circuit(&b.op));
        let built: Vec<Expr> = ops
            .into_iter()
            .map(|(o, how)| self.expr_in(o, how, false))
            .collect();
        leaf(
            ExprKind::Op {
                syn: hollow(e),
                operands: built,
                short_circuit,
            },
            e.span(),
        )
    }

    /// Desugar `yield_!(v)` into a suspension (`v` evaluated first), and `yield_from!(e)` into
    /// `for item in e { yield_!(item) }`.
    fn yield_expr(&mut self, y: &syn::ExprYield) -> Expr {
        // The user's own syntax, not a copy: its compounds keep their identity (`site`).
        let unit: SynExpr = syn::parse_quote!(());
        let value_syn: &SynExpr = y.expr.as_deref().unwrap_or(&unit);
        if yield_kind(y) == YieldKind::From {
            return self.yield_from(y, value_syn);
        }
        if self.splits(value_syn) {
            let scope = self.push_scope();
            let temp = self.spill_temp(value_syn);
            let value = self.temp_place(&temp.1, Use::Value);
            let yielded = self.suspension(value, y.yield_token.span, y.span());
            let stmts = vec![temp.0, expr_stmt(yielded)];
            return self.finish_block(scope, stmts, y.span());
        }
        let value = self.expr_in(value_syn, Use::Value, false);
        self.suspension(value, y.yield_token.span, y.span())
    }

    fn suspension(&mut self, value: Expr, token: Span, span: Span) -> Expr {
        let mark = self.mark(Mark::Suspend);
        let resume = self.new_state(StateKind::Resume, token);
        let resumed = self.mark(Mark::End);
        Expr {
            spans: Spans(Span::call_site(), Span::call_site()),
            site: 0,
            kind: ExprKind::Yield {
                from: false,
                value: Box::new(value),
                token,
                resume,
                mark,
                resumed,
            },
            split: true,
            span,
        }
    }

    fn yield_from(&mut self, y: &syn::ExprYield, iterable: &SynExpr) -> Expr {
        let span = y.span();
        let outer = self.push_scope();
        let spilled = self.splits(iterable).then(|| self.spill_temp(iterable));
        let iterable = match &spilled {
            Some((_, temp)) => self.temp_place(temp, Use::Value),
            None => self.expr_in(iterable, Use::Value, false),
        };
        let loop_id = self.new_loop(LoopKind::For, None, false);
        let iter_ident = format_ident!("__gen_iter{}", loop_id, span = Span::mixed_site());
        let borrows = self.borrows_of(&iterable);
        let iter = self.declare(&iter_ident, true, BindingKind::Iter, false, borrows);
        let head = self.new_state(StateKind::Head, span);
        self.ir.states[head].head_of = Some(loop_id);
        self.ir.loops[loop_id].head = Some(head);
        let enter = self.mark(Mark::LoopEnter);
        let pat_scope = self.push_scope();
        let item = Ident::new("__gen_item", Span::mixed_site());
        let bound = self.declare(&item, false, BindingKind::Temp, false, Borrows::Nothing);
        let body_scope = self.push_scope();
        let value = self.temp_place(&bound, Use::Value);
        let yielded = self.suspension(value, y.yield_token.span, span);
        let end = self.mark(Mark::End);
        self.pop_scope(body_scope);
        self.pop_scope(pat_scope);
        self.loops.pop();
        let exit = self.mark(Mark::LoopExit);
        let body = Block {
            scope: body_scope,
            stmts: vec![Stmt::Expr {
                expr: yielded,
                semi: true,
                join: None,
            }],
            end,
            split: true,
        };
        let pat: syn::Pat = syn::parse_quote!(#item);
        let for_loop = Expr {
            spans: Spans(Span::call_site(), Span::call_site()),
            site: 0,
            kind: ExprKind::Loop {
                label: None,
                loop_id,
                kind: LoopBody::For {
                    pat,
                    iter,
                    iterable: Box::new(iterable),
                    scope: pat_scope,
                    bindings: vec![bound],
                    desugared: true,
                },
                body,
                enter,
                exit,
            },
            split: true,
            span,
        };
        let mut stmts: Vec<Stmt> = spilled.map(|(s, _)| s).into_iter().collect();
        stmts.push(expr_stmt(for_loop));
        self.finish_block(outer, stmts, span)
    }

    /// Closes `scope` into a block expression holding `stmts`; the last one is its value.
    pub(crate) fn finish_block(
        &mut self,
        scope: crate::lower::flat::ir::ScopeId,
        mut stmts: Vec<Stmt>,
        span: Span,
    ) -> Expr {
        if let Some(Stmt::Expr { semi, .. }) = stmts.last_mut() {
            *semi = false;
        }
        let end = self.mark(Mark::End);
        self.pop_scope(scope);
        let split = stmts.iter().any(Stmt::split);
        let block = Block {
            scope,
            stmts,
            end,
            split,
        };
        block_expr(block, None, None, None, span, false)
    }

    fn if_expr(&mut self, i: &syn::ExprIf, value: bool, forced: bool) -> Expr {
        let first = cond_parts(&i.cond);
        if let Some((index, part)) = first
            .iter()
            .enumerate()
            .find(|(_, p)| self.splits(part_value(p)))
        {
            if index > 0 {
                self.errors.push(syn::Error::new(
                    part_value(part).span(),
                    "a flat generator cannot yield in a later part of a `let` chain; compute \
                     the value in a `let` before the `if`",
                ));
            } else {
                return self.spill_condition(i, value);
            }
        }
        let cond_scope = self.push_scope();
        let cond = self.cond(&i.cond, cond_scope);
        let then = self.block(&i.then_branch, value, false);
        self.pop_scope(cond_scope);
        let otherwise = i
            .else_branch
            .as_ref()
            .map(|(_, e)| Box::new(self.expr_in(e, Use::Value, value)));
        let else_mark = self.mark(Mark::Else);
        let split = forced
            || then.split
            || otherwise.as_ref().is_some_and(|e| e.split)
            || cond.parts.iter().any(part_split);
        Expr {
            spans: Spans(Span::call_site(), Span::call_site()),
            site: 0,
            kind: ExprKind::If {
                cond,
                then,
                otherwise,
                else_mark,
            },
            split,
            span: i.span(),
        }
    }

    /// Desugar `if <cond with a yield> { .. }` into `{ let t = <cond>; if t { .. } }` (and
    /// `if let P = <e with a yield>` into `{ let t = e; if let P = t { .. } }`).
    fn spill_condition(&mut self, i: &syn::ExprIf, value: bool) -> Expr {
        let scope = self.push_scope();
        let parts = cond_parts(&i.cond);
        let (first, rest) = parts.split_first().expect("a condition");
        let (temp_stmt, temp) = self.spill_temp(part_value(first));
        let cond_scope = self.push_scope();
        let mut cond_parts_ir = Vec::new();
        let place = self.temp_place(&temp, Use::Read);
        match first {
            SynCond::Expr(_) => cond_parts_ir.push(CondPart::Expr(place)),
            SynCond::Let(l) => {
                let moves = super::pattern::moves(&l.pat, &Place::whole(temp), &self.ir);
                let bindings = self.bind_pattern(&l.pat, false, &Borrows::Nothing);
                cond_parts_ir.push(CondPart::Let {
                    pat: (*l.pat).clone(),
                    scrutinee: place,
                    bindings,
                    moves,
                });
            }
        }
        for part in rest {
            let built = self.cond_part(part);
            cond_parts_ir.push(built);
        }
        let cond = Cond {
            parts: cond_parts_ir,
            scope: cond_scope,
        };
        let then = self.block(&i.then_branch, value, false);
        self.pop_scope(cond_scope);
        let otherwise = i
            .else_branch
            .as_ref()
            .map(|(_, e)| Box::new(self.expr_in(e, Use::Value, value)));
        let else_mark = self.mark(Mark::Else);
        let if_expr = Expr {
            spans: Spans(Span::call_site(), Span::call_site()),
            site: 0,
            split: then.split || otherwise.as_ref().is_some_and(|e| e.split),
            kind: ExprKind::If {
                cond,
                then,
                otherwise,
                else_mark,
            },
            span: i.span(),
        };
        self.finish_block(scope, vec![temp_stmt, expr_stmt(if_expr)], i.span())
    }

    /// A condition: `c`, `let P = e`, joined by `&&`; `let` bindings are declared in `scope`.
    pub(crate) fn cond(&mut self, cond: &SynExpr, scope: crate::lower::flat::ir::ScopeId) -> Cond {
        let parts = cond_parts(cond)
            .iter()
            .map(|part| self.cond_part(part))
            .collect();
        Cond { parts, scope }
    }

    fn cond_part(&mut self, part: &SynCond<'_>) -> CondPart {
        match part {
            SynCond::Expr(e) => CondPart::Expr(self.expr_in(e, Use::Value, false)),
            SynCond::Let(l) => {
                let place = self.place_of(&l.expr);
                let how = if place.is_some() {
                    Use::Read
                } else {
                    Use::Value
                };
                let scrutinee = self.expr_in(&l.expr, how, false);
                let moves = place
                    .map(|p| super::pattern::moves(&l.pat, &p, &self.ir))
                    .unwrap_or_default();
                let through_ref = self.through_reference(&l.expr);
                let borrowed = self.borrows_of(&scrutinee);
                let bindings = self.bind_pattern(&l.pat, through_ref, &borrowed);
                CondPart::Let {
                    pat: (*l.pat).clone(),
                    scrutinee,
                    bindings,
                    moves,
                }
            }
        }
    }

    fn match_expr(&mut self, m: &syn::ExprMatch, value: bool, forced: bool) -> Expr {
        if self.splits(&m.expr) {
            // Desugar `match <e with a yield> { .. }` into `{ let t = e; match t { .. } }`.
            let scope = self.push_scope();
            let (temp_stmt, temp) = self.spill_temp(&m.expr);
            let scrutinee = self.temp_place(&temp, Use::Read);
            let matched = self.match_arms(m, scrutinee, Some(Place::whole(temp)), value, forced);
            return self.finish_block(scope, vec![temp_stmt, expr_stmt(matched)], m.span());
        }
        let place = self.place_of(&m.expr);
        let how = if place.is_some() {
            Use::Read
        } else {
            Use::Value
        };
        let scrutinee = self.expr_in(&m.expr, how, false);
        self.match_arms(m, scrutinee, place, value, forced)
    }

    fn match_arms(
        &mut self,
        m: &syn::ExprMatch,
        scrutinee: Expr,
        place: Option<Place>,
        value: bool,
        forced: bool,
    ) -> Expr {
        let through_ref = self.through_reference(&m.expr);
        let borrowed = self.borrows_of(&scrutinee);
        let mut arms = Vec::new();
        let mut split = forced;
        for arm in &m.arms {
            let scope = self.push_scope();
            let moves = place
                .as_ref()
                .map(|p| super::pattern::moves(&arm.pat, p, &self.ir))
                .unwrap_or_default();
            let bindings = self.bind_pattern(&arm.pat, through_ref, &borrowed);
            let whole = matches!(&arm.pat, syn::Pat::Ident(p) if p.subpat.is_none());
            self.mark_plain(&bindings, whole && self.plain_value(&scrutinee));
            // A guard runs while the arm is being chosen: nothing in it is lowered.
            if let Some((_, g)) = &arm.guard
                && self.splits_unforced(g)
            {
                self.errors.push(syn::Error::new(
                    g.span(),
                    "a flat generator cannot yield in a `match` guard; test the condition in the \
                     arm's body, or use `#[generator(boxed)]`",
                ));
            }
            self.unlowered += 1;
            let guard = arm
                .guard
                .as_ref()
                .map(|(_, g)| self.expr_in(g, Use::Value, false));
            self.unlowered -= 1;
            let body = self.expr_in(&arm.body, Use::Value, value);
            let end = self.mark(Mark::End);
            self.pop_scope(scope);
            split |= body.split || guard.as_ref().is_some_and(|g| g.split);
            arms.push(Arm {
                attrs: arm.attrs.clone(),
                pat: arm.pat.clone(),
                scope,
                bindings,
                moves,
                guard,
                body,
                end,
            });
        }
        Expr {
            spans: Spans(Span::call_site(), Span::call_site()),
            site: 0,
            kind: ExprKind::Match {
                scrutinee: Box::new(scrutinee),
                arms,
            },
            split,
            span: m.span(),
        }
    }

    fn while_expr(&mut self, w: &syn::ExprWhile, value: bool, forced: bool, e: &SynExpr) -> Expr {
        if self.splits(&w.cond) {
            // Desugar `while <cond with a yield> { body }` into
            // `loop { if <cond> { body } else { break } }`.
            return self.loop_expr(
                w.label.as_ref(),
                LoopSyn::WhileSpilled(&w.cond),
                &w.body,
                value,
                forced,
                e,
            );
        }
        self.loop_expr(
            w.label.as_ref(),
            LoopSyn::While(&w.cond),
            &w.body,
            value,
            forced,
            e,
        )
    }

    fn for_expr(&mut self, f: &syn::ExprForLoop, value: bool, forced: bool, e: &SynExpr) -> Expr {
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
            return self.finish_block(scope, vec![temp_stmt, expr_stmt(looped)], f.span());
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
    fn loop_expr(
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
        if let LoopSyn::For(_, source) = &kind {
            let built = match source {
                Iterable::Syn(expr) => self.expr_in(expr, Use::Value, false),
                Iterable::Temp(t) => self.temp_place(t, Use::Value),
            };
            let n = self.ir.loops.len();
            let ident = format_ident!("__gen_iter{}", n, span = Span::mixed_site());
            let borrows = self.borrows_of(&built);
            iter_binding = Some(self.declare(&ident, true, BindingKind::Iter, false, borrows));
            iterable = Some(built);
        }
        let loop_id = self.new_loop(
            match kind {
                LoopSyn::Loop | LoopSyn::WhileSpilled(_) => LoopKind::Loop,
                LoopSyn::While(_) => LoopKind::While,
                LoopSyn::For(..) => LoopKind::For,
            },
            label,
            value,
        );
        self.ir.loops[loop_id].site = site(e);
        let body_is_split =
            self.block_splits(body) || forced || matches!(kind, LoopSyn::WhileSpilled(_));
        let head = body_is_split.then(|| {
            let head = self.new_state(StateKind::Head, span);
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
            LoopSyn::WhileSpilled(cond) => {
                let block = self.spilled_while_body(cond, body, loop_id);
                (LoopBody::Loop, block)
            }
            LoopSyn::For(pat, source) => {
                let through_ref = match source {
                    Iterable::Syn(expr) => self.through_reference(expr),
                    Iterable::Temp(_) => false,
                };
                let iter = iter_binding.expect("a `for` loop has an iterator");
                let borrowed = self.ir.bindings[iter].borrows.clone();
                let bindings = self.bind_pattern(pat, through_ref, &borrowed);
                // `for i in a..b` over numbers: plain items, and a plain range.
                let numbers = iterable.as_ref().is_some_and(|e| self.plain_range(e));
                self.mark_plain(&bindings, numbers && matches!(pat, syn::Pat::Ident(_)));
                self.mark_plain(&[iter], numbers);
                let block = self.block(body, false, false);
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
            spans: Spans(Span::call_site(), Span::call_site()),
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

    /// `if <cond> { body } else { break }`, the body of a `while` whose condition yields.
    fn spilled_while_body(
        &mut self,
        cond: &SynExpr,
        body: &syn::Block,
        loop_id: crate::lower::flat::ir::LoopId,
    ) -> Block {
        let scope = self.push_scope();
        // Built by hand so the user's syntax keeps its identity (see `site`).
        let spilled = self.spill_temp(cond);
        let cond_scope = self.push_scope();
        let parts = vec![CondPart::Expr(self.temp_place(&spilled.1, Use::Read))];
        let cond_ir = Cond {
            parts,
            scope: cond_scope,
        };
        let then = self.block(body, false, false);
        self.pop_scope(cond_scope);
        let break_mark = self.mark(Mark::Jump);
        let brk = leaf(
            ExprKind::Break {
                label: None,
                target: Some(loop_id),
                value: None,
                mark: break_mark,
            },
            cond.span(),
        );
        let else_scope = self.push_scope();
        let else_end = self.mark(Mark::End);
        self.pop_scope(else_scope);
        let else_block = Block {
            scope: else_scope,
            stmts: vec![expr_stmt(brk)],
            end: else_end,
            split: false,
        };
        let else_mark = self.mark(Mark::Else);
        let if_expr = Expr {
            spans: Spans(Span::call_site(), Span::call_site()),
            site: 0,
            split: true,
            kind: ExprKind::If {
                cond: cond_ir,
                then,
                otherwise: Some(Box::new(block_expr(
                    else_block,
                    None,
                    None,
                    None,
                    cond.span(),
                    false,
                ))),
                else_mark,
            },
            span: cond.span(),
        };
        let end = self.mark(Mark::End);
        self.pop_scope(scope);
        Block {
            scope,
            stmts: vec![spilled.0, expr_stmt(if_expr)],
            end,
            split: true,
        }
    }

    fn block_splits(&self, block: &syn::Block) -> bool {
        block.stmts.iter().any(|stmt| match stmt {
            syn::Stmt::Local(l) => l.init.as_ref().is_some_and(|i| {
                self.splits(&i.expr) || i.diverge.as_ref().is_some_and(|(_, d)| self.splits(d))
            }),
            syn::Stmt::Expr(e, _) => self.splits(e),
            _ => false,
        })
    }

    fn break_expr(&mut self, b: &syn::ExprBreak) -> Expr {
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

    /// `place = value` / `place op= value`: the value first, then the place.
    fn assign(
        &mut self,
        left: &SynExpr,
        right: &SynExpr,
        op: Option<syn::BinOp>,
        span: Span,
    ) -> Expr {
        if self.splits(left) {
            self.errors.push(syn::Error::new(
                left.span(),
                "a flat generator cannot yield inside the place an assignment writes to; \
                 compute the index in a `let` first",
            ));
        }
        let rhs = self.expr_in(right, Use::Value, true);
        let join = rhs
            .split
            .then(|| self.new_state(StateKind::Join { value: true }, span));
        let how = if op.is_some() { Use::Read } else { Use::Assign };
        let lhs = self.expr_in(left, how, false);
        let mark = self.mark(Mark::End);
        Expr {
            spans: Spans(Span::call_site(), Span::call_site()),
            site: 0,
            split: rhs.split,
            kind: ExprKind::Assign {
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
                op,
                join,
                mark,
            },
            span,
        }
    }

    /// Desugar `a && b` into `if a { b } else { false }` and `a || b` into
    /// `if a { true } else { b }` when one of them yields.
    fn short_circuit(&mut self, b: &syn::ExprBinary, value: bool) -> Expr {
        let span = b.span();
        let and = matches!(b.op, syn::BinOp::And(_));
        let scope = self.push_scope();
        let (temp_stmt, temp) = self.spill_temp(&b.left);
        let cond_scope = self.push_scope();
        let cond = Cond {
            parts: vec![CondPart::Expr(self.temp_place(&temp, Use::Read))],
            scope: cond_scope,
        };
        let constant: SynExpr = if and {
            syn::parse_quote!(false)
        } else {
            syn::parse_quote!(true)
        };
        let branch = |this: &mut Self, taken: bool| {
            let inner = this.push_scope();
            let e = if taken == and {
                this.expr_in(&b.right, Use::Value, value)
            } else {
                leaf(
                    ExprKind::Op {
                        syn: constant.clone(),
                        operands: Vec::new(),
                        short_circuit: false,
                    },
                    span,
                )
            };
            let end = this.mark(Mark::End);
            this.pop_scope(inner);
            Block {
                scope: inner,
                split: e.split,
                stmts: vec![Stmt::Expr {
                    expr: e,
                    semi: false,
                    join: None,
                }],
                end,
            }
        };
        let then = branch(self, true);
        self.pop_scope(cond_scope);
        let otherwise = branch(self, false);
        let else_mark = self.mark(Mark::Else);
        let if_expr = Expr {
            spans: Spans(Span::call_site(), Span::call_site()),
            site: 0,
            split: true,
            kind: ExprKind::If {
                cond,
                then,
                otherwise: Some(Box::new(block_expr(
                    otherwise, None, None, None, span, false,
                ))),
                else_mark,
            },
            span,
        };
        self.finish_block(scope, vec![temp_stmt, expr_stmt(if_expr)], span)
    }

    /// A closure or `async` block: its own scope and code; what it uses from outside is
    /// captured where it is created.
    fn closure(&mut self, e: &SynExpr, moving: bool, body: impl FnOnce(&mut Self) -> Expr) -> Expr {
        let loops = std::mem::take(&mut self.loops);
        self.closures.push(ClosureFrame {
            first_binding: self.ir.bindings.len(),
            captures: Vec::new(),
            moving,
        });
        let scope = self.push_scope();
        let built = body(self);
        self.pop_scope(scope);
        let frame = self.closures.pop().expect("pushed above");
        self.loops = loops;
        leaf(
            ExprKind::Closure {
                syn: e.clone(),
                body: Box::new(built),
                captures: frame.captures,
            },
            e.span(),
        )
    }

    /// `let __gen_t<n> = e;` evaluating an operand before a yield.
    pub(crate) fn spill_temp(&mut self, e: &SynExpr) -> (Stmt, crate::lower::flat::ir::BindingId) {
        let init = self.expr_in(e, Use::Value, true);
        let by_ref = super::borrows::yields_references(e);
        let borrows = self.borrows_of(&init);
        let n = self.ir.bindings.len();
        let ident = format_ident!("__gen_t{}", n, span = Span::mixed_site());
        let id = self.declare(&ident, true, BindingKind::Temp, by_ref, borrows);
        self.ir.bindings[id].plain = self.plain_value(&init);
        let join = init
            .split
            .then(|| self.new_state(StateKind::Join { value: true }, e.span()));
        let stmt = Stmt::Let(Box::new(crate::lower::flat::ir::Let {
            attrs: vec![syn::parse_quote!(#[allow(unused_mut)])],
            pat: syn::parse_quote!(mut #ident),
            bindings: vec![id],
            init: Some(init),
            diverge: None,
            join,
            moves: Vec::new(),
            parts: Vec::new(),
            shape: Vec::new(),
        }));
        (stmt, id)
    }

    /// An operand that is a hidden local.
    pub(crate) fn temp_place(
        &mut self,
        binding: &crate::lower::flat::ir::BindingId,
        how: Use,
    ) -> Expr {
        let ident = self.ir.bindings[*binding].ident.clone();
        let place = Place::whole(*binding);
        self.record_use(&place, how);
        let id = self.use_id();
        leaf(
            ExprKind::Place {
                place,
                how,
                syn: syn::parse_quote!(#ident),
                id,
            },
            ident.span(),
        )
    }
}

/// Looks for a yield, or a compound the analysis asked to lower, outside closures, async
/// blocks, nested items and other macros' input.
struct Find<'a> {
    force: &'a std::collections::HashSet<usize>,
    found: bool,
}
impl<'ast> syn::visit::Visit<'ast> for Find<'_> {
    fn visit_expr(&mut self, e: &'ast SynExpr) {
        if self.found {
            return;
        }
        match e {
            SynExpr::Yield(_) => self.found = true,
            SynExpr::Closure(_) | SynExpr::Async(_) => {}
            _ => {
                self.found |= self.force.contains(&site(e));
                syn::visit::visit_expr(self, e);
            }
        }
    }
    fn visit_item(&mut self, _: &'ast syn::Item) {}
    fn visit_macro(&mut self, _: &'ast syn::Macro) {}
}

/// Which loop syntax `loop_expr` builds.
enum LoopSyn<'a> {
    Loop,
    While(&'a SynExpr),
    WhileSpilled(&'a SynExpr),
    For(&'a syn::Pat, Iterable<'a>),
}

enum Iterable<'a> {
    Syn(&'a SynExpr),
    Temp(crate::lower::flat::ir::BindingId),
}

/// One part of a condition chain, as written.
pub(crate) enum SynCond<'a> {
    Expr(&'a SynExpr),
    Let(&'a syn::ExprLet),
}

/// The parts of `a && let P = e && b`, in order.
pub(crate) fn cond_parts(cond: &SynExpr) -> Vec<SynCond<'_>> {
    match cond {
        SynExpr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) && has_let(cond) => {
            let mut parts = cond_parts(&b.left);
            parts.extend(cond_parts(&b.right));
            parts
        }
        SynExpr::Let(l) => vec![SynCond::Let(l)],
        other => vec![SynCond::Expr(other)],
    }
}

fn has_let(cond: &SynExpr) -> bool {
    match cond {
        SynExpr::Let(_) => true,
        SynExpr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            has_let(&b.left) || has_let(&b.right)
        }
        _ => false,
    }
}

fn part_value<'a>(part: &SynCond<'a>) -> &'a SynExpr {
    match part {
        SynCond::Expr(e) => e,
        SynCond::Let(l) => &l.expr,
    }
}

fn part_split(part: &CondPart) -> bool {
    match part {
        CondPart::Expr(e) => e.split,
        CondPart::Let { scrutinee, .. } => scrutinee.split,
    }
}

/// `e` with its operands replaced by empty holes (filled again when printing).
pub(crate) fn hollow(e: &SynExpr) -> SynExpr {
    let mut skeleton = e.clone();
    for (hole, _) in operands_mut(&mut skeleton) {
        *hole = SynExpr::Verbatim(TokenStream::new());
    }
    skeleton
}

/// Gives the compound `e` was built into its syntax's identity: the expression itself, or the
/// compound at the end of the block a desugaring wrapped it in.
fn set_site(e: &mut Expr, site: usize) {
    if e.site != 0 {
        return;
    }
    e.site = site;
    if let ExprKind::Block {
        block, label: None, ..
    } = &mut e.kind
        && let Some(Stmt::Expr { expr, .. }) = block.stmts.last_mut()
        && matches!(
            expr.kind,
            ExprKind::If { .. }
                | ExprKind::Match { .. }
                | ExprKind::Loop { .. }
                | ExprKind::Block { .. }
        )
    {
        set_site(expr, site);
    }
}

pub(crate) fn leaf(kind: ExprKind, span: Span) -> Expr {
    Expr {
        kind,
        spans: Spans(span, span),
        site: 0,
        split: false,
        span,
    }
}

pub(crate) fn expr_stmt(expr: Expr) -> Stmt {
    Stmt::Expr {
        expr,
        semi: true,
        join: None,
    }
}

fn block_expr(
    block: Block,
    label: Option<syn::Label>,
    unsafety: Option<syn::token::Unsafe>,
    loop_id: Option<crate::lower::flat::ir::LoopId>,
    span: Span,
    forced: bool,
) -> Expr {
    Expr {
        spans: Spans(Span::call_site(), Span::call_site()),
        site: 0,
        split: block.split || forced,
        kind: ExprKind::Block {
            block,
            label,
            unsafety,
            loop_id,
        },
        span,
    }
}
