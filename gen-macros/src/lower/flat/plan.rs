//! Which places each state keeps, and how: the one decision of the flat lowering.
//!
//! A state keeps, of every binding in scope at its entry, what a coroutine would keep there:
//! - a place that is initialized on every path (or read later, which proves it is), whole;
//! - a place moved on some paths only, in an `Option` (its drop flag), so it drops where the
//!   plain function drops it;
//! - of a partly moved value, the parts still there (each whole, or in an `Option`);
//! - nothing of a reference (no drop glue) that no later code reads, nor of a value that may
//!   borrow a generator local and that no later code reads (a coroutine could not keep it
//!   either).
//!
//! A binding kept while it certainly borrows a generator local is the flat generator's one
//! limit: a spanned error on the borrow.
//!
//! The plan also finds what the next build must lower although it does not yield: a compound
//! whose branches leave a kept place in different states (moved on one, not the other) before
//! a point where a payload is built, so that each branch builds its own; and a loop whose
//! native back edge would bring a kept place back in another form than its head received it.

pub(crate) mod borrow_errors;
mod borrow_messages;
pub(crate) mod captures;
mod conflicts;
mod copied_fields;
mod inexact;
mod layout;
mod loop_fixes;
mod next_use;
mod partly_moved;
mod struct_updates;

use std::collections::HashSet;

use super::cfg::{Cfg, Event, Node};
use super::flow::{self, Init, Local};
use super::ir::{BindingId, BindingKind, Borrows, Ir, ScopeId, StateId, StateKind};
use super::places::{Bits, PlaceId};

/// How a state keeps a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Keep {
    Whole,
    /// Moved on some paths: `Option`.
    Slot,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Kept {
    pub place: PlaceId,
    pub keep: Keep,
}

/// How a place stands where a payload is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Now {
    /// Reachable through its binding, as written.
    Bound,
    /// In the arm's `Option` slot for this place.
    Slot(PlaceId),
    /// In the arm's hidden local for this place (or one containing it).
    Held(PlaceId),
    Moved,
    /// Different on different paths to here.
    Conflict,
}

