//! What the items of an iterator chain are, from the methods it is made of: views into what
//! it borrows (`line.split(',')`, `v.iter()`), plain data (`s.chars()`), values a closure
//! builds (`v.iter().map(|&n| Thing(n))`), or elements taken out by value (`v.drain(..)`).

use quote::ToTokens;
use syn::Expr as SynExpr;

use super::methods::{ADAPTERS, OWNED};
use crate::lower::flat::ir::{Expr, ExprKind};

/// `receiver.method(args)` as the method call and its operands (the receiver first).
pub(super) fn method_call(e: &Expr) -> Option<(&syn::ExprMethodCall, &[Expr])> {
    match &e.kind {
        ExprKind::Op {
            syn: SynExpr::MethodCall(m),
            operands,
            ..
        } => Some((m, operands)),
        _ => None,
    }
}

/// Whether the items of the iterator `e` went through a closure or a copy on their way out
/// (`.map(..)`, `.filter_map(..)`, `.copied()` in its chain of adapters).
pub(super) fn transforms_items(e: &Expr) -> bool {
    let Some((m, operands)) = method_call(e) else {
        return false;
    };
    let name = m.method.to_string();
    matches!(
        name.as_str(),
        "map" | "filter_map" | "flat_map" | "map_while" | "scan" | "copied" | "cloned"
    ) || (ADAPTERS.contains(&name.as_str()) && transforms_items(&operands[0]))
}

/// The method call an iterator chain starts from, through the adapters that hand its items
/// on (`s.chars()` of `s.chars().rev().skip(1)`), with its operands (the receiver first).
pub(super) fn item_source(e: &Expr) -> Option<(&syn::ExprMethodCall, &[Expr])> {
    let (m, operands) = method_call(e)?;
    let name = m.method.to_string();
    if name == "enumerate" || super::methods::HANDS_ITEMS_ON.contains(&name.as_str()) {
        return item_source(&operands[0]);
    }
    Some((m, operands))
}

/// The iterator the items of `e` come from, through the adapters that hand them on
/// (`counts.into_iter()` of `counts.into_iter().filter(|c| *c >= min)`): what the items
/// borrow, which the adapters' closures do not add to.
pub(super) fn item_source_expr(e: &Expr) -> &Expr {
    match method_call(e) {
        Some((m, operands))
            if m.method == "enumerate"
                || super::methods::HANDS_ITEMS_ON.contains(&m.method.to_string().as_str()) =>
        {
            item_source_expr(&operands[0])
        }
        _ => e,
    }
}

/// `line.split(',')`, `v.iter().skip(1)`, `map.keys()`: an iterator whose items are
/// references into what it borrows, or plain data (no drop glue), made by no closure.
pub(super) fn yields_borrowed_items(e: &Expr) -> bool {
    item_source(e).is_some_and(|(m, _)| {
        matches!(
            m.method.to_string().as_str(),
            "iter"
                | "iter_mut"
                | "split"
                | "splitn"
                | "rsplit"
                | "rsplitn"
                | "split_terminator"
                | "split_inclusive"
                | "split_whitespace"
                | "split_ascii_whitespace"
                | "lines"
                | "keys"
                | "values"
                | "values_mut"
                | "windows"
                | "chunks"
                | "chunks_exact"
                | "matches"
                | "match_indices"
                | "chars"
                | "char_indices"
                | "bytes"
        )
    })
}

/// A closure that builds a value (`|s| s.to_string()`, see `builds_a_value`), or a path to a
/// function that makes an owned value of a reference (`str::to_owned`, `String::from`,
/// `Clone::clone`, a tuple struct's constructor).
pub(super) fn builds_a_value_from_each(f: &Expr) -> bool {
    match &f.kind {
        ExprKind::Closure {
            syn: SynExpr::Closure(c),
            ..
        } => builds_a_value(&c.body) || makes_plain_data(c),
        ExprKind::Op {
            syn: SynExpr::Path(p),
            ..
        } => p.path.segments.last().is_some_and(|s| {
            let name = s.ident.to_string();
            matches!(
                name.as_str(),
                "to_owned" | "to_string" | "from" | "new" | "clone" | "to_vec" | "into_owned"
            ) || OWNED.contains(&name.as_str())
                || name.starts_with(|c: char| c.is_ascii_uppercase())
        }),
        _ => false,
    }
}

