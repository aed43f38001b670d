//! Bindings and their scopes in the IR: what each binding is, what its value may borrow, and
//! the facts about bindings the analyses collect (struct updates, variant patterns).

use proc_macro2::Span;
use syn::Ident;

use super::{BindingId, Place, Reusable, ScopeId, Spans};

/// A struct update `S { a: .., ..base }` of a local.
pub(crate) struct StructUpdate {
    /// The `base.<rest>` place it moves (`Proj::Rest`).
    pub rest: Place,
    /// Its `..base`.
    pub span: proc_macro2::Span,
    /// The fields the literal lists (they stay in `base`).
    pub listed: Vec<String>,
    /// `base` and `S` as written, for messages.
    pub base: String,
    pub ty: String,
}

/// What a binding's value may borrow, judged from the expression or pattern that gives it.
#[derive(Clone, Debug)]
pub(crate) enum Borrows {
    /// Nothing the generator owns (a value, or a borrow through a reference argument).
    Nothing,
    /// Maybe a generator local (a method of unknown signature called on it, for example):
    /// it is kept like any value (rustc judges the borrow).
    Maybe,
    /// Probably a generator local: made from a certain borrow through calls of unknown
    /// signature (`s.split(',').collect()`): not kept once no later code reads it.
    Likely(BindingId),
    /// Certainly a generator local: `&v`, `v.iter()`, `s.trim()`, `ref` patterns; the span is
    /// the borrow.
    Definitely(BindingId, Spans),
    /// A mutable reborrow through a `&mut` binding (`self.items.iter_mut()`): fine unless the
    /// binding is also kept.
    MutThrough(BindingId, Spans),
}

/// What the items of an iterator local over a borrow are (`Ir::item_iterators`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ItemKind {
    /// Views into what it borrows (`line.split(',')`, `v.iter()`).
    Borrowed,
    /// Plain data (`text.chars()`, `s.bytes()`).
    Plain,
    /// Values a closure builds (`v.iter().map(|&n| Thing(n))`).
    Built,
    /// Elements taken out of a container by value (`v.drain(..)`): they hold what the
    /// container's elements borrow (`build::loops::drained_items_borrow`).
    Taken(Option<BindingId>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BindingKind {
    /// A parameter, or the hidden `__gen_arg<i>` of a parameter pattern.
    Param,
    /// A user binding (`let`, a pattern of `match`/`if let`/`for`, `let .. else`).
    User,
    /// A `for` loop's iterator.
    Iter,
    /// An operand evaluated before a yield of the same expression (see `build/spill.rs`).
    Temp,
}

/// An enum variant pattern that binds fields by value and leaves others in the matched
/// local (`Ir::variant_moves`).
#[derive(Debug, Clone)]
pub(crate) struct VariantMove {
    /// The use of the matched local by the pattern's scrutinee.
    pub scrutinee: usize,
    /// The pattern's syntax site (`build::site`).
    pub site: usize,
    /// Its by-value bindings.
    pub bindings: Vec<BindingId>,
}

pub(crate) struct Binding {
    pub ident: Ident,
    pub mutable: bool,
    pub kind: BindingKind,
    /// Its type is syntactically a reference (`&T`, a `ref` binding, a binding matched through
    /// a reference): no drop glue, so it is kept across a yield only while it is used later.
    pub by_ref: bool,
    /// Its type is syntactically `&mut T` (a parameter, `&mut self`).
    pub mut_ref: bool,
    /// Its value certainly owns its data (not a reference: an owned parameter, a `String`,
    /// a `Vec`, a lock guard, an iterator built from a local): a borrow of it is a borrow of
    /// a generator local. Otherwise a borrow of it may be a reborrow through a reference.
    pub owns: bool,
    /// Its value is plain data (a number, a `bool`, a reference, a range of numbers: seen in
    /// its type or its initializer): no drop glue, kept across a yield only while used later.
    pub plain: bool,
    pub scope: ScopeId,
    pub borrows: Borrows,
    /// Where it is declared (for diagnostics).
    pub span: Span,
    /// Its place in the order of declarations, items and states (`Ir::seq`).
    pub seq: usize,
}

impl Binding {
    /// A borrow of it is a borrow of the generator's own local: it owns its value, or holds a
    /// value of its own made from a borrow (`let it = data.iter();`: an iterator, not a
    /// reference, although it has no drop glue).
    pub(crate) fn holds_value(&self) -> bool {
        !self.by_ref || self.owns
    }

    /// Known to be `Copy`: plain data, or a shared reference (`needle: &str`). A closure
    /// without `move` that uses it by value captures it by reference.
    pub(crate) fn known_copy(&self) -> bool {
        self.plain || (self.by_ref && !self.mut_ref)
    }
}

pub(crate) struct Scope {
    pub parent: Option<ScopeId>,
    /// Its bindings in declaration order.
    pub bindings: Vec<BindingId>,
    /// The `use` declarations and `macro_rules!` of the block, emitted again wherever the
    /// block's code is (they have no identity).
    pub reusable: Vec<Reusable>,
    /// An `unsafe { .. }` block: its code is unsafe wherever it is emitted.
    pub unsafety: bool,
    /// The `#[cfg(..)]` (and other outer attributes) of a statement under `cfg`, which the
    /// block wrapping it carries (`build/conditional.rs`).
    pub attrs: Vec<syn::Attribute>,
    /// The items with an identity (statics, functions, types, impls) declared in the block:
    /// declared once, outside the state machine (`items.rs`).
    pub items: Vec<syn::Item>,
}
