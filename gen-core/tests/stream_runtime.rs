//! The compiler-backed stream adapter, driven by hand-written bodies shaped like the macro's
//! output (no proc macro involved, so this runs under Miri).
#![cfg(feature = "stream")]
#![allow(clippy::items_after_statements)]

use std::cell::RefCell;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use futures_core::{FusedStream, Stream};
mod common;
use common::{Noisy, assert_send, assert_sync, poll_and_forget};
use gen_core::__private::{GenStream, Yielder, stream, stream_fallible};
use gen_core::checks::ResultItem;

/// Polls once with a no-op waker.
fn poll_once<S: Stream + ?Sized>(s: Pin<&mut S>) -> Poll<Option<S::Item>> {
    s.poll_next(&mut Context::from_waker(Waker::noop()))
}

/// Drives a pinned stream to its end, skipping `Pending`s.
fn drain<S: Stream + ?Sized>(mut s: Pin<&mut S>) -> Vec<S::Item> {
    let mut out = Vec::new();
    loop {
        match poll_once(s.as_mut()) {
            Poll::Ready(Some(v)) => out.push(v),
            Poll::Ready(None) => return out,
            Poll::Pending => {}
        }
    }
}

/// Pending once (waking itself), then ready: stands in for real I/O.
struct PendingOnce(bool);

impl Future for PendingOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// `#[generator] fn count(n: u32) -> impl Stream<Item = u32> { for i in 0..n { yield_!(i) } }`
fn count(n: u32) -> impl FusedStream<Item = u32> {
    stream(move |__gen_y: Yielder<u32>| async move {
        let mut __gen_h = __gen_y;
        for i in 0..n {
            __gen_h.yield_(i).await;
        }
    })
}

#[test]
fn yields_in_order_then_fused() {
    let mut s = pin!(count(3));
    assert!(!s.is_terminated());
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(0)));
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(1)));
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(2)));
    assert!(!s.is_terminated());
    for _ in 0..3 {
        assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
        assert!(s.is_terminated());
    }
    assert_eq!(s.size_hint(), (0, None));
}

#[test]
fn empty_body() {
    let mut s = pin!(stream(|_: Yielder<u8>| async {}));
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
    assert!(s.is_terminated());
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
}

#[test]
fn real_pending_between_yields() {
    let mut s = pin!(stream(move |__gen_y: Yielder<u32>| async move {
        let mut __gen_h = __gen_y;
        for i in 0..3 {
            PendingOnce(false).await;
            __gen_h.yield_(i * 10).await;
        }
        PendingOnce(false).await;
    }));
    let mut seen = Vec::new();
    loop {
        match poll_once(s.as_mut()) {
            Poll::Ready(Some(v)) => seen.push(Some(v)),
            Poll::Ready(None) => break,
            Poll::Pending => seen.push(None),
        }
    }
    assert_eq!(seen, [None, Some(0), None, Some(10), None, Some(20), None]);
}

#[test]
fn borrows_across_yields() {
    let mut s = pin!(stream(move |__gen_y: Yielder<String>| async move {
        let mut __gen_h = __gen_y;
        let words = vec![String::from("a"), String::from("bc")];
        let mut buf = String::new();
        for w in &words {
            buf.push_str(w);
            let r = &buf;
            PendingOnce(false).await;
            __gen_h.yield_(r.clone()).await;
        }
    }));
    assert_eq!(drain(s.as_mut()), ["a", "abc"]);
}

#[test]
fn drop_before_first_poll() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let arg = Noisy("arg", log.clone());
    let s = stream(move |__gen_y: Yielder<u8>| async move {
        let mut __gen_h = __gen_y;
        let _arg = arg;
        __gen_h.yield_(1).await;
    });
    assert!(log.borrow().is_empty());
    drop(s);
    assert_eq!(*log.borrow(), ["arg"]);
}

