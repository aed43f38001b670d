//! Struct update syntax: desugar `S { a: x, ..base }` of a local `base` into a move of the
//! fields of `base` the literal does not list (`base.<rest>`, `Proj::Rest`). The listed
//! fields stay in `base`, a value partly moved from then on, and drop where the plain
//! function drops them (the end of `base`'s scope), kept across yields as its parts.

use syn::Expr as SynExpr;
use syn::spanned::Spanned;

use super::{Builder, site};
use crate::lower::flat::ir::{Expr, ExprKind, Proj, Spans, StructUpdate, Use};

impl Builder<'_> {
    /// The `..base` of `st` as a move of `base`'s unlisted fields, when `base` is a place of
    /// a local (not read through a reference) outside a closure.
    pub(super) fn struct_rest(&mut self, st: &syn::ExprStruct) -> Option<Expr> {
        let rest = st.rest.as_deref()?;
        let (mut place, through) = self.place_and_ref(rest)?;
        if through || self.in_closure() {
            return None;
        }
        // The listed fields become parts of `base`, in the reverse of the literal's order:
        // the plain function drops the parts left in `base` in declaration order, which a
        // literal usually follows (see `Plan::drop_order_of_children`).
        let listed: Vec<String> = st
            .fields
            .iter()
            .map(|field| match &field.member {
                syn::Member::Named(n) => n.to_string(),
                syn::Member::Unnamed(i) => i.index.to_string(),
            })
            .collect();
        for name in listed.iter().rev() {
            let mut part = place.clone();
            part.path.push(Proj::Field(name.clone()));
            self.ir.named_parts.push(part);
        }
        // One place per update: two updates of `base` take different fields.
        place.path.push(Proj::Rest(self.ir.struct_updates.len()));
        self.ir.bundles.insert(place.binding);
        self.ir.struct_updates.push(StructUpdate {
            rest: place.clone(),
            span: rest.span(),
            listed,
            base: quote::ToTokens::to_token_stream(rest).to_string(),
            ty: quote::ToTokens::to_token_stream(&st.path).to_string(),
        });
        let id = self.use_id();
        self.record_use(&place, Use::Value);
        let mut built = super::nodes::leaf(
            ExprKind::Place {
                place,
                how: Use::Value,
                syn: rest.clone(),
                id,
            },
            rest.span(),
        );
        built.site = site(rest);
        built.spans = Spans::of_expr(rest);
        Some(built)
    }
}

/// Whether operand `index` of `e` is the `..base` of a struct literal.
pub(super) fn is_rest(e: &SynExpr, index: usize, count: usize) -> bool {
    matches!(e, SynExpr::Struct(st) if st.rest.is_some()) && index + 1 == count
}
