//! The flat lowering's intermediate representation: the body as a tree of blocks, statements
//! and expressions in which every name of a local is resolved to a [`BindingId`] (shadowing is
//! decided by scope, never by comparing names), every place is a binding plus a field path,
//! and every state of the state machine (the start, each resume point, each join after a
//! compound statement, each loop head) is allocated where it begins.
//!
//! The tree keeps the user's syntax where the lowering does not look inside (`ExprKind::Op`
//! holds the syntax of an operator with holes for its operands), so printing it back gives the
//! user's code, with the user's spans.

mod bindings;
mod exprs;

pub(crate) use super::spans::Spans;
pub(crate) use bindings::*;
pub(crate) use exprs::*;
use proc_macro2::Span;
use syn::{Attribute, Ident, Pat};

pub(crate) type BindingId = usize;
pub(crate) type ScopeId = usize;
pub(crate) type StateId = usize;
pub(crate) type LoopId = usize;
/// A position the emitter may have to build a payload at (see [`Mark`]).
pub(crate) type MarkId = usize;

/// The whole body.
pub(crate) struct Ir {
    pub bindings: Vec<Binding>,
    pub scopes: Vec<Scope>,
    pub loops: Vec<LoopInfo>,
    pub states: Vec<StateInfo>,
    /// One per [`MarkId`]: what each mark stands for (documentation and debugging).
    pub marks: Vec<Mark>,
    /// The parameters (what state 0 holds), in declaration order.
    pub params: Vec<BindingId>,
    /// The body: the parameters' scope (the root) holds one statement, the user's block.
    pub root: Block,
    /// The braces of the user's body, and the parentheses of its parameters.
    pub body_span: Span,
    pub params_span: Option<Span>,
    /// Names the body uses that no binding of it declares (the captures of `iter! { .. }`).
    pub free: Vec<Ident>,
    /// Items declared in blocks other than the body's own (see `items.rs`).
    pub nested_items: bool,
    /// Number of place uses (`ExprKind::Place::id`).
    pub uses: usize,
    /// Counter of declarations, reusable items and states, in source order.
    pub seq: usize,
    /// A macro in the body may declare a `static` (`thread_local!`, a nested `iter!`): the
    /// fold copy would declare it a second time.
    pub macro_statics: bool,
    /// `iter! { .. }`: the parameters are the variables the body captures.
    pub inline: bool,
    /// Bindings the body visibly mutates (assigns, `x += ..`, `x.f = ..`, `&mut x`, a std
    /// mutating method on the binding itself such as `x.push(..)`), with where it first does.
    pub mutated: std::collections::HashMap<BindingId, Span>,
    /// Of `mutated`, in an `iter!` block: the bindings whose only visible mutations are calls
    /// of methods named like std's mutating ones on the binding itself (`log.push(x)`), with
    /// those calls: a method of the user's of that name may take `&self`, so the block checks
    /// each call on the captured variable instead of requiring its `mut` (`assemble.rs`).
    pub mutated_by_methods: std::collections::HashMap<BindingId, Vec<syn::ExprMethodCall>>,
    /// Of `mutated`: the bindings mutated otherwise (assigned, `&mut x`).
    pub mutated_otherwise: std::collections::HashSet<BindingId>,
    /// In an `iter!` block, the first place rooted at `self` that the block assigns
    /// (`self.n += 1`), as written: what the block's start borrows mutably, so that a
    /// `mut self` counts as used, as a `move` closure's assignment would make it.
    pub assigned_self_place: Option<syn::Expr>,
    /// Iterators of `for` loops whose pattern takes the item apart by reference (`for &x in
    /// v.iter()`).
    pub ref_pattern_loops: std::collections::HashSet<BindingId>,
    /// Parameters that are iterators by their type (`impl Iterator<..>`, a type parameter
    /// bounded by `Iterator`).
    pub iterator_params: std::collections::HashSet<BindingId>,
    /// Bindings the body may mutate: `mutated`, plus receivers of methods the lowering does
    /// not know, places another macro's input names, the first argument of `write!`.
    /// A `mut` on any other binding is needless, and rustc may say so.
    pub maybe_mutated: std::collections::HashSet<BindingId>,
    /// `let x = r.f;` statements (by syntax, `build::site`) found to copy the field: `x` is
    /// used later as only a `Copy` value can be (yielded as a plain item, an arithmetic
    /// operand, cast). The next build reads `r.f` in place instead of moving it.
    pub copied_lets: std::collections::HashSet<usize>,
    /// Fields used by value where the macro cannot tell a move from a copy (a call argument,
    /// an element of a tuple, a yielded value, ..): `(use id, syntax site)`. The plan decides
    /// which are copies (`Plan::copied_fields`).
    pub field_uses: Vec<(usize, usize)>,
    /// Bindings whose value is a closure that borrows what it captures (no `move`), and
    /// `for` loop iterators that hold one (`v.into_iter().filter(|&x| x > limit)`).
    /// Bindings of a `ref`/`ref mut` pattern into a generator local (`Some(ref mut x)`
    /// matched against `opt`): they borrow it.
    pub ref_bindings: std::collections::HashSet<BindingId>,
    pub borrowing_closures: std::collections::HashSet<BindingId>,
    /// Yields of a mutable reborrow through a reference binding (`yield_!(&mut node.value)`,
    /// `node: &mut Node`): `(resume state, binding, operand span)`. The state cannot keep the
    /// binding while the item borrows through it (`plan/borrow_errors.rs`).
    pub reborrowed_items: Vec<(StateId, BindingId, super::spans::Spans)>,
    /// The locals each closure binding of `borrowing_closures` captures, in the order the
    /// closure first names them.
    pub closure_captures: std::collections::HashMap<BindingId, Vec<BindingId>>,
    /// Bindings whose value is a closure that moves out a value it captures (`move ||
    /// drop(s)`, `FnOnce`): a call of it moves it.
    pub once_closures: std::collections::HashSet<BindingId>,
    /// Bindings whose value is a closure that changes nothing it captures and moves
    /// nothing out (`|x| x * 2`, `|w| w.len() > min`, an `Fn`): a call of it changes nothing.
    pub fn_closures: std::collections::HashSet<BindingId>,
    /// Captures of an `iter!` block that it only calls, in a closure without `move` (`|w|
    /// long(w)`): a local closure, which that closure borrows, or a function, which it does
    /// not (`Plan::keeps_a_borrow_of_a_callee`).
    pub callee_captures: std::collections::HashSet<BindingId>,
    /// Values most likely views into the local they probably borrow (`Borrows::Likely`): a
    /// borrow of it if it owns its data, none if it is a reference, which the macro cannot
    /// tell (`plan/inexact.rs` lowers `boxed` a body that keeps one beside its local).
    /// `let` bindings whose written type is a collection of references (`let lines: Vec<&str>
    /// = ..`) and the iterators of `for` loops over them; what `lines()`, `bytes()` or
    /// `split(b)` makes of a local that may be text or a reader (`build/readers.rs`); std
    /// views and parts of a local and the parts a pattern binds of one (`&data[0]`,
    /// `v.first()`, `if let Some(v) = m.get(&k)`); iterators over what a function of the
    /// crate makes of a borrow of a local (`for w in words(&line)`).
    pub likely_views: std::collections::HashSet<BindingId>,
    /// `let` bindings of what a function of the crate makes of a borrow of a local (`let it =
    /// words(&text);`): a view if a loop iterates over it (`likely_views`).
    pub function_values: std::collections::HashSet<BindingId>,
    /// How a `let`'s value starts from a place (`syntax_facts::loop_source`: `("map", "keys")`
    /// for `let ks: Vec<&K> = map.keys().collect();`), for the fix an error names.
    pub let_sources: std::collections::HashMap<BindingId, (String, String)>,
    /// Parameters of a collection type whose items own all their data (`Vec<String>`): a
    /// `for` loop over one by value binds owned items.
    pub owned_items: std::collections::HashSet<BindingId>,
    /// The written item type of parameters of a collection type (`build/item_types.rs`).
    pub param_item_types: std::collections::HashMap<BindingId, syn::Type>,
    /// The bindings of `for` loops' patterns (an item, not a value the body could take as
    /// an argument instead).
    pub loop_items: std::collections::HashSet<BindingId>,
    /// Parameters of a collection type whose items are references (`Vec<&str>`): a `for`
    /// loop over one by value binds references.
    pub reference_items: std::collections::HashSet<BindingId>,
    /// Bindings of type `String` (or `&str`, `&String`, `Box<str>`), seen in a parameter's
    /// or a `let`'s type or in a `let`'s initializer (`String::from(..)`, `format!(..)`,
    /// `.to_string()`, `read_to_string(..)`): text, whose `lines()` and `bytes()` borrow it.
    pub texts: std::collections::HashSet<BindingId>,
    /// Bindings of a type that implements `Read`/`BufRead` (`build/readers.rs`): their
    /// `lines()`, `bytes()` and `split(b)` take them by value.
    pub readers: std::collections::HashSet<BindingId>,
    /// Bindings of a lock or `RefCell` guard (`let g = m.lock().unwrap();`): for error
    /// messages (a guard is no owned value to iterate over).
    pub guards: std::collections::HashSet<BindingId>,
    /// Hidden locals of an owned temporary (not a guard) that a `match`, `if let` or `while
    /// let` scrutinee reads through (`build/scrutinee_temps.rs`): for error messages.
    pub read_temporaries: std::collections::HashSet<BindingId>,
    /// Bindings of a part of a value that certainly borrows a local (`Some(w)` of
    /// `text.split(' ').next()`), but for a copy out of a reference (`Some(&x)`): probably
    /// views into that local (`Borrows::Likely`).
    pub parts_of_borrows: std::collections::HashSet<BindingId>,
    /// Bindings of a guard certainly made by a lock or a `RefCell` (`m.lock().unwrap()`,
    /// `c.borrow()`): held for its drop to the end of its block like a `_guard`, so a guard
    /// of the generator's own local kept across a yield is the macro's error, not a release
    /// at its last use.
    pub held_guards: std::collections::HashSet<BindingId>,
    /// `let` bindings made by a method on a place (`let v = sensor.read();`), with the
    /// method's name: the macro judges what its result borrows from the name alone, which
    /// the borrow error then says.
    pub by_method: std::collections::HashMap<BindingId, (String, String)>,
    /// The hidden locals of yields' temporaries (`yield_temps.rs`).
    pub yield_temps: std::collections::HashSet<BindingId>,
    /// Bindings that are the whole pattern of a `let` (`let _span = ..;`, not a part of a
    /// destructuring pattern such as `_rest` in `let Some((key, _rest)) = ..`): only they
    /// can be named to be held for their drop (`plan::held_for_drop`).
    pub whole_lets: std::collections::HashSet<BindingId>,
    /// Bindings of a `match` arm or an `if let` that take a value of the user's making whole
    /// out of a variant (`Ok(v) | Err(v)`, `Some(v)` of `make()`): judged as a `let` of it
    /// (`build/consumed_by_name.rs`).
    pub user_payloads: std::collections::HashSet<BindingId>,
    /// A join receives a `let`'s lowered initializer that certainly borrows a local (on some
    /// branch).
    pub borrow_handed_to_a_join: bool,
    /// The written type of a `let` declared without a value (`let v: Vec<u32>;`).
    pub declared_types: std::collections::HashMap<BindingId, syn::Type>,
    /// The field paths through which the body borrows each capture of an `iter!` block
    /// (`v.data` of `v.data.iter()`; an empty path for the whole capture), with where the
    /// borrow is, noted while the builder judges borrows: `gen_core::checks` asks the field
    /// or the capture to be a shared reference when every borrow goes through a field.
    pub capture_borrow_paths: std::cell::RefCell<Vec<(BindingId, Vec<String>, Span)>>,
    /// In an `iter!` block: captures a yielded item borrows (`yield name.as_str()`), with the
    /// borrowed receiver's span, for `gen_core::checks::yielded_capture`.
    pub yielded_captures: Vec<(BindingId, Span)>,
    /// In an `iter!` body, loops over a capture itself (`for n in names`), by the use of the
    /// capture, with the iterable's span: used again after the loop, the capture is a `Copy`
    /// value (a shared reference), which the compiler is asked to confirm
    /// (`gen_core::checks::looped_capture`).
    pub looped_captures: Vec<(usize, BindingId, Span)>,
    /// Bindings a `let` declares with a written type that owns all its data (`let mut out:
    /// Vec<u8> = Vec::new();`): what `push` or `extend` stores in them is owned (copied,
    /// converted), whatever it was made from.
    pub owned_by_type: std::collections::HashSet<BindingId>,
    /// Bindings a `let` binds to a shared borrow (`&r.buf[i..j]`) through a `&mut` binding:
    /// through a reference field it borrows the referent's data, not the binding.
    pub shared_through_mut: std::collections::HashSet<BindingId>,
    /// Hidden locals of a scrutinee's temporary that a function call made (`match
    /// pick(xs, i).as_str()`, `std::mem::take(&mut rest).split_first_mut()`): the value may
    /// be a reference, which bindings borrow through, not the temporary itself.
    pub call_temporaries: std::collections::HashSet<BindingId>,
    /// An item is a local that borrows through a reference binding in a way the macro cannot
    /// judge (a shared borrow, `shared_through_mut`; a borrow judged by a method's name,
    /// `borrowed_by_name`): lowered `boxed`, exact whether the item borrows the binding's
    /// referent's data or the binding itself.
    pub unsure_item_borrows: bool,
    /// Bindings of a `match` on a shared borrow of a whole local (`match &s { P(pts) => .. }`),
    /// for the fix a borrow error names: match on `s` itself.
    pub bound_through_a_borrowed_local: std::collections::HashSet<BindingId>,
    /// Parameters and locals that wrap a reference (`Option<&T>`, `Result<&T, E>`), whose
    /// unwrapped value is one (`build/reference_fields.rs`).
    pub reference_payloads: std::collections::HashSet<BindingId>,
    /// Fields of a struct literal local that hold a reference binding, by (local, field),
    /// with that binding (`build/reference_fields.rs`).
    pub reference_fields: std::collections::HashMap<(BindingId, String), BindingId>,
    /// Bindings of a `let` without a value (`let a;`), judged by what is assigned to them.
    pub deferred: std::collections::HashSet<BindingId>,
    /// Bindings that hold a value and are later assigned a (probable) borrow of another local
    /// (`w = p;` of `p` out of `s.split(',')`): whether they hold it at a yield depends on
    /// the path, which their one type cannot express in a flat state (`plan/inexact.rs`).
    pub reassigned_borrows: std::collections::HashSet<BindingId>,
    /// Bindings shadowed by a `let` of the same name made by a method of the user's called on
    /// them (`let r = r.header(..);`): maybe moved by it (`plan/inexact.rs`).
    pub builder_receivers: std::collections::HashSet<BindingId>,
    /// Parameters whose fields may be references (`o: Lexer<'_>`): a borrow of one of their
    /// fields may be a borrow through that reference, not of the parameter.
    pub view_params: std::collections::HashSet<BindingId>,
    /// Locals whose value is certainly not `Copy` (`vec![..]`, a `String`, a `Vec<T>`
    /// annotation): a "move" of one that later code reads again is a use after move.
    pub not_copy: std::collections::HashSet<BindingId>,
    /// Locals a `let` binds to a value of a constructor of the user's (`Big(vec![])`,
    /// `Money { cents: 0 }`, `Total::new()`), and a loop's items out of a list of them (`for g
    /// in [G::new("a")]`): `t += r.n` into one takes a value of the user's type, which may not
    /// be `Copy`, so the field is moved, not read as a number.
    pub constructed: std::collections::HashSet<BindingId>,
    /// Iterators bound by a `let` whose items are references into what they borrow or plain
    /// data (`let mut parts = line.split(',');`): `parts.next()` borrows what `parts` does,
    /// unless its items are plain data (`text.chars()`) or values a closure builds.
    pub item_iterators: std::collections::HashMap<BindingId, ItemKind>,
    /// A `for` loop's iterator binding and the local it iterates over by value (`for k in
    /// keys`): for error messages about a borrow that local carries.
    pub loop_sources: std::collections::HashMap<BindingId, BindingId>,
    /// A `for` loop's iterator binding and how its iterable starts from a place as written
    /// (`("self.cards", "iter")`, `("v", "&")`): for the fix an error names.
    pub loop_methods: std::collections::HashMap<BindingId, (String, String)>,
    /// A `for` loop's iterator binding and the name its pattern binds (`n` of `for n in ..`,
    /// `for &n in ..`): for the fix an error names.
    pub loop_item_names: std::collections::HashMap<BindingId, String>,
    /// Bindings the body certainly moves a field out of (`let x = v.f;`, `for x in v.f`,
    /// `drop(v.f)`, `v.f.into_iter()`): it treats them as bundles of parts, so its other
    /// by-value uses of their fields are moves too.
    /// Bindings known to hold a `Box` (a `Box<..>` parameter or annotation, `Box::new(..)`):
    /// `*b` used by value moves out of them; out of another binding it is taken for a copy
    /// out of a `Deref` value (a lock guard) where a copy and a move look the same.
    pub boxes: std::collections::HashSet<BindingId>,
    pub bundles: std::collections::HashSet<BindingId>,
    /// Uses (ids) of fields read in place although used by value: a copy the compiler is
    /// asked to confirm (`gen_core::checks::copied_field`).
    pub copy_checked: std::collections::HashSet<usize>,
    /// `let v = *x;` out of a binding not known to be a box: `(use id of the initializer,
    /// syntax site of the let, v)`. The plan takes it for a copy out of a `Deref` value
    /// when `x` is still in scope at a later state and the body never names a field of `v`
    /// (`Plan::copied_fields`).
    pub deref_lets: Vec<(usize, usize, BindingId)>,
    /// Enum variant patterns (`match` arms, `if let`, `while let`, `let`) that bind fields
    /// by value and leave others in the matched local. The plan takes the bindings for
    /// copies while the local is still in scope at a later state, unless one of them looks
    /// like it owns data (`build/variant_moves.rs`).
    pub variant_moves: Vec<VariantMove>,
    /// Bindings used as only a `Copy` value can be: an arithmetic operand, compared with a
    /// number, yielded as a plain item, assigned to a plain local (`Builder::copy_evidence`).
    /// Kept for the bindings of `variant_moves`.
    pub copy_used: std::collections::HashSet<BindingId>,
    /// Bindings yielded as an item that is not plain data: a sign that they own data.
    pub owned_used: std::collections::HashSet<BindingId>,
    /// Whether a body the flat state machine cannot keep exactly may be lowered `boxed`
    /// instead (not for a generator declared `+ Clone`, nor for limit 8's signatures).
    pub may_lower_boxed: bool,
    /// The attributes written on a compound statement (`#[allow(unreachable_code)] { .. }`,
    /// `#[allow(..)] match ..`), by the site of its syntax: printed back on it.
    pub expr_attrs: std::collections::HashMap<usize, Vec<Attribute>>,
    /// The hidden iterators of `yield_from!` (not of a `for` loop), for the errors' words.
    pub yield_from_iterators: std::collections::HashSet<BindingId>,
    /// The uses of `copy_checked` that are the initializer of such a `let`
    /// (`gen_core::checks::copied_deref_let`, whose error names the fixes for a `let`).
    pub checked_lets: std::collections::HashSet<usize>,
    /// Uses (ids) of fields read in place where only a `Copy` value can stand (an arithmetic
    /// operand, the value of a compound assignment or of an assignment to a plain local, the
    /// initializer of a copied `let`): copies, not a sign that the field owns data.
    pub copy_reads: std::collections::HashSet<usize>,
    /// Places of fields a struct update leaves in its base (`base.a` of `S { a: .., ..base }`),
    /// parts of `base` whether or not the body names them elsewhere.
    pub named_parts: Vec<Place>,
    /// Bindings a `let` binds to a struct or tuple literal, which spells out every field:
    /// `(is a tuple, how many fields)`.
    pub spelled_out: std::collections::HashMap<BindingId, (bool, usize)>,
    /// Bindings whose `let` value may hold a value of the user's making, whose drop may be
    /// visible (`Guard::new("g", &log)`, `vec![span]`: `build/user_values.rs`).
    pub user_made: std::collections::HashSet<BindingId>,
    /// Parameters of a written type of the user's (`stats: Stats`) and `self` by value: a
    /// method named like a consuming std method (`stats.count()`) may borrow them instead.
    pub user_typed: std::collections::HashSet<BindingId>,
    /// Bindings a `let` binds to a value of the user's type it takes from another binding:
    /// what a method of the user's returned, called on a value of the user's type (`let tx =
    /// conn.begin();`, `build/consumed_by_name.rs`), or that value itself (`let mut client =
    /// client;`); their methods may take `self`.
    pub users_type_values: std::collections::HashSet<BindingId>,
    /// `let x = r.f;` moving a field out (the initializer's use and the `let`'s site): in a
    /// generator that must stay flat and keeps `r` whole across a later yield, a copy the
    /// compiler must confirm (`plan/copied_fields.rs`).
    pub field_let_moves: Vec<(usize, usize)>,
    /// What `lines()`, `bytes()` or `split(b)` makes of a local of unseen type (`let lines =
    /// text.lines();`, a loop's iterator): a borrow of text or a reader taken
    /// (`build/readers.rs`).
    pub reader_views: std::collections::HashSet<BindingId>,
    /// In an `iter!` body, bindings a `let` binds to what a method the macro does not know
    /// returned, called on a capture (`let tx = conn.begin();`), with that capture: a value
    /// that may borrow what the closure holds.
    pub lent_by_captures: std::collections::HashMap<BindingId, BindingId>,
    /// Uses of a field called as a function (`(job.run)()`): an `FnOnce` field is moved out
    /// by the call, a `Fn` one only borrowed, which the macro cannot tell (`plan/inexact.rs`).
    pub called_fields: Vec<usize>,
    /// Uses of a whole local of the user's type (`user_made`, `user_typed`) as the receiver
    /// of a method named like one that takes `self` on every std type (`stats.count()`,
    /// `cfg.unwrap()`): `build/operands.rs` takes it for a move, but a method of the user's
    /// of that name may take `&self`, and then the value lives on (`plan/inexact.rs`).
    pub consumed_by_name: Vec<usize>,
    /// Uses of a whole local of the user's type as the receiver of any other method (but
    /// std's traits' `&self` ones: `clone`, `fmt`, ..): `stats.finish()` may take `self` or
    /// `&self`, which the macro cannot tell (`plan/inexact.rs`).
    pub kept_by_name: Vec<usize>,
    /// Uses of any whole local as the receiver of a method named like one that takes `self`
    /// on every std type (`g.count()`): used again later, the local is a `Copy` value or the
    /// method is the user's and takes `&self`, so such a use proves no copy
    /// (`plan/copied_fields.rs`).
    pub receivers_moved_by_name: std::collections::HashSet<usize>,
    /// Bindings of a `let` of a method named like a std method that returns a borrow,
    /// called on a whole local of the user's type (`let conn = pool.get();`): taken for
    /// references, which have nothing to drop, but a method of the user's of that name may
    /// return an owned value (`plan/inexact.rs`).
    pub borrowed_by_name: std::collections::HashSet<BindingId>,
    /// In an `iter!` block: bindings of a `let` whose initializer takes a reference to a
    /// capture itself (`Span::enter("n", &log)`): a borrow of the local holding it, even when
    /// the capture is a reference (unlike a method's receiver, `shared.lock()`, which may
    /// reborrow through it).
    pub capture_referenced: std::collections::HashSet<BindingId>,
    /// Each struct update of a local (`S { a: .., ..base }`).
    pub struct_updates: Vec<StructUpdate>,
    /// What the builder found wrong with the body.
    pub errors: Vec<syn::Error>,
    /// Some error of `errors` is a mistake in any lowering (an item borrowing a local), not a
    /// limit of the flat one: no other lowering is tried (see `expand`).
    pub error_in_any_lowering: bool,
    /// The body has what a flat state machine cannot express: a `let`, or a statement that
    /// yields, under `#[cfg]` (`build/conditional.rs`: it must know its locals and states
    /// before `cfg` is decided), a yield in a `match` guard, or a `let` chain whose pattern
    /// moves out of a place before a later part may fail (`build/branches.rs`) and that
    /// `moving_chains.rs` could not desugar.
    pub inexpressible: bool,
    /// `build/conditional.rs` reported a `#[cfg]` on a `let` or a yield (once a body).
    pub conditional_reported: bool,
    /// The conditions (by the address of their syntax) of the `let` chains that made the
    /// body inexpressible: `moving_chains.rs` desugars their `if`s.
    pub moving_chains: std::collections::HashSet<usize>,
    /// Hidden locals holding a `match` scrutinee only because an arm yields (`let t = e;
    /// match t { .. }`): the fold copy, which never suspends, writes `match e { .. }` again,
    /// so that `e`'s temporaries live until the `match` ends, as in the plain function.
    pub scrutinee_temps: std::collections::HashSet<BindingId>,
    /// Format strings whose every placeholder names one local (`"{head:?}"`), by the id of
    /// that capture's use: the state machine can name the local there as the string does
    /// (`emit/glue.rs`).
    pub format_literals: std::collections::HashMap<usize, proc_macro2::Literal>,
}

