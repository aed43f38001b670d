//! Syntax tree -> IR, in one pass over the (normalized) body.
//!
//! The builder resolves every name to a binding by walking its own scope stack, so shadowing
//! is decided by scope; it records how each expression uses each place; it allocates the
//! states of the state machine where they begin (a resume point after each yield, a join
//! after each lowered statement that is not the last of its block, a head for each loop whose
//! body is lowered); and it desugars a yield inside an operand into statements that evaluate
//! the operands before it into hidden locals (`spill.rs`).
//!
//! `force` holds the compounds (by the address of their syntax, stable across builds) that the
//! analysis found must be lowered although they do not yield (see `plan.rs`).

mod assign;
mod blocks;
pub(crate) mod borrows;
mod branches;
mod call_facts;
mod closure_borrows;
pub(crate) mod cond_parts;
mod conditional;
pub(crate) mod consumed_by_name;
mod expr;
pub(crate) mod for_head_temps;
pub(crate) mod format_strings;
mod generic_not_copy;
mod item_chains;
mod item_types;
mod iterator_borrows;
mod join_ties;
pub(crate) mod let_kinds;
mod lets;
mod loop_facts;
mod loops;
pub(crate) mod macros;
mod method_borrows;
pub(crate) mod methods;
mod mutations;
mod nested_captures;
mod nodes;
pub(crate) mod operands;
mod scrutinee_temps;
mod short_circuit;
mod spilled_conditions;
mod spilled_while;
mod stored_borrows;
pub(crate) mod written_types;
mod yields;
pub(crate) use macros::{Macros, reassemble};
mod pattern;
mod pattern_bindings;
mod places;
mod readers;
pub(crate) mod receiver_methods;
mod reference_fields;
pub(crate) mod reference_values;
mod scopes;
mod spill;
mod struct_update;
pub(crate) mod syntax_facts;
mod temps;
mod user_values;
use user_values::by_ref_loops_step;
mod value_kinds;
mod variant_moves;

use std::collections::HashSet;

use super::ir::{BindingId, BindingKind, Block, Borrows, Ir, LoopId, LoopKind, ScopeId, StateKind};
use crate::parse::{self, GenFn};

/// What earlier rounds of the build found out about the body (see `lower`).
#[derive(Default)]
pub(crate) struct Rounds {
    /// Compounds the analysis asked to lower (`Plan::force`).
    pub force: HashSet<usize>,
    /// `let x = r.f;` statements that copy the field (`Ir::copied_lets`).
    pub copied: HashSet<usize>,
    /// Fields used by value that are read in place (`Plan::copied_fields`).
    pub copied_fields: HashSet<usize>,
}

