//! What a `for` loop tells of its iterator and its items, for the analyses and the error
//! messages: the local it iterates over (`for k in keys`), the method that makes it
//! (`v.iter()`), whether it is most likely a view into a local (`for w in words(&line)`), and
//! the items of a parameter's collection (owned, references, text).

use syn::Expr as SynExpr;

use super::Builder;
use super::loops::{Iterable, LoopSyn};
use crate::lower::flat::ir::{BindingId, Borrows, Expr, ExprKind, Place, Use};
use crate::lower::flat::spans::Spans;

impl Builder<'_> {
    /// Notes the facts of the iterator `id` of a `for` loop made of `built` (`captured`: an
    /// `iter!` capture it iterates).
    pub(super) fn note_loop_iterator(
        &mut self,
        id: BindingId,
        captured: bool,
        built: &Expr,
        source: &Iterable<'_>,
        kind: &LoopSyn<'_>,
    ) {
        // `for k in keys` where `keys` carries a borrow made earlier: for the message.
        // (`keys.into_iter()` is the same loop.)
        let built = match &built.kind {
            ExprKind::Op {
                syn: SynExpr::MethodCall(m),
                operands,
                ..
            } if m.method == "into_iter" && m.args.is_empty() => &operands[0],
            _ => built,
        };
        if let ExprKind::Place {
            place,
            how: Use::Value,
            ..
        } = &built.kind
            && place.path.is_empty()
            && !captured
        {
            self.ir.loop_sources.insert(id, place.binding);
            if self.ir.likely_views.contains(&place.binding)
                || self.ir.function_values.contains(&place.binding)
            {
                self.ir.likely_views.insert(id);
            }
        }
        // `for l in lines.into_iter().skip(1)`: an adapter over a collection taken by value
        // holds it, and what its items borrow.
        if let Iterable::Syn(expr) = source
            && let Some(collection) = into_iter_under_adapters(expr)
            && let Some(place) = self.place_of(collection)
            && place.path.is_empty()
            && !captured
            && (self.ir.likely_views.contains(&place.binding)
                || self.ir.function_values.contains(&place.binding))
        {
            self.ir.likely_views.insert(id);
        }
        // `for w in words(&line)`: an iterator a function of the crate made of a borrow.
        if let Iterable::Syn(expr) = source
            && super::syntax_facts::own_function_of_a_borrow(expr)
        {
            self.ir.likely_views.insert(id);
        }
        // `cols.into_iter().zip(line.split(','))`: an adapter holding what a method that
        // borrows text (or takes a reader) makes of a local whose type the macro cannot see.
        if let Iterable::Syn(expr) = source
            && let Some(start) = self.view_of_a_local_held(expr)
        {
            self.ir.likely_views.insert(id);
            self.ir.loop_methods.entry(id).or_insert(start);
        }
        // `for l in &lines[1..]`: a view of a part of a local.
        if let Iterable::Syn(SynExpr::Reference(r)) = source
            && matches!(&*r.expr, SynExpr::Index(i)
                if crate::lower::flat::yield_temps::is_place(&i.expr))
        {
            self.ir.likely_views.insert(id);
        }
        if let Iterable::Syn(expr) = source {
            self.note_implicit_reborrow(id, expr);
        }
        if let Iterable::Syn(expr) = source
            && let Some(start) = super::syntax_facts::loop_source(expr)
            && self.names_what_it_borrows(id, &start.0)
        {
            self.ir.loop_methods.insert(id, start);
        }
        // `for &x in v.iter()`: for the fix an error names.
        if let LoopSyn::For(syn::Pat::Reference(_), _) = &kind {
            self.ir.ref_pattern_loops.insert(id);
        }
        if let LoopSyn::For(pat, _) = &kind {
            let pat = match pat {
                syn::Pat::Reference(r) => &*r.pat,
                other => other,
            };
            if let Some(name) = item_pattern_text(pat) {
                self.ir.loop_item_names.insert(id, name);
            }
        }
    }

    /// The local and the method (`("line", "split")`) by which the iterator `expr` holds, in
    /// an adapter's argument, a view of a local by a method of text or of a reader
    /// (`line.split(',')`, `text.lines()`), on a local that is no reference.
    fn view_of_a_local_held(&self, expr: &SynExpr) -> Option<(String, String)> {
        let SynExpr::MethodCall(m) = expr else {
            return None;
        };
        let viewed = |arg: &SynExpr| {
            let SynExpr::MethodCall(v) = arg else {
                return None;
            };
            let method = v.method.to_string();
            let text_method = matches!(
                method.as_str(),
                "lines" | "bytes" | "split" | "chars" | "char_indices" | "split_whitespace"
            );
            let SynExpr::Path(p) = &*v.receiver else {
                return None;
            };
            let local = p.path.get_ident()?;
            let owned = self
                .resolve(local)
                .is_some_and(|b| !self.ir.bindings[b].by_ref);
            (text_method && owned).then(|| (local.to_string(), method))
        };
        m.args
            .iter()
            .find_map(viewed)
            .or_else(|| self.view_of_a_local_held(&m.receiver))
    }

    /// `place` (`v`, `self.items`), the start of the loop over `id`, is what the loop
    /// borrows, if it borrows a local: not `xs` of `xs.iter().zip(ys.iter())` that borrows
    /// `ys`, whose fix would name the wrong local.
    fn names_what_it_borrows(&self, id: BindingId, place: &str) -> bool {
        let (Borrows::Definitely(owner, _) | Borrows::Likely(owner)) = self.ir.bindings[id].borrows
        else {
            return true;
        };
        let owner = &self.ir.bindings[owner].ident;
        // (`a, b, c` of `[&a, &b, &c]`.)
        place.split(", ").any(|p| {
            let root = p.split('.').next().unwrap_or(p);
            if crate::parse::is_self_ident(owner) {
                root == "self"
            } else {
                *owner == root
            }
        })
    }

    /// Notes the facts of the items a `for` loop binds with `pat` (`bindings`).
    pub(super) fn note_loop_items(
        &mut self,
        source: &Iterable<'_>,
        pat: &syn::Pat,
        bindings: &[BindingId],
    ) {
        // `for line in lines` over a `Vec<String>` parameter: each item owns its data
        // (a borrow of it is a borrow of the generator's local); over a `Vec<&str>`
        // parameter, each item is a reference.
        // The same through `into_iter()`, adapters that hand the items on, and an
        // `enumerate()` whose item is bound by `(i, row)` (`for (r, row) in
        // grid.into_iter().enumerate()`).
        let iterated = match source {
            Iterable::Syn(expr) => {
                self.mark_not_copy_items(expr, pat, bindings);
                self.iterated_item(expr, pat, bindings)
            }
            Iterable::Temp(_) => None,
        };
        if let Some((place, binding)) = iterated {
            let binding = &binding;
            if self.ir.owned_items.contains(&place.binding) {
                self.ir.bindings[*binding].owns = true;
            }
            if self.ir.reference_items.contains(&place.binding) {
                self.ir.bindings[*binding].by_ref = true;
            }
            // Over a `Vec<Box<dyn FnOnce()>>`: each item is moved by its call.
            if self
                .ir
                .param_item_types
                .get(&place.binding)
                .is_some_and(|t| super::written_types::fn_once(t, None))
            {
                self.ir.once_closures.insert(*binding);
            }
            // Over a `Vec<String>`: each item is an owned text.
            if self
                .ir
                .param_item_types
                .get(&place.binding)
                .is_some_and(|t| {
                    !matches!(t, syn::Type::Reference(_)) && super::written_types::is_text(t)
                })
            {
                self.ir.texts.insert(*binding);
            }
        }
    }

    /// The local a `for` loop iterates by value and the binding of its whole item: `for line
    /// in lines`, `for line in lines.into_iter().rev()`, `for (i, row) in
    /// grid.into_iter().enumerate()`.
    fn iterated_item(
        &self,
        iterable: &SynExpr,
        pat: &syn::Pat,
        bindings: &[BindingId],
    ) -> Option<(Place, BindingId)> {
        let mut e = iterable;
        let mut enumerated = false;
        while let SynExpr::MethodCall(m) = e {
            let name = m.method.to_string();
            match name.as_str() {
                "enumerate" if !enumerated && m.args.is_empty() => enumerated = true,
                "into_iter" if m.args.is_empty() => {}
                _ if super::methods::HANDS_ITEMS_ON.contains(&name.as_str()) => {}
                _ => return None,
            }
            e = &m.receiver;
        }
        let place = self.place_of(e).filter(|place| place.path.is_empty())?;
        let item = match (pat, enumerated) {
            (syn::Pat::Ident(p), false) => p,
            (syn::Pat::Tuple(t), true) if t.elems.len() == 2 => match &t.elems[1] {
                syn::Pat::Ident(p) => p,
                _ => return None,
            },
            _ => return None,
        };
        if item.by_ref.is_some() || item.subpat.is_some() {
            return None;
        }
        let binding = bindings
            .iter()
            .copied()
            .find(|&b| self.ir.bindings[b].ident == item.ident)?;
        Some((place, binding))
    }

    /// `for x in inner(pos)`, `for x in self.step()` with `pos: &mut usize` or `&mut self`:
    /// the call reborrows the `&mut` binding implicitly (`inner(&mut *pos)`), and an iterator
    /// a function of the crate makes may hold that reborrow, as the explicit form's does
    /// (`Borrows::MutThrough`).
    pub(super) fn note_implicit_reborrow(&mut self, iter: BindingId, iterable: &SynExpr) {
        if !matches!(
            self.ir.bindings[iter].borrows,
            Borrows::Nothing | Borrows::Maybe
        ) {
            return;
        }
        let mut_binding = |e: &SynExpr| {
            self.place_of(e)
                .filter(|p| p.path.is_empty() && self.ir.bindings[p.binding].mut_ref)
                .map(|p| (p.binding, Spans::of_expr(e)))
        };
        let reborrowed = match iterable {
            SynExpr::Call(c) => c.args.iter().find_map(mut_binding),
            SynExpr::MethodCall(m) if !std_method(&m.method.to_string()) => {
                mut_binding(&m.receiver).or_else(|| m.args.iter().find_map(mut_binding))
            }
            _ => None,
        };
        if let Some((owner, spans)) = reborrowed {
            self.ir.bindings[iter].borrows = Borrows::MutThrough(owner, spans);
        }
    }
}

