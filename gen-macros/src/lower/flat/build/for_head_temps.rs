//! The temporaries of a `for` loop's head, when the loop's body yields.
//!
//! Rust keeps the temporaries of a `for` loop's head until the loop ends. A flat generator
//! keeps locals across a yield, not temporaries:
//! - A guard the head uses up (`for x in cache.borrow().clone()`, `for job in
//!   queue.lock().unwrap().clone()`): desugar `for p in guard.m(..) { .. }` into `{ let t =
//!   guard; for p in t.m(..) { .. } }`, which drops `t` after the loop's iterator, as Rust
//!   drops the temporary. The plan keeps `t` across the yields when it borrows nothing of the
//!   generator's (a lock reached through a reference argument or `&self`), and drops it when
//!   it is no longer used otherwise, as any value that may borrow a local (README limit 4).
//! - An iterator that borrows a temporary of its own head (`for job in
//!   queue.lock().unwrap().drain(..)`, `for x in &Rows::new(n)`): the plain function's loop is
//!   limit 1's shape, with a temporary instead of a named local. Report it on the temporary
//!   with the fixes that apply, instead of rustc's error about a borrow escaping the state
//!   machine.
//! - An iterator that borrows a function's value (`for x in make_list(&src).iter()`): a
//!   temporary if the function returns a value, none if it returns a reference; the body is
//!   lowered `boxed`, exact for both.

use syn::Expr as SynExpr;

use super::Builder;
use super::methods::ADAPTERS;
use super::nodes::Find;

/// Methods whose iterator (or value) borrows the receiver on every type that has them.
const BORROWS_RECEIVER: &[&str] = &[
    "iter",
    "iter_mut",
    "drain",
    "chars",
    "char_indices",
    "split_whitespace",
    "split_ascii_whitespace",
    "windows",
    "chunks",
    "chunks_exact",
    "keys",
    "values",
    "values_mut",
    "as_bytes",
    "as_str",
    "as_slice",
];

impl Builder<'_> {
    /// The error of a `for` loop over `iterable` whose body yields, when its iterator borrows
    /// a temporary of the head.
    pub(super) fn check_for_head(&mut self, iterable: &SynExpr, body: &syn::Block) {
        if yields_in(body) {
            self.check_iterated_temporary(iterable, false);
        }
    }

    /// The same for `yield_from!(iterable)`, a loop whose body yields (`from`), or for a
    /// `for` loop whose body yields.
    pub(super) fn check_iterated_temporary(&mut self, iterable: &SynExpr, from: bool) {
        // `for x in make_list(&src).iter()`: a function's value is a temporary the loop
        // borrows when it is owned, and no temporary when it is a reference (`get(&self.v)`),
        // which the macro cannot tell apart: lowered `boxed`, exact for both.
        if borrowed_call_value(iterable) {
            self.ir.inexpressible = true;
            return;
        }
        let Some(temp) = borrowed_temporary(iterable) else {
            return;
        };
        let boxed = crate::lower::flat::plan::borrow_errors::boxed_alternative(self.inline);
        let (what, until, over, before) = if from {
            (
                "this `yield_from!`",
                "it has yielded its last item",
                "yield from",
                "first",
            )
        } else {
            ("this loop", "the loop ends", "loop over", "before the loop")
        };
        let fix = match method_borrowing(iterable) {
            None if from => {
                "yield from the value itself (`yield_from!(value)`, without `&`)".to_owned()
            }
            None => "loop over the value itself (`for x in value`, without `&`)".to_owned(),
            Some(m @ ("drain" | "chars" | "char_indices")) => {
                let args = if m == "drain" { ".." } else { "" };
                format!(
                    "collect the items {before} (`let items: Vec<_> = \
                     ...{m}({args}).collect();`) and {over} `items`"
                )
            }
            Some(m @ ("iter" | "iter_mut" | "keys" | "values" | "values_mut")) => format!(
                "copy the items out {before} (`let items: Vec<_> = \
                 ...{m}().cloned().collect();`) and {over} `items`"
            ),
            Some(m) => format!(
                "own the items {before} (`let items: Vec<_> = \
                 ...{m}(..).map(ToOwned::to_owned).collect();`) and {over} `items`"
            ),
        };
        self.errors.push(syn::Error::new_spanned(
            temp,
            format!(
                "{what} iterates over a borrow of a temporary value that the plain function \
                 keeps until {until}, but a flat generator cannot keep a temporary, or a \
                 borrow of its own local, across a yield; {fix}, or {boxed}"
            ),
        ));
    }
}

/// Whether `body` yields (outside closures, async blocks, items and macros' input).
pub(crate) fn yields_in(body: &syn::Block) -> bool {
    let force = std::collections::HashSet::new();
    let mut find = Find {
        force: &force,
        found: false,
    };
    syn::visit::Visit::visit_block(&mut find, body);
    find.found
}

