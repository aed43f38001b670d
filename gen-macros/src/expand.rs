//! Entry points: attribute and expression forms, and the fallback on errors.
//!
//! On an error the user's function is still emitted with a stub body of the right type, so no
//! secondary errors follow and rust-analyzer keeps working. A body that only the flat lowering
//! rejects is emitted lowered as `#[generator(boxed)]` instead of a stub, so that rustc still
//! checks it (its imports and locals count as used, its other mistakes are reported).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{FnArg, Item, ItemFn};

use crate::analyze::{self, Lowering};
use crate::args::{self, Args};
use crate::body_checks;
use crate::error::format_err;
use crate::lower;
use crate::parse::{Flavour, GenFn};

/// `#[generator]` and `#[generator(..)]`.
pub(crate) fn generator(args: TokenStream, item: TokenStream) -> TokenStream {
    let item_fn = match syn::parse2::<Item>(item.clone()) {
        Ok(Item::Fn(item_fn)) => item_fn,
        Ok(Item::Verbatim(tokens)) => {
            // A trait method without a body parses as verbatim.
            let error = format_err!(tokens, "`#[generator]` needs a function with a body")
                .to_compile_error();
            return quote!(#item #error);
        }
        Ok(other) => {
            let error = format_err!(
                item_keyword(&other),
                "`#[generator]` may only be applied to functions and methods"
            )
            .to_compile_error();
            return quote!(#error #other);
        }
        Err(error) => return unparsable(item, &error),
    };
    match expand_fn(args, item_fn.clone()) {
        Ok(tokens) => tokens,
        Err(error) => fallback(item_fn, &error),
    }
}

fn item_keyword(item: &Item) -> TokenStream {
    match item {
        Item::Struct(s) => {
            let t = &s.struct_token;
            quote!(#t)
        }
        Item::Enum(e) => {
            let t = &e.enum_token;
            quote!(#t)
        }
        _ => quote!(#item),
    }
}

fn expand_fn(args: TokenStream, item: ItemFn) -> syn::Result<TokenStream> {
    let args = Args::parse(args)?;
    let func = GenFn::from_item(item.clone())?;
    let lowering = match (func.flavour, &args.boxed) {
        (Flavour::Stream, _) => {
            args::check_for_stream(&args)?;
            Lowering::Stream
        }
        (Flavour::Iter, Some(_)) => Lowering::Boxed,
        // An IDE gets the body once, as written (`ide`).
        (Flavour::Iter, None) if crate::ide::for_an_ide() => Lowering::Boxed,
        (Flavour::Iter, None) => Lowering::Flat,
    };
    // A signature whose `boxed` form may not compile (README limit 8) gets no `boxed`
    // stand-in below: its errors would not be the body's.
    let boxed_may_fail = lower::flat::boxed_may_outlive_less(&func);
    match lower_fn(func, lowering, &args) {
        // Desugar a body that is valid as a generator but that the flat state machine cannot
        // hold (a borrow in use across one of its own joins, see `lower/flat/mod.rs`) into
        // the same body lowered as `#[generator(boxed)]`: exact, at one allocation.
        Err(_) if lowering == Lowering::Flat && lower::flat::boxed_instead() => {
            // (A use after move is an error in every form: one copy of the body reports it
            // once.)
            let no_fold = lower::flat::boxed_for_a_use_after_move()
                .then(|| proc_macro2::Ident::new("no_fold", proc_macro2::Span::call_site()));
            let args = Args {
                no_fold: args.no_fold.clone().or(no_fold),
                ..args.clone()
            };
            lower_fn(GenFn::from_item(item)?, Lowering::Boxed, &args)
        }
        Err(error)
            if lowering == Lowering::Flat
                && !lower::flat::error_in_any_lowering()
                && !boxed_may_fail =>
        {
            // Desugar a body the flat lowering rejects into the error and the same body
            // lowered as `#[generator(boxed)]`, which accepts it: rustc still checks the body,
            // so an import or a local it uses draws no false "unused" warning, and its other
            // mistakes are reported with this one.
            let boxed = GenFn::from_item(item).and_then(|f| lower_fn(f, Lowering::Boxed, &args));
            match boxed {
                Ok(tokens) => {
                    let error = error.to_compile_error();
                    Ok(quote!(#error #tokens))
                }
                Err(_) => Err(error),
            }
        }
        result => result,
    }
}

/// The generator function `func` lowered by `lowering`.
fn lower_fn(mut func: GenFn, lowering: Lowering, args: &Args) -> syn::Result<TokenStream> {
    // Only the flat lowering binds the receiver again (in every state): the compiler-backed
    // one captures `self` as it is.
    let rename_self = lowering == Lowering::Flat;
    // A body only the flat lowering rejects is lowered `boxed` (`expand_fn`), unless its
    // `boxed` form cannot be what the signature asks for.
    let clonable = lower::flat::returns_clone(&func);
    let may_box = !clonable && !lower::flat::boxed_may_outlive_less(&func);
    let checked =
        body_checks::check(&func.block, func.sig.as_ref(), lowering, may_box).and_then(|()| {
            analyze::normalize(&mut func.block, lowering, func.item_is_result, rename_self)
        });
    if let Err(error) = checked {
        if !may_box {
            lower::flat::lower_boxed_instead(false);
        }
        return Err(lower::flat::for_a_clonable(error, clonable));
    }
    if lowering != Lowering::Flat {
        restore_receiver_mut(&mut func);
    }
    // Parameters written as patterns are bound first thing in the body (see `GenFn::prelude`).
    let prelude = std::mem::take(&mut func.prelude);
    func.block.stmts.splice(0..0, prelude);
    // The body goes inside the user's own braces: the function item then spans only the
    // user's tokens, and rustc judges it as the user's (an unused one is `dead_code`).
    let braces = func.block.brace_token;
    let body = match lowering {
        Lowering::Flat => lower::flat::lower(&func, args.no_fold.is_none())?,
        Lowering::Boxed | Lowering::Stream => lower::compiler_backed::lower(
            &func,
            lowering == Lowering::Boxed,
            args.no_fold.is_none(),
        )?,
    };
    let GenFn {
        attrs,
        vis,
        sig,
        pattern_checks,
        ..
    } = func;
    let pattern_checks = quote!(#(#pattern_checks)*);
    // The added `+ FusedIterator` is implied by nothing the user wrote, but clippy's
    // `implied_bounds_in_impls` cannot tell it was added on purpose.
    // The body's inner attributes (`#![allow(..)]`, which `syn` keeps with the function's)
    // open the body again.
    let (inner, outer): (Vec<_>, Vec<_>) = attrs
        .into_iter()
        .partition(|a| matches!(a.style, syn::AttrStyle::Inner(_)));
    let mut block = TokenStream::new();
    braces.surround(&mut block, |out| {
        out.extend(quote!(#(#inner)*));
        out.extend(pattern_checks);
        out.extend(body);
    });
    Ok(quote! {
        #(#outer)*
        #[allow(clippy::implied_bounds_in_impls)]
        #vis #sig #block
    })
}

/// `mut self` keeps its `mut` where the receiver is captured as it is (`parse` takes it off
/// for the flat lowering, which binds the receiver again with it).
fn restore_receiver_mut(func: &mut GenFn) {
    let mutable = func
        .args
        .iter()
        .any(|a| crate::parse::is_self_ident(&a.ident) && a.mutable);
    if let Some(FnArg::Receiver(receiver)) =
        func.sig.as_mut().and_then(|sig| sig.inputs.first_mut())
        && mutable
        && receiver.reference.is_none()
    {
        receiver.mutability = Some(syn::Token![mut](receiver.self_token.span));
    }
}

/// An item that does not parse (a syntax error in the body): the error, and the function
/// with its body replaced by a stub, so that rustc does not report the same error again, nor
/// the body's `yield_!` as an unknown macro. An item whose signature does not parse either
/// is emitted as it is.
fn unparsable(item: TokenStream, error: &syn::Error) -> TokenStream {
    let mut tokens: Vec<proc_macro2::TokenTree> = item.clone().into_iter().collect();
    if let Some(proc_macro2::TokenTree::Group(body)) = tokens.last_mut()
        && body.delimiter() == proc_macro2::Delimiter::Brace
    {
        let mut empty = proc_macro2::Group::new(proc_macro2::Delimiter::Brace, TokenStream::new());
        empty.set_span(body.span());
        *body = empty;
        if let Ok(item_fn) = syn::parse2::<ItemFn>(tokens.into_iter().collect()) {
            return fallback(item_fn, error);
        }
    }
    let error = error.to_compile_error();
    quote!(#item #error)
}

/// The user's function with a body of the right type and the errors.
fn fallback(mut item: ItemFn, error: &syn::Error) -> TokenStream {
    let error = error.to_compile_error();
    let span = item.block.span();
    // The stub is a plain body: an `async` left on it would add errors of its own (and the
    // signature is read without it, so an `async fn` still gets a stub of its return type).
    item.sig.asyncness = None;
    // Nor may it be `const` (the stub calls no `const fn`), or be expanded again by a
    // second `#[generator]` (reported above).
    item.sig.constness = None;
    item.attrs
        .retain(|a| !crate::parse::is_generator_attribute(a));
    let stub = match GenFn::from_item(item.clone()) {
        // A closure with no captures: its type, unlike `Empty<Item>`, asks nothing of the
        // item type, so a lifetime bound on the returned type (`+ 'a`) draws no error.
        Ok(func) if func.flavour == Flavour::Iter => {
            quote_spanned!(span=> ::core::iter::from_fn(|| ::core::option::Option::None))
        }
        Ok(_) => quote_spanned!(span=> ::gen_core::__private::empty_stream()),
        // `impl DoubleEndedIterator<..>` (rejected): `empty()` has every iterator trait.
        // `impl Iterator` that names no item type: any will do.
        Err(_) if returns_an_iterator(&item.sig.output) && !names_an_item(&item.sig.output) => {
            quote_spanned!(span=> ::core::iter::empty::<()>())
        }
        Err(_) if returns_an_iterator(&item.sig.output) => {
            quote_spanned!(span=> ::core::iter::empty())
        }
        // `impl Stream<..>` whose signature was rejected (a borrowed argument under `+
        // 'static`): `!` is no stream.
        Err(_) if returns_impl_of(&item.sig.output, "Stream") => {
            quote_spanned!(span=> ::gen_core::__private::empty_stream())
        }
        Err(_) => quote_spanned!(span=> loop {}),
    };
    item.attrs
        .push(syn::parse_quote!(#[allow(unused_variables, unused_mut, unreachable_code)]));
    let ItemFn {
        attrs, vis, sig, ..
    } = item;
    quote!(#error #(#attrs)* #vis #sig { #stub })
}

/// Whether the signature returns `impl ..Iterator<..>` of some kind.
fn returns_an_iterator(output: &syn::ReturnType) -> bool {
    returns_impl_of(output, "Iterator")
}

/// Whether the signature returns `impl ..<Kind><..>` (`impl Iterator`, `impl FusedStream`).
fn returns_impl_of(output: &syn::ReturnType, kind: &str) -> bool {
    matches!(output, syn::ReturnType::Type(_, ty) if matches!(&**ty, syn::Type::ImplTrait(t)
        if t.bounds.iter().any(|b| matches!(b, syn::TypeParamBound::Trait(t)
            if t.path.segments.last().is_some_and(|s| s.ident.to_string().ends_with(kind))))))
}

/// Whether the returned `impl ..` names its item type (`Item = T`).
fn names_an_item(output: &syn::ReturnType) -> bool {
    quote!(#output)
        .into_iter()
        .any(|t| matches!(t, proc_macro2::TokenTree::Ident(i) if i == "Item"))
}

/// Whether the body yields (at its own level; a yield elsewhere is already an error).
fn yields(block: &syn::Block) -> bool {
    struct Find(bool);
    impl syn::visit::Visit<'_> for Find {
        fn visit_expr_yield(&mut self, _: &syn::ExprYield) {
            self.0 = true;
        }
        fn visit_expr_closure(&mut self, _: &syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &syn::ExprAsync) {}
        fn visit_item(&mut self, _: &syn::Item) {}
        // Another macro's input (`select!`) may hold yields the stream lowering rewrites.
        fn visit_macro(&mut self, mac: &syn::Macro) {
            self.0 |= mentions_yield(mac.tokens.clone());
        }
    }
    let mut find = Find(false);
    syn::visit::Visit::visit_block(&mut find, block);
    find.0
}

/// Which expression form.
#[derive(Clone, Copy)]
pub(crate) enum InlineKind {
    Iter,
    Stream,
}

/// `iter! { .. }` and `stream! { .. }`: one path, the flavour picks the lowering.
pub(crate) fn inline(kind: InlineKind, input: TokenStream) -> TokenStream {
    let (flavour, lowering) = match kind {
        // An IDE gets the body once, as written (`ide`).
        InlineKind::Iter if crate::ide::for_an_ide() => (Flavour::Iter, Lowering::Boxed),
        InlineKind::Iter => (Flavour::Iter, Lowering::Flat),
        InlineKind::Stream => (Flavour::Stream, Lowering::Stream),
    };
    let lower_as = |lowering: Lowering| {
        GenFn::from_inline(flavour, input.clone()).and_then(|mut func| {
            body_checks::check(&func.block, None, lowering, true)?;
            analyze::normalize_expression(&mut func.block, lowering)?;
            if flavour == Flavour::Stream && !yields(&func.block) {
                // Nothing gives the items a type: `()`, as an empty `async-stream` has. (An
                // `iter!` block takes it from where it is used, as a `gen` block does.)
                func.item_ty = Some(syn::parse_quote!(()));
            }
            match lowering {
                Lowering::Flat => lower::flat::lower(&func, true),
                Lowering::Boxed => lower::compiler_backed::lower(&func, true, true),
                Lowering::Stream => lower::compiler_backed::lower(&func, false, false),
            }
        })
    };
    let result = match lower_as(lowering) {
        // Desugar a block whose values the flat state machine would drop early
        // (`plan/inexact.rs`) into the same block lowered `boxed`: exact, one allocation.
        Err(_) if lowering == Lowering::Flat && lower::flat::boxed_instead() => {
            lower_as(Lowering::Boxed)
        }
        result => result,
    };
    match result {
        // As a call's value, not a block's tail: unused, rustc's `unused_must_use` suggests
        // `let _ = iter! { .. };` (for a block's tail it would add a second `;`).
        Ok(body) => quote!(::core::convert::identity({ #body })),
        Err(error) => {
            let error = error.to_compile_error();
            let stub = match kind {
                InlineKind::Iter => quote!(::core::iter::empty()),
                InlineKind::Stream => quote!(::gen_core::__private::empty_stream()),
            };
            quote!({ #error #stub })
        }
    }
}

/// Whether `tokens` hold a yield (`yield`, `yield_!`, `yield_from!`), at any depth.
pub(crate) fn mentions_yield(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|t| match t {
        proc_macro2::TokenTree::Ident(i) => i == "yield" || i == "yield_" || i == "yield_from",
        proc_macro2::TokenTree::Group(g) => mentions_yield(g.stream()),
        _ => false,
    })
}
