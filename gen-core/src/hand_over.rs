//! How a yield reaches the adapter that is polling its body: a *frame* installed in the
//! waker for the duration of one poll.
//!
//! [`poll_in_frame`] wraps the caller's waker in a [`Frame`] naming the adapter (its
//! [`Id`]) and a pointer to an `Option<T>` slot on the adapter's stack, and polls the body
//! with a `Context` made from that waker. A yield future finds its frame with [`own_slot`]:
//! it recognises our waker by its vtable and compares ids. A yield runs only directly inside
//! its own adapter's poll: when the context's waker is not its frame (the yield's future was
//! handed to another generator, a task, or an executor of its own, which poll it with their
//! waker), it panics. Walking outward through the frames of generators polled inside
//! generators would reach the right slot in the one shape that can get there (a macro that
//! hides `async { yield_!(..) }` from the generator's checks, awaited in a nested
//! generator's body), but the walk's return path, merged with the common one, costs every
//! yield of every stream about five instructions (BENCHMARKS.md).
//!
//! Why not a pointer to the slot inside the body (the first design): a body holding a
//! pointer into its own adapter is self-referential, so LLVM must keep the whole coroutine in
//! memory and reload every local on every item. With the frame, the only pointer to the slot
//! lives on the stack of the current poll; once `poll_next` is inlined, LLVM forwards it and
//! can keep the coroutine's locals in registers (BENCHMARKS.md).
//!
//! The frame waker forwards `wake_by_ref` to the caller's waker, and `clone` returns a clone
//! *of the caller's waker*: nothing that outlives the poll can ever point to the frame.
//!
//! # Soundness argument
//!
//! All of gen-core's `unsafe` serves this hand-over (here, `yielder::put` and the pinning in
//! `stream::GenStream`); the flat lowering and `Resident` are safe code. What it relies on:
//!
//! 1. **The slot is only touched while it exists, and never by two parties at once.** The
//!    slot is a local of [`poll_in_frame`], published only through the frame waker, which is
//!    itself a local of that call: `clone` hands out the *outer* waker, `drop` owns nothing,
//!    so no waker that outlives the call can reach the frame. A yield writes the slot during
//!    the body's poll, through a raw pointer and without creating a reference; the adapter
//!    reads it only after the poll returned.
//! 2. **The slot has the type the yield writes.** A yield writes only into the frame whose id
//!    is its own handle's. Ids are never reused ([`fresh_id`] panics rather than wrap), and an
//!    id is given to exactly one `Yielder<T>`, by the `GenStream<T, ..>` that installs frames
//!    with that id and an `Option<T>` slot. A yield polled anywhere but directly inside its
//!    own adapter's poll (inside another generator's poll, by a task or an executor of its
//!    own) finds no frame with its id and panics. No thread-local is involved, so a handle
//!    moved to another thread or task cannot reach a foreign slot.
//! 3. **`T` cannot change between the handle and the slot.** Types are checked per
//!    generator by rustc, but lifetimes inside `T` are subject to variance: if the handle were
//!    covariant in `T`, a `Yielder<&'long str>` could be used as a `Yielder<&'short str>`, a
//!    yield could store a reference to a body local, and the adapter would hand it out as
//!    `&'long str` after the local is gone (the use-after-free that async-stream #107 had).
//!    So every type that carries the item type across the hand-over is **invariant** in it:
//!    `Yielder<T>` and `GenStream<T, ..>` (`PhantomData<fn(T) -> T>`), and `YieldFut<'a, T>`
//!    (through `&'a mut Yielder<T>`). `BoxedGen<T, ..>` holds a `GenStream<T, ..>` and is
//!    invariant through it. `FlatGen<S, R, Fo>` has no item type parameter at all: it has no
//!    `unsafe` and no slot, and the return type of its `resume` closure fixes the items. The
//!    trybuild cases in `tests/ui/soundness/` are the shapes this rules out.
//! 4. **The body never moves once polled.** `GenStream` is `!Unpin` when its body is, and
//!    pins the body in place; `BoxedGen` keeps its `GenStream` in a `Pin<Box<_>>`.
//! 5. **Two yields cannot be pending at once.** `Yielder::yield_` borrows the handle mutably
//!    for as long as its future lives, so the slot never has two writers in one poll.

use core::mem::ManuallyDrop;
use core::ptr;
use core::task::{Context, RawWaker, RawWakerVTable, Waker};

/// Names one adapter for the whole life of the process (ids are never reused), so a yield
/// future can tell its own frame from a nested generator's.
#[cfg(target_has_atomic = "64")]
pub(crate) type Id = u64;
#[cfg(target_has_atomic = "64")]
type AtomicId = core::sync::atomic::AtomicU64;
/// Names one adapter for the whole life of the process (ids are never reused), so a yield
/// future can tell its own frame from a nested generator's.
#[cfg(not(target_has_atomic = "64"))]
pub(crate) type Id = usize;
#[cfg(not(target_has_atomic = "64"))]
type AtomicId = core::sync::atomic::AtomicUsize;

static NEXT_ID: AtomicId = AtomicId::new(0);