pub(crate) struct Plan {
    pub cfg: Cfg,
    pub subtrees: Vec<Vec<PlaceId>>,
    pub init: Init,
    pub live: Vec<Bits>,
    pub arm: Vec<Option<StateId>>,
    pub local: Vec<Local>,
    /// What each state keeps, in the order its arm binds them: scope by scope from the
    /// outermost, bindings in declaration order.
    pub kept: Vec<Vec<Kept>>,
    /// Per state: the places it keeps whole, and in an `Option` (`kept`, by place).
    pub kept_whole: Vec<Bits>,
    pub kept_slot: Vec<Bits>,
    /// Per state: the places it keeps in some form (`Plan::kept_somehow`).
    pub somehow: Vec<Bits>,
    /// The bindings some state keeps (a part of, at least).
    pub kept_bindings: HashSet<BindingId>,
    /// Places a part of which the body moves on its own somewhere (`drop(s.g)`): kept in
    /// parts when moved on some paths only, never in one `Option` slot that a path with the
    /// part gone could not fill.
    pub split: Bits,
    /// The bindings each arm assigns as a whole.
    pub assigned: Vec<HashSet<BindingId>>,
    /// The bindings each arm uses (reads, moves or assigns).
    pub used: Vec<HashSet<BindingId>>,
    /// Variables an `iter!` body captures and never moves: the state machine's closure
    /// captures them itself, as a `move` closure does (so the body names the user's variable,
    /// and mutating it needs the user's `mut`), and no state keeps them.
    pub external: HashSet<BindingId>,
    /// Captures of an `iter!` body that a value some state keeps probably borrows
    /// (`for w in l.split_whitespace()`): sound only for a captured shared reference, which
    /// `gen_core::checks::borrowed_capture` asks of each.
    pub borrowed_captures: Vec<BindingId>,
    /// In an `iter!` body, the loops over a capture itself that a later use of the capture
    /// proves copies (`Ir::looped_captures`): `gen_core::checks::looped_capture` asks the
    /// capture to be `Copy` at each, one error where a `move` closure moves it.
    pub looped_copies: Vec<(BindingId, proc_macro2::Span)>,
    /// Per loop: its back edges stay a native loop inside its head's arm.
    pub native: Vec<bool>,
    pub errors: Vec<syn::Error>,
    /// Errors about a value kept across a yield in parts (`plan/struct_updates.rs`), which
    /// the `boxed` lowering a body with such a value gets instead has no reason for
    /// (`plan/inexact.rs`).
    pub parts_errors: Vec<syn::Error>,
    /// Compounds (by syntax) the next build must lower.
    pub force: HashSet<usize>,
    /// Loops (by syntax) whose back edges must be jumps.
    pub unnative: HashSet<usize>,
    /// A value kept across a yield that may borrow a field of `self` taken by value (`for w
    /// in self.text.split(' ')`): a borrow through a reference field, or of `self` itself,
    /// which the macro cannot tell apart without `Self`'s type; or that borrows through a
    /// receiver of a pointer type (`self: Rc<Self>`, `self: Box<Self>`), which a `boxed`
    /// generator holds as the method's caller would. Lowered `boxed` (`mod.rs`).
    pub keeps_a_borrow_of_self: bool,
    /// A value kept across a yield of an `iter!` block probably borrows a name the block
    /// only calls (`for w in words.into_iter().filter(|w| long(w))`): a borrow of the
    /// block's capture if it is a local closure, none if it is a function, which the macro
    /// cannot tell apart. Lowered `boxed`, which holds either (`mod.rs`).
    pub keeps_a_borrow_of_a_callee: bool,
    /// A value kept across a yield of an `iter!` block certainly borrows a capture (`let
    /// first = &items;`): of the closure's own variable, or through it when it holds a
    /// reference. Lowered `boxed`, which holds either (`mod.rs`).
    pub keeps_a_borrow_of_a_capture: bool,
    /// A `ref` binding into a temporary scrutinee's value is kept across a yield (`while
    /// let Some((k, ref v)) = heap.pop()`): lowered `boxed` (`mod.rs`).
    pub keeps_a_ref_into_a_temporary: bool,
    /// A shared borrow through a `&mut` argument is kept across a yield beside the
    /// argument, which is used again after it (`plan/borrow_errors.rs`): lowered `boxed`.
    pub shared_borrow_through_mut: bool,
    /// A binding kept across a yield while it borrows a value of the user's type, judged a
    /// borrow by its method's name alone (`Ir::borrowed_by_name`: `let v = lru.get(k);`, `for
    /// id in q.iter()`): the user's method may return owned data; `boxed` is exact either way.
    pub borrow_judged_by_name: bool,
    /// A value certainly not `Copy` (a `String`, a `Vec`, a box) moved and read again: the
    /// plain function's use after move (rustc's E0382), which the lowering would take for a
    /// copy. Lowered `boxed` instead, where rustc reports it as written (`mod.rs`).
    pub use_after_move: bool,
    /// Fields used by value (by syntax) that the next build reads in place (see
    /// `copied_fields.rs`).
    pub copied_fields: HashSet<usize>,
    /// The uses of each binding a proven copy reads (`next_use.rs`).
    copied_uses: std::collections::HashMap<BindingId, Vec<usize>>,
}