/// The guard a `for` head uses up, found in its receiver chain (`cache.borrow()` in
/// `cache.borrow().clone().into_iter()`), also through a field, an index or a dereference
/// of it (`s.borrow().items.clone()`, `c.borrow()[&k].clone()`, `(*c.borrow()).clone()`),
/// for `Builder::for_expr` to hoist; `None` when the iterator borrows it (the error above)
/// or there is none.
pub(super) fn guard_used_up(e: &mut SynExpr) -> Option<&mut SynExpr> {
    if borrowed_temporary(e).is_some() {
        return None;
    }
    let mut e = e;
    loop {
        let next = match e {
            SynExpr::Paren(p) => &mut p.expr,
            SynExpr::MethodCall(m) => &mut m.receiver,
            SynExpr::Field(f) => &mut f.base,
            SynExpr::Index(i) => &mut i.expr,
            SynExpr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => &mut u.expr,
            _ => return None,
        };
        if owned_temporary(next).is_some() && is_guard(next) {
            return Some(next);
        }
        e = next;
    }
}

/// The innermost temporary a `match`, `if let` or `while let` scrutinee reads through, found
/// where the scrutinee's value is computed from it: a method's receiver
/// (`q.borrow_mut().pop()`, `s.to_uppercase().split(' ')`), a dereference
/// (`*m.lock().unwrap()`, `&*c.borrow()`), a field's or an index's base
/// (`st.lock().unwrap().phase`), a borrow (`&vec![..]`); `None` when there is none. A guard is
/// taken whole (the lock's result it unwraps is part of it). Unlike a `for` head, the
/// scrutinee's value may borrow the temporary: its bindings are the construct's, and one kept
/// across a yield is reported on the binding.
pub(super) fn temporary_read(e: &mut SynExpr) -> Option<&mut SynExpr> {
    let depth = temporary_depth(e)?;
    let mut e = e;
    for _ in 0..depth {
        e = read_through(e).expect("the depth was measured on this chain");
    }
    Some(e)
}

/// [`temporary_read`] of the user's own syntax (whose nodes the builder knows by address:
/// a macro's parsed input, `build/macros.rs`).
pub(super) fn temporary_of(e: &SynExpr) -> Option<&SynExpr> {
    let depth = temporary_depth(e)?;
    let mut e = e;
    for _ in 0..depth {
        e = read_through_ref(e).expect("the depth was measured on this chain");
    }
    Some(e)
}

/// How many steps of `read_through` lead from `e` to its innermost temporary. Not to an
/// owned copy whose field (or element) `e` itself is (`G::new("t").v`, a place matched by
/// value: what a binding moves or copies out of it the macro cannot tell).
fn temporary_depth(e: &SynExpr) -> Option<usize> {
    let depth = temporary_depth_of_chain(e)?;
    let mut inner = e;
    for _ in 0..depth {
        while let SynExpr::Paren(p) = inner {
            inner = &p.expr;
        }
        match inner {
            SynExpr::Field(f) => inner = &f.base,
            SynExpr::Index(i) => inner = &i.expr,
            _ => return Some(depth),
        }
    }
    is_guard(inner).then_some(depth)
}

fn temporary_depth_of_chain(e: &SynExpr) -> Option<usize> {
    let inner = read_through_ref(e)?;
    if owned_temporary(inner).is_some() && is_guard(inner) {
        return Some(1);
    }
    match temporary_depth_of_chain(inner) {
        Some(depth) => Some(depth + 1),
        None => (owned_temporary(inner).is_some() || calls_a_function(inner)).then_some(1),
    }
}

/// `parse(&line)`, `hold(&text)`: the value of a function, which a scrutinee reading through
/// it keeps until the construct ends, whether it is owned or a reference (a hidden local
/// holding a reference lives as the temporary would). Not for a `for` head, whose iterator
/// may borrow what a returned reference points to.
fn calls_a_function(e: &SynExpr) -> bool {
    match e {
        SynExpr::Paren(p) => calls_a_function(&p.expr),
        SynExpr::Call(c) => matches!(&*c.func, SynExpr::Path(_)),
        // `digits(s)?`: the function's value, unwrapped (the `?` stays with the hidden local,
        // `let t = digits(s)?;`, evaluated where the scrutinee was).
        SynExpr::Try(t) => calls_a_function(&t.expr),
        _ => false,
    }
}

/// `fn $name(e) -> Option<operand>`: the operand `e` reads through: a method's receiver, the
/// operand of `*` or `&`, the base of a field or an index (through parentheses); by `&` or
/// by `&mut`.
macro_rules! read_through_fn {
    ($name:ident $($mutability:tt)?) => {
        fn $name(e: &$($mutability)? SynExpr) -> Option<&$($mutability)? SynExpr> {
            match e {
                SynExpr::Paren(p) => $name(&$($mutability)? p.expr),
                SynExpr::MethodCall(m) => Some(&$($mutability)? m.receiver),
                SynExpr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                    Some(&$($mutability)? u.expr)
                }
                SynExpr::Reference(r) => Some(&$($mutability)? r.expr),
                SynExpr::Field(f) => Some(&$($mutability)? f.base),
                SynExpr::Index(i) => Some(&$($mutability)? i.expr),
                _ => None,
            }
        }
    };
}
read_through_fn!(read_through mut);
read_through_fn!(read_through_ref);

