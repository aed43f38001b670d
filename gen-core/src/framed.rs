//! The adapter of a flat generator in the frame layout: a [`FlatGen`] whose state machine
//! keeps its locals in variables its closure captures (a large generator; see the macro's
//! `emit/frame.rs`). Those locals are not on the stack while the body runs, so a panic would
//! leave them in the closure until the generator is dropped. `FramedGen` drops the closure
//! when `next()` unwinds, so they drop while unwinding, as the plain function's locals do,
//! and the generator is finished afterwards.

use core::fmt;
use core::iter::FusedIterator;

use crate::iter::{FlatGen, Sink};

/// A sync generator in the frame layout. Created only by the macros.
#[must_use = "generators are lazy and do nothing unless iterated"]
pub struct FramedGen<T, F> {
    /// `None` once a panic unwound out of `next()`.
    inner: Option<FlatGen<T, F>>,
}

impl<T, F> FramedGen<T, F> {
    /// Wraps the flat generator.
    #[inline(always)]
    pub fn new(inner: FlatGen<T, F>) -> Self {
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

impl<T, F> Iterator for FramedGen<T, F>
where
    F: FnMut(Option<Sink<'_, T>>) -> Option<T>,
{
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
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
    fn fold<Acc, G>(self, init: Acc, g: G) -> Acc
    where
        G: FnMut(Acc, T) -> Acc,
    {
        // `fold` owns the generator: a panic drops it while unwinding already.
        match self.inner {
            Some(inner) => inner.fold(init, g),
            None => init,
        }
    }
}

impl<T, F> FusedIterator for FramedGen<T, F> where F: FnMut(Option<Sink<'_, T>>) -> Option<T> {}

impl<T, F> fmt::Debug for FramedGen<T, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FramedGen").finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
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
    fn a_panic_in_next_drops_the_captures_while_unwinding_and_finishes() {
        let drops = Rc::new(Cell::new(0));
        let held = Noisy(drops.clone());
        let mut calls = 0;
        let mut g = FramedGen::new(FlatGen::new(move |_: Option<Sink<'_, u32>>| {
            let _ = &held;
            calls += 1;
            assert!(calls < 2, "boom");
            Some(calls)
        }));
        assert_eq!(g.next(), Some(1));
        assert_eq!(drops.get(), 0);
        let r = catch_unwind(AssertUnwindSafe(|| g.next()));
        assert!(r.is_err());
        assert_eq!(drops.get(), 1, "the capture dropped while unwinding");
        assert_eq!(g.next(), None);
        assert_eq!(g.by_ref().fold(0, |a, _| a + 1), 0);
        drop(g);
        assert_eq!(drops.get(), 1, "dropped once");
    }
}
