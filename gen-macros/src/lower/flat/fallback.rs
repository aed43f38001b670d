//! What decides between the flat lowering and `#[generator(boxed)]` from the signature: a
//! generator declared `+ Clone` stays flat (a boxed one cannot be cloned), and so does one
//! whose `boxed` form may not compile where the flat one does; their errors name the fix
//! that applies.

use crate::error::Errors;
use crate::parse::GenFn;

/// `errors` as told to a generator declared `+ Clone` when `clonable`: the `boxed` lowering
/// that a message names as a fix cannot be `Clone`.
pub(crate) fn for_a_clonable(errors: syn::Error, clonable: bool) -> syn::Error {
    const BOXED: &str = "or use `#[generator(boxed)]`";
    if !clonable {
        return errors;
    }
    let mut out = Errors::default();
    for e in errors {
        let message = e.to_string();
        out.push(match message.strip_suffix(BOXED) {
            Some(head) => syn::Error::new_spanned(
                spanned_like(&e),
                format!("{head}or leave out `+ Clone` and use `#[generator(boxed)]`"),
            ),
            None => e,
        });
    }
    out.finish().expect_err("at least one error")
}

/// Two tokens spanning what `error` spans, from its first token to its last (`Error::span`
/// is only the first).
fn spanned_like(error: &syn::Error) -> proc_macro2::TokenStream {
    let tokens: Vec<proc_macro2::TokenTree> = error.to_compile_error().into_iter().collect();
    let span = |t: Option<&proc_macro2::TokenTree>| {
        t.map_or_else(proc_macro2::Span::call_site, proc_macro2::TokenTree::span)
    };
    let (first, last) = (span(tokens.first()), span(tokens.last()));
    quote::quote_spanned!(first=> start)
        .into_iter()
        .chain(quote::quote_spanned!(last=> end))
        .collect()
}

/// Whether the signature's return type asks for `+ Clone`.
pub(crate) fn returns_clone(func: &GenFn) -> bool {
    func.sig.as_ref().is_some_and(signature_returns_clone)
}

/// Whether `sig`'s return type asks for `+ Clone`.
pub(crate) fn signature_returns_clone(sig: &syn::Signature) -> bool {
    returns_bound(sig, "Clone")
}

/// Whether the signature's return type asks for `+ Send`.
pub(super) fn returns_send(func: &GenFn) -> bool {
    func.sig
        .as_ref()
        .is_some_and(|sig| returns_bound(sig, "Send"))
}

/// Whether the signature's returned `impl Trait` has the bound `name` (`+ Clone`).
fn returns_bound(sig: &syn::Signature, name: &str) -> bool {
    returned_bound(sig, name).is_some()
}

/// The bound `name` (`Unpin`) of the signature's returned `impl Trait`, as written.
pub(crate) fn returned_bound<'a>(
    sig: &'a syn::Signature,
    name: &str,
) -> Option<&'a syn::TraitBound> {
    let syn::ReturnType::Type(_, ty) = &sig.output else {
        return None;
    };
    let syn::Type::ImplTrait(t) = &**ty else {
        return None;
    };
    t.bounds.iter().find_map(|b| match b {
        syn::TypeParamBound::Trait(t)
            if t.path.segments.last().is_some_and(|s| s.ident == name) =>
        {
            Some(t)
        }
        _ => None,
    })
}

/// Whether the `boxed` form of this signature may not compile where the flat one does
/// (README limit 8): a type parameter (or an `impl Trait` argument) together with a lifetime
/// bound on the returned `impl Trait` (`+ '_`), which the `boxed` form asks every type its
/// item names to outlive. Not when every type parameter is inside an argument borrowed for
/// that lifetime (`fn walk<'a, T>(t: &'a Tree<T>) -> impl Iterator<Item = &'a T> + 'a`): the
/// argument's type already asks `T: 'a`.
pub(crate) fn boxed_may_outlive_less(func: &GenFn) -> bool {
    let Some(sig) = func.sig.as_ref() else {
        return false;
    };
    let syn::ReturnType::Type(_, ty) = &sig.output else {
        return false;
    };
    let syn::Type::ImplTrait(t) = &**ty else {
        return false;
    };
    let Some(bound) = t.bounds.iter().find_map(|b| match b {
        syn::TypeParamBound::Lifetime(l) => Some(l),
        _ => None,
    }) else {
        return false;
    };
    let impl_trait_argument = sig.inputs.iter().any(
        |arg| matches!(arg, syn::FnArg::Typed(p) if matches!(&*p.ty, syn::Type::ImplTrait(_))),
    );
    impl_trait_argument
        || sig
            .generics
            .type_params()
            .any(|p| !borrowed_for(sig, &p.ident, bound))
}

/// Whether an argument of `sig` is a reference for lifetime `bound` to a type that names
/// `param` (with `'_`, the one reference among the arguments, whose lifetime it is).
fn borrowed_for(sig: &syn::Signature, param: &syn::Ident, bound: &syn::Lifetime) -> bool {
    let references: Vec<&syn::TypeReference> = sig
        .inputs
        .iter()
        .filter_map(|arg| match arg {
            syn::FnArg::Typed(p) => match &*p.ty {
                syn::Type::Reference(r) => Some(r),
                _ => None,
            },
            syn::FnArg::Receiver(_) => None,
        })
        .collect();
    let elided = bound.ident == "_" && sig.receiver().is_none() && references.len() == 1;
    references.iter().any(|r| {
        let for_bound = match &r.lifetime {
            Some(l) => l.ident == bound.ident && bound.ident != "_",
            None => elided,
        };
        for_bound && names(&r.elem, param)
    })
}

/// Whether `ty` mentions the identifier `param`.
fn names(ty: &syn::Type, param: &syn::Ident) -> bool {
    quote::quote!(#ty).into_iter().any(|t| mentions(&t, param))
}

/// Whether `tree` is or holds the identifier `param`.
pub(crate) fn mentions(tree: &proc_macro2::TokenTree, param: &syn::Ident) -> bool {
    match tree {
        proc_macro2::TokenTree::Ident(i) => i == param,
        proc_macro2::TokenTree::Group(g) => g.stream().into_iter().any(|t| mentions(&t, param)),
        _ => false,
    }
}
