//! What a value a closure makes may borrow: `line.find('=').map(|i| &line[..i])`,
//! `Some(k).and_then(|k| m.get(k))`, an iterator adapter holding a closure (`it.map(scale)`)
//! that captures a local by reference.

use syn::Expr as SynExpr;

use super::Builder;
use super::methods::ADAPTERS;
use crate::lower::flat::ir::{Borrows, Expr, ExprKind};

/// Methods (of `Option`, `Result`, `bool`) whose value a closure argument may make.
const CLOSURE_VALUES: &[&str] = &[
    "and_then",
    "map_or",
    "map_or_else",
    "or_else",
    "unwrap_or_else",
    "then",
    "find_map",
];

impl Builder<'_> {
    /// What `receiver.method(args)` borrows through a closure argument capturing a local by
    /// reference, when that is more than `by_name` says (`None` otherwise): certainly that
    /// local for an iterator adapter, which holds the closure; probably for `Option::map`
    /// and the like, whose value may own its data.
    pub(super) fn closure_value_borrows(
        &self,
        m: &syn::ExprMethodCall,
        operands: &[Expr],
        whole: &Expr,
        by_name: &Borrows,
    ) -> Option<Borrows> {
        // `line.find('=').map(|i| &line[..i])`, `it.map(scale)`: what a closure that captures
        // a local by reference makes (or an adapter holding it) may borrow that local.
        let name = m.method.to_string();
        let captured = || {
            if ADAPTERS.contains(&name.as_str()) {
                self.captured_by_reference(whole)
            } else if CLOSURE_VALUES.contains(&name.as_str()) {
                operands[1..]
                    .iter()
                    .find_map(|o| self.captured_by_reference(o))
            } else {
                None
            }
        };
        if matches!(by_name, Borrows::Definitely(..) | Borrows::MutThrough(..)) {
            return None;
        }
        let (owner, spans) = captured()?;
        Some(
            if ADAPTERS.contains(&name.as_str()) && self.over_an_iterator(&operands[0]) {
                Borrows::Definitely(owner, spans)
            } else {
                Borrows::Likely(owner)
            },
        )
    }

    /// `receiver` is an iterator (`v.iter()`, `s.chars().rev()`, `(0..n).filter(..)`, an
    /// iterator local), not an `Option` or a `Result` whose combinators share the adapters'
    /// names.
    pub(super) fn over_an_iterator(&self, receiver: &Expr) -> bool {
        match &receiver.kind {
            ExprKind::Op {
                syn: SynExpr::MethodCall(m),
                operands,
                ..
            } => {
                let name = m.method.to_string();
                if ADAPTERS.contains(&name.as_str())
                    && !matches!(name.as_str(), "unwrap" | "expect")
                {
                    return self.over_an_iterator(&operands[0]);
                }
                super::receiver_methods::MAKES_ITERATOR.contains(&name.as_str())
            }
            ExprKind::Op {
                syn: SynExpr::Range(_),
                ..
            } => true,
            ExprKind::Op {
                syn: SynExpr::Paren(_),
                operands,
                ..
            } => self.over_an_iterator(&operands[0]),
            ExprKind::Place { place, .. } => {
                place.path.is_empty()
                    && (self.ir.item_iterators.contains_key(&place.binding)
                        || self.ir.iterator_params.contains(&place.binding))
            }
            _ => false,
        }
    }
}
