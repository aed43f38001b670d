//! The places an expression names (a binding, then fields and derefs), and whether a value
//! is a reference by how it is made.

use syn::Expr as SynExpr;

use super::Builder;
use crate::lower::flat::ir::{Place, Proj};

impl Builder<'_> {
    /// The place `e` names, if it names one: a binding, then fields and derefs. Below a
    /// binding of reference type, the place is the binding (what lies behind a reference is
    /// not the generator's to move); `true` then.
    pub(crate) fn place_and_ref(&self, e: &SynExpr) -> Option<(Place, bool)> {
        match e {
            SynExpr::Path(p) if p.qself.is_none() => {
                let ident = p.path.get_ident()?;
                let binding = self.resolve(ident)?;
                Some((Place::whole(binding), false))
            }
            SynExpr::Field(f) => {
                let (mut place, through) = self.place_and_ref(&f.base)?;
                if through || self.ir.bindings[place.binding].by_ref {
                    return Some((place, true));
                }
                let name = match &f.member {
                    syn::Member::Named(n) => n.to_string(),
                    syn::Member::Unnamed(i) => i.index.to_string(),
                };
                place.path.push(Proj::Field(name));
                Some((place, false))
            }
            SynExpr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                let (mut place, through) = self.place_and_ref(&u.expr)?;
                if through || self.ir.bindings[place.binding].by_ref {
                    return Some((place, true));
                }
                place.path.push(Proj::Deref);
                Some((place, false))
            }
            SynExpr::Paren(p) => self.place_and_ref(&p.expr),
            SynExpr::Group(g) => self.place_and_ref(&g.expr),
            _ => None,
        }
    }

    pub(crate) fn place_of(&self, e: &SynExpr) -> Option<Place> {
        self.place_and_ref(e).map(|(p, _)| p)
    }

    /// Whether a pattern matching the value of `e` binds references or copies (no drop glue):
    /// `e` makes a reference, or names a reference binding (a copy of it, or a place read
    /// through it).
    pub(crate) fn through_reference(&self, e: &SynExpr) -> bool {
        super::reference_values::yields_references(e)
            || self
                .place_of(e)
                .is_some_and(|p| self.ir.bindings[p.binding].by_ref)
            || self.takes_a_reference_item(e)
            || self.next_borrowed_item(e)
    }

    /// `it.next()` (`next_back()`, `nth(n)`, `last()`) of an iterator local whose items are
    /// views (`let mut it = xs.iter();`, `line.split(',')`): a reference.
    fn next_borrowed_item(&self, e: &SynExpr) -> bool {
        let SynExpr::MethodCall(m) = e else {
            return false;
        };
        matches!(
            m.method.to_string().as_str(),
            "next" | "next_back" | "nth" | "last"
        ) && self.place_of(&m.receiver).is_some_and(|p| {
            p.path.is_empty()
                && self.ir.item_iterators.get(&p.binding)
                    == Some(&crate::lower::flat::ir::ItemKind::Borrowed)
        })
    }

    /// `stack.pop()` of a collection whose items are references (`Vec<&Shape>`): the element
    /// taken out is a reference.
    fn takes_a_reference_item(&self, e: &SynExpr) -> bool {
        match e {
            SynExpr::Paren(p) => self.takes_a_reference_item(&p.expr),
            SynExpr::MethodCall(m) => {
                super::receiver_methods::TAKES_ELEMENT.contains(&m.method.to_string().as_str())
                    && self.place_of(&m.receiver).is_some_and(|p| {
                        p.path.is_empty() && self.ir.reference_items.contains(&p.binding)
                    })
            }
            _ => false,
        }
    }
}