/// A `use` or `macro_rules!` item of a block, and the position of the binding it follows.
pub(crate) struct Reusable {
    pub item: syn::Item,
    /// Its place in the order of declarations (`macro_rules!` is textual).
    pub seq: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LoopKind {
    Loop,
    While,
    For,
    /// A labelled block: `break 'label value` only.
    Block,
}

pub(crate) struct LoopInfo {
    pub kind: LoopKind,
    /// The loop's syntax (`build::site`), by which the analysis asks for its back edges to be
    /// jumps instead of a native loop.
    pub site: usize,
    /// Its head state, when its body yields.
    pub head: Option<StateId>,
    /// A `break`/`continue` names its label.
    pub label_used: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StateKind {
    Start,
    Resume,
    /// After a compound statement; `true`: it receives the compound's value.
    Join {
        value: bool,
    },
    Head,
}

pub(crate) struct StateInfo {
    pub kind: StateKind,
    /// The innermost scope at the state's entry.
    pub scope: ScopeId,
    /// For a loop head: the loop.
    pub head_of: Option<LoopId>,
    /// Its place in the order of declarations: what it sees of its scopes.
    pub seq: usize,
}

/// A point where control may leave one arm for another: the emitter builds the target state's
/// payload there with the place states (moved, held, ..) the analysis found at the mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Just before a suspension.
    Suspend,
    /// The end of a block, or of a value that goes to a continuation.
    End,
    /// A `break`/`continue`, after its value.
    Jump,
    /// The missing `else` of an `if`.
    Else,
    /// The end of a loop (its condition was false, or its iterator ended).
    LoopExit,
    /// Entering a loop whose head is a state.
    LoopEnter,
}

pub(crate) struct Block {
    pub scope: ScopeId,
    pub stmts: Vec<Stmt>,
    /// Its normal end (after the last statement, before its scope ends).
    pub end: MarkId,
    pub split: bool,
}

#[allow(
    clippy::large_enum_variant,
    reason = "built once per expansion and walked in place; boxing adds only indirection"
)]
pub(crate) enum Stmt {
    Let(Box<Let>),
    Expr {
        expr: Expr,
        semi: bool,
        /// The state after it, when it is lowered and not the last statement.
        join: Option<StateId>,
    },
    /// An item of the block.
    Item(ItemRef),
}

