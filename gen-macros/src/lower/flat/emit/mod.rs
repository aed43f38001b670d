//! IR + plan -> the state machine's tokens, in one walk over the body.
//!
//! The walk emits each piece of the body exactly once, into one arm:
//! - a yield statement ends its arm with a suspension; the resume arm runs the rest of the
//!   list (`stmts.rs`);
//! - a lowered compound statement that is not the last of its block jumps to a join state;
//!   the join arm runs the rest (carrying the compound's value where there is one);
//! - a loop whose body is lowered gets a head state whose arm holds the loop as a native loop:
//!   a `continue` inside that arm stays native, other back edges jump to the head (`loops.rs`);
//! - code that is not lowered is printed as written (`verbatim.rs`).
//!
//! An arm re-opens the scopes it lands in as nested blocks and binds what its state keeps
//! with the user's names, where the plain function declares them, so everything drops where
//! the plain function drops it (`arm.rs`). Payloads are built from the plan's view of each
//! place where control leaves the arm (`glue.rs`). Arms are emitted in source order, so rustc
//! infers the state types in order.

pub(crate) mod arm;
mod dead_guards;
pub(crate) mod entry;
mod frame;
pub(crate) mod glue;
pub(crate) mod inline_heads;
#[cfg(test)]
mod item_spans;
mod kept_wrappers;
mod loops;
mod misspelled;
mod mut_patterns;
mod resident;
mod stmts;
mod verbatim;

use std::collections::{HashMap, HashSet};

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::ir::{BindingId, Ir, LoopId, ScopeId, StateId, StateKind};
use super::names;
use super::places::PlaceId;
use super::plan::{Keep, Plan};
use crate::error::Errors;

/// Where control goes when a piece of code finishes, and what happens to its value.
#[derive(Clone)]
pub(crate) enum Cont {
    /// Jump to a state, dropping the value.
    Goto(StateId),
    /// Jump to a state that receives the value.
    Deliver(StateId),
    /// End the generator.
    Finish,
    /// Never reached (the `else` of `let .. else`).
    Diverge,
    /// Run on past the statement in the same arm: only its native paths reach its end
    /// (`build::nodes::falls_through`).
    FallThrough,
    /// The same for a value: only native paths deliver it, as the expression's value (the
    /// initializer of a `let` bound in the same arm).
    Value,
    /// The back edge of the lowered loop at this index of the loop stack.
    Continue(usize),
}

/// A lowered loop (or labelled block) being emitted.
pub(crate) struct LoopCtx {
    pub id: LoopId,
    /// The label of its native loop.
    pub native: syn::Lifetime,
    pub is_block: bool,
    pub head: Option<StateId>,
    pub exit: Cont,
}

/// What belongs to the arm being emitted.
#[derive(Default)]
pub(crate) struct ArmCtx {
    pub state: StateId,
    /// Loops native in this arm.
    pub native: Vec<LoopId>,
    /// Bindings visible here, in declaration order (a later one with the same name shadows).
    pub visible: Vec<BindingId>,
    /// Bindings that have a capture macro in this arm (see `arm.rs`).
    pub captures: HashSet<BindingId>,
    /// A resident loop head's arm: its iterator, borrowed in the stored state.
    pub resident: Option<BindingId>,
    /// The scopes the arm resumes inside, whose bindings and `use` declarations it binds
    /// again at its top (`arm.rs`).
    pub resumed_in: Vec<ScopeId>,
}

pub(crate) struct Emitter<'a> {
    pub ir: &'a Ir,
    pub plan: &'a Plan,
    pub items: &'a super::items::Items,
    pub item_ty: Option<syn::Type>,
    /// `(state, arm pattern, arm body)`.
    pub arms: Vec<(StateId, TokenStream, TokenStream)>,
    /// Back edges that may run their head's arm in place (`inline_heads.rs`).
    pub back_edges: Vec<inline_heads::BackEdge>,
    pub loops: Vec<LoopCtx>,
    pub arm: ArmCtx,
    pub errors: Errors,
    /// The generic parameter of each kept place.
    pub params: HashMap<PlaceId, usize>,
    /// The generic parameter of each join's value.
    pub value_params: HashMap<StateId, usize>,
    /// Per state: the iterator it keeps resident (see `resident.rs`).
    pub resident: Vec<Option<BindingId>>,
    /// Bindings a later binding of the same name may shadow in their scope.
    pub shadowable: HashSet<BindingId>,
    /// Locals named like a name no binding declares (`misspelled.rs`).
    pub near_free: HashSet<BindingId>,
    /// The frame, when the state machine keeps its locals in one (`frame.rs`).
    pub frame: Option<frame::Frame>,
    /// Arms found to need a binding of the frame that they do not touch: the emission is
    /// run again with these taken (`frame.rs`).
    pub missed: HashSet<(StateId, BindingId)>,
    /// A binding the glue could not name (`Emitter::name_of`): the body is lowered `boxed`
    /// instead where it may be, where rustc judges it as written.
    pub lost: bool,
    /// States some arm jumps to (`cur = S(..); continue 'sm;`): never copied before the
    /// machine (`entry.rs`).
    pub jump_targets: HashSet<StateId>,
    /// Resume states whose arm only jumps on, stored only when they have something to drop
    /// (`stmts.rs`, `store_next`): not worth a copy before the machine.
    pub jump_only: HashSet<StateId>,
    /// The type written on a lowered `let` whose value its join receives (`let it: Box<dyn
    /// Iterator<..>> = if c { Box::new(a) } else { Box::new(b) };`): each branch's value is
    /// coerced to it before the jump, as the plain `let` coerces it.
    pub join_types: HashMap<StateId, syn::Type>,
    /// In a generator declared `+ Send` (or `+ Clone`), the locals already checked to be
    /// `Send` (`Clone`) where an arm first binds them (`arm.rs`); `None` in any other.
    pub send_checked: Option<HashSet<BindingId>>,
    pub clone_checked: Option<HashSet<BindingId>>,
    /// The generator has type parameters: its checks bound the local's type itself (`T:
    /// Clone`), so that rustc's error names the type parameter to bound, not our trait.
    pub generic: bool,
    /// The expansion has a fold copy of the body (`#[generator(no_fold)]` has none).
    pub fold_copy: bool,
    counter: u32,
}

