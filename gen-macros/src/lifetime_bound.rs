//! A returned `impl Trait + 'a` that an argument with a lifetime of its own cannot outlive.
//!
//! A generator keeps its arguments until it runs (it starts at the first `next`/`poll_next`,
//! as an `async fn` does), so an argument whose reference lifetime is elided, a lifetime of
//! its own, must outlive the returned type's lifetime bound, which nothing in the signature
//! says: `fn pages(&self, header: &str) -> impl Iterator<Item = String> + '_` is rustc's
//! "lifetime may not live long enough" on `#[generator]`, although the same signature
//! compiles as a plain function that reads `header` before it returns. This check reports it
//! on the argument, naming the fix.

use syn::visit::Visit;
use syn::{FnArg, ReturnType, Signature, Type, TypeImplTrait, TypeParamBound};

/// The macro's error for the first argument with an elided lifetime of its own, when the
/// returned `impl Trait` has a lifetime bound.
pub(crate) fn check(sig: &Signature, flavour: &str) -> syn::Result<()> {
    let ReturnType::Type(_, ty) = &sig.output else {
        return Ok(());
    };
    let Type::ImplTrait(TypeImplTrait { bounds, .. }) = &**ty else {
        return Ok(());
    };
    let Some(bound) = bounds.iter().find_map(|b| match b {
        TypeParamBound::Lifetime(l) => Some(l),
        _ => None,
    }) else {
        return Ok(());
    };
    let receiver_elided = sig.inputs.iter().any(|arg| {
        matches!(arg, FnArg::Receiver(r) if r.reference.as_ref().is_some_and(|(_, l)| l.is_none()))
    });
    let typed: Vec<&syn::PatType> = sig
        .inputs
        .iter()
        .filter_map(|arg| match arg {
            FnArg::Typed(t) => Some(t),
            FnArg::Receiver(_) => None,
        })
        .collect();
    let elided: Vec<&syn::PatType> = typed
        .iter()
        .copied()
        .filter(|t| has_elided_lifetime(&t.ty))
        .collect();
    // `&self` under `+ 'static` (or a lifetime of the signature's): the receiver's own
    // lifetime must outlive it too.
    if bound.ident != "_"
        && let Some(receiver) = sig.inputs.iter().find_map(|arg| match arg {
            FnArg::Receiver(r) if r.reference.as_ref().is_some_and(|(_, l)| l.is_none()) => Some(r),
            _ => None,
        })
    {
        let bound_text = format!("'{}", bound.ident);
        return Err(syn::Error::new_spanned(
            receiver.self_token,
            format!(
                "`&self` has a lifetime of its own, but a generator keeps its arguments until \
                 it runs (it starts at the first {flavour}, as an `async fn` does), so they \
                 must outlive the returned type's `+ {bound_text}`; return `+ '_` (the \
                 generator borrows `self`), give the reference that lifetime (`&{bound_text} \
                 self`), or take `self` by value"
            ),
        ));
    }
    // `'_` names the only elided lifetime of a function without a receiver: that argument's.
    if bound.ident == "_" && !receiver_elided && elided.len() == 1 {
        return Ok(());
    }
    let Some(arg) = elided.first() else {
        return Ok(());
    };
    let name = match &*arg.pat {
        syn::Pat::Ident(p) => format!("`{}`", p.ident),
        _ => "this argument".to_string(),
    };
    let bound_text = format!("'{}", bound.ident);
    let fix = if bound.ident == "_" && receiver_elided {
        ", the lifetime of `&self`; name one lifetime for both and the returned type \
         (`fn f<'a>(&'a self, arg: &'a str) -> impl .. + 'a`)"
            .to_string()
    } else if bound.ident == "_" {
        "; name one lifetime for the arguments and the returned type (`fn f<'a>(a: &'a str, b: \
         &'a str) -> impl .. + 'a`)"
            .to_string()
    } else {
        format!("; give its reference that lifetime (`&{bound_text} ..`)")
    };
    Err(syn::Error::new_spanned(
        &arg.ty,
        format!(
            "{name} has a lifetime of its own, but a generator keeps its arguments until it \
             runs (it starts at the first {flavour}, as an `async fn` does), so they must \
             outlive the returned type's `+ {bound_text}`{fix}, or take an owned value"
        ),
    ))
}

/// `&T` without a lifetime, or `'_`, anywhere in the type (not inside `fn(..)` types or
/// `impl`/`dyn` bounds, whose elided lifetimes are not the argument's).
fn has_elided_lifetime(ty: &Type) -> bool {
    struct Find(bool);
    impl Visit<'_> for Find {
        fn visit_type_reference(&mut self, r: &syn::TypeReference) {
            self.0 |= r.lifetime.is_none();
            syn::visit::visit_type_reference(self, r);
        }
        fn visit_lifetime(&mut self, l: &syn::Lifetime) {
            self.0 |= l.ident == "_";
        }
        fn visit_type_bare_fn(&mut self, _: &syn::TypeBareFn) {}
        fn visit_type_impl_trait(&mut self, _: &TypeImplTrait) {}
        fn visit_type_trait_object(&mut self, _: &syn::TypeTraitObject) {}
    }
    let mut find = Find(false);
    find.visit_type(ty);
    find.0
}
