//! The flat generator's one limit as an error: a binding kept across a yield while it
//! borrows a generator local, reported on the borrow with the fix that applies.

use std::collections::HashSet;

use super::*;

impl Plan {
    /// The errors of bindings kept while they borrow a generator local.
    pub(super) fn borrow_errors(&mut self, ir: &Ir) {
        let mut reported = HashSet::new();
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
                let error = match &info.borrows {
                    // A closure's capture by reference of a reference local borrows the
                    // local itself.
                    Borrows::Definitely(owner, span)
                        if (live || super::held_for_drop(ir, binding))
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
                    Borrows::MutThrough(through, span) if kept_bindings.contains(through) => {
                        let name = display_name(ir, *through);
                        Some((
                            span,
                            format!(
                                "this borrow through the mutable reference `{name}` is kept \
                                 across a yield while `{name}` itself is used again after it, \
                                 and a flat generator cannot hold both in its state; end the borrow before the yield \
                                 (a `for` loop over it can index instead: `for i in 0..v.len() {{ \
                                 .. v[i] .. }}`), or {}",
                                boxed_alternative(ir.inline)
                            ),
                        ))
                    }
                    _ => None,
                };
                if let Some((spans, message)) = error
                    && reported.insert(binding)
                {
                    let mut e = spans.error(message);
                    if ir.states[s].kind == StateKind::Resume {
                        e.combine(syn::Error::new(
                            ir.states[s].at,
                            "the generator suspends here while the borrow is live",
                        ));
                    }
                    self.errors.push(e);
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
            self.errors.push(spans.error(message));
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
        let mut at_join = false;
        for node in self.cfg.marks.iter().flatten().copied() {
            // Bindings in scope here (initialized, their scope not ended) that certainly borrow
            // a generator local: (any in scope, any in use).
            let (mut in_scope, mut in_use) = (false, false);
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
            }
            if !in_scope {
                continue;
            }
            for (s, info) in ir.states.iter().enumerate() {
                if !targets[node].contains(s) {
                    continue;
                }
                match info.kind {
                    StateKind::Join { .. } => at_join = true,
                    _ if in_use => return false,
                    _ => {}
                }
            }
        }
        at_join
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

/// A local that the closure bound to `closure` captures and that the body may change: a
/// `move` closure would change a copy of its own.
fn changed_capture(ir: &Ir, closure: BindingId) -> Option<BindingId> {
    ir.closure_captures
        .get(&closure)?
        .iter()
        .copied()
        .find(|c| ir.maybe_mutated.contains(c))
}

fn borrow_message(ir: &Ir, binding: BindingId, owner: BindingId, owner_after: bool) -> String {
    let owner_name = display_name(ir, owner);
    let boxed = boxed_alternative(ir.inline);
    // `let tag = &log.make(..);`: the hidden local of the temporary the `let` extends.
    if crate::lower::flat::extended_temps::is_extended(&ir.bindings[owner].ident) {
        let name = display_name(ir, binding);
        return format!(
            "`{name}` borrows the temporary value that `let .. = &..;` keeps alive to the end of \
             its block, and is still needed after a yield, but a flat generator cannot keep a \
             borrow of its own local in its state; bind the value itself (the `let` without \
             `&`) and borrow it where it is used, or {boxed}"
        );
    }
    // `match cache.borrow().get(&k) { Some(v) => .. }`: the hidden local of the guard
    // (`build/scrutinee_guards.rs`).
    if ir.bindings[owner].kind == BindingKind::Temp && ir.guards.contains(&owner) {
        let name = display_name(ir, binding);
        return format!(
            "`{name}` borrows the guard taken here, which the plain function keeps until the \
             `match`, `if let` or `while let` ends, and is still needed after a yield, but a \
             flat generator cannot keep a borrow of its own local in its state; copy what it \
             needs out of the guard before the yield (`.cloned()`, `.to_owned()`), or {boxed}"
        );
    }
    match ir.bindings[binding].kind {
        BindingKind::Iter if ir.borrowing_closures.contains(&binding) => format!(
            "this closure captures `{owner_name}` by reference, and the iterator holding it is \
             kept across a yield, but a flat generator cannot keep a borrow of its own local in \
             its state; make it a `move` closure (`move |..| ..`), or {boxed}"
        ),
        // `for c in &mut it` or `it.by_ref()` over an iterator local: its own `next()` needs no
        // loop borrow.
        BindingKind::Iter
            if ir.bindings[owner].by_ref
                || ir
                    .loop_methods
                    .get(&binding)
                    .is_some_and(|(_, m)| m == "by_ref") =>
        {
            format!(
                "`{owner_name}` is borrowed by this loop across a yield, but a flat generator cannot \
             keep a borrow of its own local in its state; advance the iterator itself, one item \
             at a time (`while let Some(x) = {owner_name}.next() {{ .. }}`), or {boxed}"
            )
        }
        // `let keys: Vec<&K> = map.keys().collect(); for k in keys { yield_!(..) }`.
        BindingKind::Iter
            if ir
                .loop_sources
                .get(&binding)
                .is_some_and(|&source| source != owner) =>
        {
            let source = display_name(ir, ir.loop_sources[&binding]);
            format!(
                "`{source}` holds this borrow of `{owner_name}`, and the loop over `{source}` keeps \
                 it across a yield, but a flat generator cannot keep a borrow of its own local in \
                 its state; collect owned values instead (`.cloned()`, `.to_owned()`), or {boxed}"
            )
        }
        BindingKind::Iter if ir.guards.contains(&owner) => format!(
            "`{owner_name}` is borrowed by this loop across a yield, but a flat generator cannot \
             keep a borrow of its own local in its state; copy the data out of the guard first \
             (`let items = {owner_name}.clone();`, then `for x in items`), index into it, or \
             {boxed}"
        ),
        // Text (`for line in text.lines()`): no `for x in text`, and no index of a line.
        BindingKind::Iter if ir.texts.contains(&owner) => {
            let by_reference = if ir.bindings[owner].kind == BindingKind::Param {
                format!("take the text by reference as an argument (`{owner_name}: &str`), ")
            } else {
                String::new()
            };
            let collect = owned_items_of_text(ir, binding, &owner_name);
            format!(
                "`{owner_name}` is borrowed by this loop across a yield, but a flat generator \
                 cannot keep a borrow of its own local in its state; {by_reference}collect owned \
                 items first (for example `{collect}`), or {boxed}"
            )
        }
        // Used after the loop: iterating by value would leave nothing to use.
        BindingKind::Iter if owner_after => {
            let place = ir
                .loop_methods
                .get(&binding)
                .map_or(owner_name.clone(), |(place, _)| place.clone());
            let by_reference = by_reference(ir, owner, &owner_name);
            format!(
                "`{owner_name}` is borrowed by this loop across a yield, but a flat generator \
                 cannot keep a borrow of its own local in its state; iterate over indices \
                 (`for i in 0..{place}.len()`) or an owned copy (`{place}.clone()`), \
                 {by_reference}, or {boxed}"
            )
        }
        BindingKind::Iter => {
            let owned = owned_iteration(ir, binding, &owner_name);
            // A sequence (`&v`, `v.iter()`) can be indexed instead; a map's keys cannot.
            let index = match ir.loop_methods.get(&binding) {
                Some((_, m)) if !matches!(m.as_str(), "&" | "iter" | "iter_mut") => "",
                _ => " index into it,",
            };
            let by_reference = by_reference(ir, owner, &owner_name);
            format!(
                "`{owner_name}` is borrowed by this loop across a yield, but a flat generator \
                 cannot keep a borrow of its own local in its state; iterate over an owned value \
                 ({owned}),{index} {by_reference}, or {boxed}"
            )
        }
        BindingKind::Temp => format!(
            "this value borrows `{owner_name}` and is still needed after a yield in the same \
             expression, but a flat generator cannot keep a borrow of its own local in its \
             state; compute it after the yield, own the data, or {boxed}"
        ),
        _ if ir.ref_bindings.contains(&binding) => {
            let name = display_name(ir, binding);
            let into = if ir.bindings[owner].kind == BindingKind::Temp {
                "the value it matches".to_owned()
            } else {
                format!("`{owner_name}`")
            };
            format!(
                "`{name}` is a `ref` binding into {into} and is still needed after a yield, but \
                 a flat generator cannot keep a borrow of its own local in its state; bind the \
                 value itself (without `ref`, storing it back if it changes), or {boxed}"
            )
        }
        // A closure that changes `count`: a `move` closure would change a copy of its own.
        _ if ir.borrowing_closures.contains(&binding) && changed_capture(ir, binding).is_some() => {
            let name = display_name(ir, binding);
            let changed = changed_capture(ir, binding).unwrap_or(owner);
            let changed_name = display_name(ir, changed);
            let captures = ir.closure_captures.get(&binding).map_or(0, Vec::len);
            // What it only reads it may capture by value.
            let (capture, others) = if captures > 1 {
                (
                    "move ",
                    ", a `move` closure for the locals it only reads".to_owned(),
                )
            } else {
                ("", String::new())
            };
            format!(
                "`{name}` captures `{changed_name}` by reference and is still needed after a \
                 yield, but a flat generator cannot keep a borrow of its own local in its \
                 state; pass `{changed_name}` to the closure as an argument at each call \
                 (`{capture}|{changed_name}: &mut _, ..|`{others}), or {boxed}"
            )
        }
        _ if ir.borrowing_closures.contains(&binding) => {
            let name = display_name(ir, binding);
            format!(
                "`{name}` captures `{owner_name}` by reference and is still needed after a \
                 yield, but a flat generator cannot keep a borrow of its own local in its \
                 state; make it a `move` closure (`move |..| ..`), or {boxed}"
            )
        }
        // `let _lock = m.lock().unwrap();`: held for its drop, to the end of its block.
        _ if super::held_for_drop(ir, binding) => {
            let name = display_name(ir, binding);
            format!(
                "`{name}` borrows `{owner_name}` and is held to the end of its block across a \
                 yield, but a flat generator cannot keep a borrow of its own local in its \
                 state; drop it before the yield (`drop({name});`), take `{owner_name}` by \
                 reference as an argument, or {boxed}"
            )
        }
        // What the macro keeps in a hidden local: a `match` scrutinee's value, an operand.
        _ if ir.bindings[owner].kind == BindingKind::Temp => {
            let name = display_name(ir, binding);
            format!(
                "`{name}` borrows the value matched or computed here and is still needed after a \
                 yield, but a flat generator cannot keep a borrow of its own local in its state; \
                 end the borrow before the yield, own the data, or {boxed}"
            )
        }
        _ => {
            let name = display_name(ir, binding);
            format!(
                "`{name}` borrows `{owner_name}` and is still needed after a yield, but a flat \
                 generator cannot keep a borrow of its own local in its state; end the borrow \
                 before the yield, own the data, or {boxed}"
            )
        }
    }
}

/// The owning form of the loop over `binding`, which borrows `owner`: `for x in v` for
/// `for x in &v` or `v.iter()`, `v.into_keys()` for `v.keys()`, ..
fn owned_iteration(ir: &Ir, binding: BindingId, owner: &str) -> String {
    let Some((place, method)) = ir.loop_methods.get(&binding) else {
        return format!("`{owner}.into_iter()`");
    };
    match method.as_str() {
        "&" => format!("`for x in {place}`"),
        "[&]" => format!("`for x in [{place}]`, the values themselves"),
        "iter" | "iter_mut" => format!("`{place}.into_iter()` in place of `{place}.{method}()`"),
        "keys" => format!("`{place}.into_keys()` in place of `{place}.keys()`"),
        "values" | "values_mut" => {
            format!("`{place}.into_values()` in place of `{place}.{method}()`")
        }
        "drain" => format!("`std::mem::take(&mut {place}).into_iter()`"),
        "chars" | "char_indices" | "bytes" | "lines" | "split" | "split_whitespace" => {
            format!("`{}`", owned_items_of_text(ir, binding, place))
        }
        _ => format!("`{place}.into_iter()`, or items collected into a `Vec` first"),
    }
}

/// `let items: Vec<..> = text.method(..)..collect();` for the loop over `binding`.
fn owned_items_of_text(ir: &Ir, binding: BindingId, owner: &str) -> String {
    let method = ir
        .loop_methods
        .get(&binding)
        .map(|(place, m)| (place.as_str(), m.as_str()));
    match method {
        Some((place, "chars")) => format!("let chars: Vec<char> = {place}.chars().collect();"),
        Some((place, "char_indices")) => {
            format!("let chars: Vec<(usize, char)> = {place}.char_indices().collect();")
        }
        Some((place, "bytes")) => format!("let bytes: Vec<u8> = {place}.bytes().collect();"),
        Some((place, m @ ("split" | "split_whitespace" | "split_terminator" | "rsplit"))) => {
            let args = if m == "split_whitespace" { "" } else { ".." };
            format!("let parts: Vec<String> = {place}.{m}({args}).map(String::from).collect();")
        }
        Some((place, _)) => {
            format!("let lines: Vec<String> = {place}.lines().map(String::from).collect();")
        }
        None => format!("let lines: Vec<String> = {owner}.lines().map(String::from).collect();"),
    }
}

/// Taking `owner` by reference instead: an argument of a function, a reference captured by
/// an `iter!` block (`let v = &v;` before it).
fn by_reference(ir: &Ir, owner: BindingId, name: &str) -> String {
    if ir.inline && ir.bindings[owner].kind == BindingKind::Param {
        format!(
            "capture a reference instead (`let {name} = &{name};` before the block, then \
             `{name}` where the block borrows it)"
        )
    } else if crate::parse::is_self_ident(&ir.bindings[owner].ident) {
        "take `&self` instead of `self`".to_owned()
    } else {
        "take it by reference as an argument".to_owned()
    }
}
