//! The user's `mut` in an arm that only hands a binding on: rustc judges `mut` one arm at a
//! time, and an arm that declares `mut x` only to move it into the next state would report
//! the `mut` as needless although another arm mutates `x`.
//!
//! Desugar `mut x` in such an arm's pattern into `x` (the arm never uses `x`, so it needs
//! no `mut`), instead of an `#[allow(unused_mut)]` that would also cover the user's code
//! around the pattern. A `let` whose arm uses the binding keeps its `mut` and gets the
//! allow (`Emitter::mut_elsewhere`).
//!
//! A binding of a pattern (`for mut job in jobs`, `while let Some(mut job) = ..`, a `match`
//! arm's) that this arm uses while another arm mutates it: desugar `mut job` into `job` and
//! `#[allow(unused_mut)] let mut job = job;` at the start of the body, whose allow covers no
//! user code (a `let` statement keeps its `mut` and gets the allow itself). Only with the
//! `fold` copy of the body, where the user's `mut` is written as is and rustc still reports
//! it when the body never needs it; without one (`no_fold`), the pattern keeps its `mut`,
//! which rustc judges in this arm alone.
//!
//! In the same way, a binding this arm declares but never uses, dead before the next state
//! (`let mut depth = 0; yield_!(..); depth = n;`), would be an unused variable to rustc
//! although another arm uses it: desugar its declaration into one followed by `let _ =
//! &depth;` (a use without effect, at the macro's call site).

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::Pat;
use syn::visit_mut::{self, VisitMut};

use super::Emitter;
use crate::lower::flat::ir::BindingId;

impl Emitter<'_> {
    /// `pat` as this arm binds it (see the module docs).
    pub(crate) fn arm_pat(&self, pat: &Pat, bindings: &[BindingId]) -> TokenStream {
        self.without_mut(pat, self.handed_on(bindings))
    }

    /// `pat` of a `for` loop, a condition's `let` or a `match` arm as this arm binds it: also
    /// without the `mut` of a binding this arm uses while another mutates it (`remut`).
    pub(crate) fn pattern_pat(&self, pat: &Pat, bindings: &[BindingId]) -> TokenStream {
        self.without_mut(
            pat,
            self.handed_on(bindings)
                .chain(self.mutated_elsewhere(bindings)),
        )
    }

    /// `pat` without the `mut` of `stripped`.
    fn without_mut(&self, pat: &Pat, stripped: impl Iterator<Item = BindingId>) -> TokenStream {
        let strip: Vec<String> = stripped
            .map(|b| self.ir.bindings[b].ident.to_string())
            .collect();
        if strip.is_empty() {
            return pat.to_token_stream();
        }
        let mut pat = pat.clone();
        StripMut(&strip).visit_pat_mut(&mut pat);
        pat.to_token_stream()
    }

    /// `#[allow(unused_mut)] let mut x = x;` for each binding `pattern_pat` bound without
    /// its `mut`, at the start of the body the pattern scopes.
    /// Without the `fold` copy, the pattern keeps its `mut`, and `let _ = &mut x;` uses it
    /// in an arm that uses `x` while another arm changes it: no allow, so a `mut` no arm
    /// needs is still reported.
    pub(crate) fn remut(&self, bindings: &[BindingId]) -> TokenStream {
        if !self.fold_copy {
            // Only a change the macro is sure of (an assignment, `&mut x`, `x.push(..)`): a
            // method of the user's on `x` may take `&self`.
            return self
                .mut_needed_elsewhere_of(bindings, true)
                .filter(|b| self.ir.mutated.contains_key(b))
                .map(|b| {
                    let mut ident = self.ir.bindings[b].ident.clone();
                    ident.set_span(ident.span().located_at(proc_macro2::Span::call_site()));
                    quote::quote!(let _ = &mut #ident;)
                })
                .collect();
        }
        self.mutated_elsewhere(bindings)
            .map(|b| {
                let ident = &self.ir.bindings[b].ident;
                quote::quote!(#[allow(unused_mut)] let mut #ident = #ident;)
            })
            .collect()
    }

    /// The `mut` bindings of `bindings` that this arm uses while another arm may mutate them
    /// (none without the `fold` copy, see the module docs).
    fn mutated_elsewhere<'b>(
        &'b self,
        bindings: &'b [BindingId],
    ) -> impl Iterator<Item = BindingId> + 'b {
        let bindings = if self.fold_copy { bindings } else { &[] };
        self.mut_needed_elsewhere_of(bindings, true)
    }

    /// The `mut` bindings of `bindings` that this arm only hands on while another arm may
    /// mutate them.
    pub(crate) fn handed_on<'b>(
        &'b self,
        bindings: &'b [BindingId],
    ) -> impl Iterator<Item = BindingId> + 'b {
        self.mut_needed_elsewhere_of(bindings, false)
    }

    /// The bindings of `bindings` whose `mut` another arm needs, that this arm uses (`used`)
    /// or does not.
    fn mut_needed_elsewhere_of<'b>(
        &'b self,
        bindings: &'b [BindingId],
        used: bool,
    ) -> impl Iterator<Item = BindingId> + 'b {
        let here = &self.plan.used[self.arm.state];
        bindings
            .iter()
            .copied()
            .filter(move |b| here.contains(b) == used && self.mut_needed_elsewhere(*b))
    }
}

impl Emitter<'_> {
    /// `let _ = &x;` for each binding of `bindings` this arm never uses while another arm
    /// does (see the module docs; a binding the arm moves into a state is used by that, but
    /// the state the arm saves may be one that no longer keeps it).
    pub(crate) fn used_elsewhere_only(&self, bindings: &[BindingId]) -> TokenStream {
        let here = self.arm.state;
        bindings
            .iter()
            .filter(|b| {
                let used = |s: usize| self.plan.used[s].contains(b);
                !used(here) && (0..self.plan.used.len()).any(|s| s != here && used(s))
            })
            .map(|&b| {
                let mut ident = self.ir.bindings[b].ident.clone();
                ident.set_span(ident.span().located_at(proc_macro2::Span::call_site()));
                quote::quote!(let _ = &#ident;)
            })
            .collect()
    }
}

/// Removes the `mut` of the named identifier patterns.
struct StripMut<'a>(&'a [String]);

impl VisitMut for StripMut<'_> {
    fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
        if p.by_ref.is_none() && self.0.iter().any(|name| p.ident == name) {
            p.mutability = None;
        }
        visit_mut::visit_pat_ident_mut(self, p);
    }
}
