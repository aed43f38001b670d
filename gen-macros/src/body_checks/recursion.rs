//! Whether an expression a generator keeps across a yield (a `for` head, a `yield_from!`
//! operand) calls the generator itself (`walk(child)`, `child.walk()`, `Self::walk(c)`): a
//! flat state would contain itself (`body_checks.rs`).

use syn::visit::{self, Visit};
use syn::{Block, Expr, Ident};

/// The call `name(..)` (not in a `method`) or `Self::name(..)` that `e` is made from
/// (through method calls on it: `walk(k).map(f)`), if any.
///
/// `loose`: also a call that may be of the generator itself (any path ending in `name`, a
/// method `name` on any receiver), for a generator that will be lowered `boxed` if it is one.
pub(crate) fn calls_itself<'e>(
    e: &'e Expr,
    name: &Ident,
    method: bool,
    loose: bool,
) -> Option<&'e Expr> {
    if boxes(e) {
        return None;
    }
    match e {
        Expr::Call(call) => match &*call.func {
            Expr::Path(p)
                if p.qself.is_none()
                    && p.path.segments.last().is_some_and(|s| s.ident == *name)
                    && ((p.path.segments.len() == 1 && !method)
                        || (p.path.segments.len() == 2 && p.path.segments[0].ident == "Self")
                        || loose) =>
            {
                Some(e)
            }
            _ => None,
        },
        Expr::MethodCall(m) if loose && method && calls_the_method(m, name) => Some(e),
        // `self.kids.iter().flat_map(|k| k.walk())`, `.flat_map(walk)`: the adapter keeps
        // the inner generators.
        _ if loose => mentions(e, name, method),
        Expr::MethodCall(m) => calls_itself(&m.receiver, name, method, loose),
        Expr::Paren(p) => calls_itself(&p.expr, name, method, loose),
        _ => None,
    }
}

/// Whether a parameter of `sig` or a pattern in `block` binds `name`.
pub(crate) fn binds_name(block: &Block, sig: &syn::Signature, name: &Ident) -> bool {
    struct Find<'n>(&'n Ident, bool);
    impl Visit<'_> for Find<'_> {
        fn visit_pat_ident(&mut self, p: &syn::PatIdent) {
            self.1 |= p.ident == *self.0;
            visit::visit_pat_ident(self, p);
        }
        fn visit_item(&mut self, _: &syn::Item) {}
    }
    let mut find = Find(name, false);
    for input in &sig.inputs {
        if let syn::FnArg::Typed(t) = input {
            find.visit_pat(&t.pat);
        }
    }
    find.visit_block(block);
    find.1
}

/// Whether `m` may call the generator method `name` itself: a method of that name, unless
/// the name is a std method that makes or adapts an iterator (`iter`, `lines`, `keys`) and
/// the receiver is `self` or one of its fields: `fn iter(&self)` over `self.items.iter()`
/// calls std's (`child.iter()` on a node from elsewhere may be the generator itself).
fn calls_the_method(m: &syn::ExprMethodCall, name: &Ident) -> bool {
    use crate::lower::flat::build::methods::BORROWING;
    use crate::lower::flat::build::receiver_methods::{ADAPTS_ITERATOR, MAKES_ITERATOR};
    if m.method != *name {
        return false;
    }
    let text = name.to_string();
    let std = [BORROWING, MAKES_ITERATOR, ADAPTS_ITERATOR]
        .iter()
        .any(|list| list.contains(&text.as_str()));
    !std || !rooted_at_self(&m.receiver)
}

/// `self`, `self.f.g`, `(*self).f`, `&self.f`.
fn rooted_at_self(e: &Expr) -> bool {
    match e {
        Expr::Path(p) => p.path.is_ident("self"),
        Expr::Field(f) => rooted_at_self(&f.base),
        Expr::Paren(p) => rooted_at_self(&p.expr),
        Expr::Reference(r) => rooted_at_self(&r.expr),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => rooted_at_self(&u.expr),
        _ => false,
    }
}

/// The first expression in `e` (closures included) that calls or names the generator `name`
/// (a method of that name on any receiver when the generator is a `method`).
fn mentions<'e>(e: &'e Expr, name: &Ident, method: bool) -> Option<&'e Expr> {
    struct Find<'e, 'n> {
        name: &'n Ident,
        method: bool,
        found: Option<&'e Expr>,
    }
    impl<'e> Visit<'e> for Find<'e, '_> {
        fn visit_expr(&mut self, e: &'e Expr) {
            if self.found.is_some() || boxes(e) {
                return;
            }
            let hit = match e {
                Expr::Path(p) => p
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == *self.name),
                Expr::MethodCall(m) => self.method && calls_the_method(m, self.name),
                _ => false,
            };
            if hit {
                self.found = Some(e);
            } else {
                visit::visit_expr(self, e);
            }
        }
        fn visit_item(&mut self, _: &'e syn::Item) {}
    }
    let mut find = Find {
        name,
        method,
        found: None,
    };
    find.visit_expr(e);
    find.found
}

/// Whether `e` boxes what it is made of (`Box::pin(walk(..))`, `Box::new(..)`,
/// `walk(..).boxed()`, `.boxed_local()`, through adapters after it): a generator inside a box
/// does not make the state contain itself.
fn boxes(e: &Expr) -> bool {
    match e {
        Expr::Call(call) => matches!(&*call.func, Expr::Path(p)
            if p.qself.is_none()
                && p.path.segments.len() >= 2
                && p.path.segments.iter().rev().nth(1).is_some_and(|s| s.ident == "Box")
                && p.path.segments.last().is_some_and(|s| s.ident == "pin" || s.ident == "new")),
        Expr::MethodCall(m) => {
            m.method == "boxed" || m.method == "boxed_local" || boxes(&m.receiver)
        }
        Expr::Paren(p) => boxes(&p.expr),
        Expr::Cast(c) => boxes(&c.expr),
        _ => false,
    }
}
