//! Where a kept place that the body moved and uses again is next used after a suspension.
//!
//! A by-value use followed by another use is taken for a copy (`flow::copies`): the plain
//! function compiles only if it is one. When it is not (`consume(t); yield_!(1);
//! consume(t);` with `t` of a type that is not `Copy`), rustc reports the use after move on
//! the user's second `consume(t)`, in the fold copy of the body; the state machine, which
//! saves `t` at the yield, would report the same mistake a second time, at the yield, where
//! nothing reads `t`. The payload names such a place at its next use instead: the state
//! machine's error is then the same diagnostic on the same tokens, which rustc reports once.
//! The same for a place that may be uninitialized where the machine saves it (E0381).

use std::collections::HashMap;

use proc_macro2::Span;

use super::super::cfg::{Cfg, Event};
use super::super::ir::{BindingId, MarkId};
use super::super::places::PlaceId;
use super::Plan;

/// The uses, in the order they are written, of every binding that a proven copy reads.
pub(super) fn copied_uses(cfg: &Cfg) -> HashMap<BindingId, Vec<usize>> {
    let mut out: HashMap<BindingId, Vec<usize>> = HashMap::new();
    for &node in &cfg.proven_copies {
        if let Event::Use(p, _) = cfg.events[node] {
            out.entry(cfg.places.list[p].binding).or_default();
        }
    }
    for (id, used) in cfg.use_spans.iter().enumerate() {
        if let Some((p, _)) = used
            && let Some(ids) = out.get_mut(&cfg.places.list[*p].binding)
        {
            ids.push(id);
        }
    }
    out
}

impl Plan {
    /// The span of the first use written after `mark` of `place`, a part of it or a place
    /// containing it, if a proven copy reads its binding (see the module doc); or, with none
    /// written after `mark`, of its last proven copy before it. And whether that use borrows
    /// the binding (the machine then borrows it there first, as rustc's message says).
    pub(crate) fn next_use(&self, place: PlaceId, mark: MarkId) -> Option<(Span, bool, usize)> {
        let binding = self.cfg.places.list[place].binding;
        let ids = self.copied_uses.get(&binding)?;
        let after = self.cfg.mark_uses[mark];
        let first = ids.partition_point(|&id| id < after);
        // With whether the use borrows the whole binding (read in place: a borrow, a method's
        // receiver, a comparison), where rustc says "borrow of moved value".
        let related = |&id: &usize| {
            let (used, span) = self.cfg.use_spans[id]?;
            let borrows = self.cfg.places.list[used].path.is_empty()
                && self.cfg.use_nodes[id].is_some_and(|n| {
                    matches!(
                        self.cfg.events[n],
                        Event::Use(_, crate::lower::flat::ir::Use::Read)
                    )
                });
            self.related(place, used).then_some((span, borrows, id))
        };
        // None written after it (a loop's back edge): the move that a path through the loop
        // made, where rustc says "value moved here, in previous iteration of loop" (a move,
        // not a borrow).
        ids[first..].iter().find_map(related).or_else(|| {
            ids[..first]
                .iter()
                .rev()
                .filter(|&&id| {
                    self.cfg.use_nodes[id].is_some_and(|n| self.cfg.proven_copies.contains(&n))
                })
                .find_map(related)
                .map(|(span, _, id)| (span, false, id))
        })
    }

    /// The span of the first use written after `mark` of `place` when `place` may be
    /// uninitialized there (`let x; if c { x = 1 } yield_!(0); yield_!(x);`): the plain
    /// function's E0381 is on that use, in the fold copy, and the state machine's read of the
    /// place at the suspension is then the same diagnostic on the same token. (A valid body
    /// never stores a place that may be uninitialized as it is: it keeps it in a slot.)
    pub(crate) fn next_use_if_uninit(&self, place: PlaceId, mark: MarkId) -> Option<Span> {
        let node = self.cfg.marks[mark]?;
        if !self.init.maybe_uninit[node].contains(place) {
            return None;
        }
        let after = self.cfg.mark_uses[mark];
        self.cfg.use_spans[after.min(self.cfg.use_spans.len())..]
            .iter()
            .flatten()
            .find(|(used, _)| self.related(place, *used))
            .map(|&(_, span)| span)
    }

    /// Whether one of `a` and `b` contains the other.
    fn related(&self, a: PlaceId, b: PlaceId) -> bool {
        let contains = |outer: PlaceId, mut inner: PlaceId| loop {
            if inner == outer {
                return true;
            }
            match self.cfg.places.parent[inner] {
                Some(up) => inner = up,
                None => return false,
            }
        };
        contains(a, b) || contains(b, a)
    }
}
