//! Expressions in the IR: what each expression does to the places it names, the syntax it
//! keeps for the parts the lowering does not look inside, and the compounds (branches,
//! loops, yields, macros) whose parts are IR of their own.

use proc_macro2::{Span, TokenStream};
use syn::{Attribute, Lifetime, Pat};

use super::{BindingId, Block, LoopId, MarkId, Place, ScopeId, Spans, StateId, Use};

pub(crate) struct Expr {
    pub kind: ExprKind,
    /// The user's code it was built from (its first token in `span`).
    pub spans: Spans,
    /// The identity of the user's syntax it was built from (`build::site`; 0 for code the
    /// builder made): the analysis names the compounds it wants lowered by it.
    pub site: usize,
    /// It contains a suspension, or a compound whose exits leave a place in different
    /// states (moved on some, not on others): it is lowered into states.
    pub split: bool,
    pub span: Span,
}

pub(crate) struct Arm {
    pub attrs: Vec<Attribute>,
    pub pat: Pat,
    pub scope: ScopeId,
    pub bindings: Vec<BindingId>,
    /// Places the pattern moves out of the scrutinee when this arm is taken.
    pub moves: Vec<Place>,
    pub guard: Option<Expr>,
    pub body: Expr,
    /// After the body.
    pub end: MarkId,
}

/// One part of a condition chain: `c` or `let P = e`, joined by `&&`.
#[allow(
    clippy::large_enum_variant,
    reason = "built once per expansion and walked in place; boxing adds only indirection"
)]
pub(crate) enum CondPart {
    Expr(Expr),
    Let {
        pat: Pat,
        scrutinee: Expr,
        bindings: Vec<BindingId>,
        moves: Vec<Place>,
        /// The user's `let` (lints on the `let` span, `irrefutable_let_patterns`, fire on
        /// the user's code only).
        token: proc_macro2::Span,
    },
}

pub(crate) struct Cond {
    pub parts: Vec<CondPart>,
    /// The scope of the `let` bindings (the branch taken when the condition holds).
    pub scope: ScopeId,
}

pub(crate) enum ExprKind {
    /// A place named by the user: `x`, `x.field.0`, `*boxed`.
    Place {
        place: Place,
        how: Use,
        syn: syn::Expr,
        /// Identifies this use (`Cfg::uses`).
        id: usize,
    },
    Yield {
        from: bool,
        value: Box<Expr>,
        token: Span,
        resume: StateId,
        /// Before the suspension.
        mark: MarkId,
        /// Right after the resume.
        resumed: MarkId,
    },
    Block {
        block: Block,
        label: Option<syn::Label>,
        /// `unsafe { .. }`.
        unsafety: Option<syn::token::Unsafe>,
        loop_id: Option<LoopId>,
    },
    If {
        cond: Cond,
        then: Block,
        otherwise: Option<Box<Expr>>,
        /// The end of the `else` branch (written or not).
        else_mark: MarkId,
        /// The user's braces of the `then` block (the glue's for an `if` the builder made).
        then_braces: Span,
    },
    Match {
        scrutinee: Box<Expr>,
        arms: Vec<Arm>,
    },
    Loop {
        label: Option<syn::Label>,
        loop_id: LoopId,
        kind: LoopBody,
        body: Block,
        enter: MarkId,
        exit: MarkId,
    },
    Break {
        label: Option<Lifetime>,
        target: Option<LoopId>,
        value: Option<Box<Expr>>,
        mark: MarkId,
    },
    Continue {
        label: Option<Lifetime>,
        target: Option<LoopId>,
        mark: MarkId,
    },
    Return {
        token: Span,
        /// `return Err(e)` in a generator of `Result` items: the error, its last item.
        value: Option<Box<Expr>>,
    },
    Try {
        inner: Box<Expr>,
        question: Span,
        /// `Err(e)?` or `None?`: the error path is the only one.
        diverges: bool,
    },
    /// `place = value` or `place op= value` (the value is evaluated first).
    Assign {
        lhs: Box<Expr>,
        rhs: Box<Expr>,
        /// `Some` for a compound assignment (`+=`).
        op: Option<syn::BinOp>,
        join: Option<StateId>,
        /// After the place is written.
        mark: MarkId,
    },
    /// A closure or `async` block: its body is its own code (no yields), run later; what it
    /// captures is used where it is created.
    Closure {
        syn: syn::Expr,
        body: Box<Expr>,
        captures: Vec<(Place, Use)>,
        /// The captures its body uses by value (what makes it `FnOnce`).
        moved_out: Vec<Place>,
    },
    /// Another macro's invocation. `args`: its input as expressions when the macro is known
    /// (format-like macros, `vec!`, `assert!`, ..); otherwise the places its tokens name.
    Macro { mac: syn::Macro, args: MacroArgs },
    /// Any other expression: the user's syntax with its operands taken out (in evaluation
    /// order), printed back by putting the printed operands in their places.
    Op {
        syn: syn::Expr,
        operands: Vec<Expr>,
        /// `a && b` / `a || b`: the second operand runs only sometimes.
        short_circuit: bool,
    },
}

/// The body of a loop.
#[allow(
    clippy::large_enum_variant,
    reason = "built once per expansion and walked in place; boxing adds only indirection"
)]
pub(crate) enum LoopBody {
    Loop,
    While(Cond),
    For {
        pat: Pat,
        iter: BindingId,
        iterable: Box<Expr>,
        /// The scope of the pattern's bindings (the body's parent).
        scope: ScopeId,
        bindings: Vec<BindingId>,
        /// Made by the builder (`yield_from!`): its iterable is printed through
        /// `IntoIterator::into_iter`, so no lint about the user's value's type fires on it.
        desugared: bool,
    },
}

pub(crate) enum MacroArgs {
    /// Parsed: expressions separated by `sep` (`,` or `;` for `vec![v; n]`), the format
    /// string's implicit captures (`{x}`) read in place.
    Exprs {
        exprs: Vec<Expr>,
        /// The literal tokens before the expressions (a format string) and named arguments'
        /// `name =`, printed back as they were.
        shape: MacroShape,
        /// Each capture, with its use's id and the format string's span.
        captures: Vec<(Place, usize, proc_macro2::Span)>,
    },
    /// Not parsed: the places its tokens name (read in place, or moved into a nested
    /// generator), and its tokens printed as they are.
    Tokens { uses: Vec<(Place, Use)> },
}

/// How parsed macro input is put back together.
pub(crate) struct MacroShape {
    /// One entry per expression: the tokens before it (`name =`), if any.
    pub prefixes: Vec<TokenStream>,
    /// `;` between the two expressions of `vec![v; n]`.
    pub repeat: bool,
    /// A trailing comma.
    pub trailing: bool,
}
