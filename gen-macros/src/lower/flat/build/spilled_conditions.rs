//! Conditions whose value is spilled into a hidden local first: `if` and `while` conditions
//! that yield, and `if let` scrutinees whose temporaries the construct keeps
//! (`scrutinee_temps.rs`).

use proc_macro2::Span;
use syn::spanned::Spanned;

use super::Builder;
use super::cond_parts::{SynCond, binds_ref_mut, cond_parts, part_value};
use super::expr::*;
use crate::lower::flat::ir::{Cond, CondPart, Expr, ExprKind, Mark, Place, Spans, Use};

impl Builder<'_> {
    /// Desugar `if <cond with a yield> { .. }` into `{ let t = <cond>; if t { .. } }` (and
    /// `if let P = <e with a yield>` into `{ let t = e; if let P = t { .. } }`); with `temps`,
    /// the temporaries the condition's value reads through first (`scrutinee_temps.rs`);
    /// with `drop_value`, the spilled value drops before `else` too (a `ref` binding's).
    pub(super) fn spill_condition(
        &mut self,
        i: &syn::ExprIf,
        value: bool,
        forced: bool,
        temps: bool,
        drop_value: bool,
    ) -> Expr {
        let scope = self.push_scope();
        let (temp_stmts, read_via_temps, mut spilled_temps) =
            match temps.then(|| self.spill_condition_temps(&i.cond)) {
                Some(Some(g)) => (g.stmts, Some(g.rewritten), Some(g.bindings)),
                _ => (Vec::new(), None, None),
            };
        let parts = cond_parts(read_via_temps.as_ref().unwrap_or(&i.cond));
        let (first, _) = parts.split_first().expect("a condition");
        let (temp_stmt, cond_scope, cond) = match read_via_temps.as_ref() {
            // `if let P = *temp { .. }` (a place the temporary holds) matches the place itself.
            Some(read_via_temps) if super::scrutinee_temps::is_place(part_value(first)) => {
                let cond_scope = self.push_scope();
                (
                    temp_stmts,
                    cond_scope,
                    self.cond(read_via_temps, cond_scope),
                )
            }
            _ => {
                let (temp_stmt, temp) = self.spill_temp_as(part_value(first), binds_ref_mut(first));
                // `if let P = &cfg.mode`: a view of a field of a local.
                if self.field_of_a_local_borrowed(part_value(first)) {
                    self.ir.likely_views.insert(temp);
                }
                let temp_stmt = temp_stmts.into_iter().chain(temp_stmt).collect();
                if drop_value {
                    spilled_temps.get_or_insert_with(Vec::new).push(temp);
                }
                let cond_scope = self.push_scope();
                (
                    temp_stmt,
                    cond_scope,
                    self.spilled_cond(&parts, temp, cond_scope),
                )
            }
        };
        let then = self.block(&i.then_branch, value, false);
        self.pop_scope(cond_scope);
        let otherwise = i.else_branch.as_ref().map(|(_, e)| {
            Box::new(match &spilled_temps {
                // Desugar `else { .. }` into `else { drop(t); .. }` (`scrutinee_temps.rs`),
                // the temporaries in the reverse order of their making.
                Some(temps) => {
                    let else_scope = self.push_scope();
                    let dropped: Vec<_> = temps
                        .iter()
                        .rev()
                        .map(|t| expr_stmt(self.drop_temp(*t)))
                        .collect();
                    let rest = self.expr_in(e, Use::Value, value);
                    self.finish_block(else_scope, followed_by(dropped, rest), e.span())
                }
                None => self.expr_in(e, Use::Value, value),
            })
        });
        let else_mark = self.mark(Mark::Else);
        let if_expr = Expr {
            spans: Spans(Span::call_site(), Span::call_site()),
            site: 0,
            split: forced || then.split || otherwise.as_ref().is_some_and(|e| e.split),
            kind: ExprKind::If {
                cond,
                then,
                otherwise,
                else_mark,
                then_braces: i.then_branch.brace_token.span.join(),
            },
            span: i.span(),
        };
        self.finish_block(scope, followed_by(temp_stmt, if_expr), i.span())
    }

    /// The condition `parts` with the value of its first part already in `temp` (see
    /// `spill_condition`): `t` or `let P = t`, then the later parts as written; `let` bindings
    /// are declared in `scope`.
    pub(super) fn spilled_cond(
        &mut self,
        parts: &[SynCond<'_>],
        temp: crate::lower::flat::ir::BindingId,
        scope: crate::lower::flat::ir::ScopeId,
    ) -> Cond {
        let (first, rest) = parts.split_first().expect("a condition");
        let place = self.temp_place(&temp, Use::Read);
        let mut built = vec![match first {
            SynCond::Expr(_) => CondPart::Expr(place),
            SynCond::Let(l) => {
                let moves = super::pattern::moves(&l.pat, &Place::whole(temp), &self.ir);
                self.name_spelled_parts(&l.pat, Some(&Place::whole(temp)), &moves);
                // What the value borrows, its bindings borrow (`Some(x)` of `t.first()`).
                let borrowed = self.ir.bindings[temp].borrows.clone();
                let references_out = super::lets::references_out(&l.expr);
                let bindings = self.bind_pattern_in(
                    &l.pat,
                    false,
                    &borrowed,
                    Some(&Place::whole(temp)),
                    references_out,
                );
                self.note_scrutinee_method(&l.expr, &bindings);
                CondPart::Let {
                    pat: (*l.pat).clone(),
                    scrutinee: place,
                    bindings,
                    moves,
                    token: l.let_token.span,
                }
            }
        }];
        for part in rest {
            built.push(self.cond_part(part, false));
        }
        Cond {
            parts: built,
            scope,
        }
    }
}
