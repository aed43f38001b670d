//! The analyses over the control-flow graph, on bit sets of places:
//! - `init`: maybe-initialized and maybe-uninitialized places (moves, assignments, bindings),
//!   forward, as rustc's drop elaboration has them;
//! - `liveness`: places some later path reads (or reads a place containing) before
//!   overwriting them, backward.
//!
//! A read of a place that was "moved" proves the move was a copy (the plain function compiles),
//! so a live place counts as initialized wherever it is asked.

use super::cfg::{Cfg, Event, Node};
use super::ir::Use;
use super::places::{Bits, PlaceId};

/// Per node, after its event.
pub(crate) struct Init {
    pub maybe_init: Vec<Bits>,
    pub maybe_uninit: Vec<Bits>,
}

/// The places inside each place (itself included), computed once.
pub(crate) fn subtrees(cfg: &Cfg) -> Vec<Vec<PlaceId>> {
    (0..cfg.places.len())
        .map(|p| cfg.places.subtree(p))
        .collect()
}

/// The places of the bindings declared in `scope`.
fn scope_places(cfg: &Cfg, scope: super::ir::ScopeId) -> &[PlaceId] {
    &cfg.scope_places[scope]
}

/// Forward worklist over every node, from `start`'s value at the nodes without predecessors.
pub(crate) fn forward<S: Clone + PartialEq>(
    cfg: &Cfg,
    bottom: S,
    start: impl Fn(Node) -> Option<S>,
    join: impl Fn(&mut S, &S),
    transfer: impl Fn(Node, &mut S),
) -> Vec<S> {
    let n = cfg.events.len();
    let mut out: Vec<S> = vec![bottom.clone(); n];
    let mut queued = vec![true; n];
    let mut work: std::collections::VecDeque<Node> = (0..n).collect();
    while let Some(node) = work.pop_front() {
        queued[node] = false;
        let mut value = start(node).unwrap_or_else(|| bottom.clone());
        for &p in &cfg.pred[node] {
            join(&mut value, &out[p]);
        }
        transfer(node, &mut value);
        if value != out[node] {
            out[node] = value;
            for &s in &cfg.succ[node] {
                if !queued[s] {
                    queued[s] = true;
                    work.push_back(s);
                }
            }
        }
    }
    out
}

/// Maybe-initialized / maybe-uninitialized places after each node. `moved_by`: what a move
/// of each place moves (its subtree, more for a struct update's `base.<rest>`).
pub(crate) fn init(cfg: &Cfg, subtrees: &[Vec<PlaceId>], moved_by: &[Vec<PlaceId>]) -> Init {
    let places = cfg.places.len();
    let start = 0;
    let both = forward(
        cfg,
        (Bits::new(places), Bits::new(places)),
        |node| (node == start).then(|| (Bits::new(places), Bits::full(places))),
        |acc, other| {
            acc.0.union(&other.0);
            acc.1.union(&other.1);
        },
        |node, (init, uninit)| match &cfg.events[node] {
            // A read proves the place is there (the plain function compiles).
            Event::Use(p, Use::Read) => {
                for &q in &subtrees[*p] {
                    init.insert(q);
                    uninit.remove(q);
                }
            }
            Event::Use(p, Use::Value) => {
                for &q in &moved_by[*p] {
                    init.remove(q);
                    uninit.insert(q);
                }
            }
            Event::Use(p, Use::Assign) => {
                for &q in &subtrees[*p] {
                    init.insert(q);
                    uninit.remove(q);
                }
            }
            Event::Bind(b) => {
                for &q in &cfg.binding_places[*b] {
                    init.insert(q);
                    uninit.remove(q);
                }
            }
            Event::Declare(b) => {
                for &q in &cfg.binding_places[*b] {
                    init.remove(q);
                    uninit.insert(q);
                }
            }
            Event::Dead(scope) => {
                for &q in scope_places(cfg, *scope).iter() {
                    init.remove(q);
                    uninit.insert(q);
                }
            }
            _ => {}
        },
    );
    let (maybe_init, maybe_uninit) = both.into_iter().unzip();
    Init {
        maybe_init,
        maybe_uninit,
    }
}

/// Turns into reads the "moves" that later code proves were copies: a place used by value
/// and used again (itself, a part of it or a place containing it) before anything overwrites
/// it holds a `Copy` value, or the plain function would not compile.
pub(crate) fn copies(cfg: &mut Cfg, subtrees: &[Vec<PlaceId>], live: &[Bits]) {
    for node in 0..cfg.events.len() {
        let Event::Use(p, Use::Value) = cfg.events[node] else {
            continue;
        };
        let used_again = cfg.succ[node]
            .iter()
            .any(|&s| subtrees[p].iter().any(|&q| live[s].contains(q)));
        if used_again {
            cfg.events[node] = Event::Use(p, Use::Read);
            cfg.proven_copies.insert(node);
        }
    }
}

