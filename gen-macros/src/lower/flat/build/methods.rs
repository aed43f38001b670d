//! Std methods and macros by name: what their results borrow, own or are (the lowering has
//! no types, so `borrows.rs` judges values from these lists).

/// Methods whose result borrows the receiver (std's, by name).
pub(crate) const BORROWING: &[&str] = &[
    "iter",
    "iter_mut",
    "chars",
    "char_indices",
    "split",
    "split_whitespace",
    "split_ascii_whitespace",
    "split_terminator",
    "splitn",
    "rsplit",
    "rsplitn",
    "split_once",
    "rsplit_once",
    "split_at",
    "split_first",
    "split_last",
    "trim",
    "trim_start",
    "trim_end",
    "trim_matches",
    "trim_start_matches",
    "trim_end_matches",
    "trim_left_matches",
    "trim_right_matches",
    "trim_left",
    "trim_right",
    "trim_ascii",
    "trim_ascii_start",
    "trim_ascii_end",
    "strip_prefix",
    "strip_suffix",
    "as_str",
    "as_slice",
    "as_bytes",
    "as_ref",
    "as_mut",
    "as_deref",
    "as_deref_mut",
    "as_path",
    "as_os_str",
    "windows",
    "chunks",
    "chunks_exact",
    "keys",
    "values",
    "values_mut",
    "get",
    "get_mut",
    "first",
    "first_mut",
    "last_mut",
    "first_key_value",
    "last_key_value",
    "get_key_value",
    "range",
    "range_mut",
    "drain",
    "matches",
    "match_indices",
    "peek",
    "peek_mut",
    "by_ref",
    "front",
    "back",
    "front_mut",
    "back_mut",
    // A map's entry, and the `&mut V` its `or_*` methods return.
    "entry",
    "or_insert",
    "or_insert_with",
    "or_insert_with_key",
    "or_default",
];

/// Adapters that keep what their receiver borrows.
pub(super) const ADAPTERS: &[&str] = &[
    "map",
    "filter",
    "filter_map",
    "enumerate",
    "peekable",
    "rev",
    "skip",
    "take",
    "step_by",
    "zip",
    "chain",
    "cloned",
    "copied",
    "flat_map",
    "flatten",
    "take_while",
    "skip_while",
    "inspect",
    "fuse",
    "unwrap",
    "expect",
];

/// Methods whose result owns its data.
pub(super) const OWNED: &[&str] = &[
    "len",
    "is_empty",
    "count",
    "clone",
    "to_string",
    "to_owned",
    "to_vec",
    "to_uppercase",
    "to_lowercase",
    "parse",
    "contains",
    "starts_with",
    "ends_with",
    "sum",
    "product",
    "is_some",
    "is_none",
    "is_ok",
    "is_err",
    "eq",
    "ne",
    "cmp",
    "partial_cmp",
    "position",
    "any",
    "all",
    "capacity",
];

/// Methods whose result owns its data or is a value of its own that may borrow the receiver
/// (an iterator, a guard): never a reference.
pub(super) const MAKES_VALUE: &[&str] = &[
    "collect",
    "to_string",
    "to_owned",
    "to_vec",
    "into_owned",
    "to_lowercase",
    "to_uppercase",
    "repeat",
    "replace",
    "replacen",
    "concat",
    "join",
    "lock",
    "try_lock",
    "read",
    "write",
    "borrow",
    "borrow_mut",
    "iter",
    "iter_mut",
    "into_iter",
    "chars",
    "char_indices",
    "bytes",
    "lines",
    "split",
    "split_whitespace",
    "windows",
    "chunks",
    "keys",
    "values",
    "drain",
];

/// Methods that return an `Option` of a reference to an element of their receiver (a
/// container, or an iterator over one): `.copied()`/`.cloned()` of it owns the element.
pub(super) const ELEMENT_ACCESS: &[&str] = &[
    "get",
    "first",
    "last",
    "peek",
    "next",
    "next_back",
    "nth",
    "find",
    "max",
    "min",
    "max_by_key",
    "min_by_key",
    "max_by",
    "min_by",
];

