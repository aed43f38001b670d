//! What a type written in the body or the signature says about the values of that type
//! (the lowering sees no other types): owned data, collections of owned values or of
//! references, text.

/// A type that owns all its data: std's owning containers and primitives, tuples and arrays
/// of them, every type argument owned too, `'static` references (another lifetime, reference
/// or type may borrow).
pub(super) fn owned_type(ty: &syn::Type) -> bool {
    const OWNING: &[&str] = &[
        "String",
        "Vec",
        "Option",
        "Result",
        "HashMap",
        "HashSet",
        "BTreeMap",
        "BTreeSet",
        "VecDeque",
        "BinaryHeap",
        "Box",
        "Rc",
        "Arc",
        "PathBuf",
        "OsString",
    ];
    match ty {
        syn::Type::Paren(p) => owned_type(&p.elem),
        syn::Type::Group(g) => owned_type(&g.elem),
        syn::Type::Tuple(t) => t.elems.iter().all(owned_type),
        syn::Type::Array(a) => owned_type(&a.elem),
        // `&'static str`: a reference to nothing of the generator's.
        syn::Type::Reference(r) => r.lifetime.as_ref().is_some_and(|l| l.ident == "static"),
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            match &last.arguments {
                syn::PathArguments::None => {
                    crate::parse::is_plain(ty) || OWNING.contains(&last.ident.to_string().as_str())
                }
                syn::PathArguments::AngleBracketed(args) => {
                    OWNING.contains(&last.ident.to_string().as_str())
                        && args.args.iter().all(|a| match a {
                            syn::GenericArgument::Type(t) => owned_type(t),
                            syn::GenericArgument::Lifetime(l) => l.ident == "static",
                            _ => false,
                        })
                }
                syn::PathArguments::Parenthesized(_) => false,
            }
        }
        _ => false,
    }
}

/// A collection whose items are references (`Vec<&'static str>`, `&[&T]`, `[&str; 3]`), or
/// tuples of references and plain data (`Vec<(usize, &Entry)>`): a `for` loop over it by
/// value, or a `pop()` of it, binds references (and copies), which hold no data of their own.
pub(super) fn reference_items(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Group(g) => reference_items(&g.elem),
        syn::Type::Paren(p) => reference_items(&p.elem),
        syn::Type::Reference(r) => match &*r.elem {
            syn::Type::Slice(s) => reference_element(&s.elem),
            other => reference_items(other),
        },
        syn::Type::Array(a) => reference_element(&a.elem),
        syn::Type::Path(p) => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                return false;
            };
            COLLECTIONS.contains(&last.ident.to_string().as_str())
                && matches!(args.args.first(), Some(syn::GenericArgument::Type(t)) if reference_element(t))
        }
        _ => false,
    }
}

/// `Option<&'a str>`, `Result<&'a [u32], E>`: a value whose payload is a reference, which
/// `unwrap`, `expect`, `unwrap_or(..)` and their kin hand out (a copy of the reference, no
/// owned value).
pub(super) fn wraps_a_reference(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Group(g) => wraps_a_reference(&g.elem),
        syn::Type::Paren(p) => wraps_a_reference(&p.elem),
        syn::Type::Path(p) => p.path.segments.last().is_some_and(|last| {
            matches!(last.ident.to_string().as_str(), "Option" | "Result")
                && matches!(&last.arguments, syn::PathArguments::AngleBracketed(args)
                    if matches!(args.args.first(),
                        Some(syn::GenericArgument::Type(t)) if reference_element(t)))
        }),
        _ => false,
    }
}

/// `&T`, or a tuple of references and plain data with at least one reference.
fn reference_element(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(_) => true,
        syn::Type::Paren(p) => reference_element(&p.elem),
        syn::Type::Tuple(t) => {
            t.elems.iter().all(crate::parse::is_plain)
                && t.elems.iter().any(|e| matches!(e, syn::Type::Reference(_)))
        }
        _ => false,
    }
}

/// std's owning containers, which are never `Copy` and whose `&mut` a `for` loop iterates
/// by reference.
pub(crate) const STD_CONTAINERS: &[&str] = &[
    "String",
    "Vec",
    "VecDeque",
    "LinkedList",
    "HashMap",
    "HashSet",
    "BTreeMap",
    "BTreeSet",
    "BinaryHeap",
];

const COLLECTIONS: &[&str] = &[
    "Vec",
    "VecDeque",
    "HashSet",
    "BTreeSet",
    "BinaryHeap",
    "LinkedList",
    "Option",
];

