//! By-value bindings in an enum variant pattern that leaves other fields in the matched value
//! (`St::Busy { n, .. } => ..`, `if let Ev::Pair(n, _) = ev`, `let St::Busy { n, .. } = st
//! else { .. }`).
//!
//! Moving such a field leaves the value partly moved, and the fields left in an enum value
//! cannot be kept in a state by name: they would drop when the generator next suspends,
//! before the plain function drops them. So while the matched local is still in scope at a
//! later state, the pattern is taken for a copy of the bound fields (the plan decides,
//! `Plan::copied_fields`: when the bindings are used as only copies can be, or in a
//! generator that cannot be lowered `boxed` instead) and the value stays whole. The
//! compiler confirms the copy:
//! - in a `match`, desugar the check into a first arm that never runs:
//!   `PAT' if { copied_binding(h0); false } => loop { unreachable!(); }`, where `PAT'` is
//!   the arm's pattern with its by-value bindings renamed and bound by reference (`ref h0`):
//!   in a guard the bindings are borrowed, and the bound `Copy` is the compiler's
//!   confirmation, whose error names the fix. The `loop` gives the body any arm's type with
//!   no diverging sub-expression for a lint to see, so the arm needs no `#[allow]`;
//! - in an `if let` / `while let` condition or a `let` (with or without `else`), desugar the
//!   check into a statement before it: `match place { <check arm> _ => {} }`.
//!
//! Otherwise the pattern moves the whole value, as before.

use std::collections::HashMap;

use quote::format_ident;
use syn::visit_mut::{self, VisitMut};

use super::cond_parts::{SynCond, cond_parts};
use super::nodes::{expr_stmt, followed_by};
use super::{Builder, site};
use crate::lower::flat::ir::{BindingId, Expr, ExprKind, Place, Stmt, Use, VariantMove};

impl Builder<'_> {
    /// What `arm` moves out of `place`, the matched local, and the arm that checks the
    /// copies to put before it, when the plan took its variant bindings for copies.
    pub(super) fn arm_moves(
        &mut self,
        arm: &syn::Arm,
        place: &Place,
        scrutinee: &Expr,
    ) -> (Vec<Place>, Option<syn::Arm>) {
        let moves = self.pattern_moves(&arm.pat, place, scrutinee);
        self.note_closure_moves(&moves);
        let check = self.copies_variant_fields(&arm.pat, place);
        (moves, check.then(|| check_arm(&arm.pat)))
    }

    /// What `pat` moves out of `place`, the local its scrutinee `scrutinee` reads: nothing
    /// when the plan took its variant bindings for copies; otherwise the bound fields, and
    /// the pattern is a candidate for the plan.
    pub(super) fn pattern_moves(
        &mut self,
        pat: &syn::Pat,
        place: &Place,
        scrutinee: &Expr,
    ) -> Vec<Place> {
        if !self.binds_variant_fields(pat, place) {
            return super::pattern::moves(pat, place, &self.ir);
        }
        if self.copies_variant_fields(pat, place) {
            return Vec::new();
        }
        if let ExprKind::Place { id, .. } = &scrutinee.kind {
            self.ir.variant_moves.push(VariantMove {
                scrutinee: *id,
                site: site(pat),
                bindings: Vec::new(),
            });
        }
        super::pattern::moves(pat, place, &self.ir)
    }

    /// `bindings`, just declared by `pat`: when `pat` is one of `Ir::variant_moves`, its
    /// by-value bindings, whose uses tell the plan whether they are copies.
    pub(super) fn note_variant_bindings(&mut self, pat: &syn::Pat, bindings: &[BindingId]) {
        let by_value: Vec<BindingId> = bindings
            .iter()
            .copied()
            .filter(|&b| !self.ir.bindings[b].by_ref)
            .collect();
        let at = site(pat);
        if let Some(m) = self
            .ir
            .variant_moves
            .iter_mut()
            .rev()
            .find(|m| m.site == at && m.bindings.is_empty())
        {
            m.bindings = by_value;
        }
    }

    /// `build(self)`, the `if` or `while` of `cond`, after the statements checking the copies
    /// of its variant bindings that the plan took for copies, in a block of their own:
    /// `{ <check of P>; if let P = v { .. } }`.
    pub(super) fn with_variant_checks(
        &mut self,
        cond: &syn::Expr,
        span: proc_macro2::Span,
        build: impl FnOnce(&mut Self) -> Expr,
    ) -> Expr {
        let outer = self.first_let_checked(cond).then(|| self.push_scope());
        let checks = self.variant_checks(cond);
        let built = build(self);
        match outer {
            Some(outer) => self.finish_block(outer, followed_by(checks, built), span),
            None => built,
        }
    }

    /// Whether the first `let` part of `cond` gets a check (`variant_checks`).
    fn first_let_checked(&self, cond: &syn::Expr) -> bool {
        cond_parts(cond).iter().find_map(|part| match part {
            SynCond::Let(l) => Some(self.checks_variant_fields(&l.pat, &l.expr)),
            SynCond::Expr(_) => None,
        }) == Some(true)
    }

    /// The statements checking the copies of the variant bindings of `cond`'s `let` parts
    /// that the plan took for copies (`build/variant_moves.rs`), to put before it. Only the
    /// parts before a second `let`: a later part may match a binding of an earlier one.
    fn variant_checks(&mut self, cond: &syn::Expr) -> Vec<Stmt> {
        let mut checks = Vec::new();
        for part in cond_parts(cond) {
            if let SynCond::Let(l) = part {
                checks.extend(self.variant_check(&l.pat, &l.expr));
                break;
            }
        }
        checks
    }

    /// The statement that checks the copies of `pat` matching `scrutinee` in a condition or
    /// a `let`, to put before it, when the plan took its variant bindings for copies:
    /// `match scrutinee { <check arm> _ => {} }`.
    pub(super) fn variant_check(&mut self, pat: &syn::Pat, scrutinee: &syn::Expr) -> Option<Stmt> {
        if !self.checks_variant_fields(pat, scrutinee) {
            return None;
        }
        let place = self.place_of(scrutinee)?;
        let check = check_arm(pat);
        let m: syn::ExprMatch = syn::parse_quote! {
            match #scrutinee {
                #check
                _ => {}
            }
        };
        let read = self.expr_in(scrutinee, Use::Read, false);
        let matched = self.match_arms(&m, read, Some(place), false, false);
        Some(expr_stmt(matched))
    }

    /// Whether `variant_check` of `pat` matching `scrutinee` makes a statement.
    pub(super) fn checks_variant_fields(&self, pat: &syn::Pat, scrutinee: &syn::Expr) -> bool {
        self.place_of(scrutinee)
            .is_some_and(|p| self.copies_variant_fields(pat, &p))
    }

    fn binds_variant_fields(&self, pat: &syn::Pat, place: &Place) -> bool {
        !self.ir.bindings[place.binding].by_ref
            && !self.in_closure()
            && super::pattern::leaves_variant_fields(pat)
    }

    fn copies_variant_fields(&self, pat: &syn::Pat, place: &Place) -> bool {
        self.binds_variant_fields(pat, place) && self.copied_fields.contains(&site(pat))
    }
}

