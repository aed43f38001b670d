//! The flat lowering's walk: statements and tail expressions into state-machine arms.
//!
//! One walk emits each statement of the body exactly once, into one arm:
//! - a yield statement ends its arm with a suspension; the resume arm runs the rest of the list
//!   (when that is only a jump, and what it would drop has no drop glue, the suspension stores
//!   the jump's target instead: `Emitter::store_next`);
//! - a compound statement that contains a yield (`if`, `match`, a block, a loop, a `let` or an
//!   assignment whose value yields) jumps to a join state at its end; the join arm runs the
//!   rest of the list (carrying the value where there is one);
//! - a loop that contains a yield gets a head state whose arm holds the loop as a native loop;
//!   a `continue` inside that arm stays native, other back edges jump to the head.
//!
//! A resume arm re-opens the scopes it lands in as nested blocks, re-binding the saved locals
//! with the user's names so they drop where the plain function drops them. Arms are emitted in
//! source order (by the position of their state) so rustc infers the state types in order.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::{Ident, Lifetime, Pat};

use super::facts::{Facts, LocalId, StateFact};
use super::names;
use crate::error::{Errors, format_err};
use crate::parse::{Binding, pat_bindings};

/// Where control goes when a piece of code finishes, and what happens to its value.
#[derive(Clone)]
pub(crate) enum Cont {
    /// Jump to a state, dropping the value.
    Goto(usize),
    /// Jump to a state that receives the value.
    Deliver(usize),
    /// End the generator.
    Finish,
    /// Never reached (the `else` of `let .. else`).
    Diverge,
    /// The back edge of the lowered loop at this index of the loop stack.
    Continue(usize),
}

pub(super) struct LocalInfo {
    pub(super) ident: Ident,
    pub(super) mutable: bool,
    pub(super) hidden: bool,
    /// The scope level it was declared at (0: the arguments).
    pub(super) level: usize,
    /// `let r = &local;`: the owned local it borrows, and where.
    pub(super) borrows: Option<(LocalId, TokenStream)>,
}

#[derive(Default)]
pub(super) struct Level {
    pub(super) locals: Vec<LocalId>,
    /// Aliases declared in this block: they go out of scope with it.
    pub(super) aliases: Vec<LocalId>,
}

pub(super) struct LoopCtx {
    /// The scope depth outside the loop.
    pub(super) level: usize,
    pub(super) label: Option<Lifetime>,
    pub(super) native: Lifetime,
    pub(super) is_block: bool,
    pub(super) head: Option<usize>,
    pub(super) exit: Cont,
    pub(super) id: usize,
}

/// What belongs to the arm being emitted.
#[derive(Default)]
pub(super) struct ArmState {
    pub(super) aliases: HashMap<LocalId, Ident>,
    /// Locals whose alias slot is declared (uninitialized) in this arm.
    pub(super) slots: std::collections::HashSet<LocalId>,
    pub(super) native: Vec<usize>,
    /// A resident loop head's arm: its state and the iterator it borrows in place.
    pub(super) resident: Option<(usize, LocalId)>,
}

pub(crate) struct Emitter<'p> {
    pub(super) facts: Facts,
    pub(super) prior: Option<&'p Facts>,
    pub errors: Errors,
    pub free: Vec<Ident>,
    pub(super) pos: u32,
    pub(super) locals: Vec<LocalInfo>,
    pub(super) scopes: Vec<Level>,
    pub(super) loops: Vec<LoopCtx>,
    pub(super) regions: Vec<usize>,
    pub(super) arm: ArmState,
    /// `(position of the state, state, arm tokens)`.
    pub arms: Vec<(u32, usize, TokenStream)>,
    /// The states whose arms are resident (see `Facts::resident`).
    pub resident_states: Vec<usize>,
    /// Items declared in the body, hoisted in front of the state machine.
    pub items: TokenStream,
    pub(super) values: Vec<bool>,
    pub(super) counter: u32,
    /// The state whose arm is being emitted.
    pub(super) current_arm: usize,
    /// The item type, when nameable: yielded values are checked against it where written.
    pub(super) item_ty: Option<syn::Type>,
    /// `(arm, local)` pairs whose local this walk moved into an alias.
    pub aliased: std::collections::HashSet<(usize, LocalId)>,
    /// The same, from the previous walk: their alias slot is declared right after the
    /// local's own binding, so it drops exactly where the local would.
    pub(super) alias_plan: Option<&'p std::collections::HashSet<(usize, LocalId)>>,
}