#[test]
fn early_drop_mid_stream_drops_locals_in_reverse() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let arg = Noisy("arg", log.clone());
    let l = log.clone();
    {
        let mut s = pin!(stream(move |__gen_y: Yielder<u32>| async move {
            let mut __gen_h = __gen_y;
            let _arg = arg;
            let _a = Noisy("a", l.clone());
            let _b = Noisy("b", l.clone());
            for i in 0.. {
                __gen_h.yield_(i).await;
            }
        }));
        assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(0)));
        assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(1)));
        assert!(log.borrow().is_empty());
    }
    assert_eq!(*log.borrow(), ["b", "a", "arg"]);
    assert_eq!(Rc::strong_count(&log), 1);
}

#[test]
fn items_are_moved_out_not_dropped() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let l = log.clone();
    let mut s = pin!(stream(move |__gen_y: Yielder<Noisy>| async move {
        let mut __gen_h = __gen_y;
        __gen_h.yield_(Noisy("x", l.clone())).await;
        __gen_h.yield_(Noisy("y", l)).await;
    }));
    let Poll::Ready(Some(x)) = poll_once(s.as_mut()) else {
        panic!("expected an item")
    };
    assert!(log.borrow().is_empty());
    drop(x);
    assert_eq!(*log.borrow(), ["x"]);
    let items = drain(s.as_mut());
    assert_eq!(items.len(), 1);
    drop(items);
    assert_eq!(*log.borrow(), ["x", "y"]);
}

#[test]
fn panic_in_body_finishes_the_stream() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let l = log.clone();
    let mut s = pin!(stream(move |__gen_y: Yielder<u32>| async move {
        let mut __gen_h = __gen_y;
        let _local = Noisy("local", l);
        __gen_h.yield_(1).await;
        panic!("boom");
    }));
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(1)));
    let r = catch_unwind(AssertUnwindSafe(|| poll_once(s.as_mut())));
    assert!(r.is_err());
    assert_eq!(*log.borrow(), ["local"]);
    assert!(s.is_terminated());
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
}

#[test]
fn panic_before_first_yield() {
    let mut s = pin!(stream(|_: Yielder<u32>| async { panic!("early") }));
    assert!(catch_unwind(AssertUnwindSafe(|| poll_once(s.as_mut()))).is_err());
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
}

#[test]
fn value_left_by_combinator_is_still_delivered() {
    let mut s = pin!(stream(move |__gen_y: Yielder<u32>| async move {
        let mut __gen_h = __gen_y;
        poll_and_forget(__gen_h.yield_(1)).await;
        // The slot is still full: this yield waits for the consumer to take 1.
        __gen_h.yield_(2).await;
        poll_and_forget(__gen_h.yield_(3)).await;
    }));
    assert_eq!(drain(s.as_mut()), [1, 2, 3]);
}

#[test]
fn fallible_error_is_the_last_item() {
    fn parse(input: &'static [&'static str]) -> impl FusedStream<Item = Result<i32, String>> {
        stream_fallible(move |__gen_y: Yielder<Result<i32, String>>| async move {
            let mut __gen_h = __gen_y;
            for s in input {
                let v: i32 = s.parse().map_err(|_| format!("bad {s}"))?;
                __gen_h.yield_(Ok(v)).await;
            }
            Ok::<(), <Result<i32, String> as ResultItem>::Err>(())
        })
    }
    let mut s = pin!(parse(&["1", "2"]));
    assert_eq!(drain(s.as_mut()), [Ok(1), Ok(2)]);
    let mut s = pin!(parse(&["1", "x", "3"]));
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(Ok(1))));
    assert!(!s.is_terminated());
    assert_eq!(
        poll_once(s.as_mut()),
        Poll::Ready(Some(Err("bad x".into())))
    );
    assert!(s.is_terminated());
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
}

#[test]
fn fallible_error_after_a_left_value() {
    let mut s = pin!(stream_fallible(
        move |__gen_y: Yielder<Result<u8, u8>>| async move {
            let mut __gen_h = __gen_y;
            poll_and_forget(__gen_h.yield_(Ok(1))).await;
            Err(7)?;
            Ok(())
        }
    ));
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(Ok(1))));
    assert!(!s.is_terminated());
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(Err(7))));
    assert!(s.is_terminated());
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
}

