//! Fields used by value where a move and a copy look the same (`f(r.id)`, `Item::A(r.id)`,
//! `yield_!(r.id)`): which the next build reads in place.
//!
//! Taking such a use for a move of the field leaves its value partly moved, and the parts of
//! it that the body never names cannot be kept in a state: they would drop when the generator
//! next leaves the arm, before the plain function drops them. A body that may be lowered
//! `boxed` takes it for the move it may be, and is lowered `boxed` when the value is kept
//! across a yield (`plan/inexact.rs`), exact. In one that stays flat the use is taken for a copy
//! when the value is still in scope at a state entered after it, the body never borrows that
//! field (a field borrowed somewhere, `&s.g` or `s.g.len()`, is more likely one that owns
//! data) and never certainly moves a field out of the value (`Ir::bundles`: a body that
//! does treats the value as a bundle of parts): the value stays whole (dropped where the
//! plain function drops it), and
//! the emitted code asks the compiler to confirm that the field is `Copy`
//! (`gen_core::checks::copied_field`, whose error names the fix when it is not). A field
//! moved out with `let x = r.f;`, by a `for` loop or by a consuming method stays a move.

use std::collections::HashMap;

use super::*;
use crate::lower::flat::ir::Proj;

impl Plan {
    /// The sites of `Ir::field_uses` to read in place (see the module docs).
    pub(super) fn find_copied_fields(&mut self, ir: &Ir) {
        self.find_copied_deref_lets(ir);
        self.find_field_lets_kept_whole(ir);
        // `match` arms that bind fields of an enum variant by value and leave others:
        // copies while the matched local is still in scope at a later state (see
        // `build/variant_moves.rs`).
        self.find_copied_variant_bindings(ir);
        if ir.field_uses.is_empty() {
            return;
        }
        let borrows = self.borrows_by_binding(ir);
        for &(id, site) in &ir.field_uses {
            let Some(node) = self.cfg.use_nodes[id] else {
                continue;
            };
            let Event::Use(p, _) = self.cfg.events[node] else {
                continue;
            };
            let place = &self.cfg.places.list[p];
            let binding = &ir.bindings[place.binding];
            // Borrowed somewhere: the body uses the field (or a place inside it) other than
            // by value.
            // A field a struct update still ahead lists (`S { f: .., ..v }` keeps `v.f` in
            // `v`): taken for a move, it would leave `v` partly moved before the update,
            // which then cannot take its other fields; so it is taken for a copy even when
            // borrowed elsewhere.
            let listed = ir.struct_updates.iter().any(|u| {
                let n = u.rest.path.len();
                u.rest.binding == place.binding
                    && place.path.len() == n
                    && place.path[..n - 1] == u.rest.path[..n - 1]
                    && matches!(place.path.last(), Some(Proj::Field(f)) if u.listed.contains(f))
                    // The update is still ahead (its `base.<rest>` is live).
                    && self
                        .cfg
                        .places
                        .get(&u.rest)
                        .is_some_and(|rest| self.live[node].contains(rest))
            });
            let borrowed = !listed
                && borrows
                    .get(&place.binding)
                    .is_some_and(|paths| paths.iter().any(|q| q.starts_with(&place.path)));
            let bundle = ir.bundles.contains(&place.binding) && !listed;
            if binding.plain || binding.by_ref || bundle || borrowed {
                continue;
            }
            // A body that can be lowered `boxed` takes the use for the move it may be: a
            // partly moved value kept across a yield lowers `boxed` (`plan/inexact.rs`),
            // exact whatever the field's type (`names.push(job.name); yield_!(job.id);`),
            // where a guess of a copy would be the compiler's error on a field that owns
            // data. (Uses as a number are reads already: `build/expr.rs`.)
            // (A dereference, `(*guard, 1)`, stays a copy: nothing moves out of a guard.)
            // (Nor a field of a hidden local, which `plan/inexact.rs` does not weigh.)
            if ir.may_lower_boxed
                && matches!(place.path.last(), Some(Proj::Field(_)))
                && binding.kind != BindingKind::Temp
            {
                continue;
            }
            if self.in_scope_at_a_later_state(node, place.binding, binding.scope) {
                self.copied_fields.insert(site);
            }
        }
    }

