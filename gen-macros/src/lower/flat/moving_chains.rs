//! `if` chains whose `let` moves out of a local before a later part may fail.
//!
//! In `if let Some(x) = o && x.ready() { A } else { B }` the pattern moves `x` out of `o`:
//! `B` runs with `o` moved when `x.ready()` is false and with `o` whole when `o` is `None`.
//! One piece of code cannot tell those paths apart, so a flat state machine could not give
//! `B` one set of saved locals. For the chains the builder finds such a move in
//! (`Ir::moving_chains`), desugar
//!
//! ```text
//! if let P = o && c && let Q = e { A } else { B }
//! ```
//! into one `if` per part, `B` copied to each place the chain may fail:
//! ```text
//! if let P = o {
//!     if c {
//!         if let Q = e { A } else { drop(x); B }
//!     } else { drop(x); B }
//! } else { B }
//! ```
//! where `x` stands for the bindings of the parts before, dropped as the chain drops them
//! before its `else` (the last bound first), by a function that draws no lint for a `Copy`
//! value. Each copy of `B` then knows what is moved. Without `else` the nested `if`s are the
//! chain itself, scope for scope. With one, the desugar is exact when no later part moves an
//! earlier binding and no `let` part's scrutinee makes a temporary that would outlive the
//! bindings (a `match`'s temporaries drop after them: `let Some(v) = cell.borrow().get(0)`);
//! other chains stay as written (lowered `boxed`).

use std::collections::HashSet;

use quote::{ToTokens, quote, quote_spanned};
use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{Block, Expr, ExprIf};

use super::build::cond_parts::{SynCond, cond_parts, part_value};
use super::build::site;
use super::yield_temps::is_place;
use crate::parse::pat_bindings;

/// `block` with the `if`s whose condition is one of `conds` (by the address of the condition,
/// as the builder saw it in `block`) desugared, or `None` when none of them can be.
pub(crate) fn desugar(block: &Block, conds: &HashSet<usize>) -> Option<Block> {
    let mut find = Find {
        conds,
        seen: 0,
        chosen: HashSet::new(),
    };
    find.visit_block(block);
    if find.chosen.is_empty() {
        return None;
    }
    let mut out = block.clone();
    Rewrite {
        chosen: &find.chosen,
        seen: 0,
    }
    .visit_block_mut(&mut out);
    Some(out)
}

/// Numbers the `if`s of the original body in visiting order and picks those to desugar.
struct Find<'a> {
    conds: &'a HashSet<usize>,
    seen: usize,
    chosen: HashSet<usize>,
}

impl<'ast> Visit<'ast> for Find<'_> {
    fn visit_expr_if(&mut self, i: &'ast ExprIf) {
        if self.conds.contains(&site::<Expr>(&i.cond)) && desugarable(i) {
            self.chosen.insert(self.seen);
        }
        self.seen += 1;
        syn::visit::visit_expr_if(self, i);
    }
}

/// Rewrites the chosen `if`s of a copy of the body, visited in the same order.
struct Rewrite<'a> {
    chosen: &'a HashSet<usize>,
    seen: usize,
}

impl VisitMut for Rewrite<'_> {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        let Expr::If(i) = e else {
            return syn::visit_mut::visit_expr_mut(self, e);
        };
        let index = self.seen;
        self.seen += 1;
        // The parts of the `if` are visited in `Find`'s order (condition, then, else) before
        // the `if` itself is replaced.
        self.visit_expr_mut(&mut i.cond);
        self.visit_block_mut(&mut i.then_branch);
        if let Some((_, otherwise)) = &mut i.else_branch {
            self.visit_expr_mut(otherwise);
        }
        if self.chosen.contains(&index) {
            *e = nested_ifs(i);
        }
    }
}

/// Whether `i` desugars exactly (see the module doc).
fn desugarable(i: &ExprIf) -> bool {
    if i.else_branch.is_none() {
        return true;
    }
    let parts = cond_parts(&i.cond);
    let mut bound: Vec<syn::Ident> = Vec::new();
    for part in &parts {
        if bound.iter().any(|b| part_moves(part, b)) {
            return false;
        }
        if let SynCond::Let(l) = part {
            if !is_place(&l.expr) && !made_of_places(&l.expr) {
                return false;
            }
            let mut found = Vec::new();
            pat_bindings(&l.pat, &mut found);
            for b in found {
                if bound.contains(&b.ident) {
                    return false;
                }
                bound.push(b.ident);
            }
        }
    }
    true
}

