//! The adapter of a flat generator in the frame layout: a [`FlatGen`](crate::iter::FlatGen)
//! (or an `iter!`'s [`InlineGen`](crate::inline::InlineGen)) whose state machine keeps its
//! locals in a frame of slots that stays in its state (a large generator; see the macro's
//! `emit/frame.rs`). Those locals are not on the stack while the body runs, so a panic would
//! leave them in the state until the generator is dropped. `FramedGen` drops the state when
//! `next()` unwinds, so they drop while unwinding, as the plain function's locals do, and
//! the generator is finished afterwards.

use core::fmt;
use core::iter::FusedIterator;

/// A sync generator in the frame layout. Created only by the macros.
#[must_use = "generators are lazy and do nothing unless iterated"]
#[derive(Clone)]
pub struct FramedGen<G> {
    /// `None` once a panic unwound out of `next()`.
    inner: Option<G>,
}

// Never pinned, whatever its generator keeps (see `FlatGen`'s `Unpin`).
impl<G> Unpin for FramedGen<G> {}

impl<G> FramedGen<G> {
    /// Wraps the flat generator.
    #[inline(always)]
    pub fn new(inner: G) -> Self {
        FramedGen { inner: Some(inner) }
    }
}

/// Empties the slot it borrows when dropped: armed while `next()` runs the body, defused
/// (forgotten) when the body returns.
struct DropOnUnwind<'a, G>(&'a mut Option<G>);

impl<G> Drop for DropOnUnwind<'_, G> {
    fn drop(&mut self) {
        *self.0 = None;
    }
}

impl<G: Iterator> Iterator for FramedGen<G> {
    type Item = G::Item;

    #[inline]
    fn next(&mut self) -> Option<G::Item> {
        // Desugar "drop the state machine if the body panics" into a guard that only an
        // unwinding drops: the normal return forgets it.
        let guard = DropOnUnwind(&mut self.inner);
        let item = match guard.0.as_mut() {
            Some(inner) => inner.next(),
            None => None,
        };
        core::mem::forget(guard);
        item
    }

    #[inline]
    fn fold<Acc, F>(self, init: Acc, f: F) -> Acc
    where
        F: FnMut(Acc, G::Item) -> Acc,
    {
        // `fold` owns the generator: a panic drops it while unwinding already.
        match self.inner {
            Some(inner) => inner.fold(init, f),
            None => init,
        }
    }
}

impl<G: FusedIterator> FusedIterator for FramedGen<G> {}

impl<G> fmt::Debug for FramedGen<G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FramedGen").finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use crate::iter::{FlatGen, Sink};
    use std::cell::Cell;
    use std::panic::{AssertUnwindSafe, catch_unwind};
    use std::rc::Rc;

    struct Noisy(Rc<Cell<u32>>);
    impl Drop for Noisy {
        fn drop(&mut self) {
            self.0.set(self.0.get() + 1);
        }
    }

    #[test]
    fn a_panic_in_next_drops_the_state_while_unwinding_and_finishes() {
        let drops = Rc::new(Cell::new(0));
        let held = Noisy(drops.clone());
        let mut g = FramedGen::new(FlatGen::new(
            (held, 0u32),
            |_: &mut (Noisy, u32), _: Sink<'_, u32>| false,
            |(_, calls): &mut (Noisy, u32)| {
                *calls += 1;
                assert!(*calls < 2, "boom");
                Some(*calls)
            },
        ));
        assert_eq!(g.next(), Some(1));
        assert_eq!(drops.get(), 0);
        let r = catch_unwind(AssertUnwindSafe(|| g.next()));
        assert!(r.is_err());
        assert_eq!(drops.get(), 1, "the state dropped while unwinding");
        assert_eq!(g.next(), None);
        assert_eq!(g.by_ref().fold(0, |a, _| a + 1), 0);
        drop(g);
        assert_eq!(drops.get(), 1, "dropped once");
    }
}
