//! Scope-aware checks and normalization of a generator body, before any lowering.
//!
//! Desugar `yield_!(e)` (and the keyword `yield e`) into `Expr::Yield`, and `yield_from!(e)`
//! into an `Expr::Yield` marked as "from" (see [`YieldKind`]); rename `self` to a hygienic
//! local; reject, with an error on the user's token, every yield the generator cannot see or
//! cannot suspend at (closures, async blocks, nested items, other macros' input in a flat
//! generator), `.await` in a sync generator, `return expr`, `?` without a `Result` item, and
//! identifiers in the reserved `__gen_` namespace.

mod macro_input;
mod self_in_macros;

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use syn::visit_mut::{self, VisitMut};
use syn::{Attribute, Block, Expr, ExprYield, Ident, Item, Macro, parse_quote};

use crate::error::{Errors, format_err};
use crate::parse::self_ident;

/// How the body will be lowered, which decides what is allowed in it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lowering {
    /// Sync, flat state machine: every yield must be visible.
    Flat,
    /// Sync, compiler-backed (`boxed`).
    Boxed,
    /// Async, compiler-backed.
    Stream,
}

/// `yield_!(e)` / `yield e`, or `yield_from!(e)`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum YieldKind {
    One,
    From,
}

const FROM_MARKER: &str = "__gen_yield_from";
const END_MARKER: &str = "__gen_yield_end";

/// Reads the kind of a normalized yield.
pub(crate) fn yield_kind(expr: &ExprYield) -> YieldKind {
    if expr.attrs.iter().any(|a| a.path().is_ident(FROM_MARKER)) {
        YieldKind::From
    } else {
        YieldKind::One
    }
}

/// `yield_from!(e)` as the `yield_!(item)` of each item of `e`: the yield with `item` for its
/// value and without the mark of a `yield_from!`.
pub(crate) fn yield_one_of(expr: &ExprYield, item: Expr) -> ExprYield {
    let mut one = expr.clone();
    one.attrs.retain(|a| !a.path().is_ident(FROM_MARKER));
    one.expr = Some(Box::new(item));
    one
}

/// The user's attributes on a normalized yield (`#[cfg(..)] yield_!(x);`), which stay on the
/// code it becomes.
pub(crate) fn yield_attrs(expr: &ExprYield) -> impl Iterator<Item = &Attribute> {
    expr.attrs
        .iter()
        .filter(|a| !a.path().is_ident(FROM_MARKER) && !a.path().is_ident(END_MARKER))
}

/// The span of a normalized `yield_!(..)`'s closing delimiter (`None` for the keyword form).
pub(crate) fn yield_end(expr: &ExprYield) -> Option<proc_macro2::Span> {
    let end = expr.attrs.iter().find(|a| a.path().is_ident(END_MARKER))?;
    end.path().get_ident().map(Ident::span)
}

/// The yielded expression of a normalized yield (`()` when none was written).
pub(crate) fn yield_value(expr: &ExprYield) -> Expr {
    expr.expr
        .as_deref()
        .cloned()
        .unwrap_or_else(|| parse_quote!(()))
}

/// Normalizes `block` in place and reports every misuse found.
pub(crate) fn normalize(
    block: &mut Block,
    lowering: Lowering,
    item_is_result: bool,
    rename_self: bool,
) -> syn::Result<()> {
    let mut visitor = Normalize {
        expression_form: false,
        lowering,
        item_is_result,
        rename_self,
        context: Context::Body,
        nested_generator: false,
        errors: Errors::default(),
        only_flat_rejects: None,
        reserved_names: Vec::new(),
    };
    visitor.visit_block_mut(block);
    visitor.finish()
}

/// [`normalize`] for the body of `iter! { .. }`/`stream! { .. }`, which allows `?` (its item
/// type is inferred). The flat lowering renames `self` (`parse::self_ident`) and captures it
/// like any other local; the compiler-backed one captures `self` as it is.
pub(crate) fn normalize_expression(block: &mut Block, lowering: Lowering) -> syn::Result<()> {
    let mut visitor = Normalize {
        expression_form: true,
        lowering,
        item_is_result: true,
        rename_self: lowering == Lowering::Flat,
        context: Context::Body,
        nested_generator: false,
        errors: Errors::default(),
        only_flat_rejects: None,
        reserved_names: Vec::new(),
    };
    visitor.visit_block_mut(block);
    visitor.finish()
}

