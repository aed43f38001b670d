//! A `#[generator(boxed)]` body and its plain copy, in one closure.
//!
//! `fold` on a boxed generator that has not started (and the consumers std builds on it:
//! `for_each`, `sum`, `count`, ..) runs a second copy of the body in which a yield calls the
//! consumer: no box, no suspension, the loops as written (`gen_core::__private::Entry`).
//! Both copies need the arguments by value, so one closure owns them and builds either:
//!
//! ```text
//! boxed::<_, _, _, true>(move |entry: Entry<'_, T>| match entry {
//!     Entry::Fold(sink) => {
//!         fold_infallible(sink, move |sink| { let x = x; <body, yield = sink(v)> });
//!         None
//!     }
//!     #[allow(clippy::all, ..)]
//!     Entry::Resume(mut yield_) => Some(async move { let x = x; <body, yield = await> }),
//! })
//! ```
//!
//! In a body with `?`, the copy is a closure returning `Result<(), E>` (`fold_fallible`
//! yields its error last, after the copy's locals and arguments drop, as the generator
//! does). Without a copy (`no_fold`, an IDE), `Fold` is never taken (`boxed::<.., false>`).

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// Whether the body may have a plain copy: not when the copy would declare an item of the
/// body a second time (a `static` would be two statics, a `struct` two types) or a `static`
/// inside a macro (`thread_local!`), nor when the item type is unnamed and the body makes a
/// closure or an `async` block (each copy its own type: `flat::copy_may_change_the_item_type`).
pub(super) fn may_copy(func: &crate::parse::GenFn) -> bool {
    use syn::visit::Visit;
    struct Items(bool);
    impl Visit<'_> for Items {
        fn visit_item(&mut self, item: &syn::Item) {
            match item {
                syn::Item::Use(_) => {}
                syn::Item::Macro(m) if m.mac.path.is_ident("macro_rules") => {}
                _ => self.0 = true,
            }
        }
        fn visit_macro(&mut self, mac: &syn::Macro) {
            self.0 |= crate::lower::flat::mentions_static(&mac.tokens);
        }
    }
    let mut items = Items(false);
    items.visit_block(&func.block);
    // A macro whose expansion may `return`, `break` or use `?` would mean something else in
    // the copy's closure (`lower/opaque_macros.rs`).
    !items.0
        && !crate::lower::flat::copy_may_change_the_item_type(func)
        && !crate::lower::opaque_macros::has_opaque_macro(&func.block)
}

/// The sink a yield of the plain copy calls.
pub(super) fn sink() -> Ident {
    Ident::new("__gen_sink", Span::mixed_site())
}

/// The plain copy: the arguments' re-bindings and the body with its tail.
pub(super) struct Copy<'a> {
    /// The arguments named in reverse first, as the async copy does: the closures capture
    /// them whole (not the field of `self` the body assigns, which rustc would call a captured
    /// value never read), in that order, and drop them so while they have not run.
    pub reverse_mention: TokenStream,
    pub rebinds: &'a [TokenStream],
    pub body: TokenStream,
    pub fallible: bool,
}

/// Desugar a boxed body into the constructor call above. `h`: the yield handle; `resume`:
/// the `async move` block of the body.
pub(super) fn boxed_generator(
    h: &Ident,
    item_ty: &TokenStream,
    fallible: bool,
    resume: TokenStream,
    copy: Option<Copy<'_>>,
) -> TokenStream {
    let private = quote!(::gen_core::__private);
    let entry = Ident::new("__gen_entry", Span::mixed_site());
    let folds = copy.is_some();
    let constructor = match fallible {
        false => quote!(#private::boxed::<_, _, _, #folds>),
        true => quote!(#private::boxed_fallible::<_, _, _, #folds>),
    };
    // With a plain copy, which is the body as written, clippy reports the user's lints
    // there, once, as for the plain function: in the async copy the same code would draw them
    // a second time (a lint inside another macro's input, `format!("x")`, is not the same
    // diagnostic twice) or about the awaits the plain function does not have. rustc's own
    // lints are not touched.
    let only_in_the_copy = copy
        .as_ref()
        .map(|_| quote!(#[allow(clippy::all, clippy::pedantic, clippy::nursery)]));
    let fold = match copy {
        Some(Copy {
            reverse_mention,
            rebinds,
            body,
            fallible,
        }) => {
            let sink = sink();
            let run = match fallible {
                true => quote!(#private::fold_fallible),
                false => quote!(#private::fold_infallible),
            };
            quote! {
                #private::Entry::Fold(#sink) => {
                    #run(#sink, move |#sink| {
                        #reverse_mention
                        #(#rebinds)*
                        #body
                    });
                    ::core::option::Option::None
                }
            }
        }
        None => quote!(#private::Entry::Fold(_) => ::core::option::Option::None,),
    };
    quote! {
        #constructor(move |#entry: #private::Entry<'_, #item_ty>| match #entry {
            #fold
            #only_in_the_copy
            #private::Entry::Resume(mut #h) => ::core::option::Option::Some(#resume),
        })
    }
}
