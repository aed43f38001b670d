//! Bodies whose values the flat state machine cannot drop where the plain function does.
//!
//! The macro does not see types. The values below would then drop early (or be rejected) if
//! the body were lowered flat, and such a body is lowered as `#[generator(boxed)]` instead,
//! where rustc keeps every value as the plain function does: exact, at one allocation.
//!
//! - **A partly moved value still in scope when the generator suspends** (`for row in
//!   batch.rows { yield_!(row) }`, `let name = self.name;`). The state can keep the fields the
//!   body names, but the fields it never names would drop at that suspension instead of at
//!   the end of the value's scope, and the named ones in an order the macro cannot know
//!   (declaration order). A value the body builds from a tuple literal (every field known,
//!   dropped by index, and a tuple has no `Drop` of its own) stays flat, unless a move is
//!   below one of its fields (`t.meta.name`), whose parts the literal does not spell out. A
//!   struct literal does not: the struct may have a `Drop` of its own, and then the "move"
//!   of a field is a copy out of a value that stays whole (`Timer { start }` read by
//!   `timer.start + 1`). (A hidden local holding a `match` scrutinee's value keeps what the
//!   pattern leaves unbound by `unbound_parts.rs`.)
//!   The same holds for an enum value a variant pattern moves fields out of (`Msg::Put {
//!   key, .. } => yield_!(key)`, unless the pattern is taken for a copy,
//!   `build/variant_moves.rs`), and for an array a pattern moves elements out of (`let
//!   [first, _] = arr;`): the fields or elements it leaves would drop at the suspension.
//! - **A value that may borrow a local and may hold a value of the user's making**
//!   (`let g = Guard::new("g", &log);`, `let all = vec![g];`: `build/user_values.rs`), in
//!   scope but no longer read at a suspension. It may borrow that local, which the state
//!   cannot hold next to the local, so flat it would drop there instead of at the end of its
//!   block. A value of a plain type and a reference stay flat.
//! - **A binding named to be held for its drop whose value may borrow a local** (`let _span =
//!   enter(&name);`, `let _g = Guard::new("g", &log);`), kept across a suspension: flat, the
//!   state would hold the borrow next to the local, which rustc rejects when it is one.
//! - **A part of a value that certainly borrows a local, read after a suspension that keeps
//!   that local too** (`if let Some(w) = text.split(' ').next() { yield_!(..); w.len() }`):
//!   the macro cannot see the types, so it cannot report the borrow as its own error (the
//!   part may own its data, as the index of `Some((i, _))` of `v.iter().enumerate().max()`
//!   does); flat, rustc would reject the state holding both.
//! - **A local reassigned a borrow of another local, kept across a suspension that keeps that
//!   local too** (`let mut w = s.as_str(); .. w = "static"; yield_!(..); w.len()`, `for p
//!   in s.split(',') { w = p; }`): whether it holds the borrow at the suspension depends on
//!   the path, and its one type in a flat state cannot tell.
//! - **A binding shadowed by a builder's result made from it, in scope at a suspension**
//!   (`let r = r.header("k", "v");`): the method of the user's may take it by value (then it
//!   is gone) or by reference (then it drops at the end of its scope); only `boxed` keeps
//!   either.
//! - **What `lines()`, `bytes()` or `split(b)` makes of a local of unseen type, kept beside
//!   it** (`let text = read(); for line in text.lines()`): `str`'s borrow the local, which
//!   the state cannot hold next to it, and `BufRead`'s take it, which the state would keep
//!   moved.
//!   So does it of a capture of an `iter!` block (`for line in reader.lines()`), which the
//!   closure holds: it can neither lend it across a yield nor give it away.
//! - **What a method of the user's made of a capture of an `iter!` block, kept across a
//!   suspension** (`let tx = conn.begin();`): it may borrow what the closure holds, which
//!   the closure lends only for one call.
//! - **A view that probably borrows a local of unseen type, kept beside it**
//!   (`Ir::likely_views`): a collection of references collected from
//!   it (`let lines: Vec<&str> = text.lines().collect();`), a loop over a std borrowing
//!   method of it or a part of it (`for l in &lines[1..]`), an element or a pattern's part
//!   of one (`let first = &data[0];`, `if let Some(v) = m.get(&k)`), an iterator a function
//!   of the crate made of a borrow of it (`yield_from!(words(&line))`): a borrow of it if it
//!   owns its data, none if it is a reference; only `boxed` holds either.
//! - **A yield's temporary that may borrow a local** (`yield_!(pool.checkout(k).rows.len())`,
//!   a method of the user's on an owned local, `yield_temps.rs`): a borrow could not be kept,
//!   so flat it would drop before the consumer sees the item.
//! - **A local of the user's type taken for moved by a method's name** (`let n =
//!   stats.count();`, `build/consumed_by_name.rs`), in scope at a later suspension: a method
//!   of the user's of that name may take `&self`; a value taken for a borrow by its method's
//!   name (`let conn = pool.get();`), in scope but not kept at a suspension: the method of
//!   the user's may return an owned value.
//! - **A field called as a function, of a value still in scope at a suspension**
//!   (`let n = (job.run)(); yield_!(n); yield_!(job.name)`): an `FnOnce` field is moved out
//!   by the call.
//! - **A scrutinee's guard of the generator's own lock, alive at a suspension** (`while let
//!   Some(t) = queue.lock().unwrap().pop_front() { yield_!(t) }` with an owned `queue`):
//!   Rust holds it until the construct ends; the state cannot hold it beside the lock.

