//! `#[generator(boxed)]`: a sync generator driven by the compiler-backed lowering.
//!
//! The body is the same `async move` block as for an async generator (so locals may be
//! borrowed across yields), driven by [`GenStream::resume`] with a no-op waker. The
//! [`GenStream`] (the body future and its state) lives in a `Pin<Box<_>>`.
//!
//! **Allocation:** at most one heap allocation per generator, made at the first call of
//! [`Iterator::next`] (creating a generator and dropping it unused allocates nothing). The
//! box is freed as soon as the body finishes. `next` is always inlined, and where a
//! generator is made, used and dropped within one function the optimizer may remove the
//! allocation altogether.
//!
//! **Pending without a yield:** a sync body has nothing to wait for; the macro rejects
//! `.await` in sync generators, so a body that returns `Pending` without having yielded is
//! unreachable through the macro. Should it happen anyway (a hand-written body awaiting a
//! pending future), the generator ends: `next` returns `None` and the body is dropped.

use alloc::boxed::Box;
use core::fmt;
use core::future::Future;
use core::iter::FusedIterator;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};

use crate::checks::ResultItem;
use crate::stream::{BodyOutput, GenStream, Yielder};

enum State<T, F, Fut> {
    Init(F),
    Running(Pin<Box<GenStream<T, Fut>>>),
    Done,
}

/// A sync generator whose body is an async block, driven from one heap allocation.
pub struct BoxedGen<T, F, Fut> {
    state: State<T, F, Fut>,
}

// `F` is moved into the box before anything is pinned, and the box keeps the pinned part at a
// fixed address, so `BoxedGen` never needs to stay in place.
impl<T, F, Fut> Unpin for BoxedGen<T, F, Fut> {}

impl<T, F, Fut> fmt::Debug for BoxedGen<T, F, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.state {
            State::Init(_) => "Init",
            State::Running(_) => "Running",
            State::Done => "Done",
        };
        f.debug_struct("BoxedGen")
            .field("state", &state)
            .finish_non_exhaustive()
    }
}

/// Builds a boxed sync generator from its body (`F` gets the yield handle).
#[inline]
pub fn boxed<T, F, Fut>(body: F) -> BoxedGen<T, F, Fut>
where
    F: FnOnce(Yielder<T>) -> Fut,
    Fut: Future<Output = ()>,
{
    BoxedGen {
        state: State::Init(body),
    }
}

/// Builds a boxed sync generator whose body uses `?`: the body returns `Result<(), E>` and
/// an `Err(e)` becomes the last item.
#[inline]
pub fn boxed_fallible<T, F, Fut>(body: F) -> BoxedGen<T, F, Fut>
where
    T: ResultItem,
    F: FnOnce(Yielder<T>) -> Fut,
    Fut: Future<Output = Result<(), T::Err>>,
{
    BoxedGen {
        state: State::Init(body),
    }
}

impl<T, F, Fut> Iterator for BoxedGen<T, F, Fut>
where
    F: FnOnce(Yielder<T>) -> Fut,
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
            State::Done => return None,
            State::Init(_) => {
                let State::Init(body) = core::mem::replace(&mut self.state, State::Done) else {
                    unreachable!()
                };
                self.state = State::Running(Box::pin(GenStream::new(body)));
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
            // Finished, or pending without a yield (see the module docs): free the box.
            Poll::Ready(None) | Poll::Pending => {
                self.state = State::Done;
                None
            }
        }
    }
}

impl<T, F, Fut> FusedIterator for BoxedGen<T, F, Fut>
where
    F: FnOnce(Yielder<T>) -> Fut,
    Fut: Future,
    Fut::Output: BodyOutput<T>,
{
}
