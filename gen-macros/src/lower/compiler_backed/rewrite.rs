//! The yields (and `return;`) of a compiler-backed body, rewritten into awaits on the
//! generator's handle (or, in the plain copy of a `boxed` body, calls of its sink).

use proc_macro2::{Group, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::{ParseStream, Parser};
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Item, Token, Type};

use super::handle;
use crate::analyze::{YieldKind, yield_kind, yield_value};

/// Rewrites the yields (and, in a fallible body, `return;`) of the generator's own level.
pub(super) struct Rewrite {
    /// The item type, when it can be written in the body.
    pub(super) annotation: Option<Type>,
    /// `yield_from` (a `Stream`) or `yield_from_iter` (an `IntoIterator`).
    pub(super) from_method: &'static str,
    /// The body returns `Result<(), E>`.
    pub(super) fallible: bool,
    /// The plain copy of a boxed body (`fold_copy.rs`): a yield calls this sink.
    pub(super) sink: Option<Ident>,
    /// The label of the block around an `iter!` body lowered `boxed`, which `return;` leaves
    /// (see [`park_label`]).
    pub(super) parked: Option<syn::Lifetime>,
}

/// The label of the block that holds an `iter!` body lowered `boxed` when the body ends by
/// parking (`lower`): `return;` leaves that block instead of the body future.
pub(super) fn park_label() -> syn::Lifetime {
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
            // Desugar the item of a `stream!`, whose type only its first yield fixes, into
            // `ItemOf { ty: h.item_type(), value: v }.value`: an item of another type is one
            // plain "mismatched types" at the value, not about `yield_`'s arguments.
            None if self.annotation.is_none() => {
                let item = quote_spanned!(span=> ::gen_core::__private::ItemOf {
                    ty: #h.item_type(),
                    value: #v,
                }.value);
                quote_spanned!(span=> #h.#method(#item).await)
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
                // At the value: an item of another type than the first is reported there,
                // not on the whole block.
                // (Not for an IDE, which would take the hidden local for the user's token.)
                let at = value.clone().into_iter().next().map_or(span, |t| t.span());
                let v = match crate::ide::for_an_ide() {
                    true => Ident::new("__gen_v", Span::mixed_site()),
                    false => Ident::new("__gen_v", Span::mixed_site().located_at(at)),
                };
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
                    // Deferred (`let v: Item; v = value;`): a move out of a borrow in the
                    // value gets no suggestion to borrow it (an item of another type).
                    (false, _) => quote_spanned!(span=> { let #v #ty; #v = #value; #hand_over }),
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
            // Desugar `e?` into `question_mark(e)?` when the body returns `Result<(), E>`: the
            // same `?` on a `Result`, and on anything else (an `Option`) the generator's own
            // error, naming `.ok_or(..)`, not rustc's about an `async` block's `Result<(), _>`.
            Expr::Try(t) if self.fallible => {
                self.visit_expr_mut(&mut t.expr);
                let q = t.question_token.span;
                let inner = &t.expr;
                let check = quote_spanned!(q=> ::gen_core::checks::question_mark);
                *expr = Expr::Verbatim(quote_spanned!(q=> #check(#inner)?));
            }
            // Desugar `return;` into `return Ok(());` when the body returns `Result<(), E>`.
            Expr::Return(ret) if self.fallible && ret.expr.is_none() => {
                *expr = Expr::Verbatim(Self::return_tokens(ret.return_token.span));
            }
            // Desugar `return e;` into `return body_return::<Item>(e);` when the body returns
            // `Result<(), E>` and its item type can be written: `e` is checked against the
            // body's type, as a function's `return e` against its return type (rustc infers
            // an `async` block's output from its `return`s, so `Err(e)` of another error type
            // was a mismatch on the whole block, at `#[generator]`).
            Expr::Return(ret) if self.fallible && self.annotation.is_some() => {
                if let Some(value) = ret.expr.as_mut() {
                    self.visit_expr_mut(value);
                    let item = &self.annotation;
                    let span = ret.return_token.span;
                    let value = &*value;
                    let check = quote_spanned!(span=> ::gen_core::checks::body_return::<#item>);
                    *expr = Expr::Verbatim(quote_spanned!(span=> return #check(#value)));
                }
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