use super::*;
use crate::lower::flat::cfg::Event;

impl Plan {
    /// Whether some value would drop early if the body were lowered flat (see the module doc).
    pub(crate) fn drops_early(&self, ir: &Ir) -> bool {
        self.keeps_fields_it_cannot_name(ir)
            || self.moves_variant_fields_out_of_kept_values(ir)
            || self.drops_call_results_early(ir)
            || self.keeps_a_held_value_that_may_borrow(ir)
            || self.keeps_a_likely_borrow_beside_its_owner(ir)
            || self.keeps_a_text_or_reader_view_of_a_capture(ir)
            || self.keeps_a_value_a_capture_lent(ir)
            || self.calls_a_field_of_a_kept_value(ir)
            || self.keeps_a_reassigned_borrow_beside_its_owner(ir)
            || self.keeps_a_shadowed_builder(ir)
            || self.suspends_with_a_scrutinee_guard_of_its_own_local(ir)
            || self.drops_a_yield_temporary_early(ir)
            || self.drops_a_receiver_taken_for_moved(ir)
            || self.keeps_a_receiver_a_method_may_take(ir)
            || self.drops_a_value_taken_for_a_borrow(ir)
    }

    /// Whether a local of the user's type taken for moved by a method's name alone
    /// (`Ir::consumed_by_name`: `let n = stats.count();`) is still in scope at a later state:
    /// if the method takes `&self`, the plain function drops it at the end of its block, and
    /// flat it would drop at the next suspension.
    fn drops_a_receiver_taken_for_moved(&self, ir: &Ir) -> bool {
        ir.consumed_by_name.iter().any(|&id| {
            self.node_and_binding_of_use(id)
                .is_some_and(|(node, binding)| {
                    self.in_scope_at_a_later_state(node, binding, ir.bindings[binding].scope)
                })
        })
    }

    /// Whether a local of the user's type whose last use is the receiver of a method the
    /// macro does not know takes `self` (`Ir::kept_by_name`: `let total = stats.finish();`,
    /// `let req = b.build();`) is still in scope at a later state: the user's method may take
    /// `self` (the value is gone) or `&self` (it drops at the end of its block), and only
    /// `boxed` keeps either.
    fn keeps_a_receiver_a_method_may_take(&self, ir: &Ir) -> bool {
        ir.kept_by_name.iter().any(|&id| {
            self.node_and_binding_of_use(id)
                .is_some_and(|(node, binding)| {
                    let used_later = self.cfg.succ[node].iter().any(|&s| {
                        self.cfg.binding_places[binding]
                            .iter()
                            .any(|&q| self.live[s].contains(q))
                    });
                    !used_later
                        && self.in_scope_at_a_later_state(node, binding, ir.bindings[binding].scope)
                })
        })
    }

