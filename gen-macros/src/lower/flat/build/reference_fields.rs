//! Values that are references by how they are made. A local unwrapped from an `Option<&T>`
//! or `Result<&T, E>` (`let cfg = cfg.unwrap_or(&DEFAULT);`, `.ok_or(..)?`): a reference
//! (`Binding::by_ref`), through which a borrow reaches what it points to.
//!
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
            // `data` of a reference, or `&cfg.items` through one (`cfg: &Cfg`).
            let value = match &field.expr {
                syn::Expr::Reference(r) if r.mutability.is_none() => &r.expr,
                other => other,
            };
            if let Some(place) = self.place_of(value)
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

    /// Notes a `let` of one binding whose value is a reference unwrapped from a value that
    /// wraps one (`Ir::reference_payloads`), or such a wrapping value itself; `payload`: what
    /// [`Builder::reference_payload`] said of the initializer before the binding shadowed a
    /// name.
    pub(super) fn note_reference_payload(
        &mut self,
        local: &syn::Local,
        bindings: &[BindingId],
        payload: Option<Payload>,
    ) {
        let ([binding], syn::Pat::Ident(_)) = (bindings, &local.pat) else {
            return;
        };
        match payload {
            Some(Payload::Wrapped) => {
                self.ir.reference_payloads.insert(*binding);
            }
            Some(Payload::Unwrapped) => {
                let info = &mut self.ir.bindings[*binding];
                info.by_ref = true;
                info.owns = false;
            }
            None => {}
        }
    }

    /// Whether `e` is a value that wraps a reference (`o`, `o.ok_or(e)` of `o: Option<&T>`)
    /// or the reference it unwraps (`o.unwrap_or(d)`, `o.ok_or(e)?`).
    pub(super) fn reference_payload(&self, e: &syn::Expr) -> Option<Payload> {
        match e {
            syn::Expr::Paren(p) => self.reference_payload(&p.expr),
            syn::Expr::Path(_) => self
                .place_of(e)
                .filter(|p| p.path.is_empty() && self.ir.reference_payloads.contains(&p.binding))
                .map(|_| Payload::Wrapped),
            syn::Expr::Try(t) => match self.reference_payload(&t.expr)? {
                Payload::Wrapped => Some(Payload::Unwrapped),
                Payload::Unwrapped => None,
            },
            syn::Expr::MethodCall(m) => {
                let wrapped = matches!(self.reference_payload(&m.receiver)?, Payload::Wrapped);
                match m.method.to_string().as_str() {
                    "ok" | "ok_or" | "ok_or_else" | "map_err" | "context" | "with_context"
                        if wrapped =>
                    {
                        Some(Payload::Wrapped)
                    }
                    "unwrap" | "expect" | "unwrap_or" | "unwrap_or_else" | "unwrap_or_default"
                        if wrapped =>
                    {
                        Some(Payload::Unwrapped)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// What a borrow of `place`, made at `at`, borrows when it goes through a field that may
    /// hold a reference: a reference field (shared), a field of a view parameter (maybe);
    /// `None` otherwise (a capture's borrow is noted, `note_capture_borrow`).
    pub(super) fn borrow_through_a_field(
        &self,
        place: &Place,
        mutable: bool,
        at: proc_macro2::Span,
    ) -> Option<Borrows> {
        if !mutable && let Some(through) = self.borrow_through_reference_field(place) {
            return Some(through);
        }
        if !place.path.is_empty() && self.ir.view_params.contains(&place.binding) {
            return Some(Borrows::Likely(place.binding));
        }
        self.note_capture_borrow(place, at);
        None
    }

    /// What a shared borrow through `place` borrows when its first field is a reference field
    /// (`Ir::reference_fields`): what the reference does.
    fn borrow_through_reference_field(&self, place: &Place) -> Option<Borrows> {
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
    fn note_capture_borrow(&self, place: &Place, at: proc_macro2::Span) {
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

/// A value that wraps a reference, or the reference unwrapped from it.
pub(super) enum Payload {
    Wrapped,
    Unwrapped,
}