impl<'a> Emitter<'a> {
    pub(crate) fn new(
        ir: &'a Ir,
        plan: &'a Plan,
        items: &'a super::items::Items,
        item_ty: Option<syn::Type>,
        missed: &HashSet<(StateId, BindingId)>,
    ) -> Self {
        let frame = frame::choose(ir, plan, missed);
        let mut params = HashMap::new();
        let mut value_params = HashMap::new();
        let mut next = 0;
        for (s, kept) in plan.kept.iter().enumerate() {
            if matches!(ir.states[s].kind, StateKind::Join { value: true }) {
                value_params.insert(s, next);
                next += 1;
            }
            for k in kept {
                params.entry(k.place).or_insert_with(|| {
                    next += 1;
                    next - 1
                });
            }
        }
        // A frame keeps every local in place already.
        let resident = (0..ir.states.len())
            .map(|s| resident::resident_iterator(ir, plan, s).filter(|_| frame.is_none()))
            .collect();
        Emitter {
            ir,
            plan,
            items,
            item_ty,
            arms: Vec::new(),
            back_edges: Vec::new(),
            loops: Vec::new(),
            arm: ArmCtx::default(),
            errors: Errors::default(),
            params,
            value_params,
            resident,
            shadowable: shadowable(ir),
            near_free: misspelled::near_free_names(ir),
            frame,
            missed: HashSet::new(),
            lost: false,
            jump_targets: HashSet::new(),
            jump_only: HashSet::new(),
            join_types: HashMap::new(),
            send_checked: None,
            clone_checked: None,
            generic: false,
            fold_copy: false,
            counter: 0,
        }
    }

    pub(crate) fn fresh(&mut self) -> u32 {
        self.counter += 1;
        self.counter
    }

    /// `enum GeneratorState<P0, ..> { S0(..), .., __gen_Done }`: one generic parameter per kept
    /// place and per join value, so rustc infers each local's type once. `clone`: the
    /// signature asks for `+ Clone`, which the state then derives (a generator is `Clone` when
    /// what it keeps is).
    pub(crate) fn state_enum(&self, clone: bool) -> TokenStream {
        let params: Vec<Ident> = match &self.frame {
            // The frame has the places' parameters; the states only carry join values.
            Some(_) => {
                let mut values: Vec<usize> = self.value_params.values().copied().collect();
                values.sort_unstable();
                values.into_iter().map(names::param).collect()
            }
            None => (0..self.params.len() + self.value_params.len())
                .map(names::param)
                .collect(),
        };
        let variants = (0..self.ir.states.len()).map(|s| {
            let variant = names::variant(s);
            let fields = self.field_types(s);
            quote!(#variant(#(#fields),*))
        });
        let (ty, done) = (names::state_enum(), names::done());
        let derive = clone.then(|| quote!(#[derive(::core::clone::Clone)]));
        quote! {
            #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
            #derive
            enum #ty<#(#params),*> { #(#variants,)* #done }
        }
    }

    /// The field types of state `s`'s variant, in payload order.
    fn field_types(&self, s: StateId) -> Vec<TokenStream> {
        let mut out = Vec::new();
        if let Some(&v) = self.value_params.get(&s) {
            let p = names::param(v);
            out.push(quote!(#p));
        }
        if self.frame.is_some() {
            return out;
        }
        for k in self.plan.kept[s].iter().rev() {
            let p = names::param(self.params[&k.place]);
            out.push(match k.keep {
                Keep::Whole => quote!(#p),
                Keep::Slot => quote!(::core::option::Option<#p>),
            });
        }
        out
    }
}

/// Bindings that a later binding with the same name, in their scope or one inside it, may
/// shadow: glue that must name them there goes through a capture macro.
fn shadowable(ir: &Ir) -> HashSet<BindingId> {
    let mut by_name: HashMap<String, Vec<BindingId>> = HashMap::new();
    for (id, b) in ir.bindings.iter().enumerate() {
        by_name.entry(b.ident.to_string()).or_default().push(id);
    }
    let within = |inner: usize, outer: usize| {
        let mut cur = Some(inner);
        while let Some(s) = cur {
            if s == outer {
                return true;
            }
            cur = ir.scopes[s].parent;
        }
        false
    };
    let mut out = HashSet::new();
    for ids in by_name.values() {
        for &a in ids {
            if ids
                .iter()
                .any(|&b| b > a && within(ir.bindings[b].scope, ir.bindings[a].scope))
            {
                out.insert(a);
            }
        }
    }
    out
}