/// `PAT' if { copied_binding(h0); ..; false } => loop { unreachable!(); }` (module docs).
fn check_arm(pat: &syn::Pat) -> syn::Arm {
    let mut pat = pat.clone();
    let mut rename = Rename::default();
    rename.visit_pat_mut(&mut pat);
    let checks = rename.hidden.values().map(|h| {
        // At the user's binding, but resolved in the macro's own context: rustc then does not
        // offer its suggestions for the user's code (borrowing the binding), which do not
        // apply here.
        let at = h.span().resolved_at(proc_macro2::Span::mixed_site());
        quote::quote_spanned!(at=> let _ = ::gen_core::checks::copied_binding(&*#h);)
    });
    syn::parse_quote! {
        #pat if { #(#checks)* false } => loop { ::core::unreachable!(); },
    }
}

/// Renames the by-value bindings of a pattern to hidden names at the user's spans.
#[derive(Default)]
struct Rename {
    hidden: HashMap<String, syn::Ident>,
}

impl VisitMut for Rename {
    fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
        let name = p.ident.to_string();
        let constant = p.subpat.is_none()
            && p.mutability.is_none()
            && name.starts_with(|c: char| c.is_ascii_uppercase());
        if p.by_ref.is_none() && !constant {
            let next = self.hidden.len();
            let hidden = self
                .hidden
                .entry(name)
                .or_insert_with(|| format_ident!("__gen_c{}", next, span = p.ident.span()))
                .clone();
            // In the pattern at the macro's call site: only the check points at the user's
            // binding (an IDE sees one binding there, and rustc suggests nothing for it).
            let mut at_call_site = hidden;
            at_call_site.set_span(
                at_call_site
                    .span()
                    .located_at(proc_macro2::Span::call_site()),
            );
            p.ident = at_call_site;
            p.mutability = None;
            // `ref`: the check sees the field behind a reference, so no expression of the
            // field's own type exists for rustc to suggest borrowing.
            p.by_ref = Some(Default::default());
        }
        visit_mut::visit_pat_ident_mut(self, p);
    }

    // `St::Busy { n, .. }`: the shorthand becomes `St::Busy { n: __gen_c0, .. }` (a `ref`
    // shorthand, which keeps its name, stays one).
    fn visit_field_pat_mut(&mut self, f: &mut syn::FieldPat) {
        if matches!(&*f.pat, syn::Pat::Ident(p) if p.by_ref.is_none()) {
            f.colon_token.get_or_insert_with(Default::default);
        }
        visit_mut::visit_field_pat_mut(self, f);
    }

    fn visit_expr_mut(&mut self, _: &mut syn::Expr) {}
    fn visit_type_mut(&mut self, _: &mut syn::Type) {}
}
