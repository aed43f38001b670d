//! Temporaries that a `let` keeps alive to the end of its block, when the block yields after
//! the `let`.
//!
//! In `let tag = &log.make("x");` the value `log.make("x")` is a temporary whose life Rust
//! extends to the end of the enclosing block, as if it were a local declared there. So are the
//! temporaries borrowed in the other *extending* positions of an initializer: an operand of a
//! tuple, an array, a struct literal, a cast or a tuple-struct or variant constructor
//! (`Some(&f())`), the tail of a block, of an `if` branch or of a `match` arm (a temporary
//! made on one path only: initialized on that path), and the base of the fields, indexes
//! and dereferences of an extending borrow (`&row().name`, `&*Box::new(v)`), and the value a
//! pattern with a `ref` binding matches (`let (ref a, _) = (make(), 1);`, also in a `let ..
//! else`, where a value the pattern refuses drops before `else` runs). A flat
//! generator keeps locals across a yield, not temporaries: the value would drop when the
//! generator first suspends. So, before the body is built, desugar
//!
//! ```text
//! let tag = &log.make("x").name;        let pair = (&a(), b());
//! ```
//! into
//! ```text
//! let __gen_x0 = log.make("x");          let __gen_x1;
//! let tag = &__gen_x0.name;              let pair = ({ __gen_x1 = a(); &__gen_x1 }, b());
//! ```
//! which evaluates in the same order and drops identically in plain Rust (a hidden local is
//! declared before the `let`, and initialized there when the whole initializer borrows it,
//! or else where the temporary was made, so it drops where the extended temporary drops). A constant (`&[1, 2]`) is promoted to a `'static` instead and
//! left alone. A borrow of it still used after a yield is then a borrow of a local across it:
//! the macro's own error, which describes the hidden local as the temporary it is. Only in a
//! block that yields after the `let`, or that has a compound after it (an `if`, a `match`, a
//! loop, `&&`, `||`) the analysis may lower into states to give a value moved on some paths
//! its drop flag.

use proc_macro2::Span;
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, Ident, Stmt};

use super::unbound_parts::{yields_in_expr, yields_in_stmts};

/// The prefix of the hidden locals; error messages recognise it ([`is_extended`]).
const PREFIX: &str = "__gen_x";

/// `block` with the extended temporaries of its `let`s desugared into hidden locals, or `None`
/// when there are none to desugar.
pub(crate) fn desugar(block: &Block) -> Option<Block> {
    let mut d = Desugar { next: 0 };
    let mut out = block.clone();
    d.visit_block_mut(&mut out);
    (d.next > 0).then_some(out)
}

/// Whether `ident` names the hidden local of an extended temporary.
pub(crate) fn is_extended(ident: &Ident) -> bool {
    ident.to_string().starts_with(PREFIX)
}

struct Desugar {
    next: usize,
}

/// The hidden locals declared before a `let`, in the order they are made: without a value
/// (`let __gen_x0;`), or, for a temporary made in a branch, as an empty `Option`
/// (`let mut __gen_x0 = None;`, `branch`).
type Hidden = Vec<(Ident, Option<syn::token::Mut>, bool)>;