    /// The sites of `Ir::deref_lets` to read in place: `let v = *x;` while `x` is still in
    /// scope at a later state, no field of `v` or `x` named (a struct moved out of a box,
    /// `let n = *node; .. n.next`), is a copy out of a `Deref` value (a lock guard), which
    /// the compiler confirms; otherwise the guard would drop at the next yield.
    fn find_copied_variant_bindings(&mut self, ir: &Ir) {
        // Bindings read in place (borrowed, compared, a method's receiver) other than as a
        // number.
        // A use by value that a later read proves a copy is shown as a read: it is a sign of
        // a number instead.
        let mut read: HashSet<BindingId> = HashSet::new();
        let mut copied: HashSet<BindingId> = HashSet::new();
        // `g.count()` then `g.id()`: `count` may be the user's, taking `&self`; no sign of a
        // copy.
        let by_name: HashSet<Node> = ir
            .receivers_moved_by_name
            .iter()
            .filter_map(|&id| self.cfg.use_nodes[id])
            .collect();
        for (n, event) in self.cfg.events.iter().enumerate() {
            if let Event::Use(q, how) = event {
                let place = &self.cfg.places.list[*q];
                let binding = place.binding;
                if by_name.contains(&n) {
                    continue;
                }
                if self.cfg.proven_copies.contains(&n) && place.path.is_empty() {
                    copied.insert(binding);
                } else if *how == crate::lower::flat::ir::Use::Read {
                    read.insert(binding);
                }
            }
        }
        for m in &ir.variant_moves {
            // A binding that looks like it owns data (yielded as an item that is not plain
            // data, `Token::Ident(name, _) => yield_!(name)`, or read in place other than as
            // a number, `name.len()`): the pattern moves the value, as the plain function's
            // does; the fields it leaves drop with it (README, limit 3).
            let owns = |b: &BindingId| {
                ir.owned_used.contains(b)
                    || (read.contains(b) && !ir.copy_used.contains(b) && !copied.contains(b))
            };
            // With no sign of a copy (an arithmetic operand, a number compared, a plain
            // item, a use after a use by value), a body that can be lowered `boxed` takes
            // the pattern for a move, and is lowered `boxed` (`plan/inexact.rs`), exact
            // whatever the field's type; a guess of a copy would be the compiler's error on
            // a field that owns data (`Job::Named { name, .. } => seen.push(name)`).
            let evidently_copied = |b: &BindingId| ir.copy_used.contains(b) || copied.contains(b);
            if m.bindings.is_empty()
                || m.bindings.iter().any(owns)
                || (ir.may_lower_boxed && !m.bindings.iter().all(evidently_copied))
            {
                continue;
            }
            let (id, site) = (m.scrutinee, m.site);
            let Some(node) = self.cfg.use_nodes[id] else {
                continue;
            };
            let Event::Use(p, _) = self.cfg.events[node] else {
                continue;
            };
            let binding = self.cfg.places.list[p].binding;
            let scope = ir.bindings[binding].scope;
            if self.in_scope_at_a_later_state(node, binding, scope) {
                self.copied_fields.insert(site);
            }
        }
    }

    fn find_copied_deref_lets(&mut self, ir: &Ir) {
        for &(id, site, v) in &ir.deref_lets {
            let Some(node) = self.cfg.use_nodes[id] else {
                continue;
            };
            let Event::Use(p, _) = self.cfg.events[node] else {
                continue;
            };
            let x = self.cfg.places.list[p].binding;
            let info = &ir.bindings[x];
            // A field of `v`, or of `x` through auto-deref (`x.f`), named: a struct moved out
            // of a box (`let n = *node; .. n.next`).
            let has_fields = |b: BindingId| {
                self.cfg.binding_places[b]
                    .iter()
                    .any(|&q| matches!(self.cfg.places.list[q].path.last(), Some(Proj::Field(_))))
            };
            if info.plain || info.by_ref || has_fields(v) || has_fields(x) {
                continue;
            }
            if self.in_scope_at_a_later_state(node, x, info.scope) {
                self.copied_fields.insert(site);
            }
        }
    }

    /// Per binding, the paths of its places the body uses other than by value, not counting
    /// the by-value uses taken for copies (by an earlier round, or proved by a later read).
    fn borrows_by_binding(&self, ir: &Ir) -> HashMap<BindingId, Vec<Vec<Proj>>> {
        let mut copies: HashSet<Node> = ir
            .copy_checked
            .iter()
            .filter_map(|&id| self.cfg.use_nodes[id])
            .collect();
        copies.extend(
            ir.copy_reads
                .iter()
                .filter_map(|&id| self.cfg.use_nodes[id]),
        );
        copies.extend(self.cfg.proven_copies.iter().copied());
        let mut out: HashMap<BindingId, Vec<Vec<Proj>>> = HashMap::new();
        for (n, event) in self.cfg.events.iter().enumerate() {
            if let Event::Use(q, how) = event
                && *how != crate::lower::flat::ir::Use::Value
                && !copies.contains(&n)
            {
                let q = &self.cfg.places.list[*q];
                out.entry(q.binding).or_default().push(q.path.clone());
            }
        }
        out
    }

    /// Whether control reaches a state's entry from `node` before `binding` goes out of
    /// scope (or is bound again).
    pub(super) fn in_scope_at_a_later_state(
        &self,
        node: Node,
        binding: BindingId,
        scope: ScopeId,
    ) -> bool {
        let mut seen = HashSet::new();
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            if !seen.insert(n) {
                continue;
            }
            match self.cfg.events[n] {
                Event::Entry(_) if n != node => return true,
                Event::Dead(s) if s == scope => continue,
                Event::Bind(b) | Event::Declare(b) if b == binding && n != node => continue,
                _ => {}
            }
            stack.extend(self.cfg.succ[n].iter().copied());
        }
        false
    }
}
