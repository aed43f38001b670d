//! `&&`/`||` whose right side yields.

use syn::Expr as SynExpr;
use syn::spanned::Spanned;

use super::Builder;
use super::expr::*;
use crate::lower::flat::ir::{Block, Cond, CondPart, Expr, ExprKind, Mark, Stmt, Use};

impl Builder<'_> {
    /// Desugar `a && b` into `if a { b } else { false }` and `a || b` into
    /// `if a { true } else { b }` when one of them yields.
    pub(super) fn short_circuit(&mut self, b: &syn::ExprBinary, value: bool) -> Expr {
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
        let if_expr = super::nodes::desugared_if(cond, then, otherwise, else_mark, span);
        self.finish_block(scope, followed_by(temp_stmt, if_expr), span)
    }
}
