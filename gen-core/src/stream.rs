//! Compiler-backed generators: the pinned-slot hand-over (DESIGN 2.2).
//!
//! The generator body is an `async move` block. The macro turns it into
//!
//! ```text
//! ::gen_core::__private::stream(move |__gen_y: Yielder<Item>| async move {
//!     let mut __gen_h = ::core::pin::pin!(__gen_y);
//!     /* user body, where `yield_!(v)` became `__gen_h.as_mut().yield_(v).await` */
//! })
//! ```
//!
//! and [`GenStream`] drives it. The adapter owns a slot (`UnsafeCell<Option<T>>`). The body
//! future is created at the first poll, when the adapter is already pinned, and receives a
//! [`Yielder`]: a typed pointer to that slot. A yield stores its value in the slot and returns
//! `Pending` once; the adapter sees the filled slot and returns the item as `Ready(Some(..))`.
//! The next poll resumes the body, whose yield future is now ready.
//!
//! No thread-local, no allocation, no waker wrapping, `no_std`. Like every async block, the
//! adapter is `!Unpin`: the body points into the adapter.
//!
//! # Soundness argument
//!
//! * The slot lives as long as the adapter, at a fixed address (the adapter is `!Unpin` and
//!   the pointer is taken only once it is pinned). The body is dropped before the slot (field
//!   order), and never written again once it has finished.
//! * The slot is written only by [`YieldFut::poll`], which can only run while something
//!   polls the body (it borrows the `Yielder`, which the body owns; the macro pins the handle
//!   inside the body and only ever hands user code a `Pin<&mut Yielder>`, never the owned
//!   value, so it cannot be sent to a `'static` task, swapped or replaced). The body is polled only inside [`GenStream::resume`] (`poll_next`), which holds
//!   `Pin<&mut Self>`; the adapter reads the slot only after the body's poll has returned.
//!   Accesses never overlap, and each side runs on the thread that holds the exclusive
//!   reference.

use core::cell::UnsafeCell;
use core::fmt;
use core::future::Future;
use core::marker::PhantomPinned;
use core::pin::Pin;
use core::ptr::NonNull;
use core::task::{Context, Poll};

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

/// The yield handle passed to a generator body: a typed pointer to the adapter's slot.
///
/// It must stay inside the body future it was given to (module docs). Generated code
/// guarantees that: the owned handle has a hygienic name user code cannot write, and is pinned
/// at once inside the body; the body only sees a `Pin<&mut Yielder>`, which cannot be moved
/// into a `'static` task, and (`Yielder` is `!Unpin`) cannot be swapped with another handle.
/// A hand-written body that sends the owned handle elsewhere breaks the runtime's invariant;
/// that is why the constructors live in `__private`, which is not public API.
pub struct Yielder<T> {
    slot: NonNull<Option<T>>,
    _pinned: PhantomPinned,
}

// SAFETY: a `Yielder` is an exclusive writer of one `Option<T>` (it behaves like
// `&mut Option<T>`, which is `Send` when `T: Send`): moving it to another thread moves the
// only way to write the slot, and the adapter reads the slot only after the body's poll
// returned (see the module docs).
unsafe impl<T: Send> Send for Yielder<T> {}
// SAFETY: `&Yielder<T>` gives no access to the slot at all (every method takes `Pin<&mut>`);
// `T: Sync` mirrors `&mut Option<T>`.
unsafe impl<T: Sync> Sync for Yielder<T> {}

impl<T> fmt::Debug for Yielder<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Yielder").finish_non_exhaustive()
    }
}

impl<T> Yielder<T> {
    /// Hands `value` to the consumer: the returned future stores it in the slot and is
    /// `Pending` once, then ready when the consumer asks for the next item.
    #[inline]
    pub fn yield_(self: Pin<&mut Self>, value: T) -> YieldFut<'_, T> {
        YieldFut {
            yielder: self,
            value: Some(value),
        }
    }

    /// Yields every item of `iter`, in order (`yield_from!` in a sync `boxed` generator).
    pub async fn yield_from_iter<I: IntoIterator<Item = T>>(mut self: Pin<&mut Self>, iter: I) {
        for value in iter {
            self.as_mut().yield_(value).await;
        }
    }

    /// Yields every item of `stream` until it returns `None` (`yield_from!` in an async
    /// generator). The stream is pinned inside the returned future.
    #[cfg(feature = "stream")]
    pub async fn yield_from<S: futures_core::Stream<Item = T>>(
        mut self: Pin<&mut Self>,
        stream: S,
    ) {
        let mut stream = core::pin::pin!(stream);
        while let Some(value) = core::future::poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
            self.as_mut().yield_(value).await;
        }
    }
}

/// The future returned by [`Yielder::yield_`].
#[must_use = "a yield does nothing unless awaited"]
pub struct YieldFut<'a, T> {
    yielder: Pin<&'a mut Yielder<T>>,
    value: Option<T>,
}

impl<T> Unpin for YieldFut<'_, T> {}

impl<T> fmt::Debug for YieldFut<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("YieldFut")
            .field("stored", &self.value.is_none())
            .finish_non_exhaustive()
    }
}

