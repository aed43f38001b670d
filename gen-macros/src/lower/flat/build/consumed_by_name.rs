//! Values judged by a method's name alone, on a value of the user's own type.
//!
//! **Receivers taken for moved.**
//!
//! `build/operands.rs` takes a receiver for moved when the method takes `self` on every std
//! type that has it (`count`, `unwrap`, `max`, `map`). A value of the user's own type may
//! have a method of that name that takes `&self` (`stats.count()`): then the value lives on
//! after the call, to the end of its block, where the flat state, which took it for moved,
//! would have dropped it at the next suspension. Such uses are noted (`Ir::consumed_by_name`)
//! and the plan lowers the body `boxed` when the value would still be in scope at a later
//! state (`plan/inexact.rs`). `into`, `try_into` and `into_*` take `self` by convention.
//!
//! **Results of the user's methods.** What a method the macro does not know from std returns,
//! called on a value of the user's type (`let tx = conn.begin();`), is taken for a value of
//! the user's type too (`Ir::users_type_values`): `tx.commit()` may take `self`, and the
//! same rules apply to it.
//!
//! **Results taken for borrows.** `let conn = pool.get();` is taken for a reference
//! (`reference_values.rs`, `yields_references`), which has nothing to drop, so a flat state does not
//! keep it once it is no longer read; a method of the user's named `get` may return an owned
//! value (a pooled connection) whose drop the plain function runs at the end of its block
//! (`Ir::borrowed_by_name`, the same plan check). Called on a shared reference parameter of
//! the user's type (`pool: &Pool`, `&self`), such a result is kept like an owned value
//! instead (`kept_whatever_it_is`): a borrow it may be goes through the reference, to data
//! outside the generator, so the state may hold it, and an owned value then drops at the end
//! of its block, as in the plain function, flat, in every generator.

use syn::Expr as SynExpr;

use super::Builder;
use crate::lower::flat::ir::BindingId;
use crate::lower::flat::ir::{Expr, ExprKind};

/// Methods of std's traits that take `&self` or `&mut self` whatever type implements them.
const TAKE_A_REFERENCE: &[&str] = &[
    "clone",
    "to_string",
    "to_owned",
    "as_ref",
    "as_mut",
    "borrow",
    "borrow_mut",
    "eq",
    "ne",
    "cmp",
    "partial_cmp",
    "lt",
    "le",
    "gt",
    "ge",
    "hash",
    "fmt",
    "deref",
    "deref_mut",
    "index",
    "index_mut",
    "next",
    "next_back",
    "poll_next",
    "size_hint",
];

/// Accessors of containers, which a type of the user's that has them takes by reference too.
const ACCESSORS: &[&str] = &[
    "len",
    "is_empty",
    "capacity",
    "iter",
    "iter_mut",
    "get",
    "get_mut",
    "contains",
    "contains_key",
    "first",
    "last",
    "keys",
    "values",
    "push",
    "push_str",
    "insert",
    "remove",
    "pop",
    "clear",
    "extend",
    "sort",
    "as_str",
    "as_slice",
];

/// Names of std methods that borrow their receiver and that the user's own types often have
/// too, returning owned data (`sensor.read()`, `config.get("k")`, `queue.peek()`); not the
/// text and slice methods (`trim`, `split`, `as_str`), nor the names that are std's in all
/// but name (`iter`, `borrow`, `lock`, `as_ref`, `keys`, `entry`).
pub(crate) const NAMES_USER_TYPES_SHARE: &[&str] = &[
    "read",
    "write",
    "get",
    "get_mut",
    "first",
    "first_mut",
    "last_mut",
    "peek",
    "peek_mut",
    "front",
    "back",
    "front_mut",
    "back_mut",
    "range",
];

/// Whether some std type has a method named `name`, which the other rules know.
pub(super) fn known_std_name(name: &str) -> bool {
    use super::methods::{
        ELEMENT_ACCESS, HANDS_ITEMS_ON, NUMERIC, PASS_ON, PLAIN_RESULT, REFERENCES_OUT,
        TYPED_BY_ARGUMENT,
    };
    use super::receiver_methods::{ADAPTS_ITERATOR, KEEPS_RECEIVER, MUTATING, TAKES_ELEMENT};
    super::loop_facts::std_method(name)
        || [
            TAKE_A_REFERENCE,
            ACCESSORS,
            NAMES_USER_TYPES_SHARE,
            ELEMENT_ACCESS,
            HANDS_ITEMS_ON,
            NUMERIC,
            PASS_ON,
            PLAIN_RESULT,
            REFERENCES_OUT,
            TYPED_BY_ARGUMENT,
            ADAPTS_ITERATOR,
            KEEPS_RECEIVER,
            MUTATING,
            TAKES_ELEMENT,
        ]
        .iter()
        .any(|list| list.contains(&name))
}

