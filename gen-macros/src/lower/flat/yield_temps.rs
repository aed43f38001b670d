//! The temporaries of a yield's operand.
//!
//! Rust keeps the temporaries of a statement until the statement ends: in a `gen` block,
//! `yield log.guard("t").len();` keeps the guard until the generator resumes, and a plain
//! function handing the item to a callback (`sink(log.guard("t").len())`) keeps it while the
//! callback runs. A flat generator keeps locals across a yield, not temporaries. So, before the
//! body is built, the values the operand makes and then reads in place (a method's receiver, a
//! field's or an index's base, a dereferenced guard) along the path it evaluates first become
//! hidden locals of a block around the yield: desugar
//!
//! ```text
//! yield_!(log.guard("t").len());          yield_!(make().x.len());   (or `Made { .. }.n`)
//! ```
//! into
//! ```text
//! { let __gen_y0 = log.guard("t");         { let __gen_y0 = make();
//!   let mut __gen_y1 = __gen_y0;             let mut __gen_y1 = __gen_y0;
//!   yield_!(__gen_y1.len()); }               yield_!(__gen_y1.x.len()); }
//! ```
//! They are what the operand evaluates first either way, so the order is Rust's, and they
//! drop when the generator resumes, in the reverse of the order they were made, as the
//! statement's temporaries do. (The second `let` is the macro's `mut`, with its own
//! `#[allow(unused_mut)]` that covers no user code.) A value the plan finds may borrow a local
//! is not kept across the yield (README limit 5), as before.
//!
//! A receiver is a temporary only for a method that takes `&self` or `&mut self` on every std
//! type that has it (`len`, `pop`, `next`, `clone`, ..): a method that takes `self` moves it
//! (`it.next().unwrap()`), and the macro cannot see the receiver of a method of the user's own
//! (`Span::new("t").id()`): hoisted, a value such a method moves would still be kept (README
//! limit 4). Left as written: an operand whose item may borrow a temporary
//! (`make().as_str()`, `&make()`): an item cannot borrow what the generator keeps.

use proc_macro2::Span;
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, Ident};

use super::build::methods::{BORROWING, REFERENCES_OUT};
use super::build::operands::consumes_receiver;
use super::build::receiver_methods::KEEPS_RECEIVER;

/// The prefix of the hidden locals.
const PREFIX: &str = "__gen_y";

/// `block` with the temporaries of its yields' operands desugared into hidden locals, or
/// `None` when there are none.
pub(crate) fn desugar(block: &Block) -> Option<Block> {
    let mut d = Desugar { next: 0 };
    let mut out = block.clone();
    d.visit_block_mut(&mut out);
    (d.next > 0).then_some(out)
}

/// Whether the flat lowering keeps temporaries of `operand` (see the module docs).
fn keeps_temporaries(operand: &Expr) -> bool {
    !may_borrow_a_temporary(operand)
        && !unknown_receiver(operand)
        && innermost_temporary(&mut operand.clone()).is_some()
}

/// Whether a value is the receiver of a method the macro does not know on the path `e`
/// evaluates first (`n("t").name()`): it may be a temporary that the method's result borrows,
/// which only the plain statement keeps alive.
fn unknown_receiver(e: &Expr) -> bool {
    let unknown_here = matches!(e, Expr::MethodCall(m)
    if makes_a_value(&m.receiver) && {
        let name = m.method.to_string();
        !KEEPS_RECEIVER.contains(&name.as_str()) && !consumes_receiver(&name, m.args.len())
    });
    unknown_here || first_evaluated(e).is_some_and(|(child, _)| unknown_receiver(child))
}

/// Whether `operand` holds, anywhere (closures' and blocks' bodies included), an expression
/// that `kind` accepts (a closure, a struct literal).
pub(crate) fn holds(operand: &Expr, kind: fn(&Expr) -> bool) -> bool {
    struct Find(fn(&Expr) -> bool, bool);
    impl<'a> syn::visit::Visit<'a> for Find {
        fn visit_expr(&mut self, e: &'a Expr) {
            self.1 |= (self.0)(e);
            if !self.1 {
                syn::visit::visit_expr(self, e);
            }
        }
    }
    let mut find = Find(kind, false);
    syn::visit::Visit::visit_expr(&mut find, operand);
    find.1
}

