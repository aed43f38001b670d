//! What a value may borrow, judged from the expression that makes it (the lowering has no
//! types): see `Borrows`. The judgement decides two things at a yield: a local that certainly
//! borrows a generator local and is still needed is the flat generator's one limit (a spanned
//! error); a local that may borrow one and is no longer needed is not kept (a plain coroutine
//! could not keep it either).

use syn::Expr as SynExpr;

use super::Builder;
use super::call_facts::{
    calls_next, clones_its_argument, moves_captures, only_read_through, returns_owned,
};
use super::methods::{ADAPTERS, PASS_ON};
use crate::lower::flat::ir::{BindingId, BindingKind, Borrows, Expr, ExprKind, Use};

impl Builder<'_> {
    /// What the value of `e` may borrow.
    pub(crate) fn borrows_of(&self, e: &Expr) -> Borrows {
        match &e.kind {
            // `*m` of a reference `m` into a local (`for m in adj.get(&n)..`): a value read
            // out of the local, which carries what the local's data borrows, not the
            // reference's borrow of it (`stack.push(*m)` copies a number).
            ExprKind::Place {
                place,
                how: Use::Value,
                syn:
                    SynExpr::Unary(syn::ExprUnary {
                        op: syn::UnOp::Deref(_),
                        ..
                    }),
                ..
            } if place.path.is_empty()
                && self.ir.bindings[place.binding].by_ref
                && !self.ir.bindings[place.binding].owns =>
            {
                match self.ir.bindings[place.binding].borrows {
                    Borrows::Definitely(owner, _) => self.ir.bindings[owner].borrows.clone(),
                    Borrows::Likely(owner) => likely(self.ir.bindings[owner].borrows.clone()),
                    ref other => other.clone(),
                }
            }
            // Moving or copying a value carries what it borrows.
            ExprKind::Place {
                place,
                how: Use::Value,
                ..
            } => self.ir.bindings[place.binding].borrows.clone(),
            // `let alias = r;` of a reference: a copy of it, which borrows what it borrows.
            ExprKind::Place {
                place,
                syn: SynExpr::Path(_),
                ..
            } if place.path.is_empty() && self.ir.bindings[place.binding].by_ref => {
                self.ir.bindings[place.binding].borrows.clone()
            }
            ExprKind::Place { .. } => Borrows::Nothing,
            // `vec![(&root, ..)]` holds its elements, and what they borrow.
            ExprKind::Macro {
                mac,
                args: crate::lower::flat::ir::MacroArgs::Exprs { exprs, .. },
            } if mac.path.is_ident("vec") => strongest(exprs.iter().map(|x| self.borrows_of(x))),
            ExprKind::Op { syn, operands, .. } => match syn {
                // `&v` of a variable an `iter!` block captures: the block owns the capture,
                // whatever its type, so this borrows the block's own local.
                SynExpr::Reference(_)
                    if self.ir.inline
                        && matches!(&operands[0].kind, ExprKind::Place { place, .. }
                            if place.path.is_empty()
                                && self.ir.bindings[place.binding].kind == BindingKind::Param) =>
                {
                    let ExprKind::Place { place, .. } = &operands[0].kind else {
                        unreachable!("matched above")
                    };
                    Borrows::Definitely(place.binding, e.spans)
                }
                SynExpr::Reference(r) => {
                    self.borrow_of_place(&operands[0], r.mutability.is_some(), e)
                }
                SynExpr::MethodCall(m) => self.method_borrows(m, operands, e),
                SynExpr::Index(_) => match &operands[0].kind {
                    // An element read out of a container: a borrow of the container, or what
                    // its elements borrow (through a reference to a local too: `list[i]` with
                    // `ref mut list` is a copy of an element, maybe a borrow).
                    ExprKind::Place { place, .. } => likely(strongest(
                        [
                            self.maybe_of(place.binding),
                            self.ir.bindings[place.binding].borrows.clone(),
                        ]
                        .into_iter(),
                    )),
                    _ => likely(self.borrows_of(&operands[0])),
                },
                // `m.last_key_value().unwrap().0`, `(&v[0], 1).0`: a field of a value (not of a
                // place, which is a place itself) probably holds what the value borrows.
                SynExpr::Field(_) => likely(self.borrows_of(&operands[0])),
                SynExpr::Call(_) if returns_owned(&operands[0]) => Borrows::Nothing,
                // `Rc::clone(&shared)`, `Rc::downgrade(&node)`, `Clone::clone(&v)`: a value
                // of its own, holding what the referent's data borrows.
                SynExpr::Call(_) if operands.len() == 2 && clones_its_argument(&operands[0]) => {
                    match &operands[1].kind {
                        ExprKind::Op {
                            syn: SynExpr::Reference(_),
                            operands: inner,
                            ..
                        } => match &inner[0].kind {
                            ExprKind::Place { place, .. } if place.path.is_empty() => {
                                likely(self.ir.bindings[place.binding].borrows.clone())
                            }
                            _ => likely(self.borrows_of(&inner[0])),
                        },
                        _ => likely(self.borrows_of(&operands[1])),
                    }
                }
                // `Iterator::next(it.by_ref())`, `Iterator::next(&mut it)` (`by_ref_loops.rs`):
                // an item of the iterator, which borrows what the iterator borrows; through a
                // reference to one (`src: &mut I`), what the caller's iterator borrows.
                SynExpr::Call(_) if operands.len() == 2 && calls_next(&operands[0]) => {
                    match self.borrowed_iterator(&operands[1]) {
                        Some(it) => self.ir.bindings[it].borrows.clone(),
                        None if self.steps_a_referenced_iterator(&operands[1]) => Borrows::Nothing,
                        None => likely(self.borrows_of(&operands[1])),
                    }
                }
                // `(|| Some(&s[..1]))()`: what a closure capturing a local by reference
                // makes, called in place, may borrow that local.
                SynExpr::Call(_)
                    if let Some((owner, _)) = self.captured_by_reference(&operands[0]) =>
                {
                    Borrows::Likely(owner)
                }
                SynExpr::Call(_) => {
                    likely(strongest(operands[1..].iter().map(|a| self.borrows_of(a))))
                }
                SynExpr::Tuple(_)
                | SynExpr::Array(_)
                | SynExpr::Paren(_)
                | SynExpr::Group(_)
                | SynExpr::Struct(_)
                | SynExpr::Cast(_)
                | SynExpr::Try(_) => strongest(operands.iter().map(|a| self.borrows_of(a))),
                _ => Borrows::Nothing,
            },
            ExprKind::Try { inner, .. } => self.borrows_of(inner),
            ExprKind::Block { block, .. } => self.tail_borrows(block),
            ExprKind::If {
                then, otherwise, ..
            } => {
                let other = otherwise
                    .as_ref()
                    .map_or(Borrows::Nothing, |o| self.borrows_of(o));
                branch_value(strongest([self.tail_borrows(then), other].into_iter()))
            }
            ExprKind::Match { arms, .. } => {
                branch_value(strongest(arms.iter().map(|a| self.borrows_of(&a.body))))
            }
            // A closure or async block without `move` borrows what it captures and does not
            // move.
            // A plain (`Copy`) local used by value is captured by reference too.
            // A `Copy` local used by value is captured by reference too (a number, a shared
            // reference such as a `&str` argument: a borrow of the local that holds it).
            ExprKind::Closure { syn, captures, .. } if !moves_captures(syn) => strongest(
                captures
                    .iter()
                    .filter(|(p, how)| {
                        let b = &self.ir.bindings[p.binding];
                        *how != Use::Value
                            || b.known_copy()
                            || super::call_facts::only_numbers_through(syn, &b.ident.to_string())
                    })
                    .map(|(place, _)| {
                        let b = &self.ir.bindings[place.binding];
                        if b.by_ref && !b.mut_ref && b.kind != BindingKind::Temp {
                            // A reference used whole (`|| f(v)`, `|l| l == needle`) is
                            // captured by a borrow of the local that holds it; one only read
                            // through (`|i| v[i]`, `|| m.lock()`, `v.len`) by a borrow of what
                            // it points to (the closure captures `*v`).
                            if only_read_through(syn, &b.ident.to_string()) {
                                b.borrows.clone()
                            } else {
                                Borrows::Definitely(place.binding, e.spans)
                            }
                        } else if self.ir.inline
                            && b.kind == BindingKind::Param
                            && !only_read_through(syn, &b.ident.to_string())
                        {
                            // A capture of `iter!` used whole (`|x| x + k`): the closure
                            // borrows the block's own variable, whatever its type.
                            Borrows::Definitely(place.binding, e.spans)
                        } else {
                            self.borrow_of_binding(place.binding, false, false, e.spans)
                        }
                    }),
            ),
            _ => Borrows::Nothing,
        }
    }

    /// Whether some branch of `e`'s value certainly borrows a local (`&words[0]` in `if f {
    /// &words[0] } else { &other }`): the value's type then holds that borrow, whichever
    /// branch ran.
    pub(super) fn borrows_on_some_branch(&self, e: &Expr) -> bool {
        let tail = |block: &crate::lower::flat::ir::Block| match block.stmts.last() {
            Some(crate::lower::flat::ir::Stmt::Expr {
                expr, semi: false, ..
            }) => self.borrows_on_some_branch(expr),
            _ => false,
        };
        match &e.kind {
            ExprKind::Block { block, .. } => tail(block),
            ExprKind::If {
                then, otherwise, ..
            } => {
                tail(then)
                    || otherwise
                        .as_ref()
                        .is_some_and(|o| self.borrows_on_some_branch(o))
            }
            ExprKind::Match { arms, .. } => {
                arms.iter().any(|a| self.borrows_on_some_branch(&a.body))
            }
            _ => {
                extended_temporary(e).is_some()
                    || matches!(self.borrows_of(e), Borrows::Definitely(..))
            }
        }
    }

    fn tail_borrows(&self, block: &crate::lower::flat::ir::Block) -> Borrows {
        match block.stmts.last() {
            Some(crate::lower::flat::ir::Stmt::Expr {
                expr, semi: false, ..
            }) => self.borrows_of(expr),
            _ => Borrows::Nothing,
        }
    }

    /// A method of unknown signature called on `binding`: maybe a borrow of it.
    pub(super) fn maybe_of(&self, binding: crate::lower::flat::ir::BindingId) -> Borrows {
        if self.ir.bindings[binding].by_ref {
            // Through a reference: what it borrows (`let t = line.trim(); t.split_once(..)`).
            self.ir.bindings[binding].borrows.clone()
        } else {
            Borrows::Maybe
        }
    }

    /// The iterator local `it` of `&mut it` or `it.by_ref()` (a built expression), through
    /// the adapters over it (`it.by_ref().take(n)`).
    pub(super) fn borrowed_iterator(&self, e: &Expr) -> Option<crate::lower::flat::ir::BindingId> {
        let ExprKind::Op { syn, operands, .. } = &e.kind else {
            return None;
        };
        let target = match syn {
            SynExpr::Reference(r) if r.mutability.is_some() => &operands[0],
            SynExpr::MethodCall(m) if m.method == "by_ref" && m.args.is_empty() => &operands[0],
            SynExpr::MethodCall(m)
                if ADAPTERS.contains(&m.method.to_string().as_str())
                    || PASS_ON.contains(&m.method.to_string().as_str()) =>
            {
                return self.borrowed_iterator(&operands[0]);
            }
            SynExpr::Paren(_) => return self.borrowed_iterator(&operands[0]),
            _ => return None,
        };
        let ExprKind::Place { place, .. } = &target.kind else {
            return None;
        };
        (place.path.is_empty() && self.ir.bindings[place.binding].holds_value())
            .then_some(place.binding)
    }

    /// `it.by_ref()` or `&mut it` of a reference `it` (a `&mut I` parameter).
    fn steps_a_referenced_iterator(&self, e: &Expr) -> bool {
        let ExprKind::Op { syn, operands, .. } = &e.kind else {
            return false;
        };
        let stepped = match syn {
            SynExpr::Reference(r) => r.mutability.is_some(),
            SynExpr::MethodCall(m) => m.method == "by_ref" && m.args.is_empty(),
            _ => false,
        };
        stepped
            && matches!(&operands[0].kind, ExprKind::Place { place, .. }
                if place.path.is_empty() && self.ir.bindings[place.binding].by_ref)
    }

    /// `&mut it` or `it.by_ref()` where `it` is an iterator made from a borrow (`let mut it =
    /// data.iter();`): the binding `it`.
    pub(crate) fn iterator_local(&self, e: &SynExpr) -> Option<crate::lower::flat::ir::BindingId> {
        let target = match e {
            SynExpr::Reference(r) if r.mutability.is_some() => &*r.expr,
            SynExpr::MethodCall(m) if m.method == "by_ref" && m.args.is_empty() => &*m.receiver,
            SynExpr::Paren(p) => return self.iterator_local(&p.expr),
            _ => return None,
        };
        let place = self.place_of(target)?;
        let b = &self.ir.bindings[place.binding];
        (place.path.is_empty() && b.by_ref && b.owns).then_some(place.binding)
    }

    /// A borrow of the place `operand` names: of a generator local when the binding owns its
    /// value; through it (fine, unless mutable) when the binding is a reference.
    pub(super) fn borrow_of_place(&self, operand: &Expr, mutable: bool, whole: &Expr) -> Borrows {
        // `&v[i]`, `&mut grid[r][c]`: a borrow of (an element in) the container.
        if let ExprKind::Op {
            syn: SynExpr::Index(_),
            operands,
            ..
        } = &operand.kind
        {
            return self.borrow_of_place(&operands[0], mutable, whole);
        }
        let ExprKind::Place { place, .. } = &operand.kind else {
            return self.borrows_of(operand);
        };
        // `v.data.iter()` of `let v = View { data, .. };`; `o.src.split(',')` of `o: Lexer<'_>`
        // (maybe a borrow through a `&str` field).
        if let Some(through) = self.borrow_through_a_field(place, mutable, operand.spans.0) {
            return through;
        }
        let whole_local = place.path.is_empty();
        self.borrow_of_binding(place.binding, mutable, whole_local, whole.spans)
    }

    /// A borrow of (a place in) `id`, made by the code at `spans`.
    fn borrow_of_binding(
        &self,
        id: crate::lower::flat::ir::BindingId,
        mutable: bool,
        whole_local: bool,
        spans: crate::lower::flat::ir::Spans,
    ) -> Borrows {
        let binding = &self.ir.bindings[id];
        // A value of its own made from a borrow (`let it = data.iter();`, an iterator, not a
        // reference): `&mut it` borrows the local `it` itself.
        if !binding.holds_value() {
            // A shared borrow through a `&mut` argument (`self.items.iter()` with `&mut
            // self`) cannot be kept with the argument either: the state would move the
            // `&mut` while the borrow freezes it.
            let shared_through_argument = binding.kind == BindingKind::Param
                && matches!(binding.borrows, Borrows::Nothing | Borrows::Maybe);
            if binding.mut_ref && (mutable || shared_through_argument) {
                return Borrows::MutThrough(id, spans);
            }
            // A reborrow through the reference: of what it borrows (nothing of the
            // generator's when it points outside, `&str` argument; `line` for
            // `let t = line.trim();`).
            return binding.borrows.clone();
        }
        // Maybe a reference (`let header = lines.next()?;`): maybe a reborrow through it,
        // unless mutable: `&mut header` borrows the local itself, whatever its type (a
        // reborrow through a `&mut` keeps the `&mut` borrowed).
        if !(binding.owns || (mutable && whole_local)) {
            return Borrows::Likely(id);
        }
        Borrows::Definitely(id, spans)
    }
}

