//! The flat adapter: an `Iterator` over the state-machine closure that `#[generator]` emits.
//!
//! The macro lowers a sync generator body into one `move` closure. Called with `None` it
//! resumes the state machine and returns the next item (`next()`); called with
//! `Some(callback)` on a generator that has not started, it runs a second, plain copy of the
//! body in which every `yield_!(v)` is `callback(v)`, and returns `None` (the internal
//! iteration fast path behind `fold`). On a generator that has started, the fold request is
//! ignored and the closure behaves like `next()`.

use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;

/// The callback a fold request hands to the body: every yielded item goes through it.
pub type Sink<'a, T> = &'a mut dyn FnMut(T);

/// A sync generator lowered to a flat state machine.
///
/// Created only by the `#[generator]` and `iter!` macros. The closure guarantees that once it
/// returned `None` it keeps returning `None` (its stored state is `Done` while user code runs,
/// or guarded by a [`Resident`](crate::__private::Resident) that sets `Done` when it unwinds,
/// so a panic leaves it finished), hence `FusedIterator`.
#[must_use = "generators are lazy and do nothing unless iterated"]
pub struct FlatGen<T, F> {
    resume: F,
    /// Names the item type for the impls; `fn() -> T` keeps auto traits independent of `T`
    /// (the items a generator holds are in its state, which `F` captures).
    item: PhantomData<fn() -> T>,
}

impl<T, F> FlatGen<T, F> {
    /// Wraps the state machine. The bound gives the closure its expected signature, so its
    /// body is type-checked with `Option<T>` as the return type.
    #[inline(always)]
    pub fn new(resume: F) -> Self
    where
        F: FnMut(Option<Sink<'_, T>>) -> Option<T>,
    {
        FlatGen {
            resume,
            item: PhantomData,
        }
    }
}

impl<T, F> fmt::Debug for FlatGen<T, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FlatGen").finish_non_exhaustive()
    }
}

impl<T, F> Iterator for FlatGen<T, F>
where
    F: FnMut(Option<Sink<'_, T>>) -> Option<T>,
{
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        (self.resume)(None)
    }

    #[inline]
    fn fold<Acc, G>(mut self, init: Acc, mut g: G) -> Acc
    where
        G: FnMut(Acc, T) -> Acc,
    {
        // Desugar `fold` into one run of the plain body with the accumulator threaded through
        // the callback. `acc` is `Some` whenever the callback runs; if `g` panics, the
        // unwinding body drops its own locals and `acc` is dropped here.
        let mut acc = Some(init);
        let first = (self.resume)(Some(&mut |v| {
            if let Some(a) = acc.take() {
                acc = Some(g(a, v));
            }
        }));
        let Some(mut acc) = acc else {
            unreachable!("the fold accumulator is always restored")
        };
        // `first` is `Some` only when the generator had already started: continue by `next()`.
        if let Some(v) = first {
            acc = g(acc, v);
            while let Some(v) = (self.resume)(None) {
                acc = g(acc, v);
            }
        }
        acc
    }
}

impl<T, F> FusedIterator for FlatGen<T, F> where F: FnMut(Option<Sink<'_, T>>) -> Option<T> {}

/// Poison for a local that is in scope at a resume point but was not saved (it was moved):
/// re-binding its name to `Moved` keeps name resolution identical to the original body, and
/// a use the analysis missed becomes a type error instead of a wrong value.
#[derive(Clone, Copy, Debug)]
pub struct Moved;

#[cfg(test)]
mod tests {
    use super::*;

    fn three() -> impl FusedIterator<Item = u32> {
        let mut state = 0u32;
        FlatGen::new(move |sink: Option<Sink<'_, u32>>| {
            if let Some(sink) = sink
                && state == 0
            {
                state = 4;
                for v in 1..=3 {
                    sink(v);
                }
                return None;
            }
            if state < 3 {
                state += 1;
                Some(state)
            } else {
                state = 4;
                None
            }
        })
    }

    #[test]
    fn next_and_fold_agree() {
        assert_eq!(three().collect::<std::vec::Vec<_>>(), [1, 2, 3]);
        assert_eq!(three().fold(0, |a, b| a * 10 + b), 123);
        let mut g = three();
        assert_eq!(g.next(), Some(1));
        assert_eq!(g.fold(0, |a, b| a * 10 + b), 23);
    }
}
