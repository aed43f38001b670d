//! Containers that store borrows: a local filled by `push`, `insert`, `extend`,
//! `extend_from_slice` or `append` holds what the stored values borrow from then on
//! (`stack.push((&root, ..))`, `words.extend(line.split(' '))`), so that it is kept, or not,
//! as a borrow of that local.

use syn::Expr as SynExpr;

use super::Builder;
use super::borrows::{likely, strongest};
use crate::lower::flat::ir::{Borrows, Expr, ExprKind};

impl Builder<'_> {
    /// `stack.push((&root, ..))`, `seen.insert(&key)`, `words.extend(line.split(' '))`: a
    /// container local that stores a certain borrow of another local holds it from then on
    /// (and one that stores the items of an iterator that probably borrow one, probably).
    pub(crate) fn note_stored_borrows(&mut self, e: &SynExpr, built: &[Expr]) {
        let SynExpr::MethodCall(m) = e else {
            return;
        };
        let name = m.method.to_string();
        let pushes = matches!(
            name.as_str(),
            "push" | "push_back" | "push_front" | "insert"
        );
        let extends = matches!(name.as_str(), "extend" | "extend_from_slice" | "append");
        let Some(ExprKind::Place { place, .. }) = built.first().map(|r| &r.kind) else {
            return;
        };
        let container = place.binding;
        if !(pushes || extends)
            || self.ir.owned_by_type.contains(&container)
            || matches!(
                self.ir.bindings[container].borrows,
                Borrows::Definitely(..) | Borrows::MutThrough(..)
            )
        {
            return;
        }
        let stored = built[1..]
            .iter()
            .map(|a| {
                if extends {
                    self.stored_items_borrow(a)
                } else {
                    self.borrows_of(a)
                }
            })
            .find(|b| match b {
                Borrows::Definitely(owner, _) | Borrows::MutThrough(owner, _) => {
                    *owner != container
                }
                Borrows::Likely(owner) => extends && *owner != container,
                _ => false,
            });
        if let Some(stored) = stored {
            // A value of the user's type (`tx.insert(&line)` of `let mut tx = Tx { .. };`):
            // its method of that name may store the borrow or not; kept beside what it may
            // borrow, only `boxed` holds either (`plan/inexact.rs`).
            let stored = match stored {
                Borrows::Definitely(owner, _) | Borrows::MutThrough(owner, _)
                    if self.users_value(container) =>
                {
                    self.ir.likely_views.insert(container);
                    Borrows::Likely(owner)
                }
                other => other,
            };
            let current = self.ir.bindings[container].borrows.clone();
            self.ir.bindings[container].borrows = strongest([current, stored].into_iter());
        }
    }

    /// What the items `extend(arg)` / `extend_from_slice(arg)` / `append(arg)` store borrow:
    /// the iterator's items (`line.split(' ')`: views into `line`; `words.iter().cloned()`:
    /// copies, holding what the elements hold); the elements of a slice (cloned) or of the
    /// vector emptied into the container (`&mut other`: what `other` holds).
    fn stored_items_borrow(&self, arg: &Expr) -> Borrows {
        if let ExprKind::Op {
            syn: SynExpr::Reference(_),
            operands,
            ..
        } = &arg.kind
            && let Some(base) = sliced_local(&operands[0])
        {
            // (Of a view, `&avail[..n]` of `avail = r.fill_buf()?`, what it points into is
            // what it borrows, not what its elements hold: unknown.)
            let info = &self.ir.bindings[base];
            return if info.owns && !info.by_ref {
                info.borrows.clone()
            } else {
                Borrows::Maybe
            };
        }
        if super::item_chains::yields_plain_items(arg) {
            return Borrows::Nothing;
        }
        if let Some(items) = self.copied_items(arg) {
            return items;
        }
        // `line.split(' ').map(|s| s.len())`: what a closure makes of the items may own its
        // data.
        if super::item_chains::transforms_items(arg) {
            return likely(self.borrows_of(arg));
        }
        self.borrows_of(arg)
    }
}

/// The local whose elements `e` reads as a slice: `v`, `v[1..]`, `v.as_slice()` (of
/// `extend_from_slice(&v[1..])`, `append(&mut v)`).
fn sliced_local(e: &Expr) -> Option<crate::lower::flat::ir::BindingId> {
    match &e.kind {
        ExprKind::Place { place, .. } if place.path.is_empty() => Some(place.binding),
        ExprKind::Op {
            syn: SynExpr::Index(_) | SynExpr::Paren(_),
            operands,
            ..
        } => sliced_local(&operands[0]),
        ExprKind::Op {
            syn: SynExpr::MethodCall(m),
            operands,
            ..
        } if matches!(m.method.to_string().as_str(), "as_slice" | "as_mut_slice") => {
            sliced_local(&operands[0])
        }
        _ => None,
    }
}
