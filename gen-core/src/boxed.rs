//! `#[generator(boxed)]`: a sync generator driven by the compiler-backed lowering.
//!
//! The body is the same `async move` block as for an async generator (so locals may be
//! borrowed across yields), driven by [`GenStream::resume`] with a no-op waker. The
//! [`GenStream`] (the body future and its state) lives in a `Pin<Box<_>>`.
//!
//! **Allocation:** at most one heap allocation per generator, made at the first call of
//! [`Iterator::next`] (creating a generator and dropping it unused allocates nothing). The
//! box is freed as soon as the body finishes (an `iter!` block's, which keeps its captures
//! as a `move` closure does, when the generator drops: see below). `next` is always
//! inlined, and where a generator is made, used and dropped within one function the
//! optimizer may remove the allocation altogether.
//!
//! **Internal iteration:** `fold` (and the consumers std builds on it: `for_each`, `sum`,
//! `count`, ..) on a generator that has not started runs a plain copy of the body instead,
//! in which a yield calls the consumer ([`Entry::Fold`]): no box, no suspension, the body's
//! loops as written. The macro emits that copy unless the generator is `no_fold`.
//!
//! **Pending without a yield:** a sync body has nothing to wait for; the macro rejects
//! `.await` in sync generators. The one body that returns `Pending` without having yielded is
//! an `iter!` block's, which ends by awaiting a future that never completes (see
//! [`crate::__private::park`]): the generator ends (`next` returns `None`), and the body
//! future is kept, unpolled, until the generator is dropped, so that the captures the block
//! did not move drop with it, as a `move` closure's do, rather than when its body ends.

use alloc::boxed::Box;
use core::fmt;
use core::future::Future;
use core::iter::FusedIterator;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};

use crate::checks::ResultItem;
use crate::iter::Sink;
use crate::stream::{BodyOutput, GenStream, Yielder};

/// How a boxed generator's body is entered: the body is one closure that owns the
/// generator's arguments and either makes the body future (`Resume`, at the first `next`) or
/// runs the plain copy of the body with yields handed to a consumer (`Fold`, then returns
/// `None`).
pub enum Entry<'s, T> {
    /// Make the body future, which yields through this handle.
    Resume(Yielder<T>),
    /// Run the body to its end, handing each item to the sink.
    Fold(Sink<'s, T>),
}

/// The `Fold` entry of a body whose copy uses `?`: runs `body` with `sink` and hands its
/// error, if it ends with one, to the sink as the last item (after the body's locals and
/// arguments have dropped, as the generator would).
#[inline(always)]
pub fn fold_fallible<T, F>(sink: Sink<'_, T>, body: F)
where
    T: ResultItem,
    F: FnOnce(Sink<'_, T>) -> Result<(), T::Err>,
{
    if let Err(error) = body(&mut *sink) {
        sink(T::from_err(error));
    }
}

/// The `Fold` entry of a body without `?`.
#[inline(always)]
pub fn fold_infallible<T, F>(sink: Sink<'_, T>, body: F)
where
    F: FnOnce(Sink<'_, T>),
{
    body(sink);
}

enum State<T, F, Fut> {
    Init(F),
    Running(Pin<Box<GenStream<T, Fut>>>),
    /// Finished, pending without a yield: the body future, kept until the generator drops
    /// (held for its drop only, never read).
    Parked(#[allow(dead_code)] Pin<Box<GenStream<T, Fut>>>),
    Done,
}

/// A sync generator whose body is an async block, driven from one heap allocation.
/// `FOLD`: the body has a plain copy for [`Entry::Fold`].
pub struct BoxedGen<T, F, Fut, const FOLD: bool = false> {
    state: State<T, F, Fut>,
}

// `F` is moved into the box before anything is pinned, and the box keeps the pinned part at a
// fixed address, so `BoxedGen` never needs to stay in place.
impl<T> fmt::Debug for Entry<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Entry::Resume(_) => "Resume",
            Entry::Fold(_) => "Fold",
        })
    }
}

impl<T, F, Fut, const FOLD: bool> Unpin for BoxedGen<T, F, Fut, FOLD> {}

impl<T, F, Fut, const FOLD: bool> fmt::Debug for BoxedGen<T, F, Fut, FOLD> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.state {
            State::Init(_) => "Init",
            State::Running(_) => "Running",
            State::Parked(_) | State::Done => "Done",
        };
        f.debug_struct("BoxedGen")
            .field("state", &state)
            .finish_non_exhaustive()
    }
}