/// `receiver` picks one item of an `enumerate()` chain (`.max_by_key(..)`, `.find(..)`,
/// `.last()`) and `f` is a closure `|(i, _)| i` (or `|(i, w)| i + 1`) whose value is plain
/// data made of the index alone.
pub(super) fn index_of_an_enumerated_item(receiver: &Expr, f: Option<&Expr>) -> bool {
    let Some(ExprKind::Closure {
        syn: SynExpr::Closure(c),
        ..
    }) = f.map(|f| &f.kind)
    else {
        return false;
    };
    let index = match c.inputs.first() {
        Some(syn::Pat::Tuple(t)) if c.inputs.len() == 1 && t.elems.len() == 2 => {
            match t.elems.first() {
                Some(syn::Pat::Ident(i)) if i.by_ref.is_none() && i.subpat.is_none() => &i.ident,
                _ => return false,
            }
        }
        _ => return false,
    };
    fn enumerated(e: &Expr) -> bool {
        match method_call(e) {
            Some((m, operands)) => match m.method.to_string().as_str() {
                "enumerate" => true,
                "rev" | "skip" | "take" | "step_by" | "filter" | "skip_while" | "take_while"
                | "peekable" | "fuse" => enumerated(&operands[0]),
                _ => false,
            },
            None => false,
        }
    }
    let picks = method_call(receiver).is_some_and(|(m, operands)| {
        matches!(
            m.method.to_string().as_str(),
            "next" | "last" | "nth" | "find" | "max_by_key" | "min_by_key" | "max_by" | "min_by"
        ) && enumerated(&operands[0])
    });
    // Only the index is named in the body.
    let other = match c.inputs.first() {
        Some(syn::Pat::Tuple(t)) => match t.elems.last() {
            Some(syn::Pat::Ident(i)) => Some(i.ident.to_string()),
            _ => None,
        },
        _ => None,
    };
    let names_other = other.is_some_and(|o| {
        c.body
            .to_token_stream()
            .into_iter()
            .any(|t| matches!(t, proc_macro2::TokenTree::Ident(i) if i == o))
    });
    picks && !names_other && plain(&c.body, Some(index))
}

/// `s.chars().map(|c| c.to_ascii_uppercase())`, `l.split(',').map(str::len)`, with adapters
/// that hand the items on after it (`.filter(..)`, `.rev()`): items a closure made plain data
/// of (`makes_plain_data`), or a std function made owned values of, so what the chain
/// collects or hands out owns its data, whatever the chain borrows.
pub(super) fn maps_to_owned_items(e: &Expr) -> bool {
    let Some((m, operands)) = method_call(e) else {
        return false;
    };
    let name = m.method.to_string();
    match name.as_str() {
        "map" | "filter_map" | "map_while" => operands.get(1).is_some_and(|f| match &f.kind {
            ExprKind::Closure {
                syn: SynExpr::Closure(c),
                ..
            } => makes_plain_data(c),
            ExprKind::Op {
                syn: SynExpr::Path(p),
                ..
            } => {
                p.path.segments.len() > 1
                    && p.path.segments.last().is_some_and(|s| {
                        matches!(
                            s.ident.to_string().as_str(),
                            "len"
                                | "to_owned"
                                | "to_string"
                                | "to_vec"
                                | "into_owned"
                                | "to_uppercase"
                                | "to_lowercase"
                                | "is_empty"
                                | "count"
                        )
                    })
            }
            _ => false,
        }),
        name if name == "enumerate" || super::methods::HANDS_ITEMS_ON.contains(&name) => {
            maps_to_owned_items(&operands[0])
        }
        _ => false,
    }
}

