//! What the syntax alone tells of an expression: a number, a comparison, an arithmetic
//! operator (whose operands are `Copy`), a call of `drop`.

use syn::Expr as SynExpr;

/// `==`, `!=`, `<`, `<=`, `>`, `>=`.
pub(super) fn is_comparison(op: &syn::BinOp) -> bool {
    use syn::BinOp::*;
    matches!(op, Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_))
}

/// A number literal (`0`, `1.5`, `-3`), or a cast to a type (`x as u64`).
pub(super) fn is_number(e: &SynExpr) -> bool {
    match e {
        SynExpr::Lit(l) => matches!(l.lit, syn::Lit::Int(_) | syn::Lit::Float(_)),
        SynExpr::Unary(u) => matches!(u.op, syn::UnOp::Neg(_)) && is_number(&u.expr),
        SynExpr::Cast(_) => true,
        SynExpr::Paren(p) => is_number(&p.expr),
        _ => false,
    }
}

/// An operator whose operands are numbers (or `bool`s), so `Copy`: arithmetic, bit
/// operations, negation, a cast. (Comparisons take any type by reference; `+` with a string
/// on the right concatenates a `String`.)
pub(super) fn numeric(e: &SynExpr) -> bool {
    use syn::BinOp::*;
    match e {
        SynExpr::Binary(b) => {
            super::operands::by_value_operator(&b.op)
                && !(matches!(b.op, Add(_))
                    && matches!(
                        &*b.right,
                        SynExpr::Reference(_)
                            | SynExpr::Lit(syn::ExprLit {
                                lit: syn::Lit::Str(_),
                                ..
                            })
                    ))
        }
        SynExpr::Cast(_) => true,
        SynExpr::Unary(u) => matches!(u.op, syn::UnOp::Neg(_) | syn::UnOp::Not(_)),
        _ => false,
    }
}

/// `drop(x)` / `mem::drop(x)` / `std::mem::drop(x)`.
pub(super) fn is_drop_call(e: &SynExpr) -> bool {
    matches!(e, SynExpr::Call(c)
        if matches!(&*c.func, SynExpr::Path(p)
            if p.qself.is_none() && p.path.segments.last().is_some_and(|s| s.ident == "drop")))
}

/// The segments of the path a call calls (`BufReader::new(..)`: `["BufReader", "new"]`), or
/// nothing for a call of anything else (a closure, a method's result).
pub(super) fn callee_segments(e: &SynExpr) -> Option<Vec<String>> {
    let SynExpr::Call(call) = e else {
        return None;
    };
    let SynExpr::Path(p) = &*call.func else {
        return None;
    };
    Some(path_segments(&p.path))
}

/// The names of a path's segments (`mem::take`: `["mem", "take"]`).
pub(super) fn path_segments(p: &syn::Path) -> Vec<String> {
    p.segments.iter().map(|s| s.ident.to_string()).collect()
}

/// How a `for` loop's iterable starts from a place: `("self.cards", "iter")` for
/// `self.cards.iter().rev()`, `("v", "&")` for `&v` (`"&mut"` for `&mut v`); for the fix an
/// error names.
pub(crate) fn loop_source(e: &SynExpr) -> Option<(String, String)> {
    match e {
        SynExpr::Reference(r) => {
            let how = if r.mutability.is_some() { "&mut" } else { "&" };
            place_text(&r.expr).map(|p| (p, how.to_owned()))
        }
        SynExpr::MethodCall(m) => match place_text(&m.receiver) {
            // `drain(1..3)` leaves the rest in place, unlike `drain(..)` (or a map's or a
            // set's `drain()`, which takes no range).
            Some(place)
                if m.method == "drain"
                    && m.args.first().is_some_and(|a| {
                        !matches!(a, SynExpr::Range(r)
                        if r.start.is_none() && r.end.is_none())
                    }) =>
            {
                Some((place, "drain(range)".to_owned()))
            }
            Some(place) => Some((place, m.method.to_string())),
            // `(&mut it).enumerate()`: an adapter of a borrowed iterator, as `it.by_ref()`'s
            // (a collection behind `&mut` is no iterator to adapt).
            None => loop_source(&m.receiver).map(|(place, how)| match how.as_str() {
                "&mut" => (place, "by_ref".to_owned()),
                _ => (place, how),
            }),
        },
        SynExpr::Paren(p) => loop_source(&p.expr),
        // `[&a, &b]`: borrows of the values listed.
        SynExpr::Array(a) if !a.elems.is_empty() => {
            let places: Option<Vec<String>> = a
                .elems
                .iter()
                .map(|e| match e {
                    SynExpr::Reference(r) if r.mutability.is_none() => place_text(&r.expr),
                    _ => None,
                })
                .collect();
            places.map(|p| (p.join(", "), "[&]".to_owned()))
        }
        _ => None,
    }
}

