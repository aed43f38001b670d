//! Small constructors and queries of IR nodes shared by the builder's files.

use proc_macro2::{Span, TokenStream};
use syn::Expr as SynExpr;

use super::operands::operands_mut;
use super::site;
use crate::lower::flat::ir::{Block, Cond, Expr, ExprKind, MarkId, Spans, Stmt};

/// Looks for a yield, or a compound the analysis asked to lower, outside closures, async
/// blocks, nested items and other macros' input.
pub(super) struct Find<'a> {
    pub(super) force: &'a std::collections::HashSet<usize>,
    pub(super) found: bool,
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

/// `e` with its operands replaced by empty holes (filled again when printing).
pub(crate) fn hollow(e: &SynExpr) -> SynExpr {
    // A chain of binary operators is built one level at a time: cloning each level's
    // operands to empty them would cost the square of the chain's length.
    if let SynExpr::Binary(b) = e {
        let hole = || Box::new(SynExpr::Verbatim(TokenStream::new()));
        return SynExpr::Binary(syn::ExprBinary {
            attrs: b.attrs.clone(),
            left: hole(),
            op: b.op,
            right: hole(),
        });
    }
    let mut skeleton = e.clone();
    for (hole, _) in operands_mut(&mut skeleton) {
        *hole = SynExpr::Verbatim(TokenStream::new());
    }
    skeleton
}

/// Gives the compound `e` was built into its syntax's identity: the expression itself, or the
/// compound at the end of the block a desugaring wrapped it in.
pub(super) fn set_site(e: &mut Expr, site: usize) {
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

/// `stmts` followed by the statement of `last`.
pub(crate) fn followed_by(mut stmts: Vec<Stmt>, last: Expr) -> Vec<Stmt> {
    stmts.push(expr_stmt(last));
    stmts
}

pub(crate) fn expr_stmt(expr: Expr) -> Stmt {
    Stmt::Expr {
        expr,
        semi: true,
        join: None,
    }
}

pub(super) fn block_expr(
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

/// `if <cond> { then } else { otherwise }` that the lowering writes (a short circuit, a
/// `while` whose condition yields), at `span`: no braces or spans of the user's.
pub(super) fn desugared_if(
    cond: Cond,
    then: Block,
    otherwise: Block,
    else_mark: MarkId,
    span: Span,
) -> Expr {
    Expr {
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
            then_braces: Span::call_site(),
        },
        span,
    }
}

/// Whether every path through `e` that yields leaves it with `return`, `break` or `continue`
/// (an `if`/`match` statement whose yielding branches end so), so that only its native
/// paths, which never suspend, reach its end: the code after it needs no join state.
/// Desugar `if c { yield_!(x); return; } rest` into `if c { <suspend> } rest` in one arm,
/// the resume arm running `return`.
pub(crate) fn falls_through(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::If {
            cond,
            then,
            otherwise,
            ..
        } => {
            // A compound lowered although no branch yields (the analysis asked for a join
            // where a kept place differs between branches) needs its join.
            let yields = then.split || otherwise.as_ref().is_some_and(|o| o.split);
            yields
                && !cond.parts.iter().any(super::cond_parts::part_split)
                && (!then.split || leaves(then))
                && otherwise.as_deref().is_none_or(falls_through_branch)
        }
        ExprKind::Match { scrutinee, arms } => {
            arms.iter().any(|a| a.body.split)
                && !scrutinee.split
                && arms.iter().all(|a| {
                    !a.guard.as_ref().is_some_and(|g| g.split) && falls_through_branch(&a.body)
                })
        }
        // `{ let t = v; match t { .. } }` (a scrutinee spilled into a hidden local).
        ExprKind::Block {
            block, label: None, ..
        } => match block.stmts.split_last() {
            Some((
                Stmt::Expr {
                    expr, semi: false, ..
                },
                before,
            )) => before.iter().all(|s| !stmt_split(s)) && falls_through(expr),
            _ => false,
        },
        _ => false,
    }
}

/// Whether `stmt` is lowered (it yields, or the analysis asked for it).
fn stmt_split(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Let(l) => {
            l.join.is_some()
                || l.init.as_ref().is_some_and(|e| e.split)
                || l.diverge.as_ref().is_some_and(|e| e.split)
        }
        Stmt::Expr { expr, .. } => expr.split,
        Stmt::Item(_) => false,
    }
}

/// A branch of [`falls_through`]: native, a block whose yielding paths leave, or an `else if`.
fn falls_through_branch(e: &Expr) -> bool {
    if !e.split {
        return true;
    }
    match &e.kind {
        ExprKind::Block { block, .. } => leaves(block),
        ExprKind::If { .. } | ExprKind::Match { .. } => falls_through(e),
        _ => false,
    }
}

/// A block that ends with a native `return`, `break` or `continue`.
fn leaves(block: &Block) -> bool {
    matches!(block.stmts.last(), Some(Stmt::Expr { expr, .. }) if !expr.split && matches!(
        expr.kind,
        ExprKind::Return { .. } | ExprKind::Break { .. } | ExprKind::Continue { .. }
    ))
}
