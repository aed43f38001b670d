//! Statements under `#[cfg(..)]`/`#[cfg_attr(..)]`: the macro runs before `cfg` is decided, so
//! it cannot know whether the statement exists.
//!
//! Desugar `#[cfg(c)] stmt;` (no yield in it) into the block statement `#[cfg(c)] { stmt; }`:
//! rustc keeps or removes it, and the analysis sees the statement's uses. A `let` or a
//! statement that yields under `cfg` would change the generator's states or its locals, which
//! must be known here: the body is lowered `boxed`, or once per outcome of the predicates
//! (`cfg_variants.rs`) when it must stay flat; past three predicates, a spanned error naming
//! `if cfg!(..)`.

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::Parser;
use syn::{Attribute, Stmt as SynStmt};

use super::Builder;
use crate::lower::flat::ir::{ItemRef, Stmt};

/// The outer attributes of `stmt` and the statement without them, when one of them is
/// `cfg` or `cfg_attr`.
fn split_conditional(stmt: &SynStmt) -> Option<(Vec<Attribute>, SynStmt)> {
    let tokens: Vec<TokenTree> = stmt.to_token_stream().into_iter().collect();
    let mut attrs_end = 0;
    while let [TokenTree::Punct(p), TokenTree::Group(g), ..] = &tokens[attrs_end..] {
        if p.as_char() != '#' || g.delimiter() != proc_macro2::Delimiter::Bracket {
            break;
        }
        attrs_end += 2;
    }
    let attr_tokens: TokenStream = tokens[..attrs_end].iter().cloned().collect();
    let attrs = Attribute::parse_outer.parse2(attr_tokens).ok()?;
    if !attrs
        .iter()
        .any(|a| a.path().is_ident("cfg") || a.path().is_ident("cfg_attr"))
    {
        return None;
    }
    let rest: TokenStream = tokens[attrs_end..].iter().cloned().collect();
    let mut stmts = syn::Block::parse_within.parse2(rest).ok()?;
    (stmts.len() == 1).then(|| (attrs, stmts.remove(0)))
}

impl Builder<'_> {
    /// The statement `stmt` when it is under `cfg`: `None` if it is not.
    pub(super) fn conditional_stmt(&mut self, stmt: &SynStmt) -> Option<Stmt> {
        let (attrs, inner) = split_conditional(stmt)?;
        let yields = match &inner {
            SynStmt::Expr(e, _) => self.splits_unforced(e),
            _ => false,
        };
        if yields || matches!(inner, SynStmt::Local(_)) {
            self.ir.inexpressible = true;
            // One error, on the first such statement: each would say the same.
            if std::mem::replace(&mut self.ir.conditional_reported, true) {
                return Some(Stmt::Item(ItemRef::Declared));
            }
            let what = if yields {
                "a statement that yields"
            } else {
                "a `let`"
            };
            self.errors.push(syn::Error::new_spanned(
                &attrs[0],
                format!(
                    "a flat generator cannot put `#[cfg]` on {what} under more than three \
                     distinct `cfg` predicates: it lowers the body once per outcome of them; \
                     write `if cfg!(..) {{ .. }}` instead, or use `#[generator(boxed)]`"
                ),
            ));
            return Some(Stmt::Item(ItemRef::Declared));
        }
        let span = syn::spanned::Spanned::span(&inner);
        let wrapper = syn::Block {
            brace_token: Default::default(),
            stmts: vec![inner],
        };
        let block = self.block(&wrapper, false, false);
        self.ir.scopes[block.scope].attrs = attrs;
        let expr = super::expr::block_expr(block, None, None, None, span, false);
        Some(Stmt::Expr {
            expr,
            semi: false,
            join: None,
        })
    }
}