    /// Whether a field called as a function (`Ir::called_fields`: `(job.run)()`) belongs to
    /// a value still in scope at a later state: an `FnOnce` field is moved out by the call,
    /// leaving the value partly moved across the suspension, which only `boxed` keeps as
    /// the plain function does (a `Fn` field is only borrowed, exact either way).
    fn calls_a_field_of_a_kept_value(&self, ir: &Ir) -> bool {
        ir.called_fields.iter().any(|&id| {
            self.node_and_binding_of_use(id)
                .is_some_and(|(node, binding)| {
                    self.in_scope_at_a_later_state(node, binding, ir.bindings[binding].scope)
                })
        })
    }

    /// The node of use `id` and the binding whose place it uses.
    fn node_and_binding_of_use(&self, id: usize) -> Option<(usize, BindingId)> {
        let node = self.cfg.use_nodes[id]?;
        let Event::Use(p, _) = self.cfg.events[node] else {
            return None;
        };
        Some((node, self.cfg.places.list[p].binding))
    }

    /// Whether some state is entered while a yield's temporary that may borrow a local
    /// (`yield_!(lg.guard("t").name.clone())`, a method of the user's on an owned local) is
    /// alive but not kept: a borrow could not be kept, so flat it would drop before the
    /// consumer sees the item, where the plain statement keeps it until it ends.
    fn drops_a_yield_temporary_early(&self, ir: &Ir) -> bool {
        self.drops_early_at_a_state(ir, |b| {
            let info = &ir.bindings[b];
            ir.yield_temps.contains(&b) && matches!(info.borrows, Borrows::Maybe) && !info.by_ref
        })
    }

    /// Whether some state is entered while a value taken for a borrow by its method's name
    /// alone (`Ir::borrowed_by_name`: `let conn = pool.get();`) is in scope but not kept:
    /// if the user's method returns an owned value, flat it would drop there.
    fn drops_a_value_taken_for_a_borrow(&self, ir: &Ir) -> bool {
        self.drops_early_at_a_state(ir, |b| ir.borrowed_by_name.contains(&b))
    }

    /// Whether some state is entered while a binding `chosen` picks, not plain, is
    /// initialized but not kept.
    fn drops_early_at_a_state(&self, ir: &Ir, chosen: impl Fn(BindingId) -> bool) -> bool {
        (0..ir.states.len()).any(|s| {
            let node = self.cfg.entries[s];
            node != usize::MAX
                && (0..ir.bindings.len()).any(|b| {
                    chosen(b)
                        && !ir.bindings[b].plain
                        && self.cfg.binding_places[b]
                            .iter()
                            .any(|&p| self.init.maybe_init[node].contains(p))
                        && !self.kept_bindings_at(s, b)
                })
        })
    }

    /// Whether some state is entered while a `match`/`if let`/`while let` scrutinee's guard
    /// of the generator's own lock is alive (`while let Some(t) =
    /// queue.lock().unwrap().pop_front() { yield_!(t) }` with `queue` a local or an owned
    /// `Arc<Mutex<_>>` argument): Rust holds it until the construct ends, which a flat state
    /// cannot (it would hold a borrow of the lock beside the lock), so flat it would be
    /// released before the consumer sees the item.
    fn suspends_with_a_scrutinee_guard_of_its_own_local(&self, ir: &Ir) -> bool {
        self.scrutinee_guard_of_its_own_local(ir).is_some()
    }

