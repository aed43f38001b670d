//! Values partly moved at a suspension: a field moved out (`let name = job.name;`) while
//! the rest of the value is still in scope when the generator suspends.
//!
//! A flat state keeps such a value by the fields the body names, so the fields it never names
//! would drop at the suspension: a body that may be lowered `boxed` is (`plan/inexact.rs`).
//! In a generator that must stay flat (`+ Clone`, limit 8's signatures) and keeps the value
//! whole across a later yield (the moved field assigned again, then the whole value used),
//! the `let` that moved the field is taken for a copy the compiler must confirm: a move there
//! would leave no whole value to keep (`gen_core::checks::copied_field_let` names the fix).

use super::*;
use crate::lower::flat::ir::{Proj, Use};

impl Plan {
    /// Whether some state is entered while a binding whose fields are not all known may be
    /// partly moved.
    pub(super) fn keeps_fields_it_cannot_name(&self, ir: &Ir) -> bool {
        let bindings = ir.bindings.len();
        let cfg = &self.cfg;
        let partly = self.partly_moved(ir);
        // A move below a field (`t.meta.name`, `let (first, _) = s.pair;`) leaves parts of a
        // part, which a literal of the outer value does not spell out.
        let deep: std::collections::HashSet<BindingId> = cfg
            .events
            .iter()
            .filter_map(|e| match e {
                Event::Use(p, Use::Value) if cfg.places.list[*p].path.len() > 1 => {
                    Some(cfg.places.list[*p].binding)
                }
                _ => None,
            })
            .collect();
        cfg.entries.iter().any(|&node| {
            node != usize::MAX
                && (0..bindings).any(|b| {
                    partly[node].contains(b)
                        && ir.bindings[b].kind != BindingKind::Temp
                        && (deep.contains(&b) || !spelled_out(ir, b))
                })
        })
    }

    /// Per node, the bindings partly moved there: a field moved out (`let x = v.f;`) and the
    /// whole binding not assigned or bound again since.
    fn partly_moved(&self, ir: &Ir) -> Vec<Bits> {
        let bindings = ir.bindings.len();
        let cfg = &self.cfg;
        flow::forward(
            cfg,
            Bits::new(bindings),
            |_| None,
            |acc, other| {
                acc.union(other);
            },
            |node, moved| match &cfg.events[node] {
                Event::Use(p, Use::Value) => {
                    let place = &cfg.places.list[*p];
                    if place
                        .path
                        .iter()
                        .any(|proj| matches!(proj, Proj::Field(_) | Proj::Rest(_)))
                    {
                        moved.insert(place.binding);
                    }
                }
                Event::Use(p, Use::Assign) if cfg.places.list[*p].path.is_empty() => {
                    moved.remove(cfg.places.list[*p].binding);
                }
                Event::Bind(b) | Event::Declare(b) => {
                    moved.remove(*b);
                }
                Event::Dead(scope) => {
                    for &b in &ir.scopes[*scope].bindings {
                        moved.remove(b);
                    }
                }
                _ => {}
            },
        )
    }

    /// Per node, the fields moved out and not assigned again since (`let x = v.f;` until
    /// `v.f = ..` or `v = ..`).
    fn fields_moved_out(&self, ir: &Ir) -> Vec<Bits> {
        let cfg = &self.cfg;
        flow::forward(
            cfg,
            Bits::new(cfg.places.len()),
            |_| None,
            |acc, other| {
                acc.union(other);
            },
            |node, moved| match &cfg.events[node] {
                Event::Use(p, Use::Value)
                    if matches!(cfg.places.list[*p].path.last(), Some(Proj::Field(_))) =>
                {
                    moved.insert(*p);
                }
                Event::Use(p, Use::Assign) => {
                    for &q in &self.subtrees[*p] {
                        moved.remove(q);
                    }
                }
                Event::Bind(b) | Event::Declare(b) => {
                    for &q in &cfg.binding_places[*b] {
                        moved.remove(q);
                    }
                }
                Event::Dead(scope) => {
                    for &b in &ir.scopes[*scope].bindings {
                        for &q in &cfg.binding_places[b] {
                            moved.remove(q);
                        }
                    }
                }
                _ => {}
            },
        )
    }

    /// The sites of `Ir::field_let_moves` to read in place, in a generator that must stay
    /// flat: a state keeps the value whole while the field this `let` moved is still moved
    /// (see the module doc).
    pub(super) fn find_field_lets_kept_whole(&mut self, ir: &Ir) {
        if ir.may_lower_boxed || ir.field_let_moves.is_empty() {
            return;
        }
        let moved = self.fields_moved_out(ir);
        for &(id, site) in &ir.field_let_moves {
            let Some(node) = self.cfg.use_nodes[id] else {
                continue;
            };
            let Event::Use(p, _) = self.cfg.events[node] else {
                continue;
            };
            let binding = self.cfg.places.list[p].binding;
            let kept_whole = (0..ir.states.len()).any(|s| {
                let entry = self.cfg.entries[s];
                entry != usize::MAX
                    && moved[entry].contains(p)
                    && self.kept[s].iter().any(|k| {
                        let q = &self.cfg.places.list[k.place];
                        q.binding == binding && q.path.is_empty()
                    })
            });
            if kept_whole
                && self.in_scope_at_a_later_state(node, binding, ir.bindings[binding].scope)
            {
                self.copied_fields.insert(site);
            }
        }
    }
}

/// Whether every field of `binding` is known, dropped by index, and it has no `Drop` of its
/// own: a tuple literal's value.
fn spelled_out(ir: &Ir, binding: BindingId) -> bool {
    match ir.spelled_out.get(&binding) {
        Some(&(tuple, _)) => tuple,
        None => false,
    }
}
