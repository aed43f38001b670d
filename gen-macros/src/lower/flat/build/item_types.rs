//! The written item type of a collection parameter (`reqs: Vec<(u8, String)>`), so that the
//! bindings of a `for` loop over it by value (`for (kind, body) in reqs`) are known not to be
//! `Copy` where their part of the item type is a `String`, a `Vec` or a box (`Ir::not_copy`):
//! a use of such a binding after a move is the plain function's E0382, which the `boxed`
//! lowering reports once, as written.

use syn::{GenericArgument, Pat, PathArguments, Type};

use super::Builder;
use super::let_kinds::not_copy_type;
use crate::lower::flat::ir::BindingId;

/// Collections whose iteration by value hands out their items.
const BY_VALUE: &[&str] = &[
    "Vec",
    "VecDeque",
    "LinkedList",
    "BinaryHeap",
    "HashSet",
    "BTreeSet",
];

/// The item type of a parameter of one of `BY_VALUE`'s types (`Vec<T>` -> `T`).
pub(super) fn item_type(ty: &Type) -> Option<&Type> {
    let Type::Path(p) = ty else {
        return None;
    };
    let last = p.path.segments.last()?;
    if p.qself.is_some() || !BY_VALUE.contains(&last.ident.to_string().as_str()) {
        return None;
    }
    match &last.arguments {
        PathArguments::AngleBracketed(args) => match args.args.first()? {
            GenericArgument::Type(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

impl Builder<'_> {
    /// Marks the bindings of `pat` not `Copy` where the matching part of the item type of
    /// the collection `iterable` names (by value, or through `.into_iter()`) is not.
    pub(super) fn mark_not_copy_items(
        &mut self,
        iterable: &syn::Expr,
        pat: &Pat,
        bindings: &[BindingId],
    ) {
        let mut e = iterable;
        if let syn::Expr::MethodCall(m) = e
            && m.method == "into_iter"
            && m.args.is_empty()
        {
            e = &m.receiver;
        }
        let Some(place) = self.place_of(e).filter(|p| p.path.is_empty()) else {
            return;
        };
        let Some(ty) = self.ir.param_item_types.get(&place.binding).cloned() else {
            return;
        };
        let mut found = Vec::new();
        not_copy_parts(pat, &ty, &mut found);
        for ident in found {
            if let Some(&b) = bindings
                .iter()
                .find(|&&b| self.ir.bindings[b].ident == ident)
            {
                self.ir.not_copy.insert(b);
            }
        }
    }
}

/// The names `pat` binds by value to a part of `ty` that is not `Copy`.
fn not_copy_parts(pat: &Pat, ty: &Type, out: &mut Vec<syn::Ident>) {
    match (pat, ty) {
        (Pat::Ident(p), ty) if p.by_ref.is_none() && p.subpat.is_none() && not_copy_type(ty) => {
            out.push(p.ident.clone());
        }
        (Pat::Tuple(p), Type::Tuple(t)) if p.elems.len() == t.elems.len() => {
            for (pat, ty) in p.elems.iter().zip(&t.elems) {
                not_copy_parts(pat, ty, out);
            }
        }
        (Pat::Paren(p), ty) => not_copy_parts(&p.pat, ty, out),
        (pat, Type::Paren(t)) => not_copy_parts(pat, &t.elem, out),
        _ => {}
    }
}
