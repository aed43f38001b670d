//! The flat generator's one limit as an error: a binding kept across a yield while it
//! borrows a generator local, reported on the borrow with the fix that applies.

use std::collections::HashSet;

use super::*;

impl Plan {
    /// The errors of bindings kept while they borrow a generator local.
    pub(super) fn borrow_errors(&mut self, ir: &Ir) {
        let mut reported = HashSet::new();
        for (s, kept) in self.kept.iter().enumerate() {
            let node = self.cfg.entries[s];
            let kept_bindings: Vec<BindingId> = kept
                .iter()
                .map(|k| self.cfg.places.list[k.place].binding)
                .collect();
            for &binding in &kept_bindings {
                let live = self.cfg.binding_places[binding]
                    .iter()
                    .any(|&p| self.live[node].contains(p));
                let info = &ir.bindings[binding];
                let error = match &info.borrows {
                    Borrows::Definitely(owner, span)
                        if live && !ir.bindings[*owner].by_ref && *owner != binding =>
                    {
                        Some((span, borrow_message(ir, binding, *owner)))
                    }
                    Borrows::MutThrough(through, span) if kept_bindings.contains(through) => {
                        let name = display_name(ir, *through);
                        Some((
                            span,
                            format!(
                                "this mutable borrow through `{name}` is kept across a yield while \
                                 `{name}` itself is used again after it, and a flat generator \
                                 cannot hold both in its state; end the borrow before the yield, \
                                 or use `#[generator(boxed)]`"
                            ),
                        ))
                    }
                    _ => None,
                };
                if let Some((spans, message)) = error
                    && reported.insert(binding)
                {
                    let mut e = spans.error(message);
                    if ir.states[s].kind == StateKind::Resume {
                        e.combine(syn::Error::new(
                            ir.states[s].at,
                            "the generator suspends here while the borrow is live",
                        ));
                    }
                    self.errors.push(e);
                }
            }
        }
    }
}

fn borrow_message(ir: &Ir, binding: BindingId, owner: BindingId) -> String {
    let owner_name = display_name(ir, owner);
    match ir.bindings[binding].kind {
        BindingKind::Iter => format!(
            "`{owner_name}` is borrowed by this loop across a yield, but a flat generator cannot \
             keep a borrow of its own local in its state; iterate over an owned value \
             (`for x in {owner_name}`), index into it, take it by reference as an argument, or \
             use `#[generator(boxed)]`"
        ),
        BindingKind::Temp => format!(
            "this value borrows `{owner_name}` and is still needed after a yield in the same \
             expression, but a flat generator cannot keep a borrow of its own local in its \
             state; compute it after the yield, own the data, or use `#[generator(boxed)]`"
        ),
        _ => {
            let name = display_name(ir, binding);
            format!(
                "`{name}` borrows `{owner_name}` and is still needed after a yield, but a flat \
                 generator cannot keep a borrow of its own local in its state; end the borrow \
                 before the yield, own the data, or use `#[generator(boxed)]`"
            )
        }
    }
}
