//! By-value bindings in a `match` arm's enum variant pattern that leaves other fields in the
//! matched value (`St::Busy { n, .. } => ..`, `Ev::Pair(n, _) => ..`).
//!
//! Moving such a field leaves the value partly moved, and the fields left in an enum value
//! cannot be kept in a state by name: they would drop when the generator next suspends,
//! before the plain function drops them. So while the matched local is still in scope at a
//! later state (the plan decides, `Plan::copied_fields`), the arm is taken for a copy of the
//! bound fields and the value stays whole. Desugar the check into a first arm that never
//! runs: `PAT' if { copied_binding(h0); false } => loop { unreachable!(); }`, where `PAT'`
//! is the arm's pattern with its by-value bindings renamed and bound by reference (`ref h0`):
//! in a guard the bindings are borrowed, and the bound `Copy` is the compiler's confirmation,
//! whose error names the fix. The `loop` gives the body any arm's type with no diverging
//! sub-expression for a lint to see, so the arm needs no `#[allow]`. Otherwise the arm moves
//! the whole value, as before.

use std::collections::HashMap;

use quote::format_ident;
use syn::visit_mut::{self, VisitMut};

use super::{Builder, site};
use crate::lower::flat::ir::{Expr, ExprKind, Place};

impl Builder<'_> {
    /// What `arm` moves out of `place`, the matched local, and the arm that checks the
    /// copies to put before it, when the plan took its variant bindings for copies.
    pub(super) fn arm_moves(
        &mut self,
        arm: &syn::Arm,
        place: &Place,
        scrutinee: &Expr,
    ) -> (Vec<Place>, Option<syn::Arm>) {
        let by_ref = self.ir.bindings[place.binding].by_ref;
        if by_ref || self.in_closure() || !super::pattern::leaves_variant_fields(&arm.pat) {
            return (super::pattern::moves(&arm.pat, place, &self.ir), None);
        }
        let at = site(&arm.pat);
        if self.copied_fields.contains(&at) {
            return (Vec::new(), Some(check_arm(&arm.pat)));
        }
        if let ExprKind::Place { id, .. } = &scrutinee.kind {
            self.ir.variant_moves.push((*id, at));
        }
        (super::pattern::moves(&arm.pat, place, &self.ir), None)
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
        quote::quote_spanned!(at=> let _ = ::gen_core::__private::copied_binding(&*#h);)
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

    // `St::Busy { n, .. }`: the shorthand becomes `St::Busy { n: __gen_c0, .. }`.
    fn visit_field_pat_mut(&mut self, f: &mut syn::FieldPat) {
        f.colon_token.get_or_insert_with(Default::default);
        visit_mut::visit_field_pat_mut(self, f);
    }

    fn visit_expr_mut(&mut self, _: &mut syn::Expr) {}
    fn visit_type_mut(&mut self, _: &mut syn::Type) {}
}
