//! Compiler-backed generators: the adapter that drives a body and hands its yields over.
//!
//! The generator body is an `async move` block. The macro turns it into
//!
//! ```text
//! ::gen_core::__private::stream(move |yield_: Yielder<Item>| async move {
//!     let mut yield_ = yield_;
//!     /* user body, where `yield_!(v)` became `yield_.yield_(v).await` */
//! })
//! ```
//!
//! (both `yield_` bindings are hygienic: user code cannot name them) and [`GenStream`] drives
//! it. The body future is created at the first poll and receives a [`Yielder`] carrying the
//! adapter's id. Each poll puts an empty `Option<T>` slot on its own stack and polls the body
//! inside a frame naming that slot (`hand_over`); a yield stores its value in the slot and
//! returns `Pending` once, and the adapter returns the value as `Ready(Some(..))`. The next
//! poll resumes the body, whose yield future is now ready.
//!
//! No thread-local, no allocation, no pointer into the adapter, `no_std`. The soundness
//! argument for all of it is in one place: the docs of the `hand_over` module.

use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use crate::hand_over::{Id, fresh_id, poll_in_frame};
pub use crate::yielder::{YieldFut, Yielder};

/// Names the two halves of a `Result` item type, so generated code can write
/// `<Item as ResultItem>::Err` for the error type of a fallible generator body.
pub trait ResultItem {
    /// The success type (`T` in `Result<T, E>`).
    type Ok;
    /// The error type (`E` in `Result<T, E>`).
    type Err;
}

impl<T, E> ResultItem for Result<T, E> {
    type Ok = T;
    type Err = E;
}

/// What a generator body returns, turned into an optional last item.
///
/// `()` (an infallible body) adds nothing; `Result<(), E>` (a body that uses `?`, whose item
/// is `Result<T, E>`) turns `Err(e)` into a last item `Err(e)`.
pub trait BodyOutput<T> {
    /// The item to yield after the body has finished, if any.
    fn into_last_item(self) -> Option<T>;
}

impl<T> BodyOutput<T> for () {
    #[inline]
    fn into_last_item(self) -> Option<T> {
        None
    }
}

impl<T, E> BodyOutput<Result<T, E>> for Result<(), E> {
    #[inline]
    fn into_last_item(self) -> Option<Result<T, E>> {
        self.err().map(Err)
    }
}

enum State<T, F, Fut> {
    Init(F),
    Running {
        body: Fut,
        id: Id,
    },
    /// Finished; holds the last item still to deliver (a fallible body's error, after a
    /// value a combinator left behind), if any.
    Done(Option<T>),
}

/// An async generator: a `futures_core::Stream` driving a generator body (module docs).
pub struct GenStream<T, F, Fut> {
    state: State<T, F, Fut>,
    /// Invariant in `T`, like the [`Yielder<T>`] it hands out (see the soundness argument in
    /// `hand_over`).
    _item: PhantomData<fn(T) -> T>,
}

impl<T, F, Fut> fmt::Debug for GenStream<T, F, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.state {
            State::Init(_) => "Init",
            State::Running { .. } => "Running",
            State::Done(_) => "Done",
        };
        f.debug_struct("GenStream")
            .field("state", &state)
            .finish_non_exhaustive()
    }
}

/// Builds an async generator from its body (`F` gets the yield handle, returns the body).
#[inline]
pub fn stream<T, F, Fut>(body: F) -> GenStream<T, F, Fut>
where
    F: FnOnce(Yielder<T>) -> Fut,
    Fut: Future<Output = ()>,
{
    GenStream::new(body)
}

/// Builds an async generator whose body uses `?`: the body returns `Result<(), E>` and an
/// `Err(e)` becomes the last item.
#[inline]
pub fn stream_fallible<T, F, Fut>(body: F) -> GenStream<T, F, Fut>
where
    T: ResultItem,
    F: FnOnce(Yielder<T>) -> Fut,
    Fut: Future<Output = Result<(), T::Err>>,
{
    GenStream::new(body)
}