impl<T> Future for YieldFut<'_, T> {
    type Output = ();

    #[inline]
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        let this = &mut *self;
        let Some(value) = this.value.take() else {
            return Poll::Ready(());
        };
        let slot = this.yielder.slot.as_ptr();
        // SAFETY: the slot outlives the body that owns the `Yielder` we borrow, and it is
        // only touched here, while the adapter is polling the body, or by the adapter after
        // that poll returned (module docs). No reference to the slot is live right now.
        unsafe {
            if (*slot).is_some() {
                // An earlier yield's value is still waiting (a combinator dropped its yield
                // future without returning): let the consumer take that one first.
                this.value = Some(value);
            } else {
                *slot = Some(value);
            }
        }
        Poll::Pending
    }
}

enum State<F, Fut> {
    Init(F),
    Running(Fut),
    /// Finished; the slot may still hold a last item (a fallible body's error).
    Done,
    /// The body panicked; whatever is left in the slot is dropped with the adapter.
    Panicked,
}

/// An async generator: a `futures_core::Stream` driving a generator body (module docs).
pub struct GenStream<T, F, Fut> {
    // Declared first, so a running body is dropped before the slot it points to.
    state: State<F, Fut>,
    slot: UnsafeCell<Option<T>>,
    _pinned: PhantomPinned,
}

// SAFETY: `&GenStream` only reads the state's discriminant (`is_terminated`); the slot is
// reached only through `Pin<&mut GenStream>`. Requiring every part to be `Sync` is the
// conservative reading of "a struct holding `F`, `Fut` and `Option<T>`".
unsafe impl<T: Sync, F: Sync, Fut: Sync> Sync for GenStream<T, F, Fut> {}

impl<T, F, Fut> fmt::Debug for GenStream<T, F, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.state {
            State::Init(_) => "Init",
            State::Running(_) => "Running",
            State::Done | State::Panicked => "Done",
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
struct DoneOnUnwind<'a, F, Fut>(&'a mut State<F, Fut>);

impl<F, Fut> Drop for DoneOnUnwind<'_, F, Fut> {
    fn drop(&mut self) {
        // Only reached when unwinding: the normal path forgets the guard. Dropping the body
        // in place is allowed for a pinned value.
        *self.0 = State::Panicked;
    }
}

impl<T, F, Fut> GenStream<T, F, Fut> {
    /// A generator that has not started; the body is created at the first poll.
    #[inline]
    pub fn new(body: F) -> Self {
        GenStream {
            state: State::Init(body),
            slot: UnsafeCell::new(None),
            _pinned: PhantomPinned,
        }
    }

    /// Whether the generator has finished (it then returns `None` forever).
    #[inline]
    pub fn is_done(&self) -> bool {
        match self.state {
            State::Init(_) | State::Running(_) => false,
            State::Panicked => true,
            // SAFETY: `&self` excludes a running poll, and a finished body never writes again.
            State::Done => unsafe { (*self.slot.get()).is_none() },
        }
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
    #[inline]
    pub fn resume(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        // SAFETY: nothing below moves out of `this`: the body is polled in place through
        // `Pin::new_unchecked`, and only ever replaced by a finished state (drop in place).
        let this = unsafe { self.get_unchecked_mut() };
        let slot = this.slot.get();
        match this.state {
            State::Running(_) => {}
            State::Init(_) => {
                let State::Init(body) = core::mem::replace(&mut this.state, State::Done) else {
                    unreachable!()
                };
                // The slot's address is stable from now on: we are pinned.
                // SAFETY: `UnsafeCell::get` on a reference never returns null.
                let slot = unsafe { NonNull::new_unchecked(slot) };
                let yielder = Yielder {
                    slot,
                    _pinned: PhantomPinned,
                };
                this.state = State::Running(body(yielder));
            }
            // SAFETY: the body has finished or panicked; nothing else points to the slot. A
            // fallible body's error may still be waiting there.
            State::Done => return Poll::Ready(unsafe { (*slot).take() }),
            State::Panicked => return Poll::Ready(None),
        }
        let guard = DoneOnUnwind(&mut this.state);
        let State::Running(fut) = &mut *guard.0 else {
            unreachable!()
        };
        // SAFETY: the adapter is pinned, so is the body inside it; it is never moved out
        // (only dropped in place when the state becomes `Done` or `Panicked`).
        let res = unsafe { Pin::new_unchecked(fut) }.poll(cx);
        core::mem::forget(guard);
        // SAFETY: the body's poll has returned; the only writer of the slot is inactive and
        // no reference to the slot is live.
        let slot = unsafe { &mut *slot };
        match res {
            Poll::Pending => match slot.take() {
                Some(value) => Poll::Ready(Some(value)),
                None => Poll::Pending,
            },
            Poll::Ready(out) => {
                this.state = State::Done;
                let last = out.into_last_item();
                match slot.take() {
                    // A value a combinator left behind goes first; the error follows.
                    Some(value) => {
                        *slot = last;
                        Poll::Ready(Some(value))
                    }
                    None => Poll::Ready(last),
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

    #[inline]
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
