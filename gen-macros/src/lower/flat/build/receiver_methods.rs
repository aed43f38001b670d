//! Std methods by name: what they do to their receiver (take an element out, mutate it, keep
//! it borrowed) and which make or adapt an iterator (the lowering has no types; results are
//! judged by `methods.rs`).

use super::methods::{ADAPTERS, BORROWING, NUMERIC, OWNED, PASS_ON, PLAIN_RESULT};

/// Std methods that take `&mut self` and return an element of their receiver by value (or a
/// container of them): the result holds what the elements borrow, never the receiver.
pub(super) const TAKES_ELEMENT: &[&str] = &[
    "pop",
    "pop_back",
    "pop_front",
    "pop_first",
    "pop_last",
    "swap_remove",
    "remove",
    "split_off",
];

/// Std methods that take `&mut self` on every std type that has them.
pub(super) const MUTATING: &[&str] = &[
    "push",
    "push_str",
    "push_back",
    "push_front",
    "pop",
    "pop_back",
    "pop_front",
    "insert",
    "remove",
    "clear",
    "extend",
    "extend_from_slice",
    "truncate",
    "retain",
    "dedup",
    "sort",
    "sort_by",
    "sort_by_key",
    "sort_unstable",
    "reverse",
    "swap",
    "append",
    "drain",
    "iter_mut",
    "get_mut",
    "next",
    "entry",
    "resize",
    "fill",
];

/// Whether a std method called with `args` arguments never takes `&mut self` (it reads,
/// borrows, copies out or consumes): calling it on a local is no sign that the local's `mut`
/// is needed. `Option::take()`, the searching methods of `Iterator` (`any`, `all`,
/// `position`) and a slice's `rotate_left`/`rotate_right` take `&mut self`, although their
/// namesakes (`Iterator::take(n)`, `[T]`'s searches through `iter()`, an integer's rotations)
/// do not.
pub(super) fn never_mutates(name: &str, args: usize) -> bool {
    // (`rotate_left` takes an integer by value, a slice by `&mut`.)
    if matches!(
        (name, args),
        ("take", 0)
            | (
                "any" | "all" | "position" | "rotate_left" | "rotate_right",
                _
            )
    ) {
        return false;
    }
    (BORROWING.contains(&name)
        && !name.ends_with("_mut")
        && !matches!(
            name,
            "drain"
                | "peek"
                | "by_ref"
                | "entry"
                | "or_insert"
                | "or_insert_with"
                | "or_insert_with_key"
                | "or_default"
        ))
        || OWNED.contains(&name)
        || PLAIN_RESULT.contains(&name)
        || NUMERIC.contains(&name)
        || ADAPTERS.contains(&name)
        || PASS_ON.contains(&name)
        || super::operands::consumes_receiver(name, 0)
        || matches!(
            name,
            "iter"
                | "chars"
                | "bytes"
                | "lines"
                | "split"
                | "keys"
                | "values"
                | "lock"
                | "borrow"
                | "to_vec"
                | "get"
                | "first"
                | "last"
                | "as_str"
                | "fmt"
        )
}

/// Methods that take `&self` or `&mut self` on every std type that has them.
pub(crate) const KEEPS_RECEIVER: &[&str] = &[
    "len",
    "is_empty",
    "is_some",
    "is_none",
    "is_ok",
    "is_err",
    "contains",
    "contains_key",
    "starts_with",
    "ends_with",
    "capacity",
    "clone",
    "to_string",
    "to_owned",
    "to_vec",
    "to_lowercase",
    "to_uppercase",
    "push",
    "push_str",
    "pop",
    "pop_front",
    "pop_back",
    "push_back",
    "push_front",
    "insert",
    "remove",
    "next",
    "next_back",
    "nth",
    "any",
    "all",
    "position",
    "eq",
    "ne",
    "cmp",
    "partial_cmp",
    "parse",
    "lock",
    "try_lock",
    "read",
    "write",
    "borrow",
    "borrow_mut",
    "try_borrow",
    "try_borrow_mut",
    "load",
    "store",
    "fetch_add",
    "fetch_sub",
    "send",
    "recv",
    "try_recv",
];

/// Methods (and functions) whose result is an iterator.
pub(crate) const MAKES_ITERATOR: &[&str] = &[
    "iter",
    "iter_mut",
    "into_iter",
    "chars",
    "char_indices",
    "bytes",
    "lines",
    "split",
    "split_whitespace",
    "split_terminator",
    "rsplit",
    "splitn",
    "rsplitn",
    "windows",
    "chunks",
    "chunks_exact",
    "drain",
    "keys",
    "values",
    "values_mut",
    "into_keys",
    "into_values",
    "filter_map",
    "enumerate",
    "peekable",
    "rev",
    "skip",
    "step_by",
    "chain",
    "flat_map",
    "take_while",
    "skip_while",
    "fuse",
    "from_fn",
    "successors",
    "once",
];

/// Adapters that `Option` has too (`opt.take()`, `opt.map(..)`): an iterator only when their
/// receiver is one.
pub(crate) const ADAPTS_ITERATOR: &[&str] = &[
    "map", "filter", "zip", "take", "flatten", "copied", "cloned", "inspect",
];