/// A lock's or a `RefCell`'s guard (`m.lock().unwrap()`, `c.borrow()`): a value whose drop
/// the plain function times, unlike an owned copy the head makes.
pub(super) fn is_guard(e: &SynExpr) -> bool {
    match e {
        SynExpr::Paren(p) => is_guard(&p.expr),
        SynExpr::MethodCall(m) => matches!(
            m.method.to_string().as_str(),
            "borrow" | "borrow_mut" | "unwrap" | "expect" | "unwrap_or_else" | "lock"
        ),
        _ => false,
    }
}

/// The method of `e`'s chain that borrows the temporary (`None` for `&temp`).
fn method_borrowing(e: &SynExpr) -> Option<&'static str> {
    match e {
        SynExpr::Paren(p) => method_borrowing(&p.expr),
        SynExpr::MethodCall(m) => {
            let name = m.method.to_string();
            match BORROWS_RECEIVER.iter().find(|b| **b == name) {
                Some(b) => Some(b),
                None => method_borrowing(&m.receiver),
            }
        }
        _ => None,
    }
}

/// Whether the iterator of `e` borrows a function's value (`make_list(&src).iter()`,
/// `&rows(n)`), through adapters.
fn borrowed_call_value(e: &SynExpr) -> bool {
    match e {
        SynExpr::Paren(p) => borrowed_call_value(&p.expr),
        SynExpr::Reference(r) => calls_a_function(&r.expr) && owned_temporary(&r.expr).is_none(),
        SynExpr::MethodCall(m) if BORROWS_RECEIVER.contains(&m.method.to_string().as_str()) => {
            calls_a_function(&m.receiver) && owned_temporary(&m.receiver).is_none()
        }
        SynExpr::MethodCall(m) if ADAPTERS.contains(&m.method.to_string().as_str()) => {
            borrowed_call_value(&m.receiver)
        }
        _ => false,
    }
}

/// The temporary the iterator of `e` borrows: `&temp`, `temp.iter()`, through adapters
/// (`temp.iter().enumerate()`).
fn borrowed_temporary(e: &SynExpr) -> Option<&SynExpr> {
    match e {
        SynExpr::Paren(p) => borrowed_temporary(&p.expr),
        SynExpr::Reference(r) => temporary_holding(&r.expr),
        SynExpr::MethodCall(m) if BORROWS_RECEIVER.contains(&m.method.to_string().as_str()) => {
            temporary_holding(&m.receiver)
        }
        SynExpr::MethodCall(m) if ADAPTERS.contains(&m.method.to_string().as_str()) => {
            borrowed_temporary(&m.receiver)
        }
        _ => None,
    }
}

/// The owned temporary `e` is, or whose field, element or dereference it is
/// (`s.borrow().items`, `(*c.borrow())`, `rows()[0]` is not: a function's value may be a
/// reference).
fn temporary_holding(e: &SynExpr) -> Option<&SynExpr> {
    match e {
        SynExpr::Paren(p) => temporary_holding(&p.expr),
        SynExpr::Field(f) => temporary_holding(&f.base),
        SynExpr::Index(i) => temporary_holding(&i.expr),
        SynExpr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => temporary_holding(&u.expr),
        _ => owned_temporary(e),
    }
}

/// `e` when it certainly makes a value of its own (not a reference, which the iterator would
/// borrow through): a lock's or a `RefCell`'s guard, an owned copy, a collection macro or a
/// collected one (`collect()`), a constructor.
fn owned_temporary(e: &SynExpr) -> Option<&SynExpr> {
    let owned = match e {
        SynExpr::Paren(p) => return owned_temporary(&p.expr),
        SynExpr::Macro(m) => m.mac.path.is_ident("vec") || m.mac.path.is_ident("format"),
        SynExpr::Call(c) => matches!(&*c.func, SynExpr::Path(p)
        if p.path.segments.len() >= 2
            && p.path.segments.last().is_some_and(|s| {
                matches!(s.ident.to_string().as_str(), "new" | "from" | "with_capacity")
            })),
        SynExpr::MethodCall(m) => match m.method.to_string().as_str() {
            // `lock()` without `unwrap()`: a lock whose guard is not in a `LockResult`
            // (parking_lot's, spin's).
            "borrow" | "borrow_mut" | "lock" | "to_string" | "to_owned" | "to_vec"
            | "to_lowercase" | "to_uppercase" | "clone" | "collect" => m.args.is_empty(),
            // `m.lock().unwrap()`: the guard out of the `LockResult` (a poisoned lock's too,
            // `.unwrap_or_else(PoisonError::into_inner)`).
            "unwrap" | "expect" | "unwrap_or_else" => matches!(&*m.receiver, SynExpr::MethodCall(r)
                if matches!(r.method.to_string().as_str(), "lock" | "read" | "write")
                    && r.args.is_empty()),
            _ => false,
        },
        _ => false,
    };
    owned.then_some(e)
}
