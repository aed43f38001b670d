//! How the state holds a local of a generator declared `+ Send` or `+ Clone`.
//!
//! rustc checks the signature's `+ Send` (`+ Clone`) on the generator's type, and when a kept
//! local is not `Send` (`Clone`) it says so on the signature, naming the generator's state.
//! Instead, the state holds each local it keeps whole in a wrapper of `gen_core::checks` that
//! is `Send` (`Clone`) whatever it holds, made only where the macro confirms the local is,
//! with an error on the local's declaration when it is not:
//! - `Sent<T>`, made by `Sent::new`, whose bound is `SentAcrossAYield`;
//! - `Cloned<T, F>`, which clones its local with `F`, a closure the generator function
//!   defines once per local (`|l: &_| clone_local(l)`, one type in every state), on the
//!   local's declaration: its body's bound, `ClonedAcrossAYield`, is the error.
//!
//! A place some state keeps in an `Option` (moved on some paths) stays unwrapped (one type
//! per place in every state) and is checked by `arm.rs`'s `kept_checks`; so do the locals of
//! a frame. In a generic generator every check bounds the local's type itself (`T: Clone`,
//! `T: Send`): rustc's error then names the type parameter to bound, where a bound on our
//! trait would draw a suggestion to add that trait to the where-clause.

use proc_macro2::{Ident, TokenStream};
use quote::quote_spanned;

use super::Emitter;
use crate::lower::flat::ir::BindingKind;
use crate::lower::flat::names;
use crate::lower::flat::places::PlaceId;
use crate::lower::flat::plan::Keep;

