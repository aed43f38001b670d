//! Branches: `if`, `if let` chains, `match`, and `&&`/`||` whose right side yields.

use proc_macro2::Span;
use syn::Expr as SynExpr;
use syn::spanned::Spanned;

use super::Builder;
use super::cond_parts::{SynCond, cond_parts, part_split, part_value};
use super::expr::*;
use super::syntax_facts::is_number;
use crate::lower::flat::ir::{
    Arm, BindingKind, Borrows, Cond, CondPart, Expr, ExprKind, Mark, Place, Spans, Use,
};

impl Builder<'_> {
    pub(super) fn if_expr(&mut self, i: &syn::ExprIf, value: bool, forced: bool) -> Expr {
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
                return self.spill_condition(i, value, forced, false, false);
            }
        }
        // Desugar `if let Some(ref g) = make() { .. yield .. } else { .. }` into `{ let t =
        // make(); if let Some(ref g) = t { .. } else { drop(t); .. } }`: the value a `ref`
        // binding borrows lives until the `if let` ends (dropped before `else`, as in edition
        // 2024), and the state keeps it across the yields.
        if super::for_head_temps::yields_in(&i.then_branch)
            && let Some(SynCond::Let(l)) = first.first()
            && super::pattern::binds_ref(&l.pat)
            && self.place_of(&l.expr).is_none()
            && !is_place_expression(&l.expr)
        {
            let temps = super::scrutinee_temps::condition_reads_a_temporary(&i.cond);
            return self.spill_condition(i, value, forced, temps, true);
        }
        // `if let P = temp.m(..) { .. yield .. }` (`scrutinee_temps.rs`).
        if super::for_head_temps::yields_in(&i.then_branch)
            && super::scrutinee_temps::condition_reads_a_temporary(&i.cond)
        {
            return self.spill_condition(i, value, forced, true, false);
        }
        // Desugar `if let P = v { .. }` whose variant bindings are copies into
        // `{ <check of P>; if let P = v { .. } }` (`build/variant_moves.rs`).
        // `if c { x } else { 9 }`: a branch's value beside a number is one (as a `match`
        // arm's, `match_arms`).
        let tails = if_tails(i);
        if tails.iter().any(|t| super::syntax_facts::is_number(t)) {
            tails.iter().for_each(|t| self.number_context(t));
        }
        self.with_variant_checks(&i.cond, i.span(), |this| {
            let cond_scope = this.push_scope();
            let cond = this.cond(&i.cond, cond_scope);
            let then = this.block(&i.then_branch, value, false);
            this.pop_scope(cond_scope);
            let otherwise = i
                .else_branch
                .as_ref()
                .map(|(_, e)| Box::new(this.expr_in(e, Use::Value, value)));
            let else_mark = this.mark(Mark::Else);
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
                    then_braces: i.then_branch.brace_token.span.join(),
                },
                split,
                span: i.span(),
            }
        })
    }

    /// A condition: `c`, `let P = e`, joined by `&&`; `let` bindings are declared in `scope`.
    pub(crate) fn cond(&mut self, cond: &SynExpr, scope: crate::lower::flat::ir::ScopeId) -> Cond {
        let mut checkable = true;
        let parts: Vec<CondPart> = cond_parts(cond)
            .iter()
            .map(|part| {
                let built = self.cond_part(part, checkable);
                checkable &= matches!(part, SynCond::Expr(_));
                built
            })
            .collect();
        // `if let Some(g) = o && g.0 > 0`: `o` is moved on some paths only in the `else`
        // (`cfg/branches.rs`): desugared by `moving_chains.rs`, or else lowered `boxed`.
        let before_last = parts.len().saturating_sub(1);
        if parts[..before_last]
            .iter()
            .any(|p| matches!(p, CondPart::Let { moves, .. } if !moves.is_empty()))
        {
            self.ir.inexpressible = true;
            self.ir.moving_chains.insert(super::site(cond));
        }
        Cond { parts, scope }
    }

    /// A part of a condition; a `let` part's variant bindings may be copies the plan took
    /// when `checkable` (`variant_checks` checks them before the condition).
    pub(super) fn cond_part(&mut self, part: &SynCond<'_>, checkable: bool) -> CondPart {
        match part {
            SynCond::Expr(e) => {
                // A place as a condition is a `bool`: copied, never moved.
                let how = if self.place_of(e).is_some() {
                    Use::Read
                } else {
                    Use::Value
                };
                CondPart::Expr(self.expr_in(e, how, false))
            }
            SynCond::Let(l) => {
                let place = self.place_of(&l.expr);
                let how = if place.is_some() {
                    Use::Read
                } else {
                    Use::Value
                };
                let scrutinee = self.expr_in(&l.expr, how, false);
                self.note_ref_mut_into(&l.pat, place.as_ref(), &l.expr);
                let moves = match &place {
                    Some(p) if checkable => self.pattern_moves(&l.pat, p, &scrutinee),
                    Some(p) => super::pattern::moves(&l.pat, p, &self.ir),
                    None => Vec::new(),
                };
                self.note_closure_moves(&moves);
                self.name_spelled_parts(&l.pat, place.as_ref(), &moves);
                let through_ref = self.through_reference(&l.expr);
                let borrowed = self.scrutinee_borrows(&scrutinee);
                let references_out = super::lets::references_out(&l.expr);
                let user_made = !through_ref
                    && !super::by_ref_loops_step(&l.expr)
                    && self.may_hold_user_values(&l.expr);
                // `if let Some(c) = pool.get()` of a value of the user's type: a borrow judged
                // by the method's name alone (`Ir::borrowed_by_name`).
                let by_name = self.borrowed_by_name(&l.expr);
                let bindings = self.bind_pattern_in(
                    &l.pat,
                    through_ref,
                    &borrowed,
                    place.as_ref(),
                    references_out,
                );
                if user_made {
                    self.ir.user_made.extend(bindings.iter().copied());
                    self.note_user_payloads(&l.pat, &bindings);
                }
                if by_name {
                    self.ir.borrowed_by_name.extend(bindings.iter().copied());
                }
                self.note_scrutinee_method(&l.expr, &bindings);
                self.note_scrutinee_views(&scrutinee, &bindings);
                CondPart::Let {
                    pat: (*l.pat).clone(),
                    scrutinee,
                    bindings,
                    moves,
                    token: l.let_token.span,
                }
            }
        }
    }

    pub(super) fn match_expr(&mut self, m: &syn::ExprMatch, value: bool, forced: bool) -> Expr {
        // Desugar `match *temp { .. yield .. }` (a place a temporary holds) into `{ let t =
        // temp; match *t { .. } }` (`scrutinee_temps.rs`): the place stays a place.
        if self.place_of(&m.expr).is_none()
            && !self.splits(&m.expr)
            && m.arms.iter().any(|arm| self.splits_unforced(&arm.body))
            && super::scrutinee_temps::place_reads_a_temporary(&m.expr)
        {
            let scope = self.push_scope();
            let temps = self
                .spill_scrutinee_temps(&m.expr)
                .expect("the place reads a temporary");
            let scrutinee = self.expr_in(&temps.rewritten, Use::Read, false);
            let place = self.place_of(&temps.rewritten);
            let matched = self.match_arms(m, scrutinee, place, value, forced);
            return self.finish_block(scope, followed_by(temps.stmts, matched), m.span());
        }
        let arm_yields = self.place_of(&m.expr).is_none()
            && !is_place_expression(&m.expr)
            && m.arms.iter().any(|arm| self.splits_unforced(&arm.body));
        if self.splits(&m.expr) || arm_yields {
            // Desugar `match <e with a yield> { .. }` into `{ let t = e; match t { .. } }`;
            // also when an arm yields: the scrutinee's value is then a local, which the state
            // keeps while the arms need it (a borrow it holds, `a.peek()`, ends when its last
            // use does, as a `let` does, instead of with the `match`).
            let scope = self.push_scope();
            // The arms only read the scrutinee's value, or move out of it, unless a pattern
            // binds `ref mut`.
            let mutable = m
                .arms
                .iter()
                .any(|arm| super::pattern::binds_ref_mut(&arm.pat));
            // `match temp.m(..) { .. yield .. }` (`scrutinee_temps.rs`).
            let temps = (arm_yields && !self.splits(&m.expr))
                .then(|| self.spill_scrutinee_temps(&m.expr))
                .flatten();
            // `match pool.get() { Some(_c) => yield_!(i), .. }` of a value of the user's type:
            // a borrow judged by the method's name alone (`Ir::borrowed_by_name`).
            let by_name = self.borrowed_by_name(&m.expr);
            let (temp_stmt, temp) =
                self.spill_temp_as(temps.as_ref().map_or(&*m.expr, |t| &t.rewritten), mutable);
            if arm_yields && temps.is_none() && !mutable && !self.splits(&m.expr) {
                self.ir.scrutinee_temps.insert(temp);
            }
            if by_name {
                self.ir.borrowed_by_name.insert(temp);
            }
            // `match &cfg.mode`: a view of a field of a local (`readers::view_of_a_local`).
            if self.field_of_a_local_borrowed(&m.expr) {
                self.ir.likely_views.insert(temp);
            }
            // `match e.kind() { .. }`: what a method the macro does not know returns, called
            // on a local, may be a view into it (`ParseIntError::kind`): kept beside the local
            // across a yield, the body is lowered `boxed`, exact whether it is or not.
            if let Some(receiver) = self.unknown_method_of_a_local(&m.expr)
                && matches!(self.ir.bindings[temp].borrows, Borrows::Maybe)
            {
                self.ir.bindings[temp].borrows = Borrows::Likely(receiver);
                self.ir.likely_views.insert(temp);
            }
            let temp_stmt = temps
                .map(|g| g.stmts)
                .unwrap_or_default()
                .into_iter()
                .chain(temp_stmt)
                .collect();
            let scrutinee = self.temp_place(&temp, Use::Read);
            let matched = self.match_arms(m, scrutinee, Some(Place::whole(temp)), value, forced);
            return self.finish_block(scope, followed_by(temp_stmt, matched), m.span());
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

    pub(super) fn match_arms(
        &mut self,
        m: &syn::ExprMatch,
        scrutinee: Expr,
        place: Option<Place>,
        value: bool,
        forced: bool,
    ) -> Expr {
        let through_ref = self.through_reference(&m.expr);
        let references_out = super::lets::references_out(&m.expr);
        // `match guards.pop()`-like scrutinees of the user's making: so are their bindings.
        let user_made = !through_ref && self.may_hold_user_values(&m.expr);
        // `match pool.get()` of a value of the user's type (`Ir::borrowed_by_name`).
        let by_name = self.borrowed_by_name(&m.expr);
        let borrowed = self.scrutinee_borrows(&scrutinee);
        let mut arms = Vec::new();
        let mut split = forced;
        // Each arm with what it moves out of the matched place, after the arm that checks
        // its variant bindings are copies where the plan took them for ones.
        let mut planned: Vec<(std::borrow::Cow<'_, syn::Arm>, Vec<Place>)> = Vec::new();
        for arm in &m.arms {
            let Some(p) = &place else {
                planned.push((std::borrow::Cow::Borrowed(arm), Vec::new()));
                continue;
            };
            let (moves, check) = self.arm_moves(arm, p, &scrutinee);
            self.name_spelled_parts(&arm.pat, Some(p), &moves);
            if let Some(check) = check {
                planned.push((std::borrow::Cow::Owned(check), Vec::new()));
            }
            planned.push((std::borrow::Cow::Borrowed(arm), moves));
        }
        let numbers_beside = m.arms.iter().any(|arm| is_number(&arm.body));
        for (arm, moves) in planned {
            let arm = &*arm;
            let scope = self.push_scope();
            self.note_ref_mut_into(&arm.pat, place.as_ref(), &m.expr);
            let bindings = self.bind_pattern_in(
                &arm.pat,
                through_ref,
                &borrowed,
                place.as_ref(),
                references_out,
            );
            // What the arm takes out of a probable view is one too.
            if let Some(p) = &place
                && self.ir.likely_views.contains(&p.binding)
            {
                self.ir.likely_views.extend(bindings.iter().copied());
            }
            if user_made {
                self.ir.user_made.extend(bindings.iter().copied());
                self.note_user_payloads(&arm.pat, &bindings);
            }
            if by_name {
                self.ir.borrowed_by_name.extend(bindings.iter().copied());
            }
            // `match &s { .. }`: for the fix a borrow error names (match on `s`).
            if matches!(&*m.expr, SynExpr::Reference(r) if r.mutability.is_none()
                && self.place_of(&r.expr).is_some_and(|p| p.path.is_empty()))
            {
                self.ir
                    .bound_through_a_borrowed_local
                    .extend(bindings.iter().copied());
            }
            self.note_scrutinee_method(&m.expr, &bindings);
            self.note_scrutinee_views(&scrutinee, &bindings);
            let whole = matches!(&arm.pat, syn::Pat::Ident(p) if p.subpat.is_none());
            self.mark_plain(&bindings, whole && self.plain_value(&scrutinee));
            // `St::Busy { n, .. } => n, St::Idle => 0`: an arm's value beside a number is one.
            if numbers_beside {
                self.copy_evidence(&arm.body);
                self.number_values.insert(super::site(&*arm.body));
            }
            // A guard runs while the arm is being chosen: nothing in it is lowered.
            if let Some((_, g)) = &arm.guard
                && self.splits_unforced(g)
            {
                self.ir.inexpressible = true;
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
            // On the user's `match` and braces, also where the `match` stands inside a block
            // of the desugar (`{ let t = e; match t { .. } }`): lints on it (`single_match`)
            // and errors on the whole `match` see the user's.
            spans: Spans(m.match_token.span, m.brace_token.span.join()),
            site: 0,
            kind: ExprKind::Match {
                scrutinee: Box::new(scrutinee),
                arms,
            },
            split,
            span: m.span(),
        }
    }
}

/// `v[i]`, `*guard`, `s.items[0].name`, `STATIC`: a place the `match` reads in place, which a
/// hidden local could only take by moving out of it.
fn is_place_expression(e: &SynExpr) -> bool {
    match e {
        SynExpr::Path(_) | SynExpr::Index(_) => true,
        SynExpr::Unary(u) => matches!(u.op, syn::UnOp::Deref(_)),
        SynExpr::Field(f) => is_place_expression(&f.base),
        SynExpr::Paren(p) => is_place_expression(&p.expr),
        _ => false,
    }
}

impl Builder<'_> {
    /// A pattern that moves part of the place it matches and spells out the rest (`(x, _)`,
    /// `S { a, b: _ }`): the parts it leaves are named, so that they stay in the place and drop
    /// with it, where the plain function drops them, not at the next suspension.
    pub(super) fn name_spelled_parts(
        &mut self,
        pat: &syn::Pat,
        place: Option<&Place>,
        moves: &[Place],
    ) {
        if let Some(p) = place
            && !moves.is_empty()
        {
            let parts = super::pattern::parts(pat, p);
            self.ir.named_parts.extend(parts);
        }
    }
}

/// The value expressions of an `if`'s branches (`x` in `if c { x } else if d { 1 } else { y
/// }`): each block's tail, through `else if`.
fn if_tails(i: &syn::ExprIf) -> Vec<&SynExpr> {
    fn tail(b: &syn::Block) -> Option<&SynExpr> {
        match b.stmts.last() {
            Some(syn::Stmt::Expr(e, None)) => Some(e),
            _ => None,
        }
    }
    let mut out: Vec<&SynExpr> = tail(&i.then_branch).into_iter().collect();
    match i.else_branch.as_ref().map(|(_, e)| &**e) {
        Some(SynExpr::If(nested)) => out.extend(if_tails(nested)),
        Some(SynExpr::Block(b)) => out.extend(tail(&b.block)),
        _ => {}
    }
    out
}

impl Builder<'_> {
    /// `e` is a number (compared with a number literal, a branch's value beside one): a
    /// place it is, or that a branch of it yields (`if c { x } else { t.2 }`), is read in
    /// place, never moved. (An operand of `-`, `*`, .. may be a value of a type of the
    /// user's with the operator, which it moves.)
    pub(super) fn number_context(&mut self, e: &SynExpr) {
        match e {
            SynExpr::Paren(p) => self.number_context(&p.expr),
            SynExpr::Group(g) => self.number_context(&g.expr),
            SynExpr::If(i) => if_tails(i).into_iter().for_each(|t| self.number_context(t)),
            SynExpr::Match(m) => m.arms.iter().for_each(|a| self.number_context(&a.body)),
            SynExpr::Block(b) if b.label.is_none() => {
                if let Some(syn::Stmt::Expr(t, None)) = b.block.stmts.last() {
                    self.number_context(t);
                }
            }
            _ => {
                self.copy_evidence(e);
                if let Some(place) = self.place_of(e) {
                    self.number_values.insert(super::site(e));
                    if place.path.is_empty() {
                        self.mark_plain(&[place.binding], true);
                    }
                }
            }
        }
    }
}

impl Builder<'_> {
    /// What the bindings of a pattern matched against `scrutinee` borrow. A local matched in
    /// place (`match word { Some(w) => .. }`, a hidden local holding the scrutinee's value)
    /// hands its parts to the bindings, so they carry what the local borrows (`w`, a part of
    /// `line.split(' ').next()`, is a view into `line`, with nothing to drop); any other
    /// scrutinee: what its value borrows.
    fn scrutinee_borrows(&self, scrutinee: &Expr) -> Borrows {
        match &scrutinee.kind {
            ExprKind::Place { place, syn, .. }
                if self.ir.bindings[place.binding].kind == BindingKind::Temp
                    || (place.path.is_empty() && matches!(syn, SynExpr::Path(_))) =>
            {
                self.ir.bindings[place.binding].borrows.clone()
            }
            _ => self.borrows_of(scrutinee),
        }
    }
}

impl Builder<'_> {
    /// The local `e` calls a method the macro does not know from std on (`e.kind()`).
    fn unknown_method_of_a_local(&self, e: &SynExpr) -> Option<crate::lower::flat::ir::BindingId> {
        let SynExpr::MethodCall(m) = e else {
            return None;
        };
        if super::consumed_by_name::known_std_name(&m.method.to_string()) {
            return None;
        }
        let place = self.place_of(&m.receiver)?;
        let b = &self.ir.bindings[place.binding];
        (place.path.is_empty() && b.kind != BindingKind::Temp && !b.by_ref).then_some(place.binding)
    }
}
