//! The flat generator's one limit as an error: a binding kept across a yield while it
//! borrows a generator local, reported on the borrow with the fix that applies.

use std::collections::HashSet;

use super::borrow_messages::borrow_message;
use super::*;

impl Plan {
    /// The errors of bindings kept while they borrow a generator local.
    pub(super) fn borrow_errors(&mut self, ir: &Ir) {
        let mut reported = HashSet::new();
        let mut reported_at = HashSet::new();
        for (s, kept) in self.kept.iter().enumerate() {
            let node = self.cfg.entries[s];
            let kept_bindings: Vec<BindingId> = kept
                .iter()
                .map(|k| self.cfg.places.list[k.place].binding)
                .collect();
            for &binding in &kept_bindings {
                let live = self.cfg.binding_places[binding]
                    .iter()
                    .any(|&p| self.live[node].contains(p));
                let info = &ir.bindings[binding];
                // `let rest = cs.as_str();` of an iterator `cs` over `s` that is no longer
                // kept: a borrow of `s` through it.
                let borrows = match &info.borrows {
                    Borrows::Definitely(owner, span)
                        if !reported_here(ir, *owner) && !kept_bindings.contains(owner) =>
                    {
                        match &ir.bindings[*owner].borrows {
                            Borrows::Definitely(through, _)
                                if *through != *owner && reported_here(ir, *through) =>
                            {
                                Borrows::Definitely(*through, *span)
                            }
                            _ => info.borrows.clone(),
                        }
                    }
                    other => other.clone(),
                };
                let error = match &borrows {
                    // A borrow judged by a method's name alone, of a value of the user's type
                    // (`Ir::borrowed_by_name`): `boxed` holds it whether it is one or not.
                    Borrows::Definitely(..)
                        if (live || super::held_for_drop(ir, binding))
                            && ir.may_lower_boxed
                            && ir.borrowed_by_name.contains(&binding) =>
                    {
                        self.borrow_judged_by_name = true;
                        None
                    }
                    // A closure's capture by reference of a reference local borrows the
                    // local itself.
                    // (A local reassigned a borrow is lowered `boxed`: `plan/inexact.rs`.)
                    Borrows::Definitely(owner, span)
                        if (live || super::held_for_drop(ir, binding))
                            && !(ir.reassigned_borrows.contains(&binding)
                                && ir.may_lower_boxed)
                            && (reported_here(ir, *owner)
                                || ir.borrowing_closures.contains(&binding))
                            && *owner != binding =>
                    {
                        // Used after the loop, or later in it (`xs[j]` in a loop over
                        // `xs.iter()`): iterating over it by value is no fix.
                        let owner_after = self.used_after_scope(ir, binding, *owner)
                            || self.cfg.binding_places[*owner]
                                .iter()
                                .any(|&p| self.live[node].contains(p));
                        Some((span, borrow_message(ir, binding, *owner, owner_after)))
                    }
                    // A shared borrow (`for part in self.src.split(';')`) may be a reborrow
                    // through a reference field (`src: &'a str`), which borrows nothing of
                    // `self`: the macro cannot see the field's type, and `boxed` holds
                    // either.
                    Borrows::MutThrough(through, _)
                        if kept_bindings.contains(through)
                            && ir.may_lower_boxed
                            && !borrows_mutably(ir, binding) =>
                    {
                        self.shared_borrow_through_mut = true;
                        None
                    }
                    Borrows::MutThrough(through, span) if kept_bindings.contains(through) => {
                        let name = display_name(ir, *through);
                        Some((
                            span,
                            format!(
                                "this borrow through the mutable reference `{name}` is kept \
                                 across a yield while `{name}` itself is used again after it, \
                                 and a flat generator cannot hold both in its state; end the borrow before the yield \
                                 (a `for` loop over a collection can index instead: `for i in \
                                 0..v.len() {{ .. v[i] .. }}`; over an iterator, step it: \
                                 `while let Some(x) = it.next() {{ .. }}`), or {}",
                                boxed_alternative(ir.inline)
                            ),
                        ))
                    }
                    _ => None,
                };
                // One error, on the user's borrow (its message says a yield follows): a
                // second one at the yield would be a second `error:`, not a note (stable
                // proc macros have no notes). One per borrow too: `for w in &words` with
                // `w` used after the yield is one mistake, the loop's, not also `w`'s.
                if let Some((spans, message)) = error
                    && reported.insert(binding)
                    && reported_at.insert(format!("{spans:?}"))
                {
                    self.errors.push(spans.error(message));
                }
            }
        }
    }
}

