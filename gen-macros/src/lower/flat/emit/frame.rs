//! The frame layout, for state machines whose states keep many locals each.
//!
//! In the default layout every state's variant holds what the state keeps, so an arm binds
//! each kept local from its payload and every jump builds the next payload in full: the
//! expansion, and rustc's type check with it, grows with (states x kept locals), which is
//! quadratic in a body where many locals live across many yields. The frame layout keeps
//! those locals in place instead, each in an `Option` slot of the stored state:
//!
//! ```text
//! enum GeneratorState<..> { S0(), S1(), S2(join value), .., __gen_Done }
//! let generator_state = (None, .., Some(arg), S0());    (the frame, in drop order)
//! FramedGen::new(FlatGen::new(generator_state, fold, |generator_state| {
//!     let (__gen_k7, .., __gen_k3, generator_state) = generator_state;   (a `&mut` each)
//!     ..
//! }))
//! ```
//!
//! Desugar the entry of state `S` into `let x = frame_take(&mut *__gen_k3);` for only the
//! locals its arm touches (uses, assigns, moves, declares again, or drops at a scope end or
//! an exit); desugar a jump from `S` to `T` into `cur = { *__gen_k3 = Some(x); ..; S<T>() }`,
//! storing back only what the arm took and `T` keeps. (An arm also takes what it hands over
//! in another form, or what its jump drops: the emission runs again when it finds one.)
//! Every arm then costs what its own code mentions, and the expansion grows linearly with
//! the body. Separate `&mut` variables, bound once per closure by one destructuring, rather
//! than field accesses: rustc checks each access to a tuple or struct with a type parameter
//! per local in time that grows with the locals.
//!
//! A suspended generator drops its frame in drop order (a tuple drops its fields in order).
//! A panic drops the locals the step took while unwinding out of the closure, then
//! `FramedGen` drops the stored state, and with it the rest of the frame.
//!
//! The frame is chosen when the kept locals summed over the states far exceed the states and
//! places themselves; `GEN_FLAT_LAYOUT=frame` or `=enum` in the compiler's environment forces
//! a layout (the fuzzer and the tests run both).

use std::collections::{HashMap, HashSet};

use proc_macro2::{Span, TokenStream};
use quote::quote;

use super::Emitter;
use crate::lower::flat::cfg::Event;
use crate::lower::flat::ir::{BindingId, Ir, MarkId, StateId};
use crate::lower::flat::names;
use crate::lower::flat::places::{Bits, PlaceId};
use crate::lower::flat::plan::{Keep, Plan};

/// The frame of a state machine laid out that way.
pub(crate) struct Frame {
    /// The kept places, in drop order (the reverse of declaration order).
    pub fields: Vec<PlaceId>,
    /// Per state: the bindings it keeps, and those its arm touches (takes out of the frame).
    kept: Vec<Bits>,
    touched: Vec<Bits>,
}

impl Frame {
    /// Whether the arm of `s` leaves `b` in the frame: kept there, not touched.
    fn left(&self, s: StateId, b: BindingId) -> bool {
        self.kept[s].contains(b) && !self.touched[s].contains(b)
    }
}

/// The frame layout for `plan`, if it is the one to use. `extra`: bindings that earlier
/// emissions found an arm must take although it does not touch them (see `Emitter::missed`).
pub(crate) fn choose(ir: &Ir, plan: &Plan, extra: &HashSet<(StateId, BindingId)>) -> Option<Frame> {
    let total: usize = plan.kept.iter().map(Vec::len).sum();
    let wanted = match std::env::var("GEN_FLAT_LAYOUT").as_deref() {
        Ok("frame") => true,
        Ok("enum") => false,
        _ => total >= 256 && total > 4 * (ir.states.len() + plan.cfg.places.len()),
    };
    if !wanted {
        return None;
    }
    let mut touched = touched(ir, plan);
    for &(s, b) in extra {
        touched[s].insert(b);
    }
    let kept = plan
        .kept
        .iter()
        .map(|kept| {
            let mut bits = Bits::new(ir.bindings.len());
            for k in kept {
                bits.insert(plan.cfg.places.list[k.place].binding);
            }
            bits
        })
        .collect();
    Some(Frame {
        fields: drop_order(ir, plan),
        kept,
        touched,
    })
}

/// The bindings each arm touches, among others: an arm that reaches the end of the body or
/// leaves it early touches every binding (it drops everything, the arguments included).
fn touched(ir: &Ir, plan: &Plan) -> Vec<Bits> {
    let bindings = ir.bindings.len();
    let mut out = vec![Bits::new(bindings); ir.states.len()];
    for (node, event) in plan.cfg.events.iter().enumerate() {
        let Some(s) = plan.arm[node] else { continue };
        if plan.cfg.succ[node].is_empty() {
            out[s] = Bits::full(bindings);
        }
        match event {
            Event::Use(p, _) => out[s].insert(plan.cfg.places.list[*p].binding),
            Event::Bind(b) | Event::Declare(b) => out[s].insert(*b),
            Event::Dead(scope) => {
                for &b in &ir.scopes[*scope].bindings {
                    out[s].insert(b);
                }
            }
            _ => {}
        }
    }
    out
}