/// Builds the IR of `func`'s body (already normalized). `args`: what state 0 holds;
/// `macros`: the body's known macro inputs, parsed (`Macros::parse`).
pub(crate) fn build(func: &GenFn, args: &[parse::Binding], rounds: &Rounds, macros: &Macros) -> Ir {
    let mut b = Builder {
        ir: Ir {
            bindings: Vec::new(),
            scopes: Vec::new(),
            loops: Vec::new(),
            states: Vec::new(),
            marks: Vec::new(),
            params: Vec::new(),
            root: Block {
                scope: 0,
                stmts: Vec::new(),
                end: 0,
                split: false,
            },
            body_span: func.block.brace_token.span.join(),
            params_span: func.sig.as_ref().map(|s| s.paren_token.span.join()),
            free: Vec::new(),
            nested_items: false,
            uses: 0,
            seq: 0,
            errors: Vec::new(),
            macro_statics: false,
            inline: func.sig.is_none(),
            mutated: std::collections::HashMap::new(),
            mutated_by_methods: Default::default(),
            mutated_otherwise: Default::default(),
            assigned_self_place: None,
            ref_pattern_loops: Default::default(),
            iterator_params: Default::default(),
            maybe_mutated: HashSet::new(),
            copied_lets: HashSet::new(),
            field_uses: Vec::new(),
            bundles: HashSet::new(),
            borrowing_closures: HashSet::new(),
            closure_captures: std::collections::HashMap::new(),
            reborrowed_items: Vec::new(),
            ref_bindings: HashSet::new(),
            boxes: HashSet::new(),
            copy_checked: HashSet::new(),
            copy_reads: HashSet::new(),
            deref_lets: Vec::new(),
            checked_lets: HashSet::new(),
            variant_moves: Vec::new(),
            copy_used: HashSet::new(),
            owned_used: HashSet::new(),
            may_lower_boxed: false,
            expr_attrs: std::collections::HashMap::new(),
            yield_from_iterators: HashSet::new(),
            once_closures: HashSet::new(),
            fn_closures: HashSet::new(),
            callee_captures: HashSet::new(),
            likely_views: HashSet::new(),
            function_values: HashSet::new(),
            let_sources: Default::default(),
            owned_items: HashSet::new(),
            param_item_types: Default::default(),
            loop_items: HashSet::new(),
            reference_items: HashSet::new(),
            texts: HashSet::new(),
            readers: HashSet::new(),
            guards: HashSet::new(),
            yield_temps: Default::default(),
            by_method: Default::default(),
            loop_sources: std::collections::HashMap::new(),
            loop_methods: std::collections::HashMap::new(),
            loop_item_names: std::collections::HashMap::new(),
            item_iterators: Default::default(),
            not_copy: Default::default(),
            held_guards: Default::default(),
            read_temporaries: Default::default(),
            parts_of_borrows: Default::default(),
            view_params: Default::default(),
            declared_types: Default::default(),
            deferred: Default::default(),
            reassigned_borrows: Default::default(),
            builder_receivers: Default::default(),
            error_in_any_lowering: false,
            inexpressible: false,
            conditional_reported: false,
            moving_chains: Default::default(),
            reference_fields: Default::default(),
            reference_payloads: Default::default(),
            capture_borrow_paths: Default::default(),
            yielded_captures: Vec::new(),
            looped_captures: Vec::new(),
            owned_by_type: HashSet::new(),
            shared_through_mut: HashSet::new(),
            call_temporaries: HashSet::new(),
            unsure_item_borrows: false,
            bound_through_a_borrowed_local: Default::default(),
            scrutinee_temps: Default::default(),
            format_literals: Default::default(),
            whole_lets: HashSet::new(),
            user_payloads: HashSet::new(),
            borrow_handed_to_a_join: false,
            named_parts: Vec::new(),
            spelled_out: std::collections::HashMap::new(),
            user_made: std::collections::HashSet::new(),
            users_type_values: std::collections::HashSet::new(),
            field_let_moves: Vec::new(),
            reader_views: std::collections::HashSet::new(),
            lent_by_captures: std::collections::HashMap::new(),
            called_fields: Vec::new(),
            user_typed: Default::default(),
            constructed: Default::default(),
            consumed_by_name: Vec::new(),
            kept_by_name: Vec::new(),
            receivers_moved_by_name: Default::default(),
            borrowed_by_name: Default::default(),
            capture_referenced: Default::default(),
            struct_updates: Vec::new(),
        },
        scopes: Vec::new(),
        loops: Vec::new(),
        force: &rounds.force,
        copied: &rounds.copied,
        copied_fields: &rounds.copied_fields,
        moving_next: false,
        number_values: HashSet::new(),
        plain_parts: false,
        plain_operands: false,
        indexing_range: false,
        field_lets: std::collections::HashMap::new(),
        item_plain: func.item_ty.as_ref().is_some_and(parse::is_plain),
        macros,
        closures: Vec::new(),
        errors: Vec::new(),
        inline: func.sig.is_none(),
        unlowered: 0,
        generics: func.sig.as_ref().map(|s| &s.generics),
    };
    let box_params = box_params(func);
    let iterator_params = crate::lower::flat::by_ref_loops::iterator_typed_params(func);
    let params_scope = b.push_scope();
    for arg in args {
        let id = b.declare(
            &arg.ident,
            arg.mutable,
            BindingKind::Param,
            arg.by_ref,
            Borrows::Nothing,
        );
        b.ir.bindings[id].mut_ref = arg.mut_ref;
        // A capture of `iter! { .. }` may well be a reference.
        // So may the payload of `Option<&'a str>` (`filter.unwrap_or("all")`).
        b.ir.bindings[id].owns = !arg.by_ref
            && !b.inline
            && !arg
                .ty
                .as_deref()
                .is_some_and(written_types::wraps_a_reference);
        b.ir.bindings[id].plain = arg.plain;
        // `it: impl Iterator<..>`, `it: I` with `I: Iterator`: an iterator the body adapts.
        if iterator_params.contains(&arg.ident.to_string()) {
            b.ir.iterator_params.insert(id);
        }
        let generics = func.sig.as_ref().map(|s| &s.generics);
        if arg.ty.as_deref().is_some_and(|t| {
            let_kinds::not_copy_type(t) || generic_not_copy::generic_not_copy(t, generics)
        }) {
            b.ir.not_copy.insert(id);
        }
        if arg
            .ty
            .as_deref()
            .is_some_and(|t| written_types::owns_items(t, generics))
        {
            b.ir.owned_items.insert(id);
        }
        if let Some(item) = arg.ty.as_deref().and_then(item_types::item_type) {
            b.ir.param_item_types.insert(id, item.clone());
        }
        if arg
            .ty
            .as_deref()
            .is_some_and(written_types::reference_items)
        {
            b.ir.reference_items.insert(id);
        }
        if arg
            .ty
            .as_deref()
            .is_some_and(written_types::wraps_a_reference)
        {
            b.ir.reference_payloads.insert(id);
        }
        if arg.ty.as_deref().is_some_and(written_types::is_text) {
            b.ir.texts.insert(id);
        }
        let generics = func.sig.as_ref().map(|s| &s.generics);
        if arg
            .ty
            .as_deref()
            .is_some_and(|t| readers::reader_type(t, generics))
        {
            b.ir.readers.insert(id);
        }
        // `stats: Stats`, `self`: a value of a type of the user's (`Ir::user_typed`).
        let user_typed = match arg.ty.as_deref() {
            Some(ty) => written_types::users_type(written_types::referent(ty), generics),
            None => crate::parse::is_self_ident(&arg.ident),
        };
        if user_typed && (arg.by_ref || !arg.plain) {
            b.ir.user_typed.insert(id);
        }
        if box_params.contains(&arg.ident.to_string()) {
            b.ir.boxes.insert(id);
        }
        // `f: impl FnOnce() -> T`, `f: F` with `F: FnOnce()`: its call moves it.
        if arg
            .ty
            .as_deref()
            .is_some_and(|t| written_types::fn_once(t, generics))
        {
            b.ir.once_closures.insert(id);
        }
        // Its written type, which the arms' re-bindings repeat (`let v: &Vec<u32> = f0;`):
        // rustc's suggestions about the parameter (`&mut Vec<u32>` for a missing `mut` in
        // its reference) then edit the signature's type, as for the plain function.
        if let Some(ty) = arg.ty.as_deref()
            && parse::nameable(ty)
            && !parse::is_self_ident(&arg.ident)
        {
            b.ir.declared_types.insert(id, ty.clone());
        }
        // `o: Lexer<'_>`: a value whose fields may be references (`o.src.split(',')` borrows
        // through one). `self` taken by value, whose type (the impl's) the macro cannot see,
        // may be one too (`plan::Plan::keeps_a_borrow_of_self`).
        let view = match arg.ty.as_deref() {
            Some(ty) => !arg.by_ref && written_types::has_lifetime(ty),
            None => crate::parse::is_self_ident(&arg.ident) && !arg.by_ref,
        };
        if view {
            b.ir.view_params.insert(id);
        }
        b.ir.params.push(id);
    }
    b.new_state(StateKind::Start);
    let root = b.block(&func.block, false, true);
    b.pop_scope(params_scope);
    b.ir.root = root;
    b.ir.errors = std::mem::take(&mut b.errors);
    b.ir
}

