//! A parameter whose type is a type parameter of the function (`v: T`, `v: impl Debug`)
//! bounded only by std traits none of which has `Copy` as a supertrait: in the body, such a
//! value is certainly not `Copy`, so a use of it after a move is the plain function's E0382
//! (`Ir::not_copy`), which the `boxed` lowering reports once, as written.
//!
//! A bound on any other trait (the user's `trait Id: Copy`) may imply `Copy`: such a
//! parameter is left to the usual analysis.

use syn::{GenericParam, Generics, Type, TypeParamBound, WherePredicate};

/// Std traits that do not imply `Copy`.
const NOT_IMPLYING_COPY: &[&str] = &[
    "Debug",
    "Display",
    "Clone",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "Hash",
    "Default",
    "Send",
    "Sync",
    "Sized",
    "Unpin",
    "Into",
    "From",
    "AsRef",
    "AsMut",
    "Borrow",
    "ToString",
    "Iterator",
    "IntoIterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "FromStr",
    "Error",
    "Any",
    "Fn",
    "FnMut",
    "FnOnce",
    "Read",
    "Write",
    "BufRead",
];

/// Whether a parameter of type `ty` is certainly not `Copy` in the function's body.
pub(super) fn generic_not_copy(ty: &Type, generics: Option<&Generics>) -> bool {
    match ty {
        Type::Group(g) => generic_not_copy(&g.elem, generics),
        Type::Paren(p) => generic_not_copy(&p.elem, generics),
        Type::ImplTrait(t) => bounds_exclude_copy(&t.bounds),
        Type::Path(p) if p.qself.is_none() => {
            let (Some(name), Some(generics)) = (p.path.get_ident(), generics) else {
                return false;
            };
            let inline = generics.params.iter().find_map(|g| match g {
                GenericParam::Type(t) if t.ident == *name => Some(&t.bounds),
                _ => None,
            });
            let Some(inline) = inline else {
                return false;
            };
            let in_where = generics.where_clause.iter().flat_map(|w| &w.predicates);
            bounds_exclude_copy(inline)
                && in_where.into_iter().all(|pred| match pred {
                    WherePredicate::Type(t) if names(&t.bounded_ty, name) => {
                        bounds_exclude_copy(&t.bounds)
                    }
                    _ => true,
                })
        }
        _ => false,
    }
}

/// `ty` is exactly the type parameter `name`.
fn names(ty: &Type, name: &syn::Ident) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.is_ident(name))
}

/// Every bound is a lifetime or a std trait that does not imply `Copy`.
fn bounds_exclude_copy<'a>(bounds: impl IntoIterator<Item = &'a TypeParamBound>) -> bool {
    bounds.into_iter().all(|b| match b {
        TypeParamBound::Lifetime(_) => true,
        TypeParamBound::Trait(t) => t
            .path
            .segments
            .last()
            .is_some_and(|s| NOT_IMPLYING_COPY.contains(&s.ident.to_string().as_str())),
        _ => false,
    })
}