/// `Definitely` becomes `Likely`: the value came through a call whose signature is unknown.
pub(super) fn likely(b: Borrows) -> Borrows {
    match b {
        Borrows::Definitely(owner, _) => Borrows::Likely(owner),
        other => other,
    }
}

/// The strongest of several judgements.
/// What the value of an `if` or a `match` borrows, from its strongest branch: a branch that
/// certainly borrows a local (`if flag { &a } else { &b }`) gives the value's type that
/// borrow whichever branch ran; anything weaker stays a likelihood.
fn branch_value(strongest: Borrows) -> Borrows {
    match strongest {
        Borrows::Definitely(..) => strongest,
        other => likely(other),
    }
}

pub(super) fn strongest(all: impl Iterator<Item = Borrows>) -> Borrows {
    let rank = |b: &Borrows| match b {
        Borrows::Nothing => 0,
        Borrows::Maybe => 1,
        Borrows::MutThrough(..) => 2,
        Borrows::Likely(_) => 3,
        Borrows::Definitely(..) => 4,
    };
    let mut best = Borrows::Nothing;
    for b in all {
        if rank(&b) > rank(&best) {
            best = b;
        }
    }
    best
}

/// The hidden local of `&(*x.insert(temp))`, a temporary a `let` extends from an `if` branch
/// (`extended_temps.rs`).
fn extended_temporary(e: &Expr) -> Option<BindingId> {
    fn operand(e: &Expr) -> Option<&Expr> {
        match &e.kind {
            ExprKind::Op { operands, .. } if operands.len() == 1 => Some(&operands[0]),
            _ => None,
        }
    }
    let ExprKind::Op {
        syn: SynExpr::Reference(_),
        ..
    } = &e.kind
    else {
        return None;
    };
    let mut inner = operand(e)?;
    while let ExprKind::Op {
        syn: SynExpr::Unary(_) | SynExpr::Paren(_),
        ..
    } = &inner.kind
    {
        inner = operand(inner)?;
    }
    let ExprKind::Op {
        syn: SynExpr::MethodCall(m),
        operands,
        ..
    } = &inner.kind
    else {
        return None;
    };
    match &operands.first()?.kind {
        ExprKind::Place { place, .. } if m.method == "insert" && place.path.is_empty() => {
            Some(place.binding)
        }
        _ => None,
    }
}
