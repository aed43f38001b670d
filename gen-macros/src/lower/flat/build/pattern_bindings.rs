//! The bindings a pattern declares: each with whether it is a reference and what it borrows
//! (a `ref` binding borrows the place matched, a part of a borrowing value probably borrows
//! what the value does, a binding under a `&` pattern is copied out).

use super::Builder;
use crate::lower::flat::ir::{BindingId, BindingKind, Borrows, Place, Spans};
use crate::parse;

impl Builder<'_> {
    /// Marks `bindings` as plain data when `plain`.
    pub(crate) fn mark_plain(&mut self, bindings: &[BindingId], plain: bool) {
        if plain {
            for &b in bindings {
                self.ir.bindings[b].plain = true;
            }
        }
    }

    /// Declares a pattern's bindings in the current scope. `through_ref`: it matches through a
    /// reference, so every binding is one; `borrowed`: what the matched value borrows.
    pub(super) fn bind_pattern(
        &mut self,
        pat: &syn::Pat,
        through_ref: bool,
        borrowed: &Borrows,
    ) -> Vec<BindingId> {
        self.bind_pattern_in(pat, through_ref, borrowed, None, false)
    }

    /// [`Builder::bind_pattern`] of a pattern matched against the place `matched`: a `ref` or
    /// `ref mut` binding borrows it. `references_out`: the value matched is references into
    /// what it borrows (`Builder::references_out`), so each binding out of it is one.
    pub(super) fn bind_pattern_in(
        &mut self,
        pat: &syn::Pat,
        through_ref: bool,
        borrowed: &Borrows,
        matched: Option<&Place>,
        references_out: bool,
    ) -> Vec<BindingId> {
        let mut found = Vec::new();
        parse::pat_bindings(pat, &mut found);
        let mut copied_out = Vec::new();
        bindings_under_reference_patterns(pat, false, &mut copied_out);
        let whole = matches!(pat, syn::Pat::Ident(_) | syn::Pat::Type(_));
        let owner = matched
            .map(|p| p.binding)
            .filter(|&b| !through_ref && !self.ir.bindings[b].by_ref);
        let bindings: Vec<BindingId> = found
            .into_iter()
            .map(|binding| {
                let by_ref = binding.by_ref || through_ref;
                // A `ref` binding under a `&` pattern borrows through the reference.
                let into_owner =
                    owner.filter(|_| binding.by_ref && !copied_out.contains(&binding.ident));
                let borrows = match (into_owner, borrowed) {
                    // `ref x` into a local borrows the local itself.
                    (Some(owner), _) => {
                        let at = binding.ident.span();
                        Borrows::Definitely(owner, Spans(at, at))
                    }
                    // One binding of the whole value carries what it borrows; a part of a
                    // destructured value probably does, and certainly when the value is
                    // references (`Some(v)` of `map.get_mut(&k)`), unless a `&` pattern
                    // copies it out (`Some(&x)`).
                    (None, Borrows::Definitely(owner, _))
                        if !whole && (!references_out || copied_out.contains(&binding.ident)) =>
                    {
                        Borrows::Likely(*owner)
                    }
                    // A copy out of a reference through a `&mut` argument (`Some(&at)` of
                    // `heap.peek()`): a value of its own (an element that is a reference
                    // borrows the caller's data), so the argument is free again after it.
                    (None, Borrows::MutThrough(..)) if copied_out.contains(&binding.ident) => {
                        Borrows::Nothing
                    }
                    (None, other) => other.clone(),
                };
                let id = self.declare(
                    &binding.ident,
                    binding.mutable,
                    BindingKind::User,
                    by_ref,
                    borrows,
                );
                if into_owner.is_some() {
                    self.ir.ref_bindings.insert(id);
                }
                // A part of a value that certainly borrows a local, not copied out of a
                // reference: probably a view into that local (`Some(w)` of
                // `text.split(' ').next()`).
                if !whole
                    && into_owner.is_none()
                    && matches!(borrowed, Borrows::Definitely(..))
                    && !copied_out.contains(&binding.ident)
                {
                    self.ir.parts_of_borrows.insert(id);
                }
                id
            })
            .collect();
        if matched.is_some() {
            self.note_variant_bindings(pat, &bindings);
        }
        bindings
    }
}

/// The bindings of `pat` under a `&` pattern (`Some(&x)`): copied out of the reference.
fn bindings_under_reference_patterns(pat: &syn::Pat, under: bool, out: &mut Vec<syn::Ident>) {
    use syn::Pat;
    let (under, inner): (bool, Vec<&Pat>) = match pat {
        Pat::Ident(p) => {
            if under {
                out.push(p.ident.clone());
            }
            (under, p.subpat.iter().map(|(_, sub)| &**sub).collect())
        }
        Pat::Reference(r) => (true, vec![&*r.pat]),
        Pat::Type(t) => (under, vec![&*t.pat]),
        Pat::Paren(p) => (under, vec![&*p.pat]),
        Pat::Tuple(t) => (under, t.elems.iter().collect()),
        Pat::TupleStruct(t) => (under, t.elems.iter().collect()),
        Pat::Slice(s) => (under, s.elems.iter().collect()),
        Pat::Or(o) => (under, o.cases.iter().collect()),
        Pat::Struct(s) => (under, s.fields.iter().map(|f| &*f.pat).collect()),
        _ => (under, Vec::new()),
    };
    for p in inner {
        bindings_under_reference_patterns(p, under, out);
    }
}