/// `v`, `self.cards`, `pair.0` as written.
pub(super) fn place_text(e: &SynExpr) -> Option<String> {
    match e {
        SynExpr::Path(p) if p.qself.is_none() => p.path.get_ident().map(|i| {
            // The flat lowering's name for `self`.
            if crate::parse::is_self_ident(i) {
                "self".to_owned()
            } else {
                i.to_string()
            }
        }),
        SynExpr::Field(f) => {
            let member = match &f.member {
                syn::Member::Named(n) => n.to_string(),
                syn::Member::Unnamed(i) => i.index.to_string(),
            };
            place_text(&f.base).map(|base| format!("{base}.{member}"))
        }
        _ => None,
    }
}

/// An iterator whose items are values of their own whatever it borrows: `s.chars()`,
/// `s.bytes()`, `s.char_indices()`, `v.iter().copied()`, through adapters that pass the items
/// on (`.rev()`, `.enumerate()`, `.skip(n)`, `.peekable()`, ..).
pub(crate) fn yields_values(e: &SynExpr) -> bool {
    match e {
        SynExpr::MethodCall(m) => match m.method.to_string().as_str() {
            "chars" | "bytes" | "char_indices" | "copied" | "cloned" => true,
            "rev" | "enumerate" | "skip" | "take" | "step_by" | "filter" | "skip_while"
            | "take_while" | "peekable" | "fuse" | "inspect" => yields_values(&m.receiver),
            // `s.chars().chain(once(' '))`: the argument's items have the receiver's type.
            "chain" | "cycle" => yields_values(&m.receiver),
            _ => false,
        },
        SynExpr::Paren(p) => yields_values(&p.expr),
        _ => false,
    }
}

/// The receiver `v` of `v.drain(..)`, through adapters that hand its elements on
/// (`v.drain(..).filter(..)`): an iterator over elements taken out of `v` by value.
pub(crate) fn drained_receiver(e: &SynExpr) -> Option<&SynExpr> {
    match e {
        SynExpr::MethodCall(m) => match m.method.to_string().as_str() {
            "drain" => Some(&m.receiver),
            "rev" | "enumerate" | "skip" | "take" | "step_by" | "filter" | "skip_while"
            | "take_while" | "peekable" | "fuse" | "inspect" => drained_receiver(&m.receiver),
            _ => None,
        },
        SynExpr::Paren(p) => drained_receiver(&p.expr),
        _ => None,
    }
}

/// The single-segment names that `block` only ever calls (`label(x)`), never uses otherwise.
pub(crate) struct CalledOnly {
    /// Those it never calls inside a closure without `move`.
    pub outside_closures: std::collections::HashSet<String>,
    /// Those it does (a local closure called there is borrowed by that closure).
    pub in_closures: std::collections::HashSet<String>,
    /// Those it calls once, outside every loop and closure: the one shape in which the name
    /// may be an `FnOnce` value (`yield on_give_up(max);`), whose call takes it.
    pub once: std::collections::HashSet<String>,
}