/// A fresh id, never handed out before.
///
/// # Panics
/// When every id has been used (2^64 adapters, or 2^32 on targets without 64-bit atomics):
/// reusing one could let a yield write into another generator's slot.
#[cold]
pub(crate) fn fresh_id() -> Id {
    use core::sync::atomic::Ordering::Relaxed;
    match NEXT_ID.fetch_update(Relaxed, Relaxed, |id| id.checked_add(1)) {
        Ok(id) => id,
        Err(_) => panic!("gen-core: generator ids exhausted"),
    }
}

/// What the frame waker points to: valid while [`poll_in_frame`] runs. The header comes
/// first (`repr(C)`), so a yield can read it without knowing `T`, then reach the slot.
#[repr(C)]
struct Frame<'a, T> {
    header: Header<'a>,
    slot: Option<T>,
}

#[repr(C)]
struct Header<'a> {
    /// The adapter polling: `T` is its item type.
    id: Id,
    outer: &'a Waker,
}

static FRAME_VTABLE: RawWakerVTable = RawWakerVTable::new(
    frame_clone,
    frame_wake_by_ref,
    frame_wake_by_ref,
    frame_drop,
);

/// Polls with a context whose waker carries a frame naming adapter `id` (whose item type is
/// `T`) and an empty slot; returns the poll's result and what a yield left in the slot.
#[inline(always)]
pub(crate) fn poll_in_frame<T, R>(
    cx: &mut Context<'_>,
    id: Id,
    poll: impl FnOnce(&mut Context<'_>) -> R,
) -> (R, Option<T>) {
    let mut frame = Frame {
        header: Header {
            id,
            outer: cx.waker(),
        },
        slot: None,
    };
    // A pointer with write permission: a yield stores into the slot through it.
    let data = (&raw mut frame).cast::<()>().cast_const();
    // SAFETY: the vtable functions below uphold `RawWakerVTable`'s contract for this data
    // pointer: `clone` returns an independent clone of the outer waker (which outlives this
    // call, being borrowed from `cx`), `wake`/`wake_by_ref` forward to it, and `drop` owns
    // nothing. The frame outlives `waker` and every `Context` built from it: both are
    // locals of this call, and a clone never refers to the frame. `waker` is never dropped:
    // its `drop` is a no-op, and calling it through the vtable would cost a call.
    let waker = ManuallyDrop::new(unsafe { Waker::from_raw(RawWaker::new(data, &FRAME_VTABLE)) });
    let res = poll(&mut Context::from_waker(&waker));
    (res, frame.slot)
}

/// A pointer to the slot of adapter `id` if `waker` is that adapter's frame: a yield polled
/// directly by its own adapter's poll, the only place a yield may run.
///
/// The slot is an `Option<T>`, `T` being the item type of adapter `id`; the pointer is valid
/// for reads and writes until the poll that installed the frame returns.
#[inline(always)]
pub(crate) fn own_slot<T>(waker: &Waker, id: Id) -> Option<*mut Option<T>> {
    match as_frame(waker) {
        // SAFETY: a frame waker's data points to a live `Frame` whose `T` is adapter `id`'s
        // item type; `data` carries write permission (`poll_in_frame`).
        Some(header) if header.id == id => Some(unsafe { slot_of(waker.data()) }),
        _ => None,
    }
}

/// The slot of a frame, given the frame waker's data pointer.
///
/// # Safety
/// `data` is the data pointer of a live frame waker whose adapter's item type is `T`.
#[inline(always)]
unsafe fn slot_of<T>(data: *const ()) -> *mut Option<T> {
    let frame = data.cast_mut().cast::<Frame<'_, T>>();
    // SAFETY: the caller's contract; no reference is created.
    unsafe { &raw mut (*frame).slot }
}

/// The header of the frame `waker` carries, if it is a frame waker.
#[inline(always)]
fn as_frame(waker: &Waker) -> Option<&Header<'_>> {
    if !ptr::eq(waker.vtable(), &FRAME_VTABLE) {
        return None;
    }
    // SAFETY: only `poll_in_frame` builds wakers with this vtable, from a pointer to a live
    // `Frame`, which starts with its `Header` (`repr(C)`) and outlives the waker (borrowed
    // here for at most the waker's borrow). A `static` has one address, so no other waker
    // can carry this vtable. Only the header's bytes are borrowed: a yield may write the
    // slot while this reference is live.
    Some(unsafe { &*waker.data().cast::<Header<'_>>() })
}

/// `RawWakerVTable::clone`: a clone of the outer waker, so no clone refers to the frame.
unsafe fn frame_clone(data: *const ()) -> RawWaker {
    // SAFETY: `data` is the frame of a running `poll_in_frame` (vtable contract).
    let frame = unsafe { &*data.cast::<Header<'_>>() };
    let clone = ManuallyDrop::new(frame.outer.clone());
    RawWaker::new(clone.data(), clone.vtable())
}

/// `RawWakerVTable::wake_by_ref`, and `wake`: wakes the task that polls the adapter. (The
/// frame owns nothing, so consuming it is the same as waking by reference; and the only owned
/// frame waker is `poll_in_frame`'s local, which nobody can consume: clones are outer wakers.)
unsafe fn frame_wake_by_ref(data: *const ()) {
    // SAFETY: as in `frame_clone`.
    let frame = unsafe { &*data.cast::<Header<'_>>() };
    frame.outer.wake_by_ref();
}

/// `RawWakerVTable::drop`: the frame owns nothing.
unsafe fn frame_drop(_: *const ()) {}