/// Every kept place once, in drop order: the reverse of declaration order, which is the
/// order of every state's kept list (bindings by declaration, the parts of one binding in
/// the order the states list them).
fn drop_order(ir: &Ir, plan: &Plan) -> Vec<PlaceId> {
    let mut part_rank: Vec<Option<usize>> = vec![None; plan.cfg.places.len()];
    for kept in &plan.kept {
        let mut previous = None;
        let mut rank = 0;
        for k in kept {
            let b = plan.cfg.places.list[k.place].binding;
            rank = if previous == Some(b) { rank + 1 } else { 0 };
            previous = Some(b);
            part_rank[k.place].get_or_insert(rank);
        }
    }
    let mut order: Vec<PlaceId> = (0..part_rank.len())
        .filter(|&p| part_rank[p].is_some())
        .collect();
    order.sort_by_key(|&p| {
        let b = plan.cfg.places.list[p].binding;
        (ir.bindings[b].seq, part_rank[p], p)
    });
    order.reverse();
    order
}

impl Emitter<'_> {
    /// The stored state at the start: `(Some(arg) or None, .., start)`, one slot per place
    /// in drop order (a tuple drops its fields in order), then the state enum. `initial`:
    /// what the start state keeps.
    pub(crate) fn frame_init(
        &self,
        frame: &Frame,
        initial: &HashMap<PlaceId, TokenStream>,
        start: TokenStream,
    ) -> TokenStream {
        let slots = frame.fields.iter().map(|p| match initial.get(p) {
            Some(value) => quote!(::core::option::Option::Some(#value)),
            None => quote!(::core::option::Option::None),
        });
        quote!((#(#slots,)* #start))
    }

    /// The closures' first statement: `let (k3, k7, .., generator_state) = generator_state;`,
    /// a `&mut` to each slot of the frame and to the state enum.
    pub(crate) fn frame_destructure(&self, frame: &Frame) -> TokenStream {
        let slots = frame.fields.iter().map(|p| names::frame_slot(*p));
        let st = names::st();
        quote!(let (#(#slots,)* #st) = #st;)
    }

    /// The value an arm binds for `place`, taken out of the frame.
    pub(crate) fn frame_take(&self, place: PlaceId, keep: Keep) -> TokenStream {
        let slot = names::frame_slot_place(place);
        match keep {
            Keep::Whole => quote!(::gen_core::__private::frame_take(&mut #slot)),
            Keep::Slot => quote!(#slot.take()),
        }
    }

    /// Whether the arm being emitted left `b` in the frame.
    pub(crate) fn in_frame(&self, b: BindingId) -> bool {
        let s = self.arm.state;
        self.frame.as_ref().is_some_and(|f| f.left(s, b))
    }

    /// Desugar a jump to `state` into `{ frame stores; GeneratorState::S<state>(value?) }`.
    pub(crate) fn frame_payload(
        &mut self,
        state: StateId,
        value: Option<TokenStream>,
        mark: MarkId,
        at: Option<Span>,
    ) -> TokenStream {
        let node = self.plan.cfg.marks[mark];
        let from = self.arm.state;
        let mut stores = Vec::new();
        // What the arm left in the frame stays there when the target keeps it alike. Else
        // the arm must take it: to drop it where its scope drops it, or to hand it over in
        // another form.
        let frame_of = self.frame.as_ref().expect("the frame layout");
        let plan = self.plan;
        let mut previous = None;
        for k in &plan.kept[from] {
            let b = plan.cfg.places.list[k.place].binding;
            if previous == Some(b) || !frame_of.left(from, b) {
                continue;
            }
            previous = Some(b);
            let same = plan.cfg.binding_places[b]
                .iter()
                .all(|&p| plan.keeps(from, p) == plan.keeps(state, p));
            if !same {
                self.missed.insert((from, b));
            }
        }
        for k in self.plan.kept[state].clone().iter().rev() {
            let b = self.plan.cfg.places.list[k.place].binding;
            if self.in_frame(b) {
                continue;
            }
            let now = node.map_or(crate::lower::flat::plan::Now::Bound, |n| {
                self.plan.now(n, k.place)
            });
            let value = self.kept_value(k.place, k.keep, now, at);
            let slot = names::frame_slot_place(k.place);
            stores.push(match k.keep {
                Keep::Whole => quote!(#slot = ::core::option::Option::Some(#value);),
                Keep::Slot => quote!(#slot = #value;),
            });
        }
        let (ty, variant) = (names::state_enum(), names::variant(state));
        quote!({ #(#stores)* #ty::#variant(#value) })
    }
}

#[cfg(test)]
mod tests {
    /// `K` locals, each read after each of `K` yields: the shape whose expansion the frame
    /// keeps linear.
    fn locals_across_yields(k: usize) -> String {
        let mut body = String::new();
        for j in 0..k {
            body += &format!("let mut v{j} = n + {j};");
        }
        for t in 0..k {
            body += &format!("yield_!(v{t}); v{t} += 1;");
        }
        let sum: Vec<String> = (0..k).map(|j| format!("v{j}")).collect();
        body += &format!("yield_!({});", sum.join(" + "));
        let item = format!("fn f(n: u64) -> impl Iterator<Item = u64> {{ {body} }}");
        let item = item.parse().expect("the generated item lexes");
        crate::expand::generator(proc_macro2::TokenStream::new(), item).to_string()
    }

    #[test]
    fn many_locals_across_many_yields_take_the_frame_and_expand_linearly() {
        let small = locals_across_yields(4);
        assert!(
            !small.contains("FramedGen"),
            "a small generator keeps the enum layout"
        );
        let (k40, k80) = (locals_across_yields(40), locals_across_yields(80));
        assert!(k40.contains("FramedGen") && k80.contains("FramedGen"));
        let ratio = k80.len() as f64 / k40.len() as f64;
        assert!(
            ratio < 2.3,
            "doubling the body multiplied the expansion by {ratio:.2}"
        );
    }
}
