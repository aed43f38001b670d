//! The body of a `while` whose condition yields, as an `if` that breaks out otherwise.

use syn::Expr as SynExpr;
use syn::spanned::Spanned;

use super::Builder;
use super::expr::*;
use crate::lower::flat::ir::{Block, ExprKind, Mark};

impl Builder<'_> {
    /// `if <cond> { body } else { break }`, the body of a `while` whose condition yields (or,
    /// with `temps`, whose condition's temporaries are hidden locals first, `scrutinee_temps.rs`).
    pub(super) fn spilled_while_body(
        &mut self,
        cond: &SynExpr,
        temps: bool,
        body: &syn::Block,
        loop_id: crate::lower::flat::ir::LoopId,
    ) -> Block {
        let scope = self.push_scope();
        let (temp_stmts, read_via_temps) = match temps.then(|| self.spill_condition_temps(cond)) {
            Some(Some(g)) => (g.stmts, Some(g.rewritten)),
            _ => (Vec::new(), None),
        };
        let cond = read_via_temps.as_ref().unwrap_or(cond);
        // Built by hand so the user's syntax keeps its identity (see `site`).
        let syn_parts = super::cond_parts::cond_parts(cond);
        let (first, _) = syn_parts.split_first().expect("a condition");
        let (spilled, cond_scope, cond_ir) = if read_via_temps.is_some()
            && super::scrutinee_temps::is_place(super::cond_parts::part_value(first))
        {
            // `while let P = *temp { .. }` (a place the temporary holds) matches the place
            // itself.
            let cond_scope = self.push_scope();
            (temp_stmts, cond_scope, self.cond(cond, cond_scope))
        } else {
            let (temp_stmt, temp) = self.spill_temp_as(
                super::cond_parts::part_value(first),
                super::cond_parts::binds_ref_mut(first),
            );
            let temp_stmt = temp_stmts.into_iter().chain(temp_stmt).collect();
            let cond_scope = self.push_scope();
            (
                temp_stmt,
                cond_scope,
                self.spilled_cond(&syn_parts, temp, cond_scope),
            )
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
        let if_expr = super::nodes::desugared_if(cond_ir, then, else_block, else_mark, cond.span());
        let end = self.mark(Mark::End);
        self.pop_scope(scope);
        Block {
            scope,
            stmts: followed_by(spilled, if_expr),
            end,
            split: true,
        }
    }
}