/// `x.parse::<u32>()`, `it.next()`, `line.trim().split_once(':')`: method calls on a place,
/// none of them a guard's (`borrow`, `lock`), whose arguments are places or literals.
fn made_of_places(e: &Expr) -> bool {
    match e {
        Expr::Paren(p) => made_of_places(&p.expr),
        Expr::MethodCall(m) => {
            !matches!(
                m.method.to_string().as_str(),
                "borrow" | "borrow_mut" | "lock" | "read" | "write" | "try_lock"
            ) && (is_place(&m.receiver) || made_of_places(&m.receiver))
                && m.args.iter().all(is_operand)
        }
        Expr::Try(t) => made_of_places(&t.expr),
        _ => false,
    }
}

fn is_operand(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) => true,
        Expr::Reference(r) => is_operand(&r.expr),
        _ => is_place(e),
    }
}

/// Whether `part` may move the binding `ident` (a `let` part whose scrutinee it is does).
fn part_moves(part: &SynCond<'_>, ident: &syn::Ident) -> bool {
    let value = part_value(part);
    let scrutinee =
        matches!(part, SynCond::Let(_)) && matches!(value, Expr::Path(p) if p.path.is_ident(ident));
    scrutinee || moves(value, ident)
}

/// Whether `part` may move the binding `ident`: names it as an operand that takes a value
/// (a call's argument, a `let`'s scrutinee, an element, an assigned value), not as a
/// receiver, the base of a field, an operand of `&` or of a comparison.
fn moves(part: &Expr, ident: &syn::Ident) -> bool {
    struct Moves<'a> {
        ident: &'a syn::Ident,
        found: bool,
    }
    impl Moves<'_> {
        fn taken(&mut self, e: &Expr) {
            let mut e = e;
            while let Expr::Paren(p) = e {
                e = &p.expr;
            }
            if let Expr::Path(p) = e
                && p.path.is_ident(self.ident)
            {
                self.found = true;
            }
        }
    }
    impl<'ast> Visit<'ast> for Moves<'_> {
        fn visit_expr(&mut self, e: &'ast Expr) {
            match e {
                Expr::Call(c) => c.args.iter().for_each(|a| self.taken(a)),
                Expr::MethodCall(m) => m.args.iter().for_each(|a| self.taken(a)),
                Expr::Let(l) => self.taken(&l.expr),
                Expr::Assign(a) => self.taken(&a.right),
                Expr::Tuple(t) => t.elems.iter().for_each(|a| self.taken(a)),
                Expr::Array(a) => a.elems.iter().for_each(|a| self.taken(a)),
                Expr::Struct(s) => s.fields.iter().for_each(|f| self.taken(&f.expr)),
                Expr::Closure(c) if c.capture.is_some() => self.found |= mentions(e, self.ident),
                Expr::Macro(_) => self.found |= mentions(e, self.ident),
                _ => {}
            }
            syn::visit::visit_expr(self, e);
        }
    }
    let mut find = Moves {
        ident,
        found: false,
    };
    find.visit_expr(part);
    find.found
}

fn mentions(e: &Expr, ident: &syn::Ident) -> bool {
    e.to_token_stream()
        .into_iter()
        .any(|t| super::fallback::mentions(&t, ident))
}

/// Desugar `if <chain> { A } else { B }` into one `if` per part (see the module doc).
fn nested_ifs(i: &ExprIf) -> Expr {
    let parts = cond_parts(&i.cond);
    let if_token = i.if_token;
    // The by-value bindings of the parts before each part, in the order they are made.
    let mut before: Vec<Vec<syn::Ident>> = Vec::new();
    let mut bound: Vec<syn::Ident> = Vec::new();
    for part in &parts {
        before.push(bound.clone());
        if let SynCond::Let(l) = part {
            let mut found = Vec::new();
            pat_bindings(&l.pat, &mut found);
            bound.extend(found.into_iter().filter(|b| !b.by_ref).map(|b| b.ident));
        }
    }
    let mut body = i.then_branch.to_token_stream();
    for (index, part) in parts.iter().enumerate().rev() {
        let otherwise = i.else_branch.as_ref().map(|(else_token, b)| {
            let dropped = before[index].iter().rev();
            let at = else_token.span;
            quote_spanned!(at=> #else_token { #(::gen_core::__private::drop(#dropped);)* #b })
        });
        let head = match part {
            SynCond::Let(l) => {
                let (let_token, pat, eq_token, scrutinee) =
                    (&l.let_token, &l.pat, &l.eq_token, &l.expr);
                quote!(#let_token #pat #eq_token #scrutinee)
            }
            SynCond::Expr(cond) => cond.to_token_stream(),
        };
        body = if index + 1 == parts.len() {
            quote!(#if_token #head #body #otherwise)
        } else {
            quote!(#if_token #head { #body } #otherwise)
        };
    }
    let attrs = &i.attrs;
    syn::parse_quote!(#(#attrs)* #body)
}
