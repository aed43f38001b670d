//! The places the analyses track: every place the body names, and every prefix of one, as
//! a tree per binding (`x` above `x.a` above `x.a.b`), with dense ids for bit sets.

use std::collections::{HashMap, HashSet};

use super::ir::{BindingId, Place, Proj};

pub(crate) type PlaceId = usize;

#[derive(Default)]
pub(crate) struct Places {
    pub list: Vec<Place>,
    pub parent: Vec<Option<PlaceId>>,
    pub children: Vec<Vec<PlaceId>>,
    ids: HashMap<Place, PlaceId>,
    /// The root place of each binding, by binding (created on demand).
    roots: Vec<Option<PlaceId>>,
    /// Bindings the body dereferences (`*b`): boxes, whose fields the body may also name
    /// through auto-deref (`b.f`).
    boxed: HashSet<BindingId>,
}

impl Places {
    /// An empty table in which a field of a `boxed` binding is the field of its box's value.
    pub(crate) fn with_boxed(boxed: HashSet<BindingId>) -> Places {
        Places {
            boxed,
            ..Places::default()
        }
    }

    /// The bindings `*b` names (see `with_boxed`) whose fields are also named as `b.f`: the
    /// table must be built again with them boxed, or `b.f` and `(*b).f` would be two places.
    pub(crate) fn auto_derefs(&self) -> HashSet<BindingId> {
        let starts = |proj: fn(&Proj) -> bool| -> HashSet<BindingId> {
            self.list
                .iter()
                .filter(|p| p.path.first().is_some_and(proj))
                .map(|p| p.binding)
                .collect()
        };
        let derefs = starts(|p| matches!(p, Proj::Deref));
        let fields = starts(|p| matches!(p, Proj::Field(_)));
        derefs.intersection(&fields).copied().collect()
    }

    /// Desugar `b.f` of a boxed binding into `(*b).f`, the place it names.
    fn normal(&self, place: &Place) -> Option<Place> {
        if !self.boxed.contains(&place.binding)
            || !matches!(place.path.first(), Some(Proj::Field(_)))
        {
            return None;
        }
        let mut out = place.clone();
        out.path.insert(0, Proj::Deref);
        Some(out)
    }

    /// The id of `place`, creating it and its prefixes.
    pub(crate) fn intern(&mut self, place: &Place) -> PlaceId {
        if let Some(normal) = self.normal(place) {
            return self.intern(&normal);
        }
        if let Some(&id) = self.ids.get(place) {
            return id;
        }
        let parent = (!place.path.is_empty()).then(|| {
            let mut up = place.clone();
            up.path.pop();
            self.intern(&up)
        });
        let id = self.list.len();
        self.list.push(place.clone());
        self.parent.push(parent);
        self.children.push(Vec::new());
        if let Some(p) = parent {
            self.children[p].push(id);
        } else {
            if self.roots.len() <= place.binding {
                self.roots.resize(place.binding + 1, None);
            }
            self.roots[place.binding] = Some(id);
        }
        self.ids.insert(place.clone(), id);
        id
    }

    pub(crate) fn root(&mut self, binding: BindingId) -> PlaceId {
        self.intern(&Place::whole(binding))
    }

    pub(crate) fn get(&self, place: &Place) -> Option<PlaceId> {
        match self.normal(place) {
            Some(normal) => self.ids.get(&normal).copied(),
            None => self.ids.get(place).copied(),
        }
    }

    pub(crate) fn root_of(&self, binding: BindingId) -> Option<PlaceId> {
        self.roots.get(binding).copied().flatten()
    }

    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    /// `id` and every place inside it.
    pub(crate) fn subtree(&self, id: PlaceId) -> Vec<PlaceId> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            out.extend(self.children[out[i]].iter().copied());
            i += 1;
        }
        out
    }
}

/// A fixed-size set of small integers.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct Bits(Vec<u64>);

impl Bits {
    pub(crate) fn new(len: usize) -> Self {
        Bits(vec![0; len.div_ceil(64)])
    }

    pub(crate) fn full(len: usize) -> Self {
        let mut b = Bits::new(len);
        for i in 0..len {
            b.insert(i);
        }
        b
    }

    pub(crate) fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub(crate) fn remove(&mut self, i: usize) {
        self.0[i / 64] &= !(1 << (i % 64));
    }

    pub(crate) fn contains(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    /// Adds `other`; whether anything changed.
    pub(crate) fn union(&mut self, other: &Bits) -> bool {
        let mut changed = false;
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            let new = *a | *b;
            changed |= new != *a;
            *a = new;
        }
        changed
    }
}