    /// The guard [`Self::suspends_with_a_scrutinee_guard_of_its_own_local`] finds: in a
    /// generator that must stay flat, the macro's error (`flat/mod.rs`).
    pub(crate) fn scrutinee_guard_of_its_own_local(&self, ir: &Ir) -> Option<BindingId> {
        (0..ir.states.len()).find_map(|s| {
            let node = self.cfg.entries[s];
            if node == usize::MAX {
                return None;
            }
            ir.guards.iter().copied().find(|&g| {
                ir.bindings[g].kind == BindingKind::Temp
                    && self.borrows_local(ir, &ir.bindings[g].borrows)
                    && self.cfg.binding_places[g]
                        .iter()
                        .any(|&p| self.init.maybe_init[node].contains(p))
            })
        })
    }

    /// Whether some state keeps a binding shadowed by a builder's result made from it
    /// (`Ir::builder_receivers`): if the method took it by value, a flat state would save a
    /// moved value (rustc's E0382); if by reference, it lives to the end of its scope.
    fn keeps_a_shadowed_builder(&self, ir: &Ir) -> bool {
        self.kept.iter().flatten().any(|k| {
            ir.builder_receivers
                .contains(&self.cfg.places.list[k.place].binding)
        })
    }

    /// Whether some state keeps a part of a value that certainly borrowed a local that owns
    /// its data (`Ir::parts_of_borrows`) and that local too.
    fn keeps_a_likely_borrow_beside_its_owner(&self, ir: &Ir) -> bool {
        self.keeps_beside_its_owner(ir, |b| {
            let Borrows::Likely(owner) = ir.bindings[b].borrows else {
                return false;
            };
            (ir.parts_of_borrows.contains(&b) && ir.bindings[owner].owns)
                || ir.likely_views.contains(&b)
                || super::borrow_errors::borrowing_loop(ir, b)
        })
    }

    /// In an `iter!` block, whether some state keeps what `lines()`, `bytes()` or `split(b)`
    /// made of a capture (`for line in reader.lines()`): `str`'s borrow the capture, which
    /// the block's check accepts only of a reference, and `BufRead`'s take it, which a
    /// capture the closure holds cannot give; only `boxed` holds either.
    fn keeps_a_text_or_reader_view_of_a_capture(&self, ir: &Ir) -> bool {
        ir.inline
            && self.kept.iter().flatten().any(|k| {
                let b = self.cfg.places.list[k.place].binding;
                ir.reader_views.contains(&b)
                    && matches!(ir.bindings[b].borrows,
                        Borrows::Likely(owner) if self.external.contains(&owner))
            })
    }

    /// In an `iter!` block, whether some state keeps what a method of the user's returned,
    /// called on a capture the closure holds (`let tx = conn.begin();`, `Ir::lent_by_captures`):
    /// it may borrow the capture (through a captured `&mut Conn`, or an owned one), which
    /// the closure can lend only for one call; only `boxed` holds it across a yield.
    fn keeps_a_value_a_capture_lent(&self, ir: &Ir) -> bool {
        self.kept.iter().flatten().any(|k| {
            let b = self.cfg.places.list[k.place].binding;
            ir.lent_by_captures
                .get(&b)
                .is_some_and(|capture| self.external.contains(capture))
        })
    }

    /// Whether some state keeps a local reassigned a borrow (`Ir::reassigned_borrows`) and
    /// the local it may borrow.
    fn keeps_a_reassigned_borrow_beside_its_owner(&self, ir: &Ir) -> bool {
        self.keeps_beside_its_owner(ir, |b| ir.reassigned_borrows.contains(&b))
    }

