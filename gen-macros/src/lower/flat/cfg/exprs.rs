//! Statements and expressions in the control-flow graph: each use, binding, yield and jump
//! becomes an event, in the order the plain function runs them.

use super::*;

impl Builder<'_> {
    pub(super) fn stmt(&mut self, stmt: &Stmt) {
        match stmt {
            Stmt::Let(l) => {
                if let Some(init) = &l.init {
                    self.expr(init);
                }
                if let Some(join) = l.join {
                    self.entry(join);
                }
                if let Some(diverge) = &l.diverge {
                    // `let .. else`: the pattern fails into the `else`, which diverges.
                    let fork = self.cur;
                    self.expr(diverge);
                    self.cur = fork;
                }
                for part in &l.parts {
                    self.use_place(part, Use::Read);
                }
                for moved in &l.moves {
                    self.use_place(moved, Use::Value);
                }
                if l.init.is_some() {
                    self.bind_all(&l.bindings);
                    for field in &l.shape {
                        self.use_place(field, Use::Read);
                    }
                } else {
                    for &b in &l.bindings {
                        self.emit(Event::Declare(b));
                    }
                }
            }
            Stmt::Expr { expr, join, .. } => {
                self.expr(expr);
                if let Some(join) = join {
                    self.entry(*join);
                }
            }
            Stmt::Item(_) => {}
        }
    }

    pub(super) fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Place { place, how, id, .. } => {
                // The node before the use: how the place stands when it is used.
                self.cfg.uses[*id] = self.cur;
                self.use_place(place, *how);
                self.cfg.use_nodes[*id] = self.cur;
                let interned = self.cfg.places.intern(place);
                self.cfg.use_spans[*id] = Some((interned, e.span));
                self.uses_before = self.uses_before.max(*id + 1);
            }
            ExprKind::Yield {
                value,
                resume,
                mark,
                resumed,
                ..
            } => {
                self.expr(value);
                self.mark(*mark);
                self.entry(*resume);
                self.mark(*resumed);
            }
            ExprKind::Block { block, loop_id, .. } => match loop_id {
                Some(id) => {
                    let head = self.cur.unwrap_or_else(|| self.node(Event::Nop, None));
                    self.loops.push(LoopTargets {
                        id: *id,
                        head,
                        breaks: Vec::new(),
                        depth: self.scopes.len(),
                    });
                    self.block(block);
                    let targets = self.loops.pop().expect("pushed above");
                    let mut ends = targets.breaks;
                    ends.extend(self.cur);
                    self.cur = self.merge(ends, e.site);
                }
                None => self.block(block),
            },
            ExprKind::If {
                cond,
                then,
                otherwise,
                else_mark,
                ..
            } => {
                self.open(cond.scope);
                let fails = self.cond(cond);
                self.guarded_branch(|this| this.block(then));
                self.close();
                let mut ends: Vec<Node> = self.cur.into_iter().collect();
                self.cur = self.merge(fails, 0);
                if let Some(o) = otherwise {
                    self.guarded_branch(|this| this.expr(o));
                }
                self.mark(*else_mark);
                ends.extend(self.cur);
                self.cur = self.merge(ends, e.site);
            }
            ExprKind::Match { scrutinee, arms } => {
                self.expr(scrutinee);
                let fork = self.cur;
                let mut ends = Vec::new();
                for arm in arms {
                    self.cur = fork;
                    self.guarded_branch(|this| this.arm(arm));
                    ends.extend(self.cur);
                }
                self.cur = self.merge(ends, e.site);
            }
            ExprKind::Loop {
                loop_id,
                kind,
                body,
                enter,
                exit,
                ..
            } => self.loop_expr(*loop_id, kind, body, *enter, *exit, e.site),
            ExprKind::Break {
                target,
                value,
                mark,
                ..
            } => {
                if let Some(v) = value {
                    self.expr(v);
                }
                self.mark(*mark);
                if let Some(depth) = target.and_then(|t| self.depth_of(t)) {
                    self.leave_to(depth);
                }
                if let (Some(cur), Some(t)) = (self.cur, target)
                    && let Some(frame) = self.loops.iter_mut().rev().find(|f| f.id == *t)
                {
                    frame.breaks.push(cur);
                }
                self.cur = None;
            }
            ExprKind::Continue { target, mark, .. } => {
                self.mark(*mark);
                if let Some(depth) = target.and_then(|t| self.depth_of(t)) {
                    self.leave_to(depth);
                }
                if let (Some(cur), Some(t)) = (self.cur, target)
                    && let Some(head) = self.loops.iter().rev().find(|f| f.id == *t).map(|f| f.head)
                {
                    self.edge(cur, head);
                }
                self.cur = None;
            }
            ExprKind::Return { value, .. } => {
                if let Some(value) = value {
                    self.expr(value);
                }
                self.emit(Event::Exit);
                self.cur = None;
            }
            ExprKind::Try {
                inner, diverges, ..
            } => {
                self.expr(inner);
                // The error path leaves the generator; the value path goes on, unless the
                // value is always an error (`Err(e)?`).
                if let Some(cur) = self.cur {
                    self.node(Event::Exit, Some(cur));
                }
                if *diverges {
                    self.cur = None;
                }
            }
            ExprKind::Assign {
                lhs,
                rhs,
                join,
                mark,
                ..
            } => {
                self.expr(rhs);
                if let Some(join) = join {
                    self.entry(*join);
                }
                self.expr(lhs);
                self.mark(*mark);
            }
            ExprKind::Closure { captures, .. } => {
                for (place, how) in captures {
                    self.use_place(place, *how);
                }
            }
            ExprKind::Macro { args, .. } => match args {
                MacroArgs::Exprs {
                    exprs, captures, ..
                } => {
                    // Another macro's input is emitted as written, like a guard.
                    let outer = std::mem::replace(&mut self.in_guard, true);
                    for x in exprs {
                        self.expr(x);
                    }
                    self.in_guard = outer;
                    for (place, id, span) in captures {
                        self.cfg.uses[*id] = self.cur;
                        self.use_place(place, Use::Read);
                        self.cfg.use_nodes[*id] = self.cur;
                        let interned = self.cfg.places.intern(place);
                        self.cfg.use_spans[*id] = Some((interned, *span));
                        self.uses_before = self.uses_before.max(*id + 1);
                    }
                }
                MacroArgs::Tokens { uses, .. } => {
                    for (place, how) in uses {
                        self.use_place(place, *how);
                    }
                }
            },
            ExprKind::Op {
                operands,
                short_circuit,
                ..
            } => {
                if *short_circuit && operands.len() == 2 {
                    self.expr(&operands[0]);
                    let skip = self.cur;
                    self.guarded_branch(|this| this.expr(&operands[1]));
                    let mut ends: Vec<Node> = self.cur.into_iter().collect();
                    ends.extend(skip);
                    self.cur = self.merge(ends, e.site);
                } else {
                    for o in operands {
                        self.expr(o);
                    }
                }
            }
        }
    }
}
