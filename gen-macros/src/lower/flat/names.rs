//! Hygienic names of the state machine. They all use `Span::mixed_site()`, so user code can
//! neither see nor collide with them, and all but the stored state and its type start with the
//! reserved `__gen_` prefix.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Ident, Lifetime};

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::mixed_site())
}

thread_local! {
    /// The name of the stored state's type in the expansion under way (`choose_state_name`).
    static STATE_NAME: std::cell::Cell<&'static str> =
        const { std::cell::Cell::new("GeneratorState") };
}

/// Names the stored state's type for an expansion of `user` (the body and signature):
/// `GeneratorState`, which rustc's notes (`required because it appears within the type
/// GeneratorState<Rc<u32>>`) and borrow errors print, unless `user` names it (the local enum
/// would shadow the user's item): then the reserved `__gen_State`.
pub(crate) fn choose_state_name(user: TokenStream) {
    fn mentions(ts: TokenStream) -> bool {
        ts.into_iter().any(|tree| match tree {
            proc_macro2::TokenTree::Ident(i) => i == "GeneratorState",
            proc_macro2::TokenTree::Group(g) => mentions(g.stream()),
            _ => false,
        })
    }
    STATE_NAME.set(if mentions(user) {
        "__gen_State"
    } else {
        "GeneratorState"
    });
}

/// The stored state's type: an enum of the states (see `choose_state_name`).
pub(crate) fn state_enum() -> Ident {
    ident(STATE_NAME.get())
}
pub(crate) fn variant(state: usize) -> Ident {
    format_ident!("S{}", state, span = Span::mixed_site())
}
pub(crate) fn done() -> Ident {
    ident("__gen_Done")
}
/// The stored state (the `&mut` parameter of the closures). Named for what it is: a borrowck
/// error about a local kept across a yield names it.
pub(crate) fn st() -> Ident {
    ident("generator_state")
}
/// The stored state as a place: `(*generator_state)`.
pub(crate) fn st_place() -> TokenStream {
    let st = st();
    quote!((*#st))
}
/// Whether `tree` is [`st_place`] (a generated assignment target, not user code).
pub(crate) fn is_st_place(tree: &proc_macro2::TokenTree) -> bool {
    tree.to_string() == st_place().to_string()
}
/// The slot of a place in the frame of a large state machine (see `emit/frame.rs`): a
/// `&mut Option<_>` into the stored state.
pub(crate) fn frame_slot(place: usize) -> Ident {
    format_ident!("__gen_k{}", place, span = Span::mixed_site())
}
/// The slot of a place in the frame as a place: `(*__gen_kN)`.
pub(crate) fn frame_slot_place(place: usize) -> TokenStream {
    let slot = frame_slot(place);
    quote!((*#slot))
}
/// The state being run within one `next()`.
pub(crate) fn cur() -> Ident {
    ident("__gen_cur")
}
/// The guard of a resident loop head's arm (`gen_core::__private::Resident`).
pub(crate) fn guard() -> Ident {
    ident("__gen_guard")
}
/// A yielded value.
pub(crate) fn v() -> Ident {
    ident("__gen_v")
}
/// A value delivered to a join.
pub(crate) fn val() -> Ident {
    ident("__gen_val")
}
/// The `FlatGen` value the function returns.
pub(crate) fn generator() -> Ident {
    ident("__gen_gen")
}
pub(crate) fn sink() -> Ident {
    ident("__gen_sink")
}
/// The item type of an `iter!` block (`gen_core::__private::item_type`).
pub(crate) fn item_type() -> Ident {
    ident("__gen_item_type")
}
pub(crate) fn ok() -> Ident {
    ident("__gen_ok")
}
pub(crate) fn err() -> Ident {
    ident("__gen_err")
}
pub(crate) fn converted() -> Ident {
    ident("__gen_converted")
}
fn label(name: &str) -> Lifetime {
    Lifetime {
        apostrophe: Span::mixed_site(),
        ident: ident(name),
    }
}
/// The fold copy of the body (a `?` breaks out of it with the error).
pub(crate) fn fold_label() -> Lifetime {
    label("__gen_fold")
}
/// The dispatcher loop.
pub(crate) fn sm_label() -> Lifetime {
    label("__gen_sm")
}
/// The block at the parameters around an arm (`emit/arm.rs`), located there.
pub(crate) fn params_label(at: Span) -> Lifetime {
    let mut label = label("__gen_params");
    label.apostrophe = label.apostrophe.located_at(at);
    label.ident.set_span(label.ident.span().located_at(at));
    label
}
pub(crate) fn loop_label(n: u32) -> Lifetime {
    label(&format!("__gen_loop{n}"))
}
/// The generic parameter of a kept place or a join's value.
pub(crate) fn param(k: usize) -> Ident {
    format_ident!("__gen_P{}", k, span = Span::mixed_site())
}
/// A field of the state variant being matched.
pub(crate) fn field(k: usize) -> Ident {
    format_ident!("__gen_f{}", k, span = Span::mixed_site())
}
/// The `Option` slot of a place moved on some paths (its drop flag).
pub(crate) fn slot(place: usize) -> Ident {
    format_ident!("__gen_slot{}", place, span = Span::mixed_site())
}
/// The closure that clones kept place `place` in a `+ Clone` generator's state.
pub(crate) fn cloner(place: usize) -> Ident {
    format_ident!("__gen_cloner{}", place, span = Span::mixed_site())
}
/// The hidden local of a kept part of a partly moved value.
pub(crate) fn held(place: usize) -> Ident {
    format_ident!("__gen_held{}", place, span = Span::mixed_site())
}
/// The macro that names a binding where a later binding shadows it.
pub(crate) fn capture(binding: usize) -> Ident {
    format_ident!("__gen_cap{}", binding, span = Span::mixed_site())
}
/// A value being assigned.
pub(crate) fn assigned() -> Ident {
    ident("__gen_t")
}
/// Where a back edge's jump to a loop head may be replaced by the head's arm
/// (`emit/inline_heads.rs`).
pub(crate) fn inline_marker(k: usize) -> Ident {
    format_ident!("__gen_inline{}", k, span = Span::mixed_site())
}
/// The state machine's loop, as a closure run after the copied resume arms (`emit/entry.rs`).
pub(crate) fn machine() -> Ident {
    ident("__gen_machine")
}
/// A state the copied resume arms leave to the machine.
pub(crate) fn other_state() -> Ident {
    ident("__gen_other")
}
/// The block around an arm that its copied back edges break out of.
pub(crate) fn arm_label() -> Lifetime {
    label("__gen_arm")
}

/// `tokens` with the renamed receiver (`parse::self_ident`) written `self` again.
pub(crate) fn with_self_keyword(tokens: TokenStream) -> TokenStream {
    tokens
        .into_iter()
        .map(|t| match t {
            proc_macro2::TokenTree::Ident(i) if crate::parse::is_self_ident(&i) => {
                proc_macro2::TokenTree::Ident(proc_macro2::Ident::new("self", i.span()))
            }
            proc_macro2::TokenTree::Group(g) => {
                let mut new = proc_macro2::Group::new(g.delimiter(), with_self_keyword(g.stream()));
                new.set_span(g.span());
                proc_macro2::TokenTree::Group(new)
            }
            other => other,
        })
        .collect()
}
