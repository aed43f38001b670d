//! Desugar a yield inside an operand into statements, evaluated in Rust's order: every
//! operand before the last one that yields is evaluated into a hidden local first, unless it
//! is a place or a path (evaluating those has no effect, and a place read in place after the
//! yield must not be borrowed across it):
//!
//! ```text
//! f(a(), yield_!(x), b())     ->  { let t1 = a(); let t2 = yield_!(x); f(t1, t2, b()) }
//! v.push(yield_!(x))          ->  { let t1 = yield_!(x); v.push(t1) }
//! ```
//!
//! The `let` of a yielding operand is a lowered `let` (a join receives its value).

use syn::Expr as SynExpr;

use super::Builder;
use super::expr::{expr_stmt, hollow, leaf};
use super::operands::operands;
use crate::lower::flat::ir::{Expr, ExprKind};

impl Builder<'_> {
    /// `e` is an operator whose operand `last` (and maybe earlier ones) yields.
    pub(crate) fn spill(&mut self, e: &SynExpr, last: usize) -> Expr {
        let scope = self.push_scope();
        let mut stmts = Vec::new();
        let mut built = Vec::new();
        let ops = operands(e);
        let count = ops.len();
        for (i, (operand, how)) in ops.into_iter().enumerate() {
            // `..base` after the operand that yields: the fields it takes (`struct_update.rs`).
            if super::struct_update::is_rest(e, i, count)
                && let SynExpr::Struct(st) = e
                && let Some(rest) = self.struct_rest(st)
            {
                built.push(rest);
                continue;
            }
            if i > last || is_pure(operand) {
                built.push(self.expr_in(operand, how, false));
                continue;
            }
            // Desugar a borrow of a temporary, `f(&make(), yield_!(x))`, into `{ let t1 =
            // make(); let t2 = yield_!(x); f(&t1, t2) }`: the value lives to the end of the
            // statement, as Rust's temporary does, and no borrow of it lives across the yield.
            if let SynExpr::Reference(r) = operand
                && makes_a_temporary(&r.expr)
            {
                let (stmt, temp) = self.spill_temp_as(&r.expr, r.mutability.is_some());
                stmts.extend(stmt);
                let place = self.temp_place(&temp, crate::lower::flat::ir::Use::Read);
                built.push(leaf(
                    ExprKind::Op {
                        syn: hollow(operand),
                        operands: vec![place],
                        short_circuit: false,
                    },
                    syn::spanned::Spanned::span(operand),
                ));
                continue;
            }
            let (stmt, temp) = self.spill_temp_as(operand, may_mutate(e, i));
            stmts.extend(stmt);
            built.push(self.temp_place(&temp, how));
        }
        let op = leaf(
            ExprKind::Op {
                syn: hollow(e),
                operands: built,
                short_circuit: false,
            },
            syn::spanned::Spanned::span(e),
        );
        stmts.push(expr_stmt(op));
        self.finish_block(scope, stmts, syn::spanned::Spanned::span(e))
    }
}

/// Evaluating it has no effect: a path, a literal, or a place (fields and derefs of a path).
fn is_pure(e: &SynExpr) -> bool {
    match e {
        SynExpr::Path(_) | SynExpr::Lit(_) => true,
        SynExpr::Field(f) => is_pure(&f.base),
        SynExpr::Paren(p) => is_pure(&p.expr),
        SynExpr::Group(g) => is_pure(&g.expr),
        SynExpr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => is_pure(&u.expr),
        _ => false,
    }
}

/// A value expression whose value a borrow of it makes a temporary of (a call, a method's
/// value, a macro's, a literal struct or array), not a place (a path, a field, an index, a
/// dereference), which a borrow reads in place.
fn makes_a_temporary(e: &SynExpr) -> bool {
    match e {
        SynExpr::Paren(p) => makes_a_temporary(&p.expr),
        SynExpr::Call(_)
        | SynExpr::MethodCall(_)
        | SynExpr::Macro(_)
        | SynExpr::Struct(_)
        | SynExpr::Tuple(_)
        | SynExpr::Array(_)
        | SynExpr::Binary(_) => true,
        _ => false,
    }
}

/// Whether code after the spill may mutate operand `i` of `e` in place: the receiver of a
/// method that may take `&mut self`, the operand of `&mut`, the base of an index or field
/// (an assignment target).
fn may_mutate(e: &SynExpr, i: usize) -> bool {
    match e {
        SynExpr::MethodCall(mc) => {
            i == 0 && !super::receiver_methods::never_mutates(&mc.method.to_string(), mc.args.len())
        }
        SynExpr::Reference(r) => r.mutability.is_some(),
        SynExpr::Index(_) | SynExpr::Field(_) => i == 0,
        _ => false,
    }
}
