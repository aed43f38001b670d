//! The flat lowering: a sync generator body into a local generic state enum and closures
//! that run it, wrapped in `FlatGen`.
//!
//! ```text
//!   syntax ──build──▶ IR ──cfg──▶ graph ──flow──▶ init, liveness ──plan──▶ what each state keeps
//!                      │                                                   │
//!                      └──────────────────────── emit ◀────────────────────┘ ──▶ tokens
//!                      └──────────────────────── fold ──────────────────────────▶ fold copy
//! ```
//! - `by_ref_loops.rs`, `unbound_parts.rs`, `extended_temps.rs`, `yield_temps.rs`:
//!   syntax-to-syntax desugarings first: a loop over `it.by_ref()` advances `it` itself; what
//!   a pattern leaves unbound in a temporary, a temporary a `let` extends (`let r = &f();`)
//!   and the temporaries a yield's operand reads become hidden bindings, so that they drop
//!   where the plain fn drops them.
//! - `build/`: syntax -> IR in one pass (names resolved to bindings, places, states).
//! - `cfg.rs`, `flow.rs`: the control-flow graph and the analyses over it (moves, drop flags,
//!   liveness).
//! - `plan.rs`: what each state keeps and how; what the next build must lower although it does
//!   not yield (the plan and the build repeat until they agree).
//! - `emit/`: IR + plan -> the state machine's arms; `assemble.rs`: the arms, the state
//!   enum and the start state into the body expression; `print.rs`: IR -> tokens for code
//!   that is not lowered; `fold.rs`: the internal-iteration copy.
//! - `fallback.rs`: the signatures that keep a body flat where it would otherwise lower
//!   `boxed` (`+ Clone`, limit 8's shape); `debug_dump.rs`: `GEN_DEBUG_PLAN=1`'s report.
//!
//! Desugar
//! ```text
//! fn f(args) -> impl Iterator<Item = T> { body }
//! ```
//! into
//! ```text
//! fn f(args) -> impl Iterator<Item = T> + FusedIterator {
//!     enum GeneratorState<P0, P1, ..> { S0(..), S1(..), .., __gen_Done }
//!     let generator_state = GeneratorState::S0(args..);
//!     FlatGen::new::<T>(generator_state, |generator_state, sink| {
//!         if let S0(args) = take(generator_state) { <body, yield = sink> return true; }
//!         false
//!     }, move |generator_state| {
//!         let mut __gen_cur = mem::replace(&mut *generator_state, GeneratorState::__gen_Done);
//!         '__gen_sm: loop { match __gen_cur { S0(..) => { .. } S1(..) => { .. } .. } }
//!     })
//! }
//! ```
//! (the closures capture nothing of the state, so the returned type names the item type
//! only through `resume`'s return type, and `+ '_` asks no more of a type parameter than an
//! adapter chain would),
//! with one generic parameter per kept place (rustc infers each local's type once, so type
//! checking grows with the body, not with its square).

mod assemble;
pub(crate) mod build;
mod by_ref_loops;
mod capture_checks;
pub(crate) mod cfg;
mod debug_dump;
pub(crate) mod emit;
pub(crate) mod extended_temps;
mod fallback;
pub(crate) mod flow;
pub(crate) use fallback::{
    boxed_may_outlive_less, for_a_clonable, returned_bound, returns_clone, signature_returns_clone,
};
mod cfg_variants;
mod fold;
pub(crate) mod ir;
mod items;
mod moving_chains;
pub(crate) mod names;
mod yield_temps;
pub(crate) use build::macros::mentions_static;
pub(crate) use fold::copy_may_change_the_item_type;
pub(crate) use yield_temps::{holds, is_yield_temporary};
pub(crate) mod places;
pub(crate) mod plan;
pub(crate) mod print;
mod spans;
mod unbound_parts;

use std::collections::HashSet;

use proc_macro2::TokenStream;

use self::emit::{Cont, Emitter};
use crate::error::Errors;
use crate::parse::{Binding, GenFn};

/// How many times the plan may ask for a compound to be lowered before the build gives up
/// (each round lowers at least one more).
const ROUNDS: usize = 64;

