//! The layout of each state: of every binding in scope at its entry, the places it keeps and
//! how (whole, in a drop-flag slot, or field by field), in the order the plain function would
//! drop them.

use super::*;

impl Plan {
    /// The places of `binding` in scope at state `s`'s entry that the state keeps.
    pub(super) fn layout(&self, ir: &Ir, s: StateId) -> Vec<Kept> {
        let node = self.cfg.entries[s];
        if node == usize::MAX {
            return Vec::new();
        }
        let mut out = Vec::new();
        for scope in chain(ir, ir.states[s].scope) {
            let bindings = &ir.scopes[scope].bindings;
            // A state drops what it keeps in the reverse of this order: a function's
            // arguments from the last, as a function drops its parameters, but the captures
            // of `iter! { .. }` (the outermost scope's bindings) in the order they are first
            // named, as a `move` closure or a `gen` block drops what it captured.
            if ir.inline && ir.scopes[scope].parent.is_none() {
                for &binding in bindings.iter().rev() {
                    self.keep_binding(ir, binding, node, &mut out);
                }
            } else {
                for &binding in bindings {
                    self.keep_binding(ir, binding, node, &mut out);
                }
            }
        }
        out
    }

    fn keep_binding(&self, ir: &Ir, binding: BindingId, node: Node, out: &mut Vec<Kept>) {
        if self.external.contains(&binding) {
            return;
        }
        let places = &self.cfg.binding_places[binding];
        let init = &self.init.maybe_init[node];
        // A later read proves the value is there (a "move" of it was a copy).
        let live = places.iter().any(|&p| self.live[node].contains(p));
        if !live && !places.iter().any(|&p| init.contains(p)) {
            return;
        }
        let info = &ir.bindings[binding];
        // Without drop glue, a value no later code reads need not be kept. Nor need a value
        // that may borrow a local (a coroutine could not keep it either), unless its name
        // says it is held for its drop (`_guard`): then it is kept, and a borrow of a local
        // is an error rather than an early drop.
        let no_drop = info.by_ref || info.plain;
        // (A borrow through a `&mut` argument, `self.rows.get(k)`, cannot be kept next to
        // the argument either; without it, it can: `let mut d = v.drain(..);` with `v` no
        // longer used drops at the end of its block, as its drop removes what it did not
        // hand out.)
        let borrows = self.borrows_local(ir, &info.borrows)
            || matches!(info.borrows, Borrows::MutThrough(through, _)
                if self.used_beside(binding, through));
        if !live
            && (no_drop
                || (borrows && !held_for_drop(ir, binding))
                || maybe_borrowing_yield_temporary(ir, binding))
        {
            return;
        }
        let Some(root) = self.cfg.places.root_of(binding) else {
            return;
        };
        self.keep_place(root, node, out);
    }

    /// Whether `through` is still used at the entry of a state where `binding`, a borrow
    /// through it, is initialized: then `binding` cannot be kept beside it anywhere.
    fn used_beside(&self, binding: BindingId, through: BindingId) -> bool {
        self.cfg.entries.iter().any(|&n| {
            n != usize::MAX
                && self.cfg.binding_places[binding]
                    .iter()
                    .any(|&p| self.init.maybe_init[n].contains(p))
                && self.cfg.binding_places[through]
                    .iter()
                    .any(|&p| self.live[n].contains(p))
        })
    }

    fn keep_place(&self, p: PlaceId, node: Node, out: &mut Vec<Kept>) {
        let (mi, mu, live) = (
            &self.init.maybe_init[node],
            &self.init.maybe_uninit[node],
            &self.live[node],
        );
        let sub = &self.subtrees[p];
        if live.contains(p)
            || sub
                .iter()
                .all(|&q| live.contains(q) || (mi.contains(q) && !mu.contains(q)))
        {
            out.push(Kept {
                place: p,
                keep: Keep::Whole,
            });
            return;
        }
        if sub.iter().all(|&q| !mi.contains(q)) {
            return;
        }
        let same =
            |q: PlaceId| mi.contains(q) == mi.contains(p) && mu.contains(q) == mu.contains(p);
        if mi.contains(p) && !self.split.contains(p) && sub.iter().all(|&q| same(q)) {
            out.push(Kept {
                place: p,
                keep: Keep::Slot,
            });
            return;
        }
        // A state's locals drop in the reverse of the order they are bound: bind the parts in
        // the reverse of their drop order.
        let mut children = self.drop_order_of_children(p);
        children.reverse();
        for &child in &children {
            // The fields a struct update would take but never named (`base.<rest>`) are
            // like any unnamed field of a partly moved value: not kept, unless the update
            // still comes (an error, `plan/struct_updates.rs`).
            let rest = matches!(
                self.cfg.places.list[child].path.last(),
                Some(crate::lower::flat::ir::Proj::Rest(_))
            );
            if rest && !live.contains(child) {
                continue;
            }
            self.keep_place(child, node, out);
        }
    }

    /// The parts of `p` in the order the plain function drops them: tuple fields by index;
    /// named fields (whose declaration order is not visible here) in the reverse of the order
    /// the body first names them, as the end of their scope drops them.
    fn drop_order_of_children(&self, p: PlaceId) -> Vec<PlaceId> {
        let mut children = self.cfg.places.children[p].clone();
        let index = |c: &PlaceId| match self.cfg.places.list[*c].path.last() {
            Some(crate::lower::flat::ir::Proj::Field(name)) => name.parse::<usize>().ok(),
            _ => None,
        };
        if children.iter().all(|c| index(c).is_some()) {
            children.sort_by_key(index);
        } else {
            children.reverse();
        }
        children
    }

    /// `p` and every place inside it, each place's parts in drop order (see
    /// `drop_order_of_children`).
    pub(crate) fn drop_order(&self, p: PlaceId) -> Vec<PlaceId> {
        let mut out = vec![p];
        for child in self.drop_order_of_children(p) {
            out.extend(self.drop_order(child));
        }
        out
    }

    /// It probably borrows a local of the generator that owns its value.
    pub(super) fn borrows_local(&self, ir: &Ir, borrows: &Borrows) -> bool {
        match borrows {
            Borrows::Likely(owner) | Borrows::Definitely(owner, _) => !ir.bindings[*owner].by_ref,
            Borrows::Nothing | Borrows::Maybe | Borrows::MutThrough(..) => false,
        }
    }
}
