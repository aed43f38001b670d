//! Values the lowering knows by their expression: plain data (no drop glue, no borrow:
//! numbers, comparisons, `len()`) and values that certainly own their data (constructors,
//! `collect()`, `vec!`). Both are kept like any owned value and never taken for a borrow.

use syn::Expr as SynExpr;

use super::Builder;
use super::methods::{ADAPTERS, MAKES_VALUE, NUMERIC, PASS_ON, PLAIN_RESULT};
use crate::lower::flat::ir::{Expr, ExprKind};

/// Macros whose value owns its data.
const OWNING_MACROS: &[&str] = &["vec", "format"];

impl Builder<'_> {
    /// Whether the value of `e` is plain data (no drop glue): literals, numbers computed
    /// from plain data, comparisons, casts, the results of `len()`-like methods.
    pub(crate) fn plain_value(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Place { place, .. } => {
                let b = &self.ir.bindings[place.binding];
                place.path.is_empty() && (b.plain || b.by_ref)
            }
            ExprKind::Op { syn, operands, .. } => match syn {
                SynExpr::Lit(_) | SynExpr::Cast(_) | SynExpr::Reference(_) => true,
                SynExpr::Binary(b) => {
                    use syn::BinOp::*;
                    matches!(
                        b.op,
                        Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_) | And(_) | Or(_)
                    ) || operands.iter().all(|o| self.plain_value(o))
                }
                SynExpr::Unary(u) => {
                    !matches!(u.op, syn::UnOp::Deref(_)) && self.plain_value(&operands[0])
                }
                SynExpr::Paren(_)
                | SynExpr::Group(_)
                | SynExpr::Tuple(_)
                | SynExpr::Array(_)
                | SynExpr::Range(_) => operands.iter().all(|o| self.plain_value(o)),
                // `Some(1)`, `Ok(x)` of plain data.
                // (The callee is operand 0: the syntax keeps a hole for it.)
                SynExpr::Call(_) => {
                    matches!(&operands[0].kind, ExprKind::Op { syn: SynExpr::Path(p), .. }
                        if p.path.segments.last().is_some_and(|s| s.ident == "Some" || s.ident == "Ok" || s.ident == "Err"))
                        && operands[1..].iter().all(|o| self.plain_value(o))
                }
                SynExpr::MethodCall(m) => {
                    let name = m.method.to_string();
                    PLAIN_RESULT.contains(&name.as_str())
                        || (NUMERIC.contains(&name.as_str())
                            && operands.iter().all(|o| self.plain_value(o)))
                        || self.typed_by_plain_argument(&name, operands)
                }
                _ => false,
            },
            ExprKind::Block { block, .. } => self.plain_tail(block),
            ExprKind::If {
                then, otherwise, ..
            } => self.plain_tail(then) && otherwise.as_ref().is_some_and(|o| self.plain_value(o)),
            ExprKind::Match { arms, .. } => arms.iter().all(|a| self.plain_value(&a.body)),
            _ => false,
        }
    }

    /// Whether the value of `e` certainly owns its data (see `Binding::owns`): a constructor
    /// (`Type::new(..)`, a struct, array or tuple literal, `vec!`, `format!`), a method that
    /// makes a value (`collect`, `to_string`, `lock`, `iter`), passed on by `unwrap`-like
    /// methods and `?`, or a move of an owning binding.
    pub(crate) fn owning_value(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Place { place, .. } => {
                place.path.is_empty() && self.ir.bindings[place.binding].owns
            }
            ExprKind::Macro { mac, .. } => mac
                .path
                .segments
                .last()
                .is_some_and(|s| OWNING_MACROS.contains(&s.ident.to_string().as_str())),
            ExprKind::Try { inner, .. } => self.owning_value(inner),
            // A closure (or an `async` block) is a value of its own, never a reference: a
            // closure that calls it (`|x| double(double(x))`) captures the local.
            ExprKind::Closure { .. } => true,
            ExprKind::Block { block, .. } => matches!(
                block.stmts.last(),
                Some(crate::lower::flat::ir::Stmt::Expr { expr, semi: false, .. })
                    if self.owning_value(expr)
            ),
            ExprKind::Op { syn, operands, .. } => match syn {
                SynExpr::Struct(_)
                | SynExpr::Array(_)
                | SynExpr::Repeat(_)
                | SynExpr::Tuple(_)
                | SynExpr::Range(_) => true,
                // A number, `bool` or `char` (a string literal is a reference).
                SynExpr::Lit(l) => !matches!(
                    l.lit,
                    syn::Lit::Str(_) | syn::Lit::ByteStr(_) | syn::Lit::CStr(_)
                ),
                SynExpr::Paren(_) | SynExpr::Group(_) | SynExpr::Try(_) => {
                    operands.first().is_some_and(|o| self.owning_value(o))
                }
                // A number computed by arithmetic, a negation, a cast: a value, never a
                // reference.
                SynExpr::Binary(_) | SynExpr::Unary(_) | SynExpr::Cast(_)
                    if super::syntax_facts::numeric(syn) =>
                {
                    true
                }
                // `Type::function(..)`: a constructor (the callee is operand 0; the syntax
                // keeps a hole for it); `fs::read_to_string(..)` and the other `fs` functions.
                SynExpr::Call(_) => {
                    matches!(&operands[0].kind, ExprKind::Op {
                        syn: SynExpr::Path(p),
                        ..
                    } if {
                        let segs = &p.path.segments;
                        let ty = segs.len().checked_sub(2).map(|i| segs[i].ident.to_string());
                        let f = segs.last().map(|s| s.ident.to_string());
                        // `Path::new(&s)`, `OsStr::new(..)`, `CStr::from_bytes_with_nul(..)`
                        // return references.
                        ty.as_deref().is_some_and(|ty| {
                            ty == "fs"
                                || (ty.starts_with(|c: char| c.is_ascii_uppercase())
                                    && !matches!(ty, "Path" | "OsStr" | "CStr"))
                        }) || f.as_deref() == Some("read_to_string")
                    }) || self.wraps_owned_values(&operands[0], &operands[1..])
                }
                SynExpr::MethodCall(m) => {
                    let name = m.method.to_string();
                    MAKES_VALUE.contains(&name.as_str())
                        // `v.clone()` of an owned `v` (of a reference it may be the reference).
                        || (name == "clone" && operands.first().is_some_and(|o| self.owning_value(o)))
                        || ((PASS_ON.contains(&name.as_str()) || ADAPTERS.contains(&name.as_str()))
                            && operands.first().is_some_and(|o| self.owning_value(o)))
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// `Some(String::from("a"))`, `Ok(v.clone())`, `Wrapper(vec![..])`: a variant or tuple
    /// struct (a callee named alone, capitalized) of arguments that all own their values.
    fn wraps_owned_values(&self, callee: &Expr, args: &[Expr]) -> bool {
        let constructor = matches!(&callee.kind, ExprKind::Op { syn: SynExpr::Path(p), .. }
            if p.path.segments.len() == 1
                && p.path.segments[0].ident.to_string().starts_with(|c: char| c.is_ascii_uppercase()));
        constructor && !args.is_empty() && args.iter().all(|a| self.owning_value(a))
    }

    fn plain_tail(&self, block: &crate::lower::flat::ir::Block) -> bool {
        matches!(block.stmts.last(), Some(crate::lower::flat::ir::Stmt::Expr { expr, semi: false, .. }) if self.plain_value(expr))
    }

    /// `a..b` (or `a..=b`) over plain data.
    pub(crate) fn plain_range(&self, e: &Expr) -> bool {
        matches!(
            &e.kind,
            ExprKind::Op {
                syn: SynExpr::Range(_),
                ..
            }
        ) && self.plain_value(e)
    }

    /// Whether the operands of the arithmetic `e` are numbers, so `Copy` (`n + 1`, `k * (x as
    /// u64)`, `total + p` with `let mut total = 0;`): one of them is known to be one. Without
    /// that, `total + p` may add two values of a type of the user's with `Add` (a `Money`),
    /// which takes both by value.
    pub(super) fn operands_are_numbers(&self, e: &SynExpr) -> bool {
        match e {
            SynExpr::Binary(b) => self.known_number(&b.left) || self.known_number(&b.right),
            SynExpr::Paren(p) => self.operands_are_numbers(&p.expr),
            // A cast takes and makes numbers; `-x`, `!x` of a user's type is rare.
            _ => true,
        }
    }

    /// `e` is a number: a literal, a cast, a local of plain data, `len()`, or arithmetic on one.
    fn known_number(&self, e: &SynExpr) -> bool {
        match e {
            SynExpr::Paren(p) => self.known_number(&p.expr),
            SynExpr::Binary(b) if super::syntax_facts::numeric(e) => {
                self.known_number(&b.left) || self.known_number(&b.right)
            }
            SynExpr::MethodCall(m) => {
                matches!(m.method.to_string().as_str(), "len" | "count") && m.args.is_empty()
            }
            _ => {
                super::syntax_facts::is_number(e)
                    || self
                        .place_of(e)
                        .is_some_and(|p| p.path.is_empty() && self.ir.bindings[p.binding].plain)
            }
        }
    }
}