thread_local! {
    static ERROR_IN_ANY_LOWERING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static BOXED_INSTEAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static MOVED_CAPTURES: std::cell::RefCell<Vec<proc_macro2::Ident>> =
        const { std::cell::RefCell::new(Vec::new()) };
    static YIELDED_CAPTURES: std::cell::RefCell<Vec<proc_macro2::Ident>> =
        const { std::cell::RefCell::new(Vec::new()) };
    static USE_AFTER_MOVE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the last [`lower`] sent the body to `boxed` ([`boxed_instead`]) for a use of a
/// value after a move that no lowering accepts (`Plan::use_after_move`): its `boxed` form
/// needs no second, plain copy of the body, which would report the same error again.
pub(crate) fn boxed_for_a_use_after_move() -> bool {
    USE_AFTER_MOVE.get()
}

/// The captures of the `iter!` body the last [`lower`] sent to `boxed` that an item borrows
/// (`Ir::yielded_captures`), each named at the borrow: the `boxed` body asks each to be a
/// shared reference (`gen_core::checks::yielded_capture`), as the flat one does.
pub(crate) fn yielded_captures() -> Vec<proc_macro2::Ident> {
    YIELDED_CAPTURES.with_borrow(Clone::clone)
}

/// The captures of the `iter!` body the last [`lower`] sent to `boxed` ([`boxed_instead`])
/// that some use moves, in the order the body first names them: the `boxed` body drops
/// those still there when it ends (`compiler_backed.rs`), as the flat one does.
pub(crate) fn moved_captures() -> Vec<proc_macro2::Ident> {
    MOVED_CAPTURES.with_borrow(Clone::clone)
}

/// Records whether the flat lowering's checks before [`lower`] (`analyze`) found only
/// mistakes of its own in a body `#[generator(boxed)]` accepts (see [`boxed_instead`]).
pub(crate) fn lower_boxed_instead(yes: bool) {
    BOXED_INSTEAD.set(yes);
}

/// Whether the last [`lower`] that failed found a body that is valid as a generator but that
/// its state machine cannot hold (`Plan::borrow_across_joins_only`) or would drop a value of
/// early (`Plan::drops_early`): the body is lowered as `#[generator(boxed)]` instead, with no
/// error.
pub(crate) fn boxed_instead() -> bool {
    BOXED_INSTEAD.get()
}

/// Whether the last [`lower`] that failed found a mistake that any lowering would report
/// (then `#[generator(boxed)]` is no fix to try).
pub(crate) fn error_in_any_lowering() -> bool {
    ERROR_IN_ANY_LOWERING.get()
}

/// Lowers `func` (already normalized) into the tokens of its body expression.
pub(crate) fn lower(func: &GenFn, fold: bool) -> syn::Result<TokenStream> {
    ERROR_IN_ANY_LOWERING.set(false);
    BOXED_INSTEAD.set(false);
    MOVED_CAPTURES.with_borrow_mut(Vec::clear);
    YIELDED_CAPTURES.with_borrow_mut(Vec::clear);
    USE_AFTER_MOVE.set(false);
    crate::parse::note_capitalized_bindings(&func.block);
    // `#[cfg]` on a `let` in a generator that cannot lower `boxed`: one lowering per outcome
    // (`cfg_variants.rs`).
    if (returns_clone(func) || boxed_may_outlive_less(func))
        && let Some(lowered) = cfg_variants::lower_variants(func, fold)
    {
        return lowered;
    }
    let (block, sig) = (&func.block, &func.sig);
    names::choose_state_name(quote::quote!(#sig #block));
    let desugared;
    let block = by_ref_loops::desugar(func);
    let unbound = unbound_parts::desugar(block.as_ref().unwrap_or(&func.block));
    let block = unbound.block.or(block);
    let block = extended_temps::desugar(block.as_ref().unwrap_or(&func.block)).or(block);
    let block = yield_temps::desugar(block.as_ref().unwrap_or(&func.block)).or(block);
    let func = match block {
        Some(block) => {
            desugared = GenFn {
                block,
                ..func.clone()
            };
            &desugared
        }
        None => func,
    };
    let mut args = func.args.clone();
    // The captures of an `iter!` block it only calls, in a closure without `move`.
    let mut callees = HashSet::new();
    // Captures of an `iter!` block it calls once, outside loops and closures.
    let mut called_once = false;
    let mut macros = build::Macros::parse(&func.block);
    if func.sig.is_none() {
        // `iter! { .. }`: the free variables it uses are captured by value like arguments;
        // a name only ever called (`label(x)`) is left to the state machine's `move` closure,
        // which captures a local closure itself and a function not at all (a generic one
        // then takes each call's argument types).
        let discovery = build::build(func, &args, &build::Rounds::default(), &macros);
        let called = build::syntax_facts::called_only(&func.block);
        // `yield on_give_up(max);` of a captured `Box<dyn FnOnce(..)>`: a call that takes
        // the value, which the state machine's `FnMut` closure cannot give away, or of a
        // function or an `Fn`, which the macro cannot tell apart: lowered `boxed`, exact for
        // each.
        called_once = discovery.free.iter().any(|ident| {
            let name = ident.to_string();
            called.once.contains(&name) && called.outside_closures.contains(&name)
        });
        callees = called.in_closures;
        args = discovery
            .free
            .into_iter()
            .filter(|ident| !called.outside_closures.contains(&ident.to_string()))
            .map(|ident| Binding {
                ident,
                mutable: true,
                mut_span: None,
                by_ref: false,
                mut_ref: false,
                plain: false,
                ty: None,
            })
            .collect();
    }
    let mut rounds = build::Rounds::default();
    let mut unnative = HashSet::new();
    let mut round = 0;
    // The body with its moving `let` chains desugared (`moving_chains.rs`), once the first
    // build has found them.
    let mut chains: Option<GenFn> = None;
    let (ir, plan) = loop {
        let current = chains.as_ref().unwrap_or(func);
        let mut ir = build::build(current, &args, &rounds, &macros);
        if chains.is_none()
            && !ir.moving_chains.is_empty()
            && let Some(block) = moving_chains::desugar(&current.block, &ir.moving_chains)
        {
            let desugared = chains.insert(GenFn {
                block,
                ..func.clone()
            });
            macros = build::Macros::parse(&desugared.block);
            continue;
        }
        ir.callee_captures = ir
            .params
            .iter()
            .copied()
            .filter(|&b| callees.contains(&ir.bindings[b].ident.to_string()))
            .collect();
        ir.may_lower_boxed = !returns_clone(func) && !boxed_may_outlive_less(func);
        ir.inexpressible |= unbound.inexact;
        // An item of a nested block named like a local (`items::shadows_a_local`).
        ir.inexpressible |= items::shadows_a_local(&ir);
        ir.inexpressible |= called_once;
        let plan = plan::plan(&ir, &unnative);
        let more = !plan.force.is_subset(&rounds.force)
            || !plan.unnative.is_subset(&unnative)
            || !ir.copied_lets.is_subset(&rounds.copied)
            || !plan.copied_fields.is_subset(&rounds.copied_fields);
        round += 1;
        if !more || round == ROUNDS {
            break (ir, plan);
        }
        rounds.force.extend(plan.force.iter().copied());
        rounds.copied.extend(ir.copied_lets.iter().copied());
        rounds
            .copied_fields
            .extend(plan.copied_fields.iter().copied());
        unnative.extend(plan.unnative.iter().copied());
    };
    if std::env::var_os("GEN_DEBUG_PLAN").is_some() {
        debug_dump::print(&ir, &plan);
    }
    // A body flat lowering would drop a value of early in (`plan/inexact.rs`) is lowered
    // `boxed`, unless it has a mistake of its own to report, must be `Clone` (which only a
    // flat generator can be) or has a signature its `boxed` form may reject (limit 8).
    // A use after move (`plan.use_after_move`) is the plain function's error: the `boxed`
    // form reports it as rustc does, once, where the code is written.
    // A `#[cfg]` that decides a local or a yield, a yield in a `match` guard: `boxed` keeps
    // the body as written (rustc decides the `cfg` there).
    // A macro whose expansion the lowering cannot see (`lower/opaque_macros.rs`): only the
    // `boxed` form runs the body as written.
    // So is a `macro_rules!` of the body that names a local (`lower/local_macros.rs`).
    let func = chains.as_ref().unwrap_or(func);
    let inputs = func.sig.iter().flat_map(|sig| &sig.inputs);
    let opaque_macro = crate::lower::opaque_macros::has_opaque_macro(&func.block)
        || crate::lower::local_macros::names_a_local(inputs, &func.block);
    let inexpressible = (ir.inexpressible || opaque_macro) && ir.may_lower_boxed;
    let use_after_move = plan.use_after_move && ir.may_lower_boxed;
    let borrows_self = (plan.keeps_a_borrow_of_self
        || plan.shared_borrow_through_mut
        || plan.borrow_judged_by_name
        || plan.keeps_a_borrow_of_a_callee
        || plan.keeps_a_borrow_of_a_capture
        || plan.keeps_a_ref_into_a_temporary
        || ir.unsure_item_borrows)
        && ir.may_lower_boxed;
    let inexact = ir.errors.is_empty()
        && plan.errors.is_empty()
        && !returns_clone(func)
        && !boxed_may_outlive_less(func)
        && plan.drops_early(&ir);
    let joins_only = !ir.inline
        && !returns_clone(func)
        && !boxed_may_outlive_less(func)
        && plan.borrow_across_joins_only(&ir);
    if joins_only || inexact || use_after_move || borrows_self || inexpressible {
        BOXED_INSTEAD.set(true);
        USE_AFTER_MOVE.set(use_after_move);
        let moved = plan::captures::moved_captures(&ir, &plan);
        MOVED_CAPTURES.set(
            moved
                .iter()
                .map(|&b| ir.bindings[b].ident.clone())
                .collect(),
        );
        YIELDED_CAPTURES.set(
            ir.yielded_captures
                .iter()
                .map(|&(b, at)| proc_macro2::Ident::new(&ir.bindings[b].ident.to_string(), at))
                .collect(),
        );
        if std::env::var_os("GEN_DEBUG_PLAN").is_some() {
            eprintln!(
                "BOXED INSTEAD inexact={inexact} use_after_move={use_after_move} self={borrows_self}"
            );
        }
        return Err(syn::Error::new(
            proc_macro2::Span::call_site(),
            "a borrow is in use across a join of the flat state machine",
        ));
    }
    let mut errors = Errors::default();
    for e in ir
        .errors
        .iter()
        .chain(&plan.errors)
        .chain(&plan.parts_errors)
    {
        errors.push(e.clone());
    }
    // A guard of the generator's own lock that a `match`/`while let` keeps across a yield,
    // in a generator that cannot be lowered `boxed`: flat it would be released before the
    // consumer sees the item.
    if !ir.may_lower_boxed
        && let Some(guard) = plan.scrutinee_guard_of_its_own_local(&ir)
    {
        let owner = match ir.bindings[guard].borrows {
            ir::Borrows::Likely(o) | ir::Borrows::Definitely(o, _) => plan::display_name(&ir, o),
            _ => String::from("it"),
        };
        errors.push(syn::Error::new(
            ir.bindings[guard].ident.span(),
            format!(
                "this guard of `{owner}` is a temporary that the plain function keeps until \
                 the `match`, `if let` or `while let` ends, across a yield, but a generator \
                 that must stay flat cannot keep a borrow of its own value in its state; read \
                 what you need out of it with a `let` before the construct (`let next = \
                 {owner}.lock().unwrap().pop();`: the guard is released at that `;`), or take \
                 the lock by reference (`&Mutex<..>`, `&RefCell<..>`)"
            ),
        ));
    }
    ERROR_IN_ANY_LOWERING.set(ir.error_in_any_lowering);
    let clonable = returns_clone(func);
    errors.finish().map_err(|e| for_a_clonable(e, clonable))?;

    let items = items::Items::plan(&ir);
    let root = &ir.root;
    // A frame's arm may find it must take a local it does not touch (`emit/frame.rs`): the
    // emission runs again with that local taken, until none is missed.
    let mut missed = HashSet::new();
    let mut em = loop {
        let mut em = Emitter::new(&ir, &plan, &items, func.item_ty.clone(), &missed);
        em.generic = func.sig.as_ref().is_some_and(has_type_parameters);
        em.send_checked = fallback::returns_send(func).then(HashSet::new);
        em.clone_checked = returns_clone(func).then(HashSet::new);
        em.fold_copy = fold && !ir.macro_statics && !fold::copy_may_change_the_item_type(func);
        em.arm(0, |this| this.block(root, &Cont::Finish));
        if em.missed.is_subset(&missed) {
            break em;
        }
        missed.extend(em.missed.iter().copied());
    };
    if em.lost && ir.may_lower_boxed {
        BOXED_INSTEAD.set(true);
        return Err(syn::Error::new(
            proc_macro2::Span::call_site(),
            "a local is used where the flat state machine cannot name it",
        ));
    }
    std::mem::take(&mut em.errors)
        .finish()
        .map_err(|e| for_a_clonable(e, clonable))?;
    let out = assemble::assemble(func, &args, &ir, &plan, em, fold);
    if let Some(mut path) = std::env::var_os("GEN_DEBUG_EXPAND") {
        // An `iter!` nested in a generator expands after it: keep both.
        if func.sig.is_none() {
            path.push(".iter");
        }
        let _ = std::fs::write(path, format!("fn __expanded() {{ {out} }}"));
    }
    Ok(out)
}

/// A signature with a type parameter, written (`<T>`) or as an argument's `impl Trait`.
fn has_type_parameters(sig: &syn::Signature) -> bool {
    let impl_trait = |ty: &syn::Type| {
        quote::quote!(#ty)
            .into_iter()
            .any(|t| matches!(t, proc_macro2::TokenTree::Ident(i) if i == "impl"))
    };
    sig.generics.type_params().next().is_some()
        || sig
            .inputs
            .iter()
            .any(|a| matches!(a, syn::FnArg::Typed(t) if impl_trait(&t.ty)))
}
