//! Whether a `let`'s value may hold a value of the user's own making: something whose `Drop`
//! may have a visible effect (a guard), as opposed to what only std methods make out of
//! borrows (`line.split(',').collect()`, `v.iter()`, `&v[..]`), which drops invisibly.
//!
//! A value that may borrow a local is not kept once it is dead (`plan/inexact.rs`); when it
//! may also hold such a value, dropping it early would be visible, and the body is lowered
//! `boxed` instead. Judged on the syntax: a call of a function (`Guard::new("g", &log)`,
//! `parse(&text)?`), a struct literal, a macro whose input calls a function
//! (`vec![G::new("x")]`), or a local that itself holds such a value (`vec![span]`), in the
//! parts of the initializer that can become its value: not inside a closure's body (which
//! the closure does not hold) except the value a `map`-like adapter's closure makes (the
//! items), a condition, the statements of a block or an arm that leaves.

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::{self, Visit};

use super::Builder;

/// Constructors that only wrap their arguments: what they hold is what the arguments hold.
const WRAPPERS: &[&str] = &["Some", "Ok", "Err", "Box", "Rc", "Arc", "Cell", "RefCell"];

/// std types and wrappers whose constructors make values that are often `Copy` or that the
/// analyses know (`Some(..)`, `Duration::from_secs(..)`).
pub(super) const STD_CONSTRUCTORS: &[&str] = &[
    "Some",
    "Ok",
    "Err",
    "Box",
    "Rc",
    "Arc",
    "Cell",
    "RefCell",
    "Option",
    "Result",
    "Duration",
    "Instant",
    "Wrapping",
    "Saturating",
    "Reverse",
    "PhantomData",
    "Default",
];

/// Paths of std functions (`String::from`, `Vec::with_capacity`, `std::mem::take`): what
/// they make holds what their arguments hold.
const STD_TYPES: &[&str] = &[
    "std",
    "core",
    "alloc",
    "mem",
    "String",
    "Vec",
    "VecDeque",
    "HashMap",
    "HashSet",
    "BTreeMap",
    "BTreeSet",
    "BinaryHeap",
    "Option",
    "Result",
    "char",
    "str",
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "usize",
    "i8",
    "i16",
    "i32",
    "i64",
    "i128",
    "isize",
    "f32",
    "f64",
];

/// Macros whose value holds nothing of their input (`format!` makes a `String`).
const FORMATTING: &[&str] = &["format", "concat", "stringify", "line", "column", "file"];

/// A path to a std function or constructor: a wrapper (`Some`, `Box::new`), a function of a
/// std type or module (`String::from`, `std::mem::take`), or of a std conversion trait
/// (`Into::into`, `ToString::to_string`).
pub(super) fn std_path(path: &syn::Path) -> bool {
    path.segments
        .iter()
        .any(|s| WRAPPERS.contains(&s.ident.to_string().as_str()))
        || path.segments.first().is_some_and(|s| {
            path.segments.len() > 1
                && (STD_TYPES.contains(&s.ident.to_string().as_str())
                    || STD_TRAITS.contains(&s.ident.to_string().as_str()))
        })
}

/// std traits whose functions are passed to adapters (`map(Into::into)`).
const STD_TRAITS: &[&str] = &[
    "Into", "From", "ToString", "ToOwned", "Clone", "Default", "AsRef", "TryFrom", "TryInto",
];

/// Whether `e` is the step of a loop `by_ref_loops.rs` desugared over `&mut it` of a local the
/// macro cannot tell from a collection (`gen_core::checks::step_in_place(&mut it)`): the items
/// of an iterator, or references into a collection (a borrow of a local, limit 1's error).
pub(super) fn by_ref_loops_step(e: &syn::Expr) -> bool {
    matches!(e, syn::Expr::Call(c) if matches!(&*c.func, syn::Expr::Path(p)
        if p.path.segments.last().is_some_and(|s| s.ident == "step_in_place")
            && p.path.segments.first().is_some_and(|s| s.ident == "gen_core")))
}

impl Builder<'_> {
    /// Whether `init` may hold a value of the user's making (see the module doc). Call it
    /// before the `let`'s own bindings are declared.
    pub(super) fn may_hold_user_values(&self, init: &syn::Expr) -> bool {
        let mut find = Find {
            builder: self,
            found: false,
            in_closure: 0,
            items_kept: false,
        };
        find.visit_expr(init);
        find.found
    }

    /// Whether `name` is a local the builder marked as holding a user-made value.
    fn holds_user_values(&self, name: &proc_macro2::Ident) -> bool {
        self.resolve(name)
            .is_some_and(|b| self.ir.user_made.contains(&b))
    }
}

struct Find<'b, 'a> {
    builder: &'b Builder<'a>,
    found: bool,
    in_closure: usize,
    /// Inside the receiver chain of a method that takes items out (`collect`, `next`): a
    /// `map`-like adapter's closure makes values that the result holds.
    items_kept: bool,
}

