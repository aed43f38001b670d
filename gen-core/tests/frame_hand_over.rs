//! The frame hand-over (`hand_over.rs`): the waker a body sees wraps the consumer's, and a
//! yield polled anywhere but directly inside its own generator's poll (inside another
//! generator's, or outside any) panics instead of writing anywhere. Hand-written bodies shaped like
//! the macro's output, so this runs under Miri.
#![cfg(feature = "stream")]

use std::future::{Future, poll_fn};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};

use futures_core::Stream;
use gen_core::__private::{Yielder, stream};

/// Counts its wake-ups.
#[derive(Default)]
struct CountingWaker(AtomicUsize);

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

fn poll_with<S: Stream + ?Sized>(s: Pin<&mut S>, waker: &Waker) -> Poll<Option<S::Item>> {
    s.poll_next(&mut Context::from_waker(waker))
}

/// Pending until a clone of the waker it saw has been woken: an I/O source that stores the
/// waker and wakes it later, from outside the poll.
#[test]
fn a_stored_waker_clone_wakes_the_consumer() {
    let counter = Arc::new(CountingWaker::default());
    let waker = Waker::from(counter.clone());
    let stored: Arc<std::sync::Mutex<Option<Waker>>> = Arc::default();
    let stored_in_body = stored.clone();
    let mut s = pin!(stream(move |__gen_y: Yielder<u32>| async move {
        let mut __gen_h = __gen_y;
        let mut parked = false;
        poll_fn(|cx| {
            if parked {
                return Poll::Ready(());
            }
            parked = true;
            // A clone outlives this poll: it must not refer to the frame.
            *stored_in_body.lock().unwrap() = Some(cx.waker().clone());
            Poll::Pending
        })
        .await;
        __gen_h.yield_(7).await;
    }));
    assert_eq!(poll_with(s.as_mut(), &waker), Poll::Pending);
    let clone = stored
        .lock()
        .unwrap()
        .take()
        .expect("the body stored a waker");
    // The clone wakes the consumer's waker (it is a clone of it, not a wrapper around the
    // frame, which is gone; `will_wake` is best-effort, so count wake-ups instead).
    clone.wake_by_ref();
    clone.wake();
    assert_eq!(counter.0.load(Ordering::SeqCst), 2);
    assert_eq!(poll_with(s.as_mut(), &waker), Poll::Ready(Some(7)));
    assert_eq!(poll_with(s.as_mut(), &waker), Poll::Ready(None));
}

#[test]
fn wake_by_ref_inside_the_body_reaches_the_consumer() {
    let counter = Arc::new(CountingWaker::default());
    let waker = Waker::from(counter.clone());
    let mut s = pin!(stream(move |__gen_y: Yielder<u32>| async move {
        let mut __gen_h = __gen_y;
        let mut woke = false;
        poll_fn(|cx| {
            if woke {
                return Poll::Ready(());
            }
            woke = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        })
        .await;
        __gen_h.yield_(1).await;
    }));
    assert_eq!(poll_with(s.as_mut(), &waker), Poll::Pending);
    assert_eq!(counter.0.load(Ordering::SeqCst), 1);
    assert_eq!(poll_with(s.as_mut(), &waker), Poll::Ready(Some(1)));
}

/// Generator `outer` polls generator `inner`, whose body awaits one of `outer`'s yields: the
/// yield runs under `inner`'s frame, not directly inside `outer`'s poll. It must never write
/// `inner`'s slot (which has another item type): it panics, and both generators are finished.
#[test]
fn a_yield_polled_inside_another_generator_panics() {
    let mut outer = pin!(stream(move |mut handle: Yielder<u32>| async move {
        handle.yield_(1).await;
        {
            let handle = &mut handle;
            let inner = stream(move |_: Yielder<String>| async move {
                handle.yield_(2).await;
            });
            let mut inner = pin!(inner);
            let _ = poll_fn(|cx| inner.as_mut().poll_next(cx)).await;
        }
        handle.yield_(3).await;
    }));
    let waker = Waker::noop();
    assert_eq!(poll_with(outer.as_mut(), waker), Poll::Ready(Some(1)));
    let panic = catch_unwind(AssertUnwindSafe(|| poll_with(outer.as_mut(), waker)))
        .expect_err("the yield polled by the inner generator panics");
    assert!(
        panic_message(&*panic).contains("outside that generator's own"),
        "unexpected panic message: {}",
        panic_message(&*panic)
    );
    assert_eq!(poll_with(outer.as_mut(), waker), Poll::Ready(None));
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// A yield future polled by something other than its generator (here: by hand, with a plain
/// context) finds no frame: it panics with a message, and the generator is finished.
#[test]
fn a_yield_polled_outside_its_generator_panics() {
    let mut s = pin!(stream(move |__gen_y: Yielder<u32>| async move {
        let mut __gen_h = __gen_y;
        let mut escaped = pin!(__gen_h.yield_(5));
        let _ = escaped
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()));
    }));
    let panic = catch_unwind(AssertUnwindSafe(|| poll_with(s.as_mut(), Waker::noop())))
        .expect_err("the stray yield panics");
    let message = panic_message(&*panic);
    assert!(
        message.contains("outside that generator"),
        "unexpected panic message: {message}"
    );
    assert_eq!(poll_with(s.as_mut(), Waker::noop()), Poll::Ready(None));
}
