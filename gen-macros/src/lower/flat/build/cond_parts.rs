//! The parts of a condition chain (`a && let P = e && b`) as written, and facts about them.

use syn::Expr as SynExpr;

use crate::lower::flat::ir::CondPart;

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

pub(super) fn has_let(cond: &SynExpr) -> bool {
    match cond {
        SynExpr::Let(_) => true,
        SynExpr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            has_let(&b.left) || has_let(&b.right)
        }
        _ => false,
    }
}

/// Whether `part` is `let P = ..` with a `ref mut` binding in `P`: its spilled value is then
/// mutated.
pub(super) fn binds_ref_mut(part: &SynCond<'_>) -> bool {
    matches!(part, SynCond::Let(l) if super::pattern::binds_ref_mut(&l.pat))
}

pub(crate) fn part_value<'a>(part: &SynCond<'a>) -> &'a SynExpr {
    match part {
        SynCond::Expr(e) => e,
        SynCond::Let(l) => &l.expr,
    }
}

pub(super) fn part_split(part: &CondPart) -> bool {
    match part {
        CondPart::Expr(e) => e.split,
        CondPart::Let { scrutinee, .. } => scrutinee.split,
    }
}