impl<'ast> Visit<'ast> for Find<'_, '_> {
    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        let std = matches!(&*call.func, syn::Expr::Path(p) if std_path(&p.path));
        if self.in_closure == 0 && !std {
            self.found = true;
        }
        visit::visit_expr_call(self, call);
    }

    fn visit_expr_struct(&mut self, s: &'ast syn::ExprStruct) {
        if self.in_closure == 0 {
            self.found = true;
        }
        visit::visit_expr_struct(self, s);
    }

    fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
        if let Some(ident) = p.path.get_ident()
            && self.builder.holds_user_values(ident)
        {
            self.found = true;
        }
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        // A method of a local (`line.split_once('=')`): what it returns is what the method
        // makes of a borrow or of a copy, not the local moved in (`span.child("c")` made by
        // a method of the user's is a `Maybe` borrow, kept like an owned value).
        // `ns.iter().map(|&n| tok(n)).collect()`: the values the closure makes are the
        // items, which the collected value (or the item taken) holds; the adapter alone holds
        // only the closure.
        let name = m.method.to_string();
        let consumes = matches!(
            name.as_str(),
            "collect"
                | "next"
                | "last"
                | "nth"
                | "max"
                | "min"
                | "find"
                | "max_by_key"
                | "min_by_key"
                | "max_by"
                | "min_by"
                | "unwrap"
                | "expect"
                | "unwrap_or"
        );
        let maps = self.items_kept
            && matches!(
                name.as_str(),
                "map" | "filter_map" | "flat_map" | "map_while" | "and_then"
            );
        if !matches!(&*m.receiver, syn::Expr::Path(_)) {
            let outer = std::mem::replace(&mut self.items_kept, consumes || maps);
            self.visit_expr(&m.receiver);
            self.items_kept = outer;
        }
        for arg in &m.args {
            match arg {
                syn::Expr::Closure(c) if maps => self.visit_expr(&c.body),
                // `text.split(',').map(Guard::new)`: a function of the user's makes the items.
                syn::Expr::Path(p)
                    if maps && p.path.get_ident().is_none() && !std_path(&p.path) =>
                {
                    self.found = true;
                }
                syn::Expr::Path(p)
                    if maps
                        && p.path
                            .get_ident()
                            .is_some_and(|i| self.builder.resolve(i).is_none()) =>
                {
                    self.found = true;
                }
                _ => self.visit_expr(arg),
            }
        }
    }

    fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
        // A `move` closure holds the locals it names; its calls run later.
        self.in_closure += 1;
        visit::visit_expr_closure(self, c);
        self.in_closure -= 1;
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        if FORMATTING.contains(&name.as_str()) || name == "yield_" || name == "yield_from" {
            return;
        }
        if self.tokens_hold_user_values(mac.tokens.clone()) {
            self.found = true;
        }
    }

    // Only what can become the value counts: a block's tail, a branch's value, not the
    // statements before it, a condition, or a leaving arm (`None => { yield_!(Err(bad(n)));
    // continue }`).
    fn visit_block(&mut self, b: &'ast syn::Block) {
        if let Some(syn::Stmt::Expr(tail, None)) = b.stmts.last() {
            self.visit_expr(tail);
        }
    }

    fn visit_expr_if(&mut self, e: &'ast syn::ExprIf) {
        if let syn::Expr::Let(l) = &*e.cond {
            self.visit_expr(&l.expr);
        }
        self.visit_block(&e.then_branch);
        if let Some((_, other)) = &e.else_branch {
            self.visit_expr(other);
        }
    }

    fn visit_expr_return(&mut self, _: &'ast syn::ExprReturn) {}

    fn visit_expr_continue(&mut self, _: &'ast syn::ExprContinue) {}

    fn visit_expr_break(&mut self, _: &'ast syn::ExprBreak) {}

    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

impl Find<'_, '_> {
    /// A macro's input: a local holding a user-made value (not as a method's receiver), or
    /// a call (`name(..)` not after a `.`).
    fn tokens_hold_user_values(&self, tokens: TokenStream) -> bool {
        let mut prev_dot = false;
        let mut iter = tokens.into_iter().peekable();
        while let Some(tt) = iter.next() {
            match &tt {
                TokenTree::Ident(ident) => {
                    let receiver = matches!(iter.peek(), Some(TokenTree::Punct(p))
                        if p.as_char() == '.');
                    if !receiver && self.builder.holds_user_values(ident) {
                        return true;
                    }
                    let called = matches!(iter.peek(), Some(TokenTree::Group(g))
                        if g.delimiter() == proc_macro2::Delimiter::Parenthesis);
                    let wrapper = WRAPPERS.contains(&ident.to_string().as_str());
                    if called && !prev_dot && !wrapper && self.in_closure == 0 {
                        return true;
                    }
                    prev_dot = false;
                }
                TokenTree::Group(g) => {
                    if self.tokens_hold_user_values(g.stream()) {
                        return true;
                    }
                    prev_dot = false;
                }
                TokenTree::Punct(p) => prev_dot = p.as_char() == '.',
                TokenTree::Literal(_) => prev_dot = false,
            }
        }
        false
    }
}
