//! The temporaries a `match`, `if let` or `while let` scrutinee reads through, when the
//! construct yields.
//!
//! Rust keeps the temporaries of a scrutinee until the `match` ends (the `if let` block, the
//! `while let` iteration): `match m.lock().unwrap().len() { n => yield_!(n) }` holds the lock
//! while the consumer has the item, and `match xs.clone().as_slice() { [a, ..] => yield_!(*a),
//! .. }` reads the clone through a borrow. A flat generator keeps locals across a yield, not
//! temporaries, so each value the scrutinee's receiver chain certainly makes and then reads
//! through (a lock's or a `RefCell`'s guard, a clone, `to_string()`, `vec![..]`, `T::new(..)`:
//! `for_head_temps::owned_temporary`; or a function's value, `probe(n)`, owned or a reference)
//! becomes a hidden local around the construct, declared,
//! innermost first, before the scrutinee's value:
//! - desugar `match temp.m(..) { .. }` into `{ let t = temp; match t.m(..) { .. } }`;
//! - desugar `while let P = temp.m(..) { .. }` into `loop { let t = temp; if let P =
//!   t.m(..) { .. } else { break } }`;
//! - desugar `if let P = temp.m(..) { .. } else { .. }` into `{ let t = temp; if let P =
//!   t.m(..) { .. } else { drop(t); .. } }`: edition 2024 drops the temporary before the
//!   `else` block (edition 2021 after it, which differs only when the `else` block yields).
//!
//! The plan keeps a guard `t` across the yields when it borrows nothing of the generator's (a
//! lock reached through a reference argument or `&self`); a guard of the generator's own lock
//! makes the body `boxed` (`plan/inexact.rs`); an owned copy is kept to the end of the
//! construct, as Rust keeps it. A binding of the construct that
//! borrows `t` and is still needed after a yield is the macro's error on the temporary.

use syn::Expr as SynExpr;

use super::Builder;
use super::cond_parts::{SynCond, cond_parts};
use crate::lower::flat::ir::{BindingId, Expr, Stmt, Use};

/// The hidden locals of a scrutinee's temporaries (innermost first): their statements, the
/// scrutinee reading them, and the bindings.
pub(super) struct SpilledTemps {
    pub stmts: Vec<Stmt>,
    pub rewritten: SynExpr,
    pub bindings: Vec<BindingId>,
}

impl Builder<'_> {
    /// The hidden locals of the temporaries that `value`'s receiver chain makes and reads
    /// through, and `value` reading them instead; `None` when the chain reads none.
    pub(super) fn spill_scrutinee_temps(&mut self, value: &SynExpr) -> Option<SpilledTemps> {
        // `match Lexer::new(&src).count()`: a method named like one that takes `self` on std
        // types (`Iterator::count`), on a value of the user's making, may take it by reference
        // instead; the macro cannot tell whether the temporary lives to the end of the
        // construct: lowered `boxed`, exact for both.
        if self.consuming_name_on_a_user_value(value) {
            self.ir.inexpressible = true;
        }
        let mut rewritten = value.clone();
        let mut stmts = Vec::new();
        let mut bindings = Vec::new();
        while let Some(made) = super::for_head_temps::temporary_read(&mut rewritten) {
            // The innermost is the user's own node (`vec![a, f()?]` keeps its parsed input);
            // an outer one reads the hidden local made before it.
            let original = if bindings.is_empty() {
                super::for_head_temps::temporary_of(value).expect("found in the copy")
            } else {
                &*made
            };
            // `match Lexer::new(&src).peek()`: a value of the user's making that may borrow a
            // local, which Rust drops when the construct ends (`plan/inexact.rs` lowers the
            // body `boxed` if the state would drop it earlier).
            let user_made = self.may_hold_user_values(original);
            let (spilled, temp) = self.spill_temp_as(original, true);
            if user_made {
                self.ir.user_made.insert(temp);
            }
            stmts.extend(spilled);
            bindings.push(temp);
            // A temporary owns its value (a borrow of it is a borrow of a generator local);
            // a guard of a local drops before its owner moves (`emit/dead_guards.rs`).
            if super::for_head_temps::is_guard(made) {
                self.ir.guards.insert(temp);
            } else {
                self.ir.read_temporaries.insert(temp);
            }
            if matches!(original, SynExpr::Call(_)) {
                self.ir.call_temporaries.insert(temp);
            }
            self.ir.bindings[temp].owns = true;
            // `s.to_uppercase()`: its `split(' ')` borrows it, as of a `String` local.
            if super::let_kinds::makes_text(made) {
                self.ir.texts.insert(temp);
            }
            // Read where the temporary is made: a borrow of it is reported there, and so is
            // a check of its type (`+ Clone`, `emit/kept_wrappers.rs`).
            let mut ident = self.ir.bindings[temp].ident.clone();
            ident.set_span(ident.span().located_at(syn::spanned::Spanned::span(&*made)));
            self.ir.bindings[temp].ident = ident.clone();
            *made = syn::parse_quote!(#ident);
        }
        (!bindings.is_empty()).then_some(SpilledTemps {
            stmts,
            rewritten,
            bindings,
        })
    }

    /// The same for a condition that is one `let P = value`: the condition reading the hidden
    /// local; `None` for any other condition.
    pub(super) fn spill_condition_temps(&mut self, cond: &SynExpr) -> Option<SpilledTemps> {
        let [SynCond::Let(l)] = cond_parts(cond)[..] else {
            return None;
        };
        let mut spilled = self.spill_scrutinee_temps(&l.expr)?;
        let mut rewritten = l.clone();
        *rewritten.expr = spilled.rewritten;
        spilled.rewritten = SynExpr::Let(rewritten);
        Some(spilled)
    }

    /// Whether `e`'s receiver chain calls a method named like a consuming std one on a value
    /// of the user's making it makes itself (see `spill_scrutinee_temps`).
    fn consuming_name_on_a_user_value(&self, e: &SynExpr) -> bool {
        match e {
            SynExpr::Paren(p) => self.consuming_name_on_a_user_value(&p.expr),
            SynExpr::Field(f) => self.consuming_name_on_a_user_value(&f.base),
            SynExpr::MethodCall(m) => {
                let on_user_value = matches!(&*m.receiver, SynExpr::Call(_) | SynExpr::Struct(_))
                    && self.may_hold_user_values(&m.receiver);
                (on_user_value
                    && super::operands::consumes_receiver(&m.method.to_string(), m.args.len()))
                    || self.consuming_name_on_a_user_value(&m.receiver)
            }
            _ => false,
        }
    }

    /// `drop(t);` of the hidden local of a temporary.
    pub(super) fn drop_temp(&mut self, temp: BindingId) -> Expr {
        let ident = self.ir.bindings[temp].ident.clone();
        let call: SynExpr = syn::parse_quote!(::core::mem::drop(#ident));
        self.expr_in(&call, Use::Value, false)
    }
}

/// Whether `e` is a place that a temporary holds (`*m.lock().unwrap()`, `c.borrow().phase`,
/// `v.clone()[0]`).
pub(super) fn place_reads_a_temporary(e: &SynExpr) -> bool {
    is_place(e) && super::for_head_temps::temporary_read(&mut e.clone()).is_some()
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

/// Whether `cond` is one `let P = value` whose receiver chain reads through a temporary.
pub(super) fn condition_reads_a_temporary(cond: &SynExpr) -> bool {
    let [SynCond::Let(l)] = cond_parts(cond)[..] else {
        return false;
    };
    super::for_head_temps::temporary_read(&mut l.expr.as_ref().clone()).is_some()
}
