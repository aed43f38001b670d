//! The adapter of `iter! { .. }`: one closure that both resumes the state machine and runs
//! the fold copy of the body.
//!
//! An `iter!` closure captures what its body only reads (kept until the iterator is dropped,
//! as a `move` closure keeps its captures) and the functions it calls, so unlike a
//! `#[generator]` function's [`FlatGen`](crate::__private::FlatGen), whose two closures
//! capture nothing, the state machine and the fold copy must share one closure. Called with
//! `None` it returns the next item (`next()`); called with `Some(sink)` on a generator that
//! has not started, it runs the plain copy of the body, every `yield_!(v)` calling the sink,
//! and returns `None`. On a generator that has started, the fold request is ignored and the
//! closure behaves like `next()`.

use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;

use crate::iter::Sink;

/// An `iter!` generator. Created only by the `iter!` macro.
///
/// The closure guarantees that once it returned `None` it keeps returning `None` (as
/// [`FlatGen`](crate::__private::FlatGen)'s `resume`), hence `FusedIterator`.
#[must_use = "generators are lazy and do nothing unless iterated"]
pub struct InlineGen<T, F> {
    resume: F,
    /// Names the item type for the impls (the closure's argument names it too); `fn() -> T`
    /// keeps auto traits independent of `T` (the items a generator holds are in its state,
    /// which `F` captures).
    item: PhantomData<fn() -> T>,
}

// Never pinned, whatever its closure keeps (see `FlatGen`'s `Unpin`).
impl<T, F> Unpin for InlineGen<T, F> {}

impl<T, F> InlineGen<T, F> {
    /// Wraps the state machine. The bound gives the closure its expected signature.
    #[inline(always)]
    pub fn new(resume: F) -> Self
    where
        F: FnMut(Option<Sink<'_, T>>) -> Option<T>,
    {
        InlineGen {
            resume,
            item: PhantomData,
        }
    }
}

impl<T, F> fmt::Debug for InlineGen<T, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InlineGen").finish_non_exhaustive()
    }
}

impl<T, F> Iterator for InlineGen<T, F>
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
        // the callback, as `FlatGen::fold` does.
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

impl<T, F> FusedIterator for InlineGen<T, F> where F: FnMut(Option<Sink<'_, T>>) -> Option<T> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn three() -> impl FusedIterator<Item = u32> {
        let mut state = 0u32;
        InlineGen::new(move |sink: Option<Sink<'_, u32>>| {
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
