//! The internal-iteration copy of the body: the IR printed as a plain loop in which a yield
//! calls the fold callback (`Iterator::fold` on a generator that has not started runs it).
//!
//! Desugar `yield_!(v)` into `sink(v)`, `e?` into
//! `match e { Ok(v) => v, Err(e) => break 'fold Some(Err(From::from(e))) }` (the error reaches
//! the consumer after the body's locals are dropped, as through `next()`) and `return;` into
//! `return true` (the fold closure ran the body; `return None` in an `iter!`'s one closure). Closures, async blocks and nested items keep their own meaning.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};

use super::ir::{Ir, LoopId, MarkId, Place, ScopeId, Use};
use super::items::Items;
use super::names;
use super::print::{Context, Printer};

/// Whether a copy of `block` may yield a value of another type than the original: the item
/// type is not written out (`impl Fn(u32) -> u32`, `impl Future`, an `iter!` block) and the
/// body makes a closure or an `async` block, whose every copy is a type of its own
/// (`yield_!(move |x| x + i)`, `yield_!(v.iter().map(|x| x * k))`). Such a body gets no copy.
pub(crate) fn copy_may_change_the_item_type(func: &crate::parse::GenFn) -> bool {
    use syn::visit::Visit;
    struct Find(bool);
    impl Visit<'_> for Find {
        fn visit_expr_closure(&mut self, _: &syn::ExprClosure) {
            self.0 = true;
        }
        fn visit_expr_async(&mut self, _: &syn::ExprAsync) {
            self.0 = true;
        }
        fn visit_item(&mut self, _: &syn::Item) {}
    }
    if func.item_ty.is_some() {
        return false;
    }
    let mut find = Find(false);
    find.visit_block(&func.block);
    find.0
}

struct Fold<'a> {
    ir: &'a Ir,
    items: &'a Items,
    item_ty: Option<syn::Type>,
    /// Whether the copy is in an `iter!`'s one closure (which returns `None` once the copy
    /// ran; a `#[generator]` function's fold closure returns `true`).
    inline: bool,
}

/// `if matches!(*st, S0(..)) { let S0(args) = take(st); <args> <body> return true; }`
/// (`return None` in an `iter!`).
pub(crate) fn fold_path(
    ir: &Ir,
    items: &Items,
    item_ty: Option<syn::Type>,
    rebind: TokenStream,
    pattern: TokenStream,
) -> TokenStream {
    let fold = Fold {
        ir,
        items,
        item_ty,
        inline: ir.inline,
    };
    let ran = fold.ran(Span::mixed_site());
    let mut printer = Printer::new(ir, fold);
    let body = printer.block(&ir.root);
    let (sink, st, done) = (names::sink(), names::st_place(), names::done());
    let (ty, s0) = (names::state_enum(), names::variant(0));
    let (label, error) = (names::fold_label(), names::err());
    // Desugar the copy into a closure of its own, run at once, that captures the arguments
    // (`return run_once(move || { <args> <body> });`): its type names no state. Inside a
    // closure whose signature names the state, rustc cannot prove that an opaque type the
    // state holds outlives a borrow of the copy's own value of it (`match (a.peek(), 0)` of
    // `let mut a = evens(v).peekable();`: "`evens::{opaque#0}` does not live long enough").
    let ran_block = quote! {
        {
            let #error = #label: {
                #rebind
                #body
                // Unreachable when the body never ends: glue.
                #[allow(unreachable_code)]
                { break #label (::core::option::Option::None) };
            };
            #[allow(unreachable_code)]
            {
                if let ::core::option::Option::Some(#error) = #error {
                    #sink(#error);
                }
                #ran
            }
        }
    };
    // (An `iter!`'s copy captures what the block captured by reference where it can: its
    // one closure is an `FnMut`, which cannot give its captures away.)
    let mover = (!ir.inline).then(|| quote!(move));
    let call =
        quote_spanned!(Span::mixed_site()=> ::gen_core::__private::run_once(#mover || #ran_block));
    quote! {
        if ::core::matches!(#st, #ty::#s0(..)) {
            let #pattern = ::core::mem::replace(&mut #st, #ty::#done) else {
                ::core::unreachable!()
            };
            return #call;
        }
    }
}

impl Fold<'_> {
    /// What the closure returns once the copy ran.
    fn ran(&self, span: Span) -> TokenStream {
        if self.inline {
            quote_spanned!(span=> ::gen_core::__private::finished())
        } else {
            quote_spanned!(span=> true)
        }
    }
}

