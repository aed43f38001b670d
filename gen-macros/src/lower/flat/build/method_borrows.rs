//! What the value of a method call may borrow (`borrows.rs` judges every other expression):
//! by the method's name, its receiver and its arguments.

use syn::Expr as SynExpr;

use super::Builder;
use super::borrows::{likely, strongest};
use super::item_chains::{
    builds_a_value_from_each, builds_items, drained_container, maps_to_owned_items,
    transforms_items, yields_borrowed_items, yields_plain_items,
};
use super::methods::{
    ADAPTERS, BORROWING, ELEMENT_ACCESS, NUMERIC, OWNED, PASS_ON, PLAIN_RESULT, STR_BORROWING,
    TYPED_BY_ARGUMENT,
};
use super::receiver_methods::TAKES_ELEMENT;
use crate::lower::flat::ir::{Borrows, Expr, ExprKind, ItemKind};

/// Besides `ELEMENT_ACCESS`, methods whose `Option` a function maps to a value of its own
/// (`slots.first_mut().and_then(|s| s.take())`, `s.split_once('=').map(|(k, v)| ..)`).
const MAPPED_ACCESS: &[&str] = &[
    "first_mut",
    "last_mut",
    "get_mut",
    "peek_mut",
    "front",
    "back",
    "front_mut",
    "back_mut",
    "split_once",
    "rsplit_once",
    "strip_prefix",
    "strip_suffix",
    "split_first",
    "split_last",
];

/// `v.first()`, `v.get(i)`, through the `Option` combinators that keep an element
/// (`v.first().or_else(|| v.last())`, `a.first().zip(b.first())`,
/// `n.first().and_then(|&i| n.get(i))`).
fn accesses_an_element(e: &Expr) -> bool {
    let ExprKind::Op {
        syn: SynExpr::MethodCall(r),
        operands,
        ..
    } = &e.kind
    else {
        return false;
    };
    let name = r.method.to_string();
    ELEMENT_ACCESS.contains(&name.as_str())
        || MAPPED_ACCESS.contains(&name.as_str())
        || (matches!(
            name.as_str(),
            "or_else" | "or" | "zip" | "and_then" | "filter" | "xor"
        ) && accesses_an_element(&operands[0]))
}

/// Methods that hand out or gather an iterator's items.
const ITEM_CONSUMERS: &[&str] = &[
    "collect",
    "next",
    "next_back",
    "last",
    "nth",
    "max",
    "min",
    "max_by",
    "min_by",
    "max_by_key",
    "min_by_key",
    "find",
    "partition",
    "unzip",
];

