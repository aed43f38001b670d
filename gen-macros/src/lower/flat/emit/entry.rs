//! Resume arms dispatched before the state machine's loop.
//!
//! `next()` runs the state machine as `'sm: loop { match cur { .. } }`, whose arms jump to
//! one another with `cur = S(..); continue 'sm;`: the dispatch is the header of a loop.
//! Inlined into a consumer's `for` loop, the state a suspension stores is a constant that the
//! next call dispatches on, but LLVM does not thread a jump through a loop header, so every
//! item pays an indirect jump through the state's table, and a loop resumed after its yield
//! (`while j < n { yield_!(x); j += 1; }`) costs twice the hand-written iterator. Desugar
//! ```text
//! 'sm: loop { match cur { <arms> } }
//! ```
//! into
//! ```text
//! let machine = gen_core::__private::machine(&cur, |mut cur| 'sm: loop { match cur { <arms> } });
//! cur = 'sm: loop { match cur { <copies of small resume arms>, other => break 'sm other } };
//! machine(cur)
//! ```
//! A copy is `#[allow(warnings, clippy::..)]`: the original arm in the machine is the same
//! code and draws every lint once, where the user wrote it.
//! The first `match` is no loop header: a copied arm that jumps re-enters it with a state it
//! does not copy, which leaves at once for the machine. Only states no arm jumps to are
//! copied (a suspension's resume state): the machine is never entered with one of them from a
//! copy. Only arms resumed inside a loop that run its head are copied (an item of the loop
//! enters there). The machine comes first in the text so that rustc infers the state types from the
//! arms in source order, as without copies; a copy then means the same as its original. Arms
//! are copied only when small and when a copy has no type of its own (no closure, `async`
//! block or item), so the expansion still grows linearly with the body; none that writes the
//! stored state before a jump (a jump into a resident loop head), which the machine borrows.

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;

use super::Emitter;
use super::inline_heads::{copyable, count_tokens};
use crate::lower::flat::ir::{Ir, StateId, StateKind};
use crate::lower::flat::names;

/// The largest arm (in tokens) that is copied.
const MAX_ENTRY_TOKENS: usize = 600;

/// Item keywords: an item declared in a copy would be a second item.
const ITEM_KEYWORDS: &[&str] = &[
    "struct",
    "enum",
    "union",
    "trait",
    "impl",
    "fn",
    "static",
    "const",
    "type",
    "mod",
    "macro_rules",
];

/// The copies (`pattern => body`) of the arms in `arms` worth dispatching before the machine:
/// resume arms that run their loop's head.
pub(crate) fn copies(
    ir: &Ir,
    arms: &[(StateId, TokenStream, TokenStream)],
    em: &Emitter<'_>,
) -> Vec<TokenStream> {
    arms.iter()
        .filter(|(s, _, body)| {
            ir.states[*s].kind == StateKind::Resume
                && !em.jump_targets.contains(s)
                && !em.jump_only.contains(s)
                && count_tokens(body.clone()) <= MAX_ENTRY_TOKENS
                && copyable(body.clone())
                && free_of_items_and_done(body.clone())
                && runs_a_loop_head(body.clone())
        })
        .map(|(_, pattern, body)| {
            // The original arm in the machine reports every lint of this code once.
            quote! {
                #[allow(
                    warnings,
                    clippy::all,
                    clippy::pedantic,
                    clippy::nursery,
                    clippy::restriction
                )]
                #pattern => #body
            }
        })
        .collect()
}

/// Whether the arm runs the head of the loop it resumes in (`inline_heads.rs`): the arm an
/// item of a loop enters through, where threading the state pays; straight-line arms keep
/// their single copy, so a long body's expansion does not double.
fn runs_a_loop_head(tokens: TokenStream) -> bool {
    let label = names::arm_label().ident.to_string();
    tokens.into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => ident == label,
        TokenTree::Group(group) => runs_a_loop_head(group.stream()),
        _ => false,
    })
}

/// No item keyword and no `__gen_Done` (a jump into a resident head, `emit/resident.rs`).
fn free_of_items_and_done(tokens: TokenStream) -> bool {
    let done = names::done().to_string();
    tokens.into_iter().all(|tree| match tree {
        TokenTree::Ident(ident) => {
            let name = ident.to_string();
            name != done && !ITEM_KEYWORDS.contains(&name.as_str())
        }
        TokenTree::Group(group) => free_of_items_and_done(group.stream()),
        _ => true,
    })
}

/// The dispatch: `machine` (`'sm: loop { match cur { .. } }`) alone, or run after the copies.
pub(crate) fn dispatch(machine: TokenStream, copies: Vec<TokenStream>) -> TokenStream {
    if copies.is_empty() {
        return machine;
    }
    let (cur, sm, run, other) = (
        names::cur(),
        names::sm_label(),
        names::machine(),
        names::other_state(),
    );
    quote! {
        let #run = ::gen_core::__private::machine(&#cur, |#[allow(unused_mut)] mut #cur| #machine);
        #cur = #sm: loop {
            match #cur {
                #(#copies)*
                #other => break #sm #other,
            }
        };
        #run(#cur)
    }
}