/// Marks the adapter finished if the body panics while it is being polled.
struct DoneOnUnwind<'a, T, F, Fut>(&'a mut State<T, F, Fut>);

impl<T, F, Fut> Drop for DoneOnUnwind<'_, T, F, Fut> {
    fn drop(&mut self) {
        // Only reached when unwinding: the normal path forgets the guard. Dropping the body
        // in place is allowed for a pinned value.
        *self.0 = State::Done(None);
    }
}

impl<T, F, Fut> GenStream<T, F, Fut> {
    /// A generator that has not started; the body is created at the first poll.
    #[inline]
    pub fn new(body: F) -> Self {
        GenStream {
            state: State::Init(body),
            _item: PhantomData,
        }
    }

    /// Whether the generator has finished (it then returns `None` forever).
    #[inline]
    pub fn is_done(&self) -> bool {
        matches!(self.state, State::Done(None))
    }
}

impl<T, F, Fut> GenStream<T, F, Fut>
where
    F: FnOnce(Yielder<T>) -> Fut,
    Fut: Future,
    Fut::Output: BodyOutput<T>,
{
    /// Runs the body until it yields, awaits something pending, or finishes.
    ///
    /// This is `Stream::poll_next`, available without the `stream` feature so the boxed
    /// sync adapter can use it.
    #[inline(always)]
    pub fn resume(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        // SAFETY: nothing below moves out of `this`: the body is polled in place through
        // `Pin::new_unchecked`, and only ever replaced by a finished state (drop in place).
        let this = unsafe { self.get_unchecked_mut() };
        let id = match &mut this.state {
            State::Running { id, .. } => *id,
            State::Init(_) => {
                let State::Init(start) = core::mem::replace(&mut this.state, State::Done(None))
                else {
                    unreachable!()
                };
                // Inline, not a method taking `&mut self` nor a function returning the body:
                // either makes LLVM keep the whole coroutine in memory when `poll_next` is
                // inlined into the consumer.
                let id = fresh_id();
                this.state = State::Running {
                    body: start(Yielder::new(id)),
                    id,
                };
                id
            }
            State::Done(last) => return Poll::Ready(last.take()),
        };
        let guard = DoneOnUnwind(&mut this.state);
        let State::Running { body, .. } = &mut *guard.0 else {
            unreachable!()
        };
        // SAFETY: the adapter is pinned, so is the body inside it; it is never moved out
        // (only dropped in place when the state becomes `Done`).
        let body = unsafe { Pin::new_unchecked(body) };
        let (res, slot) = poll_in_frame::<T, _>(cx, id, |cx| body.poll(cx));
        core::mem::forget(guard);
        match res {
            Poll::Pending => match slot {
                Some(value) => Poll::Ready(Some(value)),
                None => Poll::Pending,
            },
            Poll::Ready(out) => {
                let last = out.into_last_item();
                match slot {
                    // A value a combinator left behind goes first; the last item follows.
                    Some(value) => {
                        this.state = State::Done(last);
                        Poll::Ready(Some(value))
                    }
                    None => {
                        this.state = State::Done(None);
                        Poll::Ready(last)
                    }
                }
            }
        }
    }
}

#[cfg(feature = "stream")]
impl<T, F, Fut> futures_core::Stream for GenStream<T, F, Fut>
where
    F: FnOnce(Yielder<T>) -> Fut,
    Fut: Future,
    Fut::Output: BodyOutput<T>,
{
    type Item = T;

    #[inline(always)]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.resume(cx)
    }
}

#[cfg(feature = "stream")]
impl<T, F, Fut> futures_core::FusedStream for GenStream<T, F, Fut>
where
    F: FnOnce(Yielder<T>) -> Fut,
    Fut: Future,
    Fut::Output: BodyOutput<T>,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.is_done()
    }
}
