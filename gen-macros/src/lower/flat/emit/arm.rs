//! An arm of the dispatcher: the scopes its state lands in, re-opened as nested blocks, with
//! what the state keeps bound where the plain function declares it.
//!
//! Desugar the entry of state `S` into
//! ```text
//! S(f0, f1, ..) => { <params' level>  { <block level: let mut x = f1; ..>  { .. <code> } } }
//! ```
//! A binding kept whole is bound under its own name; one kept in an `Option` (moved on some
//! paths) or in parts (partly moved) goes into hidden slots, and its name is declared without
//! a value where the arm assigns it again. A binding that a later one may shadow gets a
//! `macro_rules!` right after it that names it from the glue (macro hygiene resolves a local
//! where the macro is defined).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::Emitter;
use crate::lower::flat::ir::{BindingId, BindingKind, ScopeId, StateId};
use crate::lower::flat::names;
use crate::lower::flat::plan::{self, Keep};

/// What an arm binds at one scope level, in declaration order.
enum Entry<'a> {
    Binding(BindingId),
    Macro(&'a syn::Item),
}

impl Emitter<'_> {
    /// Emits the arm of state `s`, whose code after the bindings is `body`.
    pub(crate) fn arm(&mut self, s: StateId, body: impl FnOnce(&mut Self) -> TokenStream) {
        let outer = std::mem::take(&mut self.arm);
        self.arm.state = s;
        self.arm.resident = self.resident[s];
        let chain = plan::chain(self.ir, self.ir.states[s].scope);
        self.arm.resumed_in = chain.clone();
        let mut levels = Vec::new();
        for &scope in &chain {
            let binds = self.level(s, scope);
            levels.push((scope, binds));
        }
        let value = self.value_params.contains_key(&s).then(|| {
            let (val, f0) = (names::val(), names::field(0));
            quote!(let #val = #f0;)
        });
        let mut code = body(self);
        for (i, (scope, binds)) in levels.into_iter().enumerate().rev() {
            code = if i == 0 {
                quote!(#binds #code)
            } else if self.ir.scopes[scope].unsafety {
                quote!(unsafe { #binds #code })
            } else {
                quote!({ #binds #code })
            };
        }
        let pattern = self.arm_pattern(s);
        // Desugar the arm's braces into the braces of the user's body, and a labeled block at
        // its parameters around them: an arm's code is the body's, and rustc, explaining a use
        // after move, labels the state machine's loop "inside of this loop" unless a block
        // around the move contains the moved local's declaration (then the fold copy's error
        // and this one are the same, reported once). (Labeled, rustc's `unused_braces` does
        // not take the inner block for braces around a one-line body's value.)
        let mut braces =
            proc_macro2::Group::new(proc_macro2::Delimiter::Brace, quote!(#value #code));
        braces.set_span(self.ir.body_span);
        if let Some(params) = self.ir.params_span {
            let label = names::params_label(params);
            braces.set_span(params);
            let mut outer =
                proc_macro2::Group::new(proc_macro2::Delimiter::Brace, quote!(#label: #braces));
            outer.set_span(self.ir.body_span);
            braces = outer;
        }
        self.arms.push((s, pattern, quote!(#braces)));
        self.arm = outer;
    }

    /// `GeneratorState::S<s>(__gen_f0, ..)`, or for a resident head `__gen_Done if st is S<s>`.
    fn arm_pattern(&self, s: StateId) -> TokenStream {
        let (ty, variant) = (names::state_enum(), names::variant(s));
        if self.resident[s].is_some() {
            let (st, done) = (names::st_place(), names::done());
            return quote!(#ty::#done if ::core::matches!(#st, #ty::#variant(..)));
        }
        let kept = if self.frame.is_some() {
            0
        } else {
            self.plan.kept[s].len()
        };
        let count = kept + usize::from(self.value_params.contains_key(&s));
        let fields = (0..count).map(names::field);
        quote!(#ty::#variant(#(#fields),*))
    }

    /// Where the arm of state `s` takes its `i`-th kept place from: the field of its variant
    /// that holds it, or the frame.
    pub(crate) fn field_of(&self, s: StateId, i: usize) -> TokenStream {
        if self.frame.is_some() {
            let k = self.plan.kept[s][i];
            return self.frame_take(k.place, k.keep);
        }
        let offset = usize::from(self.value_params.contains_key(&s));
        let field = names::field(offset + self.plan.kept[s].len() - 1 - i);
        quote!(#field)
    }

    /// What the arm of `s` binds at the level of `scope`.
    fn level(&mut self, s: StateId, scope: ScopeId) -> TokenStream {
        let seq = self.ir.states[s].seq;
        let info = &self.ir.scopes[scope];
        let mut entries: Vec<(usize, Entry<'_>)> = info
            .bindings
            .iter()
            .filter(|&&b| self.ir.bindings[b].seq < seq && !self.in_frame(b))
            .map(|&b| (self.ir.bindings[b].seq, Entry::Binding(b)))
            .collect();
        let mut uses = TokenStream::new();
        for r in &info.reusable {
            match &r.item {
                item if crate::lower::flat::items::hoisted_use(self.ir, scope, item) => {}
                syn::Item::Use(u) => uses.extend(quote!(#[allow(unused_imports)] #u)),
                item if r.seq < seq => entries.push((r.seq, Entry::Macro(item))),
                _ => {}
            }
        }
        // Bound in order, so dropped in reverse, when the arm's code ends: but the captures
        // of `iter! { .. }` (the outermost scope) drop in the order the body first names
        // them, as a `move` closure drops what it captured.
        if self.ir.inline && info.parent.is_none() {
            entries.sort_by_key(|(seq, _)| std::cmp::Reverse(*seq));
        } else {
            entries.sort_by_key(|(seq, _)| *seq);
        }
        let mut out = self.items.prelude(scope);
        out.extend(uses);
        for (_, entry) in entries {
            match entry {
                Entry::Binding(b) => {
                    let tokens = self.rebind(s, b);
                    out.extend(tokens);
                    out.extend(self.kept_checks(s, b));
                }
                Entry::Macro(item) => {
                    out.extend(crate::lower::flat::items::copy_of_import(item));
                }
            }
        }
        out
    }

    /// In a generator declared `+ Clone` or `+ Send`, for a local the state does not hold as
    /// `Cloned` or `Sent` (one some state keeps in an `Option`: `kept_wrappers.rs`), desugar the first arm's binding of a
    /// local kept whole, `let x = f1;`, into `let x = f1; cloned_across_a_yield(&x);`
    /// (`sent_across_a_yield(&x)`) spanned on the user's declaration: a local that is not
    /// `Clone` (`Send`) is an error on it, not only on the signature's bound. (A call by path:
    /// the arm may still move in front of the dispatcher, `entry.rs`.)
    fn kept_checks(&mut self, s: StateId, b: BindingId) -> TokenStream {
        let info = &self.ir.bindings[b];
        let whole = self.plan.kept[s].iter().find(|k| {
            let place = &self.plan.cfg.places.list[k.place];
            k.keep == Keep::Whole && place.binding == b && place.path.is_empty()
        });
        let stored_sent = whole.is_some_and(|k| self.sent(k.place, k.keep));
        let stored_cloned = whole.is_some_and(|k| self.cloned(k.place, k.keep));
        let whole = whole.is_some();
        let user = matches!(info.kind, BindingKind::User | BindingKind::Param);
        if self.frame.is_some() || !whole || !user {
            return TokenStream::new();
        }
        let ident = info.ident.clone();
        let mut out = TokenStream::new();
        // (A local the state holds as `Sent` or `Cloned` is checked where it is stored.)
        // (A generic generator's checks bound the type itself: `kept_wrappers.rs`.)
        let generic = self.generic;
        if !stored_sent && self.send_checked.as_mut().is_some_and(|c| c.insert(b)) {
            out.extend(kept_check(
                &ident,
                generic,
                "kept_across_a_yield_must_be_send",
                "sent_across_a_yield",
            ));
        }
        if !stored_cloned && self.clone_checked.as_mut().is_some_and(|c| c.insert(b)) {
            out.extend(kept_check(
                &ident,
                generic,
                "kept_across_a_yield_must_be_clone",
                "cloned_across_a_yield",
            ));
        }
        out
    }

    /// `: T` for a parameter of a written type `T` (see `build::mod`).
    pub(crate) fn param_type(&self, b: BindingId) -> Option<TokenStream> {
        let info = &self.ir.bindings[b];
        let ty = self.ir.declared_types.get(&b)?;
        (info.kind == BindingKind::Param).then(|| quote!(: #ty))
    }

    /// The bindings of `b` on entering `s`.
    fn rebind(&mut self, s: StateId, b: BindingId) -> TokenStream {
        if self.in_frame(b) {
            // Left in the frame: this arm does not touch it.
            return TokenStream::new();
        }
        let kept: Vec<(usize, plan::Kept)> = self.plan.kept[s]
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, k)| self.plan.cfg.places.list[k.place].binding == b)
            .collect();
        let info = &self.ir.bindings[b];
        let ident = info.ident.clone();
        // On the user's name, so that the pattern spans it alone and rustc's notes about the
        // local (its type, a move out of it) name it and point at its declaration.
        // With a fold copy, which is the body as written and reports a missing `mut` where
        // the plain function does (once), a later arm binds the local `mut` (a second E0596
        // on glue would add nothing).
        let mutability =
            (info.mutable || self.fold_copy).then(|| quote_spanned!(ident.span()=> mut));
        // A variable the closure captures itself is the user's, in every arm.
        let assigned = self.plan.assigned[s].contains(&b) && !self.plan.external.contains(&b);
        let mut out = TokenStream::new();
        match kept.as_slice() {
            // Not a capture the closure reads in place (`iter! { .. v.len() .. }`), which is
            // no state's.
            [] if !assigned && self.near_free.contains(&b) && !self.plan.external.contains(&b) => {
                out.extend(super::misspelled::placeholder(self.ir, b));
            }
            [(i, k)] if k.keep == Keep::Whole && self.plan.cfg.places.parent[k.place].is_none() => {
                if self.arm.resident == Some(b) {
                    out.extend(self.resident_binding(s, &ident));
                } else {
                    let field = self.field_of(s, *i);
                    let field = self.unwrap_kept(k.place, k.keep, field);
                    let ty = self.param_type(b);
                    out.extend(param_rebinding(mutability, &ident, ty, &field));
                }
                out.extend(self.declared(b));
            }
            parts => {
                for (i, k) in parts {
                    let field = self.field_of(s, *i);
                    let field = self.unwrap_kept(k.place, k.keep, field);
                    let hidden = match k.keep {
                        Keep::Slot => names::slot(k.place),
                        Keep::Whole => names::held(k.place),
                    };
                    out.extend(quote! {
                        #[allow(unused_variables, unused_mut)]
                        let mut #hidden = #field;
                    });
                }
                if assigned {
                    // The value assigned here is the user's: if nothing reads it, rustc says
                    // so (its `mut` is the user's business, decided where it is declared).
                    // Its written type too (`let v: Vec<u32>;`), which may be all that types
                    // the value (`v = (0..n).collect();`).
                    let ty = self.ir.declared_types.get(&b).map(|t| quote!(: #t));
                    out.extend(quote! {
                        #[allow(unused_mut)]
                        let mut #ident #ty;
                    });
                    out.extend(self.declared(b));
                }
            }
        }
        out
    }

    /// `b` is now declared under its name here: glue can name it, through a capture macro
    /// when a later binding may shadow it.
    pub(crate) fn declared(&mut self, b: BindingId) -> TokenStream {
        self.arm.visible.push(b);
        if !self.shadowable.contains(&b) {
            return TokenStream::new();
        }
        self.arm.captures.insert(b);
        let (name, ident) = (names::capture(b), &self.ir.bindings[b].ident);
        quote! {
            #[allow(unused_macros)]
            macro_rules! #name { () => { #ident } }
        }
    }

    /// Declares the bindings of a pattern or `let` in lowered code.
    pub(crate) fn declared_all(&mut self, bindings: &[BindingId]) -> TokenStream {
        bindings.iter().map(|&b| self.declared(b)).collect()
    }

    /// Leaves a scope of lowered code: what it declared is no longer visible.
    pub(crate) fn forget_after(&mut self, len: usize) {
        self.arm.visible.truncate(len);
    }
}

/// `let mut x: T = field;`, the re-binding of a kept local or parameter, allowed to be unused
/// or needlessly `mut` (the user's own declaration answers for both).
///
/// Desugar the receiver's re-binding into a one-element tuple pattern, `let (self_,) =
/// (field,);`: misused behind `&self` (`self.items.push(x)`), rustc then labels the
/// receiver's token "consider changing this binding's type to be: `&mut T`", as it labels a
/// pattern, where a `let` of a plain name drew a suggestion to write a type after `&self`
/// (`&self: &mut T`) and another to derive `Clone`, neither of which applies.
/// A parameter's binding in the fold copy, which holds the body as written: a parameter
/// without `mut` is bound with no allow, so one the body never uses is rustc's
/// `unused_variables` there, on the user's parameter, as in the plain function. The
/// receiver (which rustc never reports as unused), a parameter written as a pattern, and a
/// `mut` binding (whose `mut` rustc judges where the state machine binds it; an `iter!`
/// block binds every capture `mut`) keep the shared binding.
pub(crate) fn fold_param_rebinding(
    mutability: Option<TokenStream>,
    ident: &proc_macro2::Ident,
    ty: Option<TokenStream>,
    field: &TokenStream,
) -> TokenStream {
    if mutability.is_some()
        || crate::parse::is_self_ident(ident)
        || crate::parse::is_hidden_arg(ident)
    {
        return param_rebinding(mutability, ident, ty, field);
    }
    quote!(let #ident #ty = #field;)
}

pub(crate) fn param_rebinding(
    mutability: Option<TokenStream>,
    ident: &proc_macro2::Ident,
    ty: Option<TokenStream>,
    field: &TokenStream,
) -> TokenStream {
    if ty.is_none() && crate::parse::is_self_ident(ident) {
        return quote! {
            #[allow(unused_variables, unused_mut)]
            let (#mutability #ident,) = (#field,);
        };
    }
    quote! {
        #[allow(unused_variables, unused_mut)]
        let #mutability #ident #ty = #field;
    }
}

/// `check(&x);`, spanned on the user's declaration of `x`: in a generic generator the check
/// whose bound is on the type itself (`kept_wrappers::call_bounded`), else the one whose
/// bound is the macro's trait.
fn kept_check(
    ident: &proc_macro2::Ident,
    generic: bool,
    bounded: &str,
    check: &str,
) -> TokenStream {
    let span = ident.span();
    if generic {
        let bounded = proc_macro2::Ident::new(bounded, span);
        super::kept_wrappers::call_bounded(
            quote_spanned!(span=> ::gen_core::checks::#bounded),
            quote!(&#ident),
        )
    } else {
        let check = proc_macro2::Ident::new(check, span);
        quote_spanned!(span=> ::gen_core::checks::#check(&#ident);)
    }
}
