//! What the next build must lower although it does not yield: compounds whose branches
//! leave a kept place in different states, and loops whose native back edge would bring a
//! kept place back in another form.

use super::*;

impl Plan {
    /// Compounds and loops the next build must lower (see the module docs).
    pub(super) fn find_conflicts(&mut self, ir: &Ir, kept_by: &[Vec<bool>]) {
        let merge_site: std::collections::HashMap<Node, usize> =
            self.cfg.merges.iter().copied().collect();
        let targets = self.targets(ir.states.len());
        for node in self.cfg.marks.iter().flatten().copied() {
            // The places a payload built here holds: those of the states control reaches
            // from here without passing another state's entry.
            for (state, kept) in kept_by.iter().enumerate() {
                if !targets[node].contains(state) {
                    continue;
                }
                let local = &self.local[node];
                for k in &self.kept[state] {
                    // A place neither set nor moved in the arm is as received: no conflict.
                    let touched = local.init.contains(k.place) || local.moved.contains(k.place);
                    if !touched || !kept[k.place] || self.now(node, k.place) != Now::Conflict {
                        continue;
                    }
                    if let Some(site) = self.origin(node, k.place, &merge_site) {
                        self.force.insert(site);
                    }
                }
            }
        }
        // A part of a partly moved value that the arm holds in a hidden local, used where the
        // binding may also have been given a whole new value (in a native loop that assigns
        // it): the code as written cannot name both; the compound that joins them is lowered.
        for (node, event) in self.cfg.events.iter().enumerate() {
            let (Event::Use(p, _), Some(arm)) = (event, self.arm[node]) else {
                continue;
            };
            let local = &self.local[node];
            if !local.init.contains(*p) || !matches!(self.received(arm, *p), Now::Held(_)) {
                continue;
            }
            if self.now(node, *p) == Now::Conflict
                && let Some(site) = self.origin(node, *p, &merge_site)
            {
                self.force.insert(site);
            }
        }
        // A whole new value for a partly moved binding whose parts the arm holds in hidden
        // locals, where the binding may also be whole already (a native loop that assigns
        // it): the assignment must drop the parts on one path and the old value on the other;
        // the compound that joins them is lowered.
        for (node, event) in self.cfg.events.iter().enumerate() {
            let (Event::Use(p, crate::lower::flat::ir::Use::Assign), Some(arm)) =
                (event, self.arm[node])
            else {
                continue;
            };
            if !self.cfg.places.list[*p].path.is_empty() {
                continue;
            }
            // The parts as they stand before the write (`now` tells the state after a node).
            for q in self.drop_order(*p) {
                for &before in &self.cfg.pred[node] {
                    if q != *p
                        && matches!(self.received(arm, q), Now::Held(_))
                        && self.now(before, q) == Now::Conflict
                        && let Some(site) = self.origin(before, q, &merge_site)
                    {
                        self.force.insert(site);
                    }
                }
            }
        }
        for (l, info) in ir.loops.iter().enumerate() {
            let Some(head) = info.head.filter(|_| self.native[l]) else {
                continue;
            };
            let node = self.cfg.entries[head];
            if node == usize::MAX {
                continue;
            }
            if self.kept[head]
                .iter()
                .any(|k| self.now(node, k.place) == Now::Conflict)
            {
                self.unnative.insert(info.site);
            }
        }
    }

    /// Per node: the states whose entry control reaches from it within its arm.
    pub(super) fn targets(&self, states: usize) -> Vec<Bits> {
        let n = self.cfg.events.len();
        let mut reach = vec![Bits::new(states); n];
        let mut changed = true;
        while changed {
            changed = false;
            for node in (0..n).rev() {
                let mut value = reach[node].clone();
                for &s in &self.cfg.succ[node] {
                    match self.cfg.events[s] {
                        Event::Entry(state) => value.insert(state),
                        _ => {
                            value.union(&reach[s]);
                        }
                    }
                }
                if value != reach[node] {
                    reach[node] = value;
                    changed = true;
                }
            }
        }
        reach
    }

    /// The compound whose branches meet with `place` in different states, on the way back
    /// from `node`.
    pub(super) fn origin(
        &self,
        node: Node,
        place: PlaceId,
        merge_site: &std::collections::HashMap<Node, usize>,
    ) -> Option<usize> {
        let arm = self.arm[node];
        let mut seen = HashSet::new();
        let mut stack = vec![node];
        // A merge whose incoming paths already conflict among themselves (nested merges):
        // lowered when no merge of two clean forms is found, so the next round finds the
        // inner one.
        let mut nested = None;
        while let Some(n) = stack.pop() {
            if !seen.insert(n) || self.arm[n] != arm {
                continue;
            }
            if let Some(&site) = merge_site.get(&n)
                && site != 0
            {
                let states: HashSet<_> = self.cfg.pred[n]
                    .iter()
                    .map(|&p| format!("{:?}", self.now(p, place)))
                    .collect();
                if states.len() > 1 && !states.contains("Conflict") {
                    return Some(site);
                }
                if states.len() > 1 && !self.force.contains(&site) {
                    nested.get_or_insert(site);
                }
            }
            stack.extend(self.cfg.pred[n].iter().copied());
        }
        nested
    }
}
