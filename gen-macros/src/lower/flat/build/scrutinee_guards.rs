//! The guard a `match`, `if let` or `while let` scrutinee makes, when the construct yields.
//!
//! Rust keeps the temporaries of a scrutinee until the `match` ends (the `if let` block, the
//! `while let` iteration): `match m.lock().unwrap().len() { n => yield_!(n) }` holds the lock
//! while the consumer has the item. A flat generator keeps locals across a yield, not
//! temporaries, so a lock's or a `RefCell`'s guard that the scrutinee's receiver chain makes
//! becomes a hidden local around the construct, declared before the scrutinee's value:
//! - desugar `match guard.m(..) { .. }` into `{ let t = guard; match t.m(..) { .. } }`;
//! - desugar `while let P = guard.m(..) { .. }` into `loop { let t = guard; if let P =
//!   t.m(..) { .. } else { break } }`;
//! - desugar `if let P = guard.m(..) { .. } else { .. }` into `{ let t = guard; if let P =
//!   t.m(..) { .. } else { drop(t); .. } }`: edition 2024 drops the guard before the `else`
//!   block (edition 2021 after it, which differs only when the `else` block yields).
//!
//! The plan keeps `t` across the yields when it borrows nothing of the generator's (a lock
//! reached through a reference argument or `&self`), and drops it when it is no longer used
//! otherwise, as any value that may borrow a local (README limit 4).

use syn::Expr as SynExpr;

use super::Builder;
use super::branches::{SynCond, cond_parts};
use crate::lower::flat::ir::{BindingId, Expr, Stmt, Use};

/// The hidden local of a scrutinee's guard: its statements, the scrutinee reading it, and
/// the binding.
pub(super) struct SpilledGuard {
    pub stmts: Vec<Stmt>,
    pub rewritten: SynExpr,
    pub binding: BindingId,
}

impl Builder<'_> {
    /// The hidden local of the guard that `value`'s receiver chain makes, and `value` reading
    /// it instead; `None` when the chain makes no guard.
    pub(super) fn spill_scrutinee_guard(&mut self, value: &SynExpr) -> Option<SpilledGuard> {
        let mut rewritten = value.clone();
        let guard = super::for_head_temps::guard_read(&mut rewritten)?;
        let made = guard.clone();
        let (stmts, temp) = self.spill_temp_as(&made, true);
        // A guard owns its value (a borrow of it is a borrow of a generator local); a guard
        // of a local drops before its owner moves (`emit/dead_guards.rs`).
        self.ir.guards.insert(temp);
        self.ir.bindings[temp].owns = true;
        // Read where the guard is made: a borrow of it is reported there.
        let mut ident = self.ir.bindings[temp].ident.clone();
        ident.set_span(ident.span().located_at(syn::spanned::Spanned::span(&made)));
        *guard = syn::parse_quote!(#ident);
        Some(SpilledGuard {
            stmts,
            rewritten,
            binding: temp,
        })
    }

    /// The same for a condition that is one `let P = value`: the condition reading the hidden
    /// local; `None` for any other condition.
    pub(super) fn spill_condition_guard(&mut self, cond: &SynExpr) -> Option<SpilledGuard> {
        let [SynCond::Let(l)] = cond_parts(cond)[..] else {
            return None;
        };
        let mut spilled = self.spill_scrutinee_guard(&l.expr)?;
        let mut rewritten = l.clone();
        *rewritten.expr = spilled.rewritten;
        spilled.rewritten = SynExpr::Let(rewritten);
        Some(spilled)
    }

    /// `drop(t);` of the hidden local of a guard.
    pub(super) fn drop_guard(&mut self, guard: BindingId) -> Expr {
        let ident = self.ir.bindings[guard].ident.clone();
        let call: SynExpr = syn::parse_quote!(::core::mem::drop(#ident));
        self.expr_in(&call, Use::Value, false)
    }
}

/// Whether `e` is a place that a guard holds (`*m.lock().unwrap()`, `c.borrow().phase`).
pub(super) fn place_reads_guard(e: &SynExpr) -> bool {
    is_place(e) && super::for_head_temps::guard_read(&mut e.clone()).is_some()
}

/// Whether `e` is a place expression in Rust's sense: a field, an index or a dereference of
/// any value (`m.lock().unwrap().phase`), or a path.
pub(super) fn is_place(e: &SynExpr) -> bool {
    match e {
        SynExpr::Paren(p) => is_place(&p.expr),
        SynExpr::Path(_) | SynExpr::Field(_) | SynExpr::Index(_) => true,
        SynExpr::Unary(u) => matches!(u.op, syn::UnOp::Deref(_)),
        _ => false,
    }
}

/// Whether `cond` is one `let P = value` whose receiver chain makes a guard.
pub(super) fn condition_makes_guard(cond: &SynExpr) -> bool {
    let [SynCond::Let(l)] = cond_parts(cond)[..] else {
        return false;
    };
    super::for_head_temps::guard_read(&mut l.expr.as_ref().clone()).is_some()
}