#[test]
fn drop_type_left_in_the_slot_is_dropped_with_the_adapter() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let l = log.clone();
    {
        let mut s = pin!(stream_fallible(
            move |__gen_y: Yielder<Result<Noisy, Noisy>>| async move {
                let mut __gen_h = __gen_y;
                poll_and_forget(__gen_h.yield_(Ok(Noisy("ok", l.clone())))).await;
                Err(Noisy("err", l))?;
                Ok(())
            }
        ));
        let Poll::Ready(Some(Ok(ok))) = poll_once(s.as_mut()) else {
            panic!("expected Ok")
        };
        drop(ok);
        assert_eq!(*log.borrow(), ["ok"]);
        // The error now waits in the slot; the adapter is dropped without taking it.
    }
    assert_eq!(*log.borrow(), ["ok", "err"]);
    assert_eq!(Rc::strong_count(&log), 1);
}

#[test]
fn unpolled_yield_future_drops_its_value() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let l = log.clone();
    let mut s = pin!(stream(move |__gen_y: Yielder<Noisy>| async move {
        let mut __gen_h = __gen_y;
        drop(__gen_h.yield_(Noisy("never", l.clone())));
        __gen_h.yield_(Noisy("sent", l)).await;
    }));
    assert_eq!(*log.borrow(), [] as [&str; 0]);
    let items = drain(s.as_mut());
    assert_eq!(*log.borrow(), ["never"]);
    drop(items);
    assert_eq!(*log.borrow(), ["never", "sent"]);
}

#[test]
fn yield_from_nested_stream() {
    let mut s = pin!(stream(move |__gen_y: Yielder<u32>| async move {
        let mut __gen_h = __gen_y;
        __gen_h.yield_(100).await;
        __gen_h
            .yield_from(count(3), gen_core::__private::poll_source)
            .await;
        PendingOnce(false).await;
        __gen_h
            .yield_from(count(2), gen_core::__private::poll_source)
            .await;
        __gen_h.yield_(200).await;
    }));
    assert_eq!(drain(s.as_mut()), [100, 0, 1, 2, 0, 1, 200]);
    assert!(s.is_terminated());
}

#[test]
fn yield_from_iter_in_a_stream() {
    let mut s = pin!(stream(move |__gen_y: Yielder<char>| async move {
        let mut __gen_h = __gen_y;
        __gen_h.yield_from_iter("abc".chars()).await;
    }));
    assert_eq!(drain(s.as_mut()), ['a', 'b', 'c']);
}

#[test]
fn works_through_dyn_stream() {
    let mut boxed: Pin<Box<dyn Stream<Item = u32>>> = Box::pin(count(4));
    assert_eq!(drain(boxed.as_mut()), [0, 1, 2, 3]);
}

#[test]
fn auto_traits_follow_the_body() {
    let s = count(2);
    assert_send(&s);
    assert_sync(&s);
    let with_string = stream(move |__gen_y: Yielder<String>| async move {
        let mut __gen_h = __gen_y;
        let s = String::from("x");
        __gen_h.yield_(s).await;
    });
    assert_send(&with_string);
    assert_sync(&with_string);
    // Another thread may drive it.
    let out = std::thread::spawn(move || drain(pin!(with_string)))
        .join()
        .unwrap();
    assert_eq!(out, ["x"]);
}

#[test]
fn debug_output() {
    let mut s: GenStream<u8, std::future::Ready<()>> =
        GenStream::new(|_: Yielder<u8>| std::future::ready(()));
    assert_eq!(format!("{s:?}"), "GenStream { done: false, .. }");
    let mut cx = Context::from_waker(Waker::noop());
    assert_eq!(Pin::new(&mut s).resume(&mut cx), Poll::Ready(None));
    assert_eq!(format!("{s:?}"), "GenStream { done: true, .. }");
}
