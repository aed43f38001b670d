//! Compiler-backed generators: the adapter that drives a body and hands its yields over.
//!
//! The generator body is an `async move` block. The macro turns it into
//!
//! ```text
//! ::gen_core::__private::stream(move |mut yield_: Yielder<Item>| async move {
//!     /* user body, where `yield_!(v)` became `yield_.yield_(v).await` */
//! })
//! ```
//!
//! (the `yield_` binding is hygienic: user code cannot name it) and [`GenStream`] drives
//! it. The body future is created with the adapter and receives a [`Yielder`] carrying the
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

use crate::checks::ResultItem;
use crate::hand_over::{Id, fresh_id, poll_in_frame};
pub use crate::yielder::{YieldFut, Yielder};

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

/// An async generator: a `futures_core::Stream` driving a generator body (module docs).
#[must_use = "streams do nothing unless polled"]
pub struct GenStream<T, Fut> {
    /// The body, created with the adapter; `None` once it has finished (or panicked). An
    /// `Option` of a coroutine takes its niche, so "finished" is one more value of the
    /// coroutine's own state and the check folds into the body's dispatch.
    body: Option<Fut>,
    /// The id the body's [`Yielder`] carries.
    id: Id,
    /// A fallible body's error, still to deliver after a value a combinator left in the slot.
    last: Option<T>,
    /// Invariant in `T`, like the [`Yielder<T>`] it hands out (see the soundness argument in
    /// `hand_over`).
    _item: PhantomData<fn(T) -> T>,
}

impl<T, Fut> fmt::Debug for GenStream<T, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GenStream")
            .field("done", &self.is_done())
            .finish_non_exhaustive()
    }
}

/// Builds an async generator from its body (`F` gets the yield handle, returns the body).
#[inline]
pub fn stream<T, F, Fut>(body: F) -> GenStream<T, Fut>
where
    F: FnOnce(Yielder<T>) -> Fut,
    Fut: Future<Output = ()>,
{
    GenStream::new(body)
}

/// Builds an async generator whose body uses `?`: the body returns `Result<(), E>` and an
/// `Err(e)` becomes the last item.
#[inline]
pub fn stream_fallible<T, F, Fut>(body: F) -> GenStream<T, Fut>
where
    T: ResultItem,
    F: FnOnce(Yielder<T>) -> Fut,
    Fut: Future<Output = Result<(), T::Err>>,
{
    GenStream::new(body)
}

/// Marks the adapter finished if the body panics while it is being polled.
struct DoneOnUnwind<'a, Fut>(&'a mut Option<Fut>);

impl<Fut> Drop for DoneOnUnwind<'_, Fut> {
    fn drop(&mut self) {
        // Only reached when unwinding: the normal path forgets the guard. Dropping the body
        // in place is allowed for a pinned value.
        *self.0 = None;
    }
}

impl<T, Fut> GenStream<T, Fut> {
    /// A generator that has not started: the body future is made here, with the yield
    /// handle of a fresh id, and first polled by the first `resume`. (An unstarted `async`
    /// block holds only what it captured, so this runs none of the user's code.)
    #[inline]
    pub fn new<F>(body: F) -> Self
    where
        F: FnOnce(Yielder<T>) -> Fut,
    {
        let id = fresh_id();
        GenStream {
            body: Some(body(Yielder::new(id))),
            id,
            last: None,
            _item: PhantomData,
        }
    }

    /// Whether the generator has finished (it then returns `None` forever).
    #[inline]
    pub fn is_done(&self) -> bool {
        self.body.is_none() && self.last.is_none()
    }
}

impl<T, Fut> GenStream<T, Fut>
where
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
        // `Pin::new_unchecked`, and only ever replaced by `None` (drop in place).
        let this = unsafe { self.get_unchecked_mut() };
        let guard = DoneOnUnwind(&mut this.body);
        let Some(body) = guard.0.as_mut() else {
            core::mem::forget(guard);
            return Poll::Ready(this.last.take());
        };
        // SAFETY: the adapter is pinned, so is the body inside it; it is never moved out
        // (only dropped in place when it finishes).
        let body = unsafe { Pin::new_unchecked(body) };
        let (res, slot) = poll_in_frame::<T, _>(cx, this.id, |cx| body.poll(cx));
        core::mem::forget(guard);
        if let Some(value) = slot {
            // A yield (the body is then pending), or a value a combinator left behind when
            // the body finished: it goes first, the last item follows.
            if let Poll::Ready(out) = res {
                this.body = None;
                this.last = out.into_last_item();
            }
            return Poll::Ready(Some(value));
        }
        match res {
            Poll::Pending => Poll::Pending,
            Poll::Ready(out) => {
                this.body = None;
                Poll::Ready(out.into_last_item())
            }
        }
    }
}

#[cfg(feature = "stream")]
impl<T, Fut> futures_core::Stream for GenStream<T, Fut>
where
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
impl<T, Fut> futures_core::FusedStream for GenStream<T, Fut>
where
    Fut: Future,
    Fut::Output: BodyOutput<T>,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.is_done()
    }
}
