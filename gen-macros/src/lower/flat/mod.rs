#![allow(dead_code)]
//! The flat lowering (DESIGN 2.1): a sync generator body into a local generic state enum and a
//! `move` closure that dispatches on it, wrapped in `FlatGen`.
//!
//! Desugar
//! ```text
//! fn f(args) -> impl Iterator<Item = T> { body }
//! ```
//! into
//! ```text
//! fn f(args) -> impl Iterator<Item = T> + FusedIterator {
//!     enum __gen_State<S0, S1, ..> { S0(S0), S1(S1), .., __gen_Done }
//!     let mut __gen_st = __gen_State::S0((args in reverse order,));
//!     FlatGen::new::<T>(move |__gen_sink| {
//!         let mut __gen_cur = mem::replace(&mut __gen_st, __gen_State::__gen_Done);
//!         if let Some(sink) = __gen_sink && let S0(args) = __gen_cur { <body, yield = sink> }
//!         '__gen_sm: loop { match __gen_cur { S0(l) => { .. } S1(l) => { .. } .. } }
//!     })
//! }
//! ```
//! A loop head whose only saved local is its `for` iterator is *resident* (`Facts::resident`):
//! `cur` is `Done` while the stored state is that head, and its arm,
//! `Done if matches!(st, H(_)) => { .. }`, borrows the iterator inside `st` through a
//! `gen_core::__private::Resident` guard instead of moving it out and back on every item.
//!
//! The walk runs twice: the first pass records where every local is mentioned, moved and in
//! scope (`facts.rs`); the second emits, asking the first which locals each state saves.

mod control;
mod emit;
mod facts;
pub(crate) mod names;
mod resident;
mod stmts;
mod verbatim;

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};

use self::emit::{Cont, Emitter};
use self::facts::{Facts, LocalId};
use crate::parse::{Binding, GenFn};
use std::collections::HashSet;

/// One walk over the body.
fn walk<'p>(
    func: &GenFn,
    args: &[Binding],
    prior: Option<&'p Facts>,
    alias_plan: Option<&'p HashSet<(usize, LocalId)>>,
) -> Emitter<'p> {
    let mut emitter = Emitter::new(prior, alias_plan, func.item_ty.clone());
    for arg in args {
        emitter.declare(arg, false);
    }
    let start = emitter.new_state(false);
    emitter.arm(start, |this| this.block(&func.block, &Cont::Finish));
    emitter
}

/// Lowers `func` (already normalized) into the tokens of its body expression.
pub(crate) fn lower(func: &GenFn, fold: bool) -> syn::Result<TokenStream> {
    let mut args = func.args.clone();
    if func.sig.is_none() {
        // `iter! { .. }`: the free variables it uses are captured by value like arguments.
        let discovery = walk(func, &args, None, None);
        args = discovery
            .free
            .into_iter()
            .map(|ident| Binding {
                ident,
                mutable: true,
                by_ref: false,
                mut_ref: false,
                plain: false,
            })
            .collect();
    }
    // Pass 1 learns the facts; pass 2 decides which locals get aliases; pass 3 emits, with
    // each alias slot declared next to its local.
    let first = walk(func, &args, None, None);
    first.errors.finish()?;
    let plan = walk(func, &args, Some(&first.facts), None).aliased;
    let mut second = walk(func, &args, Some(&first.facts), Some(&plan));
    std::mem::take(&mut second.errors).finish()?;

    let state_enum = names::state_enum();
    let done = names::done();
    let (st, cur, sm, sink) = (names::st(), names::cur(), names::sm_label(), names::sink());
    let count = second.facts.states.len();
    let params: Vec<_> = (0..count).map(names::variant).collect();
    // The outer function still calls the receiver `self`.
    let initial: Vec<_> = args
        .iter()
        .rev()
        .map(|a| {
            if a.ident == "__gen_self" {
                quote!(self)
            } else {
                a.ident.to_token_stream()
            }
        })
        .collect();
    let mut arms = std::mem::take(&mut second.arms);
    arms.sort_by_key(|(pos, state, _)| (*pos, *state));
    let arms = arms.into_iter().map(|(_, _, code)| code);
    let turbofish = func.item_ty.as_ref().map(|ty| quote!(::<#ty, _>));
    let fold_path = if fold {
        crate::lower::fold::fold_path(func, &args)
    } else {
        quote!()
    };
    let items = std::mem::take(&mut second.items);
    // With resident loop heads, `cur` starts as `Done` while the stored state is one of them
    // (their arms are `Done if matches!(st, H(_))`); a jump to one parks it in the stored
    // state: `H(l) => { st = H(l); cur = Done; continue 'sm; }`.
    let resident: Vec<_> = second
        .resident_states
        .iter()
        .map(|&s| names::variant(s))
        .collect();
    let take = quote!(::core::mem::replace(&mut #st, #state_enum::#done));
    let l = names::l();
    let (entry, park) = if resident.is_empty() {
        (take, quote!())
    } else {
        (
            quote! {
                if ::core::matches!(#st, #(#state_enum::#resident(_))|*) {
                    #state_enum::#done
                } else {
                    #take
                }
            },
            quote!(#(#state_enum::#resident(#l) => {
                #st = #state_enum::#resident(#l);
                #cur = #state_enum::#done;
                continue #sm;
            })*),
        )
    };
    let s0 = names::variant(0);
    let generator = names::generator();
    Ok(quote! {
        #items
        #[allow(non_camel_case_types, dead_code, clippy::all, clippy::pedantic)]
        enum #state_enum<#(#params),*> { #(#params(#params),)* #done }
        let mut #st = #state_enum::#s0((#(#initial,)*));
        #[allow(unused_mut, unused_variables, unused_assignments, unused_labels, unreachable_code, unused_braces, clippy::all, clippy::pedantic)]
        let #generator = ::gen_core::__private::FlatGen #turbofish ::new(move |#sink| {
            let mut #cur = #entry;
            #fold_path
            #sm: loop {
                match #cur {
                    #(#arms)*
                    #state_enum::#done => return ::core::option::Option::None,
                    #park
                }
            }
        });
        #generator
    })
}
