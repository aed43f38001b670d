//! The captures of an `iter!` body: those the closure keeps outside the state
//! ([`external_captures`]) and those the `boxed` form binds again ([`moved_captures`]).

use std::collections::HashSet;

use super::super::cfg::{Cfg, Event};
use super::super::ir::{BindingId, Borrows, Ir, Use};

/// The bindings some use takes by value (moves, or copies).
fn used_by_value(cfg: &Cfg) -> HashSet<BindingId> {
    let mut moved = HashSet::new();
    for event in &cfg.events {
        if let Event::Use(p, Use::Value) = event {
            moved.insert(cfg.places.list[*p].binding);
        }
    }
    moved
}

/// The captures of an `iter!` body that no use moves and that the body first names after
/// every capture it moves (see `Plan::external`): the closure drops them after its state, so
/// a capture only read but named before a moved one stays in the state, where it drops in
/// the order the body first names it, as a `move` closure drops its captures.
pub(super) fn external_captures(ir: &Ir, cfg: &Cfg) -> HashSet<BindingId> {
    if !ir.inline {
        return HashSet::new();
    }
    let moved = used_by_value(cfg);

    // `ir.params` are the captures in the order the body first names them.
    let after_moved = ir
        .params
        .iter()
        .rposition(|b| moved.contains(b))
        .map_or(0, |last| last + 1);
    let before_moved = ir
        .params
        .iter()
        .position(|b| moved.contains(b))
        .unwrap_or(0);
    // The receiver, renamed in the block (`parse::self_ident`), names no variable the closure
    // could capture: the state holds it. A capture named before every moved one is captured
    // by the closure too, as a `move` closure captures it (its field alone, `cfg.step`): the
    // rest of the value drops when the function that made the block returns. It drops after
    // the state, after the body's locals (as an early return from a `move` closure drops
    // them) and after the moved captures still unmoved in the state (which a `move` closure
    // drops after it).
    let external =
        |b: &BindingId| !moved.contains(b) && !crate::parse::is_self_ident(&ir.bindings[*b].ident);
    // (Not one a local may borrow, `D::new("t", &log)`: the state keeps it beside that
    // local, as it always did, where the closure could not.)
    let borrowed: HashSet<BindingId> = ir
        .bindings
        .iter()
        .filter_map(|b| match b.borrows {
            Borrows::Likely(owner)
            | Borrows::MutThrough(owner, _)
            | Borrows::Definitely(owner, _) => Some(owner),
            _ => None,
        })
        .collect();
    let first = ir.params[..before_moved]
        .iter()
        .copied()
        .filter(|b| external(b) && !borrowed.contains(b));
    let after = ir.params[after_moved..].iter().copied().filter(external);
    first.chain(after).collect()
}

/// The captures the `iter!` closure holds (`Plan::external`) that the body names before
/// every capture it moves and uses whole somewhere, in the order the body first names them:
/// the closure names them before its state (`let _ = &a;`), so that they drop before the
/// moved captures the state holds, in the order a `move` closure drops them. (One the body
/// uses only through its fields is left alone: naming it whole would capture all of it.)
pub(crate) fn named_before_the_moved(ir: &Ir, plan: &super::Plan) -> Vec<BindingId> {
    if !ir.inline {
        return Vec::new();
    }
    let cfg = &plan.cfg;
    let moved = used_by_value(cfg);
    let Some(first_moved) = ir.params.iter().position(|b| moved.contains(b)) else {
        return Vec::new();
    };
    let used_whole: HashSet<BindingId> = cfg
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Use(p, _) if cfg.places.list[*p].path.is_empty() => {
                Some(cfg.places.list[*p].binding)
            }
            _ => None,
        })
        .collect();
    ir.params[..first_moved]
        .iter()
        .copied()
        .filter(|b| plan.external.contains(b) && used_whole.contains(b))
        .collect()
}

/// The captures of an `iter!` body that some use takes whole by value (`finish(reply)`; not
/// a field read, `0..cfg.count`) on some paths only, so that they may still be there when the
/// body ends, in the order the body first names them (not the receiver, which the block
/// renames): the `boxed` form binds them again at the start of its body
/// (`compiler_backed.rs`), so that they drop when the body ends, as in the flat form, not
/// when the generator drops.
pub(crate) fn moved_captures(ir: &Ir, plan: &super::Plan) -> Vec<BindingId> {
    if !ir.inline {
        return Vec::new();
    }
    let cfg = &plan.cfg;
    let moved: HashSet<BindingId> = cfg
        .events
        .iter()
        .filter_map(|event| match event {
            Event::Use(p, Use::Value) if cfg.places.list[*p].path.is_empty() => {
                Some(cfg.places.list[*p].binding)
            }
            _ => None,
        })
        .collect();
    // The body's ends: its last node, and each `return` or `?` that leaves it.
    let ends: Vec<usize> = (0..cfg.events.len())
        .filter(|&n| cfg.succ[n].is_empty())
        .collect();
    let may_remain = |b: BindingId| {
        cfg.binding_places[b]
            .iter()
            .any(|&p| ends.iter().any(|&n| plan.init.maybe_init[n].contains(p)))
    };
    ir.params
        .iter()
        .copied()
        .filter(|&b| {
            !crate::parse::is_self_ident(&ir.bindings[b].ident)
                && moved.contains(&b)
                && may_remain(b)
        })
        .collect()
}