impl Builder<'_> {
    /// Whether `init` is a method named like a std method that returns a borrow, called on
    /// a whole local of the user's type (see the module doc).
    pub(super) fn borrowed_by_name(&self, init: &SynExpr) -> bool {
        let SynExpr::MethodCall(m) = init else {
            return false;
        };
        let name = m.method.to_string();
        // `q.iter().skip(1)`, `q.iter().map(..)`: an iterator adapter of one (not
        // `m.lock().unwrap()`, a guard, whose own rules apply).
        if super::methods::ADAPTERS.contains(&name.as_str())
            && !matches!(name.as_str(), "unwrap" | "expect")
            && self.borrowed_by_name(&m.receiver)
        {
            return true;
        }
        (super::reference_values::yields_references(init)
            || NAMES_USER_TYPES_SHARE.contains(&name.as_str())
            || matches!(name.as_str(), "lock" | "borrow" | "borrow_mut"))
            && self
                .place_of(&m.receiver)
                .is_some_and(|p| p.path.is_empty() && self.users_value(p.binding))
    }

    /// Whether `init` is a method named like a std method that returns a borrow (`get`,
    /// `peek`, `first`), called on a shared reference parameter of the user's type or a field
    /// through it (`pool.get()`, `self.cache.get(k)` with `&self`): a borrow through that
    /// reference or an owned value, which the state may keep either way.
    pub(super) fn kept_whatever_it_is(&self, init: &SynExpr) -> bool {
        let SynExpr::MethodCall(m) = init else {
            return false;
        };
        let name = m.method.to_string();
        if !(super::reference_values::yields_references(init)
            || NAMES_USER_TYPES_SHARE.contains(&name.as_str()))
        {
            return false;
        }
        let Some((place, _)) = self.place_and_ref(&m.receiver) else {
            return false;
        };
        let info = &self.ir.bindings[place.binding];
        info.kind == crate::lower::flat::ir::BindingKind::Param
            && info.by_ref
            && !info.mut_ref
            && self.ir.user_typed.contains(&place.binding)
    }

    /// In an `iter!` body, the capture `init` calls a method the macro does not know from
    /// std on (`conn.begin()`, `pool.checkout()?`): what it returns may borrow the capture.
    pub(super) fn capture_lending_to(&self, init: &SynExpr) -> Option<BindingId> {
        if !self.ir.inline {
            return None;
        }
        let SynExpr::MethodCall(m) = super::syntax_facts::peel_unwraps(init) else {
            return None;
        };
        if known_std_name(&m.method.to_string()) {
            return None;
        }
        let place = self.place_of(&m.receiver)?;
        (self.ir.bindings[place.binding].kind == crate::lower::flat::ir::BindingKind::Param)
            .then_some(place.binding)
    }

    /// Whether `init` is what a method the macro does not know from std returns, called on
    /// a value of the user's type or a field of one (`conn.begin()`, `self.pool.checkout()?`,
    /// `client.connect().unwrap()`), or such a value itself (`let mut client = client;`): a
    /// value of the user's type too (see the module doc).
    pub(super) fn made_by_a_users_method(&self, init: &SynExpr) -> bool {
        let e = super::syntax_facts::peel_unwraps(init);
        // `let mut client = client;`: the value itself.
        if let Some(p) = self.place_of(e)
            && p.path.is_empty()
        {
            return self.users_value(p.binding);
        }
        let SynExpr::MethodCall(m) = e else {
            return false;
        };
        let name = m.method.to_string();
        let known = known_std_name(&name)
            || super::operands::consumes_receiver(&name, m.args.len())
            || matches!(name.as_str(), "lock" | "read" | "write" | "try_lock");
        !known
            && self
                .place_of(&m.receiver)
                .is_some_and(|p| self.users_value(p.binding))
    }

    /// Notes the bindings of `pat` (an arm's or an `if let`'s, on a value of the user's
    /// making) that take a variant's one field whole (`Ok(v) | Err(v)`, `Some(v)`).
    pub(super) fn note_user_payloads(
        &mut self,
        pat: &syn::Pat,
        bindings: &[crate::lower::flat::ir::BindingId],
    ) {
        fn payload(pat: &syn::Pat) -> Option<&syn::Ident> {
            match pat {
                syn::Pat::TupleStruct(t) if t.elems.len() == 1 => match &t.elems[0] {
                    syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => {
                        Some(&p.ident)
                    }
                    _ => None,
                },
                _ => None,
            }
        }
        let cases: Vec<&syn::Pat> = match pat {
            syn::Pat::Or(or) => or.cases.iter().collect(),
            other => vec![other],
        };
        let names: Vec<&syn::Ident> = cases.iter().filter_map(|c| payload(c)).collect();
        if names.len() != cases.len() || names.windows(2).any(|w| w[0] != w[1]) {
            return;
        }
        if let [binding] = bindings {
            self.ir.user_payloads.insert(*binding);
        }
    }

    /// Whether `b` holds a value of the user's type: a `let` of a value of the user's making
    /// (`let stats = Stats { .. };`, `Ir::user_made`; not a loop's item, often a `Result`) or
    /// a variant's field a `match` arm takes out of one (`Ok(v) | Err(v)`),
    /// a loop's item out of a list of the user's constructors (`Ir::constructed`), or a
    /// parameter of the user's type (`Ir::user_typed`).
    pub(super) fn users_value(&self, b: crate::lower::flat::ir::BindingId) -> bool {
        let info = &self.ir.bindings[b];
        (info.by_ref || !info.plain)
            && ((self.ir.user_made.contains(&b)
                && (self.ir.whole_lets.contains(&b) || self.ir.user_payloads.contains(&b)))
                || self.ir.user_typed.contains(&b)
                || self.ir.users_type_values.contains(&b)
                || self.ir.constructed.contains(&b))
    }

    /// Notes the receiver of `e`, built as `built[0]`, when it is a whole local of the user's
    /// type taken for moved by the method's name alone.
    pub(super) fn note_consumed_by_name(&mut self, e: &SynExpr, built: &[Expr]) {
        let SynExpr::MethodCall(m) = e else {
            return;
        };
        let name = m.method.to_string();
        if matches!(name.as_str(), "into" | "try_into") || name.starts_with("into_") {
            return;
        }
        let consuming = super::operands::consumes_receiver(&name, m.args.len());
        let Some(ExprKind::Place { place, id, .. }) = built.first().map(|b| &b.kind) else {
            return;
        };
        if place.path.is_empty() && consuming {
            self.ir.receivers_moved_by_name.insert(*id);
        }
        let b = place.binding;
        let info = &self.ir.bindings[b];
        // `client.send(req)` of a capture of an `iter!` block, whose type the macro does not
        // see: a method no std type has may take `self`, which a state machine that leaves
        // the capture in its closure could not do. (`send` is `Sender::send(&self)` and an
        // HTTP client's `send(self)` alike.)
        if place.path.is_empty()
            && self.ir.inline
            && info.kind == crate::lower::flat::ir::BindingKind::Param
            && !consuming
            && (name == "send" || !known_std_name(&name))
        {
            self.ir.kept_by_name.push(*id);
            return;
        }
        if place.path.is_empty() && !info.by_ref && self.users_value(b) {
            if consuming {
                self.ir.consumed_by_name.push(*id);
            } else if !TAKE_A_REFERENCE.contains(&name.as_str())
                && !ACCESSORS.contains(&name.as_str())
                // Not a std collection or text (`vec![..]`, `String::new()`), whose method it is.
                && (!self.ir.not_copy.contains(&b) || self.ir.boxes.contains(&b))
                && !self.ir.texts.contains(&b)
            {
                // `stats.finish()`, `b.build()`: a method of the user's may take `self`.
                self.ir.kept_by_name.push(*id);
            }
        }
    }

    /// In an `iter!` block: whether `init` takes a reference to a capture itself (`&log`),
    /// outside closures (`Ir::capture_referenced`).
    pub(super) fn references_a_capture(&self, init: &SynExpr) -> bool {
        struct Find<'b, 'a>(&'b Builder<'a>, bool);
        impl<'ast> syn::visit::Visit<'ast> for Find<'_, '_> {
            fn visit_expr_reference(&mut self, r: &'ast syn::ExprReference) {
                if let Some(p) = self.0.place_of(&r.expr)
                    && p.path.is_empty()
                    && self.0.ir.params.contains(&p.binding)
                {
                    self.1 = true;
                }
                syn::visit::visit_expr_reference(self, r);
            }
            fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        }
        if !self.ir.inline {
            return false;
        }
        let mut find = Find(self, false);
        syn::visit::Visit::visit_expr(&mut find, init);
        find.1
    }
}
