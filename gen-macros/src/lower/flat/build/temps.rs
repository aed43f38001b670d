//! Hidden locals: a value the lowering must hold in a `let` of its own (an operand evaluated
//! before a yield, a method receiver, a value a join receives) is desugared into
//! `let __gen_t<n> = e;` and read back as a place.

use proc_macro2::Span;
use quote::format_ident;
use syn::Expr as SynExpr;

use super::Builder;
use super::expr::leaf;
use crate::lower::flat::ir::{
    BindingId, BindingKind, Borrows, Expr, ExprKind, Place, StateKind, Stmt, Use,
};

impl Builder<'_> {
    /// `let __gen_t<n> = e;` evaluating an operand before a yield.
    pub(crate) fn spill_temp(&mut self, e: &SynExpr) -> (Vec<Stmt>, BindingId) {
        self.spill_temp_as(e, false)
    }

    /// A hidden local holding `e`'s value; `mutable`: code after it may mutate it (a method
    /// receiver, an operand taken by `&mut`, a `ref mut` binding into it). Desugar a mutable
    /// one into `let t0 = e; #[allow(unused_mut)] let mut t1 = t0;`: its `mut` is the
    /// macro's and may go unused, and the lint allowed on the second `let` covers no user
    /// code.
    pub(crate) fn spill_temp_as(&mut self, e: &SynExpr, mutable: bool) -> (Vec<Stmt>, BindingId) {
        // `let t = (if c { a } else { b });` would draw `unused_parens` on the user's parentheses.
        let mut e = e;
        while let SynExpr::Paren(p) = e {
            e = &p.expr;
        }
        let init = self.expr_in(e, Use::Value, true);
        let borrows = self.borrows_of(&init);
        let plain = self.plain_value(&init);
        let by_ref = super::reference_values::yields_references(e)
            || (plain && self.tuple_with_a_reference(&init));
        let join = init
            .split
            .then(|| self.new_state(StateKind::Join { value: true }));
        let mut value = self.temp_let(init, join, by_ref, borrows.clone(), plain, false);
        if let Stmt::Let(l) = &mut value.0 {
            l.tie = super::join_ties::safe(e);
        }
        if !mutable {
            return (vec![value.0], value.1);
        }
        let moved = self.temp_place(&value.1, Use::Value);
        let held = self.temp_let(moved, None, by_ref, borrows, plain, true);
        (vec![value.0, held.0], held.1)
    }

    /// `let [mut] __gen_t<n> = init;` of a new hidden binding.
    fn temp_let(
        &mut self,
        init: Expr,
        join: Option<crate::lower::flat::ir::StateId>,
        by_ref: bool,
        borrows: Borrows,
        plain: bool,
        mutable: bool,
    ) -> (Stmt, BindingId) {
        let n = self.ir.bindings.len();
        let ident = format_ident!("__gen_t{}", n, span = Span::mixed_site());
        let id = self.declare(&ident, mutable, BindingKind::Temp, by_ref, borrows);
        self.ir.bindings[id].plain = plain;
        let (attrs, pat) = if mutable {
            (
                vec![syn::parse_quote!(#[allow(unused_mut)])],
                syn::parse_quote!(mut #ident),
            )
        } else {
            (Vec::new(), syn::parse_quote!(#ident))
        };
        let stmt = Stmt::Let(Box::new(crate::lower::flat::ir::Let {
            span: Span::call_site(),
            attrs,
            pat,
            bindings: vec![id],
            init: Some(init),
            diverge: None,
            tie: false,
            join,
            moves: Vec::new(),
            parts: Vec::new(),
            shape: Vec::new(),
        }));
        (stmt, id)
    }

    /// An operand that is a hidden local.
    pub(crate) fn temp_place(
        &mut self,
        binding: &crate::lower::flat::ir::BindingId,
        how: Use,
    ) -> Expr {
        let ident = self.ir.bindings[*binding].ident.clone();
        let place = Place::whole(*binding);
        self.record_use(&place, how);
        let id = self.use_id();
        leaf(
            ExprKind::Place {
                place,
                how,
                syn: syn::parse_quote!(#ident),
                id,
            },
            ident.span(),
        )
    }

    /// `(entry, depth > 0)` with `entry` a reference binding: with plain data beside it (the
    /// caller checks), a pattern only copies out of it (default binding modes bind references).
    fn tuple_with_a_reference(&self, e: &Expr) -> bool {
        let ExprKind::Op {
            syn: SynExpr::Tuple(_),
            operands,
            ..
        } = &e.kind
        else {
            return false;
        };
        operands.iter().any(|o| {
            matches!(&o.kind, ExprKind::Place { place, .. }
                if place.path.is_empty() && self.ir.bindings[place.binding].by_ref)
        })
    }
}
