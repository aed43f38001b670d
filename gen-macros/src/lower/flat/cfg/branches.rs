//! Conditions, match arms and loops in the control-flow graph.

use super::*;

impl Builder<'_> {
    /// A condition chain; returns the nodes where it fails (to the `else`). The moves of its
    /// patterns count on the path where the whole chain holds: a chain that fails after a
    /// pattern moved out of a place would leave the `else` with the place moved on some paths
    /// only, which no lowering can tell apart (the `else` is one piece of code).
    pub(super) fn cond(&mut self, cond: &Cond) -> Vec<Node> {
        let mut fails = Vec::new();
        let mut moves_all = Vec::new();
        for part in &cond.parts {
            match part {
                CondPart::Expr(e) => self.expr(e),
                CondPart::Let {
                    scrutinee,
                    bindings,
                    moves,
                    ..
                } => {
                    self.expr(scrutinee);
                    fails.extend(self.cur);
                    moves_all.extend(moves.iter().cloned());
                    self.bind_all(bindings);
                    continue;
                }
            }
            fails.extend(self.cur);
        }
        for moved in &moves_all {
            self.use_place(moved, Use::Value);
        }
        fails
    }

    pub(super) fn arm(&mut self, arm: &Arm) {
        self.open(arm.scope);
        for moved in &arm.moves {
            self.use_place(moved, Use::Value);
        }
        self.bind_all(&arm.bindings);
        if let Some(guard) = &arm.guard {
            let outer = std::mem::replace(&mut self.in_guard, true);
            self.expr(guard);
            self.in_guard = outer;
        }
        self.expr(&arm.body);
        self.mark(arm.end);
        self.close();
    }

    pub(super) fn depth_of(&self, target: LoopId) -> Option<usize> {
        self.loops
            .iter()
            .rev()
            .find(|f| f.id == target)
            .map(|f| f.depth)
    }

    pub(super) fn loop_expr(
        &mut self,
        id: LoopId,
        kind: &LoopBody,
        body: &Block,
        enter: MarkId,
        exit: MarkId,
        site: usize,
    ) {
        if let LoopBody::For { iterable, iter, .. } = kind {
            self.expr(iterable);
            self.emit(Event::Bind(*iter));
        }
        self.mark(enter);
        let head = match self.ir.loops[id].head {
            Some(state) => {
                self.entry(state);
                self.cur
            }
            None => {
                // Back edges meet the entry here: a loop whose body moves a place on some
                // iterations only is lowered there.
                let node = self.node(Event::Nop, self.cur);
                self.cfg.merges.push((node, site));
                self.cur = Some(node);
                Some(node)
            }
        };
        let Some(head) = head else { return };
        self.loops.push(LoopTargets {
            id,
            head,
            breaks: Vec::new(),
            depth: self.scopes.len(),
        });
        let mut exits = Vec::new();
        match kind {
            LoopBody::Loop => {}
            LoopBody::While(cond) => {
                self.open(cond.scope);
                exits.extend(self.cond(cond));
            }
            LoopBody::For {
                iter,
                bindings,
                scope,
                ..
            } => {
                self.open(*scope);
                let place = Place::whole(*iter);
                self.use_place(&place, Use::Read);
                exits.extend(self.cur);
                self.bind_all(bindings);
            }
        }
        self.guarded_branch(|this| this.block(body));
        if !matches!(kind, LoopBody::Loop) {
            self.close();
        }
        if let Some(end) = self.cur {
            self.edge(end, head);
        }
        let frame = self.loops.pop().expect("pushed above");
        // The loop's own end (condition false, iterator done) carries the exit mark; breaks
        // performed their jump where they were.
        self.cur = self.merge(exits, 0);
        self.mark(exit);
        let mut ends: Vec<Node> = self.cur.into_iter().collect();
        ends.extend(frame.breaks);
        self.cur = self.merge(ends, site);
    }
}
