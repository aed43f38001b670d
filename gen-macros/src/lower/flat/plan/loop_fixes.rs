//! The fixes a borrow error names for a loop that borrows a local: the owning form of the
//! loop, owned items collected from text, and taking the owner by reference.

use crate::lower::flat::ir::{BindingId, BindingKind, Ir};

/// The owning form of the loop over `binding`, which borrows `owner`: `for x in v` for
/// `for x in &v` or `v.iter()`, `v.into_keys()` for `v.keys()`, ..
pub(super) fn owned_iteration(ir: &Ir, binding: BindingId, owner: &str) -> String {
    let Some((place, method)) = ir.loop_methods.get(&binding) else {
        return format!("`{owner}.into_iter()`");
    };
    let x = ir.loop_item_names.get(&binding).map_or("x", String::as_str);
    // A tuple of names (`for (w, c) in &counts`, `for (i, x) in v.iter().enumerate()`): the
    // owned items' parts are values too, which the body may dereference. A `yield_from!`
    // has no item pattern of the user's.
    let part = x
        .trim_start_matches('(')
        .trim_end_matches(')')
        .rsplit(',')
        .map(str::trim)
        .find(|p| !p.is_empty() && *p != "_" && p.chars().all(|c| c.is_alphanumeric() || c == '_'));
    let deref = if ir.yield_from_iterators.contains(&binding) {
        String::new()
    } else if x.starts_with('(') {
        part.map_or(String::new(), |p| format!(": `{p}` in place of `*{p}`"))
    } else if ir.ref_pattern_loops.contains(&binding) {
        format!(": `{x}` in place of the pattern's `&{x}`")
    } else {
        format!(": `{x}` in place of `*{x}`")
    };
    match method.as_str() {
        "&" => format!("`for {x} in {place}`, whose items are the values{deref}"),
        "[&]" => format!("`for {x} in [{place}]`, the values themselves"),
        "iter" if deref.is_empty() => format!(
            "`{place}.into_iter()` in place of `{place}.iter()`, with no `.copied()` or \
             `.cloned()` after it"
        ),
        "iter" => format!(
            "`{place}.into_iter()` in place of `{place}.iter()`, with no `.copied()` or \
             `.cloned()` after it, and {}",
            &deref[2..]
        ),
        "keys" => format!("`{place}.into_keys()` in place of `{place}.keys()`"),
        "values" | "values_mut" => {
            format!("`{place}.into_values()` in place of `{place}.{method}()`")
        }
        // A captured `&mut Vec<_>` is taken from through the reference.
        "drain" if ir.inline => format!(
            "`std::mem::take(&mut {place}).into_iter()`, or `std::mem::take({place})` if \
             `{place}` is a `&mut` reference"
        ),
        "drain" => format!("`std::mem::take(&mut {place}).into_iter()`"),
        "drain(range)" => format!(
            "the items collected first, `let items: Vec<_> = {place}.drain(..).collect();` with \
             the loop's range, then `for x in items`"
        ),
        m @ ("chunks" | "chunks_exact" | "rchunks" | "windows") => format!(
            "`let parts: Vec<Vec<_>> = {place}.{m}(..).map(<[_]>::to_vec).collect();` with the \
             loop's size, then `for part in parts`"
        ),
        "chars" | "char_indices" | "bytes" | "lines" | "split" | "split_whitespace" => {
            format!("`{}`", owned_items_of_text(ir, binding, place))
        }
        _ => format!("`{place}.into_iter()`, or items collected into a `Vec` first"),
    }
}

/// `let items: Vec<..> = text.method(..)..collect();` for the loop over `binding`.
pub(super) fn owned_items_of_text(ir: &Ir, binding: BindingId, owner: &str) -> String {
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
pub(super) fn by_reference(ir: &Ir, owner: BindingId, name: &str) -> String {
    if ir.loop_items.contains(&owner) {
        // A loop's item: no value to take by reference as an argument instead.
        String::new()
    } else if ir.inline && ir.bindings[owner].kind == BindingKind::Param {
        format!(
            "capture a reference instead (`let {name} = &{name};` before the block, then \
             `{name}` where the block borrows it), "
        )
    } else if ir.inline {
        // A local of the block: no argument to take by reference instead.
        String::new()
    } else if crate::parse::is_self_ident(&ir.bindings[owner].ident) {
        "take `&self` instead of `self`, ".to_owned()
    } else {
        "take it by reference as an argument, ".to_owned()
    }
}

/// Whether `owner` is a map or a set (by its written type, or the loop's method): a
/// collection without indices.
pub(super) fn keyed(ir: &Ir, owner: BindingId, binding: BindingId) -> bool {
    let by_method = matches!(
        loop_method(ir, binding),
        Some("range" | "range_mut" | "keys" | "values" | "values_mut")
    );
    by_method || declared_as(ir, owner, &["BTreeMap", "HashMap", "BTreeSet", "HashSet"])
}

/// Whether `owner`'s written type is one of `types` (by its last path segment).
pub(super) fn declared_as(ir: &Ir, owner: BindingId, types: &[&str]) -> bool {
    matches!(ir.declared_types.get(&owner), Some(syn::Type::Path(p))
        if p.path.segments.last().is_some_and(|s| types.contains(&s.ident.to_string().as_str())))
}

/// The method (or `&`, `&mut`) the loop over `binding` iterates its place with.
pub(super) fn loop_method(ir: &Ir, binding: BindingId) -> Option<&str> {
    ir.loop_methods.get(&binding).map(|(_, m)| m.as_str())
}
