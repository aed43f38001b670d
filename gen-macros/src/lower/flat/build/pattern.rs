//! What a by-value pattern moves out of the place it matches.
//!
//! `let (a, _) = pair;` moves `pair.0` and leaves `pair.1` where it is; `let Point { x, .. } =
//! p;` moves `p.x`; `let y = x;` moves `x`; `ref` bindings and `_` move nothing. A binding inside
//! an enum variant (`Some(v)`, `Shape::Rect { w, .. }`) or a slice pattern moves the whole
//! place (the lowering does not track variant fields).

use syn::Pat;

use crate::lower::flat::ir::{Ir, Place, Proj};

/// The places `pat` moves when it matches `place`.
pub(crate) fn moves(pat: &Pat, place: &Place, ir: &Ir) -> Vec<Place> {
    let mut out = Vec::new();
    collect(pat, place, &mut out);
    if ir.bindings[place.binding].by_ref || through_guard(place, ir) {
        // Matching through a reference (or a guard, `*m.lock().unwrap()`) only copies out.
        out.clear();
    }
    out
}

/// Whether `place` is reached through a lock's or a `RefCell`'s guard (`*g`, `g.field`, a
/// field of the guarded value), out of which nothing moves: a guard dereferences to what it
/// guards and has `Drop` (`build/scrutinee_temps.rs`).
pub(crate) fn through_guard(place: &Place, ir: &Ir) -> bool {
    ir.guards.contains(&place.binding) && !place.path.is_empty()
}

fn collect(pat: &Pat, place: &Place, out: &mut Vec<Place>) {
    match pat {
        Pat::Ident(p) if p.by_ref.is_some() => {
            if let Some((_, sub)) = &p.subpat {
                collect(sub, place, out);
            }
        }
        Pat::Ident(p) => {
            let constant = p.subpat.is_none()
                && p.mutability.is_none()
                && crate::parse::names_a_constant(&p.ident);
            if !constant {
                out.push(place.clone());
            }
        }
        Pat::Tuple(t) => {
            let rest = t.elems.iter().position(|e| matches!(e, Pat::Rest(_)));
            for (i, elem) in t.elems.iter().enumerate() {
                match rest {
                    // After `..` the index counts from the end: the arity is unknown.
                    Some(r) if i > r => {
                        if binds_by_value(elem) {
                            out.push(place.clone());
                        }
                    }
                    _ => collect(elem, &field(place, i.to_string()), out),
                }
            }
        }
        // `Enum::Variant { .. }`: the lowering does not track variant fields.
        Pat::Struct(s) if names_variant(&s.path) => {
            if binds_by_value(pat) {
                out.push(place.clone());
            }
        }
        Pat::Struct(s) => {
            for f in &s.fields {
                let name = match &f.member {
                    syn::Member::Named(n) => n.to_string(),
                    syn::Member::Unnamed(i) => i.index.to_string(),
                };
                collect(&f.pat, &field(place, name), out);
            }
        }
        Pat::Paren(p) => collect(&p.pat, place, out),
        Pat::Type(t) => collect(&t.pat, place, out),
        Pat::Or(o) => {
            for case in &o.cases {
                collect(case, place, out);
            }
        }
        Pat::Reference(_) | Pat::Wild(_) | Pat::Rest(_) | Pat::Lit(_) | Pat::Range(_) => {}
        Pat::Path(_) => {}
        // A variant's fields, a slice's elements: the whole place.
        other => {
            if binds_by_value(other) {
                out.push(place.clone());
            }
        }
    }
}

/// The parts of `place` that `pat` spells out: every field of a tuple or struct pattern
/// without `..` (so the value's whole shape is known), recursively.
pub(crate) fn parts(pat: &Pat, place: &Place) -> Vec<Place> {
    let mut out = Vec::new();
    collect_parts(pat, place, &mut out);
    out
}

fn collect_parts(pat: &Pat, place: &Place, out: &mut Vec<Place>) {
    match pat {
        Pat::Tuple(t) if !t.elems.iter().any(|e| matches!(e, Pat::Rest(_))) => {
            for (i, elem) in t.elems.iter().enumerate() {
                let part = field(place, i.to_string());
                collect_parts(elem, &part, out);
                out.push(part);
            }
        }
        Pat::Struct(s) if s.rest.is_none() && !names_variant(&s.path) => {
            for f in &s.fields {
                let name = match &f.member {
                    syn::Member::Named(n) => n.to_string(),
                    syn::Member::Unnamed(i) => i.index.to_string(),
                };
                let part = field(place, name);
                collect_parts(&f.pat, &part, out);
                out.push(part);
            }
        }
        Pat::Paren(p) => collect_parts(&p.pat, place, out),
        Pat::Type(t) => collect_parts(&t.pat, place, out),
        _ => {}
    }
}

