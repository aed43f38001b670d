//! `for` loops over `it.by_ref()` whose body yields.
//!
//! `for line in lines.by_ref() { .. }` advances `lines` and leaves it usable after the loop
//! (a parser reading a header, then the rest). The loop's iterator is a `&mut` borrow of the
//! local, which a flat generator cannot keep across the body's yields. Advancing the local
//! itself is the same loop: desugar
//!
//! ```text
//! 'l: for P in it.by_ref() { body }
//! ```
//! into
//! ```text
//! 'l: while let Some(P) = Iterator::next(&mut it) { body }
//! ```
//! when `it` is a place (a local, a field of one); a `for` loop's pattern is irrefutable, so
//! `Some(P)` matches every item, and each item drops at the end of its iteration either way.

use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr};

/// `block` with such loops desugared, or `None` when there are none.
pub(crate) fn desugar(block: &Block) -> Option<Block> {
    let mut d = Desugar { changed: false };
    let mut out = block.clone();
    d.visit_block_mut(&mut out);
    d.changed.then_some(out)
}

struct Desugar {
    changed: bool,
}

impl VisitMut for Desugar {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        match e {
            // The generator's own level only.
            Expr::Closure(_) | Expr::Async(_) | Expr::Macro(_) => return,
            _ => visit_mut::visit_expr_mut(self, e),
        }
        let Expr::ForLoop(f) = e else {
            return;
        };
        let Expr::MethodCall(m) = &*f.expr else {
            return;
        };
        if m.method != "by_ref" || !m.args.is_empty() || !is_place(&m.receiver) {
            return;
        }
        if !crate::lower::flat::build::for_head_temps::yields_in(&f.body) {
            return;
        }
        let (attrs, label, pat, body) = (&f.attrs, &f.label, &f.pat, &f.body);
        let it = &m.receiver;
        *e = syn::parse_quote_spanned! {f.for_token.span=>
            #(#attrs)* #label while let ::core::option::Option::Some(#pat) =
                ::core::iter::Iterator::next(&mut #it) #body
        };
        self.changed = true;
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// A local or a field of one (`lines`, `self.tokens`).
fn is_place(e: &Expr) -> bool {
    match e {
        Expr::Path(p) => p.qself.is_none() && p.path.get_ident().is_some(),
        Expr::Field(f) => is_place(&f.base),
        Expr::Paren(p) => is_place(&p.expr),
        _ => false,
    }
}