/// Where the visitor is, relative to the generator's own body.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Body,
    Closure,
    AsyncBlock,
    NestedItem,
}

struct Normalize {
    /// The body of `iter! { .. }` (`stream! { .. }` awaits).
    expression_form: bool,
    lowering: Lowering,
    item_is_result: bool,
    rename_self: bool,
    context: Context,
    /// Inside the input of a nested `iter!`/`stream!`.
    nested_generator: bool,
    errors: Errors,
    /// Whether every error so far is one only the flat lowering reports (a yield inside
    /// another macro's input): `None` before the first error.
    only_flat_rejects: Option<bool>,
    /// The reserved names already reported (each once, at its first use).
    reserved_names: Vec<String>,
}

impl Normalize {
    /// Records an error any lowering reports.
    fn error(&mut self, error: syn::Error) {
        self.only_flat_rejects = Some(false);
        self.errors.push(error);
    }

    /// Records an error of the flat lowering's own, which `#[generator(boxed)]` does not
    /// report.
    fn flat_error(&mut self, error: syn::Error) {
        self.only_flat_rejects.get_or_insert(true);
        self.errors.push(error);
    }

    /// The errors; and, for the flat lowering, whether the body is to be lowered `boxed`
    /// instead (every error is the flat lowering's own, `lower::flat::boxed_instead`).
    fn finish(self) -> syn::Result<()> {
        if self.lowering == Lowering::Flat {
            crate::lower::flat::lower_boxed_instead(self.only_flat_rejects == Some(true));
        }
        self.errors.finish()
    }

    fn within(&mut self, context: Context, f: impl FnOnce(&mut Self)) {
        let outer = std::mem::replace(&mut self.context, context);
        f(self);
        self.context = outer;
    }

    fn at_body_level(&self) -> bool {
        self.context == Context::Body
    }

    fn place(&self) -> &'static str {
        match self.context {
            Context::Body => "here",
            Context::Closure => "inside a closure",
            Context::AsyncBlock => "inside an `async` block",
            Context::NestedItem => "inside a nested function or item",
        }
    }

    fn reserved(&mut self, ident: &Ident) {
        let name = ident.to_string();
        if self.reserved_names.contains(&name) {
            return;
        }
        let fix = match name.trim_start_matches("__gen_") {
            "" => "gen".to_string(),
            rest if rest.starts_with(|c: char| c.is_ascii_digit()) => format!("v{rest}"),
            rest => rest.to_string(),
        };
        self.error(format_err!(
            ident,
            "identifiers starting with `__gen_` are reserved for the generator's state machine; \
             rename `{name}` (`{fix}`, for one)"
        ));
        self.reserved_names.push(name);
    }
}

