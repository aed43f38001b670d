//! The captures of an `iter!`/`stream!` block that only a block nested in it names: `iter! {
//! yield_from!(iter! { yield s.len(); }) }` with `s` a variable outside both. The nested block
//! captures `s` by move; the outer one must capture it too, into its state, and hand it on (a
//! `move` closure inside a `move` closure does the same). Left to the outer state machine's
//! closure, which runs once per step, the nested block could not move it out (E0507).
//!
//! The nested block's tokens are parsed as a block: the names it reads that it does not bind
//! itself (in a pattern, a closure's parameters, a `let` inside a macro) and that no binding
//! of the outer body declares are captures of the outer block. A name only called (`f(x)`) is
//! a function, left to the closure, as `mod.rs` leaves such names.

use std::collections::HashSet;

use proc_macro2::{Ident, TokenStream, TokenTree};
use syn::visit::Visit;

use super::Builder;
use super::format_strings::format_captures;

impl Builder<'_> {
    /// Registers the captures of the outer `iter!`/`stream!` block that the nested block of
    /// `tokens` names (see the module doc).
    pub(super) fn nested_block_captures(&mut self, tokens: &TokenStream) {
        if !self.inline {
            return;
        }
        let Ok(block) = syn::parse2::<syn::Block>(quote::quote!({ #tokens })) else {
            return;
        };
        let mut names = Names::default();
        names.visit_block(&block);
        for ident in names.used {
            if !names.bound.contains(&ident.to_string()) && self.resolve(&ident).is_none() {
                self.free_name(&ident);
            }
        }
    }
}

/// The names a block reads and the names it binds.
#[derive(Default)]
struct Names {
    used: Vec<Ident>,
    bound: HashSet<String>,
}

impl<'ast> Visit<'ast> for Names {
    fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
        self.bound.insert(p.ident.to_string());
        syn::visit::visit_pat_ident(self, p);
    }

    fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
        if p.qself.is_none()
            && let Some(ident) = p.path.get_ident()
        {
            self.used.push(ident.clone());
        }
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if !matches!(&*call.func, syn::Expr::Path(p) if p.path.get_ident().is_some()) {
            self.visit_expr(&call.func);
        }
        for arg in &call.args {
            self.visit_expr(arg);
        }
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let nested = mac
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "iter" || s.ident == "stream");
        let tokens = &mac.tokens;
        match syn::parse2::<syn::Block>(quote::quote!({ #tokens })) {
            Ok(block) if nested => self.visit_block(&block),
            _ => self.tokens(mac.tokens.clone()),
        }
    }

    // Items declare names of their own and capture nothing.
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

impl Names {
    /// The names in another macro's input: an identifier not after `.` or `::` and not before
    /// `!`, `:` or a call's parentheses; one after `let`, `mut` or `ref` is bound there.
    fn tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        for (i, tree) in trees.iter().enumerate() {
            match tree {
                TokenTree::Group(g) => self.tokens(g.stream()),
                TokenTree::Ident(ident) => {
                    let after = i > 0
                        && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == '.' || p.as_char() == ':');
                    let binds = i > 0
                        && matches!(&trees[i - 1], TokenTree::Ident(k) if k == "let" || k == "mut" || k == "ref");
                    let before = matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!' || p.as_char() == ':')
                        || matches!(trees.get(i + 1), Some(TokenTree::Group(g)) if g.delimiter() == proc_macro2::Delimiter::Parenthesis);
                    if binds {
                        self.bound.insert(ident.to_string());
                    } else if !after && !before {
                        self.used.push(ident.clone());
                    }
                }
                TokenTree::Literal(lit) => {
                    let text = lit.to_string();
                    if text.starts_with('"') || text.starts_with('r') {
                        for name in format_captures(&text) {
                            self.used
                                .push(super::format_strings::capture_ident(&name, lit.span()));
                        }
                    }
                }
                TokenTree::Punct(_) => {}
            }
        }
    }
}
