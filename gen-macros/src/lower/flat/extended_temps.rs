//! Temporaries that a `let` keeps alive to the end of its block, when the block yields after
//! the `let`.
//!
//! In `let tag = &log.make("x");` the value `log.make("x")` is a temporary whose life Rust
//! extends to the end of the enclosing block, as if it were a local declared there. A flat
//! generator keeps locals across a yield, not temporaries: the value would drop when the
//! generator first suspends. So, before the body is built, desugar
//!
//! ```text
//! let tag = &log.make("x").name;        let buf = &mut Vec::new();
//! ```
//! into
//! ```text
//! let __gen_x0 = log.make("x"); let tag = &__gen_x0.name;
//! let mut __gen_x1 = Vec::new(); let buf = &mut __gen_x1;
//! ```
//! which drop identically in plain Rust (the hidden local is declared where the temporary was
//! made, so it drops where the extended temporary drops, in the same order). A `tag` still
//! used after a yield then borrows a local across it: the macro's own error, which describes
//! the hidden local as the temporary it is. Only a value made by a call, a method call, a
//! macro or a struct literal is moved into a local (a literal or an arithmetic result has no
//! drop to time), only in a block that yields after the `let`, and not in a `let .. else`.

use proc_macro2::Span;
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, Ident, Stmt};

use super::unbound_parts::yields_in_stmts;

/// The prefix of the hidden locals; error messages recognise it ([`is_extended`]).
const PREFIX: &str = "__gen_x";

/// `block` with the extended temporaries of its `let`s desugared into hidden locals, or `None`
/// when there are none to desugar.
pub(crate) fn desugar(block: &Block) -> Option<Block> {
    let mut d = Desugar { next: 0 };
    let mut out = block.clone();
    d.visit_block_mut(&mut out);
    (d.next > 0).then_some(out)
}

/// Whether `ident` names the hidden local of an extended temporary.
pub(crate) fn is_extended(ident: &Ident) -> bool {
    ident.to_string().starts_with(PREFIX)
}

struct Desugar {
    next: usize,
}

impl VisitMut for Desugar {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if matches!(e, Expr::Closure(_) | Expr::Async(_)) {
            return;
        }
        visit_mut::visit_expr_mut(self, e);
    }

    fn visit_block_mut(&mut self, block: &mut Block) {
        visit_mut::visit_block_mut(self, block);
        let mut k = 0;
        while k < block.stmts.len() {
            if yields_in_stmts(&block.stmts[k + 1..])
                && let Some(hoisted) = self.hoist(&mut block.stmts[k])
            {
                block.stmts.insert(k, hoisted);
                k += 1;
            }
            k += 1;
        }
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    fn visit_macro_mut(&mut self, _: &mut syn::Macro) {}
}

impl Desugar {
    /// Desugar `let p = &temp.path;` into `let __gen_xN = temp;` (returned) and
    /// `let p = &__gen_xN.path;` (left in `stmt`).
    fn hoist(&mut self, stmt: &mut Stmt) -> Option<Stmt> {
        let Stmt::Local(local) = stmt else {
            return None;
        };
        let init = local.init.as_mut().filter(|init| init.diverge.is_none())?;
        let Expr::Reference(reference) = strip_parens(&mut init.expr) else {
            return None;
        };
        let mutability = reference.mutability;
        let base = temporary_base(&mut reference.expr)?;
        let hidden = Ident::new(&format!("{PREFIX}{}", self.next), Span::mixed_site());
        self.next += 1;
        // The borrow of the hidden local stands where the temporary was made: an error about
        // it points there.
        let mut used = hidden.clone();
        used.set_span(Span::mixed_site().located_at(syn::spanned::Spanned::span(&*base)));
        let value = std::mem::replace(base, syn::parse_quote!(#used));
        Some(syn::parse_quote!(let #mutability #hidden = #value;))
    }
}

fn strip_parens(e: &mut Expr) -> &mut Expr {
    match e {
        Expr::Paren(p) => strip_parens(&mut p.expr),
        other => other,
    }
}

/// The temporary a borrow of `e` extends: `e` itself when it is a value with a drop to time,
/// or the base of the fields and indexes it projects (`make().name`, `rows()[0]`).
fn temporary_base(e: &mut Expr) -> Option<&mut Expr> {
    match e {
        Expr::Paren(p) => temporary_base(&mut p.expr),
        Expr::Field(f) => temporary_base(&mut f.base),
        Expr::Index(i) => temporary_base(&mut i.expr),
        Expr::Call(_) | Expr::MethodCall(_) | Expr::Macro(_) | Expr::Struct(_) => Some(e),
        _ => None,
    }
}