impl Emitter<'_> {
    /// Whether the state may hold `place` in a wrapper: kept whole, a user's local, an
    /// argument or a `for` loop's iterator (checked at the iterable), or, for `Cloned`, a
    /// temporary (checked where it is made), never in an `Option`.
    fn wrappable(&self, place: PlaceId, keep: Keep, temporaries: bool) -> bool {
        let p = &self.plan.cfg.places.list[place];
        let info = &self.ir.bindings[p.binding];
        self.frame.is_none()
            && keep == Keep::Whole
            && p.path.is_empty()
            && (matches!(
                info.kind,
                BindingKind::User | BindingKind::Param | BindingKind::Iter
            ) || (temporaries && info.kind == BindingKind::Temp))
            && !self
                .plan
                .kept
                .iter()
                .flatten()
                .any(|k| k.place == place && k.keep == Keep::Slot)
    }

    /// The state holds `place` as `Sent` (a generator declared `+ Send`).
    pub(crate) fn sent(&self, place: PlaceId, keep: Keep) -> bool {
        self.send_checked.is_some() && self.wrappable(place, keep, false)
    }

    /// The state holds `place` as `Cloned` (a generator declared `+ Clone`).
    pub(crate) fn cloned(&self, place: PlaceId, keep: Keep) -> bool {
        self.clone_checked.is_some() && self.wrappable(place, keep, true)
    }

    /// The user's declaration of `place`'s binding, where its checks report.
    fn declaration(&self, place: PlaceId) -> proc_macro2::Span {
        let binding = self.plan.cfg.places.list[place].binding;
        self.ir.bindings[binding].ident.span()
    }

    /// Desugar storing `value`, the value of kept `place`, into `Sent::new(Cloned::new(value,
    /// cloner))`, each where the generator declares it.
    pub(crate) fn wrap_kept(&self, place: PlaceId, keep: Keep, value: TokenStream) -> TokenStream {
        let mut value = value;
        // On the user's declaration (the value itself keeps the yield's span, where a move
        // error points): one error however many yields store the local.
        let span = self.declaration(place);
        if self.cloned(place, keep) {
            let cloner = names::cloner(place);
            value = quote_spanned!(span=> ::gen_core::checks::Cloned::new(#value, #cloner));
        }
        if self.sent(place, keep) {
            let local = Ident::new("__gen_sent", span);
            // A temporary of a yield's operand (`yield_temps.rs`) gets the check whose fix
            // applies to it.
            let binding = self.plan.cfg.places.list[place].binding;
            value = if self.generic {
                let new = quote_spanned!(span=> ::gen_core::checks::Sent::new_bounded);
                call_bounded(new, value)
            } else {
                let new =
                    if crate::lower::flat::is_yield_temporary(&self.ir.bindings[binding].ident) {
                        quote_spanned!(span=> new_temporary)
                    } else if self.cloned(place, keep) {
                        // The check names the local's type, not `Cloned<..>`.
                        quote_spanned!(span=> new_cloned)
                    } else {
                        quote_spanned!(span=> new)
                    };
                quote_spanned!(span=> {
                    let #local = #value;
                    ::gen_core::checks::Sent::#new(#local)
                })
            };
        }
        value
    }

    /// Desugar reading kept `place` back from `field` into unwrapping it.
    pub(crate) fn unwrap_kept(
        &self,
        place: PlaceId,
        keep: Keep,
        field: TokenStream,
    ) -> TokenStream {
        self.through_wrappers(place, keep, field, "into_inner")
    }

    /// Desugar borrowing kept `place` in the stored state (a resident loop's iterator) into a
    /// borrow inside its wrappers.
    pub(crate) fn borrow_kept(&self, place: PlaceId, field: TokenStream) -> TokenStream {
        self.through_wrappers(place, Keep::Whole, field, "get_mut")
    }

    fn through_wrappers(
        &self,
        place: PlaceId,
        keep: Keep,
        field: TokenStream,
        method: &str,
    ) -> TokenStream {
        let method = Ident::new(method, proc_macro2::Span::call_site());
        let mut out = field;
        if self.sent(place, keep) {
            out = quote_spanned!(proc_macro2::Span::call_site()=>
                ::gen_core::checks::Sent::#method(#out));
        }
        if self.cloned(place, keep) {
            out = quote_spanned!(proc_macro2::Span::call_site()=>
                ::gen_core::checks::Cloned::#method(#out));
        }
        out
    }

    /// `let __gen_cloner<p> = |l: &_| clone_local(l);` (in a generic generator `=
    /// clone_kept_local;`) for each place the state holds as `Cloned`, on its declaration,
    /// before the state is made.
    pub(crate) fn cloners(&self) -> TokenStream {
        let mut places: Vec<PlaceId> = self
            .plan
            .kept
            .iter()
            .flatten()
            .filter(|k| self.cloned(k.place, k.keep))
            .map(|k| k.place)
            .collect();
        places.sort_unstable();
        places.dedup();
        places
            .into_iter()
            .map(|place| {
                let (cloner, span) = (names::cloner(place), self.declaration(place));
                let local = Ident::new("__gen_local", span);
                let binding = self.plan.cfg.places.list[place].binding;
                if self.generic {
                    // The function itself, not a closure calling it: rustc then reports the
                    // unmet bound on the type parameter (`T: Clone` for a kept `Vec<T>`),
                    // where through a closure's inferred argument it suggests a borrow.
                    quote_spanned!(span=> let #cloner = ::gen_core::checks::clone_kept_local;)
                } else if self.ir.bindings[binding].kind == BindingKind::Temp {
                    quote_spanned!(span=>
                        let #cloner = |#local: &_| ::gen_core::checks::clone_temporary(#local);)
                } else {
                    quote_spanned!(span=>
                        let #cloner = |#local: &_| ::gen_core::checks::clone_local(#local);)
                }
            })
            .collect()
    }
}

/// Desugar a check `f(arg)` whose bound is on the argument's type itself (a generic
/// generator's `T: Send`) into `{ let check = f; check(arg) }`: rustc then reports the unmet
/// bound on `f`'s path, spanned on the user's declaration, and names the type parameter to
/// bound, with no suggestion to dereference or borrow the argument it would point at.
pub(crate) fn call_bounded(f: TokenStream, arg: TokenStream) -> TokenStream {
    let check = Ident::new("__gen_check", proc_macro2::Span::call_site());
    quote::quote!({
        let #check = #f;
        #check(#arg)
    })
}
