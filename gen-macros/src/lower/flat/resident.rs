//! Resident loop heads (`Facts::resident`): a `for` loop whose head saves only its iterator
//! keeps the iterator inside the stored state while the head's arm runs, borrowed through a
//! `gen_core::__private::Resident` guard that stands where the iterator's binding stood.
//!
//! Every way out of such an arm leaves the stored state right:
//! - a suspension or jump that resumes at the same head keeps the guard (`keep`: no store);
//! - one that resumes at a state saving the iterator takes it along (`take`);
//! - every other exit drops the guard, which stores `Done` and drops the iterator where the
//!   plain function's iterator local drops (the loop's end, `break`, `return`, `?`, unwinding).
//!
//! `Emitter::jump` and `Emitter::store` (`emit.rs`), shared by every arm, ask the helpers here.

use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

use super::emit::Emitter;
use super::facts::LocalId;
use super::names;

impl Emitter<'_> {
    /// The iterator `state` keeps resident (see `Facts::resident`).
    pub(super) fn resident(&self, state: usize) -> Option<LocalId> {
        self.prior.and_then(|p| p.resident(state))
    }

    /// `&local`, to ask `needs_drop` of: a resident iterator is a `&mut` to it.
    pub(super) fn drop_probe(&mut self, local: LocalId) -> TokenStream {
        let name = self.name_of(local);
        if self.arm.resident.is_some_and(|(_, it)| it == local) {
            quote!(&*#name)
        } else {
            quote!(&#name)
        }
    }

    /// `drop(guard);` in a resident arm when the iterator does not move on into `state`.
    pub(super) fn release(&self, state: usize) -> TokenStream {
        match self.arm.resident {
            Some((_, it)) if !self.saved(state).contains(&it) => self.release_all(),
            _ => TokenStream::new(),
        }
    }

    /// `drop(guard);` in a resident arm: the stored state finishes, dropping the iterator.
    pub(super) fn release_all(&self) -> TokenStream {
        if self.arm.resident.is_none() {
            return TokenStream::new();
        }
        let guard = names::guard();
        quote!(::core::mem::drop(#guard);)
    }

    /// The payload item for `local` when it is the resident arm's iterator: desugar the
    /// iterator by value into taking the stored state out of the guard.
    pub(super) fn take_resident(&self, local: LocalId) -> Option<TokenStream> {
        let (home, it) = self.arm.resident?;
        if it != local {
            return None;
        }
        let (guard, l, ty) = (names::guard(), names::l(), names::state_enum());
        let home = names::variant(home);
        Some(quote! {
            match #guard.take() {
                #ty::#home(#l) => #l.0,
                _ => ::core::unreachable!(),
            }
        })
    }

    /// Desugar a resident head's `let mut iter = l.0;` into a guard on the stored state and a
    /// borrow of the iterator inside it. The guard drops where the iterator would.
    pub(super) fn resident_binding(&self, state: usize, ident: &Ident) -> TokenStream {
        let (guard, st, l) = (names::guard(), names::st(), names::l());
        let (ty, done, variant) = (names::state_enum(), names::done(), names::variant(state));
        quote! {
        #[allow(unused_mut)]
        let mut #guard = ::gen_core::__private::Resident::new(&mut #st, || #ty::#done);
        let #ident = match #guard.get() {
            #ty::#variant(#l) => &mut #l.0,
            _ => ::core::unreachable!(),
        };
            }
    }
}
