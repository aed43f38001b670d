//! The one struct update a flat generator cannot lower: the fields a `..base` takes, still
//! to be taken, kept across a yield apart from the rest of `base` (partly moved before it, or
//! moved on some paths only), reported on the `..base` with the fixes that apply.

use std::collections::HashSet;

use super::*;
use crate::lower::flat::cfg::Cfg;
use crate::lower::flat::ir::Proj;
use crate::lower::flat::places::PlaceId;

impl Plan {
    /// An error for each struct update whose taken fields some state keeps on their own.
    pub(super) fn struct_update_errors(&mut self, ir: &Ir) {
        if ir.struct_updates.is_empty() {
            return;
        }
        let mut reported = HashSet::new();
        for kept in &self.kept {
            for k in kept {
                let place = &self.cfg.places.list[k.place];
                if !matches!(place.path.last(), Some(Proj::Rest(_))) {
                    continue;
                }
                let Some(index) = ir.struct_updates.iter().position(|u| u.rest == *place) else {
                    continue;
                };
                if !reported.insert(index) {
                    continue;
                }
                let update = &ir.struct_updates[index];
                let (base, ty) = (&update.base, &update.ty);
                self.parts_errors.push(syn::Error::new(
                    update.span,
                    format!(
                        "this struct update takes the fields of `{base}` that the literal does \
                         not list, but before it `{base}` is kept across a yield partly moved \
                         (or moved on some paths only), and a flat generator keeps a partly \
                         moved value only by the fields the body names; destructure `{base}` \
                         with a pattern that names every field (`let {ty} {{ field, other }} = \
                         {base};`) and build the value from the parts, or use \
                         `#[generator(boxed)]`"
                    ),
                ));
            }
        }
    }
}

/// What a move of each place moves, when the body has struct updates: its subtree, and for
/// the `base.<rest>` of a struct update also the fields of `base` the body names elsewhere
/// but the literal does not list (they are among the fields it takes). `None`: the
/// subtrees.
pub(super) fn moved_by(cfg: &Cfg, subtrees: &[Vec<PlaceId>], ir: &Ir) -> Option<Vec<Vec<PlaceId>>> {
    if ir.struct_updates.is_empty() {
        return None;
    }
    let mut out = subtrees.to_vec();
    for update in &ir.struct_updates {
        let Some(rest) = cfg.places.get(&update.rest) else {
            continue;
        };
        let Some(parent) = cfg.places.parent[rest] else {
            continue;
        };
        for &sibling in &cfg.places.children[parent] {
            let listed = match cfg.places.list[sibling].path.last() {
                Some(Proj::Field(name)) => update.listed.contains(name),
                _ => true,
            };
            if !listed {
                out[rest].extend(subtrees[sibling].iter().copied());
            }
        }
    }
    Some(out)
}