impl<'p> Emitter<'p> {
    pub(crate) fn new(
        prior: Option<&'p Facts>,
        alias_plan: Option<&'p std::collections::HashSet<(usize, LocalId)>>,
        item_ty: Option<syn::Type>,
    ) -> Self {
        Emitter {
            aliased: std::collections::HashSet::new(),
            alias_plan,
            item_ty,
            facts: Facts::default(),
            prior,
            errors: Errors::default(),
            free: Vec::new(),
            pos: 0,
            locals: Vec::new(),
            scopes: vec![Level::default()],
            loops: Vec::new(),
            regions: Vec::new(),
            arm: ArmState::default(),
            arms: Vec::new(),
            resident_states: Vec::new(),
            items: TokenStream::new(),
            values: Vec::new(),
            counter: 0,
            current_arm: 0,
        }
    }

    pub(super) fn tick(&mut self) -> u32 {
        self.pos += 1;
        self.pos
    }

    pub(super) fn fresh(&mut self) -> u32 {
        self.counter += 1;
        self.counter
    }

    pub(crate) fn declare(&mut self, binding: &Binding, hidden: bool) -> LocalId {
        let id = self.locals.len();
        self.locals.push(LocalInfo {
            ident: binding.ident.clone(),
            mutable: binding.mutable,
            hidden,
            level: self.scopes.len() - 1,
            borrows: None,
        });
        let decl = self.tick();
        self.facts.locals.push(super::facts::LocalFact {
            decl,
            by_ref: binding.by_ref,
            hidden,
        });
        self.facts.mentions.push(Vec::new());
        self.scopes
            .last_mut()
            .expect("a scope is open")
            .locals
            .push(id);
        id
    }

    /// Declares a pattern's bindings; `through_ref`: the scrutinee is a borrow, so every
    /// binding is a reference (no drop glue: saved only while live).
    pub(super) fn declare_pat(&mut self, pat: &Pat, through_ref: bool) -> Vec<LocalId> {
        let mut bindings = Vec::new();
        pat_bindings(pat, &mut bindings);
        for binding in &mut bindings {
            binding.by_ref |= through_ref;
        }
        bindings.iter().map(|b| self.declare(b, false)).collect()
    }

    pub(super) fn push_scope(&mut self) {
        self.scopes.push(Level::default());
    }

    pub(super) fn pop_scope(&mut self) {
        if let Some(level) = self.scopes.pop() {
            for local in level.aliases {
                self.arm.aliases.remove(&local);
            }
        }
        self.tick();
    }

    pub(super) fn in_scope(&self) -> Vec<LocalId> {
        self.scopes
            .iter()
            .flat_map(|l| l.locals.iter().copied())
            .collect()
    }

    /// A new state; `value`: its arm receives a value (a join after an expression).
    pub(crate) fn new_state(&mut self, value: bool) -> usize {
        self.facts.states.push(StateFact::default());
        self.values.push(value);
        self.facts.states.len() - 1
    }

    /// Records where a state's arm starts: here.
    pub(crate) fn place(&mut self, state: usize) {
        let pos = self.tick();
        let loops = self
            .loops
            .iter()
            .filter(|l| !l.is_block)
            .map(|l| l.id)
            .collect();
        self.facts.states[state] = StateFact {
            pos,
            horizon: None,
            heads: None,
            in_scope: self.in_scope(),
            loops,
            regions: self.regions.clone(),
        };
    }

    pub(super) fn saved(&self, state: usize) -> Vec<LocalId> {
        self.prior.map(|p| p.saved(state)).unwrap_or_default()
    }

    /// The name under which the arm being emitted can reach `local`.
    pub(super) fn name_of(&mut self, local: LocalId) -> Ident {
        if let Some(alias) = self.arm.aliases.get(&local) {
            return alias.clone();
        }
        let info = &self.locals[local];
        let name = info.ident.to_string();
        let shadow = self
            .in_scope()
            .into_iter()
            .find(|&other| other > local && self.locals[other].ident == name);
        if let Some(shadow) = shadow {
            self.errors.push(format_err!(
                self.locals[shadow].ident,
                "this binding shadows `{name}`, which the generator must keep across a yield in \
                 its scope; rename one of the two bindings"
            ));
        }
        info.ident.clone()
    }

    /// `__gen_State::S<k>((value?, saved locals in reverse declaration order))`.
    pub(super) fn payload(&mut self, state: usize, value: Option<TokenStream>) -> TokenStream {
        self.payload_at(state, value, None)
    }

