//! What a written type tells without type checking: a `Result` (the body may use `?`), a
//! type a turbofish or a `let` may name, a reference (or a pinned one), a type without drop
//! glue.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::visit::Visit;
use syn::{PathArguments, Type, TypeImplTrait};

/// `Result<..>`, `io::Result<..>`, `anyhow::Result<..>`, or a type alias that may name one
/// (`Res<u32>`): the body may use `?`. A type that is certainly no `Result` (a number, a
/// reference, a tuple, `String`, `Option<..>`, `Vec<..>`, ..) may not: `?` there is the
/// macro's error.
pub(crate) fn is_result(ty: &Type) -> bool {
    // Std types with type arguments that are no `Result`.
    const NOT_RESULTS: &[&str] = &[
        "Option", "Vec", "VecDeque", "Box", "Rc", "Arc", "HashMap", "HashSet", "BTreeMap",
        "BTreeSet", "Cow",
    ];
    // Types without arguments that are no `Result`.
    const PLAIN: &[&str] = &[
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        "f32", "f64", "bool", "char", "str", "String", "PathBuf", "OsString", "Duration",
        "Instant", "Ordering",
    ];
    match ty {
        Type::Path(path) if path.qself.is_none() => {
            path.path.segments.last().is_some_and(|s| {
                s.ident == "Result"
                    // An alias with arguments (`Res<u32>`): the plain function's `?` decides.
                    || (!matches!(s.arguments, PathArguments::None)
                        && !NOT_RESULTS.contains(&s.ident.to_string().as_str()))
                    // An alias without (`type Row = Result<i64, E>;`): so does the compiler's
                    // check that the items are `Result`s (`gen_core::checks::ResultItem`).
                    || (matches!(s.arguments, PathArguments::None)
                        && !PLAIN.contains(&s.ident.to_string().as_str()))
            })
        }
        Type::Paren(p) => is_result(&p.elem),
        Type::Group(g) => is_result(&g.elem),
        _ => false,
    }
}

/// A type can be named in a turbofish unless it contains `impl Trait`.
pub(crate) fn nameable(ty: &Type) -> bool {
    struct FindImpl(bool);
    impl Visit<'_> for FindImpl {
        fn visit_type_impl_trait(&mut self, _: &TypeImplTrait) {
            self.0 = true;
        }
    }
    let mut find = FindImpl(false);
    find.visit_type(ty);
    !find.0
}

/// Whether a type mentions `impl Trait`, which a `let` annotation may not.
pub(crate) fn mentions_impl(ty: &Type) -> bool {
    fn any_impl(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|t| match t {
            proc_macro2::TokenTree::Ident(i) => i == "impl",
            proc_macro2::TokenTree::Group(g) => any_impl(g.stream()),
            _ => false,
        })
    }
    any_impl(ty.to_token_stream())
}

/// `&mut T` (seen through the invisible group a `macro_rules!` `$ty` makes).
pub(crate) fn is_mut_ref(ty: &Type) -> bool {
    matches!(unpin(peel(ty)), Type::Reference(r) if r.mutability.is_some())
}

/// `&T` or `&mut T` (or `Pin<&T>`, `Pin<&mut T>`: a reference, pinned).
pub(crate) fn is_ref(ty: &Type) -> bool {
    matches!(unpin(peel(ty)), Type::Reference(_))
}

/// `P` of `Pin<P>` (`std::pin::Pin<P>`), else the type itself.
fn unpin(ty: &Type) -> &Type {
    if let Type::Path(p) = ty
        && p.qself.is_none()
        && let Some(last) = p.path.segments.last()
        && last.ident == "Pin"
        && let syn::PathArguments::AngleBracketed(args) = &last.arguments
        && let [syn::GenericArgument::Type(inner)] = args.args.iter().collect::<Vec<_>>()[..]
    {
        return peel(inner);
    }
    ty
}

/// A type without drop glue, syntactically: a primitive, a reference or pointer, `()`, and
/// tuples and arrays of those.
pub(crate) fn is_plain(ty: &Type) -> bool {
    const PRIMITIVES: &[&str] = &[
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        "f32", "f64", "bool", "char",
    ];
    match peel(ty) {
        Type::Reference(_) | Type::Ptr(_) | Type::Never(_) => true,
        Type::Path(p) if p.qself.is_none() => match p.path.segments.last() {
            // `Option<u32>`, `Option<(usize, char)>`: `Copy` as what it holds is.
            Some(last) if last.ident == "Option" => match &last.arguments {
                syn::PathArguments::AngleBracketed(a) => {
                    a.args.len() == 1
                        && matches!(&a.args[0], syn::GenericArgument::Type(t) if is_plain(t))
                }
                _ => false,
            },
            _ => p
                .path
                .get_ident()
                .is_some_and(|i| PRIMITIVES.contains(&i.to_string().as_str())),
        },
        Type::Tuple(t) => t.elems.iter().all(is_plain),
        Type::Array(a) => is_plain(&a.elem),
        _ => false,
    }
}

/// The type inside parentheses and invisible groups.
fn peel(ty: &Type) -> &Type {
    match ty {
        Type::Group(g) => peel(&g.elem),
        Type::Paren(p) => peel(&p.elem),
        other => other,
    }
}