/// Live places before each node: a later read of the place, or of a place containing it,
/// comes before anything overwrites it. `used_by[p]`: what a use of `p` reads (its subtree;
/// for the fields a struct update takes, also the fields of its base the body names but the
/// literal does not list: `plan/struct_updates.rs`).
pub(crate) fn liveness(
    cfg: &Cfg,
    subtrees: &[Vec<PlaceId>],
    used_by: &[Vec<PlaceId>],
) -> Vec<Bits> {
    let n = cfg.events.len();
    let places = cfg.places.len();
    let mut live_in = vec![Bits::new(places); n];
    let mut queued = vec![true; n];
    let mut work: std::collections::VecDeque<Node> = (0..n).rev().collect();
    while let Some(node) = work.pop_front() {
        queued[node] = false;
        let mut value = Bits::new(places);
        for &s in &cfg.succ[node] {
            value.union(&live_in[s]);
        }
        match &cfg.events[node] {
            Event::Use(p, Use::Read | Use::Value) => {
                for &q in &used_by[*p] {
                    value.insert(q);
                }
            }
            Event::Use(p, Use::Assign) => {
                for &q in &subtrees[*p] {
                    value.remove(q);
                }
            }
            Event::Bind(b) | Event::Declare(b) => {
                for &q in &cfg.binding_places[*b] {
                    value.remove(q);
                }
            }
            Event::Dead(scope) => {
                for &q in scope_places(cfg, *scope).iter() {
                    value.remove(q);
                }
            }
            _ => {}
        }
        if value != live_in[node] {
            live_in[node] = value;
            for &p in &cfg.pred[node] {
                if !queued[p] {
                    queued[p] = true;
                    work.push_back(p);
                }
            }
        }
    }
    live_in
}

/// The arm each node belongs to: the state whose entry reaches it without passing another
/// state's entry (code is emitted into exactly one arm).
pub(crate) fn arms(cfg: &Cfg) -> Vec<Option<usize>> {
    let mut arm = vec![None; cfg.events.len()];
    for (state, &entry) in cfg.entries.iter().enumerate() {
        if entry == usize::MAX {
            continue;
        }
        let mut stack = vec![entry];
        arm[entry] = Some(state);
        while let Some(node) = stack.pop() {
            for &s in &cfg.succ[node] {
                if arm[s].is_none() && !matches!(cfg.events[s], Event::Entry(_)) {
                    arm[s] = Some(state);
                    stack.push(s);
                }
            }
        }
    }
    arm
}

/// How a place stands in the arm being run, relative to how the arm received it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct Local {
    /// May be as the arm received it.
    pub entry: Bits,
    /// May have been (re)initialized in the arm.
    pub init: Bits,
    /// May have been moved in the arm.
    pub moved: Bits,
}

/// Arm-local place states after each node: at a state's entry everything is "as received"
/// (joined with the arm's own native back edges, for a loop head).
pub(crate) fn arm_local(
    cfg: &Cfg,
    subtrees: &[Vec<PlaceId>],
    moved_by: &[Vec<PlaceId>],
    arm: &[Option<usize>],
    kept: impl Fn(usize, PlaceId) -> bool,
    native_head: impl Fn(usize) -> bool,
) -> Vec<Local> {
    let places = cfg.places.len();
    let empty = Local {
        entry: Bits::new(places),
        init: Bits::new(places),
        moved: Bits::new(places),
    };
    let n = cfg.events.len();
    let mut out = vec![empty.clone(); n];
    let mut queued = vec![true; n];
    let mut work: std::collections::VecDeque<Node> = (0..n).collect();
    while let Some(node) = work.pop_front() {
        queued[node] = false;
        let mut value = empty.clone();
        let entry_state = match cfg.events[node] {
            Event::Entry(state) => Some(state),
            _ => None,
        };
        for &p in &cfg.pred[node] {
            // Into a state's entry, only a native loop's own back edges flow; others are jumps
            // that build the payload the entry receives.
            if let Some(state) = entry_state
                && (arm[p] != Some(state) || !native_head(state))
            {
                continue;
            }
            value.entry.union(&out[p].entry);
            value.init.union(&out[p].init);
            value.moved.union(&out[p].moved);
        }
        match &cfg.events[node] {
            Event::Entry(state) => {
                for p in 0..places {
                    if kept(*state, p) {
                        value.entry.insert(p);
                    } else {
                        value.moved.insert(p);
                    }
                }
            }
            // A read proves the place is there: a "move" before it was a copy.
            Event::Use(p, Use::Read) => {
                for &q in &subtrees[*p] {
                    if value.moved.contains(q) {
                        value.moved.remove(q);
                        if !value.entry.contains(q) {
                            value.init.insert(q);
                        }
                    }
                }
            }
            Event::Use(p, Use::Value) => {
                for &q in &moved_by[*p] {
                    value.entry.remove(q);
                    value.init.remove(q);
                    value.moved.insert(q);
                }
            }
            Event::Use(p, Use::Assign) => {
                for &q in &subtrees[*p] {
                    value.entry.remove(q);
                    value.moved.remove(q);
                    value.init.insert(q);
                }
            }
            Event::Bind(b) => {
                for &q in &cfg.binding_places[*b] {
                    value.entry.remove(q);
                    value.moved.remove(q);
                    value.init.insert(q);
                }
            }
            Event::Declare(b) => {
                for &q in &cfg.binding_places[*b] {
                    value.entry.remove(q);
                    value.init.remove(q);
                    value.moved.insert(q);
                }
            }
            Event::Dead(scope) => {
                for &q in scope_places(cfg, *scope).iter() {
                    value.entry.remove(q);
                    value.init.remove(q);
                    value.moved.insert(q);
                }
            }
            _ => {}
        }
        if value != out[node] {
            out[node] = value;
            for &s in &cfg.succ[node] {
                if !queued[s] {
                    queued[s] = true;
                    work.push_back(s);
                }
            }
        }
    }
    out
}