impl Context for Fold<'_> {
    fn place(&mut self, _: &Place, _: Use, _: usize) -> Option<TokenStream> {
        None
    }

    fn assign(&mut self, _: &Place, _: TokenStream, _: usize) -> Option<TokenStream> {
        None
    }

    fn yield_(&mut self, value: TokenStream, _from: bool, span: Span, end: Span) -> TokenStream {
        // The operand's temporaries end before the consumer runs, as after `next()`.
        let (mut v, sink) = (names::v(), names::sink());
        // At the value: an item of another type than the first is reported there.
        let at = value.clone().into_iter().next().map_or(span, |t| t.span());
        v.set_span(v.span().located_at(at));
        let ty = self.item_ty.as_ref().map(|ty| quote!(: #ty));
        // The yield's own value, `()`, is the call's, on the user's `yield_` (where a type
        // error on it points: `let y: u32 = yield_!(1);`).
        let mut sink = sink;
        sink.set_span(sink.span().located_at(span));
        // `resumed(..)`, from the user's `yield_` to the end of the user's call: an error on
        // the whole yield (an unreachable statement, a `match` arm after it, a `let` of
        // another type) spans it, as the state machine's value does (`emit::stmts::tail`).
        // Desugar into a deferred initialisation (`let v: Item; v = value;`): a move out of a
        // borrow in the value gets rustc's `.clone()` help, as an argument does in the plain
        // function, where `let v: Item = value;` would suggest borrowing the value.
        let item = typed_item(&v, self.item_ty.is_none() && self.inline);
        let call = quote_spanned!(span=> { let #v #ty; #v = #value; #sink(#item) });
        let mut args = proc_macro2::Group::new(proc_macro2::Delimiter::Parenthesis, call);
        args.set_span(end);
        quote_spanned!(span=> ::gen_core::__private::resumed #args)
    }

    fn try_(&mut self, inner: TokenStream, question: Span) -> TokenStream {
        let (ok, err, label) = (names::ok(), names::err(), names::fold_label());
        let error = super::emit::glue::yielded_error(&err, self.item_ty.as_ref(), question);
        quote_spanned! {question=>
            match ::gen_core::checks::question_mark(#inner) {
                ::core::result::Result::Ok(#ok) => #ok,
                ::core::result::Result::Err(#err) => {
                    // Parenthesized: `'label ::path` would read as `'label:`.
                    break #label (::core::option::Option::Some(#error));
                }
            }
        }
    }

    fn return_(&mut self, span: Span) -> TokenStream {
        let ran = self.ran(span);
        quote_spanned!(span=> return #ran)
    }

    fn return_error(&mut self, value: TokenStream, span: Span) -> TokenStream {
        // Desugar `return Err(e)` into the error as the last item, as `?` delivers it.
        let (label, v) = (names::fold_label(), names::v());
        let ty = self.item_ty.as_ref().map(|ty| quote!(: #ty));
        quote_spanned! {span=>
            break #label (::core::option::Option::Some({ let #v #ty = #value; #v }))
        }
    }

    fn jump(
        &mut self,
        _: LoopId,
        _: bool,
        _: Option<TokenStream>,
        _: MarkId,
        _: Span,
    ) -> Option<TokenStream> {
        None
    }

    fn block_prelude(&mut self, scope: ScopeId) -> TokenStream {
        self.items.prelude(scope)
    }

    fn declared(&mut self, _: &[super::ir::BindingId]) -> usize {
        0
    }

    fn forget(&mut self, _: usize) {}

    fn exact(&self) -> bool {
        true
    }

    /// Desugar the end of `let v = <init>;`, whose value the state machine hands to join
    /// `join`, into a tie of `v`'s type to the join's value in the state: `if false { if let
    /// S<join> { 0: j, .. } = &*st { same_type(j, &v) } }`. This copy is type-checked first
    /// (`FlatGen::new`), so the state machine stores each branch's value as the plain
    /// function's `let` receives it (coerced to a common type: two functions, a function
    /// pointer), and when the `let`'s value is a type error here (`if` and `else` of two
    /// types), rustc reports it once, here, and not again where the machine stores it.
    /// Desugar a pattern's one hidden part back into the user's `_` (`if let Some(__gen_p0)
    /// = v.pop()` into `if let Some(_) = v.pop()`, `unbound_parts.rs`): nothing else in this
    /// copy names it, and lints on the user's pattern (`redundant_pattern_matching`,
    /// `single_match`) then see it as written. (Several parts are re-bound by name.)
    fn pat(&mut self, pat: &syn::Pat, _: &[super::ir::BindingId]) -> TokenStream {
        let tokens = pat.to_token_stream();
        if hidden_parts(tokens.clone()) == 1 {
            wildcard_restored(tokens)
        } else {
            tokens
        }
    }

    fn joined(&mut self, join: super::ir::StateId, binding: super::ir::BindingId) -> TokenStream {
        let at = Span::mixed_site();
        let (ty, variant, st) = (names::state_enum(), names::variant(join), names::st_place());
        let name = &self.ir.bindings[binding].ident;
        let j = syn::Ident::new("__gen_joined", at);
        quote_spanned! {at=>
            if false {
                if let #ty::#variant { 0: #j, .. } = &#st {
                    ::gen_core::__private::same_type(#j, &#name);
                }
            }
        }
    }
}

/// How many hidden parts (`unbound_parts.rs`) `tokens` bind, those a `ref` binding borrows
/// included.
fn hidden_parts(tokens: TokenStream) -> usize {
    tokens
        .into_iter()
        .map(|t| match t {
            proc_macro2::TokenTree::Ident(i) => usize::from(
                super::unbound_parts::is_hidden_part(&i)
                    || super::unbound_parts::is_borrowed_part(&i),
            ),
            proc_macro2::TokenTree::Group(g) => hidden_parts(g.stream()),
            _ => 0,
        })
        .sum()
}

/// `tokens` with each hidden part written back as `_`, where the user wrote it.
fn wildcard_restored(tokens: TokenStream) -> TokenStream {
    tokens
        .into_iter()
        .map(|t| match t {
            proc_macro2::TokenTree::Ident(i) if super::unbound_parts::is_hidden_part(&i) => {
                syn::token::Underscore(i.span()).into_token_stream()
            }
            proc_macro2::TokenTree::Group(g) => {
                let mut group =
                    proc_macro2::Group::new(g.delimiter(), wildcard_restored(g.stream()));
                group.set_span(g.span());
                group.into_token_stream()
            }
            other => other.into_token_stream(),
        })
        .collect()
}

/// The item a yield hands over: `v`, or in an `iter!` block, whose item type only its first
/// yield fixes, desugar into `ItemOf { ty: item_type, value: v }.value`: an item of another
/// type is one plain "mismatched types" at the value, the same in the fold copy and the
/// state machine, which rustc prints once.
pub(crate) fn typed_item(v: &proc_macro2::Ident, inline_untyped: bool) -> TokenStream {
    if !inline_untyped {
        return quote!(#v);
    }
    let ty = names::item_type();
    quote!(::gen_core::__private::ItemOf { ty: #ty, value: #v }.value)
}
