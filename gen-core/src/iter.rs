//! The flat adapter: an `Iterator` over the state machine that `#[generator]` emits.
//!
//! The macro lowers a sync generator body into a state value `S` (a local enum, plus the
//! frame of a large generator) and two closures that capture nothing of it: `resume` runs the
//! state machine on `&mut S` and returns the next item (`next()`); `fold`, called on a
//! generator that has not started, runs a second, plain copy of the body in which every
//! `yield_!(v)` calls the sink, and returns `true` (the internal iteration fast path behind
//! `fold`). On a generator that has started it returns `false` and `fold` goes on by
//! `next()`.
//!
//! The item type is the return type of `resume`, not a type parameter of [`FlatGen`]: a
//! returned `impl Iterator<Item = T> + '_` then asks only what the state holds to outlive
//! the borrow, as an adapter chain would (`fn column<T: FromStr>(text: &str) -> impl
//! Iterator<Item = Result<T, T::Err>> + '_` needs no `T: '_`).

use core::fmt;
use core::iter::FusedIterator;

/// The callback a fold request hands to the body: every yielded item goes through it.
pub type Sink<'a, T> = &'a mut dyn FnMut(T);

/// A sync generator lowered to a flat state machine.
///
/// Created only by the `#[generator]` and `iter!` macros. `Clone` when its state is (the
/// macro derives `Clone` for the state of a generator whose signature asks for `+ Clone`; the
/// closures capture nothing): a clone resumes where the original stands. `resume` guarantees
/// that once it returned `None` it keeps returning `None` (the stored state is `Done` while
/// user code runs, or guarded by a [`Resident`](crate::__private::Resident) that sets `Done`
/// when it unwinds, so a panic leaves it finished), hence `FusedIterator`.
#[must_use = "generators are lazy and do nothing unless iterated"]
#[derive(Clone)]
pub struct FlatGen<S, R, Fo> {
    /// Dropped first: a suspended generator drops its locals before what `resume` captures
    /// (the functions an `iter!` body calls).
    state: S,
    resume: R,
    fold: Fo,
}

// A flat generator never pins anything: `next` takes `&mut self`, and the locals it keeps
// move in and out of the state on every step, as the plain function's locals may move. So it
// is `Unpin` whatever it keeps (`PhantomPinned`, an unpinned future), as a `gen` block is.
impl<S, R, Fo> Unpin for FlatGen<S, R, Fo> {}

impl<S, R, Fo> FlatGen<S, R, Fo> {
    /// Wraps the state machine. The bounds give the closures their expected signatures, so
    /// their bodies are type-checked with `Option<T>` as the return type of `resume`. `fold`
    /// comes first: rustc type-checks closure arguments in order, so the types the plain copy
    /// gives the state's values (a join's value of an `if` whose branches are two functions:
    /// a function pointer) are known where `resume` stores them.
    #[inline(always)]
    pub fn new<T>(state: S, fold: Fo, resume: R) -> Self
    where
        R: FnMut(&mut S) -> Option<T>,
        Fo: FnOnce(&mut S, Sink<'_, T>) -> bool,
    {
        FlatGen {
            state,
            resume,
            fold,
        }
    }
}

impl<S, R, Fo> fmt::Debug for FlatGen<S, R, Fo> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FlatGen").finish_non_exhaustive()
    }
}

impl<S, R, Fo, T> Iterator for FlatGen<S, R, Fo>
where
    R: FnMut(&mut S) -> Option<T>,
    Fo: FnOnce(&mut S, Sink<'_, T>) -> bool,
{
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        (self.resume)(&mut self.state)
    }

    #[inline]
    fn fold<Acc, G>(self, init: Acc, mut g: G) -> Acc
    where
        G: FnMut(Acc, T) -> Acc,
    {
        let FlatGen {
            mut state,
            mut resume,
            fold,
        } = self;
        // Desugar `fold` into one run of the plain body with the accumulator threaded through
        // the callback. `acc` is `Some` whenever the callback runs; if `g` panics, the
        // unwinding body drops its own locals and `acc` is dropped here.
        let mut acc = Some(init);
        let ran = fold(&mut state, &mut |v| {
            if let Some(a) = acc.take() {
                acc = Some(g(a, v));
            }
        });
        let Some(mut acc) = acc else {
            unreachable!("the fold accumulator is always restored")
        };
        // The generator had already started: continue by `next()`.
        if !ran {
            while let Some(v) = resume(&mut state) {
                acc = g(acc, v);
            }
        }
        acc
    }
}

impl<S, R, Fo, T> FusedIterator for FlatGen<S, R, Fo>
where
    R: FnMut(&mut S) -> Option<T>,
    Fo: FnOnce(&mut S, Sink<'_, T>) -> bool,
{
}

/// Poison for a local that is in scope at a resume point but was not saved (it was moved):
/// re-binding its name to `Moved` keeps name resolution identical to the original body, and
/// a use the analysis missed becomes a type error instead of a wrong value.
#[derive(Clone, Copy, Debug)]
pub struct Moved;

#[cfg(test)]
mod tests {
    use super::*;

    fn three() -> impl FusedIterator<Item = u32> {
        FlatGen::new(
            0u32,
            |state: &mut u32, sink: Sink<'_, u32>| {
                if *state != 0 {
                    return false;
                }
                *state = 4;
                for v in 1..=3 {
                    sink(v);
                }
                true
            },
            |state: &mut u32| {
                if *state < 3 {
                    *state += 1;
                    Some(*state)
                } else {
                    *state = 4;
                    None
                }
            },
        )
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
