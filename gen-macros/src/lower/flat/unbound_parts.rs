//! The parts a pattern leaves unbound in a temporary, when the body it guards yields.
//!
//! In `while let Some((name, _)) = stack.pop() { .. }` the `_` half of the popped pair stays
//! in the scrutinee's temporary, which the plain function drops at the end of the iteration,
//! after the pattern's bindings. A flat generator keeps locals across a yield, not
//! temporaries, and the fields left in an enum value cannot be kept by name. So, before the
//! body is built, desugar the pattern's unbound parts into hidden bindings and its by-value
//! bindings into `let`s at the start of the body:
//!
//! ```text
//! while let Some((name, _)) = stack.pop() { body }
//! ```
//! into
//! ```text
//! while let Some((__gen_b0, __gen_p0)) = stack.pop() { let name = __gen_b0; body }
//! ```
//! A `ref` binding beside a binding that moves out of the temporary (or beside a `_`) borrows
//! a part of what the move leaves behind, which is renamed the same way and borrowed by the
//! user's name at the start of the body (`while let Some((n, ref g)) = stack.pop()` into
//! `while let Some((__gen_b0, __gen_r1)) = stack.pop() { let ref g = __gen_r1; let n =
//! __gen_b0; body }`): the part stays to the end of the iteration, as the temporary's rest.
//! Both forms drop in the same order in plain Rust: the body's locals, `name` (declared first
//! in the body, so dropped last of them), then the unbound part (the only binding left in the
//! pattern). With several unbound parts, they are re-bound too, in reverse, so that they drop
//! in field order, as the temporary drops its fields. The same applies to an `if let` and to
//! each arm of a `match` (without a guard, which reads the bindings under their names) whose
//! scrutinee is a temporary. Patterns this cannot name exactly are left as written: `..`
//! (the fields it skips are unknown), an or-pattern, two unbound fields of one struct
//! pattern (their declaration order is unknown); a body with one is lowered `boxed`
//! (`Desugared::inexact`), where the temporary's parts drop as in Rust.

use proc_macro2::Span;
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, Ident, Pat, Stmt};

use super::build::reference_values::yields_references;

