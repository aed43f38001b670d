//! Readers: bindings whose type implements `std::io::Read`/`BufRead`, seen in a parameter's
//! type (`R` bounded by `BufRead`, `impl Read`, `BufReader<..>`, `Box<dyn BufRead>`) or a
//! `let`'s (`BufReader::new(..)`, `Cursor::new(..)`, `File::open(..)?`, `stdin().lock()`).
//!
//! `lines()`, `bytes()` and `split(b)` borrow text (`str::lines(&self)`) but take a reader
//! (`BufRead::lines(self)`): on a reader, desugar `reader.lines()` into a move of `reader`
//! (the macro keeps the iterator, not the reader, across the loop's yields).

use syn::{GenericParam, Generics, Type, TypeParamBound, WherePredicate};

/// The methods that take `self` on a reader and `&self` on text: `lines()`, `bytes()`, and
/// `split(b)` but with a pattern only text takes (`split(',')`, `split(", ")`, a closure).
pub(super) fn consumes_reader(m: &syn::ExprMethodCall) -> bool {
    let text_pattern = |e: &syn::Expr| match e {
        syn::Expr::Lit(l) => matches!(l.lit, syn::Lit::Char(_) | syn::Lit::Str(_)),
        syn::Expr::Closure(_) => true,
        _ => false,
    };
    match (m.method.to_string().as_str(), m.args.len()) {
        ("lines" | "bytes", 0) => true,
        ("split", 1) => !text_pattern(&m.args[0]),
        _ => false,
    }
}

/// Whether a parameter of type `ty` is a reader, with the function's `generics`.
pub(super) fn reader_type(ty: &Type, generics: Option<&Generics>) -> bool {
    match ty {
        Type::Paren(p) => reader_type(&p.elem, generics),
        Type::Group(g) => reader_type(&g.elem, generics),
        Type::ImplTrait(t) => reader_bounds(t.bounds.iter()),
        Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            if p.path.segments.len() == 1
                && matches!(last.arguments, syn::PathArguments::None)
                && let Some(g) = generics
                && bounded_as_reader(&last.ident, g)
            {
                return true;
            }
            if last.ident == "Box"
                && let syn::PathArguments::AngleBracketed(a) = &last.arguments
                && let Some(syn::GenericArgument::Type(Type::TraitObject(o))) = a.args.first()
            {
                return reader_bounds(o.bounds.iter());
            }
            READER_TYPES.contains(&last.ident.to_string().as_str())
        }
        _ => false,
    }
}

/// Whether a `let` initialised with `init` holds a reader: `BufReader::new(..)`,
/// `Cursor::new(..)`, `File::open(..)` (through `?`, `unwrap()` or `expect(..)`),
/// `stdin().lock()`.
pub(super) fn reader_value(init: &syn::Expr) -> bool {
    let init = super::syntax_facts::peel_unwraps(init);
    match init {
        syn::Expr::MethodCall(m) if m.method == "lock" && m.args.is_empty() => {
            matches!(&*m.receiver, syn::Expr::Call(c) if matches!(&*c.func,
                syn::Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "stdin")))
        }
        syn::Expr::Call(_) => {
            super::syntax_facts::callee_segments(init).is_some_and(|segs| match &segs[..] {
                [.., ty, f] => {
                    READER_TYPES.contains(&ty.as_str())
                        && matches!(f.as_str(), "new" | "with_capacity" | "open")
                }
                _ => false,
            })
        }
        _ => false,
    }
}

/// std types that implement `Read` (and some `BufRead`) and have no `lines`/`bytes`/`split`
/// of their own.
const READER_TYPES: &[&str] = &[
    "BufReader",
    "Cursor",
    "StdinLock",
    "Stdin",
    "File",
    "TcpStream",
    "UnixStream",
    "ChildStdout",
    "ChildStderr",
    "Empty",
];

fn reader_bounds<'a>(mut bounds: impl Iterator<Item = &'a TypeParamBound>) -> bool {
    bounds.any(|b| {
        matches!(b, TypeParamBound::Trait(t)
            if t.path.segments.last().is_some_and(|s| s.ident == "Read" || s.ident == "BufRead"))
    })
}

/// `R: BufRead` in the generic parameters or the where clause.
fn bounded_as_reader(name: &syn::Ident, generics: &Generics) -> bool {
    let inline = generics.params.iter().any(|p| {
        matches!(p, GenericParam::Type(t) if t.ident == *name && reader_bounds(t.bounds.iter()))
    });
    let in_where = generics.where_clause.as_ref().is_some_and(|w| {
        w.predicates.iter().any(|p| {
            matches!(p, WherePredicate::Type(t)
                if matches!(&t.bounded_ty, Type::Path(tp) if tp.path.is_ident(name))
                    && reader_bounds(t.bounds.iter()))
        })
    });
    inline || in_where
}

