//! The operands of an operator expression, in evaluation order, and how the operator uses
//! each: the one place that knows Rust's expression shapes for the builder (which takes the
//! operands out) and the printer (which puts the printed operands back).

use syn::Expr;

use crate::lower::flat::ir::Use;

/// Methods that take `self` by value on every std type that has them: a place used as their
/// receiver is moved. Anything else is read in place (a method the list misses makes the
/// value look kept, which is a compile error, never a silent early drop).
const CONSUMING: &[&str] = &[
    // Option / Result.
    "unwrap",
    "expect",
    "unwrap_or",
    "unwrap_or_else",
    "unwrap_or_default",
    "unwrap_err",
    "expect_err",
    "unwrap_unchecked",
    "ok",
    "err",
    "map_err",
    "map_or",
    "map_or_else",
    "and_then",
    "or_else",
    "ok_or",
    "ok_or_else",
    "or",
    "and",
    "xor",
    "transpose",
    "is_some_and",
    "is_none_or",
    "is_ok_and",
    "is_err_and",
    // Option, Result, Iterator (and arrays: `map`).
    "map",
    "filter",
    "flatten",
    "zip",
    "inspect",
    "cloned",
    "copied",
    // Iterator (and `Read::chain`), `Ord::max`/`min`.
    "filter_map",
    "flat_map",
    "chain",
    "enumerate",
    "step_by",
    "take_while",
    "skip_while",
    "map_while",
    "peekable",
    "fuse",
    "rev",
    "cycle",
    "collect",
    "sum",
    "product",
    "count",
    "fold",
    "for_each",
    "max",
    "min",
    "max_by",
    "min_by",
    "max_by_key",
    "min_by_key",
    "partition",
    "unzip",
    "scan",
    "reduce",
];

/// Whether `receiver.method(args)` moves the receiver: the methods above, `into_*` (by
/// convention), `take(n)`/`skip(n)` with one argument (`Iterator`, `Read`; the no-argument
/// `Option::take` and `Cell::take` borrow) and `join()` with none (a thread's handle).
pub(crate) fn consumes_receiver(method: &str, args: usize) -> bool {
    CONSUMING.contains(&method)
        // `Into::into`, `TryInto::try_into` and the `into_*` conversions take `self`.
        || matches!(method, "into" | "try_into")
        || method.starts_with("into_")
        || (matches!(method, "take" | "skip") && args == 1)
        // `JoinHandle::join(self)`; the `join`s of slices and paths take a separator or a path.
        || (method == "join" && args == 0)
}