/// Whether `ident` names a hidden local of a yield's temporary. One that may borrow something
/// is kept across the yield only while it is read (`Plan::layout`), and dropped before the
/// state changes when it is not (`emit/dead_guards.rs`).
pub(crate) fn is_yield_temporary(ident: &Ident) -> bool {
    ident.to_string().starts_with(PREFIX)
}

struct Desugar {
    next: usize,
}

impl VisitMut for Desugar {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if matches!(e, Expr::Closure(_) | Expr::Async(_)) {
            return;
        }
        visit_mut::visit_expr_mut(self, e);
    }

    fn visit_block_mut(&mut self, block: &mut Block) {
        visit_mut::visit_block_mut(self, block);
        for stmt in &mut block.stmts {
            if let syn::Stmt::Expr(e, _) = stmt {
                self.rewrite(e);
            }
        }
    }

    fn visit_arm_mut(&mut self, arm: &mut syn::Arm) {
        visit_mut::visit_arm_mut(self, arm);
        self.rewrite(&mut arm.body);
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    fn visit_macro_mut(&mut self, _: &mut syn::Macro) {}
}

impl Desugar {
    /// Desugar `e`, a yield that is a statement (or a block's tail, or a `match` arm), whose
    /// operand keeps temporaries (see the module docs).
    fn rewrite(&mut self, e: &mut Expr) {
        let Expr::Yield(y) = e else {
            return;
        };
        let Some(value) = &mut y.expr else {
            return;
        };
        if !keeps_temporaries(value) {
            return;
        }
        let mut lets: Vec<syn::Stmt> = Vec::new();
        while let Some(temp) = innermost_temporary(value) {
            // At the temporary: a check of what the state keeps (`+ Send`) points there.
            let at = super::spans::Spans::of_expr(temp).0;
            let (made, held) = (self.fresh(at), self.fresh(at));
            let value_of_temp = std::mem::replace(temp, syn::parse_quote!(#held));
            lets.push(syn::parse_quote!(let #made = #value_of_temp;));
            lets.push(syn::parse_quote!(#[allow(unused_mut)] let mut #held = #made;));
        }
        let yielded = std::mem::replace(e, Expr::Verbatim(Default::default()));
        *e = syn::parse_quote!({ #(#lets)* #yielded });
    }

    fn fresh(&mut self, at: Span) -> Ident {
        let ident = Ident::new(
            &format!("{PREFIX}{}", self.next),
            Span::mixed_site().located_at(at),
        );
        self.next += 1;
        ident
    }
}

/// The innermost temporary on the path `e` evaluates first (`e` itself excluded: the item).
fn innermost_temporary(e: &mut Expr) -> Option<&mut Expr> {
    // The depth of the innermost value read in place along the path.
    let mut depth = None;
    let (mut cur, mut d) = (&*e, 0);
    while let Some((child, in_place)) = first_evaluated(cur) {
        d += 1;
        if in_place && makes_a_value(child) {
            depth = Some(d);
        }
        cur = child;
    }
    let mut cur = e;
    for _ in 0..depth? {
        cur = first_evaluated_mut(cur)?;
    }
    Some(cur)
}

/// The operand `e` evaluates first, and whether `e` reads it in place (a receiver of a method
/// that does not take it by value, a base, an operand of `*`), so that a value made there is
/// a temporary.
fn first_evaluated(e: &Expr) -> Option<(&Expr, bool)> {
    Some(match e {
        Expr::Paren(p) => (&p.expr, false),
        // A `macro_rules!` fragment (`$e:expr`), invisible parentheses.
        Expr::Group(g) => (&g.expr, false),
        Expr::MethodCall(m) => {
            let name = m.method.to_string();
            let in_place = KEEPS_RECEIVER.contains(&name.as_str());
            (&m.receiver, in_place)
        }
        Expr::Field(f) => (&f.base, true),
        Expr::Index(i) => (&i.expr, true),
        // `*m.lock().unwrap()`: a guard dereferenced (not a raw pointer or a reference, whose
        // dereference is a place, and a hidden local would hide it from the user's lints).
        Expr::Unary(u) => (
            &u.expr,
            matches!(u.op, syn::UnOp::Deref(_)) && super::build::let_kinds::makes_guard(&u.expr),
        ),
        Expr::Cast(c) => (&c.expr, false),
        Expr::Try(t) => (&t.expr, false),
        Expr::Binary(b) => (&b.left, false),
        Expr::Call(c) if matches!(&*c.func, Expr::Path(_)) => (c.args.first()?, false),
        Expr::Tuple(t) => (t.elems.first()?, false),
        Expr::Struct(s) if s.rest.is_none() => (&s.fields.first()?.expr, false),
        // A `match`'s scrutinee keeps its temporaries to the end of the `match` (an `if`'s
        // condition drops them before a branch runs).
        Expr::Match(m) => (&m.expr, false),
        _ => return None,
    })
}

/// [`first_evaluated`], to rewrite it.
fn first_evaluated_mut(e: &mut Expr) -> Option<&mut Expr> {
    Some(match e {
        Expr::Paren(p) => &mut p.expr,
        Expr::Group(g) => &mut g.expr,
        Expr::MethodCall(m) => &mut m.receiver,
        Expr::Field(f) => &mut f.base,
        Expr::Index(i) => &mut i.expr,
        Expr::Unary(u) => &mut u.expr,
        Expr::Cast(c) => &mut c.expr,
        Expr::Try(t) => &mut t.expr,
        Expr::Binary(b) => &mut b.left,
        Expr::Call(c) if matches!(&*c.func, Expr::Path(_)) => c.args.first_mut()?,
        Expr::Tuple(t) => t.elems.first_mut()?,
        Expr::Struct(s) if s.rest.is_none() => &mut s.fields.first_mut()?.expr,
        Expr::Match(m) => &mut m.expr,
        _ => return None,
    })
}

/// A call, a method call, a struct literal, a tuple or an array: a value made here (a place,
/// a literal or a constant is none).
fn makes_a_value(e: &Expr) -> bool {
    match e {
        Expr::Paren(p) => makes_a_value(&p.expr),
        Expr::Group(g) => makes_a_value(&g.expr),
        Expr::Call(_) | Expr::MethodCall(_) | Expr::Struct(_) | Expr::Array(_) => true,
        // `parse(&line)?`: the value moved out of the `Ok`.
        Expr::Try(_) => true,
        Expr::Tuple(t) => !t.elems.is_empty(),
        // `vec![..]`, `format!(..)`: std's value-making macros.
        Expr::Macro(m) => m.mac.path.is_ident("vec") || m.mac.path.is_ident("format"),
        _ => false,
    }
}

/// Whether the item may be (or hold) a borrow of a temporary: a reference, or a method that
/// borrows its receiver, on the path the operand evaluates first.
fn may_borrow_a_temporary(e: &Expr) -> bool {
    // A call's value may borrow its arguments: a temporary among them (`make(&n.clone())`),
    // not a borrow of a place (`make(&n)`, `make(n.as_str())`, `G::new(&*n)`).
    if let Expr::Call(c) = e {
        return c
            .args
            .iter()
            .any(|a| !borrows_a_place(a) && may_borrow_a_temporary(a));
    }
    let borrows_here = match e {
        Expr::Reference(_) => true,
        Expr::MethodCall(m) => {
            let name = m.method.to_string();
            BORROWING.contains(&name.as_str())
                || REFERENCES_OUT.contains(&name.as_str())
                || name == "last"
        }
        _ => false,
    };
    borrows_here || first_evaluated(e).is_some_and(|(child, _)| may_borrow_a_temporary(child))
}

/// A place, a reference to one (`&n`, `&*n`, `&v[i]`) or a view of one a std method makes
/// (`n.as_str()`): a value that borrows no temporary.
fn borrows_a_place(e: &Expr) -> bool {
    match e {
        Expr::Paren(p) => borrows_a_place(&p.expr),
        Expr::Group(g) => borrows_a_place(&g.expr),
        Expr::Reference(r) => is_place(&r.expr),
        Expr::MethodCall(m) => {
            let name = m.method.to_string();
            (BORROWING.contains(&name.as_str()) || REFERENCES_OUT.contains(&name.as_str()))
                && is_place(&m.receiver)
        }
        _ => is_place(e),
    }
}

/// A local, a field or an element of one, or a dereference of one: no temporary.
pub(crate) fn is_place(e: &Expr) -> bool {
    match e {
        Expr::Path(_) => true,
        Expr::Paren(p) => is_place(&p.expr),
        Expr::Group(g) => is_place(&g.expr),
        Expr::Field(f) => is_place(&f.base),
        Expr::Index(i) => is_place(&i.expr),
        Expr::Unary(u) => matches!(u.op, syn::UnOp::Deref(_)) && is_place(&u.expr),
        _ => false,
    }
}
