//! The text of the borrow errors (`borrow_errors.rs`): what the kept binding borrows, and the
//! fix that applies to how it was made (a loop's iterator, a closure, a guard, a method
//! judged by its name).

use super::borrow_errors::boxed_alternative;
use super::loop_fixes::{
    by_reference, declared_as, keyed, loop_method, owned_items_of_text, owned_iteration,
};
use super::*;
use crate::lower::flat::build::consumed_by_name::NAMES_USER_TYPES_SHARE;

/// A local that the closure bound to `closure` captures and that the body may change: a
/// `move` closure would change a copy of its own.
fn changed_capture(ir: &Ir, closure: BindingId) -> Option<BindingId> {
    ir.closure_captures
        .get(&closure)?
        .iter()
        .copied()
        // A change through a shared reference (`backend.borrow_mut()` of a `&RefCell`) is
        // no change of the local: a `move` closure copies the reference.
        .find(|&c| {
            let b = &ir.bindings[c];
            (b.mut_ref || !b.by_ref) && ir.maybe_mutated.contains(&c)
        })
}

pub(super) fn borrow_message(
    ir: &Ir,
    binding: BindingId,
    owner: BindingId,
    owner_after: bool,
) -> String {
    let owner_name = display_name(ir, owner);
    let boxed = boxed_alternative(ir.inline);
    // `let tag = &log.make(..);`: the hidden local of the temporary the `let` extends.
    if crate::lower::flat::extended_temps::is_extended(&ir.bindings[owner].ident) {
        let name = display_name(ir, binding);
        return format!(
            "`{name}` borrows a temporary value that its `let` keeps alive to the end of its \
             block, and is still needed after a yield, but a flat generator cannot keep a \
             borrow of its own local in its state; bind the value itself (the `let` without \
             `&` or `ref`) and borrow it where it is used, or {boxed}"
        );
    }
    // `match xs.clone().as_slice() { [a, rest @ ..] => .. }`: the hidden local of a temporary
    // the scrutinee reads through (`build/scrutinee_temps.rs`).
    if ir.read_temporaries.contains(&owner) {
        let name = display_name(ir, binding);
        return format!(
            "`{name}` borrows the temporary value made here, which the plain function keeps \
             until the `match`, `if let` or `while let` ends, and is still needed after a \
             yield, but a flat generator cannot keep a borrow of its own local in its state; \
             copy what it needs out of the borrow before the yield (`.to_owned()`, \
             `.to_vec()`, `*x` of a number), or {boxed}"
        );
    }
    // `match cache.borrow().get(&k) { Some(v) => .. }`: the hidden local of the guard
    // (`build/scrutinee_temps.rs`).
    if ir.bindings[owner].kind == BindingKind::Temp && ir.guards.contains(&owner) {
        let name = display_name(ir, binding);
        return format!(
            "`{name}` borrows the guard taken here, which the plain function keeps until the \
             `match`, `if let` or `while let` ends, and is still needed after a yield, but a \
             flat generator cannot keep a borrow of its own local in its state; copy what it \
             needs out of the guard before the yield (`.cloned()`, `.to_owned()`), or {boxed}"
        );
    }
    // The hidden iterator of a `for` loop or of a `yield_from!`.
    let by = if ir.yield_from_iterators.contains(&binding) {
        "this `yield_from!`"
    } else {
        "this loop"
    };
    match ir.bindings[binding].kind {
        BindingKind::Iter if ir.borrowing_closures.contains(&binding) => format!(
            "this closure captures `{owner_name}` by reference, and the iterator holding it is \
             kept across a yield, but a flat generator cannot keep a borrow of its own local in \
             its state; make it a `move` closure (`move |..| ..`), or {boxed}"
        ),
        // `for c in &mut it` or `it.by_ref()` over an iterator local: its own `next()` needs no
        // loop borrow.
        BindingKind::Iter
            if ir.bindings[owner].by_ref || loop_method(ir, binding) == Some("by_ref") =>
        {
            format!(
                "`{owner_name}` is borrowed by {by} across a yield, but a flat generator cannot \
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
            let source_binding = ir.loop_sources[&binding];
            let source = display_name(ir, source_binding);
            let plain_items = ir.item_iterators.get(&source_binding)
                == Some(&crate::lower::flat::ir::ItemKind::Plain);
            let owned = if plain_items {
                // `let it = s.chars();`: its items are values of their own.
                let collected = ir.by_method.get(&source_binding).map_or_else(
                    || format!("`{source}.collect::<Vec<_>>()`"),
                    |(call, receiver)| {
                        format!("`let {source}: Vec<_> = {receiver}.{call}.collect();`")
                    },
                );
                format!(
                    "collect its items, which are values of their own, into a `Vec` first \
                     ({collected})"
                )
            } else if ir.bound_through_a_borrowed_local.contains(&source_binding) {
                // `match &s { Shape::Poly(pts) => for p in pts { .. } }`: a binding through a
                // reference, which binding the value moves out.
                format!(
                    "match on `{owner_name}` itself, not on a reference to it, so that the \
                     pattern moves the field out (`match {owner_name} {{ .. }}`), or collect \
                     owned copies (`.cloned().collect::<Vec<_>>()`)"
                )
            } else if ir.texts.contains(&owner) {
                "collect owned copies (`.map(str::to_owned).collect::<Vec<String>>()`)".to_owned()
            } else if let Some((place, method @ ("keys" | "values"))) = ir
                .let_sources
                .get(&source_binding)
                .map(|(p, m)| (p.as_str(), m.as_str()))
            {
                // A map's keys or values: `into_keys()` takes them out of it.
                format!(
                    "build it from `{place}.into_{method}()` (or from a clone of `{place}`), or \
                     collect owned copies (`.cloned().collect::<Vec<_>>()`)"
                )
            } else {
                format!(
                    "build it from `{owner_name}.into_iter()` (or from a clone of \
                     `{owner_name}`), or collect owned copies (`.map(|x| x.to_owned()).collect::<Vec<_>>()`)"
                )
            };
            format!(
                "`{source}` holds this borrow of `{owner_name}`, and the loop over `{source}` keeps \
                 it across a yield, but a flat generator cannot keep a borrow of its own local in \
                 its state; make `{source}` own its items: {owned}, or {boxed}"
            )
        }
        BindingKind::Iter if ir.guards.contains(&owner) => format!(
            "`{owner_name}` is borrowed by {by} across a yield, but a flat generator cannot \
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
                "`{owner_name}` is borrowed by {by} across a yield, but a flat generator \
                 cannot keep a borrow of its own local in its state; {by_reference}collect owned \
                 items first (for example `{collect}`), or {boxed}"
            )
        }
        // `for x in v.drain(..)` with `v` used after the loop: `mem::take` empties `v` as the
        // drain does, and leaves it usable.
        BindingKind::Iter if owner_after && loop_method(ir, binding) == Some("drain") => {
            let place = &ir.loop_methods[&binding].0;
            format!(
                "`{owner_name}` is borrowed by {by} across a yield, but a flat generator \
                 cannot keep a borrow of its own local in its state; take the items out first \
                 (`for x in std::mem::take(&mut {place})`, which leaves `{place}` empty as the \
                 drain does), or {boxed}"
            )
        }
        // `for x in v.drain(1..3)`: the rest stays in `v`, so no `mem::take` and no clone.
        BindingKind::Iter if loop_method(ir, binding) == Some("drain(range)") => {
            let place = &ir.loop_methods[&binding].0;
            format!(
                "`{owner_name}` is borrowed by {by} across a yield, but a flat generator \
                 cannot keep a borrow of its own local in its state; take the items out before \
                 the loop (`let items: Vec<_> = {place}.drain(..).collect();`, with the loop's \
                 range) and loop over `items`, or {boxed}"
            )
        }
        // A map or a set, used after the loop: no index, and no owned loop.
        BindingKind::Iter if owner_after && keyed(ir, owner, binding) => {
            let place = ir
                .loop_methods
                .get(&binding)
                .map_or(owner_name.clone(), |(place, _)| place.clone());
            let by_reference = by_reference(ir, owner, &owner_name);
            let copies = if declared_as(ir, owner, &["BTreeSet", "HashSet"]) {
                ".cloned()"
            } else {
                ".map(|(k, v)| (k.clone(), v.clone()))"
            };
            format!(
                "`{owner_name}` is borrowed by {by} across a yield, but a flat generator \
                 cannot keep a borrow of its own local in its state; collect what the loop \
                 needs first (`let entries: Vec<_> = {place}.iter(){copies}.collect();`, or \
                 from the loop's own `range(..)`) and loop over `entries`, {by_reference}or \
                 {boxed}"
            )
        }
        // `for x in v.iter_mut() { *x += 1; yield_!(*x) }`, used after the loop or not: an
        // owned loop or a copy would change values that are no longer `v`'s.
        BindingKind::Iter
            if matches!(loop_method(ir, binding), Some("iter_mut" | "&mut"))
                && !keyed(ir, owner, binding) =>
        {
            let place = &ir.loop_methods[&binding].0;
            // (An `iter!` block's captured reference cannot be borrowed mutably across its
            // yields either.)
            let by_reference = if ir.inline {
                String::new()
            } else {
                by_reference(ir, owner, &owner_name)
            };
            // A captured `&mut Vec<_>` hands out its `&mut` items when the loop takes it.
            let moved_in = if ir.inline && !owner_after {
                format!(
                    "loop over the capture itself when it is a `&mut` reference (`for x in \
                     {place}`, which moves the reference into the loop), "
                )
            } else {
                String::new()
            };
            format!(
                "`{owner_name}` is borrowed mutably by {by} across a yield, but a flat \
                 generator cannot keep a borrow of its own local in its state; {moved_in}index \
                 into it (`for i in 0..{place}.len()`, reaching each element as `{place}[i]`), \
                 {by_reference}or {boxed}"
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
                "`{owner_name}` is borrowed by {by} across a yield, but a flat generator \
                 cannot keep a borrow of its own local in its state; iterate over indices \
                 (`for i in 0..{place}.len()`) or an owned copy (`{place}.clone()`), \
                 {by_reference}or {boxed}"
            )
        }
        // `for l in lines.iter()` with `lines: Vec<&str>` collected from `text`: iterating
        // over `lines` by value still holds borrows of `text`.
        BindingKind::Iter
            if matches!(ir.bindings[owner].borrows,
                Borrows::Definitely(of, _) | Borrows::Likely(of)
                    if of != owner && !ir.bindings[of].by_ref) =>
        {
            let (Borrows::Definitely(of, _) | Borrows::Likely(of)) = ir.bindings[owner].borrows
            else {
                unreachable!("matched above")
            };
            let of_name = display_name(ir, of);
            let own_method = own_method_hint(ir, binding, owner, &owner_name);
            format!(
                "`{owner_name}` is borrowed by {by} across a yield, and its items borrow \
                 `{of_name}`, but a flat generator cannot keep a borrow of its own local in its \
                 state; make `{owner_name}` own its items (collect owned copies, \
                 `.map(|x| x.to_owned()).collect::<Vec<_>>()`: a `Vec<String>` in place of a \
                 `Vec<&str>`) and iterate over it by value (`{owner_name}.into_iter()`){own_method}, \
                 or {boxed}"
            )
        }
        BindingKind::Iter => {
            let owned = owned_iteration(ir, binding, &owner_name);
            // A sequence (`&v`, `v.iter()`) can be indexed instead; a map's keys cannot.
            let index = match ir.loop_methods.get(&binding) {
                Some((_, m)) if !matches!(m.as_str(), "&" | "iter" | "iter_mut") => "",
                _ if keyed(ir, owner, binding) => "",
                _ => " index into it,",
            };
            // An `iter!` block's captured reference cannot be borrowed mutably across its
            // yields either.
            let mutably = matches!(
                loop_method(ir, binding),
                Some("drain" | "iter_mut" | "&mut" | "values_mut" | "range_mut")
            );
            let by_reference = if ir.inline && mutably {
                String::new()
            } else {
                by_reference(ir, owner, &owner_name)
            };
            format!(
                "`{owner_name}` is borrowed by {by} across a yield, but a flat generator \
                 cannot keep a borrow of its own local in its state; iterate over an owned value \
                 ({owned}),{index} {by_reference}or {boxed}"
            )
        }
        BindingKind::Temp => format!(
            "this value borrows `{owner_name}` and is still needed after a yield in the same \
             expression, but a flat generator cannot keep a borrow of its own local in its \
             state; compute it after the yield, own the data, or {boxed}"
        ),
        _ if ir.ref_bindings.contains(&binding) => {
            let name = display_name(ir, binding);
            let into = if ir.bindings[owner].kind == BindingKind::Temp
                || crate::lower::flat::unbound_parts::is_borrowed_part(&ir.bindings[owner].ident)
            {
                "the value it matches".to_owned()
            } else if crate::parse::is_hidden_arg(&ir.bindings[owner].ident) {
                // A parameter written as a pattern (`ref name: String`): the hidden name the
                // argument is bound to (`parse::hidden_arg`).
                "its argument".to_owned()
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
            // A closure parameter cannot be called `self`.
            let (param, ty, inside) = if changed_name == "self" {
                ("this", "Self", ", with `this` in place of `self`")
            } else {
                (changed_name.as_str(), "_", "")
            };
            // A `&mut` reference moved into a `move` closure changes what it points to.
            let moved_in = if ir.bindings[changed].mut_ref {
                format!(
                    " make it a `move` closure if nothing else uses `{changed_name}` while it \
                     lives (it takes the reference along),"
                )
            } else {
                String::new()
            };
            format!(
                "`{name}` captures `{changed_name}` by reference and is still needed after a \
                 yield, but a flat generator cannot keep a borrow of its own local in its \
                 state; pass `{changed_name}` to the closure as an argument at each call \
                 (`{capture}|{param}: &mut {ty}, ..|`{inside}{others}),{moved_in} or {boxed}"
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
            // `let code = door.lock();` with no `unwrap()`: a lock that returns its guard
            // (parking_lot's), or a method of the user's that returns data.
            let own_lock = ir
                .by_method
                .get(&binding)
                .filter(|(call, _)| call == "lock()")
                .map_or(String::new(), |(call, receiver)| {
                    format!(
                        " (if `lock` is a method of your own that returns owned data, say so \
                         with the type, `let {name}: T = {receiver}.{call};`)"
                    )
                });
            // Only an argument of a function can be taken by reference instead.
            let by_reference = if ir.bindings[owner].kind == BindingKind::Param && !ir.inline {
                format!("take `{owner_name}` by reference as an argument, ")
            } else {
                String::new()
            };
            format!(
                "`{name}` borrows `{owner_name}` and is held to the end of its block across a \
                 yield, but a flat generator cannot keep a borrow of its own local in its \
                 state; drop it before the yield (`drop({name});`), {by_reference}or \
                 {boxed}{own_lock}"
            )
        }
        // What the macro keeps in a hidden local: a `match` scrutinee's value, an operand, the
        // part of one a `ref` binding beside a move borrows (`unbound_parts.rs`).
        _ if ir.bindings[owner].kind == BindingKind::Temp
            || crate::lower::flat::unbound_parts::is_borrowed_part(&ir.bindings[owner].ident) =>
        {
            let name = display_name(ir, binding);
            format!(
                "`{name}` borrows the value matched or computed here and is still needed after a \
                 yield, but a flat generator cannot keep a borrow of its own local in its state; \
                 end the borrow before the yield, own the data, or {boxed}"
            )
        }
        _ => {
            let name = display_name(ir, binding);
            // Judged from the method's name alone (`sensor.read()`): it may be the user's own.
            let by_name = ir
                .by_method
                .get(&binding)
                .filter(|(call, _)| {
                    NAMES_USER_TYPES_SHARE.contains(&call.split('(').next().unwrap_or(call))
                })
                // Not on a std collection or text (`HashMap::new()`, `let v: Vec<_>`), whose
                // method it is.
                .filter(|_| !ir.not_copy.contains(&owner) || ir.boxes.contains(&owner))
                .map_or(String::new(), |(call, receiver)| {
                    let method = call.split('(').next().unwrap_or(call);
                    // A binding of a `while let`/`match` pattern has no type to write.
                    let typed = if ir.whole_lets.contains(&binding) {
                        format!("say so with the type, `let {name}: T = {receiver}.{call};`, or ")
                    } else {
                        String::new()
                    };
                    format!(
                        " (if `{method}` is a method of your own that returns owned data, \
                         {typed}call it as `T::{method}(&{receiver})`)"
                    )
                });
            // `let line = line.trim();`: the new `line` borrows the one it shadows.
            let subject = if name == owner_name {
                format!("this `{name}` borrows the `{owner_name}` it shadows")
            } else {
                format!("`{name}` borrows `{owner_name}`")
            };
            format!(
                "{subject} and is still needed after a yield, but a flat generator cannot keep \
                 a borrow of its own local in its state; end the borrow before the yield, own \
                 the data, or {boxed}{by_name}"
            )
        }
    }
}

/// `for i in s.iter()` of a value of the user's making (`Sensor::new(&name)`): a method of
/// the user's named like a borrowing one may return owned values, which the call written as
/// a function of a borrow lets the macro see (limit 5).
fn own_method_hint(ir: &Ir, binding: BindingId, owner: BindingId, owner_name: &str) -> String {
    match ir.loop_methods.get(&binding) {
        Some((_, method))
            if ir.user_made.contains(&owner)
                && method.starts_with(|c: char| c.is_ascii_alphabetic()) =>
        {
            format!(
                " (when `{method}` is a method of your own that returns owned values, call it \
                 as a function, `Type::{method}(&{owner_name})`)"
            )
        }
        _ => String::new(),
    }
}