impl VisitMut for Normalize {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if let Expr::Repeat(r) = expr {
            inline_const_length(&mut r.len);
        }
        match expr {
            Expr::Macro(mac) => {
                let kind = match mac.mac.path.segments.last() {
                    Some(s) if s.ident == "yield_" => Some(YieldKind::One),
                    Some(s) if s.ident == "yield_from" => Some(YieldKind::From),
                    _ => None,
                };
                if let Some(kind) = kind {
                    if let Some(mut desugared) = self.desugar_yield_macro(&mac.mac, kind) {
                        // The statement's own attributes (`#[cfg(..)]`) stay on it.
                        if let Expr::Yield(y) = &mut desugared {
                            y.attrs.splice(0..0, mac.attrs.iter().cloned());
                        }
                        *expr = desugared;
                    }
                    return;
                }
            }
            // The keyword in a function: rustc rejects it as unstable before the macro runs.
            Expr::Yield(yield_expr) if !self.expression_form && self.at_body_level() => {
                self.error(format_err!(
                    yield_expr.yield_token,
                    "the `yield` keyword is unstable syntax in a function body (only `iter!` and \
                     `stream!` blocks accept it); write `yield_!(value)`"
                ));
                return;
            }
            // Desugar a bare `yield` into `yield ()`, as rustc's coroutines read it.
            Expr::Yield(yield_expr) if yield_expr.expr.is_none() => {
                let span = yield_expr.yield_token.span;
                yield_expr.expr = Some(Box::new(syn::parse_quote_spanned!(span=> ())));
                self.visit_expr_mut(expr);
            }
            Expr::Yield(yield_expr) if !self.at_body_level() => {
                let place = self.place();
                self.error(format_err!(
                    yield_expr.yield_token,
                    "`yield` may not be used {place}; a yield suspends the generator itself, so \
                     it must be written directly in the generator's body"
                ));
            }
            // `self` is renamed in closures and nested generators too (they capture it), not
            // in nested items (their `self` is their own).
            Expr::Path(path)
                if self.rename_self
                    && self.context != Context::NestedItem
                    && path.qself.is_none()
                    && path.path.is_ident("self") =>
            {
                let span = path.path.segments[0].ident.span();
                *expr = Expr::Path(syn::ExprPath {
                    attrs: std::mem::take(&mut path.attrs),
                    qself: None,
                    path: self_ident(span).into(),
                });
                return;
            }
            Expr::Closure(_) => {
                return self.within(Context::Closure, |v| visit_mut::visit_expr_mut(v, expr));
            }
            Expr::Async(_) => {
                return self.within(Context::AsyncBlock, |v| visit_mut::visit_expr_mut(v, expr));
            }
            Expr::Await(await_expr)
                if self.at_body_level() && self.lowering != Lowering::Stream =>
            {
                let fix = if self.expression_form {
                    "write `stream! { .. }` instead of `iter! { .. }`"
                } else {
                    "declare the return type as `impl Stream<Item = T>` to write one"
                };
                self.error(format_err!(
                    await_expr.await_token,
                    "`.await` is only allowed in an async generator; {fix}"
                ));
            }
            // In a generator of `Result` items, as in a function returning `Result<(), E>`:
            // desugar `return Ok(())` into `return`; `return Err(e)` ends the generator with
            // the error as its last item, as `Err(e)?` does (without converting it).
            Expr::Return(ret)
                if self.at_body_level()
                    && self.item_is_result
                    && ret.expr.as_deref().is_some_and(is_ok_unit) =>
            {
                ret.expr = None;
            }
            // Desugar `return ();` into `return;`, as in a function returning `()`.
            Expr::Return(ret)
                if self.at_body_level()
                    && matches!(ret.expr.as_deref(), Some(Expr::Tuple(t)) if t.elems.is_empty()) =>
            {
                ret.expr = None;
            }
            Expr::Return(ret)
                if self.at_body_level()
                    && self.item_is_result
                    && ret.expr.as_deref().is_some_and(is_err_call) => {}
            Expr::Return(ret) if self.at_body_level() && ret.expr.is_some() => {
                let results = if self.item_is_result {
                    " (`return Err(e)` and `return Ok(())` end it as in a function returning \
                     `Result<(), E>`)"
                } else {
                    ""
                };
                self.error(format_err!(
                    ret,
                    "a generator cannot return a value{results}; yield it with `yield_!(..)` \
                     and then end the generator with `return;`"
                ));
            }
            Expr::Try(try_expr) if self.at_body_level() && !self.item_is_result => {
                self.error(format_err!(
                    try_expr.question_token,
                    "the `?` operator needs the generator's item to be a `Result` (the error \
                     is yielded as the last item): declare `Item = Result<T, E>`, or end the \
                     generator where there is no value with `let Some(x) = .. else {{ return; \
                     }}` (`let Ok(x) = ..` for a `Result`)"
                ));
            }
            _ => {}
        }
        visit_mut::visit_expr_mut(self, expr);
    }

    fn visit_stmt_mut(&mut self, stmt: &mut syn::Stmt) {
        // `yield_!(v);` as a statement is a `Stmt::Macro`: see it as the expression it is.
        if let syn::Stmt::Macro(mac) = stmt
            && mac
                .mac
                .path
                .segments
                .last()
                .is_some_and(|s| s.ident == "yield_" || s.ident == "yield_from")
        {
            let expr = Expr::Macro(syn::ExprMacro {
                attrs: mac.attrs.clone(),
                mac: mac.mac.clone(),
            });
            *stmt = syn::Stmt::Expr(expr, mac.semi_token);
        }
        visit_mut::visit_stmt_mut(self, stmt);
    }

    fn visit_macro_mut(&mut self, mac: &mut Macro) {
        // A nested `iter! { .. }`/`stream! { .. }` is a generator of its own: its yields are
        // its business (its own expansion checks them).
        let nested = mac
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "iter" || s.ident == "stream");
        let context = if nested {
            Context::Closure
        } else {
            self.context
        };
        let outer_checks = std::mem::replace(&mut self.nested_generator, nested);
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        let renames = self.rename_self && self.context != Context::NestedItem;
        let original = mac.tokens.clone();
        self.within(context, |v| {
            let rename_self = v.rename_self;
            v.rename_self &= !self_in_macros::keeps_self(&name);
            mac.tokens = v.visit_macro_tokens(std::mem::take(&mut mac.tokens));
            v.rename_self = rename_self;
        });
        if renames && name == "dbg" {
            if let Some(tokens) = self_in_macros::dbg_as_written(&original, mac.tokens.clone()) {
                let span = mac
                    .path
                    .segments
                    .last()
                    .map_or_else(proc_macro2::Span::call_site, |s| s.ident.span());
                mac.path = syn::parse_quote_spanned!(span=> ::gen_core::__dbg_as_written);
                mac.tokens = tokens;
            }
        } else if renames {
            let renamed_self = self_ident(proc_macro2::Span::call_site()).to_string();
            let renamed = std::mem::take(&mut mac.tokens);
            mac.tokens = self_in_macros::rewrite(&name, &original, renamed, &renamed_self);
        }
        self.nested_generator = outer_checks;
    }

    fn visit_item_mut(&mut self, item: &mut Item) {
        // A nested `#[generator] fn` is a generator of its own, expanded by its attribute.
        if let Item::Fn(f) = item
            && is_generator(&f.attrs)
        {
            return;
        }
        // A nested item is a different function: only look for yields that wrongly sit in it.
        self.within(Context::NestedItem, |v| visit_mut::visit_item_mut(v, item));
    }

    fn visit_impl_item_fn_mut(&mut self, f: &mut syn::ImplItemFn) {
        if !is_generator(&f.attrs) {
            visit_mut::visit_impl_item_fn_mut(self, f);
        }
    }

    fn visit_trait_item_fn_mut(&mut self, f: &mut syn::TraitItemFn) {
        if !is_generator(&f.attrs) {
            visit_mut::visit_trait_item_fn_mut(self, f);
        }
    }

    fn visit_ident_mut(&mut self, ident: &mut Ident) {
        if ident.to_string().starts_with("__gen_") {
            self.reserved(ident);
        }
    }
}