/// See [`CalledOnly`].
pub(crate) fn called_only(block: &syn::Block) -> CalledOnly {
    use std::collections::{HashMap, HashSet};
    use syn::visit::Visit;
    #[derive(Default)]
    struct Names {
        called: HashSet<String>,
        other: HashSet<String>,
        in_closures: HashSet<String>,
        calls: HashMap<String, usize>,
        repeated: HashSet<String>,
        borrowing_closures: usize,
        /// Loops and closures around the node visited.
        repeating: usize,
    }
    impl<'ast> Visit<'ast> for Names {
        fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
            let borrowing = usize::from(c.capture.is_none());
            self.borrowing_closures += borrowing;
            self.repeating += 1;
            syn::visit::visit_expr_closure(self, c);
            self.repeating -= 1;
            self.borrowing_closures -= borrowing;
        }
        fn visit_expr_for_loop(&mut self, l: &'ast syn::ExprForLoop) {
            self.visit_expr(&l.expr);
            self.repeating += 1;
            self.visit_pat(&l.pat);
            self.visit_block(&l.body);
            self.repeating -= 1;
        }
        fn visit_expr_while(&mut self, l: &'ast syn::ExprWhile) {
            self.repeating += 1;
            syn::visit::visit_expr_while(self, l);
            self.repeating -= 1;
        }
        fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
            self.repeating += 1;
            syn::visit::visit_expr_loop(self, l);
            self.repeating -= 1;
        }
        fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
            match &*call.func {
                SynExpr::Path(p) if p.qself.is_none() && p.path.get_ident().is_some() => {
                    if let Some(ident) = p.path.get_ident() {
                        let name = ident.to_string();
                        // Called in a closure without `move`, which borrows it if it is
                        // a local: captured like any other name.
                        if self.borrowing_closures > 0 {
                            self.in_closures.insert(name.clone());
                        }
                        if self.repeating > 0 {
                            self.repeated.insert(name.clone());
                        }
                        *self.calls.entry(name.clone()).or_default() += 1;
                        self.called.insert(name);
                    }
                }
                other => self.visit_expr(other),
            }
            for arg in &call.args {
                self.visit_expr(arg);
            }
        }
        fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
            if let Some(ident) = p.path.get_ident() {
                self.other.insert(ident.to_string());
            }
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            // A name inside a macro's input may be used any way.
            fn idents(tokens: proc_macro2::TokenStream, out: &mut HashSet<String>) {
                for tree in tokens {
                    match tree {
                        proc_macro2::TokenTree::Ident(ident) => {
                            out.insert(ident.to_string());
                        }
                        proc_macro2::TokenTree::Group(g) => idents(g.stream(), out),
                        _ => {}
                    }
                }
            }
            idents(mac.tokens.clone(), &mut self.other);
        }
    }
    let mut names = Names::default();
    names.visit_block(block);
    let only: HashSet<String> = names.called.difference(&names.other).cloned().collect();
    let once = only
        .iter()
        .filter(|n| names.calls.get(*n) == Some(&1) && !names.repeated.contains(*n))
        .cloned()
        .collect();
    let (outside_closures, in_closures) = only
        .into_iter()
        .partition(|name| !names.in_closures.contains(name));
    CalledOnly {
        outside_closures,
        in_closures,
        once,
    }
}

/// `words(&line)`, `lexer::words(&line)`, `Lexer::new(&src)`, `parse(&mut rest, n)`: a call of
/// a function of the crate (named alone or by a path that is not std's: not `mem::take` or
/// `String::from`) with a borrow of a place among its arguments (and the adapters over it:
/// `words(&line).map(..)`).
pub(super) fn own_function_of_a_borrow(e: &SynExpr) -> bool {
    match e {
        SynExpr::Paren(p) => own_function_of_a_borrow(&p.expr),
        // Through a `?` (`Tx::query(&tx)?`).
        SynExpr::Try(t) => own_function_of_a_borrow(&t.expr),
        // Through the adapters over it (`words(&x).map(..)`).
        SynExpr::MethodCall(m)
            if super::methods::ADAPTERS.contains(&m.method.to_string().as_str()) =>
        {
            own_function_of_a_borrow(&m.receiver)
        }
        SynExpr::Call(c) => {
            matches!(&*c.func, SynExpr::Path(p) if p.qself.is_none()
            && p.path.segments.last().is_some_and(|s| {
                s.ident.to_string().starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
            })
            // Named alone, or by a path of the user's (`lexer::words`, `Lexer::new`), not
            // std's (`mem::take`, `String::from`).
            && (p.path.segments.len() == 1 || !super::user_values::std_path(&p.path))) && c
                .args
                .iter()
                .any(|a| matches!(a, SynExpr::Reference(r) if crate::lower::flat::yield_temps::is_place(&r.expr)))
        }
        _ => false,
    }
}

/// What `init` is under `?`, `.unwrap()`, `.expect(..)` and parentheses (`conn.connect()` of
/// `conn.connect()?`, `File::open(p)` of `File::open(p).unwrap()`).
pub(super) fn peel_unwraps(init: &SynExpr) -> &SynExpr {
    let mut e = init;
    loop {
        match e {
            SynExpr::Try(t) => e = &t.expr,
            SynExpr::Paren(p) => e = &p.expr,
            SynExpr::MethodCall(m)
                if matches!(m.method.to_string().as_str(), "unwrap" | "expect") =>
            {
                e = &m.receiver
            }
            _ => return e,
        }
    }
}