/// A closure whose value is plain data made of its argument (`|x| x + 1`, `|w| w.len()`,
/// `|x| *x`, `|&x| x`, `|x| x as u64`, `|p| (p.0, p.1.len())`, `|w| w.parse::<u32>().ok()`,
/// `|w| w.repeat(2)`): a value of its own, whatever the argument borrows.
fn makes_plain_data(c: &syn::ExprClosure) -> bool {
    // `|&x| x`: the binding of a `&` pattern is a copy of the referent.
    let copied = match c.inputs.first() {
        Some(syn::Pat::Reference(r)) if c.inputs.len() == 1 => match &*r.pat {
            syn::Pat::Ident(i) if i.by_ref.is_none() => Some(&i.ident),
            _ => None,
        },
        _ => None,
    };
    plain(&c.body, copied)
}

/// Whether `e` is plain data: arithmetic, a literal, a deref, a field, an owned value made
/// by a method, or `copied` (a binding known to be a copy).
fn plain(e: &SynExpr, copied: Option<&syn::Ident>) -> bool {
    match e {
        SynExpr::Paren(p) => plain(&p.expr, copied),
        SynExpr::Block(b) => match b.block.stmts.last() {
            Some(syn::Stmt::Expr(tail, None)) => plain(tail, copied),
            _ => false,
        },
        SynExpr::Binary(_) => true,
        SynExpr::Cast(_) | SynExpr::Lit(_) => true,
        SynExpr::Unary(u) => matches!(u.op, syn::UnOp::Deref(_) | syn::UnOp::Neg(_)),
        SynExpr::Tuple(t) => !t.elems.is_empty() && t.elems.iter().all(|e| plain(e, copied)),
        // `p.0` of an element behind a reference: a copy.
        SynExpr::Field(f) => matches!(&*f.base, SynExpr::Path(_) | SynExpr::Field(_)),
        SynExpr::MethodCall(m) => {
            let name = m.method.to_string();
            OWNED.contains(&name.as_str())
                    || matches!(
                        name.as_str(),
                        "repeat" | "replace" | "replacen" | "to_ascii_uppercase" | "to_ascii_lowercase"
                    )
                    || (name == "collect" && collects_text(m))
                    // `s.chars().next()`, `s.bytes().nth(1)`: an item of plain data.
                    || (matches!(name.as_str(), "next" | "nth" | "last" | "max" | "min")
                        && plain_items(&m.receiver))
                    // `v.first().copied()`: a copy out of an element.
                    || (matches!(name.as_str(), "copied" | "cloned") && m.args.is_empty())
                    // `.map(|w| w.to_string())` of its own: a value that closure builds.
                    || (matches!(name.as_str(), "map" | "and_then")
                        && matches!(m.args.first(), Some(SynExpr::Closure(c))
                            if builds_a_value(&c.body) || makes_plain_data(c)))
                    // `.ok()`, `.unwrap_or(0)` of an owned value.
                    || (matches!(
                        name.as_str(),
                        "ok" | "unwrap" | "expect" | "unwrap_or" | "unwrap_or_default"
                    ) && plain(&m.receiver, copied))
        }
        SynExpr::Path(p) => copied.is_some_and(|x| p.path.is_ident(x)),
        _ => false,
    }
}

/// `s.chars()`, `s.bytes().rev()`: an iterator over a text's plain data.
fn plain_items(e: &SynExpr) -> bool {
    match e {
        SynExpr::MethodCall(m) => match m.method.to_string().as_str() {
            "chars" | "bytes" | "char_indices" => m.args.is_empty(),
            "rev" | "skip" | "take" | "step_by" => plain_items(&m.receiver),
            _ => false,
        },
        _ => false,
    }
}

/// `collect::<String>()`: a text of its own.
fn collects_text(m: &syn::ExprMethodCall) -> bool {
    m.turbofish.as_ref().is_some_and(|t| {
        matches!(t.args.first(), Some(syn::GenericArgument::Type(syn::Type::Path(p)))
            if p.path.is_ident("String"))
    })
}