/// A collection whose items own all their data (`Vec<String>`, `VecDeque<(u32, String)>`):
/// iterated by value, its items are owned values.
pub(super) fn owns_items(ty: &syn::Type, generics: Option<&syn::Generics>) -> bool {
    if let syn::Type::Group(g) = ty {
        return owns_items(&g.elem, generics);
    }
    let syn::Type::Path(p) = ty else {
        return false;
    };
    let Some(last) = p.path.segments.last() else {
        return false;
    };
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return false;
    };
    COLLECTIONS.contains(&last.ident.to_string().as_str())
        // `Vec<&'static str>` borrows nothing of the generator's, but its items are
        // references: a borrow through one is not a borrow of the loop's local.
        && matches!(args.args.first(), Some(syn::GenericArgument::Type(t))
            if (owned_type(t) && !matches!(t, syn::Type::Reference(_)))
                || named_without_lifetimes(t, generics))
}

/// A type of the user's written without arguments (`Job`, `config::Entry`), not a type
/// parameter of the function: it names no lifetime, so its values hold no borrow of
/// anything but `'static` data (a type with a lifetime parameter written with the lifetime
/// left out, `Job` for `Job<'a>`, is the `elided_lifetimes_in_paths` style).
fn named_without_lifetimes(ty: &syn::Type, generics: Option<&syn::Generics>) -> bool {
    let syn::Type::Path(p) = ty else {
        return false;
    };
    let params =
        |name: &syn::Ident| generics.is_some_and(|g| g.type_params().any(|t| t.ident == *name));
    p.qself.is_none()
        && p.path.segments.iter().all(|s| s.arguments.is_none())
        && p.path.segments.last().is_some_and(|s| {
            s.ident != "Self"
                && !params(&s.ident)
                && s.ident
                    .to_string()
                    .starts_with(|c: char| c.is_ascii_uppercase())
        })
}

/// std types whose values take `self` in methods named like `Iterator`'s or `Option`'s.
const STD_WRAPPERS: &[&str] = &[
    "Option",
    "Result",
    "Box",
    "Rc",
    "Arc",
    "Cow",
    "Peekable",
    "Chars",
    "CharIndices",
    "Bytes",
    "Lines",
    "Split",
    "SplitWhitespace",
    "IntoIter",
    "Iter",
    "IterMut",
    "Drain",
    "Range",
    "RangeInclusive",
    "Rev",
    "Enumerate",
    "Skip",
    "Take",
    "Map",
    "Filter",
    "Zip",
    "Chain",
    "Receiver",
    "JoinHandle",
];

/// The type behind any references (`Pool` of `&mut Pool`).
pub(super) fn referent(ty: &syn::Type) -> &syn::Type {
    match ty {
        syn::Type::Reference(r) => referent(&r.elem),
        syn::Type::Paren(p) => referent(&p.elem),
        syn::Type::Group(g) => referent(&g.elem),
        other => other,
    }
}

/// A type of the user's (`Stats`, `report::Builder<T>`): a path that is neither a type
/// parameter, `Self`, nor a std type whose methods of consuming names take `self`; or a
/// type parameter or `impl Trait` bounded by a trait of the user's.
pub(super) fn users_type(ty: &syn::Type, generics: Option<&syn::Generics>) -> bool {
    if users_generic_type(ty, generics) {
        return true;
    }
    let syn::Type::Path(p) = ty else {
        return false;
    };
    let param =
        |name: &syn::Ident| generics.is_some_and(|g| g.type_params().any(|t| t.ident == *name));
    p.qself.is_none()
        && p.path.segments.last().is_some_and(|s| {
            let name = s.ident.to_string();
            !param(&s.ident)
                && name != "Self"
                && name.starts_with(|c: char| c.is_ascii_uppercase())
                && !STD_WRAPPERS.contains(&name.as_str())
                && !STD_CONTAINERS.contains(&name.as_str())
        })
}

/// `String`, `str` behind a reference or a `Box`: text.
pub(super) fn is_text(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(r) => is_text(&r.elem),
        syn::Type::Paren(p) => is_text(&p.elem),
        syn::Type::Group(g) => is_text(&g.elem),
        syn::Type::Path(p) => p.path.segments.last().is_some_and(|s| match &s.arguments {
            syn::PathArguments::None => s.ident == "String" || s.ident == "str",
            syn::PathArguments::AngleBracketed(a) => {
                s.ident == "Box"
                    && matches!(a.args.first(), Some(syn::GenericArgument::Type(t)) if is_text(t))
            }
            syn::PathArguments::Parenthesized(_) => false,
        }),
        _ => false,
    }
}

/// Whether `ty` names a lifetime (`Lexer<'_>`, `Parser<'a, T>`): a value of it may hold
/// references in its fields.
pub(super) fn has_lifetime(ty: &syn::Type) -> bool {
    use syn::visit::Visit;
    struct Find(bool);
    impl<'a> Visit<'a> for Find {
        fn visit_lifetime(&mut self, _: &'a syn::Lifetime) {
            self.0 = true;
        }
    }
    let mut find = Find(false);
    find.visit_type(ty);
    find.0
}

