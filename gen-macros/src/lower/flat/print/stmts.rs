//! IR -> tokens for blocks and statements (`print.rs` prints expressions).

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::Expr as SynExpr;

use super::{Context, Printer};
use crate::lower::flat::ir::{Block, Expr, ExprKind, ItemRef, Stmt};

impl<C: Context> Printer<'_, C> {
    /// `{ <prelude> <statements> }`.
    pub(crate) fn block(&mut self, block: &Block) -> TokenStream {
        self.block_at(block, None)
    }

    /// `block` in braces, on the user's braces when `braces` is known.
    pub(super) fn block_at(&mut self, block: &Block, braces: Option<Span>) -> TokenStream {
        let mark = self.cx.declared(&[]);
        let inner = self.stmts(block);
        self.cx.forget(mark);
        let mut group = proc_macro2::Group::new(proc_macro2::Delimiter::Brace, inner);
        if let Some(span) = braces {
            group.set_span(span);
        }
        group.into_token_stream()
    }

    /// The statements of `block` (with its prelude), without braces.
    /// Whether `block` is `{ let t = e; match t { .. } }` of a scrutinee local the exact copy
    /// writes back into its `match`.
    pub(super) fn only_a_scrutinee_temp(&self, block: &Block) -> bool {
        match &block.stmts[..] {
            [
                Stmt::Let(l),
                Stmt::Expr {
                    semi: false, expr, ..
                },
            ] => {
                matches!(&l.bindings[..], [b] if self.ir.scrutinee_temps.contains(b))
                    && l.init.is_some()
                    && matches!(expr.kind, ExprKind::Match { .. })
            }
            _ => false,
        }
    }

    pub(crate) fn stmts(&mut self, block: &Block) -> TokenStream {
        let mut out = self.cx.block_prelude(block.scope);
        for stmt in &block.stmts {
            out.extend(self.stmt(block.scope, stmt));
        }
        out
    }

    pub(crate) fn stmt(
        &mut self,
        scope: crate::lower::flat::ir::ScopeId,
        stmt: &Stmt,
    ) -> TokenStream {
        match stmt {
            Stmt::Let(l) => {
                // Desugar `let t = e; match t { .. }` back into `match e { .. }` in the exact
                // copy (`Ir::scrutinee_temps`).
                if let ([binding], Some(init)) = (&l.bindings[..], &l.init)
                    && self.cx.exact()
                    && self.ir.scrutinee_temps.contains(binding)
                {
                    self.cx.declared(&l.bindings);
                    let mut value = self.expr(init);
                    // A struct literal as a scrutinee needs its parentheses back (`match (P {
                    // x: 1 }) { .. }`).
                    if matches!(
                        &init.kind,
                        ExprKind::Op {
                            syn: SynExpr::Struct(_),
                            ..
                        }
                    ) {
                        value = quote!((#value));
                    }
                    self.scrutinees.insert(*binding, value);
                    return TokenStream::new();
                }
                let init = l.init.as_ref().map(|i| self.expr(i));
                let diverge = l.diverge.as_ref().map(|d| self.braces_of_the_user(d));
                let (attrs, pat, span) = (&l.attrs, &l.pat, l.span);
                let init = init.map(|i| quote_spanned!(span=> = #i));
                let diverge = diverge.map(|d| quote_spanned!(span=> else #d));
                self.cx.declared(&l.bindings);
                let tie = match (l.join, &l.bindings[..]) {
                    (Some(join), [binding]) if l.tie && whole_binding(pat) => {
                        self.cx.joined(join, *binding)
                    }
                    _ => TokenStream::new(),
                };
                // The `;` on the initializer's last token: the statement then spans the
                // user's `let` to the end of its value, where rustc's suggestions about the
                // whole statement (`let .. else`) insert their text.
                let semi_at = match (&l.init, &l.diverge) {
                    (Some(init), None) => init.spans.1,
                    _ => span,
                };
                let semi = quote_spanned!(semi_at=> ;);
                quote_spanned!(span=> #(#attrs)* let #pat #init #diverge #semi #tie)
            }
            Stmt::Expr { expr, semi, .. } => {
                let e = self.expr(expr);
                // On the user's last token: a lint on the statement spans the user's code.
                let semi = semi.then(|| quote_spanned!(expr.spans.1=> ;));
                quote!(#e #semi)
            }
            Stmt::Item(ItemRef::Reusable(index)) => {
                let item = &self.ir.scopes[scope].reusable[*index].item;
                if crate::lower::flat::items::hoisted_use(self.ir, scope, item) {
                    TokenStream::new()
                } else if self.cx.exact() {
                    item.to_token_stream()
                } else {
                    crate::lower::flat::items::copy_of_import(item)
                }
            }
            // Declared once elsewhere (`items.rs`).
            Stmt::Item(ItemRef::Declared) => TokenStream::new(),
        }
    }

    /// An `else` block (of an `if` or a `let .. else`) on the user's braces: rustc's errors
    /// on the whole `if` and its "`else` clause of `let...else` does not diverge" point at
    /// them.
    pub(super) fn braces_of_the_user(&mut self, e: &Expr) -> TokenStream {
        match &e.kind {
            ExprKind::Block {
                block,
                label: None,
                unsafety: None,
                loop_id: None,
            } => self.block_at(block, Some(e.spans.1)),
            _ => self.expr(e),
        }
    }
}

/// `x`, `mut x`, `x: T`: a pattern that binds the whole value to one name.
fn whole_binding(pat: &syn::Pat) -> bool {
    match pat {
        syn::Pat::Ident(p) => p.subpat.is_none(),
        syn::Pat::Type(t) => whole_binding(&t.pat),
        _ => false,
    }
}