/// Defines an accessor of the operands of an operator expression, in evaluation order, with
/// how the operator uses each. Written once for `&Expr` and `&mut Expr`, so the builder (which
/// reads the operands) and the printer (which puts the printed operands back) agree.
macro_rules! operands_fn {
    ($(#[$doc:meta])* $name:ident, $iter:ident $(, $m:tt)?) => {
        $(#[$doc])*
        pub(crate) fn $name(expr: &$($m)? Expr) -> Vec<(&$($m)? Expr, Use)> {
            match expr {
                Expr::Array(a) => a.elems.$iter().map(|e| (e, Use::Value)).collect(),
                Expr::Binary(b) => {
                    // Arithmetic and bit operators take their operands by value
                    // (`Add::add(self, rhs)`): `total + m` of two `Money`s moves both (a
                    // number's is a copy, as for any by-value operand). Comparisons borrow
                    // theirs (`PartialEq::eq(&a, &b)`), and `&&`/`||` read `bool`s.
                    let how = if by_value_operator(&b.op) { Use::Value } else { Use::Read };
                    vec![(&$($m)? *b.left, how), (&$($m)? *b.right, how)]
                }
                Expr::Call(c) => {
                    let mut out = vec![(&$($m)? *c.func, Use::Read)];
                    out.extend(c.args.$iter().map(|a| (a, Use::Value)));
                    out
                }
                Expr::Cast(c) => vec![(&$($m)? *c.expr, Use::Read)],
                Expr::Field(f) => vec![(&$($m)? *f.base, Use::Read)],
                Expr::Index(i) => {
                    vec![(&$($m)? *i.expr, Use::Read), (&$($m)? *i.index, Use::Read)]
                }
                Expr::MethodCall(mc) => {
                    let how = if consumes_receiver(&mc.method.to_string(), mc.args.len()) {
                        Use::Value
                    } else {
                        Use::Read
                    };
                    let mut out = vec![(&$($m)? *mc.receiver, how)];
                    out.extend(mc.args.$iter().map(|a| (a, Use::Value)));
                    out
                }
                // `from..` takes its bounds by value: a `String` bound is moved (a number's
                // is a copy, as for any by-value operand).
                Expr::Range(r) => r
                    .start
                    .$iter()
                    .chain(r.end.$iter())
                    .map(|e| (&$($m)? **e, Use::Value))
                    .collect(),
                Expr::Reference(r) => vec![(&$($m)? *r.expr, Use::Read)],
                Expr::RawAddr(r) => vec![(&$($m)? *r.expr, Use::Read)],
                Expr::Repeat(r) => vec![(&$($m)? *r.expr, Use::Read), (&$($m)? *r.len, Use::Read)],
                Expr::Struct(st) => {
                    let mut out: Vec<_> =
                        st.fields.$iter().map(|f| (&$($m)? f.expr, Use::Value)).collect();
                    if let Some(rest) = &$($m)? st.rest {
                        out.push((&$($m)? **rest, Use::Value));
                    }
                    out
                }
                Expr::Tuple(t) => t.elems.$iter().map(|e| (e, Use::Value)).collect(),
                // `-v` and `!v` take `v` by value (`Neg::neg(self)`); `*r` reads through it.
                Expr::Unary(u) => {
                    let how = if matches!(u.op, syn::UnOp::Deref(_)) { Use::Read } else { Use::Value };
                    vec![(&$($m)? *u.expr, how)]
                }
                Expr::Try(t) => vec![(&$($m)? *t.expr, Use::Value)],
                Expr::Await(a) => vec![(&$($m)? *a.base, Use::Value)],
                Expr::Paren(p) => vec![(&$($m)? *p.expr, Use::Value)],
                Expr::Group(g) => vec![(&$($m)? *g.expr, Use::Value)],
                _ => Vec::new(),
            }
        }
    };
}

operands_fn!(
    /// The operands of `expr`, read.
    operands,
    iter
);
operands_fn!(
    /// The operands of `expr`, to replace.
    operands_mut,
    iter_mut,
    mut
);

/// `+`, `-`, `&`, `<<`, ...: an operator whose trait takes both operands by value.
pub(super) fn by_value_operator(op: &syn::BinOp) -> bool {
    use syn::BinOp::*;
    matches!(
        op,
        Add(_)
            | Sub(_)
            | Mul(_)
            | Div(_)
            | Rem(_)
            | BitXor(_)
            | BitAnd(_)
            | BitOr(_)
            | Shl(_)
            | Shr(_)
    )
}

/// `+=`, `-=`, ...: a compound assignment operator.
pub(crate) fn is_compound(op: &syn::BinOp) -> bool {
    use syn::BinOp::*;
    matches!(
        op,
        AddAssign(_)
            | SubAssign(_)
            | MulAssign(_)
            | DivAssign(_)
            | RemAssign(_)
            | BitXorAssign(_)
            | BitAndAssign(_)
            | BitOrAssign(_)
            | ShlAssign(_)
            | ShrAssign(_)
    )
}

/// `&&` / `||`: the right operand runs only sometimes.
pub(crate) fn is_short_circuit(op: &syn::BinOp) -> bool {
    matches!(op, syn::BinOp::And(_) | syn::BinOp::Or(_))
}