/// Which item of its scope a statement is.
#[derive(Clone, Copy, Debug)]
pub(crate) enum ItemRef {
    /// `Scope::reusable[i]`: a `use` or `macro_rules!`, printed where it stands.
    Reusable(usize),
    /// One of `Scope::items`: declared once, where `items.rs` says.
    Declared,
}

pub(crate) struct Let {
    /// The `let` keyword's span (the statement is printed at the user's place, so rustc's
    /// lints on it are reported).
    pub span: Span,
    pub attrs: Vec<Attribute>,
    pub pat: Pat,
    pub bindings: Vec<BindingId>,
    pub init: Option<Expr>,
    pub diverge: Option<Expr>,
    /// The join that receives a lowered initializer's value.
    pub join: Option<StateId>,
    /// The fold copy may tie the binding's type to that value (`build/join_ties.rs`).
    pub tie: bool,
    /// The init's by-value pattern moves: places moved when the pattern binds.
    pub moves: Vec<Place>,
    /// The other parts of the init's place that the pattern spells out (`_`, `ref` bindings,
    /// each field of a tuple or struct pattern without `..`): a value the pattern only partly
    /// moves keeps them, to drop where the plain function drops it.
    pub parts: Vec<Place>,
    /// The fields of the new binding, when its initializer spells them all out (a struct
    /// literal without `..base`): a later partial move keeps the ones the body never names.
    pub shape: Vec<Place>,
}

/// A binding and a path of fields (and derefs of a `Box`) below it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Place {
    pub binding: BindingId,
    pub path: Vec<Proj>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Proj {
    /// `.name` or `.0`.
    Field(String),
    /// `*`.
    Deref,
    /// The fields a struct update (`S { a: .., ..base }`) takes out of `base`: every field
    /// the literal does not list. Printed as `base` itself (it only ever stands in `..base`).
    /// The index of the update in `Ir::struct_updates` (updates list different fields).
    Rest(usize),
}

impl Place {
    pub(crate) fn whole(binding: BindingId) -> Self {
        Place {
            binding,
            path: Vec::new(),
        }
    }
}

/// How an expression uses a place it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Use {
    /// By value: a move, or a copy of a `Copy` value (a later read proves the copy).
    Value,
    /// Read in place: borrowed, compared, a method receiver, a field read through it.
    Read,
    /// Overwritten as a whole (`x = ..`); the old value is dropped first if it is there.
    Assign,
}
