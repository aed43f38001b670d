//! Assignments (`place = value`, `place op= value`) and the fields they read as numbers.

use proc_macro2::Span;
use syn::Expr as SynExpr;
use syn::spanned::Spanned;

use super::Builder;
use crate::lower::flat::ir::{Borrows, Expr, ExprKind, Mark, Spans, StateKind, Use};

impl Builder<'_> {
    /// `place = value` / `place op= value`: the value first, then the place.
    pub(super) fn assign(
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
        // `total += node.size;` (outside `s += &t`) and `count = node.size;` into a plain
        // local take a number, so `Copy`: the field is read in place. Otherwise
        // `cur = node.next;`, like `let next = node.next;`, moves the field.
        // `t += r.n` into a value of a constructor of the user's (`Ir::constructed`) takes
        // a value of that type, not a number: a move of the field.
        let into_users_value = self
            .place_of(left)
            .is_some_and(|p| p.path.is_empty() && self.ir.constructed.contains(&p.binding));
        // `total += t.amount` into a local not known to be a number (`let mut total =
        // opening;`, `Default::default()`): it may be a `Money`, which takes the field by
        // value; taken for the move it may be, the body lowers `boxed` when `t` is kept,
        // exact either way. Into a number (`let mut total = 0;`, `n: u64`) it is a copy.
        let into_unknown = op.is_some()
            && matches!(right, SynExpr::Field(_))
            && self.place_of(left).is_some_and(|p| {
                p.path.is_empty()
                    && !self.ir.bindings[p.binding].plain
                    && !self.ir.bindings[p.binding].by_ref
            });
        let copies = match op {
            Some(_) if into_users_value || into_unknown => false,
            Some(_) => !matches!(
                right,
                SynExpr::Reference(_)
                    | SynExpr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(_),
                        ..
                    })
            ),
            None => self
                .place_of(left)
                .is_some_and(|p| p.path.is_empty() && self.ir.bindings[p.binding].plain),
        };
        // A local on the right of `total += m;` is taken by value
        // (`AddAssign::add_assign(&mut self, rhs)` moves a `Money`, copies a number): no
        // evidence that it is a number, and a by-value use.
        let local_operand =
            op.is_some() && matches!(right, SynExpr::Path(p) if p.path.get_ident().is_some());
        if copies && !local_operand {
            self.copy_evidence(right);
        }
        // `_ = y;` is `let _ = y;`: it binds nothing and moves nothing.
        let wildcard = op.is_none() && matches!(left, SynExpr::Infer(_));
        self.moving_next = !copies && !wildcard;
        let how = if (copies || wildcard) && !local_operand && self.place_of(right).is_some() {
            Use::Read
        } else {
            Use::Value
        };
        // The parts of a value of a plain type (`last = Some(e.ts)`) are copies.
        self.plain_parts = copies;
        let rhs = self.expr_in(right, how, true);
        if copies {
            self.note_copy_read(&rhs);
        }
        let join = rhs
            .split
            .then(|| self.new_state(StateKind::Join { value: true }));
        for binding in self.assigned_bindings(left) {
            self.ir.mutated.entry(binding).or_insert(left.span());
            self.ir.mutated_otherwise.insert(binding);
            self.ir.maybe_mutated.insert(binding);
            if self.ir.inline
                && self.ir.assigned_self_place.is_none()
                && crate::parse::is_self_ident(&self.ir.bindings[binding].ident)
            {
                self.ir.assigned_self_place = Some(field_prefix(left).clone());
            }
        }
        if op.is_none() {
            self.note_assigned_value(left, right, &rhs);
        }
        let how = if op.is_some() { Use::Read } else { Use::Assign };
        let lhs = self.expr_in(left, how, false);
        if copies && op.is_some() {
            // `*acc += n`, `s.total += n`: the place holds a number.
            self.note_copy_read(&lhs);
        }
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

    /// `a = s.as_str();` of a local declared without a value (`let a;`): the local holds
    /// what the value holds, as if the `let` had it (a borrow of `s`, a reference), so that
    /// a dead borrow is not kept across a yield. Desugar a destructuring assignment, `(a, b)
    /// = s.split_at(1);`, as a `let` of the pattern: each part probably holds it. Of a local
    /// that had a value, a borrow assigned or replaced marks it `Ir::reassigned_borrows`.
    fn note_assigned_value(&mut self, left: &SynExpr, right: &SynExpr, rhs: &Expr) {
        // (A local read as a copy, `w = p;`, still hands on what it borrows.)
        let borrows = match &rhs.kind {
            ExprKind::Place { place, .. } if place.path.is_empty() => {
                self.ir.bindings[place.binding].borrows.clone()
            }
            _ => self.borrows_of(rhs),
        };
        if let Some(place) = self.place_of(left) {
            let by_ref = super::reference_values::yields_references(right);
            // `w = G::new(..);` of a `let w;`: it owns its value, a value of the user's, or
            // one taken for a borrow by the method's name, as with the `let` (one type for
            // every assignment).
            if place.path.is_empty() && self.ir.deferred.contains(&place.binding) {
                let binding = place.binding;
                if self.owning_value(rhs) {
                    self.ir.bindings[binding].owns = true;
                }
                if self.may_hold_user_values(right) {
                    self.ir.user_made.insert(binding);
                }
                if self.borrowed_by_name(right) {
                    self.ir.borrowed_by_name.insert(binding);
                }
            }
            self.assigned_value_holds(&place, borrows, by_ref);
            return;
        }
        let mut parts = Vec::new();
        assignee_parts(left, &mut parts);
        let by_ref = super::lets::references_out(right);
        for part in parts {
            if let Some(place) = self.place_of(part) {
                self.assigned_value_holds(&place, super::borrows::likely(borrows.clone()), by_ref);
            }
        }
    }

    fn assigned_value_holds(
        &mut self,
        place: &crate::lower::flat::ir::Place,
        borrows: Borrows,
        by_ref: bool,
    ) {
        if !place.path.is_empty() {
            return;
        }
        // `w = p;` of a local that already holds a value: from here on it may hold a borrow
        // (or no longer hold one, `w = "static";`), which its type cannot tell apart.
        if !self.ir.deferred.contains(&place.binding) {
            let borrows_other = |b: &Borrows| {
                matches!(b, Borrows::Definitely(owner, _) | Borrows::Likely(owner)
                    if *owner != place.binding)
            };
            if borrows_other(&borrows) || borrows_other(&self.ir.bindings[place.binding].borrows) {
                self.ir.reassigned_borrows.insert(place.binding);
                let info = &mut self.ir.bindings[place.binding];
                let merged = [info.borrows.clone(), super::borrows::likely(borrows)];
                info.borrows = super::borrows::strongest(merged.into_iter());
            }
            return;
        }
        let info = &mut self.ir.bindings[place.binding];
        info.borrows = super::borrows::strongest([info.borrows.clone(), borrows].into_iter());
        info.by_ref |= by_ref;
    }

    /// `built` reads a field where only a `Copy` value can stand (`Ir::copy_reads`).
    pub(super) fn note_copy_read(&mut self, built: &Expr) {
        if let ExprKind::Place { place, id, .. } = &built.kind
            && !place.path.is_empty()
        {
            self.ir.copy_reads.insert(*id);
        }
    }
}

