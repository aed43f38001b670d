//! Expressions: places, operators and closures (branches, loops, yields and hidden locals,
//! `temps.rs`, have files of their own).

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Expr as SynExpr, Ident};

use super::loops::*;
use super::operands::{is_compound, is_short_circuit, operands};
use super::syntax_facts::{is_comparison, is_drop_call, is_number, numeric};
use super::{Builder, ClosureFrame, site};
use crate::lower::flat::ir::{
    Block, Borrows, Expr, ExprKind, LoopKind, Mark, Place, Proj, Spans, Stmt, Use,
};

impl Builder<'_> {
    /// Builds `e`, used as `how`; `value`: its value goes to a join.
    pub(crate) fn expr_in(&mut self, e: &SynExpr, how: Use, value: bool) -> Expr {
        let mut built = self.expr_inner(e, how, value);
        set_site(&mut built, site(e));
        if let Some(attrs) = compound_attrs(e) {
            self.ir.expr_attrs.insert(site(e), attrs.to_vec());
        }
        built.spans = Spans::of_expr(e);
        built
    }

    pub(super) fn expr_inner(&mut self, e: &SynExpr, how: Use, value: bool) -> Expr {
        let moving = std::mem::take(&mut self.moving_next);
        let plain_parts = std::mem::take(&mut self.plain_parts);
        self.plain_operands = plain_parts && makes_of_parts(e);
        if let Some((place, through_ref)) = self.place_and_ref(e) {
            // Writing through a reference reads the reference.
            let mut how = if how == Use::Assign && through_ref {
                Use::Read
            } else {
                how
            };
            let id = self.use_id();
            // A field or a dereference (`*guard`: a copy out of a `Deref` type, or a move out
            // of a `Box`) used by value.
            let field = match place.path.last() {
                Some(Proj::Field(_)) => true,
                Some(Proj::Deref) => !self.ir.boxes.contains(&place.binding),
                _ => false,
            };
            // Nothing moves out of a guard: a use by value is a copy; nor out of a number
            // (a branch's value beside a number literal), nor out of a part of a plain value.
            let plain_part = plain_parts && !place.path.is_empty();
            if how == Use::Value
                && (super::pattern::through_guard(&place, &self.ir)
                    || self.number_values.contains(&site(e))
                    || plain_part)
            {
                how = Use::Read;
            }
            if plain_part {
                self.ir.copy_reads.insert(id);
            }
            let field = field && how == Use::Value;
            if how == Use::Value && field && moving {
                self.ir.bundles.insert(place.binding);
            }
            if how == Use::Value && field && !moving && !self.in_closure() {
                // A field used by value: a move or a copy (see `Plan::copied_fields`).
                if self.copied_fields.contains(&site(e)) {
                    how = Use::Read;
                    self.ir.copy_checked.insert(id);
                } else {
                    self.ir.field_uses.push((id, site(e)));
                }
            }
            self.record_use(&place, how);
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
            SynExpr::Return(r) if !self.in_closure() => {
                let value = r
                    .expr
                    .as_ref()
                    .map(|v| Box::new(self.expr_in(v, Use::Value, false)));
                leaf(
                    ExprKind::Return {
                        token: r.return_token.span,
                        value,
                    },
                    r.span(),
                )
            }
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
                        diverges: always_an_error(&t.expr),
                    },
                    t.span(),
                );
                match spilled {
                    Some((scope, (stmt, _))) => {
                        self.finish_block(scope, followed_by(stmt, tried), t.span())
                    }
                    None => tried,
                }
            }
            SynExpr::Assign(a) => self.assign(&a.left, &a.right, None, a.span()),
            SynExpr::Binary(b) if is_compound(&b.op) => {
                self.assign(&b.left, &b.right, Some(b.op), b.span())
            }
            SynExpr::Binary(b)
                if is_short_circuit(&b.op)
                    && (forced || self.splits(&b.left) || self.splits(&b.right)) =>
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

    /// Whether `e` contains a yield (not counting the compounds the analysis asked for).
    pub(super) fn splits_unforced(&self, e: &SynExpr) -> bool {
        let none = std::collections::HashSet::new();
        let mut find = Find {
            force: &none,
            found: false,
        };
        syn::visit::Visit::visit_expr(&mut find, e);
        find.found
    }

    /// The analysis asked for `e` to be lowered, and it may be here.
    pub(super) fn forced(&self, e: &SynExpr) -> bool {
        self.unlowered == 0 && self.force.contains(&site(e))
    }

    pub(super) fn use_id(&mut self) -> usize {
        self.ir.uses += 1;
        self.ir.uses - 1
    }

    /// Inside a closure, places a pattern moves out of (`let t = tag;`, `match opt { Some(s)
    /// => .. }`): when they are outer places, the closure uses its captures up (`FnOnce`).
    pub(super) fn note_closure_moves(&mut self, moves: &[Place]) {
        for frame in &mut self.closures {
            for place in moves {
                if place.binding < frame.first_binding {
                    frame.moved_out.push(place.clone());
                }
            }
        }
    }

    /// Inside a closure, a use of an outer place is a capture of the closure.
    pub(crate) fn record_use(&mut self, place: &Place, how: Use) {
        for frame in &mut self.closures {
            if place.binding < frame.first_binding {
                if how == Use::Value {
                    frame.moved_out.push(place.clone());
                }
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
    pub(super) fn closure_owns(&self, label: Option<&syn::Lifetime>) -> bool {
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
    pub(super) fn op(&mut self, e: &SynExpr) -> Expr {
        let plain_operands = std::mem::take(&mut self.plain_operands);
        let indexing_range = std::mem::take(&mut self.indexing_range);
        self.note_mutations(e);
        let mut ops = operands(e);
        if indexing_range && matches!(e, SynExpr::Range(_)) {
            for op in &mut ops {
                op.1 = Use::Read;
            }
        }
        // Desugar the call of an `FnOnce` closure local (`finish()`) into a move of it.
        if let SynExpr::Call(c) = e
            && let Some(p) = self.place_of(&c.func)
            && p.path.is_empty()
            && self.ir.once_closures.contains(&p.binding)
        {
            ops[0].1 = Use::Value;
        }
        if self.reader_call(e) {
            ops[0].1 = Use::Value;
        }
        if let Some(k) = ops.iter().rposition(|(o, _)| self.splits(o)) {
            return self.spill(e, k);
        }
        let short_circuit = matches!(e, SynExpr::Binary(b) if is_short_circuit(&b.op));
        if numeric(e) && self.operands_are_numbers(e) {
            for (o, how) in &mut ops {
                self.copy_evidence(o);
                // `c.now + 1`, `n - c.now`: a field beside a number is one, read in place.
                if self.place_of(o).is_some_and(|p| !p.path.is_empty()) {
                    *how = Use::Read;
                }
            }
        }
        // `v > 0`, `v == 1.5`: compared with a number, `v` is one (and a field compared so
        // is read as a `Copy` value, not borrowed).
        let mut compared_with_number = None;
        if let SynExpr::Binary(b) = e
            && is_comparison(&b.op)
        {
            if is_number(&b.right) {
                self.number_context(&b.left);
                compared_with_number = Some(0);
            }
            if is_number(&b.left) {
                self.number_context(&b.right);
                compared_with_number = Some(1);
            }
        }
        let consuming = matches!(e, SynExpr::MethodCall(_));
        let dropping = is_drop_call(e);
        let count = ops.len();
        let built: Vec<Expr> = ops
            .into_iter()
            .enumerate()
            .map(|(i, (o, how))| {
                if super::struct_update::is_rest(e, i, count)
                    && let SynExpr::Struct(st) = e
                    && let Some(rest) = self.struct_rest(st)
                {
                    return rest;
                }
                // A consuming method's receiver is moved (`page.rows.into_iter()`), and so is
                // what `drop(..)` takes.
                self.moving_next = how == Use::Value && ((consuming && i == 0) || dropping);
                // A constructor's path is no part.
                self.plain_parts = plain_operands && !(i == 0 && matches!(e, SynExpr::Call(_)));
                self.indexing_range =
                    i == 1 && matches!(e, SynExpr::Index(_)) && matches!(o, SynExpr::Range(_));
                let built = self.expr_in(o, how, false);
                self.indexing_range = false;
                if numeric(e) || compared_with_number == Some(i) {
                    self.note_copy_read(&built);
                }
                built
            })
            .collect();
        self.note_consumed_by_name(e, &built);
        self.note_called_field(e, &built);
        self.note_stored_borrows(e, &built);
        leaf(
            ExprKind::Op {
                syn: hollow(e),
                operands: built,
                short_circuit,
            },
            e.span(),
        )
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

    /// A closure or `async` block: its own scope and code; what it uses from outside is
    /// captured where it is created.
    pub(super) fn closure(
        &mut self,
        e: &SynExpr,
        moving: bool,
        body: impl FnOnce(&mut Self) -> Expr,
    ) -> Expr {
        let loops = std::mem::take(&mut self.loops);
        self.closures.push(ClosureFrame {
            first_binding: self.ir.bindings.len(),
            captures: Vec::new(),
            moving,
            moved_out: Vec::new(),
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
                moved_out: frame.moved_out,
            },
            e.span(),
        )
    }
}

pub(super) use super::nodes::{Find, block_expr, set_site};
pub(crate) use super::nodes::{expr_stmt, followed_by, hollow, leaf};

/// Whether `e` is always the error of a `?`: `Err(..)` (`Result::Err(..)`) or `None`, written
/// as such (`Err(bad(lineno))?`).
fn always_an_error(e: &SynExpr) -> bool {
    let last_is =
        |path: &syn::Path, name: &str| path.segments.last().is_some_and(|s| s.ident == name);
    match e {
        SynExpr::Paren(p) => always_an_error(&p.expr),
        SynExpr::Call(c) => matches!(&*c.func, SynExpr::Path(p) if last_is(&p.path, "Err")),
        SynExpr::Path(p) => last_is(&p.path, "None"),
        _ => false,
    }
}

/// Whether `e` makes its value of its operands' values: a tuple, an array, a constructor
/// (`Some(x)`, `Ok(x)`, `Point(x, y)`).
fn makes_of_parts(e: &SynExpr) -> bool {
    match e {
        SynExpr::Tuple(_) | SynExpr::Array(_) => true,
        SynExpr::Call(c) => crate::lower::flat::extended_temps::is_constructor(&c.func),
        _ => false,
    }
}

/// The attributes of a compound expression (a block, `if`, `match` or loop), if any.
fn compound_attrs(e: &SynExpr) -> Option<&[syn::Attribute]> {
    let attrs = match e {
        SynExpr::Block(b) => &b.attrs,
        SynExpr::If(i) => &i.attrs,
        SynExpr::Match(m) => &m.attrs,
        SynExpr::Loop(l) => &l.attrs,
        SynExpr::While(w) => &w.attrs,
        SynExpr::ForLoop(f) => &f.attrs,
        _ => return None,
    };
    (!attrs.is_empty()).then_some(attrs.as_slice())
}