/// A method std types have (`iter`, `drain`, `map`, `collect`, ..), which the borrow
/// judgements know by name.
pub(super) fn std_method(name: &str) -> bool {
    use super::methods::{ADAPTERS, BORROWING, MAKES_VALUE, OWNED};
    [
        BORROWING,
        OWNED,
        ADAPTERS,
        MAKES_VALUE,
        super::receiver_methods::MAKES_ITERATOR,
    ]
    .iter()
    .any(|list| list.contains(&name))
}

/// The receiver of `into_iter()` under a chain of adapters (`lines.into_iter().skip(1)`:
/// `lines`); `None` without adapters (the plain loop, noted above) or `into_iter()`.
fn into_iter_under_adapters(e: &SynExpr) -> Option<&SynExpr> {
    let SynExpr::MethodCall(outer) = e else {
        return None;
    };
    let mut e = &*outer.receiver;
    while let SynExpr::MethodCall(m) = e {
        if m.method == "into_iter" && m.args.is_empty() {
            return Some(&m.receiver);
        }
        e = &m.receiver;
    }
    None
}

/// The text of a loop's item pattern for the fix an error names: `x`, or a tuple of names
/// (`(w, c)`, `(_, v)`); `None` for any other pattern.
fn item_pattern_text(pat: &syn::Pat) -> Option<String> {
    match pat {
        syn::Pat::Ident(i) if i.subpat.is_none() => Some(i.ident.to_string()),
        syn::Pat::Wild(_) => Some("_".to_owned()),
        syn::Pat::Tuple(t) => {
            let parts: Option<Vec<String>> = t.elems.iter().map(item_pattern_text).collect();
            Some(format!("({})", parts?.join(", ")))
        }
        _ => None,
    }
}
