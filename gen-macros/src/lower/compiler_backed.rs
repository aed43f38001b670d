//! The compiler-backed lowering: async generators, and `#[generator(boxed)]`
//! sync generators.
//!
//! The body becomes an `async move` block and rustc builds the state machine, so borrows
//! across yields and awaits, `.await` inside `select!`, and `?` anywhere just work. The
//! runtime (`gen_core::__private::{stream, boxed, Yielder}`) hands each yielded value to the
//! consumer through a slot on the stack of the adapter's current poll.
//!
//! Input (normalized by `analyze`, `self` already renamed):
//!
//! ```text
//! fn read_lines(mut reader: R) -> impl Stream<Item = io::Result<String>> {
//!     let mut buf = String::new();
//!     loop {
//!         if reader.read_line(&mut buf).await? == 0 { return; }
//!         tokio::select! { _ = tick() => yield_!(Ok(buf.clone())), else => {} }
//!     }
//! }
//! ```
//!
//! Output (the fn body; `__gen_*` idents are `Span::mixed_site()`):
//!
//! ```text
//! {
//!     ::gen_core::__private::stream_fallible(
//!         move |mut yield_: ::gen_core::__private::Yielder<io::Result<String>>| async move {
//!             let mut reader = reader;
//!             {
//!                 let mut buf = String::new();
//!                 loop {
//!                     if reader.read_line(&mut buf).await? == 0 {
//!                         return ::core::result::Result::Ok(());
//!                     }
//!                     tokio::select! {
//!                         _ = tick() => yield_.yield_(Ok(buf.clone())).await,
//!                         else => {}
//!                     }
//!                 }
//!             }
//!             #[allow(unreachable_code)]
//!             return ::core::result::Result::Ok(());
//!         },
//!     )
//! }
//! ```
//!
//! Each yield borrows the handle mutably until it completes, so two concurrent yields (`join!`
//! of two yielding futures) do not compile; the handle's name is hygienic, so user code
//! cannot move it elsewhere.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{Expr, FnArg, Item, Lifetime, Type, TypeReference};

use crate::lower::macro_input::has_question_mark;
use crate::parse::{Flavour, GenFn};