/// `Box<dyn FnOnce(..) -> T>`, `impl FnOnce(..)`, or a type parameter of `generics` bounded
/// by `FnOnce` (and by no `Fn`/`FnMut`): a closure its one call moves.
pub(super) fn fn_once(ty: &syn::Type, generics: Option<&syn::Generics>) -> bool {
    let boxed = match ty {
        syn::Type::Path(p) if p.qself.is_none() => {
            p.path
                .segments
                .last()
                .and_then(|last| match &last.arguments {
                    syn::PathArguments::AngleBracketed(a) if last.ident == "Box" => {
                        match a.args.first() {
                            Some(syn::GenericArgument::Type(t)) => Some(t),
                            _ => None,
                        }
                    }
                    _ => None,
                })
        }
        _ => None,
    };
    if let Some(inner) = boxed {
        return fn_once(inner, generics);
    }
    trait_bounds(ty, generics).is_some_and(|names| {
        names.iter().any(|n| n == "FnOnce") && !names.iter().any(|n| n == "Fn" || n == "FnMut")
    })
}

/// The traits that bound a value of `ty`, by their last names: those of `impl A + B` or
/// `dyn A + B`, or of a type parameter of `generics` (in its list and in the `where`
/// clause); `None` for any other type.
fn trait_bounds(ty: &syn::Type, generics: Option<&syn::Generics>) -> Option<Vec<String>> {
    let names = |bounds: &mut dyn Iterator<Item = &syn::TypeParamBound>| {
        bounds
            .filter_map(|b| match b {
                syn::TypeParamBound::Trait(t) => {
                    t.path.segments.last().map(|s| s.ident.to_string())
                }
                _ => None,
            })
            .collect()
    };
    match ty {
        syn::Type::Group(g) => trait_bounds(&g.elem, generics),
        syn::Type::Paren(p) => trait_bounds(&p.elem, generics),
        syn::Type::TraitObject(t) => Some(names(&mut t.bounds.iter())),
        syn::Type::ImplTrait(t) => Some(names(&mut t.bounds.iter())),
        syn::Type::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
            let name = &p.path.segments[0].ident;
            let g = generics?;
            let param = g.type_params().find(|t| t.ident == *name)?;
            let predicates = g
                .where_clause
                .iter()
                .flat_map(|w| &w.predicates)
                .filter_map(|w| match w {
                    syn::WherePredicate::Type(t)
                        if matches!(&t.bounded_ty,
                            syn::Type::Path(b) if b.path.is_ident(name)) =>
                    {
                        Some(&t.bounds)
                    }
                    _ => None,
                });
            Some(names(&mut param.bounds.iter().chain(predicates.flatten())))
        }
        _ => None,
    }
}

/// std traits whose methods the analyses know, or that add none a body calls by a name
/// std's consuming methods have.
const STD_TRAITS: &[&str] = &[
    "Iterator",
    "IntoIterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "FusedIterator",
    "Extend",
    "FromIterator",
    "Sum",
    "Product",
    "Fn",
    "FnMut",
    "FnOnce",
    "Read",
    "BufRead",
    "Write",
    "Seek",
    "Display",
    "Debug",
    "Clone",
    "Copy",
    "Default",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "Hash",
    "Hasher",
    "BuildHasher",
    "Send",
    "Sync",
    "Sized",
    "Unpin",
    "AsRef",
    "AsMut",
    "Borrow",
    "BorrowMut",
    "Into",
    "From",
    "TryFrom",
    "TryInto",
    "ToString",
    "ToOwned",
    "Deref",
    "DerefMut",
    "FromStr",
    "Error",
    "Any",
    "Future",
    "Stream",
    "Add",
    "Sub",
    "Mul",
    "Div",
    "Rem",
    "Neg",
    "Not",
    "AddAssign",
    "SubAssign",
    "MulAssign",
    "DivAssign",
    "BitAnd",
    "BitOr",
    "BitXor",
    "Shl",
    "Shr",
    "Index",
    "IndexMut",
    "Drop",
];

/// A value of a type parameter or an `impl Trait` bounded by a trait of the user's
/// (`acc: A` with `A: Accumulator`, `sink: impl Sink`): its methods are the user's, and one
/// named like a std method that borrows (`acc.finish()`) may take `self`.
fn users_generic_type(ty: &syn::Type, generics: Option<&syn::Generics>) -> bool {
    trait_bounds(ty, generics)
        .is_some_and(|names| names.iter().any(|n| !STD_TRAITS.contains(&n.as_str())))
}