/// `Type::Variant` or `Self::Variant`: the segment before the last names a type.
fn names_variant(path: &syn::Path) -> bool {
    let n = path.segments.len();
    n >= 2
        && path.segments[n - 2]
            .ident
            .to_string()
            .starts_with(|c: char| c.is_ascii_uppercase())
}

fn field(place: &Place, name: String) -> Place {
    let mut place = place.clone();
    place.path.push(Proj::Field(name));
    place
}

/// The pattern has a `ref mut` binding: matching a place with it may mutate the place.
pub(crate) fn binds_ref_mut(pat: &Pat) -> bool {
    let mut found = Vec::new();
    crate::parse::pat_bindings(pat, &mut found);
    found.iter().any(|b| b.mut_ref)
}

/// The pattern has a `ref` (or `ref mut`) binding.
pub(crate) fn binds_ref(pat: &Pat) -> bool {
    let mut found = Vec::new();
    crate::parse::pat_bindings(pat, &mut found);
    found.iter().any(|b| b.by_ref)
}

/// The pattern has a binding that is not `ref`.
pub(crate) fn binds_by_value(pat: &Pat) -> bool {
    let mut found = Vec::new();
    crate::parse::pat_bindings(pat, &mut found);
    found.iter().any(|b| !b.by_ref)
}

/// `pat` has an enum variant (or tuple struct) pattern that binds a field by value while it
/// leaves others in the matched value (`St::Busy { n, .. }`, `Ev::Pair(n, _)`,
/// `Some((s, _))`): a move of that field out of a value the lowering cannot keep in parts,
/// or a copy (see `build/variant_moves.rs`).
pub(crate) fn leaves_variant_fields(pat: &Pat) -> bool {
    match pat {
        Pat::Struct(s) if names_variant(&s.path) => {
            binds_by_value(pat)
                && (s.rest.is_some() || s.fields.iter().any(|f| leaves_field(&f.pat)))
        }
        Pat::TupleStruct(t) => binds_by_value(pat) && t.elems.iter().any(leaves_field),
        Pat::Struct(s) => s.fields.iter().any(|f| leaves_variant_fields(&f.pat)),
        Pat::Tuple(t) => t.elems.iter().any(leaves_variant_fields),
        Pat::Paren(p) => leaves_variant_fields(&p.pat),
        Pat::Type(t) => leaves_variant_fields(&t.pat),
        Pat::Or(o) => o.cases.iter().any(leaves_variant_fields),
        Pat::Ident(p) => p
            .subpat
            .as_ref()
            .is_some_and(|(_, sub)| leaves_variant_fields(sub)),
        // `let [first, _, _] = arr;`: the lowering does not track elements either, and the
        // ones left drop with the array.
        Pat::Slice(s) => binds_by_value(pat) && s.elems.iter().any(leaves_field),
        _ => false,
    }
}

/// A sub-pattern that leaves (part of) its field in the matched value: `_`, `..`, a `ref`
/// binding, or a pattern with one of those inside.
fn leaves_field(pat: &Pat) -> bool {
    match pat {
        Pat::Wild(_) | Pat::Rest(_) => true,
        Pat::Ident(p) => {
            p.by_ref.is_some() || p.subpat.as_ref().is_some_and(|(_, sub)| leaves_field(sub))
        }
        Pat::Struct(s) => s.rest.is_some() || s.fields.iter().any(|f| leaves_field(&f.pat)),
        Pat::TupleStruct(t) => t.elems.iter().any(leaves_field),
        Pat::Tuple(t) => t.elems.iter().any(leaves_field),
        Pat::Slice(s) => s.elems.iter().any(leaves_field),
        Pat::Paren(p) => leaves_field(&p.pat),
        Pat::Type(t) => leaves_field(&t.pat),
        Pat::Or(o) => o.cases.iter().any(leaves_field),
        _ => false,
    }
}