/// Whether `ident` is a hidden part [`desugar`] bound in place of the user's `_`.
pub(crate) fn is_hidden_part(ident: &Ident) -> bool {
    ident
        .to_string()
        .strip_prefix("__gen_p")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `ident` is a hidden part [`desugar`] bound in place of the user's `ref` binding
/// beside a move (`__gen_r<i>`, borrowed by the user's name in the body).
pub(crate) fn is_borrowed_part(ident: &Ident) -> bool {
    ident
        .to_string()
        .strip_prefix("__gen_r")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// What [`desugar`] made of a block.
pub(crate) struct Desugared {
    /// The block with the unbound parts of its temporaries' patterns desugared, or `None`
    /// when there are none to desugar.
    pub block: Option<Block>,
    /// A pattern that leaves parts of a temporary unbound in a way this cannot name (`..`
    /// of a struct pattern, an or-pattern) guards a body that yields: flat, those parts
    /// would drop at the yield.
    pub inexact: bool,
}

/// Desugars the unbound parts of `block`'s temporaries' patterns (see the module docs).
pub(crate) fn desugar(block: &Block) -> Desugared {
    let mut d = Desugar {
        next: 0,
        changed: false,
        inexact: false,
    };
    let mut out = block.clone();
    d.visit_block_mut(&mut out);
    Desugared {
        block: d.changed.then_some(out),
        inexact: d.inexact,
    }
}

struct Desugar {
    next: usize,
    changed: bool,
    inexact: bool,
}

impl VisitMut for Desugar {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if matches!(e, Expr::Closure(_) | Expr::Async(_)) {
            return;
        }
        visit_mut::visit_expr_mut(self, e);
        match e {
            Expr::While(w) => self.rewrite_let(&mut w.cond, &mut w.body),
            Expr::If(i) => self.rewrite_let(&mut i.cond, &mut i.then_branch),
            Expr::Match(m) if is_temporary(&m.expr) => {
                for arm in &mut m.arms {
                    if arm.guard.is_some() || !yields_in_expr(&arm.body) {
                        continue;
                    }
                    if let Some(lets) = self.rewrite(&mut arm.pat) {
                        prepend(&mut arm.body, lets);
                    }
                }
            }
            _ => {}
        }
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    fn visit_macro_mut(&mut self, _: &mut syn::Macro) {}
}

impl Desugar {
    /// `while let P = <temporary> { body }` / `if let P = <temporary> { body }` whose body
    /// yields: `P` rewritten, its `let`s put first in `body`.
    fn rewrite_let(&mut self, cond: &mut Expr, body: &mut Block) {
        if let Expr::Let(l) = cond
            && is_temporary(&l.expr)
            && yields_in(body)
            && let Some(lets) = self.rewrite(&mut l.pat)
        {
            body.stmts.splice(0..0, lets);
        }
    }

    /// Renames the unbound parts and the by-value bindings of `pat` to hidden bindings, and
    /// returns the `let`s that re-bind them at the start of the body; `None` (and `pat`
    /// untouched) when `pat` leaves no part unbound or cannot be rewritten exactly.
    fn rewrite(&mut self, pat: &mut Pat) -> Option<Vec<Stmt>> {
        // A `ref` binding beside a binding that moves out of the temporary (or a `_` part)
        // borrows a part of what the move leaves behind: that part is renamed like a `_`
        // and the user's binding borrows it (`Some((n, ref g))` into `Some((__gen_b0,
        // __gen_r1))` and `let g = &__gen_r1;`).
        let mut scan = Scan {
            refs_are_parts: moves_out(pat, false),
            ..Scan::default()
        };
        scan.pat(pat, false);
        if scan.inexact {
            self.inexact |= scan.unbound > 0 || scan.rest;
            return None;
        }
        if scan.unbound == 0 {
            return None;
        }
        let mut rename = Rename {
            first: self.next,
            parts: Vec::new(),
            bindings: Vec::new(),
            refs: Vec::new(),
            refs_are_parts: scan.refs_are_parts,
        };
        rename.pat(pat, false);
        self.next += rename.parts.len() + rename.bindings.len();
        self.changed = true;
        let mut lets: Vec<Stmt> = Vec::new();
        // The name each part has in the body: re-bound when there are several.
        let mut in_body: Vec<(Ident, Ident)> = Vec::new();
        if rename.parts.len() > 1 {
            // Declared last part first, so that they drop in field order.
            for hidden in rename.parts.iter().rev() {
                let part = hidden.to_string().replacen("__gen_p", "__gen_u", 1);
                let part = Ident::new(&part, Span::mixed_site());
                let mutability = rename
                    .refs
                    .iter()
                    .any(|(_, m, h)| h == hidden && m.is_some())
                    .then(<syn::token::Mut>::default);
                lets.push(syn::parse_quote!(let #mutability #part = #hidden;));
                in_body.push((hidden.clone(), part));
            }
        }
        for (user, mutability, hidden) in &rename.refs {
            let part = in_body
                .iter()
                .find(|(h, _)| h == hidden)
                .map_or(hidden, |(_, p)| p);
            lets.push(syn::parse_quote!(let ref #mutability #user = #part;));
        }
        for (user, mutability, hidden) in rename.bindings {
            lets.push(syn::parse_quote!(let #mutability #user = #hidden;));
        }
        Some(lets)
    }
}

/// What a pattern leaves unbound, and whether it can be named exactly.
#[derive(Default)]
struct Scan {
    /// `ref` bindings count as parts (see `moves_out`).
    refs_are_parts: bool,
    unbound: usize,
    inexact: bool,
    /// A `..` that skips fields of the temporary (`Ticket { id, .. }`).
    rest: bool,
}

impl Scan {
    /// `inside`: under a `&` pattern or a binding's subpattern (`x @ Some(_)`), where a `_`
    /// is not a part of the temporary left behind.
    fn pat(&mut self, pat: &Pat, inside: bool) {
        match pat {
            Pat::Wild(_) if !inside => self.unbound += 1,
            Pat::Ident(p) if self.refs_are_parts && is_ref_part(p, inside) => self.unbound += 1,
            Pat::Ident(p) => {
                if let Some((_, sub)) = &p.subpat {
                    self.pat(sub, true);
                }
            }
            Pat::Tuple(t) => t.elems.iter().for_each(|e| self.pat(e, inside)),
            Pat::TupleStruct(t) => t.elems.iter().for_each(|e| self.pat(e, inside)),
            Pat::Slice(s) => s.elems.iter().for_each(|e| self.pat(e, inside)),
            Pat::Struct(s) => {
                let before = self.unbound;
                let mut fields_with_parts = 0;
                for f in &s.fields {
                    let at = self.unbound;
                    self.pat(&f.pat, inside);
                    fields_with_parts += usize::from(self.unbound > at);
                }
                // The declaration order of two fields, in which the temporary drops them, is
                // unknown.
                self.inexact |= fields_with_parts > 1 && self.unbound > before;
            }
            Pat::Paren(p) => self.pat(&p.pat, inside),
            Pat::Reference(r) => self.pat(&r.pat, true),
            Pat::Or(_) | Pat::Macro(_) | Pat::Verbatim(_) => self.inexact = true,
            _ => {}
        }
        if let Pat::Rest(_) = pat {
            self.inexact |= !inside;
            self.rest |= !inside;
        }
        if let Pat::Struct(s) = pat {
            self.inexact |= s.rest.is_some() && !inside;
            self.rest |= s.rest.is_some() && !inside;
        }
    }
}

/// Renames the unbound parts (`__gen_p<i>`), the parts `ref` bindings borrow
/// (`__gen_r<i>`) and the by-value bindings (`__gen_b<i>`).
struct Rename {
    first: usize,
    parts: Vec<Ident>,
    /// The user's name, its `mut`, and the hidden name, in pattern order.
    bindings: Vec<(Ident, Option<syn::token::Mut>, Ident)>,
    /// The user's name of a `ref` binding, its `mut` (`ref mut`), and its part's hidden name.
    refs: Vec<(Ident, Option<syn::token::Mut>, Ident)>,
    refs_are_parts: bool,
}

impl Rename {
    fn fresh(&self, prefix: &str) -> Ident {
        let n = self.first + self.parts.len() + self.bindings.len() + self.refs.len();
        Ident::new(&format!("{prefix}{n}"), Span::mixed_site())
    }

    fn pat(&mut self, pat: &mut Pat, inside: bool) {
        match pat {
            Pat::Wild(w) if !inside => {
                // Where the user's `_` is: the fold copy writes it back there (`fold.rs`).
                let mut hidden = self.fresh("__gen_p");
                hidden.set_span(hidden.span().located_at(w.underscore_token.span));
                self.parts.push(hidden.clone());
                *pat = Pat::Ident(syn::PatIdent {
                    attrs: std::mem::take(&mut w.attrs),
                    by_ref: None,
                    mutability: None,
                    ident: hidden,
                    subpat: None,
                });
            }
            Pat::Ident(p) if self.refs_are_parts && is_ref_part(p, inside) => {
                // The part stays where the user's binding was; the binding borrows it.
                let hidden = self.fresh("__gen_r");
                let user = std::mem::replace(&mut p.ident, hidden.clone());
                p.by_ref = None;
                let mutability = p.mutability.take();
                p.mutability = mutability.map(|_| Default::default());
                self.parts.push(hidden.clone());
                self.refs.push((user, mutability, hidden));
            }
            Pat::Ident(p) if !inside && p.by_ref.is_none() && !is_constant(p) => {
                let hidden = self.fresh("__gen_b");
                let user = std::mem::replace(&mut p.ident, hidden.clone());
                self.bindings.push((user, p.mutability.take(), hidden));
            }
            Pat::Ident(_) => {}
            Pat::Tuple(t) => t.elems.iter_mut().for_each(|e| self.pat(e, inside)),
            Pat::TupleStruct(t) => t.elems.iter_mut().for_each(|e| self.pat(e, inside)),
            Pat::Slice(s) => s.elems.iter_mut().for_each(|e| self.pat(e, inside)),
            Pat::Struct(s) => {
                for f in &mut s.fields {
                    let renamed = matches!(&*f.pat, Pat::Ident(p)
                        if (!inside && p.by_ref.is_none() && !is_constant(p))
                            || (self.refs_are_parts && is_ref_part(p, inside)));
                    if renamed {
                        // `S { name }` into `S { name: __gen_b0 }`, `S { ref name }` beside a
                        // move into `S { name: __gen_r1 }`.
                        f.colon_token.get_or_insert_with(Default::default);
                    }
                    self.pat(&mut f.pat, inside);
                }
            }
            Pat::Paren(p) => self.pat(&mut p.pat, inside),
            Pat::Reference(r) => self.pat(&mut r.pat, true),
            _ => {}
        }
    }
}

/// A `ref` (or `ref mut`) binding of a part of the temporary itself (not under a `&`
/// pattern or a subpattern, and without one).
fn is_ref_part(p: &syn::PatIdent, inside: bool) -> bool {
    !inside && p.by_ref.is_some() && p.subpat.is_none()
}

/// Whether `pat` moves something out of the temporary (a by-value binding) or leaves a
/// `_` part: a `ref` binding beside it then borrows a part of a partly moved value.
fn moves_out(pat: &Pat, inside: bool) -> bool {
    match pat {
        Pat::Wild(_) => !inside,
        Pat::Ident(p) => {
            (!inside && p.by_ref.is_none() && !is_constant(p))
                || p.subpat
                    .as_ref()
                    .is_some_and(|(_, sub)| moves_out(sub, true))
        }
        Pat::Tuple(t) => t.elems.iter().any(|e| moves_out(e, inside)),
        Pat::TupleStruct(t) => t.elems.iter().any(|e| moves_out(e, inside)),
        Pat::Slice(s) => s.elems.iter().any(|e| moves_out(e, inside)),
        Pat::Struct(s) => s.fields.iter().any(|f| moves_out(&f.pat, inside)),
        Pat::Paren(p) => moves_out(&p.pat, inside),
        Pat::Reference(r) => moves_out(&r.pat, true),
        _ => false,
    }
}

/// `None`, `MAX`: a path pattern that parses as an identifier.
fn is_constant(p: &syn::PatIdent) -> bool {
    p.subpat.is_none() && p.mutability.is_none() && crate::parse::names_a_constant(&p.ident)
}

/// A value made for the match (a call, a method call, a tuple, ..), not a place, out of which
/// a pattern could not move; and not a reference, whose parts a pattern only borrows.
fn is_temporary(e: &Expr) -> bool {
    match e {
        Expr::Paren(p) => is_temporary(&p.expr),
        Expr::Call(_) | Expr::Tuple(_) | Expr::Struct(_) | Expr::Try(_) => true,
        Expr::MethodCall(_) => !yields_references(e),
        _ => false,
    }
}

/// Desugar an arm's body `e` into `{ lets; e }` (into the block itself when it is one).
fn prepend(body: &mut Expr, lets: Vec<Stmt>) {
    if let Expr::Block(b) = body
        && b.label.is_none()
        && b.attrs.is_empty()
    {
        b.block.stmts.splice(0..0, lets);
        return;
    }
    let inner = std::mem::replace(body, Expr::Verbatim(Default::default()));
    *body = syn::parse_quote!({ #(#lets)* #inner });
}

fn yields_in(block: &Block) -> bool {
    let mut find = FindYield(false);
    syn::visit::Visit::visit_block(&mut find, block);
    find.0
}

/// Whether any of `stmts` yields (outside closures, async blocks, items, macros' input).
pub(super) fn yields_in_stmts(stmts: &[Stmt]) -> bool {
    let mut find = FindYield(false);
    for stmt in stmts {
        syn::visit::Visit::visit_stmt(&mut find, stmt);
    }
    find.0
}

pub(super) fn yields_in_expr(e: &Expr) -> bool {
    let mut find = FindYield(false);
    syn::visit::Visit::visit_expr(&mut find, e);
    find.0
}

/// A yield outside closures, async blocks, nested items and other macros' input.
struct FindYield(bool);

impl<'ast> syn::visit::Visit<'ast> for FindYield {
    fn visit_expr(&mut self, e: &'ast Expr) {
        match e {
            Expr::Yield(_) => self.0 = true,
            Expr::Closure(_) | Expr::Async(_) => {}
            _ if !self.0 => syn::visit::visit_expr(self, e),
            _ => {}
        }
    }
    fn visit_item(&mut self, _: &'ast syn::Item) {}
    fn visit_macro(&mut self, _: &'ast syn::Macro) {}
}