impl Builder<'_> {
    /// `receiver.method(args)`.
    pub(super) fn method_borrows(
        &self,
        m: &syn::ExprMethodCall,
        operands: &[Expr],
        whole: &Expr,
    ) -> Borrows {
        let by_name = self.method_borrows_by_name(m, operands, whole);
        self.closure_value_borrows(m, operands, whole, &by_name)
            .unwrap_or(by_name)
    }

    /// What the value of `receiver.method(args)` borrows, judged by the method's name, its
    /// receiver and its arguments.
    fn method_borrows_by_name(
        &self,
        m: &syn::ExprMethodCall,
        operands: &[Expr],
        whole: &Expr,
    ) -> Borrows {
        let name = m.method.to_string();
        let receiver = &operands[0];
        // `v.iter().fold(0, |a, &x| a + x)`, `.fold(String::new(), ..)`: a value of the type
        // of its start, which owns its data.
        let folds_into_owned = matches!(name.as_str(), "fold" | "rfold")
            && operands
                .get(1)
                .is_some_and(|a| self.number(a) || self.owning_value(a));
        if OWNED.contains(&name.as_str())
            || folds_into_owned
            || self.typed_by_plain_argument(&name, operands)
            || turbofish_owns(m)
            || (ITEM_CONSUMERS.contains(&name.as_str()) && yields_plain_items(receiver))
        {
            return Borrows::Nothing;
        }
        // `f.trim().into()`: a conversion to a type the macro cannot see, as often an owned
        // one (`String`, `Box<str>`, `PathBuf`) as the same borrow (`Into<&str>` for `&str`).
        if matches!(name.as_str(), "into" | "try_into") && m.args.is_empty() {
            return likely(self.borrows_of(receiver));
        }
        // `waiting.drain(..).collect()`: the elements taken out by value hold what the
        // container's elements borrow, not the container (as `pop()` does).
        if ITEM_CONSUMERS.contains(&name.as_str())
            && let Some(container) = drained_container(receiver)
        {
            return self.ir.bindings[container].borrows.clone();
        }
        if (name == "copied" || name == "cloned")
            && let Some(borrows) = self.copied_element(receiver)
        {
            return borrows;
        }
        // `parts.next().map(str::to_owned)`, `v.first().map(|s| s.to_string())`: the value
        // the function builds out of an element, kept like any value. (An iterator's `map`
        // is an adapter, which holds the iterator.)
        if matches!(name.as_str(), "map" | "and_then" | "map_or_else")
            && accesses_an_element(receiver)
            && operands.get(1).is_some_and(builds_a_value_from_each)
        {
            return Borrows::Maybe;
        }
        // `v.iter().enumerate().max_by_key(..).map(|(i, _)| i)`: the index of the item.
        if matches!(name.as_str(), "map" | "and_then" | "map_or_else")
            && super::item_chains::index_of_an_enumerated_item(receiver, operands.get(1))
        {
            return Borrows::Maybe;
        }
        // `n.first().and_then(|&i| n.get(i)).copied()`: a copy of an element.
        if matches!(name.as_str(), "copied" | "cloned")
            && m.args.is_empty()
            && accesses_an_element(receiver)
        {
            return Borrows::Maybe;
        }
        // `parts.collect()`, `made.next()` of an iterator local whose items a closure builds
        // (`let mut made = v.iter().map(|&n| Thing(n));`): values of their own.
        if ITEM_CONSUMERS.contains(&name.as_str())
            && let ExprKind::Place { place, .. } = &receiver.kind
            && place.path.is_empty()
            && self.ir.item_iterators.get(&place.binding) == Some(&ItemKind::Built)
        {
            return Borrows::Maybe;
        }
        // `s.chars().map(|c| c.to_ascii_uppercase()).collect()`, `l.split(',').map(str::len)
        // .max()`: values a function made of each item, which own their data.
        if ITEM_CONSUMERS.contains(&name.as_str()) && self.owns_its_items(receiver) {
            return Borrows::Maybe;
        }
        // `local.iter().nth(1)`: a view into what the iterator borrows, as of a `let` of it.
        if ITEM_CONSUMERS.contains(&name.as_str())
            && name != "collect"
            && yields_borrowed_items(receiver)
            && !transforms_items(receiver)
        {
            return self.borrows_of(receiver);
        }
        // `src.iter().cloned().collect()`: copies of the elements, which hold what the
        // elements borrow, not the container (values with a `Drop` keep their timing).
        if ITEM_CONSUMERS.contains(&name.as_str())
            && let Some(borrows) = self.copied_items(receiver)
        {
            return borrows;
        }
        // `it.by_ref().take(n).collect()`, `(&mut it).next()`: what comes out of the borrowed
        // iterator `it` (its items, a sum) borrows what `it` borrows, not `it`.
        if !ADAPTERS.contains(&name.as_str())
            && !PASS_ON.contains(&name.as_str())
            && name != "by_ref"
            && let Some(it) = self.borrowed_iterator(receiver)
        {
            return self.ir.bindings[it].borrows.clone();
        }
        // `reader.lines()` on a reader binding (`readers.rs`) takes it.
        let consuming = super::operands::consumes_receiver(&name, m.args.len())
            || matches!(&receiver.kind, ExprKind::Place { place, .. }
                if place.path.is_empty()
                    && self.ir.readers.contains(&place.binding)
                    && super::readers::consumes_reader(m));
        if let ExprKind::Place { place, .. } = &receiver.kind {
            let binding = place.binding;
            if consuming {
                // The receiver is moved in: the result carries what it borrowed.
                return self.ir.bindings[binding].borrows.clone();
            }
            // `stack.pop()`, `queue.pop_front()`, `map.remove(&k)`: an element taken out by
            // value holds what the container's elements borrow, not the container.
            if TAKES_ELEMENT.contains(&name.as_str()) {
                // Through a guard (`queue.lock().unwrap().pop_front()`): what the elements of
                // the locked container borrow, not the guard's borrow of its lock.
                if self.ir.guards.contains(&binding) || self.ir.held_guards.contains(&binding) {
                    return match self.ir.bindings[binding].borrows {
                        Borrows::Definitely(owner, _) | Borrows::Likely(owner) => {
                            self.ir.bindings[owner].borrows.clone()
                        }
                        _ => Borrows::Nothing,
                    };
                }
                return self.ir.bindings[binding].borrows.clone();
            }
            let mutable = name.ends_with("_mut") || name == "drain";
            // `text.lines()` of a `String` parameter: `str::lines` borrows (`BufRead::lines`
            // would take the reader).
            let of_text =
                STR_BORROWING.contains(&name.as_str()) && self.ir.texts.contains(&binding);
            // `m.lock()`, `cell.borrow_mut()`: a guard borrows the lock it locks.
            let guard = m.args.is_empty()
                && matches!(
                    name.as_str(),
                    "lock" | "try_lock" | "read" | "write" | "borrow" | "borrow_mut"
                );
            // `Cell::get()` copies the value out (`map.get(k)` borrows).
            let copies_out = name == "get" && m.args.is_empty();
            if (BORROWING.contains(&name.as_str()) && !copies_out) || of_text || guard {
                return self.borrow_of_place(receiver, mutable, whole);
            }
            // `v.last()` borrows a slice's element, but `Iterator::last` takes the iterator:
            // not kept once dead (an `Option<&T>` has nothing to drop), never an error.
            // Of a collection the macro knows (`vec![..]`, `String::new()`): the slice's.
            if name == "last" && m.args.is_empty() && !self.ir.bindings[binding].by_ref {
                if self.ir.not_copy.contains(&binding) && !self.ir.boxes.contains(&binding) {
                    return self.borrow_of_place(receiver, false, whole);
                }
                return Borrows::Likely(binding);
            }
            // `v.last()` through a `&mut` reference (`v: &mut Vec<T>`, `self.items`), as
            // `v.first()`: a reborrow through it, free again once dead.
            if name == "last" && m.args.is_empty() && self.ir.bindings[binding].mut_ref {
                return self.borrow_of_place(receiver, false, whole);
            }
            // A copy out of a `Cell`, kept like any value (a value built from it keeps its
            // drop timing); `OnceCell::get()`'s borrow, if kept, is rustc's to judge.
            if copies_out {
                return self.maybe_of(binding);
            }
            // `parts.next()` of `let mut parts = line.split(',');`: an item borrows what the
            // iterator borrows, as `line.split(',').next()` does (`Ir::item_iterators`).
            if ITEM_CONSUMERS.contains(&name.as_str())
                && let Some(&kind) = self.ir.item_iterators.get(&binding)
            {
                return match kind {
                    ItemKind::Plain => Borrows::Nothing,
                    ItemKind::Built => Borrows::Maybe,
                    ItemKind::Borrowed => self.ir.bindings[binding].borrows.clone(),
                    ItemKind::Taken(owner) => match owner.map(|o| &self.ir.bindings[o]) {
                        Some(o) if !o.by_ref => o.borrows.clone(),
                        _ => Borrows::Nothing,
                    },
                };
            }
            // `text.lines()`, `data.split(b',')` of a local whose type the macro cannot see:
            // `str`'s borrow it, `BufRead`'s take it (`readers.rs`). Probably a borrow: kept
            // beside the local (which the macro does not take for moved), the body is lowered
            // `boxed` (`plan/inexact.rs`), exact for both.
            if super::readers::consumes_reader(m)
                && !self.ir.bindings[binding].by_ref
                && !self.ir.texts.contains(&binding)
            {
                return Borrows::Likely(binding);
            }
            // `match G::new("t").name() { .. }`: a method the macro does not know, on the
            // temporary a scrutinee reads through (`scrutinee_temps.rs`), probably returns a
            // view into it (the plain function keeps the temporary for it).
            if self.ir.read_temporaries.contains(&binding) {
                return Borrows::Likely(binding);
            }
            // A method the macro does not know, on a reference to a local (`r.id()` with `r =
            // &g`): the same call as on the local (`g.id()`), maybe a borrow, kept like an owned
            // value; rustc judges it if it is a borrow kept across a yield.
            let b = &self.ir.bindings[binding];
            if b.by_ref && matches!(b.borrows, Borrows::Definitely(..)) {
                return Borrows::Maybe;
            }
            return strongest(
                [
                    self.maybe_of(binding),
                    likely(self.ir.bindings[binding].borrows.clone()),
                ]
                .into_iter(),
            );
        }
        // `v[0].split_at(1)`, `lines[i].split_once('=')`: probably a view into an element of
        // the local (its elements may be references, whose views borrow nothing of it), so
        // not kept once no later code reads it.
        if matches!(
            &receiver.kind,
            ExprKind::Op {
                syn: SynExpr::Index(_),
                ..
            }
        ) && (BORROWING.contains(&name.as_str()) || STR_BORROWING.contains(&name.as_str()))
            && !(name == "get" && m.args.is_empty())
        {
            let mutable = name.ends_with("_mut") || name == "drain";
            return likely(self.borrow_of_place(receiver, mutable, whole));
        }
        // `counts.into_iter().filter(|c| *c >= min).collect()`: the items, which hold what the
        // iterator they come from borrows, not what the adapters' closures borrow.
        let inner = if ITEM_CONSUMERS.contains(&name.as_str()) && !transforms_items(receiver) {
            self.borrows_of(super::item_chains::item_source_expr(receiver))
        } else {
            self.borrows_of(receiver)
        };
        // `v.iter().map(|p| p.id).collect()`: the iterator borrows `v`, but what comes out of
        // it went through a closure (or a copy) and may own its data.
        if !ADAPTERS.contains(&name.as_str())
            && !PASS_ON.contains(&name.as_str())
            && !BORROWING.contains(&name.as_str())
            && transforms_items(receiver)
        {
            // `names.iter().map(|n| Conn::open(n)).next()`: values the closure builds, kept
            // like any value (a guard among them drops where the plain function drops it).
            if builds_items(receiver) {
                return Borrows::Maybe;
            }
            return likely(inner);
        }
        // `xs.iter().zip(ys.iter())`, `a.iter().chain(&b)`: the adapter holds the iterator it
        // is given too, and what that borrows.
        if matches!(name.as_str(), "zip" | "chain") && operands.len() == 2 {
            return strongest([inner, self.borrows_of(&operands[1])].into_iter());
        }
        if consuming || ADAPTERS.contains(&name.as_str()) || BORROWING.contains(&name.as_str()) {
            return inner;
        }
        let args = operands[1..].iter().map(|a| self.borrows_of(a));
        likely(strongest(std::iter::once(inner).chain(args)))
    }

    /// `v.iter().map(..).max().unwrap_or(0)`: a method whose result has the type of its
    /// argument (`TYPED_BY_ARGUMENT`), given plain data.
    pub(super) fn typed_by_plain_argument(&self, name: &str, operands: &[Expr]) -> bool {
        TYPED_BY_ARGUMENT.contains(&name) && operands.get(1).is_some_and(|a| self.number(a))
    }

    /// A number, `bool` or `char` (not a reference, which may borrow what the receiver does:
    /// `opt.unwrap_or("")`): a literal, a cast, or a plain local that is not a reference.
    fn number(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Place { place, .. } => {
                let b = &self.ir.bindings[place.binding];
                place.path.is_empty() && b.plain && !b.by_ref
            }
            ExprKind::Op { syn, operands, .. } => match syn {
                SynExpr::Lit(l) => matches!(
                    l.lit,
                    syn::Lit::Int(_)
                        | syn::Lit::Float(_)
                        | syn::Lit::Bool(_)
                        | syn::Lit::Char(_)
                        | syn::Lit::Byte(_)
                ),
                SynExpr::Cast(_) => true,
                SynExpr::Unary(u) => {
                    matches!(u.op, syn::UnOp::Neg(_))
                        && operands.first().is_some_and(|o| self.number(o))
                }
                SynExpr::Paren(_) => operands.first().is_some_and(|o| self.number(o)),
                // `rest.len()`, `n.abs()`: a count or a number computed from one.
                SynExpr::MethodCall(m) => {
                    let name = m.method.to_string();
                    PLAIN_RESULT.contains(&name.as_str()) || NUMERIC.contains(&name.as_str())
                }
                SynExpr::Binary(b) if is_arithmetic(&b.op) => {
                    operands.iter().any(|o| self.number(o))
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// `src.iter().cloned()`, `v.iter().filter(..).copied().rev()`: an iterator over copies
    /// of a container's elements; what they borrow (likely what the container's elements
    /// borrow).
    pub(super) fn copied_items(&self, e: &Expr) -> Option<Borrows> {
        let mut copies = false;
        let mut root = e;
        while let ExprKind::Op {
            syn: SynExpr::MethodCall(m),
            operands,
            ..
        } = &root.kind
        {
            let name = m.method.to_string();
            if name == "cloned" || name == "copied" {
                copies = true;
            } else if !ADAPTERS.contains(&name.as_str()) && !BORROWING.contains(&name.as_str()) {
                break;
            }
            root = &operands[0];
        }
        if !copies {
            return None;
        }
        Some(match &root.kind {
            ExprKind::Place { place, .. } => {
                likely(self.ir.bindings[place.binding].borrows.clone())
            }
            _ => likely(self.borrows_of(root)),
        })
    }

    /// An iterator whose items own their data: a chain that makes them (`maps_to_owned_items`),
    /// or an iterator local whose items do (`let it = s.chars();`, `let it =
    /// l.split(',').map(str::len);`), through adapters that hand them on (`it.filter(..)`).
    fn owns_its_items(&self, e: &Expr) -> bool {
        if maps_to_owned_items(e) {
            return true;
        }
        match &e.kind {
            ExprKind::Place { place, .. } => {
                place.path.is_empty()
                    && self.ir.item_iterators.get(&place.binding) == Some(&ItemKind::Plain)
            }
            _ => super::item_chains::method_call(e).is_some_and(|(m, operands)| {
                let name = m.method.to_string();
                (name == "enumerate" || super::methods::HANDS_ITEMS_ON.contains(&name.as_str()))
                    && self.owns_its_items(&operands[0])
            }),
        }
    }

    /// `v.get(k).copied()`, `it.next().cloned()`, `v.iter().max().copied()`: an element
    /// copied out of an `Option` of a reference into a container. The copy does not borrow
    /// the container, only (likely) what its elements borrow (`HashMap<&str, &str>`).
    fn copied_element(&self, receiver: &Expr) -> Option<Borrows> {
        let ExprKind::Op {
            syn: SynExpr::MethodCall(access),
            operands,
            ..
        } = &receiver.kind
        else {
            return None;
        };
        if !ELEMENT_ACCESS.contains(&access.method.to_string().as_str()) {
            return None;
        }
        // Down the chain of adapters to the container.
        let mut root = &operands[0];
        while let ExprKind::Op {
            syn: SynExpr::MethodCall(m),
            operands,
            ..
        } = &root.kind
        {
            let name = m.method.to_string();
            if !ADAPTERS.contains(&name.as_str()) && !BORROWING.contains(&name.as_str()) {
                break;
            }
            root = &operands[0];
        }
        Some(match &root.kind {
            ExprKind::Place { place, .. } => {
                likely(self.ir.bindings[place.binding].borrows.clone())
            }
            _ => likely(self.borrows_of(root)),
        })
    }
}

/// `w.chars().collect::<Vec<char>>()`, `s.parse::<u32>()`: a method whose written type
/// argument is a type that owns all its data returns such a value (a method of std's that
/// takes a type argument returns a value of that type), whatever its receiver borrows.
fn turbofish_owns(m: &syn::ExprMethodCall) -> bool {
    m.turbofish.as_ref().is_some_and(|t| {
        matches!(
            m.method.to_string().as_str(),
            "collect" | "parse" | "sum" | "product"
        ) && matches!(t.args.last(), Some(syn::GenericArgument::Type(ty))
                if super::written_types::owned_type(ty))
    })
}

/// `+`, `-`, `*`, `/`, `%`: an operator whose value is a number when an operand is one.
fn is_arithmetic(op: &syn::BinOp) -> bool {
    matches!(
        op,
        syn::BinOp::Add(_)
            | syn::BinOp::Sub(_)
            | syn::BinOp::Mul(_)
            | syn::BinOp::Div(_)
            | syn::BinOp::Rem(_)
    )
}
