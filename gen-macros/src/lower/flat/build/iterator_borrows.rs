//! What the hidden iterator of a `for` loop (or of `yield_from!`) borrows, and the closures
//! by reference that an iterator or an adapter holds (`items.into_iter().filter(|&x| x >
//! limit)`, `v.into_iter().map(scale)` of a named closure).

use proc_macro2::Ident;
use syn::Expr as SynExpr;

use super::Builder;
use crate::lower::flat::ir::{BindingId, BindingKind, Borrows, Expr, ExprKind, Spans, Use};

impl Builder<'_> {
    /// Declares `ident`, the hidden iterator of a `for` loop or of `yield_from!` over
    /// `iterable`: it borrows what the iterable borrows, or, when it holds a closure that
    /// captures a local by reference (`items.into_iter().filter(|&x| x > limit)`), that local
    /// (then also returns `true`).
    pub(super) fn declare_iterator(&mut self, ident: &Ident, iterable: &Expr) -> (BindingId, bool) {
        let captured = self.captured_by_reference(iterable);
        let borrows = match captured {
            Some((owner, spans)) => Borrows::Definitely(owner, spans),
            None => match (
                self.borrows_of(iterable),
                self.shared_borrow_of_local(iterable),
            ) {
                // `for &c in &columns`: `&&T` is no `IntoIterator`, so `columns` is not a
                // reference but a collection of its own, and the loop borrows the local
                // itself even when the macro cannot see where its value came from
                // (`let columns = rows.columns;`).
                (Borrows::Likely(owner), Some(local)) if owner == local => {
                    Borrows::Definitely(owner, iterable.spans)
                }
                (borrows, _) => borrows,
            },
        };
        let id = self.declare(ident, true, BindingKind::Iter, false, borrows);
        let reader_view = self.text_or_reader_view(iterable);
        if reader_view {
            self.ir.reader_views.insert(id);
        }
        if reader_view
            || (matches!(self.ir.bindings[id].borrows, Borrows::Likely(_))
                && super::readers::view_of_a_local(iterable))
        {
            self.ir.likely_views.insert(id);
        }
        if captured.is_some() {
            self.ir.borrowing_closures.insert(id);
        }
        (id, captured.is_some())
    }

    /// What the elements `drain` takes out of `container` by value borrow (`for job in
    /// self.pending.drain(..)`, `let mut d = v.drain(..);`): what the elements of a local
    /// container borrow, nothing of the generator's through a reference (a `&mut` argument,
    /// `&mut self`); `None` for a container that is no place.
    pub(super) fn drained_items_borrow(&self, container: &SynExpr) -> Option<Borrows> {
        let place = self.place_of(container)?;
        let owner = &self.ir.bindings[place.binding];
        Some(if owner.by_ref {
            Borrows::Nothing
        } else {
            owner.borrows.clone()
        })
    }

    /// `&v` of a whole local that is not a reference: the local.
    fn shared_borrow_of_local(&self, e: &Expr) -> Option<BindingId> {
        let ExprKind::Op {
            syn: SynExpr::Reference(r),
            operands,
            ..
        } = &e.kind
        else {
            return None;
        };
        let ExprKind::Place { place, .. } = &operands.first()?.kind else {
            return None;
        };
        let b = &self.ir.bindings[place.binding];
        (r.mutability.is_none() && place.path.is_empty() && !b.by_ref && b.holds_value())
            .then_some(place.binding)
    }

    /// A local of the generator that a non-`move` closure inside `e` (an argument of its
    /// method chain) captures by reference, with the closure's spans.
    pub(super) fn captured_by_reference(&self, e: &Expr) -> Option<(BindingId, Spans)> {
        match &e.kind {
            // `.map(scale)` of a named closure that captures a local by reference.
            ExprKind::Place {
                place,
                how: Use::Value,
                ..
            } if place.path.is_empty() && self.ir.borrowing_closures.contains(&place.binding) => {
                // At the closure itself.
                match self.ir.bindings[place.binding].borrows {
                    Borrows::Definitely(owner, spans) => Some((owner, spans)),
                    _ => None,
                }
            }
            ExprKind::Closure { syn, captures, .. } => {
                let SynExpr::Closure(c) = syn else {
                    return None;
                };
                if c.capture.is_some() {
                    return None;
                }
                captures.iter().find_map(|(p, how)| {
                    let b = &self.ir.bindings[p.binding];
                    let by_reference = *how == Use::Read
                        || b.known_copy()
                        || super::call_facts::only_numbers_through(syn, &b.ident.to_string());
                    if !by_reference || b.kind == BindingKind::Temp {
                        return None;
                    }
                    // A shared reference only read through (`|i| v[i]`, `|w|
                    // self.items.contains(w)` with `&self`) is captured as a borrow of what it
                    // points to (`*v`), not of the local holding it: of a local only when the
                    // reference is one (`let v = &rows;`).
                    if b.by_ref
                        && !b.mut_ref
                        && super::call_facts::only_read_through(syn, &b.ident.to_string())
                    {
                        return match b.borrows {
                            Borrows::Definitely(owner, _) => Some((owner, e.spans)),
                            _ => None,
                        };
                    }
                    Some((p.binding, e.spans))
                })
            }
            // What a method other than a lazy adapter returns (`.collect()`, `.sum()`) no
            // longer holds the closure.
            ExprKind::Op {
                syn: SynExpr::MethodCall(m),
                ..
            } if !super::methods::ADAPTERS.contains(&m.method.to_string().as_str()) => None,
            ExprKind::Op { operands, .. } => {
                operands.iter().find_map(|o| self.captured_by_reference(o))
            }
            _ => None,
        }
    }
}