impl Plan {
    /// The errors of items that reborrow through a reference binding the state keeps
    /// (`yield_!(&mut node.value); cur = node.next.as_deref_mut();`): the state would hold
    /// `node` while the item holds a borrow through it.
    pub(super) fn reborrowed_item_errors(&mut self, ir: &Ir) {
        for (s, binding, spans) in &ir.reborrowed_items {
            let (s, binding) = (*s, *binding);
            if !self.kept[s]
                .iter()
                .any(|k| self.cfg.places.list[k.place].binding == binding)
            {
                continue;
            }
            let name = display_name(ir, binding);
            let node = self.cfg.entries[s];
            let read_later = node != usize::MAX
                && self.cfg.binding_places[binding]
                    .iter()
                    .any(|&p| self.live[node].contains(p));
            let message = if read_later {
                format!(
                    "this item borrows through `{name}`, which the code after this yield still \
                     uses, but a flat generator cannot keep `{name}` in its state while the item \
                     borrows through it; before the yield, take out of `{name}` what the code \
                     after it needs (`let rest = &mut {name}.next;`, a borrow of another \
                     field), or {}",
                    boxed_alternative(ir.inline)
                )
            } else {
                // Not read later, but maybe a value with something to drop at the end of its
                // scope: the macro does not see that it is a reference.
                format!(
                    "this item borrows through `{name}`, which the generator keeps across this \
                     yield to drop it at the end of its scope, but a flat generator cannot keep \
                     `{name}` in its state while the item borrows through it; if `{name}` is a \
                     reference, say so before the yield (`let {name}: &mut _ = {name};`: a \
                     reference has nothing to drop and is not kept once unused), or {}",
                    boxed_alternative(ir.inline)
                )
            };
            // One error per borrow: a loop's `for x in self.items.iter_mut() { yield_!(x) }`
            // with `self` used after it is the loop's (`borrow_errors`), not also the item's.
            let error = spans.error(message);
            let at = format!("{:?}", error.span());
            if !self.errors.iter().any(|e| format!("{:?}", e.span()) == at) {
                self.errors.push(error);
            }
        }
    }

    /// Whether a binding that certainly borrows a generator local is in scope where control
    /// jumps to a join the flat lowering made for itself, and no such borrow is in use
    /// (read later, or held for its drop) at a suspension. A join is no suspension: a
    /// coroutine has no such state, so the body is valid as a generator, but the flat state
    /// machine would move the borrowed local into the join's payload while the borrow is in
    /// scope (the macro's borrow error, or rustc's E0505 when the borrow's drop, a `RefCell`
    /// guard's, runs at the end of its scope). Such a join comes from a compound lowered so
    /// that a value moved on some of its paths drops where the plain function drops it (`if
    /// flag { drop(extra) }` inside a block that holds `let it = v.iter();` or a guard).
    pub(crate) fn borrow_across_joins_only(&self, ir: &Ir) -> bool {
        let targets = self.targets(ir.states.len());
        // A value in transit to a join that certainly borrows a local (`let first = if flag
        // { drop(extra); &words[0] } else { &words[1] };`, lowered because `extra` is moved
        // on one path only): the join's payload would hold the borrow next to the local.
        let mut at_join = ir.borrow_handed_to_a_join;
        for node in self.cfg.marks.iter().flatten().copied() {
            // Bindings in scope here (initialized, their scope not ended) that certainly borrow
            // a generator local: (any in scope, any in use).
            let (mut in_scope, mut in_use) = (false, false);
            // Owners of likely borrows in use here (`for w in words.iter()` of a value whose
            // type the macro cannot see): kept beside such a borrow at a jump, they would
            // fail as rustc's E0505 if it is one.
            let mut likely_owners = Vec::new();
            for (b, binding) in ir.bindings.iter().enumerate() {
                let places = &self.cfg.binding_places[b];
                if !places
                    .iter()
                    .any(|&p| self.init.maybe_init[node].contains(p))
                {
                    continue;
                }
                let live = places.iter().any(|&p| self.live[node].contains(p));
                // Only a certain borrow: a likely one that is no borrow after all is kept like
                // any value and compiles, and the flat lowering holds it.
                // A reference (no drop glue) that is no longer read ends its borrow where it
                // is last read; anything else may be dropped at the end of its scope.
                if let Borrows::Definitely(owner, _) = binding.borrows
                    && owner != b
                {
                    let held = super::held_for_drop(ir, b);
                    // A guard no longer used drops before the state changes
                    // (`emit/dead_guards.rs`).
                    let dropped_dead =
                        ir.guards.contains(&b) || super::maybe_borrowing_yield_temporary(ir, b);
                    in_scope |= live || held || !(binding.by_ref || dropped_dead);
                    in_use |= live || held;
                }
                if let Borrows::Likely(owner) = binding.borrows
                    && owner != b
                    && live
                    && borrowing_loop(ir, b)
                {
                    likely_owners.push(owner);
                }
            }
            for (s, info) in ir.states.iter().enumerate() {
                let keeps_owner = || {
                    self.kept[s]
                        .iter()
                        .any(|k| likely_owners.contains(&self.cfg.places.list[k.place].binding))
                };
                if targets[node].contains(s)
                    && matches!(info.kind, StateKind::Join { .. } | StateKind::Head)
                    && keeps_owner()
                {
                    at_join = true;
                }
            }
            if !in_scope {
                continue;
            }
            for (s, info) in ir.states.iter().enumerate() {
                if !targets[node].contains(s) {
                    continue;
                }
                // A loop's head is a jump target too, never a suspension: `for x in v.iter()
                // { if .. { yield_!(*x); break; } }` enters its head with the iterator
                // beside `v`, and leaves the loop after the yield, where nothing borrows.
                match info.kind {
                    StateKind::Join { .. } => at_join = true,
                    StateKind::Head => at_join |= in_use,
                    // A suspension: what is in use at its own mark, not at a mark that
                    // reaches it through more code (`n += 1;` before `if .. { yield_!(..);
                    // break; }`, where the loop's iterator is still needed on the other path).
                    _ if in_use && self.enters_directly(node, s) => return false,
                    _ => {}
                }
            }
        }
        at_join
    }