    /// `at`: the suspension's span, which the saved names get, so that a borrow or move error
    /// about keeping a local across it points at the yield.
    pub(super) fn payload_at(
        &mut self,
        state: usize,
        value: Option<TokenStream>,
        at: Option<proc_macro2::Span>,
    ) -> TokenStream {
        let variant = names::variant(state);
        let mut items: Vec<TokenStream> = value.into_iter().collect();
        for local in self.saved(state).into_iter().rev() {
            if let Some(take) = self.take_resident(local) {
                items.push(take);
                continue;
            }
            let mut name = self.name_of(local);
            if let Some(at) = at {
                self.check_borrow_kept(local, at);
                if !self.arm.aliases.contains_key(&local) {
                    name.set_span(name.span().located_at(at));
                }
            }
            items.push(quote!(#name));
        }
        let ty = names::state_enum();
        quote!(#ty::#variant((#(#items,)*)))
    }

    /// `let __gen_shadowedN;` right after `local`'s binding, when the plan says this arm moves
    /// it into its alias later.
    pub(super) fn alias_slot(&mut self, arm: usize, local: LocalId) -> TokenStream {
        if !self
            .alias_plan
            .is_some_and(|plan| plan.contains(&(arm, local)))
        {
            return TokenStream::new();
        }
        self.arm.slots.insert(local);
        let alias = names::alias(local);
        quote!(let #alias;)
    }

    /// A saved `let r = &owned_local;` cannot be kept across a yield: say so on the borrow.
    fn check_borrow_kept(&mut self, local: LocalId, at: proc_macro2::Span) {
        let Some((owner, span)) = self.locals[local].borrows.take() else {
            return;
        };
        let (name, owner_name) = (&self.locals[local].ident, &self.locals[owner].ident);
        let mut error = syn::Error::new_spanned(
            span,
            format!(
                "`{name}` borrows `{owner_name}` and is still needed after a yield, but a flat \
                 generator cannot keep a borrow of its own local in its state; end the borrow \
                 before the yield, own the data, or use `#[generator(boxed)]`"
            ),
        );
        error.combine(syn::Error::new(
            at,
            "the generator suspends here while the borrow is live",
        ));
        self.errors.push(error);
    }

    /// Desugar a jump into `cur = S<k>(..); continue 'sm;`. In a resident arm the payload
    /// takes the iterator along when the target saves it; otherwise the guard drops as the
    /// jump leaves its scope, after the locals declared in the loop, as the iterator would.
    /// A resident arm that jumps to its own head keeps the stored state as it is.
    pub(super) fn jump(&mut self, state: usize, value: Option<TokenStream>) -> TokenStream {
        let cur = names::cur();
        let sm = names::sm_label();
        if self.arm.resident.is_some_and(|(home, _)| home == state) {
            let guard = names::guard();
            return quote!({ #guard.keep(); continue #sm; });
        }
        if self.arm.resident.is_none() && self.resident(state).is_some() {
            // Straight into the stored state; from a resident arm, through `cur` (parked by
            // the dispatcher) so that its guard drops first, in scope order.
            let store = self.store(state, value, None);
            let (ty, done) = (names::state_enum(), names::done());
            return quote!({ #store #cur = #ty::#done; continue #sm; });
        }
        let payload = self.payload(state, value);
        quote!({ #cur = #payload; continue #sm; })
    }

    /// Desugar storing the state to resume at into `st = S<k>(..);`. In a resident arm the
    /// guard goes with it: kept when the state stays, taken when the iterator moves on with
    /// the new state, dropped (the iterator with it, as the loop ends) otherwise.
    pub(super) fn store(
        &mut self,
        state: usize,
        value: Option<TokenStream>,
        at: Option<proc_macro2::Span>,
    ) -> TokenStream {
        if self.arm.resident.is_some_and(|(home, _)| home == state) {
            let guard = names::guard();
            return quote!(#guard.keep(););
        }
        let st = names::st();
        let release = self.release(state);
        let payload = self.payload_at(state, value, at);
        quote!(#release #st = #payload;)
    }

    /// Desugar the end of a piece of code into what its continuation asks for.
    pub(crate) fn perform(&mut self, cont: &Cont, value: Option<TokenStream>) -> TokenStream {
        let discard = value.as_ref().map(|v| quote!(#v;));
        match cont {
            Cont::Goto(state) => {
                let jump = self.jump(*state, None);
                quote!({ #discard #jump })
            }
            Cont::Deliver(state) => {
                let val = names::val();
                let value = value.unwrap_or_else(|| quote!(()));
                let jump = self.jump(*state, Some(quote!(#val)));
                quote!({ let #val = #value; #jump })
            }
            Cont::Finish => quote!({ #discard return ::core::option::Option::None; }),
            Cont::Diverge => quote!({ #discard ::core::unreachable!() }),
            Cont::Continue(index) => {
                let ctx = &self.loops[*index];
                if self.arm.native.contains(&ctx.id) {
                    let label = ctx.native.clone();
                    quote!({ #discard continue #label; })
                } else {
                    let head = ctx.head.expect("a loop has a head state");
                    let jump = self.jump(head, None);
                    quote!({ #discard #jump })
                }
            }
        }
    }

    /// Emits an arm for `state`, placed here, whose code is `body`.
    pub(crate) fn arm(&mut self, state: usize, body: impl FnOnce(&mut Self) -> TokenStream) {
        self.place(state);
        let outer = std::mem::take(&mut self.arm);
        let resident = self.resident(state);
        self.arm.resident = resident.map(|local| (state, local));
        let saved = self.saved(state);
        let l = names::l();
        let value_slot = usize::from(self.values[state]);
        // Re-bind per level, outermost first; a local shadowed here gets a hidden alias.
        let in_scope = self.in_scope();
        let mut levels: Vec<TokenStream> = Vec::new();
        let scope_locals: Vec<Vec<LocalId>> = self
            .scopes
            .iter()
            .map(|level| level.locals.clone())
            .collect();
        for level in scope_locals {
            let mut binds = TokenStream::new();
            for local in level {
                let info = &self.locals[local];
                let shadowed = in_scope
                    .iter()
                    .any(|&o| o > local && self.locals[o].ident == info.ident);
                let slot = saved
                    .iter()
                    .position(|&s| s == local)
                    .map(|i| syn::Index::from(saved.len() - 1 - i + value_slot));
                let ident = info.ident.clone();
                let (mutable, hidden) = (info.mutable, info.hidden);
                let mutability = mutable.then(|| quote!(mut));
                match (slot, shadowed) {
                    (Some(_), false) if resident == Some(local) => {
                        binds.extend(self.resident_binding(state, &ident));
                    }
                    (Some(slot), false) => {
                        binds.extend(quote_spanned! {ident.span()=>
                            #[allow(unused_variables, unused_mut)]
                            let #mutability #ident = #l.#slot;
                        });
                        binds.extend(self.alias_slot(state, local));
                    }
                    (Some(slot), true) => {
                        let alias = names::alias(local);
                        binds.extend(quote!(let #alias = #l.#slot;));
                        self.arm.aliases.insert(local, alias);
                    }
                    // Moved, then assigned in this arm before any read: bind it uninitialized.
                    (None, false)
                        if !hidden
                            && self.prior.is_some_and(|p| p.mentioned_in_arm(local, state)) =>
                    {
                        binds.extend(quote! {
                            #[allow(unused_variables, unused_mut)]
                            let #mutability #ident;
                        });
                    }
                    (None, false) if !hidden => binds.extend(quote! {
                        #[allow(unused_variables)]
                        let #ident = ::gen_core::__private::Moved;
                    }),
                    (None, _) => {}
                }
            }
            levels.push(binds);
        }
        let value = if value_slot == 1 {
            let val = names::val();
            quote!(let #val = #l.0;)
        } else {
            quote!()
        };
        let outer_arm = std::mem::replace(&mut self.current_arm, state);
        let mut code = body(self);
        self.current_arm = outer_arm;
        for (i, binds) in levels.into_iter().enumerate().rev() {
            code = if i == 0 {
                quote!(#binds #code)
            } else {
                quote!({ #binds #code })
            };
        }
        self.arm = outer;
        let variant = names::variant(state);
        let ty = names::state_enum();
        let pos = self.facts.states[state].pos;
        let pattern = if resident.is_some() {
            // `cur` is `Done` while the stored state is a resident head.
            self.resident_states.push(state);
            let (st, done) = (names::st(), names::done());
            quote!(#ty::#done if ::core::matches!(#st, #ty::#variant(_)))
        } else {
            quote!(#ty::#variant(#l))
        };
        self.arms
            .push((pos, state, quote!(#pattern => { #value #code })));
    }
}