/// Analyses `ir`. `unnative`: loops earlier rounds found must not be native.
pub(crate) fn plan(ir: &Ir, unnative: &HashSet<usize>) -> Plan {
    let mut cfg = super::cfg::build(ir);
    let subtrees = flow::subtrees(&cfg);
    let moved_by = struct_updates::moved_by(&cfg, &subtrees, ir);
    // A field used by value before a struct update that takes it (`f(s.n); S { .., ..s }`)
    // was a copy: the update reads it again.
    let live = flow::liveness(&cfg, &subtrees, moved_by.as_ref().unwrap_or(&subtrees));
    flow::copies(&mut cfg, &subtrees, &live);
    let init = flow::init(&cfg, &subtrees, moved_by.as_ref().unwrap_or(&subtrees));
    let arm = flow::arms(&cfg);
    let native: Vec<bool> = ir
        .loops
        .iter()
        .map(|l| !unnative.contains(&l.site))
        .collect();
    let mut plan = Plan {
        cfg,
        subtrees,
        init,
        live,
        arm,
        local: Vec::new(),
        kept: Vec::new(),
        kept_whole: Vec::new(),
        kept_slot: Vec::new(),
        somehow: Vec::new(),
        kept_bindings: HashSet::new(),
        split: Bits::new(0),
        assigned: vec![HashSet::new(); ir.states.len()],
        used: vec![HashSet::new(); ir.states.len()],
        external: HashSet::new(),
        borrowed_captures: Vec::new(),
        looped_copies: Vec::new(),
        native,
        errors: Vec::new(),
        parts_errors: Vec::new(),
        force: HashSet::new(),
        unnative: HashSet::new(),
        copied_fields: HashSet::new(),
        copied_uses: std::collections::HashMap::new(),
        use_after_move: false,
        keeps_a_borrow_of_self: false,
        keeps_a_borrow_of_a_callee: false,
        keeps_a_borrow_of_a_capture: false,
        keeps_a_ref_into_a_temporary: false,
        shared_borrow_through_mut: false,
        borrow_judged_by_name: false,
    };
    plan.copied_uses = next_use::copied_uses(&plan.cfg);
    plan.use_after_move = plan.cfg.proven_copies.iter().any(|&node| {
        let Event::Use(p, _) = plan.cfg.events[node] else {
            return false;
        };
        let place = &plan.cfg.places.list[p];
        let b = &ir.bindings[place.binding];
        place.path.is_empty()
            && !b.by_ref
            && !b.plain
            && (ir.not_copy.contains(&place.binding)
                || ir.texts.contains(&place.binding)
                || ir.boxes.contains(&place.binding))
    });
    plan.external = captures::external_captures(ir, &plan.cfg);
    plan.split = split_places(&plan.cfg);
    plan.kept = (0..ir.states.len()).map(|s| plan.layout(ir, s)).collect();
    plan.borrowed_captures = borrowed_captures(ir, &plan);
    plan.looped_copies = ir
        .looped_captures
        .iter()
        .filter(|&&(id, ..)| {
            plan.cfg.use_nodes[id].is_some_and(|n| plan.cfg.proven_copies.contains(&n))
        })
        .map(|&(_, b, span)| (b, span))
        .collect();
    plan.keeps_a_borrow_of_self = plan.kept.iter().flatten().any(|k| {
        let b = plan.cfg.places.list[k.place].binding;
        match ir.bindings[b].borrows {
            Borrows::Likely(owner) => {
                ir.view_params.contains(&owner)
                    && crate::parse::is_self_ident(&ir.bindings[owner].ident)
            }
            // Through a receiver of a pointer type (`self: Box<Self>`, `self: Rc<Self>`):
            // what the method's caller would borrow through it.
            Borrows::Definitely(owner, _) => {
                crate::parse::is_self_ident(&ir.bindings[owner].ident)
                    && !ir.bindings[owner].by_ref
                    && ir.not_copy.contains(&owner)
            }
            _ => false,
        }
    });
    plan.keeps_a_borrow_of_a_callee = plan.kept.iter().flatten().any(|k| {
        let b = plan.cfg.places.list[k.place].binding;
        matches!(ir.bindings[b].borrows, Borrows::Likely(owner) | Borrows::Definitely(owner, _)
            if ir.callee_captures.contains(&owner))
    });
    // `let first = &items;`, `if let Some(s) = &opt` of a capture of an `iter!` block: a
    // borrow of what the closure holds (which it lends for one call only), or through it
    // when it is a reference; lowered `boxed`, which holds either.
    // `while let Some((k, ref v)) = heap.pop() { yield_!(k); v.len() }`: a `ref` binding
    // into a temporary (or the part of one a move leaves, `unbound_parts.rs`) kept across a
    // yield; Rust keeps the temporary to the end of the construct, which only `boxed` can
    // while the binding borrows it.
    // So is a binding kept across a yield that borrows what a function returned
    // (`Some((head, tail)) = mem::take(&mut rest).split_first_mut()`): a reference, borrowed
    // through, or an owned value, borrowed.
    plan.keeps_a_ref_into_a_temporary = plan.kept.iter().flatten().any(|k| {
        let b = plan.cfg.places.list[k.place].binding;
        let into_a_temporary = ir.ref_bindings.contains(&b)
            && matches!(ir.bindings[b].borrows, Borrows::Definitely(owner, _)
                if ir.bindings[owner].kind == BindingKind::Temp
                    || super::unbound_parts::is_borrowed_part(&ir.bindings[owner].ident));
        let through_a_call = matches!(ir.bindings[b].borrows,
            Borrows::Definitely(owner, _) | Borrows::Likely(owner)
                if ir.call_temporaries.contains(&owner));
        into_a_temporary || through_a_call
    });
    plan.keeps_a_borrow_of_a_capture = ir.inline
        && plan.kept.iter().flatten().any(|k| {
            let b = plan.cfg.places.list[k.place].binding;
            matches!(ir.bindings[b].borrows, Borrows::Definitely(owner, _)
                if ir.bindings[owner].kind == BindingKind::Param
                    && !crate::parse::is_self_ident(&ir.bindings[owner].ident))
        });
    plan.index_kept();
    plan.borrow_errors(ir);
    plan.reborrowed_item_errors(ir);
    plan.struct_update_errors(ir);
    for (node, event) in plan.cfg.events.iter().enumerate() {
        if let (Event::Use(p, _), Some(arm)) = (event, plan.arm[node]) {
            plan.used[arm].insert(plan.cfg.places.list[*p].binding);
        }
        if let (Event::Use(p, super::ir::Use::Assign), Some(arm)) = (event, plan.arm[node])
            && plan.cfg.places.parent[*p].is_none()
        {
            plan.assigned[arm].insert(plan.cfg.places.list[*p].binding);
        }
    }
    let kept_by: Vec<Vec<bool>> = plan
        .kept
        .iter()
        .map(|kept| {
            let mut by = vec![false; plan.cfg.places.len()];
            for k in kept {
                by[k.place] = true;
            }
            by
        })
        .collect();
    let native_heads: Vec<Option<StateId>> = ir
        .loops
        .iter()
        .zip(&plan.native)
        .map(|(l, &native)| l.head.filter(|_| native))
        .collect();
    let moved_by = struct_updates::moved_by(&plan.cfg, &plan.subtrees, ir);
    let local = flow::arm_local(
        &plan.cfg,
        &plan.subtrees,
        moved_by.as_ref().unwrap_or(&plan.subtrees),
        &plan.arm,
        |state, place| plan.kept_somehow(state, place),
        |state| native_heads.contains(&Some(state)),
    );
    plan.local = local;
    plan.find_conflicts(ir, &kept_by);
    plan.find_copied_fields(ir);
    plan
}

