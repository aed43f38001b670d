//! Fields that hold a reference. Of a struct literal local (`let v = View { data, scale };`
//! with `data: &'a [u32]`): a loop over `v.data.iter()` borrows what the reference points to,
//! not the local `v`, as with a parameter of that type. Of an `iter!` block's capture, whose
//! type the macro cannot see: the field borrowed is noted (`Ir::capture_borrow_paths`), and
//! the check that the capture is a shared reference asks it of the field instead.

use super::Builder;
use crate::lower::flat::ir::{BindingId, Borrows, Place, Proj};

impl Builder<'_> {
    /// Notes the fields of `let v = S { f: r, .. };` (a binding that is not `mut`) whose value
    /// is a reference binding `r` (`Ir::reference_fields`).
    pub(super) fn note_reference_fields(&mut self, local: &syn::Local, bindings: &[BindingId]) {
        let (Some(init), [binding]) = (&local.init, bindings) else {
            return;
        };
        let syn::Expr::Struct(literal) = &*init.expr else {
            return;
        };
        if self.ir.bindings[*binding].mutable {
            return;
        }
        for field in &literal.fields {
            let syn::Member::Named(name) = &field.member else {
                continue;
            };
            if let Some(place) = self.place_of(&field.expr)
                && place.path.is_empty()
                && self.ir.bindings[place.binding].by_ref
                && !self.ir.bindings[place.binding].mut_ref
            {
                self.ir
                    .reference_fields
                    .insert((*binding, name.to_string()), place.binding);
            }
        }
    }

    /// What a shared borrow through `place` borrows when its first field is a reference field
    /// (`Ir::reference_fields`): what the reference does.
    pub(super) fn borrow_through_reference_field(&self, place: &Place) -> Option<Borrows> {
        let Some(Proj::Field(name)) = place.path.first() else {
            return None;
        };
        let source = self
            .ir
            .reference_fields
            .get(&(place.binding, name.clone()))?;
        Some(self.ir.bindings[*source].borrows.clone())
    }

    /// Notes the field path through which `place`, of a capture of an `iter!` block, is
    /// borrowed where the code at `at` borrows it (`Ir::capture_borrow_paths`).
    pub(super) fn note_capture_borrow(&self, place: &Place, at: proc_macro2::Span) {
        let binding = &self.ir.bindings[place.binding];
        if !self.ir.inline || binding.kind != crate::lower::flat::ir::BindingKind::Param {
            return;
        }
        let fields = place
            .path
            .iter()
            .map_while(|proj| match proj {
                Proj::Field(name) => Some(name.clone()),
                _ => None,
            })
            .collect();
        self.ir
            .capture_borrow_paths
            .borrow_mut()
            .push((place.binding, fields, at));
    }
}
