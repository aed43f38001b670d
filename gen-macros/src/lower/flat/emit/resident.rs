//! Resident loop heads: a `for` loop whose head keeps only its iterator keeps the iterator
//! inside the stored state while the head's arm runs, borrowed through a
//! `gen_core::__private::Resident` guard that stands where the iterator's binding stood,
//! instead of moving it out and back on every item.
//!
//! Every way out of such an arm leaves the stored state right:
//! - a suspension or jump that resumes at the same head keeps the guard (`keep`: no store);
//! - one that resumes at a state keeping the iterator takes it along (`take`);
//! - every other exit drops the guard, which stores `Done` and drops the iterator where the
//!   plain function's iterator local drops (the loop's end, `break`, `return`, `?`, unwinding).

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::Emitter;
use crate::lower::flat::ir::{BindingId, BindingKind, Ir, StateId, StateKind};
use crate::lower::flat::names;
use crate::lower::flat::places::PlaceId;
use crate::lower::flat::plan::{Keep, Plan};

/// The iterator state `s` keeps resident: `s` heads a native `for` loop and keeps only that
/// loop's iterator, whole.
pub(crate) fn resident_iterator(ir: &Ir, plan: &Plan, s: StateId) -> Option<BindingId> {
    if ir.states[s].kind != StateKind::Head {
        return None;
    }
    let l = ir.states[s].head_of?;
    if !plan.native[l] {
        return None;
    }
    let [k] = plan.kept[s].as_slice() else {
        return None;
    };
    let place = &plan.cfg.places.list[k.place];
    let binding = &ir.bindings[place.binding];
    (k.keep == Keep::Whole && place.path.is_empty() && binding.kind == BindingKind::Iter)
        .then_some(place.binding)
        .filter(|_| is_for(ir, l))
}

fn is_for(ir: &Ir, l: usize) -> bool {
    ir.loops[l].kind == crate::lower::flat::ir::LoopKind::For
}

impl Emitter<'_> {
    /// Desugar a resident head's `let mut iter = f0;` into a guard on the stored state and a
    /// borrow of the iterator inside it. The guard drops where the iterator would.
    pub(crate) fn resident_binding(&self, s: StateId, ident: &Ident) -> TokenStream {
        let (guard, st, f0) = (names::guard(), names::st_place(), names::field(0));
        let (ty, done, variant) = (names::state_enum(), names::done(), names::variant(s));
        // Stored in a wrapper (`kept_wrappers.rs`), it is borrowed inside that.
        let borrow = match self
            .arm
            .resident
            .and_then(|b| self.plan.cfg.places.root_of(b))
        {
            Some(place) => self.borrow_kept(place, quote!(#f0)),
            None => quote!(#f0),
        };
        quote! {
            #[allow(unused_mut)]
            let mut #guard = ::gen_core::__private::Resident::new(&mut #st, || #ty::#done);
            let #ident = match #guard.get() {
                #ty::#variant(#f0) => #borrow,
                _ => ::core::unreachable!(),
            };
        }
    }

    /// The payload item for `place` when it is the resident arm's iterator: desugar the
    /// iterator by value into taking the stored state out of the guard.
    pub(crate) fn take_resident(&self, place: PlaceId) -> Option<TokenStream> {
        let it = self.arm.resident?;
        if self.plan.cfg.places.root_of(it) != Some(place) {
            return None;
        }
        let (guard, f0, ty) = (names::guard(), names::field(0), names::state_enum());
        let home = names::variant(self.arm.state);
        Some(quote! {
            match #guard.take() {
                #ty::#home(#f0) => #f0,
                _ => ::core::unreachable!(),
            }
        })
    }

    /// `drop(guard);` in a resident arm when the iterator does not move on into `state`.
    pub(crate) fn release(&self, state: StateId) -> TokenStream {
        let Some(it) = self.arm.resident else {
            return TokenStream::new();
        };
        let root = self.plan.cfg.places.root_of(it);
        if self.plan.kept[state].iter().any(|k| Some(k.place) == root) {
            return TokenStream::new();
        }
        self.release_all()
    }

    /// `drop(guard);` in a resident arm: the stored state finishes, dropping the iterator.
    pub(crate) fn release_all(&self) -> TokenStream {
        if self.arm.resident.is_none() {
            return TokenStream::new();
        }
        let guard = names::guard();
        quote!(::core::mem::drop(#guard);)
    }
}