/// A loop (or labelled block) a `break`/`continue` may target.
struct LoopFrame {
    id: LoopId,
    label: Option<String>,
    kind: LoopKind,
    /// The loop's value goes to a join (`let x = loop { .. break v .. }`).
    value: bool,
}

/// A closure or `async` block being built: its own code.
struct ClosureFrame {
    /// Bindings declared from here on are the closure's own.
    first_binding: BindingId,
    captures: Vec<(super::ir::Place, super::ir::Use)>,
    moving: bool,
    /// The captured places its body itself uses by value (a `move` closure captures every
    /// place by value; only these make it `FnOnce`).
    moved_out: Vec<super::ir::Place>,
}

pub(crate) struct Builder<'f> {
    ir: Ir,
    /// The lexical scopes open here, innermost last.
    scopes: Vec<ScopeId>,
    loops: Vec<LoopFrame>,
    force: &'f HashSet<usize>,
    /// `Rounds::copied`.
    copied: &'f HashSet<usize>,
    /// `Rounds::copied_fields`.
    copied_fields: &'f HashSet<usize>,
    /// The next expression built is used where only a move makes sense (a `for` loop's
    /// iterable, the receiver of a consuming method): a field there is moved, never copied.
    moving_next: bool,
    /// Sites of branch values beside a number (`x` or `t.2` in `if c { 9 } else { t.2 }`):
    /// numbers, read in place, never a move.
    number_values: HashSet<usize>,
    /// The next expression built makes a value of a plain type (a plain item, a value
    /// assigned to a local of a plain type): a field it is made of (an element of a tuple or
    /// an array, an argument of a constructor, `Some(e.ts)`) is a `Copy` value, read in place.
    plain_parts: bool,
    /// The same, handed from `expr_inner` to `op` for the operator's operands.
    plain_operands: bool,
    /// The next operator built is the range of an index (`text[s..i]`): its bounds are
    /// numbers, read in place (any other range takes its bounds by value).
    indexing_range: bool,
    /// Bindings declared by `let x = r.f;` (a field moved or copied), with the `let`'s site.
    field_lets: std::collections::HashMap<BindingId, usize>,
    /// The item type is plain data (`u32`, `(usize, char)`, `&str`): a yielded value is `Copy`.
    item_plain: bool,
    macros: &'f Macros,
    closures: Vec<ClosureFrame>,
    pub(crate) errors: Vec<syn::Error>,
    /// `iter! { .. }`: its captures' types are unknown.
    inline: bool,
    /// Inside code that cannot be lowered (a match guard, another macro's input): the
    /// analysis's requests to lower a compound are ignored there.
    unlowered: usize,
    /// The function's generics (none in an `iter!` block): a written type naming one of its
    /// parameters is no type of the user's.
    generics: Option<&'f syn::Generics>,
}

/// The syntax node's identity, stable across builds of the same body.
pub(crate) fn site<T>(node: &T) -> usize {
    std::ptr::from_ref(node) as usize
}

/// The parameters declared with a `Box<..>` type.
fn box_params(func: &GenFn) -> HashSet<String> {
    let Some(sig) = &func.sig else {
        return HashSet::new();
    };
    sig.inputs
        .iter()
        .filter_map(|input| match input {
            syn::FnArg::Typed(t) if is_box_type(&t.ty) => match &*t.pat {
                syn::Pat::Ident(p) => Some(p.ident.to_string()),
                _ => None,
            },
            // `self: Box<Self>`, renamed in the body (`parse::self_ident`).
            syn::FnArg::Receiver(r) if r.colon_token.is_some() && is_box_type(&r.ty) => {
                Some(parse::self_ident(r.self_token.span).to_string())
            }
            _ => None,
        })
        .collect()
}

/// `Box<..>` (or a path ending in `Box<..>`).
pub(super) fn is_box_type(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Box"))
}
