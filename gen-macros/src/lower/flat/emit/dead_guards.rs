//! Guards of the generator's own locals, and hidden locals of a yield's temporaries that may
//! borrow, still in scope where the state changes.
//!
//! A lock's or a `RefCell`'s guard of a local (`let g = c.borrow_mut();`, or the hidden local
//! of a scrutinee's guard, `build/scrutinee_temps.rs`) borrows that local, which a state
//! cannot keep: the plan keeps it only while it is used (a use after the state change is
//! limit 1's error). So is the hidden local of a yield's temporary that may borrow
//! (`yield_!(item.name().to_string())`, `yield_temps.rs`). Dead there but still in scope, it
//! would drop when the arm returns, after its owner has moved into the state. Desugar
//! `<state change>` into `release(g); <state change>` (`gen_core::__private::release`, a
//! `drop` that clippy does not report for a value without drop glue), in the reverse of
//! their declaration order, as the end of the arm would drop them (README limit 5: such a
//! value drops where the generator first changes state after its last use).

use proc_macro2::TokenStream;
use quote::quote;

use super::Emitter;
use crate::lower::flat::ir::{BindingId, Borrows, MarkId, StateId};
use crate::lower::flat::plan::Now;

impl Emitter<'_> {
    /// `release(g);` for each guard of a local (or hidden local of a yield's temporary that
    /// may borrow) bound in this arm, initialized at `mark` and not kept by `state`.
    pub(crate) fn drop_dead_guards(&self, state: StateId, mark: MarkId) -> TokenStream {
        let Some(node) = self.plan.cfg.marks[mark] else {
            return TokenStream::new();
        };
        let (init, uninit) = (
            &self.plan.init.maybe_init[node],
            &self.plan.init.maybe_uninit[node],
        );
        let local = &self.plan.local[node];
        let mut guards: Vec<BindingId> = self
            .ir
            .guards
            .iter()
            .copied()
            .chain(
                self.ir
                    .yield_temps
                    .iter()
                    .copied()
                    .filter(|b| !self.ir.guards.contains(b)),
            )
            .filter(|&b| {
                let binding = &self.ir.bindings[b];
                let Some(root) = self.plan.cfg.places.root_of(b) else {
                    return false;
                };
                let of_local = match binding.borrows {
                    Borrows::Likely(owner) | Borrows::Definitely(owner, _) => {
                        owner != b && !self.ir.bindings[owner].by_ref
                    }
                    _ => false,
                };
                (of_local || crate::lower::flat::plan::maybe_borrowing_yield_temporary(self.ir, b))
                    && !crate::lower::flat::plan::held_for_drop(self.ir, b)
                    && local.init.contains(root)
                    && self.plan.subtrees[root]
                        .iter()
                        .all(|&p| init.contains(p) && !uninit.contains(p))
                    && self.plan.now(node, root) == Now::Bound
                    && !self.plan.kept_somehow(state, root)
            })
            .collect();
        guards.sort_by_key(|&b| std::cmp::Reverse(self.ir.bindings[b].seq));
        let idents = guards.iter().map(|&b| &self.ir.bindings[b].ident);
        quote!(#(::gen_core::__private::release(#idents);)*)
    }
}
