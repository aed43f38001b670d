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

use proc_macro2::{Group, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::{ParseStream, Parser};
use syn::visit::Visit;
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, FnArg, Item, Lifetime, Token, Type, TypeReference};

use crate::analyze::{YieldKind, yield_kind, yield_value};
use crate::lower::macro_input::has_question_mark;
use crate::parse::{Flavour, GenFn};

/// Lowers `func` into the tokens of its body: a block expression that builds the adapter.
pub(crate) fn lower(func: &GenFn, boxed: bool, fold: bool) -> syn::Result<TokenStream> {
    if crate::lower::flat::returns_clone(func)
        && !crate::ide::for_an_ide()
        && let Some(syn::ReturnType::Type(_, ty)) = func.sig.as_ref().map(|s| &s.output)
    {
        let flavour = if boxed {
            "a `#[generator(boxed)]` generator"
        } else {
            "an async generator"
        };
        return Err(syn::Error::new_spanned(
            ty,
            format!(
                "{flavour} cannot be `Clone`: its body runs in an `async` block, which is never \
                 `Clone`; leave out `+ Clone`, or write it as a `#[generator]` function (a flat \
                 generator is `Clone` when the locals it keeps across yields are)"
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
            quote!(#allow let #mutability #ident = #source;)
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
    let body = match &rewrite.parked {
        Some(label) => quote! {
            #label: #block
            ::gen_core::__private::park().await;
        },
        None => body,
    };
    let resume = quote! {
        async move {
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
        let constructor = match fallible {
            false => quote!(#private::stream),
            true => quote!(#private::stream_fallible),
        };
        quote!(#constructor(move |mut #h: #private::Yielder<#item_ty>| #resume))
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
    struct Find(bool);
    impl Visit<'_> for Find {
        fn visit_expr(&mut self, expr: &Expr) {
            match expr {
                // `e?`, or `return Err(e)` (`analyze.rs`): the body returns `Result<(), E>`.
                Expr::Try(_) | Expr::Return(syn::ExprReturn { expr: Some(_), .. }) => self.0 = true,
                Expr::Closure(_) | Expr::Async(_) => {}
                _ => syn::visit::visit_expr(self, expr),
            }
        }
        fn visit_item(&mut self, _: &Item) {}
        fn visit_macro(&mut self, mac: &syn::Macro) {
            self.0 |= has_question_mark(&mac.tokens);
        }
    }
    let mut find = Find(false);
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

/// Rewrites the yields (and, in a fallible body, `return;`) of the generator's own level.
struct Rewrite {
    /// The item type, when it can be written in the body.
    annotation: Option<Type>,
    /// `yield_from` (a `Stream`) or `yield_from_iter` (an `IntoIterator`).
    from_method: &'static str,
    /// The body returns `Result<(), E>`.
    fallible: bool,
    /// The plain copy of a boxed body (`fold_copy.rs`): a yield calls this sink.
    sink: Option<Ident>,
    /// The label of the block around an `iter!` body lowered `boxed`, which `return;` leaves
    /// (see [`park_label`]).
    parked: Option<syn::Lifetime>,
}

/// The label of the block that holds an `iter!` body lowered `boxed` when the body ends by
/// parking (`lower`): `return;` leaves that block instead of the body future.
fn park_label() -> syn::Lifetime {
    syn::Lifetime::new("'__gen_body", Span::mixed_site())
}

impl Rewrite {
    /// Desugar handing `v` over into `h.method(v).await`, or in the plain copy into
    /// `sink(v)`.
    ///
    /// The plain copy's call stands in a labelled block it breaks out of: rustc suggests
    /// moving a value moved in a loop out of it ("consider moving the expression out of the
    /// loop") only in a loop with a `break`, and the `.await` of the other copy is a loop with
    /// one, so a use after move in a loop is then the same error in both copies, reported once.
    fn hand_over(&self, h: &Ident, method: &Ident, v: &Ident, span: Span) -> TokenStream {
        match &self.sink {
            Some(sink) => {
                // At the yield, as the other copy's `.await`: a yield used as a value of
                // another type than `()` is then one error, on `yield_!`.
                let label = syn::Lifetime::new("'__gen_hand", Span::mixed_site().located_at(span));
                let mut sink = sink.clone();
                sink.set_span(sink.span().located_at(span));
                quote_spanned!(span=> #label: { break #label #sink(#v) })
            }
            None => quote_spanned!(span=> #h.#method(#v).await),
        }
    }

    /// Desugar a yield of `value` into an await on the handle. The glue carries the yield's
    /// span, so a type mismatch is reported on the user's `yield_!`.
    /// Desugar `yield_!(v)` into `match (Handed::<Item> { value: v }) { Handed { value } =>
    /// h.yield_(value).await }`: the temporaries of `v` (`cache.borrow().len()`, `&make()`,
    /// `Tmp { .. }.n`) live until the generator resumes, as a statement's temporaries do, and
    /// an item of another type is an error on `v`; or, when `v` has a closure, into `{ let
    /// value: Item = v; h.yield_(value).await }` (a closure's parameters take the item's
    /// types).
    fn yield_tokens(&self, kind: YieldKind, span: Span, value: TokenStream) -> TokenStream {
        let h = handle(span);
        match kind {
            YieldKind::One => {
                let method = Ident::new("yield_", span);
                let v = Ident::new("__gen_v", Span::mixed_site());
                let ty = self.annotation.as_ref().map(|ty| quote!(: #ty));
                let parsed = syn::parse2::<syn::Expr>(value.clone()).ok();
                // Every operand without a closure: a temporary made by a struct literal, a
                // tuple, an array, an operator or a `match` lives until the resume too, as
                // the argument of the plain function's `sink(v)` does.
                let keeps_temporaries = parsed.as_ref().is_some_and(|e| {
                    !makes_no_temporary(e)
                        && !crate::lower::flat::holds(e, |x| matches!(x, syn::Expr::Closure(_)))
                });
                // A struct literal may not stand as a scrutinee as written (`Event { .. }`);
                // as a call's argument its temporaries still live to the end of the `match`.
                let value = if parsed.as_ref().is_some_and(|e| {
                    crate::lower::flat::holds(e, |x| matches!(x, syn::Expr::Struct(_)))
                }) {
                    quote_spanned!(span=> ::core::convert::identity(#value))
                } else {
                    value
                };
                let hand_over = self.hand_over(&h, &method, &v, span);
                match (keeps_temporaries, &self.annotation) {
                    // The value as a field of `Handed<Item>`, an expected type for it, so that
                    // an item of another type is rustc's error on the value.
                    (true, Some(item)) => {
                        let handed = quote!(::gen_core::__private::Handed);
                        quote_spanned! {span=>
                            match (#handed::<#item> { value: #value }) {
                                #handed { value: #v } => { #hand_over }
                            }
                        }
                    }
                    (true, None) => quote_spanned!(span=> match #value { #v => { #hand_over } }),
                    (false, _) => quote_spanned!(span=> { let #v #ty = #value; #hand_over }),
                }
            }
            YieldKind::From
                if self.from_method == "yield_from_iter"
                    && (self.annotation.is_some() || self.sink.is_some()) =>
            {
                // Desugar `yield_from!(e)` into `for item in e { let v: Item = item;
                // h.yield_(v).await }`: an item of another type is one error, at `e`, as in a
                // flat generator (a bound on the item type would be reported three times).
                let at = value.clone().into_iter().next().map_or(span, |t| t.span());
                let item = Ident::new("__gen_item", Span::mixed_site().located_at(at));
                let v = Ident::new("__gen_v", Span::mixed_site());
                let ty = self.annotation.as_ref().map(|ty| quote!(: #ty));
                let method = Ident::new("yield_", span);
                let hand_over = self.hand_over(&h, &method, &v, span);
                quote_spanned! {span=>
                    for #item in #value { let #v #ty = #item; #hand_over; }
                }
            }
            YieldKind::From if self.from_method == "yield_from" => {
                // Desugar `yield_from!(e)` (a stream) into `match e { s => h.yield_from(s,
                // poll_source::<_, Item>).await }`: the check that `e` is a stream of the
                // items is `poll_source`'s bound, one error where it is named, on `e` (a bound
                // of `yield_from` would be three). The call and its `.await` stand at `e` too,
                // the handle in parentheses (rustc places the call's own report of that bound
                // by its receiver, which must not carry the expansion's context), so rustc
                // reports the same error there and prints it once. The `match` keeps `e`'s
                // temporaries as long as the statement's.
                let at = value.clone().into_iter().next().map_or(span, |t| t.span());
                let source = Ident::new("__gen_source", Span::mixed_site());
                let item = self
                    .annotation
                    .as_ref()
                    .map(|ty| quote_spanned!(at=> ::<_, #ty>));
                let step = quote_spanned!(at=> ::gen_core::__private::poll_source #item);
                let method = Ident::new(self.from_method, at);
                let h = handle(at);
                let h = quote_spanned!(at=> (#h));
                quote_spanned! {at=>
                    match #value { #source => #h.#method(#source, #step).await }
                }
            }
            YieldKind::From => {
                let method = Ident::new(self.from_method, span);
                quote_spanned!(span=> #h.#method(#value).await)
            }
        }
    }

    /// Desugar `return` (no value) into `return Ok(())` in a fallible body.
    fn return_tokens(span: Span) -> TokenStream {
        quote_spanned!(span=> return ::core::result::Result::Ok(()))
    }

    /// Rewrites the yields inside another macro's input, which the parser could not see:
    /// `yield_!(e)`, `yield_from!(e)`, `yield e` (and `return` in a fallible body).
    fn rewrite_tokens(&self, tokens: TokenStream) -> TokenStream {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out = TokenStream::new();
        let mut i = 0;
        while i < trees.len() {
            let after_path =
                i > 0 && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == ':');
            // A nested `iter!`/`stream!` (also path-qualified) owns the yields inside it.
            if let TokenTree::Ident(ident) = &trees[i]
                && let (Some(TokenTree::Punct(bang)), Some(TokenTree::Group(_))) =
                    (trees.get(i + 1), trees.get(i + 2))
                && bang.as_char() == '!'
                && is_nested_generator(Some(ident))
            {
                out.extend(trees[i..i + 3].iter().cloned());
                i += 3;
                continue;
            }
            match &trees[i] {
                TokenTree::Ident(ident) if !after_path => {
                    let name = ident.to_string();
                    let kind = match name.as_str() {
                        "yield_" => Some(YieldKind::One),
                        "yield_from" => Some(YieldKind::From),
                        _ => None,
                    };
                    if let (Some(kind), Some(TokenTree::Punct(bang)), Some(TokenTree::Group(args))) =
                        (kind, trees.get(i + 1), trees.get(i + 2))
                        && bang.as_char() == '!'
                    {
                        let value = self.rewrite_tokens(args.stream());
                        let value = if value.is_empty() { quote!(()) } else { value };
                        out.extend(self.yield_tokens(kind, ident.span(), value));
                        i += 3;
                        continue;
                    }
                    if name == "yield" {
                        let rest: TokenStream = trees[i + 1..].iter().cloned().collect();
                        if let Some(tokens) = self.keyword_yield(ident.span(), rest) {
                            out.extend(tokens);
                            return out;
                        }
                    }
                    if name == "return" && self.fallible && ends_expression(trees.get(i + 1)) {
                        out.extend(Self::return_tokens(ident.span()));
                        i += 1;
                        continue;
                    }
                    if name == "return"
                        && let Some(label) = &self.parked
                        && ends_expression(trees.get(i + 1))
                    {
                        out.extend(quote_spanned!(ident.span()=> break #label));
                        i += 1;
                        continue;
                    }
                    out.extend([trees[i].clone()]);
                }
                TokenTree::Group(group) => {
                    let mut new =
                        Group::new(group.delimiter(), self.rewrite_tokens(group.stream()));
                    new.set_span(group.span());
                    out.extend([TokenTree::Group(new)]);
                }
                other => out.extend([other.clone()]),
            }
            i += 1;
        }
        out
    }

    /// `yield <expr> <rest>` inside macro input: the rest is rewritten first, then the longest
    /// expression is taken from its front. `None` when no expression parses there.
    fn keyword_yield(&self, span: Span, rest: TokenStream) -> Option<TokenStream> {
        let rest = self.rewrite_tokens(rest);
        let split = |input: ParseStream<'_>| {
            let value = if input.is_empty() || input.peek(Token![,]) || input.peek(Token![;]) {
                quote!(())
            } else {
                input.parse::<Expr>()?.into_token_stream()
            };
            Ok((value, input.parse::<TokenStream>()?))
        };
        let (value, rest) = split.parse2(rest).ok()?;
        let mut out = self.yield_tokens(YieldKind::One, span, value);
        out.extend(rest);
        Some(out)
    }
}

/// `x`, `1`, `self.count`, `&x`, `x as u64`: an operand that makes no temporary, whose item
/// type check stays on a `let` (rustc then labels the item type "expected due to this").
fn makes_no_temporary(e: &Expr) -> bool {
    match e {
        Expr::Path(_) | Expr::Lit(_) => true,
        Expr::Field(f) => makes_no_temporary(&f.base),
        Expr::Reference(r) => makes_no_temporary(&r.expr),
        Expr::Cast(c) => makes_no_temporary(&c.expr),
        Expr::Paren(p) => makes_no_temporary(&p.expr),
        Expr::Unary(u) => makes_no_temporary(&u.expr),
        _ => false,
    }
}

/// A nested `iter! { .. }`/`stream! { .. }` is a generator of its own: its yields and
/// `return`s are left to its own expansion.
fn is_nested_generator(name: Option<&Ident>) -> bool {
    name.is_some_and(|name| name == "iter" || name == "stream")
}

/// Whether the token after `return` ends it (so it returns no value).
fn ends_expression(next: Option<&TokenTree>) -> bool {
    match next {
        None => true,
        Some(TokenTree::Punct(p)) => matches!(p.as_char(), ';' | ','),
        Some(_) => false,
    }
}

impl VisitMut for Rewrite {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        match expr {
            // Desugar `yield e` into `yield_.yield_(e).await`, and the "from" form
            // into `yield_.yield_from(e).await` (`yield_from_iter` if sync).
            Expr::Yield(yield_expr) => {
                let kind = yield_kind(yield_expr);
                let span = yield_expr.yield_token.span;
                let mut value = yield_value(yield_expr);
                self.visit_expr_mut(&mut value);
                let attrs: Vec<_> = crate::analyze::yield_attrs(yield_expr).cloned().collect();
                let code = self.yield_tokens(kind, span, value.into_token_stream());
                // `identity(..)` from the user's `yield_` to the end of the user's call: a lint
                // on the whole yield (an unreachable statement) spans it, and the user's `;`
                // after it follows a call, not a block.
                let end = crate::analyze::yield_end(yield_expr).unwrap_or(span);
                let mut call = proc_macro2::Group::new(proc_macro2::Delimiter::Parenthesis, code);
                call.set_span(end);
                let code = quote_spanned!(span=> ::core::convert::identity #call);
                *expr = Expr::Verbatim(quote!(#(#attrs)* #code));
            }
            // Desugar `return;` into `return Ok(());` when the body returns `Result<(), E>`.
            Expr::Return(ret) if self.fallible && ret.expr.is_none() => {
                *expr = Expr::Verbatim(Self::return_tokens(ret.return_token.span));
            }
            // Desugar `return;` of an `iter!` body that parks into `break 'b;` (see
            // `park_label`).
            Expr::Return(ret) if self.parked.is_some() && ret.expr.is_none() => {
                let label = &self.parked;
                *expr = Expr::Verbatim(quote_spanned!(ret.return_token.span=> break #label));
            }
            // Their own `return`s, and no yields (`analyze` rejected those).
            Expr::Closure(_) | Expr::Async(_) => {}
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    fn visit_item_mut(&mut self, _: &mut Item) {}

    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if !is_nested_generator(mac.path.segments.last().map(|s| &s.ident)) {
            mac.tokens = self.rewrite_tokens(std::mem::take(&mut mac.tokens));
        }
    }
}

mod fold_copy;
#[cfg(test)]
mod tests;