/// Builds a boxed sync generator from its body (see [`Entry`]). `FOLD`: the body has a plain
/// copy, which `fold` runs before the first `next` (without one, its `Fold` entry is never
/// taken).
#[inline]
pub fn boxed<T, F, Fut, const FOLD: bool>(body: F) -> BoxedGen<T, F, Fut, FOLD>
where
    F: FnOnce(Entry<'_, T>) -> Option<Fut>,
    Fut: Future<Output = ()>,
{
    BoxedGen {
        state: State::Init(body),
    }
}

/// [`boxed`] for a body that uses `?`: the body returns `Result<(), E>` and an `Err(e)`
/// becomes the last item ([`fold_fallible`] in the plain copy).
#[inline]
pub fn boxed_fallible<T, F, Fut, const FOLD: bool>(body: F) -> BoxedGen<T, F, Fut, FOLD>
where
    T: ResultItem,
    F: FnOnce(Entry<'_, T>) -> Option<Fut>,
    Fut: Future<Output = Result<(), T::Err>>,
{
    BoxedGen {
        state: State::Init(body),
    }
}

impl<T, F, Fut, const FOLD: bool> Iterator for BoxedGen<T, F, Fut, FOLD>
where
    F: FnOnce(Entry<'_, T>) -> Option<Fut>,
    Fut: Future,
    Fut::Output: BodyOutput<T>,
{
    type Item = T;

    // Inlined into the consumer's loop, the resume reaches the body without a call: 2x fewer
    // instructions per item on a `for` loop over a counter, and where an iterator is made,
    // used and dropped in one place LLVM may remove the box (BENCHMARKS.md).
    #[inline(always)]
    fn next(&mut self) -> Option<T> {
        let inner = match &mut self.state {
            State::Running(inner) => inner,
            State::Parked(_) | State::Done => return None,
            State::Init(_) => {
                let State::Init(body) = core::mem::replace(&mut self.state, State::Done) else {
                    unreachable!()
                };
                let start = |handle| match body(Entry::Resume(handle)) {
                    Some(future) => future,
                    None => unreachable!("the `Resume` entry makes the body future"),
                };
                self.state = State::Running(Box::pin(GenStream::new(start)));
                let State::Running(inner) = &mut self.state else {
                    unreachable!()
                };
                inner
            }
        };
        let mut cx = Context::from_waker(Waker::noop());
        // A panic in the body unwinds out of here with the state still `Running`; the inner
        // adapter is then finished itself, so later calls return `None`.
        match inner.as_mut().resume(&mut cx) {
            Poll::Ready(Some(value)) => Some(value),
            // Finished: free the box.
            Poll::Ready(None) => {
                self.state = State::Done;
                None
            }
            // Pending without a yield (see the module docs): finished, the body kept.
            Poll::Pending => {
                if let State::Running(body) = core::mem::replace(&mut self.state, State::Done) {
                    self.state = State::Parked(body);
                }
                None
            }
        }
    }

    /// Before the first `next`, the body's plain copy runs with each item handed to `g`
    /// (module docs); otherwise, `next` until the end.
    #[inline]
    fn fold<B, G>(mut self, init: B, mut g: G) -> B
    where
        G: FnMut(B, T) -> B,
    {
        if FOLD && matches!(self.state, State::Init(_)) {
            let State::Init(body) = core::mem::replace(&mut self.state, State::Done) else {
                unreachable!()
            };
            let mut acc = Some(init);
            let _ = body(Entry::Fold(&mut |v| {
                if let Some(a) = acc.take() {
                    acc = Some(g(a, v));
                }
            }));
            let Some(acc) = acc else {
                unreachable!("the fold accumulator is always restored")
            };
            return acc;
        }
        let mut acc = init;
        for v in self {
            acc = g(acc, v);
        }
        acc
    }
}

impl<T, F, Fut, const FOLD: bool> FusedIterator for BoxedGen<T, F, Fut, FOLD>
where
    F: FnOnce(Entry<'_, T>) -> Option<Fut>,
    Fut: Future,
    Fut::Output: BodyOutput<T>,
{
}