/// `v.iter().map(|n| G::new(n))`, `.map(|s| Row { .. })`, `.map(|s| s.to_string())`: the
/// items are values the closure builds (which may have a `Drop` of their own), not views of
/// what the iterator borrows.
pub(super) fn builds_items(e: &Expr) -> bool {
    let Some((m, operands)) = method_call(e) else {
        return false;
    };
    match m.method.to_string().as_str() {
        "map" | "filter_map" | "map_while" => matches!(operands.get(1).map(|a| &a.kind),
            Some(ExprKind::Closure { syn: SynExpr::Closure(c), .. }) if builds_a_value(&c.body)),
        name if ADAPTERS.contains(&name) => builds_items(&operands[0]),
        _ => false,
    }
}

/// A constructor call (`G(n)`, `Conn::open(n)`, `Some(G::new())`), a struct literal, or an
/// owned copy (`to_string()`, `clone()`, `format!`).
fn builds_a_value(e: &SynExpr) -> bool {
    match e {
        SynExpr::Block(b) => match b.block.stmts.last() {
            Some(syn::Stmt::Expr(tail, None)) => builds_a_value(tail),
            _ => false,
        },
        SynExpr::Paren(p) => builds_a_value(&p.expr),
        SynExpr::Struct(_) => true,
        SynExpr::Call(c) => match &*c.func {
            SynExpr::Path(p) => p.path.segments.iter().any(|s| {
                s.ident
                    .to_string()
                    .starts_with(|c: char| c.is_ascii_uppercase())
            }),
            _ => false,
        },
        // (`|s| s.take()`, `|q| q.pop_front()`: a value taken out of an element.)
        SynExpr::MethodCall(m) => {
            let name = m.method.to_string();
            matches!(
                name.as_str(),
                "to_string" | "to_owned" | "clone" | "to_vec" | "into_owned"
            ) || (name == "take" && m.args.is_empty())
                || super::receiver_methods::TAKES_ELEMENT.contains(&name.as_str())
        }
        SynExpr::Macro(m) => m.mac.path.is_ident("format") || m.mac.path.is_ident("vec"),
        _ => false,
    }
}

/// `w.chars()`, `s.bytes().rev()`, `line.char_indices().skip(1)`: an iterator over a text
/// whose items are plain data (`char`, `u8`, `(usize, char)`), so what it collects or hands
/// out owns its data although the iterator borrows the text.
/// Through `chain(..)` too, whose items are of its receiver's type (`input.chars().chain(
/// once(' '))`).
pub(super) fn yields_plain_items(e: &Expr) -> bool {
    match item_source(e) {
        Some((m, operands)) if m.method == "chain" => yields_plain_items(&operands[0]),
        Some((m, _)) => {
            m.args.is_empty()
                && matches!(
                    m.method.to_string().as_str(),
                    "chars" | "bytes" | "char_indices" | "encode_utf16"
                )
        }
        None => false,
    }
}

/// The local `v` of `v.drain(..)` (through adapters that hand its elements on,
/// `v.drain(..).rev()`, or make values of them, `v.drain(..).map(|d| d.name)`): an iterator
/// over elements taken out of `v` by value, or what a closure makes of them (a closure that
/// captures a local by reference is judged on its own: `closure_borrows.rs`).
pub(super) fn drained_container(e: &Expr) -> Option<crate::lower::flat::ir::BindingId> {
    let (m, operands) = item_source(e)?;
    match &operands[0].kind {
        ExprKind::Place { place, .. } if m.method == "drain" && place.path.is_empty() => {
            Some(place.binding)
        }
        _ if matches!(
            m.method.to_string().as_str(),
            "map" | "filter_map" | "map_while" | "flat_map"
        ) =>
        {
            drained_container(&operands[0])
        }
        _ => None,
    }
}