impl super::Builder<'_> {
    /// `text.lines()` (or `bytes()`, `split(b)`, through adapters: `text.lines().enumerate()`)
    /// of a local the macro cannot tell text from a reader (`let text = read();`): the local
    /// it borrows if it is text. Kept beside that local across a yield, the body is lowered
    /// `boxed` (`plan/inexact.rs`), where either is exact.
    pub(super) fn text_or_reader_view(&self, e: &crate::lower::flat::ir::Expr) -> bool {
        use crate::lower::flat::ir::ExprKind;
        let Some((m, operands)) = super::item_chains::method_call(e) else {
            return false;
        };
        let name = m.method.to_string();
        if super::methods::ADAPTERS.contains(&name.as_str()) {
            return self.text_or_reader_view(&operands[0]);
        }
        // `split(',')`: the pattern of the hollowed call is among the operands.
        let text_pattern = operands.get(1).is_some_and(|p| match &p.kind {
            ExprKind::Op {
                syn: syn::Expr::Lit(l),
                ..
            } => {
                matches!(l.lit, syn::Lit::Char(_) | syn::Lit::Str(_))
            }
            ExprKind::Closure { .. } => true,
            _ => false,
        });
        consumes_reader(m)
            && !text_pattern
            && matches!(&operands[0].kind, ExprKind::Place { place, .. }
            if place.path.is_empty() && {
                let b = place.binding;
                !self.ir.bindings[b].by_ref
                    && !self.ir.texts.contains(&b)
                    && !self.ir.readers.contains(&b)
            })
    }

    /// `if let Some(v) = m.get(&k)`, `match lines.first() { .. }`: the bindings of a pattern
    /// matched against a view of a local (`view_of_a_local`) that probably borrow it are
    /// views of it too.
    pub(super) fn note_scrutinee_views(
        &mut self,
        scrutinee: &crate::lower::flat::ir::Expr,
        bindings: &[crate::lower::flat::ir::BindingId],
    ) {
        let viewing_temp = matches!(&scrutinee.kind,
            crate::lower::flat::ir::ExprKind::Place { place, .. }
                if place.path.is_empty() && self.ir.likely_views.contains(&place.binding));
        if view_of_a_local(scrutinee) || viewing_temp {
            for &b in bindings {
                if matches!(
                    self.ir.bindings[b].borrows,
                    crate::lower::flat::ir::Borrows::Likely(_)
                ) {
                    self.ir.likely_views.insert(b);
                }
            }
        }
    }

    /// `&cfg.mode`, `&state.phase.kind`: a borrow of a field of a local that is no reference.
    pub(super) fn field_of_a_local_borrowed(&self, e: &syn::Expr) -> bool {
        let syn::Expr::Reference(r) = e else {
            return false;
        };
        matches!(&*r.expr, syn::Expr::Field(_))
            && self
                .place_of(&r.expr)
                .is_some_and(|p| !p.path.is_empty() && !self.ir.bindings[p.binding].by_ref)
    }

    /// `reader.lines()` (or `bytes()`, `split(b)`) on a reader binding: a move of it.
    pub(super) fn reader_call(&self, e: &syn::Expr) -> bool {
        let syn::Expr::MethodCall(m) = e else {
            return false;
        };
        consumes_reader(m)
            && self
                .place_of(&m.receiver)
                .is_some_and(|p| p.path.is_empty() && self.ir.readers.contains(&p.binding))
    }
}

/// `v.first()`, `v.first().map(..)`, `s.as_str()`: a std method that borrows its receiver's
/// data, called on a local, through the methods that hand its value on.
pub(super) fn std_view_of_a_local(e: &crate::lower::flat::ir::Expr) -> bool {
    use crate::lower::flat::ir::ExprKind;
    let Some((m, operands)) = super::item_chains::method_call(e) else {
        return false;
    };
    let name = m.method.to_string();
    if super::methods::PASS_ON.contains(&name.as_str())
        || matches!(name.as_str(), "map" | "and_then")
    {
        return std_view_of_a_local(&operands[0]);
    }
    super::methods::BORROWING.contains(&name.as_str())
        && matches!(&operands[0].kind, ExprKind::Place { place, .. } if place.path.is_empty())
}

/// `&data[0]`, `&lines[1..]`, `&cfg.mode`, `lines[1..].iter()`, or a std view of a local
/// (`std_view_of_a_local`): an element or a part of a local, borrowed in place.
pub(super) fn view_of_a_local(e: &crate::lower::flat::ir::Expr) -> bool {
    use crate::lower::flat::ir::ExprKind;
    let indexed = |e: &crate::lower::flat::ir::Expr| {
        matches!(&e.kind, ExprKind::Op { syn: syn::Expr::Index(_), operands, .. }
            if matches!(&operands[0].kind, ExprKind::Place { place, .. } if place.path.is_empty()))
    };
    // `&cfg.mode`: a field of a local.
    let field = |e: &crate::lower::flat::ir::Expr| matches!(&e.kind, ExprKind::Place { place, .. } if !place.path.is_empty());
    match &e.kind {
        ExprKind::Op {
            syn: syn::Expr::Reference(_),
            operands,
            ..
        } => indexed(&operands[0]) || field(&operands[0]),
        ExprKind::Op {
            syn: syn::Expr::MethodCall(m),
            operands,
            ..
        } if super::methods::BORROWING.contains(&m.method.to_string().as_str())
            && indexed(&operands[0]) =>
        {
            true
        }
        _ => std_view_of_a_local(e),
    }
}