/// Lowers `func` into the tokens of its body: a block expression that builds the adapter.
pub(crate) fn lower(func: &GenFn, boxed: bool, fold: bool) -> syn::Result<TokenStream> {
    if crate::lower::flat::returns_clone(func)
        && !crate::ide::for_an_ide()
        && let Some(syn::ReturnType::Type(_, ty)) = func.sig.as_ref().map(|s| &s.output)
    {
        let (flavour, fix) = if boxed {
            (
                "a `#[generator(boxed)]` generator",
                "write it as a `#[generator]` function without `boxed`",
            )
        } else {
            (
                "an async generator",
                "make it a sync generator (`-> impl Iterator<Item = T> + Clone`) if its body \
                 awaits nothing",
            )
        };
        // On the user's `Clone` (the whole type where the bound is spelled otherwise).
        let at = func
            .sig
            .as_ref()
            .and_then(|s| crate::lower::flat::returned_bound(s, "Clone"))
            .map_or_else(|| ty.to_token_stream(), ToTokens::to_token_stream);
        return Err(syn::Error::new_spanned(
            at,
            format!(
                "{flavour} cannot be `Clone`: its body runs in an `async` block, which is never \
                 `Clone`; leave out `+ Clone`, or {fix} (a flat generator is `Clone` when the \
                 locals it keeps across yields are)"
            ),
        ));
    }
    if func.flavour == Flavour::Stream
        && !boxed
        && !crate::ide::for_an_ide()
        && let Some(unpin) = func
            .sig
            .as_ref()
            .and_then(|s| crate::lower::flat::returned_bound(s, "Unpin"))
    {
        return Err(syn::Error::new_spanned(
            unpin,
            "an async generator cannot be `Unpin`: its body runs in an `async` block, which \
             holds its locals in place; leave out `+ Unpin` and pin the stream where it is \
             polled (`Box::pin(stream)`, or `std::pin::pin!(stream)`)",
        ));
    }
    // A macro of the user's may hide a `?` or a `return Err(..)` (`lower/opaque_macros.rs`)
    // in a generator of items written as `Result<..>`.
    let written_result = func.item_ty.as_ref().is_some_and(|ty| {
        matches!(ty, Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Result"))
    });
    let fallible = func.item_is_result
        && (uses_try(&func.block)
            || (written_result && super::opaque_macros::has_opaque_macro(&func.block)));
    // The yielded value is checked against the item type where it is written, when the type
    // can be named there: a borrow of a body local then fails as "does not live long
    // enough" on the user's borrow, against the declared item type.
    let annotation = func
        .item_ty
        .as_ref()
        .filter(|ty| !has_elided_lifetime(ty))
        .cloned();
    let mut rewrite = Rewrite {
        annotation,
        from_method: if func.flavour == Flavour::Stream && !boxed {
            "yield_from"
        } else {
            "yield_from_iter"
        },
        fallible,
        sink: None,
        parked: (boxed && func.sig.is_none() && !fallible).then(park_label),
    };
    let mut block = func.block.clone();
    rewrite.visit_block_mut(&mut block);
    // A boxed body's plain copy, for `fold` (not for an IDE, which gets the body once; not
    // for a body whose copy would declare its items or its statics a second time, or make
    // an unnamed item type a second type: `fold_copy::may_copy`).
    let fold_block = (boxed && fold && !crate::ide::for_an_ide() && fold_copy::may_copy(func))
        .then(|| {
            let mut rewrite = Rewrite {
                sink: Some(fold_copy::sink()),
                parked: None,
                ..rewrite
            };
            let mut block = func.block.clone();
            rewrite.visit_block_mut(&mut block);
            block
        });

    let private = quote!(::gen_core::__private);
    let item_ty = match &func.item_ty {
        Some(ty) if !has_elided_lifetime(ty) => ty.to_token_stream(),
        // A closure parameter's elided lifetime would be higher-ranked: let rustc infer it.
        _ => quote!(_),
    };
    // The handle is named after the macro that uses it: a borrowck error about an item that
    // escapes the body names it (`yield_` declared here, outside of the async block body).
    // It is the closure's parameter, captured as it is by the block: rebinding it inside
    // would give it a second place in the body future, and the optimizer could no longer see
    // that the adapter's id and the handle's are the same value.
    let h = handle(Span::call_site());
    // A stream's plain parameters are captured as they are (`captured_as_it_is`); a sync
    // `boxed` body's are bound again like the others (measured: its plain copy and its
    // resume read them best from a local of their own).
    let stream = !boxed;
    let bound_again = |arg: &crate::parse::Binding| !(stream && captured_as_it_is(arg));
    // Move every argument in, even unused ones, so they live (and drop) with the generator.
    // (None for an IDE, which keeps them as written: `crate::ide`.) The receiver stays
    // `self`, captured as it is (a `let` cannot bind `self`): the body names it as written, so
    // rustc's errors about it read as for the plain method.
    let receiver = receiver_token(func);
    let rebinds: Vec<TokenStream> = func
        .args
        .iter()
        .filter(|arg| !is_receiver(arg) && bound_again(arg))
        .map(|arg| {
            let ident = &arg.ident;
            // The user's `mut`, on the user's token: rustc reports it if it is needless.
            let mutability = arg
                .mutable
                .then(|| quote_spanned!(arg.mut_span.unwrap_or_else(Span::call_site)=> mut));
            // The moved-from name resolves like the user's but is marked as macro-generated, so
            // lints about using `_x` bindings do not fire on the user's parameter.
            // The parameter keeps its own span: a name that a `macro_rules!` caller supplied
            // resolves in that macro's hygiene context, not at the attribute.
            let source = ident.clone();
            let allow = ident
                .to_string()
                .starts_with('_')
                .then(|| quote!(#[allow(clippy::no_effect_underscore_binding)]));
            // The parameter's own lint attributes (`#[allow(unused_variables)] label: &str`)
            // cover the binding that stands for it in the body.
            let lints = parameter_lints(func, ident);
            quote!(#(#lints)* #allow let #mutability #ident = #source;)
        })
        .collect();
    // Desugar "an unstarted generator drops its arguments in reverse order" (as the plain
    // function drops its parameters) into a first mention of them in reverse: the block
    // captures its variables in the order it first names them, and drops them in that order
    // while it has not started (and captures every one, used or not). Once started, the
    // rebinds below are its locals, declared in order and dropped in reverse, before the
    // receiver, which stays captured.
    let reverse_mention = func
        .args
        .iter()
        .any(|a| !(stream && captured_as_it_is(a)))
        .then(|| {
            let refs = func
                .args
                .iter()
                .rev()
                .filter(|arg| !(stream && captured_as_it_is(arg)))
                .map(|arg| {
                    let ident = match (&receiver, is_receiver(arg)) {
                        (Some(token), true) => {
                            let mut token = token.clone();
                            token.set_span(token.span().located_at(Span::mixed_site()));
                            token
                        }
                        // (A clone keeps a raw identifier, `r#type`, raw.)
                        _ => {
                            let mut ident = arg.ident.clone();
                            ident.set_span(arg.ident.span().located_at(Span::mixed_site()));
                            ident
                        }
                    };
                    quote!(&#ident)
                });
            quote!(let _ = (#(#refs,)*);)
        });
    let tail = |block: &syn::Block| {
        if fallible {
            quote! {
                #block
                #[allow(unreachable_code)]
                return ::core::result::Result::Ok(());
            }
        } else {
            // A statement, not the async block's tail: `{ { for .. } }` would be rustc's
            // `unused_braces` on the user's braces.
            quote!(#block;)
        }
    };
    let body = tail(&block);
    // Desugar the body of an `iter!` block lowered `boxed` into `async move { 'b: { body }
    // park().await; }`, with its `return;`s into `break 'b;`: the block's locals drop where
    // the body ends, its captures not moved stay in the body future, which never completes
    // (`BoxedGen` keeps it until the generator drops): a finished block keeps its captures as
    // a `move` closure does, instead of dropping them when its body ends. (Not with `?`, whose
    // error the body's output carries.)
    //
    // A capture some path moves (`if report { finish(tx) }`) is bound again at the start of
    // the labelled block, so that where no path moved it, it drops when the body ends, after
    // the block's locals, as the flat lowering drops it: `'b: { let mut tx = tx; body }`,
    // the last named first, so that they drop in the order the body first names them. (Only
    // beside the plain copy, which reports a `mut` the capture lacks as the closure would.)
    // (Not a name the body binds anywhere itself: under a `#[cfg]` or in a macro's input the
    // flat lowering may have taken a local for a capture.)
    let moved_captures = match fold_block {
        Some(_) if rewrite.parked.is_some() => {
            let bound = names_bound_in(&func.block);
            crate::lower::flat::moved_captures()
                .into_iter()
                .filter(|c| !bound.contains(&c.to_string()))
                .collect()
        }
        _ => Vec::new(),
    };
    // (Resolved as the user's token, which another macro may have handed over, but located
    // at the macro's call site: the new binding's span is no user token, so an IDE's
    // go-to-definition on a use still finds the capture.)
    let captures_again = moved_captures.iter().rev().map(|capture| {
        let mut capture = capture.clone();
        capture.set_span(capture.span().located_at(Span::call_site()));
        quote! {
            #[allow(unused_mut)]
            let mut #capture = #capture;
        }
    });
    let body = match &rewrite.parked {
        Some(label) => quote! {
            #label: {
                #(#captures_again)*
                #block
            }
            ::gen_core::__private::park().await;
        },
        None => body,
    };
    // Each capture of an `iter!` body that an item borrows must be a shared reference (the
    // flat lowering's check, `Ir::yielded_captures`): its error replaces rustc's about the
    // body's internals.
    let yielded_checks = match fold_block {
        Some(_) => crate::lower::flat::yielded_captures(),
        None => Vec::new(),
    };
    let yielded_checks = (!yielded_checks.is_empty()).then(|| {
        let checks = yielded_checks
            .iter()
            .map(|c| quote_spanned!(c.span()=> ::gen_core::checks::yielded_capture(&#c);));
        quote!(if false { #(#checks)* })
    });
    let resume = quote! {
        async move {
            #yielded_checks
            #reverse_mention
            #(#rebinds)*
            #body
        }
    };
    let generator = if boxed {
        let fold = fold_block.map(|block| fold_copy::Copy {
            reverse_mention: reverse_mention.clone().unwrap_or_default(),
            rebinds: &rebinds,
            body: tail(&block),
            fallible,
        });
        fold_copy::boxed_generator(&h, &item_ty, fallible, resume, fold)
    } else {
        // (A `boxed` generator's constructor is `fold_copy::boxed_generator`'s.)
        let body = quote!(move |mut #h: #private::Yielder<#item_ty>| #resume);
        match fallible {
            false => quote!(#private::stream(#body)),
            // The call at the first `?` (its callee and its parentheses): the bound that the
            // items are `Result`s reports there, not on the whole block.
            true => {
                let at = first_try(&func.block).unwrap_or_else(Span::call_site);
                let mut args = proc_macro2::Group::new(proc_macro2::Delimiter::Parenthesis, body);
                args.set_span(at);
                quote_spanned!(at=> ::gen_core::__private::stream_fallible #args)
            }
        }
    };
    // A sync body has no `.await` of its own: clippy's lints about values held across an
    // await (a lock guard across `yield_!`) are about the lowering's awaits, which the plain
    // function does not have. Allowed on the generator, unless the body has an `async` block
    // or closure of its own, where they would be the user's.
    if func.flavour != Flavour::Stream && !has_async(&func.block) {
        let g = crate::lower::flat::names::generator();
        return Ok(quote! {
            {
                #[allow(clippy::await_holding_lock, clippy::await_holding_refcell_ref)]
                let #g = #generator;
                #g
            }
        });
    }
    Ok(quote!({ #generator }))
}

/// Desugar a parameter of plain data (a number, a reference, a tuple of them) without `mut`
/// into a capture of the parameter as it is, neither mentioned first nor bound again: it has
/// no drop to order, and unused it is rustc's lint on the parameter itself, as in the plain
/// function. One place for it instead of two (the unstarted body's capture and the running
/// body's local) lets LLVM keep it in a register where the stream is folded into its consumer.
fn captured_as_it_is(arg: &crate::parse::Binding) -> bool {
    arg.plain && !arg.mutable && !is_receiver(arg)
}

/// Whether `block` has an `async` block or closure (outside nested items).
fn has_async(block: &syn::Block) -> bool {
    struct Find(bool);
    impl<'ast> syn::visit::Visit<'ast> for Find {
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {
            self.0 = true;
        }
        fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
            self.0 |= c.asyncness.is_some();
            syn::visit::visit_expr_closure(self, c);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut find = Find(false);
    syn::visit::Visit::visit_block(&mut find, block);
    find.0
}

/// The `self` token of the method's receiver (not for an IDE, which keeps no arguments).
fn receiver_token(func: &GenFn) -> Option<Ident> {
    func.sig
        .iter()
        .filter(|_| !crate::ide::for_an_ide())
        .flat_map(|sig| &sig.inputs)
        .find_map(|arg| match arg {
            FnArg::Receiver(receiver) => Some(Ident::new("self", receiver.self_token.span)),
            FnArg::Typed(_) => None,
        })
}

/// Whether `arg` is the receiver (`parse` names it with `self_ident`).
fn is_receiver(arg: &crate::parse::Binding) -> bool {
    crate::parse::is_self_ident(&arg.ident)
}

/// The hygienic handle, located at `span` (a yield's) for diagnostics.
fn handle(span: Span) -> Ident {
    Ident::new("yield_", span.resolved_at(Span::mixed_site()))
}

/// Whether the body uses `?` at the generator's own level (not in closures, async blocks or
/// nested items), counting a `?` anywhere in another macro's input.
fn uses_try(block: &syn::Block) -> bool {
    first_try(block).is_some()
}

/// The first `?` (or `return` with a value) of [`uses_try`], where a check that the items are
/// `Result`s reports.
fn first_try(block: &syn::Block) -> Option<Span> {
    struct Find(Option<Span>);
    impl Visit<'_> for Find {
        fn visit_expr(&mut self, expr: &Expr) {
            if self.0.is_some() {
                return;
            }
            match expr {
                // `e?`, or `return Err(e)` (`analyze.rs`): the body returns `Result<(), E>`.
                Expr::Try(t) => self.0 = Some(t.question_token.span),
                Expr::Return(r @ syn::ExprReturn { expr: Some(_), .. }) => {
                    self.0 = Some(r.return_token.span);
                }
                Expr::Closure(_) | Expr::Async(_) => {}
                _ => syn::visit::visit_expr(self, expr),
            }
        }
        fn visit_item(&mut self, _: &Item) {}
        fn visit_macro(&mut self, mac: &syn::Macro) {
            if self.0.is_none() && has_question_mark(&mac.tokens) {
                self.0 = Some(syn::spanned::Spanned::span(&mac.path));
            }
        }
    }
    let mut find = Find(None);
    find.visit_block(block);
    find.0
}

/// `&T` without a lifetime, or `'_`, anywhere in the type.
fn has_elided_lifetime(ty: &Type) -> bool {
    struct Find(bool);
    impl Visit<'_> for Find {
        fn visit_type_reference(&mut self, r: &TypeReference) {
            self.0 |= r.lifetime.is_none();
            syn::visit::visit_type_reference(self, r);
        }
        fn visit_lifetime(&mut self, l: &Lifetime) {
            self.0 |= l.ident == "_";
        }
    }
    let mut find = Find(false);
    find.visit_type(ty);
    find.0
}

mod fold_copy;
mod rewrite;

use rewrite::{Rewrite, park_label};
#[cfg(test)]
mod tests;

/// Every name a pattern of `block` binds (`let`, `match` arms, closure parameters, loops),
/// also under `#[cfg]`.
fn names_bound_in(block: &syn::Block) -> std::collections::HashSet<String> {
    struct Bound(std::collections::HashSet<String>);
    impl Visit<'_> for Bound {
        fn visit_pat_ident(&mut self, p: &syn::PatIdent) {
            self.0.insert(p.ident.to_string());
            syn::visit::visit_pat_ident(self, p);
        }
    }
    let mut bound = Bound(std::collections::HashSet::new());
    bound.visit_block(block);
    bound.0
}

/// The lint attributes of the parameter `name` (`parse::lint_attributes`).
fn parameter_lints<'f>(func: &'f GenFn, name: &Ident) -> Vec<&'f syn::Attribute> {
    let Some(sig) = &func.sig else {
        return Vec::new();
    };
    sig.inputs
        .iter()
        .filter_map(|input| match input {
            FnArg::Typed(t) if matches!(&*t.pat, syn::Pat::Ident(p) if p.ident == *name) => {
                Some(crate::parse::lint_attributes(&t.attrs))
            }
            _ => None,
        })
        .flatten()
        .collect()
}