/// `#[generator]`, `#[gen_core::generator(..)]`: an item the attribute turns into a generator
/// of its own.
fn is_generator(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path()
            .segments
            .last()
            .is_some_and(|s| s.ident == "generator")
    })
}

/// `Ok(())`.
fn is_ok_unit(e: &Expr) -> bool {
    matches!(e, Expr::Call(c) if c.args.len() == 1
        && matches!(&*c.func, Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Ok"))
        && matches!(&c.args[0], Expr::Tuple(t) if t.elems.is_empty()))
}

/// `Err(e)`.
fn is_err_call(e: &Expr) -> bool {
    matches!(e, Expr::Call(c) if c.args.len() == 1
        && matches!(&*c.func, Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Err")))
}

/// Desugar an inline `const { .. }` repeat length (`[0u8; const { N + 1 }]`) into the block
/// `{ .. }`, the same constant: the generator's code runs inside a closure or an `async`
/// block, where rustc takes such a length for one that may depend on generic parameters
/// (the `const_evaluatable_unchecked` warning the plain function does not get).
fn inline_const_length(len: &mut Expr) {
    if let Expr::Const(c) = len
        && c.attrs.is_empty()
    {
        // A literal or a path alone, bare (in braces rustc's `unused_braces` would fire).
        *len = match c.block.stmts.as_slice() {
            [syn::Stmt::Expr(e @ (Expr::Lit(_) | Expr::Path(_)), None)] => e.clone(),
            _ => Expr::Block(syn::ExprBlock {
                attrs: Vec::new(),
                label: None,
                block: c.block.clone(),
            }),
        };
    }
}
