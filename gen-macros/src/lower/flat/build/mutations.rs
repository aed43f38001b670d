//! What the body may mutate: the bindings an assignment writes into (for closure capture
//! rules and for the user's `mut`, which rustc judges one arm at a time).

use syn::Expr as SynExpr;
use syn::spanned::Spanned;

use super::Builder;
use crate::lower::flat::ir::{BindingId, Expr, ExprKind};

impl Builder<'_> {
    /// The binding an assignment target writes into: `x`, `x.f`, `x[i]`, `*x`, `(x)`.
    pub(super) fn root_binding(&self, e: &SynExpr) -> Option<BindingId> {
        match e {
            SynExpr::Path(_) => self.place_of(e).map(|p| p.binding),
            SynExpr::Field(f) => self.root_binding(&f.base),
            SynExpr::Index(i) => self.root_binding(&i.expr),
            SynExpr::Paren(p) => self.root_binding(&p.expr),
            SynExpr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => self.root_binding(&u.expr),
            _ => None,
        }
    }

    /// A `ref mut` binding of `pat` into the place matched (`place`, or the root of a place
    /// expression `e`: `let (ref name, ref mut n) = counters[i];`) mutates that binding.
    pub(super) fn note_ref_mut_into(
        &mut self,
        pat: &syn::Pat,
        place: Option<&crate::lower::flat::ir::Place>,
        e: &SynExpr,
    ) {
        if super::pattern::binds_ref_mut(pat)
            && let Some(b) = place.map(|p| p.binding).or_else(|| self.root_binding(e))
        {
            self.ir.maybe_mutated.insert(b);
        }
    }

    /// The bindings an assignment to `e` writes into, destructuring assignments included:
    /// `(a, b) = ..`, `[a, b] = ..`, `S { x, .. } = ..`, `T(a, b) = ..`.
    pub(super) fn assigned_bindings(&self, e: &SynExpr) -> Vec<BindingId> {
        match e {
            SynExpr::Tuple(t) => t
                .elems
                .iter()
                .flat_map(|e| self.assigned_bindings(e))
                .collect(),
            SynExpr::Array(a) => a
                .elems
                .iter()
                .flat_map(|e| self.assigned_bindings(e))
                .collect(),
            SynExpr::Call(c) => c
                .args
                .iter()
                .flat_map(|e| self.assigned_bindings(e))
                .collect(),
            SynExpr::Struct(s) => s
                .fields
                .iter()
                .flat_map(|f| self.assigned_bindings(&f.expr))
                .collect(),
            SynExpr::Paren(p) => self.assigned_bindings(&p.expr),
            _ => self.root_binding(e).into_iter().collect(),
        }
    }

    /// Notes what the operator `e` mutates: `&mut x`, a std mutating method (`x.push(..)`)
    /// surely; a method not known to take `&self` and a call of a local closure (an `FnMut`)
    /// maybe.
    pub(super) fn note_mutations(&mut self, e: &SynExpr) {
        let mutating = match e {
            SynExpr::Reference(r) if r.mutability.is_some() => Some(&*r.expr),
            SynExpr::MethodCall(m)
                if super::receiver_methods::MUTATING.contains(&m.method.to_string().as_str()) =>
            {
                Some(&*m.receiver)
            }
            _ => None,
        };
        if let Some(target) = mutating {
            // A method named like a std mutating one, on a field (`this.log.push(..)`), may be
            // the field type's own, taking `&self`: only maybe (an `iter!` capture then needs
            // no `mut`, `mod.rs`).
            let on_field = matches!(e, SynExpr::MethodCall(_))
                && self.place_of(target).is_some_and(|p| !p.path.is_empty());
            if let Some(place) = self.place_of(target).filter(|_| !on_field) {
                self.ir.mutated.entry(place.binding).or_insert(e.span());
                match e {
                    SynExpr::MethodCall(m) if place.path.is_empty() => self
                        .ir
                        .mutated_by_methods
                        .entry(place.binding)
                        .or_default()
                        .push(m.clone()),
                    _ => {
                        self.ir.mutated_otherwise.insert(place.binding);
                    }
                }
            }
            // Through `IndexMut` too (`adj[i].push(x)`): the `mut` of `adj` is needed.
            if let Some(binding) = self.root_binding(target) {
                self.ir.maybe_mutated.insert(binding);
            }
        }
        if let SynExpr::MethodCall(m) = e
            && !super::receiver_methods::never_mutates(&m.method.to_string(), m.args.len())
            && let Some(binding) = self.root_binding(&m.receiver)
        {
            self.ir.maybe_mutated.insert(binding);
        }
        // Calling a local closure may need `&mut` (an `FnMut`), unless it is known to be an
        // `Fn` (`let double = |x| x * 2;`); so may calling one held in a local (`fns[0](x)`
        // of a `Vec<Box<dyn FnMut(u32) -> u32>>`, `(bank.hooks[i])()`).
        if let SynExpr::Call(c) = e {
            match self.place_of(&c.func) {
                Some(place) => {
                    if !(place.path.is_empty() && self.ir.fn_closures.contains(&place.binding)) {
                        self.ir.maybe_mutated.insert(place.binding);
                    }
                }
                None => {
                    if let Some(binding) = self.root_binding(&c.func) {
                        self.ir.maybe_mutated.insert(binding);
                    }
                }
            }
        }
    }
}

impl Builder<'_> {
    /// `let f = |x| x * 2;`: a closure that changes none of what it captures (as far as the
    /// body shows) and moves nothing out of it is an `Fn`, whose calls change nothing.
    pub(super) fn note_fn_closure(&mut self, binding: BindingId, init: Option<&Expr>) {
        if let Some(ExprKind::Closure {
            captures,
            moved_out,
            ..
        }) = init.map(|e| &e.kind)
            && moved_out.is_empty()
            && captures
                .iter()
                .all(|(p, _)| !self.ir.maybe_mutated.contains(&p.binding))
        {
            self.ir.fn_closures.insert(binding);
        }
    }
}