/// See `Plan::borrowed_captures`, in the order the body first names them.
fn borrowed_captures(ir: &Ir, plan: &Plan) -> Vec<BindingId> {
    let mut out: Vec<BindingId> = plan
        .kept
        .iter()
        .flatten()
        .filter_map(
            |k| match ir.bindings[plan.cfg.places.list[k.place].binding].borrows {
                Borrows::Likely(owner) | Borrows::MutThrough(owner, _)
                    if plan.external.contains(&owner) =>
                {
                    Some(owner)
                }
                _ => None,
            },
        )
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl Plan {
    /// Builds `kept_whole`, `kept_slot` and `somehow` from `kept`: lookups in time
    /// independent of how much a state keeps, which large bodies need.
    fn index_kept(&mut self) {
        let places = self.cfg.places.len();
        let states = self.kept.len();
        let (mut whole, mut slot, mut somehow) = (
            vec![Bits::new(places); states],
            vec![Bits::new(places); states],
            vec![Bits::new(places); states],
        );
        for (s, kept) in self.kept.iter().enumerate() {
            for k in kept {
                self.kept_bindings
                    .insert(self.cfg.places.list[k.place].binding);
                match k.keep {
                    Keep::Whole => whole[s].insert(k.place),
                    Keep::Slot => slot[s].insert(k.place),
                }
                for &q in &self.subtrees[k.place] {
                    somehow[s].insert(q);
                }
                let mut up = Some(k.place);
                while let Some(q) = up {
                    somehow[s].insert(q);
                    up = self.cfg.places.parent[q];
                }
            }
        }
        (self.kept_whole, self.kept_slot, self.somehow) = (whole, slot, somehow);
    }

    /// Whether state `s` keeps `place` itself (whole or in an `Option`).
    pub(crate) fn keeps(&self, s: StateId, place: PlaceId) -> bool {
        self.kept_whole[s].contains(place) || self.kept_slot[s].contains(place)
    }

    /// Whether state `s` keeps `place` in some form (itself, inside a kept place, or in parts).
    pub(crate) fn kept_somehow(&self, s: StateId, place: PlaceId) -> bool {
        self.somehow[s].contains(place)
    }

    /// How `place` is received by the arm of `s`.
    pub(crate) fn received(&self, s: StateId, place: PlaceId) -> Now {
        let mut cur = Some(place);
        while let Some(p) = cur {
            if self.kept_slot[s].contains(p) {
                return Now::Slot(p);
            }
            if self.kept_whole[s].contains(p) {
                return match self.cfg.places.parent[p] {
                    None => Now::Bound,
                    Some(_) => Now::Held(p),
                };
            }
            cur = self.cfg.places.parent[p];
        }
        Now::Moved
    }

    /// How `place` stands at `node` (in the arm the node belongs to).
    pub(crate) fn now(&self, node: Node, place: PlaceId) -> Now {
        let Some(arm) = self.arm[node] else {
            return Now::Moved;
        };
        let local = &self.local[node];
        let received = self.received(arm, place);
        let mut seen: Vec<Now> = Vec::new();
        let mut add = |now: Now| {
            if !seen.contains(&now) {
                seen.push(now);
            }
        };
        if local.entry.contains(place) {
            add(received);
        }
        if local.init.contains(place) {
            add(match received {
                // Writing a held place writes its hidden local; writing the whole value it
                // was part of binds the name again.
                Now::Held(h)
                    if !self.cfg.places.parent[h].is_some_and(|up| local.init.contains(up)) =>
                {
                    Now::Held(h)
                }
                _ => Now::Bound,
            });
        }
        if local.moved.contains(place) && !self.live[node].contains(place) {
            add(Now::Moved);
        }
        match seen[..] {
            [one] => one,
            [] => Now::Bound,
            _ => Now::Conflict,
        }
    }
}

/// The scopes from the outermost to `scope`.
pub(crate) fn chain(ir: &Ir, scope: ScopeId) -> Vec<ScopeId> {
    let mut out = vec![scope];
    let mut cur = scope;
    while let Some(parent) = ir.scopes[cur].parent {
        out.push(parent);
        cur = parent;
    }
    out.reverse();
    out
}

/// How a binding is named in diagnostics.
pub(crate) fn display_name(ir: &Ir, binding: BindingId) -> String {
    let name = ir.bindings[binding].ident.to_string();
    if crate::parse::is_self_ident(&ir.bindings[binding].ident) {
        "self".to_owned()
    } else {
        name
    }
}

/// The places above a place the body moves on its own (see `Plan::split`).
fn split_places(cfg: &Cfg) -> Bits {
    let mut out = Bits::new(cfg.places.len());
    for event in &cfg.events {
        if let Event::Use(q, super::ir::Use::Value) = event {
            let mut up = cfg.places.parent[*q];
            while let Some(p) = up {
                out.insert(p);
                up = cfg.places.parent[p];
            }
        }
    }
    out
}

/// The hidden local of a yield's temporary (`yield_temps.rs`) whose value may borrow
/// something: not kept once unused, as the temporary's borrow could not be.
pub(crate) fn maybe_borrowing_yield_temporary(ir: &Ir, b: BindingId) -> bool {
    ir.yield_temps.contains(&b) && !matches!(ir.bindings[b].borrows, Borrows::Nothing)
}

/// `let _guard = ..;`: a binding named to be held for its drop, never read: the whole
/// pattern of a `let` (`let Some((key, _rest)) = line.split_once(' ')` names a part only to
/// leave it unused), and not plain data or a reference, which have nothing to drop. So is a
/// lock's or a `RefCell`'s guard (`let g = m.lock().unwrap();`), whatever its name.
pub(crate) fn held_for_drop(ir: &Ir, b: BindingId) -> bool {
    let info = &ir.bindings[b];
    let name = info.ident.to_string();
    let held = (name.len() > 1 && name.starts_with('_') && !name.starts_with("__gen"))
        || ir.held_guards.contains(&b);
    held && ir.whole_lets.contains(&b) && !info.plain && info.holds_value()
}
