//! What calls and closures say about the borrows of their values, judged from the syntax of
//! the callee or the closure's body (`borrows.rs` uses them): std functions that return an
//! owned value (`mem::take`, `Rc::clone`), `Iterator::next` of a desugared loop step, and
//! whether a closure reads a reference capture only through it.

use syn::Expr as SynExpr;

use crate::lower::flat::ir::{Expr, ExprKind};

/// `mem::replace(&mut x, v)`, `mem::take(&mut x)` (or `replace`/`take` imported from
/// `mem`): the value returned is the old one, owned, not a borrow of `x`.
pub(super) fn returns_owned(callee: &Expr) -> bool {
    let Some(names) = callee_names(callee) else {
        return false;
    };
    match names.as_slice() {
        [.., last] if last != "replace" && last != "take" => false,
        [_] => true,
        [.., module, _] => module == "mem",
        [] => false,
    }
}

/// `Rc::clone`, `Arc::clone`, `Rc::downgrade`, `Arc::downgrade`, `Clone::clone`,
/// `ToOwned::to_owned`: a function that makes a value of its own from a reference.
pub(super) fn clones_its_argument(callee: &Expr) -> bool {
    let Some(names) = callee_names(callee) else {
        return false;
    };
    matches!(
        names
            .iter()
            .map(String::as_str)
            .rev()
            .take(2)
            .collect::<Vec<_>>()[..],
        ["clone" | "downgrade", "Rc" | "Arc"] | ["clone", "Clone"] | ["to_owned", "ToOwned"]
    )
}

/// Whether every use of `name` in `closure`'s body reads through it: the receiver of a method
/// call, the base of an index or of a field (a closure then captures the place it points to).
pub(super) fn only_read_through(closure: &SynExpr, name: &str) -> bool {
    use syn::visit::Visit;
    struct Uses<'n> {
        name: &'n str,
        whole: bool,
    }
    fn is_name(e: &SynExpr, name: &str) -> bool {
        matches!(e, SynExpr::Path(p) if p.path.is_ident(name))
    }
    impl<'a> Visit<'a> for Uses<'_> {
        fn visit_expr(&mut self, e: &'a SynExpr) {
            match e {
                SynExpr::MethodCall(m) if is_name(&m.receiver, self.name) => {
                    for arg in &m.args {
                        self.visit_expr(arg);
                    }
                }
                SynExpr::Index(i) if is_name(&i.expr, self.name) => self.visit_expr(&i.index),
                SynExpr::Field(f) if is_name(&f.base, self.name) => {}
                SynExpr::Path(p) if p.path.is_ident(self.name) => self.whole = true,
                // Another macro's input may use the name whole (`format!("{v}")`).
                SynExpr::Macro(m) if names_in_macro(&m.mac, self.name) => self.whole = true,
                _ => syn::visit::visit_expr(self, e),
            }
        }
    }
    let SynExpr::Closure(c) = closure else {
        return false;
    };
    let mut uses = Uses { name, whole: false };
    uses.visit_expr(&c.body);
    !uses.whole
}

/// The segments of a callee written as a path (`mem::take` -> `["mem", "take"]`).
fn callee_names(callee: &Expr) -> Option<Vec<String>> {
    let ExprKind::Op {
        syn: SynExpr::Path(p),
        ..
    } = &callee.kind
    else {
        return None;
    };
    Some(super::syntax_facts::path_segments(&p.path))
}

/// `move |..| ..` or `async move { .. }`: the captures are moved in, not borrowed.
pub(super) fn moves_captures(e: &SynExpr) -> bool {
    match e {
        SynExpr::Closure(c) => c.capture.is_some(),
        SynExpr::Async(a) => a.capture.is_some(),
        _ => true,
    }
}

/// `Iterator::next` (or `next` imported): the callee of a desugared `for` step.
pub(super) fn calls_next(callee: &Expr) -> bool {
    matches!(&callee.kind, ExprKind::Op { syn: SynExpr::Path(p), .. }
        if (p.path.segments.last().is_some_and(|s| s.ident == "next")
            && p.path.segments.iter().rev().nth(1).is_none_or(|s| s.ident == "Iterator"))
            || (p.path.segments.last().is_some_and(|s| s.ident == "step_in_place")
                && p.path.segments.iter().rev().nth(1).is_some_and(|s| s.ident == "__private")))
}

/// Whether every use of `name` in `closure`'s body is `name` or `*name` as an operand of
/// arithmetic or a comparison (`|x| x + k`, `|x| x * 4 + *b`): a number (or one read through
/// a box or a reference), which the closure captures by reference (a value of a type of your
/// own with an `Add` that takes it by value, moved there, would make the closure callable
/// once).
pub(super) fn only_numbers_through(closure: &SynExpr, name: &str) -> bool {
    use syn::visit::Visit;
    struct Uses<'n> {
        name: &'n str,
        through: bool,
        other: bool,
    }
    impl Uses<'_> {
        fn operand(&mut self, e: &SynExpr) {
            match e {
                SynExpr::Paren(p) => self.operand(&p.expr),
                SynExpr::Unary(u)
                    if matches!(u.op, syn::UnOp::Deref(_))
                        && matches!(&*u.expr, SynExpr::Path(p) if p.path.is_ident(self.name)) =>
                {
                    self.through = true;
                }
                SynExpr::Path(p) if p.path.is_ident(self.name) => self.through = true,
                _ => self.visit_expr(e),
            }
        }
    }
    impl<'a> Visit<'a> for Uses<'_> {
        fn visit_expr(&mut self, e: &'a SynExpr) {
            match e {
                SynExpr::Binary(b)
                    if super::syntax_facts::numeric(e)
                        || super::syntax_facts::is_comparison(&b.op) =>
                {
                    self.operand(&b.left);
                    self.operand(&b.right);
                }
                SynExpr::Path(p) if p.path.is_ident(self.name) => self.other = true,
                SynExpr::Macro(m) if names_in_macro(&m.mac, self.name) => self.other = true,
                _ => syn::visit::visit_expr(self, e),
            }
        }
    }
    let SynExpr::Closure(c) = closure else {
        return false;
    };
    let mut uses = Uses {
        name,
        through: false,
        other: false,
    };
    uses.visit_expr(&c.body);
    uses.through && !uses.other
}

/// Whether a macro's input names `name` (it may use it any way: `format!("{v}")`).
fn names_in_macro(mac: &syn::Macro, name: &str) -> bool {
    mac.tokens
        .to_string()
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .any(|w| w == name)
}

impl super::Builder<'_> {
    /// Notes the callee of `e` when it is a field of a local (`(job.run)()`, built as
    /// `built[0]`): `Ir::called_fields`.
    pub(super) fn note_called_field(&mut self, e: &SynExpr, built: &[Expr]) {
        if !matches!(e, SynExpr::Call(_)) {
            return;
        }
        let mut callee = built.first();
        while let Some(Expr {
            kind:
                ExprKind::Op {
                    syn: SynExpr::Paren(_),
                    operands,
                    ..
                },
            ..
        }) = callee
        {
            callee = operands.first();
        }
        if let Some(Expr {
            kind: ExprKind::Place { place, id, .. },
            ..
        }) = callee
            && matches!(
                place.path.last(),
                Some(crate::lower::flat::ir::Proj::Field(_))
            )
            && !self.ir.bindings[place.binding].by_ref
        {
            self.ir.called_fields.push(*id);
        }
    }
}