/// The places a destructuring assignment's left side writes (`(a, [b, c])`).
fn assignee_parts<'e>(left: &'e SynExpr, out: &mut Vec<&'e SynExpr>) {
    match left {
        SynExpr::Paren(p) => assignee_parts(&p.expr, out),
        SynExpr::Tuple(t) => t.elems.iter().for_each(|e| assignee_parts(e, out)),
        SynExpr::Array(a) => a.elems.iter().for_each(|e| assignee_parts(e, out)),
        SynExpr::Infer(_) | SynExpr::Range(_) => {}
        place => out.push(place),
    }
}

/// The part of an assignment target made of `self` and fields only (`self.cells` of
/// `self.cells[i]`, `self.grid` of `self.grid[i].v`): what the block's start can name, where
/// the block's own locals (`i`) are not in scope.
fn field_prefix(e: &syn::Expr) -> &syn::Expr {
    fn fields_only(e: &syn::Expr) -> bool {
        match e {
            syn::Expr::Path(_) => true,
            syn::Expr::Field(f) => fields_only(&f.base),
            syn::Expr::Paren(p) => fields_only(&p.expr),
            _ => false,
        }
    }
    match e {
        syn::Expr::Field(f) if !fields_only(&f.base) => field_prefix(&f.base),
        syn::Expr::Index(i) => field_prefix(&i.expr),
        syn::Expr::Unary(u) => field_prefix(&u.expr),
        syn::Expr::MethodCall(m) => field_prefix(&m.receiver),
        syn::Expr::Paren(p) => field_prefix(&p.expr),
        _ => e,
    }
}
