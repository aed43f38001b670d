//! `#[cfg]` on a `let` or on a statement that yields, in a generator that must stay flat.
//!
//! The macro runs before `cfg` is decided, and a flat state machine must know its locals and
//! states (`build/conditional.rs`): such a body is lowered `boxed` when it may be. A
//! generator that must stay flat (`+ Clone`, limit 8's signatures) is lowered once per
//! outcome of the predicates instead: desugar
//!
//! ```text
//! #[cfg(debug_assertions)] let _timer = Timer::start();  ..
//! ```
//! into
//! ```text
//! {
//!     #[cfg(debug_assertions)] let out = { <the body lowered with the `let`> };
//!     #[cfg(not(debug_assertions))] let out = { <the body lowered without it> };
//!     out
//! }
//! ```
//! and rustc keeps the one whose predicate holds. Up to [`MAX_PREDICATES`] distinct
//! predicates (each doubles the expansion); more keep the error.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::visit_mut::VisitMut;
use syn::{Attribute, Block, Stmt};

use crate::parse::GenFn;

/// The most distinct predicates lowered as variants.
const MAX_PREDICATES: usize = 3;

/// The body lowered once per outcome of its statements' `cfg` predicates, combined; `None`
/// when the body has no statement under `cfg` or too many predicates.
pub(crate) fn lower_variants(func: &GenFn, fold: bool) -> Option<syn::Result<TokenStream>> {
    let mut find = Predicates {
        found: Vec::new(),
        needed: false,
    };
    let mut probe = func.block.clone();
    find.visit_block_mut(&mut probe);
    let predicates = find.found;
    if !find.needed || predicates.len() > MAX_PREDICATES {
        return None;
    }
    let mut variants = Vec::new();
    for outcome in 0..(1usize << predicates.len()) {
        let holds = |i: usize| outcome & (1 << i) != 0;
        let mut block = func.block.clone();
        Keep {
            predicates: &predicates,
            holds: &holds,
        }
        .visit_block_mut(&mut block);
        let variant = GenFn {
            block,
            ..func.clone()
        };
        let lowered = match super::lower(&variant, fold) {
            Ok(tokens) => tokens,
            Err(e) => return Some(Err(e)),
        };
        let condition = predicates.iter().enumerate().map(|(i, p)| {
            if holds(i) {
                quote!(#p)
            } else {
                quote!(not(#p))
            }
        });
        variants.push(quote! {
            #[cfg(all(#(#condition),*))]
            let __gen_variant = { #lowered };
        });
    }
    Some(Ok(quote!({ #(#variants)* __gen_variant })))
}

/// The predicate of a `#[cfg(p)]` attribute.
fn predicate(attr: &Attribute) -> Option<TokenStream> {
    if !attr.path().is_ident("cfg") {
        return None;
    }
    attr.meta.require_list().ok().map(|l| l.tokens.clone())
}

/// The outer attributes of a statement (a `let`, an expression, an item or a macro).
fn attrs_mut(stmt: &mut Stmt) -> Option<&mut Vec<Attribute>> {
    match stmt {
        Stmt::Local(l) => Some(&mut l.attrs),
        Stmt::Macro(m) => Some(&mut m.attrs),
        Stmt::Expr(e, _) => expr_attrs(e),
        Stmt::Item(_) => None,
    }
}

fn expr_attrs(e: &mut syn::Expr) -> Option<&mut Vec<Attribute>> {
    use syn::Expr;
    match e {
        Expr::Call(x) => Some(&mut x.attrs),
        Expr::MethodCall(x) => Some(&mut x.attrs),
        Expr::Macro(x) => Some(&mut x.attrs),
        Expr::Assign(x) => Some(&mut x.attrs),
        Expr::If(x) => Some(&mut x.attrs),
        Expr::Match(x) => Some(&mut x.attrs),
        Expr::ForLoop(x) => Some(&mut x.attrs),
        Expr::While(x) => Some(&mut x.attrs),
        Expr::Loop(x) => Some(&mut x.attrs),
        Expr::Block(x) => Some(&mut x.attrs),
        Expr::Yield(x) => Some(&mut x.attrs),
        Expr::Await(x) => Some(&mut x.attrs),
        Expr::Binary(x) => Some(&mut x.attrs),
        Expr::Unary(x) => Some(&mut x.attrs),
        Expr::Paren(x) => Some(&mut x.attrs),
        Expr::Path(x) => Some(&mut x.attrs),
        Expr::Try(x) => Some(&mut x.attrs),
        Expr::Return(x) => Some(&mut x.attrs),
        Expr::Break(x) => Some(&mut x.attrs),
        Expr::Continue(x) => Some(&mut x.attrs),
        Expr::Tuple(x) => Some(&mut x.attrs),
        Expr::Field(x) => Some(&mut x.attrs),
        Expr::Index(x) => Some(&mut x.attrs),
        Expr::Unsafe(x) => Some(&mut x.attrs),
        _ => None,
    }
}

/// The distinct `cfg` predicates of the body's statements, in order (none inside closures,
/// `async` blocks or items, which keep their own code); `needed`: one is on a `let` or on a
/// statement that yields, which `build/conditional.rs` cannot lower.
struct Predicates {
    found: Vec<TokenStream>,
    needed: bool,
}

impl VisitMut for Predicates {
    fn visit_block_mut(&mut self, block: &mut Block) {
        for stmt in &mut block.stmts {
            let is_let = matches!(stmt, Stmt::Local(_));
            let yields = crate::expand::mentions_yield(stmt.to_token_stream());
            if let Some(attrs) = attrs_mut(stmt) {
                for p in attrs.iter().filter_map(predicate) {
                    self.needed |= is_let || yields;
                    if !self.found.iter().any(|q| q.to_string() == p.to_string()) {
                        self.found.push(p);
                    }
                }
            }
        }
        syn::visit_mut::visit_block_mut(self, block);
    }
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// Keeps each statement under `cfg` whose predicates hold in an outcome (without the
/// attribute) and removes the others.
struct Keep<'a> {
    predicates: &'a [TokenStream],
    holds: &'a dyn Fn(usize) -> bool,
}

impl Keep<'_> {
    fn keeps(&self, attrs: &mut Vec<Attribute>) -> bool {
        let mut kept = true;
        attrs.retain(|a| match predicate(a) {
            Some(p) => {
                let index = self
                    .predicates
                    .iter()
                    .position(|q| q.to_string() == p.to_string())
                    .expect("every predicate was collected");
                kept &= (self.holds)(index);
                false
            }
            None => true,
        });
        kept
    }
}

impl VisitMut for Keep<'_> {
    fn visit_block_mut(&mut self, block: &mut Block) {
        let stmts = std::mem::take(&mut block.stmts);
        for mut stmt in stmts {
            let kept = attrs_mut(&mut stmt).is_none_or(|attrs| self.keeps(attrs));
            if kept {
                block.stmts.push(stmt);
            }
        }
        syn::visit_mut::visit_block_mut(self, block);
    }
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}