/// Methods that pass their receiver's value on (`Option`/`Result` plumbing, adapters).
pub(super) const PASS_ON: &[&str] = &[
    "unwrap",
    "expect",
    "unwrap_or_default",
    "unwrap_or",
    "unwrap_or_else",
    "ok",
    "ok_or",
    "ok_or_else",
    "map_err",
    "context",
    "with_context",
    "map",
    "filter",
    "filter_map",
    "enumerate",
    "peekable",
    "rev",
    "skip",
    "take",
    "step_by",
    "zip",
    "chain",
    "cloned",
    "copied",
    "flat_map",
    "flatten",
    "take_while",
    "skip_while",
    "inspect",
    "fuse",
];

/// Methods whose result is plain data (a number or a `bool`).
pub(super) const PLAIN_RESULT: &[&str] = &[
    "len",
    "count",
    "is_empty",
    "is_some",
    "is_none",
    "is_ok",
    "is_err",
    "contains",
    "starts_with",
    "ends_with",
    "capacity",
    "any",
    "all",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "is_ascii",
    "is_alphabetic",
    "is_numeric",
    "is_alphanumeric",
    "is_whitespace",
];

/// Methods of `str` whose result borrows the receiver but that take `self` on other std types
/// (`BufRead::lines`, `Read::bytes`): borrowing on a receiver known to be text.
pub(super) const STR_BORROWING: &[&str] = &["lines", "bytes"];

/// Borrowing methods whose result is references into the receiver, in an `Option` or a tuple
/// (`map.get_mut(&k)`, `s.split_once(',')`), or a slice of it (`v.as_slice()`): every binding
/// a pattern takes out of it (`Some(v)`, `Some((a, b))`, `[first, rest @ ..]`, by default
/// binding mode) is such a reference, unless under a `&` pattern.
pub(crate) const REFERENCES_OUT: &[&str] = &[
    "get",
    "get_mut",
    "first",
    "first_mut",
    "last_mut",
    "first_key_value",
    "last_key_value",
    "get_key_value",
    "split_once",
    "rsplit_once",
    "split_at",
    "split_at_mut",
    "split_first",
    "split_first_mut",
    "split_last",
    "split_last_mut",
    "strip_prefix",
    "strip_suffix",
    "peek",
    "peek_mut",
    "front",
    "front_mut",
    "back",
    "back_mut",
    "as_ref",
    "as_mut",
    "as_deref",
    "as_deref_mut",
    "as_slice",
    "as_mut_slice",
    "as_bytes",
];

/// Methods whose result has the type of their first argument (`opt.unwrap_or(0)`,
/// `it.max().map_or(0, ..)`, `a.max(b)`): with a plain argument, a plain result that
/// borrows nothing, whatever the receiver borrows.
pub(super) const TYPED_BY_ARGUMENT: &[&str] = &["unwrap_or", "map_or", "max", "min", "clamp"];

/// Methods of numbers whose result is a number again, when the receiver is one.
pub(super) const NUMERIC: &[&str] = &[
    "abs",
    "pow",
    "min",
    "max",
    "clamp",
    "signum",
    "rem_euclid",
    "div_euclid",
    "count_ones",
    "count_zeros",
    "leading_zeros",
    "trailing_zeros",
    "rotate_left",
    "rotate_right",
    "wrapping_add",
    "wrapping_sub",
    "wrapping_mul",
    "wrapping_neg",
    "saturating_add",
    "saturating_sub",
    "saturating_mul",
    "checked_add",
    "checked_sub",
    "checked_mul",
    "checked_div",
    "checked_rem",
    "overflowing_add",
    "sqrt",
    "floor",
    "ceil",
    "round",
    "trunc",
    "to_ascii_uppercase",
    "to_ascii_lowercase",
];

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
/// is needed. `Option::take()` and the searching methods of `Iterator` (`any`, `all`,
/// `position`) take `&mut self`, although their namesakes (`Iterator::take(n)`, `[T]`'s
/// searches through `iter()`) do not.
pub(super) fn never_mutates(name: &str, args: usize) -> bool {
    if matches!((name, args), ("take", 0) | ("any" | "all" | "position", _)) {
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
