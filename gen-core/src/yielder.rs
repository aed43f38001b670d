//! The yield handle a compiler-backed body receives, and the future a yield awaits.
//!
//! A [`Yielder`] holds no pointer: only the [id](crate::hand_over::Id) of its adapter. A
//! [`YieldFut`] finds the adapter's slot through the polling context (`hand_over`), stores
//! its value there, and is `Pending` once; the adapter then returns the value as the next
//! item, and the next poll finds the yield future ready.

use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

#[cfg(feature = "stream")]
use crate::checks::YieldFromSource;
use crate::hand_over::{Id, own_slot};

/// The yield handle passed to a generator body.
///
/// A yield borrows it mutably until the yield completes, so two yields cannot be pending at
/// once (`join!` of two yielding futures does not compile). Generated code gives it a
/// hygienic name user code cannot write. It holds no pointer, only its adapter's id: a
/// handle that ended up somewhere else (a task of its own) makes its yields panic with a
/// clear message, never write anywhere. It is created only by the adapter.
pub struct Yielder<T> {
    id: Id,
    /// Invariant in `T` (see the soundness argument in `hand_over`): a handle for
    /// `&'long U` items must never be usable as a handle for `&'short U` items.
    _item: PhantomData<fn(T) -> T>,
}

impl<T> fmt::Debug for Yielder<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Yielder").finish_non_exhaustive()
    }
}

impl<T> Yielder<T> {
    /// The handle of the adapter named `id` (whose item type is `T`).
    #[inline]
    pub(crate) fn new(id: Id) -> Self {
        Yielder {
            id,
            _item: PhantomData,
        }
    }

    /// The item type, for the `stream!` macro's glue: a value of another type than the
    /// first item's is then one plain "mismatched types" at that value.
    #[doc(hidden)]
    #[inline(always)]
    pub fn item_type(&self) -> PhantomData<fn() -> T> {
        PhantomData
    }

    /// Hands `value` to the consumer: the returned future stores it in the adapter's slot and
    /// is `Pending` once, then ready when the consumer asks for the next item.
    #[inline]
    pub fn yield_(&mut self, value: T) -> YieldFut<'_, T> {
        YieldFut {
            value: Some(value),
            id: self.id,
            _handle: PhantomData,
        }
    }

    /// Yields every item of `iter`, in order (`yield_from!` in a sync `boxed` generator).
    pub async fn yield_from_iter<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for value in iter {
            self.yield_(value).await;
        }
    }

    /// Yields every item of `stream` until it returns `None` (`yield_from!` in an async
    /// generator), polling it with `step`: [`poll_source`], named where the compiler checks
    /// that `stream` is a `Stream` of the generator's items. The stream is pinned inside the
    /// returned future.
    ///
    /// The check is not a bound here: rustc would report a bound of this `async fn` three
    /// times (at the argument, at the call, at its `.await`), the one of `poll_source` where
    /// it is named; `yield_from!` places the call and its `.await` on the same tokens, so
    /// rustc prints that error once. `step` is a function item, so each poll of the stream is a direct
    /// call that inlines.
    #[cfg(feature = "stream")]
    pub async fn yield_from<S, F>(&mut self, stream: S, step: F)
    where
        F: Fn(Pin<&mut S>, &mut Context<'_>) -> Poll<Option<T>>,
    {
        let mut stream = core::pin::pin!(stream);
        while let Some(value) = core::future::poll_fn(|cx| step(stream.as_mut(), cx)).await {
            self.yield_(value).await;
        }
    }
}

/// How `yield_from!(source)` in an async generator polls `source`, and, named with the
/// generator's item type, the check that `source` is a `Stream` of those items
/// ([`YieldFromSource`]).
#[cfg(feature = "stream")]
#[inline(always)]
pub fn poll_source<S: YieldFromSource<T>, T>(
    source: Pin<&mut S>,
    cx: &mut Context<'_>,
) -> Poll<Option<T>> {
    source.poll_next(cx)
}

/// The future returned by [`Yielder::yield_`].
///
/// It borrows the handle (so only one yield is pending at a time) but holds no pointer: the
/// borrow is a `PhantomData`, and the slot is found through the context at poll time.
#[must_use = "a yield does nothing unless awaited"]
pub struct YieldFut<'a, T> {
    value: Option<T>,
    id: Id,
    _handle: PhantomData<&'a mut Yielder<T>>,
}

impl<T> Unpin for YieldFut<'_, T> {}

/// The borrow of the handle is a marker (the handle holds only an id, which a panic cannot
/// leave half-changed), so a yield pending in a body is unwind safe when its value is: an
/// async generator over `UnwindSafe` data works with `StreamExt::catch_unwind`, as an `async
/// fn`'s future does.
impl<T: core::panic::UnwindSafe> core::panic::UnwindSafe for YieldFut<'_, T> {}

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
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = &mut *self;
        // Resumed after the hand-over: only a load, so a resumed yield writes nothing.
        if this.value.is_none() {
            return Poll::Ready(());
        }
        if let Some(value) = this.value.take() {
            match own_slot::<T>(cx.waker(), this.id) {
                // SAFETY: `own_slot` found the frame of adapter `id`, live while we are polled.
                Some(slot) => unsafe { put(slot, value, &mut this.value) },
                // Diverging, so the common path is the only way this poll returns (and LLVM
                // turns the hand-over into straight-line code in the consumer).
                None => outside_its_generator(value),
            }
        }
        Poll::Pending
    }
}

/// Moves `value` into the slot, unless the slot is still full (an earlier yield's value is
/// waiting: a combinator dropped its yield future without returning, and the consumer must
/// take that one first); `value` then keeps it, to try again at the next poll.
///
/// # Safety
/// `slot` is the slot of a live frame of the adapter whose `Yielder<T>` made this yield:
/// ids are never reused and each is given to one `Yielder<T>`, by the `GenStream<T, ..>`
/// that installs frames with it, so the slot is an `Option<T>`. The adapter does not touch
/// it until its body's poll returns, and no reference to it is live.
#[inline(always)]
unsafe fn put<T>(slot: *mut Option<T>, value: T, keep: &mut Option<T>) {
    // SAFETY: the caller's contract.
    unsafe {
        if (*slot).is_none() {
            *slot = Some(value);
        } else {
            keep_for_later(keep, value);
        }
    }
}

/// The slot is full: `value` waits in its yield future for the next poll.
#[cold]
#[inline(never)]
fn keep_for_later<T>(keep: &mut Option<T>, value: T) {
    *keep = Some(value);
}

#[cold]
#[inline(never)]
fn outside_its_generator<T>(value: T) -> ! {
    drop(value);
    panic!(
        "a generator's yield was polled outside that generator's own `poll_next`/`next` (by \
         another generator, or a task or executor of its own); yields must run directly \
         inside their generator"
    )
}
