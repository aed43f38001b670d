//! What the first pass over a body learns, and the question the second pass asks of it:
//! which locals does a state save?
//!
//! Every event of the walk (a mention of a local, a declaration, a state, the bounds of a loop
//! or of a branch) gets the next position, so positions are textual order. A state saves the
//! locals in scope at its point that are live there (mentioned later on a path from it,
//! including around an enclosing loop) or not moved before it (so they drop where plain Rust
//! drops them). References are saved only when live: they have no drop glue.

pub(crate) type LocalId = usize;
pub(crate) type LoopId = usize;
pub(crate) type RegionId = usize;

/// How a mention of a local uses it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Use {
    /// Read through a reference, assigned, or otherwise left in place.
    Keep,
    /// Passed by value: the local may be moved after this point.
    Move,
    /// Overwritten as a whole (`x = ..`): its old value is dead here.
    Assign,
}

#[derive(Clone, Debug)]
pub(crate) struct LocalFact {
    pub decl: u32,
    pub by_ref: bool,
    /// A `for` loop's iterator: user code cannot name it.
    pub hidden: bool,
}

/// A loop whose body can run again after any of its points.
#[derive(Clone, Default, Debug)]
pub(crate) struct LoopFact {
    pub start: u32,
    pub end: u32,
}

/// One branch (an `if` branch, a `match` arm) of a compound, and the compound's extent: code
/// in later branches is not reachable from inside this one, code in earlier branches did not
/// run before it.
#[derive(Clone, Default, Debug)]
pub(crate) struct RegionFact {
    pub compound_start: u32,
    pub branch_start: u32,
    pub branch_end: u32,
    pub compound_end: u32,
}

#[derive(Clone, Default, Debug)]
pub(crate) struct StateFact {
    pub pos: u32,
    /// A `return;` ends every path from the state here: nothing after it is reachable.
    pub horizon: Option<u32>,
    /// The loop this state is the head of: its body may run zero times from here.
    pub heads: Option<LoopId>,
    pub in_scope: Vec<LocalId>,
    pub loops: Vec<LoopId>,
    pub regions: Vec<RegionId>,
}

/// One mention of a local.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub pos: u32,
    pub how: Use,
    /// The state whose arm holds the mention.
    pub arm: usize,
    /// For `Use::Assign`: the lowered branches and loops around it (it kills the old value
    /// only for states inside all of them).
    pub context: Option<Box<(Vec<RegionId>, Vec<LoopId>)>>,
}

#[derive(Default, Debug)]
pub(crate) struct Facts {
    pub locals: Vec<LocalFact>,
    pub mentions: Vec<Vec<Mention>>,
    pub loops: Vec<LoopFact>,
    pub regions: Vec<RegionFact>,
    pub states: Vec<StateFact>,
    /// Positions of `break`/`continue` jumps out of verbatim code.
    pub escapes: Vec<u32>,
}

impl Facts {
    /// The locals state `state` saves, in declaration order.
    pub(crate) fn saved(&self, state: usize) -> Vec<LocalId> {
        let fact = &self.states[state];
        if state == 0 {
            // The start state holds the arguments, all of them.
            return fact.in_scope.clone();
        }
        fact.in_scope
            .iter()
            .copied()
            .filter(|&local| {
                self.live(local, fact) || (!self.locals[local].by_ref && !self.moved(local, fact))
            })
            .collect()
    }

    /// The local a loop head keeps resident, when its only saved local is its `for` loop's
    /// iterator: the head's arm borrows the iterator inside the stored state instead of
    /// moving it out and back on every item (`gen_core::__private::Resident`).
    pub(crate) fn resident(&self, state: usize) -> Option<LocalId> {
        self.states[state].heads?;
        match self.saved(state)[..] {
            [local] if self.locals[local].hidden => Some(local),
            _ => None,
        }
    }

    /// Whether `local` is saved by some state after position `pos`.
    pub(crate) fn saved_after(&self, local: LocalId, pos: u32) -> bool {
        self.states.iter().enumerate().any(|(id, s)| {
            s.pos > pos && s.in_scope.contains(&local) && self.saved(id).contains(&local)
        })
    }

    pub(crate) fn in_loop(&self, local: LocalId, state: &StateFact, pos: u32) -> bool {
        let decl = self.locals[local].decl;
        state
            .loops
            .iter()
            .map(|&l| &self.loops[l])
            .any(|l| l.start > decl && (l.start..=l.end).contains(&pos))
    }

    /// Live: some path from the state reads the local before overwriting it. Reachable
    /// mentions are the rest of the text (minus later sibling branches, and nothing past a
    /// `return;` that ends every path) and, through the back edge of each enclosing loop, the
    /// whole loop. The old value is dead only when the first mention in the rest of the
    /// current loop iteration is an assignment of the whole local that always runs: no branch
    /// or loop around it that is not around the state too, no `break`/`continue` on the way.
    fn live(&self, local: LocalId, state: &StateFact) -> bool {
        let mentions = &self.mentions[local];
        let decl = self.locals[local].decl;
        let skipped = |pos: u32| {
            state
                .regions
                .iter()
                .map(|&r| &self.regions[r])
                .any(|r| pos > r.branch_end && pos <= r.compound_end)
        };
        let horizon = state.horizon.unwrap_or(u32::MAX);
        let loops: Vec<&LoopFact> = state
            .loops
            .iter()
            .map(|&l| &self.loops[l])
            .filter(|l| l.start > decl)
            .collect();
        let iteration_end = loops.iter().map(|l| l.end).min().unwrap_or(u32::MAX);
        let first = mentions.iter().find(|m| {
            m.pos > state.pos && m.pos <= iteration_end && m.pos < horizon && !skipped(m.pos)
        });
        if let Some(first) = first
            && let (Use::Assign, Some(context)) = (first.how, &first.context)
            && context.0.iter().all(|r| state.regions.contains(r))
            && context
                .1
                .iter()
                .all(|l| state.loops.contains(l) && state.heads != Some(*l))
            && !self.escapes.iter().any(|&e| e > state.pos && e < first.pos)
        {
            return false;
        }
        mentions.iter().any(|m| {
            (m.pos > state.pos && m.pos < horizon && !skipped(m.pos))
                || loops.iter().any(|l| (l.start..=l.end).contains(&m.pos))
        })
    }

    /// Whether the arm of `state` mentions `local` (an unsaved local it assigns is re-bound
    /// uninitialized there).
    pub(crate) fn mentioned_in_arm(&self, local: LocalId, state: usize) -> bool {
        self.mentions[local].iter().any(|m| m.arm == state)
    }

    fn moved(&self, local: LocalId, state: &StateFact) -> bool {
        self.mentions[local].iter().any(|m| {
            let (pos, kind) = (m.pos, m.how);
            let earlier = pos < state.pos
                && !state
                    .regions
                    .iter()
                    .map(|&r| &self.regions[r])
                    .any(|r| pos >= r.compound_start && pos < r.branch_start);
            kind == Use::Move && (earlier || self.in_loop(local, state, pos))
        })
    }
}
