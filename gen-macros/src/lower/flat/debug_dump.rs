//! `GEN_DEBUG_PLAN=1`: the states, places and bindings of a lowering, on stderr, for
//! contributors reading a plan.

use super::{ir, plan};

pub(crate) fn print(ir: &ir::Ir, plan: &plan::Plan) {
    eprintln!(
        "field uses {:?}, copied {:?}, copy-checked uses {:?}",
        ir.field_uses, plan.copied_fields, ir.copy_checked
    );
    eprintln!(
        "{} states, {} places, {} kept in all",
        ir.states.len(),
        plan.cfg.places.len(),
        plan.kept.iter().map(Vec::len).sum::<usize>()
    );
    for (s, info) in ir.states.iter().enumerate() {
        let kept: Vec<String> = plan.kept[s]
            .iter()
            .map(|k| {
                let p = &plan.cfg.places.list[k.place];
                format!("{}{:?}:{:?}", ir.bindings[p.binding].ident, p.path, k.keep)
            })
            .collect();
        eprintln!(
            "state {s} {:?} scope {} seq {} entry {} kept {kept:?}",
            info.kind, info.scope, info.seq, plan.cfg.entries[s]
        );
    }
    for (b, info) in ir.bindings.iter().enumerate() {
        eprintln!(
            "binding {b} {} scope {} seq {} by_ref {} {:?}{}",
            info.ident,
            info.scope,
            info.seq,
            info.by_ref,
            info.borrows,
            if ir.guards.contains(&b) { " guard" } else { "" }
        );
    }
    for (n, e) in plan.cfg.events.iter().enumerate() {
        eprintln!(
            "node {n} {e:?} -> {:?} arm {:?}",
            plan.cfg.succ[n], plan.arm[n]
        );
    }
}
