//! A `for` loop whose iterator borrows a temporary of its own head (`for job in
//! queue.lock().unwrap().drain(..)`, `for x in &rows()`, `for c in line.to_string().chars()`)
//! and whose body yields.
//!
//! Rust keeps the temporaries of a `for` loop's head until the loop ends, so the iterator may
//! borrow them. A flat generator keeps locals across a yield, not temporaries, and cannot keep
//! a borrow of its own local either: the plain function's loop is limit 1's shape, with a
//! temporary instead of a named local. Report it on the temporary with the fixes that apply,
//! instead of rustc's error about a borrow escaping the state machine's closure.

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
        let Some(temp) = borrowed_temporary(iterable) else {
            return;
        };
        let force = std::collections::HashSet::new();
        let mut find = Find {
            force: &force,
            found: false,
        };
        syn::visit::Visit::visit_block(&mut find, body);
        if !find.found {
            return;
        }
        let boxed = if self.inline {
            "write it as a `#[generator(boxed)]` function"
        } else {
            "use `#[generator(boxed)]`"
        };
        let fix = match method_borrowing(iterable) {
            None => "loop over the value itself (`for x in value`, without `&`)".to_owned(),
            Some(m @ ("drain" | "chars" | "char_indices")) => {
                let args = if m == "drain" { ".." } else { "" };
                format!(
                    "collect the items before the loop (`let items: Vec<_> = \
                     ...{m}({args}).collect();`) and loop over `items`"
                )
            }
            Some(m @ ("iter" | "iter_mut" | "keys" | "values" | "values_mut")) => format!(
                "copy the items out before the loop (`let items: Vec<_> = \
                 ...{m}().cloned().collect();`) and loop over `items`"
            ),
            Some(m) => format!(
                "own the items before the loop (`let items: Vec<_> = \
                 ...{m}(..).map(ToOwned::to_owned).collect();`) and loop over `items`"
            ),
        };
        self.errors.push(syn::Error::new_spanned(
            temp,
            format!(
                "this loop iterates over a borrow of a temporary value that the plain function \
                 keeps until the loop ends, but a flat generator cannot keep a temporary, or a \
                 borrow of its own local, across the yields in the loop; {fix}, or {boxed}"
            ),
        ));
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

/// The temporary the iterator of `e` borrows: `&temp`, `temp.iter()`, through adapters
/// (`temp.iter().enumerate()`).
fn borrowed_temporary(e: &SynExpr) -> Option<&SynExpr> {
    match e {
        SynExpr::Paren(p) => borrowed_temporary(&p.expr),
        SynExpr::Reference(r) => owned_temporary(&r.expr),
        SynExpr::MethodCall(m) if BORROWS_RECEIVER.contains(&m.method.to_string().as_str()) => {
            owned_temporary(&m.receiver)
        }
        SynExpr::MethodCall(m) if ADAPTERS.contains(&m.method.to_string().as_str()) => {
            borrowed_temporary(&m.receiver)
        }
        _ => None,
    }
}

/// `e` when it certainly makes a value of its own (not a reference, which the iterator would
/// borrow through): a lock's or a `RefCell`'s guard, an owned copy, a collection macro, a
/// constructor.
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
            "borrow" | "borrow_mut" | "to_string" | "to_owned" | "to_vec" | "to_lowercase"
            | "to_uppercase" => m.args.is_empty(),
            // `m.lock().unwrap()`: the guard out of the `LockResult`.
            "unwrap" | "expect" => matches!(&*m.receiver, SynExpr::MethodCall(r)
                if matches!(r.method.to_string().as_str(), "lock" | "read" | "write")
                    && r.args.is_empty()),
            _ => false,
        },
        _ => false,
    };
    owned.then_some(e)
}