    /// Whether `node` enters state `s` with no code in between (only scope ends and marks).
    fn enters_directly(&self, node: Node, s: StateId) -> bool {
        let mut stack = vec![node];
        let mut seen = std::collections::HashSet::new();
        while let Some(n) = stack.pop() {
            for &next in &self.cfg.succ[n] {
                match self.cfg.events[next] {
                    Event::Entry(state) if state == s => return true,
                    Event::Dead(_) | Event::Nop | Event::Mark if seen.insert(next) => {
                        stack.push(next)
                    }
                    _ => {}
                }
            }
        }
        false
    }

    /// Whether `owner` is read after `binding` (a loop's iterator) goes out of scope: then
    /// iterating over `owner` by value is no fix.
    fn used_after_scope(&self, ir: &Ir, binding: BindingId, owner: BindingId) -> bool {
        let scope = ir.bindings[binding].scope;
        self.cfg.events.iter().enumerate().any(|(n, e)| {
            matches!(e, Event::Dead(s) if *s == scope)
                && self.cfg.binding_places[owner]
                    .iter()
                    .any(|&p| self.live[n].contains(p))
        })
    }
}

/// Whether `binding` borrows mutably: a `&mut` reference, or the iterator of a loop over
/// `iter_mut()`, `&mut v`, `values_mut()` or `drain(..)`.
fn borrows_mutably(ir: &Ir, binding: BindingId) -> bool {
    ir.bindings[binding].mut_ref
        || ir.loop_methods.get(&binding).is_some_and(|(_, m)| {
            matches!(
                m.as_str(),
                "iter_mut" | "&mut" | "values_mut" | "range_mut" | "drain" | "drain(range)"
            )
        })
}

/// Whether `binding` is the iterator of a loop over a std borrowing method of a place, or a
/// borrow of it (`for w in words.iter()`, `for c in text.chars()`, `for x in &items`).
pub(crate) fn borrowing_loop(ir: &Ir, binding: BindingId) -> bool {
    ir.loop_methods.get(&binding).is_some_and(|(_, method)| {
        matches!(
            method.as_str(),
            "&" | "&mut"
                | "iter"
                | "iter_mut"
                | "chars"
                | "char_indices"
                | "bytes"
                | "lines"
                | "split"
                | "split_whitespace"
                | "windows"
                | "chunks"
                | "keys"
                | "values"
                | "values_mut"
        )
    })
}

/// Whether a kept borrow of `owner` is reported as a borrow of it: `owner` holds a value of
/// its own, and is not an iterator that itself borrows a generator local (`let it =
/// v.iter();`, whose own error names `v`, the borrow to end).
fn reported_here(ir: &Ir, owner: BindingId) -> bool {
    let b = &ir.bindings[owner];
    b.holds_value() && !(b.by_ref && matches!(b.borrows, Borrows::Definitely(..)))
}

/// The compiler-backed alternative: an attribute of a generator function, which an `iter!`
/// block does not have.
pub(crate) fn boxed_alternative(inline: bool) -> &'static str {
    if inline {
        "write it as a `#[generator(boxed)]` function"
    } else {
        "use `#[generator(boxed)]`"
    }
}