    /// Whether some state keeps a binding `chosen` picks that (probably) borrows a local
    /// that is no reference, and that local too.
    fn keeps_beside_its_owner(&self, ir: &Ir, chosen: impl Fn(BindingId) -> bool) -> bool {
        self.kept.iter().any(|state| {
            let keeps = |b: BindingId| {
                state
                    .iter()
                    .any(|k| self.cfg.places.list[k.place].binding == b)
            };
            state.iter().any(|k| {
                let b = self.cfg.places.list[k.place].binding;
                chosen(b)
                    && matches!(ir.bindings[b].borrows,
                        Borrows::Likely(owner) | Borrows::Definitely(owner, _)
                            if !ir.bindings[owner].by_ref && keeps(owner))
            })
        })
    }

    /// Whether some state keeps a binding named to be held for its drop (`_span`) whose
    /// value came out of a call given a borrow of a local (`enter(&name)`): the macro cannot
    /// see whether the value holds that borrow, and if it does, only `boxed` keeps both.
    fn keeps_a_held_value_that_may_borrow(&self, ir: &Ir) -> bool {
        self.kept.iter().flatten().any(|k| {
            let b = self.cfg.places.list[k.place].binding;
            let borrows = &ir.bindings[b].borrows;
            // (Of a value that certainly owns its data: a likely borrow of a capture of an
            // `iter!` block, `shared.lock()`, may be a reborrow through a reference.)
            // Or of a `let` of the body (`let sp = Span::new("s");`, `let sp = make();`),
            // whose value, if it is no reference, is the local itself that `&sp` borrows.
            // Or of a capture of an `iter!` block referenced itself (`Span::enter("n",
            // &log)`, `Ir::capture_referenced`): a borrow of the local holding it, whether it
            // owns its data or is a reference; `boxed` holds the guard.
            held_for_drop(ir, b)
                && matches!(borrows, Borrows::Likely(owner)
                    if ir.bindings[*owner].owns
                        || (ir.whole_lets.contains(owner) && !ir.bindings[*owner].by_ref)
                        || (ir.capture_referenced.contains(&b) && ir.params.contains(owner)))
                && self.borrows_local(ir, borrows)
        })
    }

    /// Whether an enum variant pattern moves fields out of a local (`Msg::Put { key, .. }`
    /// binding `key` by value, not taken for a copy: `build/variant_moves.rs`) that is still
    /// in scope at a later state: flat, the fields it leaves would drop when the step ends.
    fn moves_variant_fields_out_of_kept_values(&self, ir: &Ir) -> bool {
        ir.variant_moves.iter().any(|m| {
            if m.bindings.is_empty() || self.copied_fields.contains(&m.site) {
                return false;
            }
            let Some(node) = self.cfg.use_nodes[m.scrutinee] else {
                return false;
            };
            let Event::Use(p, _) = self.cfg.events[node] else {
                return false;
            };
            let binding = self.cfg.places.list[p].binding;
            let info = &ir.bindings[binding];
            info.kind != BindingKind::Temp
                && self.in_scope_at_a_later_state(node, binding, info.scope)
        })
    }

    /// Whether some state is entered while a binding that may borrow a local and may hold a
    /// value of the user's making is initialized, no longer read, and not kept.
    fn drops_call_results_early(&self, ir: &Ir) -> bool {
        if ir.user_made.is_empty() {
            return false;
        }
        (0..ir.states.len()).any(|s| {
            let node = self.cfg.entries[s];
            node != usize::MAX
                && ir.user_made.iter().any(|&b| {
                    let info = &ir.bindings[b];
                    let places = &self.cfg.binding_places[b];
                    !info.by_ref
                        && !info.plain
                        && self.borrows_local(ir, &info.borrows)
                        && !held_for_drop(ir, b)
                        && places
                            .iter()
                            .any(|&p| self.init.maybe_init[node].contains(p))
                        && !places.iter().any(|&p| self.live[node].contains(p))
                        && !self.kept_bindings_at(s, b)
                })
        })
    }

    /// Whether state `s` keeps (a part of) `binding`.
    fn kept_bindings_at(&self, s: StateId, binding: BindingId) -> bool {
        self.kept[s]
            .iter()
            .any(|k| self.cfg.places.list[k.place].binding == binding)
    }
}