impl VisitMut for Desugar {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if matches!(e, Expr::Closure(_) | Expr::Async(_)) {
            return;
        }
        visit_mut::visit_expr_mut(self, e);
        if let Expr::ForLoop(f) = e {
            self.bind_ref_items(f);
        }
    }

    fn visit_block_mut(&mut self, block: &mut Block) {
        visit_mut::visit_block_mut(self, block);
        let mut k = 0;
        while k < block.stmts.len() {
            let mut hidden = Vec::new();
            let mut first = None;
            let rest = &block.stmts[k + 1..];
            let after = yields_in_stmts(rest) || has_compound(rest);
            if let Stmt::Local(local) = &mut block.stmts[k]
                && let Some(init) = &mut local.init
                && (after || has_nested_compound(&init.expr))
            {
                // `let r = &temp;`: `let __gen_x0 = temp; let r = &__gen_x0;` (the `let` stays a
                // plain borrow of a local); elsewhere the temporary is made where it stands.
                first = self.hoist_whole(&mut init.expr, &mut hidden);
                let (by_ref, by_ref_mut) = ref_bindings(&local.pat);
                if first.is_none() && by_ref {
                    first = self.hoist_matched(by_ref_mut, &mut init.expr, &mut hidden);
                    // Desugar `let P = temp else { .. };` into `let __gen_xN = temp; let P =
                    // __gen_xN else { drop(__gen_xN); .. };`: a value the pattern refuses
                    // drops before `else` runs, as in Rust.
                    if let (Some(Stmt::Local(hoisted)), Some(diverge)) = (&first, &mut init.diverge)
                        && let syn::Pat::Ident(p) = &hoisted.pat
                        && let Expr::Block(b) = &mut *diverge.1
                    {
                        let ident = &p.ident;
                        b.block
                            .stmts
                            .insert(0, syn::parse_quote!(::core::mem::drop(#ident);));
                    }
                }
                self.extending(&mut init.expr, &mut hidden, false);
            }
            let mut lets: Vec<Stmt> = hidden
                .into_iter()
                .map(|(ident, mutability, branch)| match branch {
                    true => syn::parse_quote!(let mut #ident = ::core::option::Option::None;),
                    false => syn::parse_quote!(let #mutability #ident;),
                })
                .collect();
            lets.extend(first);
            let count = lets.len();
            block.stmts.splice(k..k, lets);
            k += count + 1;
        }
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    fn visit_macro_mut(&mut self, _: &mut syn::Macro) {}
}

impl Desugar {
    /// Desugar an initializer that is itself a borrow of a temporary, `&temp.path`, into
    /// `&__gen_xN.path`, returning `let __gen_xN = temp;` for the statement before.
    fn hoist_whole(&mut self, e: &mut Expr, hidden: &mut Hidden) -> Option<Stmt> {
        let Expr::Reference(r) = strip_parens(e) else {
            return None;
        };
        let mutability = r.mutability;
        let base = temporary_base(&mut r.expr).filter(|b| !is_constant(b))?;
        let (ident, used) = self.fresh(base);
        let mut value = std::mem::replace(base, syn::parse_quote!(#used));
        // The borrows of temporaries inside the value are extended too (`&(&a(), b)`).
        self.extending(&mut value, hidden, false);
        Some(syn::parse_quote!(let #mutability #ident = #value;))
    }

    /// Desugar `for ref g in items { .. yield .. }` (a pattern with a `ref` binding, which
    /// borrows the item where `Iterator::next` left it, until the iteration ends) into `for
    /// __gen_xN in items { let ref g = __gen_xN; .. }`: the item is a local of the iteration,
    /// which the state keeps across the body's yields.
    fn bind_ref_items(&mut self, f: &mut syn::ExprForLoop) {
        if !ref_bindings(&f.pat).0 || !yields_in_stmts(&f.body.stmts) {
            return;
        }
        let (ident, used) = self.fresh(&f.expr);
        let pat = std::mem::replace(&mut *f.pat, syn::parse_quote!(#ident));
        let stmts = std::mem::take(&mut f.body.stmts);
        f.body.stmts = syn::parse_quote! {
            let #pat = #used;
            #(#stmts)*
        };
    }

    /// Desugar `let (ref a, _) = temp.path;`, whose `ref` binding extends the initializer's
    /// temporary as `&temp` does, into `let __gen_xN = temp; let (ref a, _) = __gen_xN.path;`.
    fn hoist_matched(
        &mut self,
        by_ref_mut: bool,
        e: &mut Expr,
        hidden: &mut Hidden,
    ) -> Option<Stmt> {
        let base = temporary_base(e).filter(|b| !is_constant(b))?;
        let (ident, used) = self.fresh(base);
        let mut value = std::mem::replace(base, syn::parse_quote!(#used));
        self.extending(&mut value, hidden, false);
        let mutability = by_ref_mut.then(<syn::Token![mut]>::default);
        Some(syn::parse_quote!(let #mutability #ident = #value;))
    }

    /// A new hidden local, and its name as used in place of the temporary `at` (located
    /// there, so that an error about the borrow points at the temporary).
    fn fresh(&mut self, at: &Expr) -> (Ident, Ident) {
        let ident = Ident::new(&format!("{PREFIX}{}", self.next), Span::mixed_site());
        self.next += 1;
        let mut used = ident.clone();
        used.set_span(Span::mixed_site().located_at(syn::spanned::Spanned::span(at)));
        (ident, used)
    }

    /// Desugar the borrows of temporaries in the extending expression `e` into borrows of
    /// hidden locals, pushed to `hidden` in the order they are made; `branch`: `e` is in an
    /// `if` branch or a `match` arm, evaluated on some paths only.
    fn extending(&mut self, e: &mut Expr, hidden: &mut Hidden, branch: bool) {
        let branches_yield = matches!(e, Expr::If(_) | Expr::Match(_)) && yields_in_expr(e);
        match e {
            Expr::Paren(p) => self.extending(&mut p.expr, hidden, branch),
            Expr::Cast(c) => self.extending(&mut c.expr, hidden, branch),
            Expr::Tuple(t) => t
                .elems
                .iter_mut()
                .for_each(|x| self.extending(x, hidden, branch)),
            Expr::Array(a) => a
                .elems
                .iter_mut()
                .for_each(|x| self.extending(x, hidden, branch)),
            Expr::Struct(s) => s
                .fields
                .iter_mut()
                .for_each(|f| self.extending(&mut f.expr, hidden, branch)),
            Expr::Call(c) if is_constructor(&c.func) => {
                c.args
                    .iter_mut()
                    .for_each(|x| self.extending(x, hidden, branch));
            }
            Expr::Block(b) if b.label.is_none() => self.tail(&mut b.block, hidden, branch),
            // The tails of an `if`'s branches and a `match`'s arms (Rust 1.79): a temporary
            // made on one path only. Not when a branch yields: the lowered compound would carry
            // a borrow of it across the yield as its value (README limit 4).
            Expr::If(i) if !branches_yield => {
                self.tail(&mut i.then_branch, hidden, true);
                if let Some((_, otherwise)) = &mut i.else_branch {
                    self.extending(otherwise, hidden, true);
                }
            }
            Expr::Match(m) if !branches_yield => {
                for arm in &mut m.arms {
                    self.extending(&mut arm.body, hidden, true);
                }
            }
            Expr::Reference(r) => {
                // A temporary inside the borrowed value is extended too (`&(&a(), b)`).
                self.extending(&mut r.expr, hidden, branch);
                let mutability = r.mutability;
                // A constant (`&[1, 2]`, `&None`) is promoted to a `'static` instead.
                let Some(base) = temporary_base(&mut r.expr).filter(|b| !is_constant(b)) else {
                    return;
                };
                let (ident, used) = self.fresh(base);
                if branch {
                    // Desugar `&temp.f` into `&(*x.insert(temp)).f` with `let mut x = None;`
                    // before the `let`: made on this path only, without a drop flag (which
                    // would make the `if` a lowered compound whose value borrows `x`).
                    let value = std::mem::replace(base, Expr::Verbatim(Default::default()));
                    *base = syn::parse_quote!((*#used.insert(#value)));
                    hidden.push((ident, mutability, true));
                    return;
                }
                let value = std::mem::replace(base, syn::parse_quote!(#used));
                let borrow = std::mem::replace(e, Expr::Verbatim(Default::default()));
                *e = syn::parse_quote!({ #ident = #value; #borrow });
                hidden.push((ident, mutability, false));
            }
            _ => {}
        }
    }

    /// The tail expression of `block`, an extending position.
    fn tail(&mut self, block: &mut Block, hidden: &mut Hidden, branch: bool) {
        if let Some(Stmt::Expr(tail, None)) = block.stmts.last_mut() {
            self.extending(tail, hidden, branch);
        }
    }
}

/// Whether the value of `e` holds a borrow of a temporary it makes in an extending position
/// that the desugaring above leaves as written (in an `if` branch or a `match` arm: `if f {
/// Some(&compute().field) } else { None }`). Such a value cannot outlive the statement's arm
/// of the state machine, and is a reference or made of references: `lets.rs` declares its
/// bindings as references, kept only while later code reads them.
pub(crate) fn borrows_a_temporary(e: &Expr) -> bool {
    match e {
        Expr::Paren(p) => borrows_a_temporary(&p.expr),
        Expr::Cast(c) => borrows_a_temporary(&c.expr),
        Expr::Tuple(t) => t.elems.iter().any(borrows_a_temporary),
        Expr::Array(a) => a.elems.iter().any(borrows_a_temporary),
        Expr::Struct(s) => s.fields.iter().any(|f| borrows_a_temporary(&f.expr)),
        Expr::Call(c) if is_constructor(&c.func) => c.args.iter().any(borrows_a_temporary),
        Expr::Block(b) => tail_borrows_a_temporary(&b.block),
        Expr::If(i) => {
            tail_borrows_a_temporary(&i.then_branch)
                || i.else_branch
                    .as_ref()
                    .is_some_and(|(_, other)| borrows_a_temporary(other))
        }
        Expr::Match(m) => m.arms.iter().any(|arm| borrows_a_temporary(&arm.body)),
        Expr::Reference(r) => {
            let mut operand = (*r.expr).clone();
            temporary_base(&mut operand).is_some_and(|base| !is_constant(base))
        }
        _ => false,
    }
}

fn tail_borrows_a_temporary(block: &Block) -> bool {
    matches!(block.stmts.last(), Some(Stmt::Expr(tail, None)) if borrows_a_temporary(tail))
}

/// `Some`, `Ok`, `Wrapper`, `Shape::Circle`: a tuple-struct or variant constructor, whose
/// arguments are extending like a tuple's elements (by the capitalized name, as the macro sees
/// no items).
pub(crate) fn is_constructor(func: &Expr) -> bool {
    matches!(func, Expr::Path(p) if p.qself.is_none() && p.path.segments.last().is_some_and(|s| {
        s.ident.to_string().starts_with(|c: char| c.is_ascii_uppercase())
    }))
}

/// Whether `e` is a constant expression that rustc promotes to a `'static` when borrowed:
/// literals, paths to constants and unit variants, and what is built of them with std's
/// variants (`Some(1)`, `Ok("a")`). A constructor of the user's (`&G("ext")`) is promoted
/// only when its type has no `Drop`, which the macro cannot see: it is taken for an extended
/// temporary, which drops at the end of the block as a `Drop` value must (a value without a
/// `Drop` has no drop timing to keep).
fn is_constant(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) => true,
        Expr::Path(p) => p.path.segments.last().is_some_and(|s| {
            s.ident
                .to_string()
                .starts_with(|c: char| c.is_ascii_uppercase())
        }),
        Expr::Paren(p) => is_constant(&p.expr),
        Expr::Cast(c) => is_constant(&c.expr),
        Expr::Unary(u) => !matches!(u.op, syn::UnOp::Deref(_)) && is_constant(&u.expr),
        Expr::Binary(b) => is_constant(&b.left) && is_constant(&b.right),
        Expr::Tuple(t) => t.elems.iter().all(is_constant),
        Expr::Array(a) => a.elems.iter().all(is_constant),
        Expr::Call(c) => {
            matches!(&*c.func, Expr::Path(p) if p.path.segments.last().is_some_and(
                |s| s.ident == "Some" || s.ident == "Ok" || s.ident == "Err"))
                && c.args.iter().all(is_constant)
        }
        _ => false,
    }
}

/// The temporary a borrow of `e` extends: `e` itself when it is a value (not a place), or the
/// base of the fields, indexes and dereferences it projects (`make().name`, `rows()[0]`,
/// `*Box::new(v)`).
fn strip_parens(e: &mut Expr) -> &mut Expr {
    match e {
        Expr::Paren(p) => strip_parens(&mut p.expr),
        other => other,
    }
}

fn temporary_base(e: &mut Expr) -> Option<&mut Expr> {
    let projection = match &*e {
        Expr::Paren(_) | Expr::Field(_) | Expr::Index(_) => true,
        Expr::Unary(u) => matches!(u.op, syn::UnOp::Deref(_)),
        Expr::Call(_)
        | Expr::MethodCall(_)
        | Expr::Macro(_)
        | Expr::Struct(_)
        | Expr::Tuple(_)
        | Expr::Array(_)
        | Expr::Binary(_)
        | Expr::If(_)
        | Expr::Match(_)
        | Expr::Block(_) => return Some(e),
        _ => return None,
    };
    let inner = match e {
        Expr::Paren(p) if projection => &mut p.expr,
        Expr::Field(f) => &mut f.base,
        Expr::Index(i) => &mut i.expr,
        Expr::Unary(u) if projection => &mut u.expr,
        _ => return None,
    };
    temporary_base(inner)
}

/// Whether `pat` has a `ref` binding (an extending pattern), and a `ref mut` one.
fn ref_bindings(pat: &syn::Pat) -> (bool, bool) {
    let mut found = Vec::new();
    crate::parse::pat_bindings(pat, &mut found);
    (
        found.iter().any(|b| b.by_ref),
        found.iter().any(|b| b.mut_ref),
    )
}

/// Whether `stmts` hold a compound the analysis may lower into states without a yield
/// (`plan/conflicts.rs`): an `if`, a `match`, a loop, `&&` or `||` (not in closures).
fn has_compound(stmts: &[Stmt]) -> bool {
    let mut find = Compounds(0);
    for stmt in stmts {
        syn::visit::Visit::visit_stmt(&mut find, stmt);
    }
    find.0 > 0
}

/// Whether an initializer holds a compound inside another (`if (if c { a } else { b }) > n
/// { &x() } else { &y() }`): the analysis may lower the inner one into a join, and the
/// outer one's branches with it, where the temporary they borrow would drop.
fn has_nested_compound(init: &Expr) -> bool {
    let mut find = Compounds(0);
    syn::visit::Visit::visit_expr(&mut find, init);
    find.0 > 1
}

/// Counts the compounds (`if`, `match`, loops, `&&`, `||`) outside closures and items.
struct Compounds(usize);

impl<'a> syn::visit::Visit<'a> for Compounds {
    fn visit_expr(&mut self, e: &'a Expr) {
        match e {
            Expr::Closure(_) | Expr::Async(_) => return,
            Expr::If(_) | Expr::Match(_) | Expr::While(_) | Expr::ForLoop(_) | Expr::Loop(_) => {
                self.0 += 1
            }
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                self.0 += 1
            }
            _ => {}
        }
        syn::visit::visit_expr(self, e);
    }
    fn visit_item(&mut self, _: &'a syn::Item) {}
}
