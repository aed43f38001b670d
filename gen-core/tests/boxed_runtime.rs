//! The boxed sync adapter, driven by hand-written bodies shaped like the macro's output for
//! `#[generator(boxed)]` (no proc macro involved, so this runs under Miri).
#![cfg(feature = "alloc")]

use std::cell::RefCell;
use std::future::Future;
use std::iter::FusedIterator;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

mod common;
use common::{Noisy, assert_send, assert_sync, assert_unpin, poll_and_forget};
use gen_core::__private::{BoxedGen, Entry, Yielder, fold_infallible};
use gen_core::checks::ResultItem;

/// `gen_core::__private::boxed` for a body shaped like the macro's without a plain copy: the
/// `Resume` entry makes the future, the `Fold` entry is never taken.
fn boxed<T, Fut>(
    body: impl FnOnce(Yielder<T>) -> Fut,
) -> BoxedGen<T, impl FnOnce(Entry<'_, T>) -> Option<Fut>, Fut, false>
where
    Fut: Future<Output = ()>,
{
    gen_core::__private::boxed::<_, _, _, false>(move |entry| match entry {
        Entry::Resume(handle) => Some(body(handle)),
        Entry::Fold(_) => None,
    })
}

/// `gen_core::__private::boxed_fallible`, as [`boxed`].
fn boxed_fallible<T, Fut>(
    body: impl FnOnce(Yielder<T>) -> Fut,
) -> BoxedGen<T, impl FnOnce(Entry<'_, T>) -> Option<Fut>, Fut, false>
where
    T: ResultItem,
    Fut: Future<Output = Result<(), T::Err>>,
{
    gen_core::__private::boxed_fallible::<_, _, _, false>(move |entry| match entry {
        Entry::Resume(handle) => Some(body(handle)),
        Entry::Fold(_) => None,
    })
}

/// `#[generator(boxed)] fn count(n: u32) -> impl Iterator<Item = u32> { for i in 0..n { yield_!(i) } }`
fn count(n: u32) -> impl FusedIterator<Item = u32> {
    boxed(move |__gen_y: Yielder<u32>| async move {
        let mut __gen_h = __gen_y;
        for i in 0..n {
            __gen_h.yield_(i).await;
        }
    })
}

/// A local borrowed across yields: what `boxed` is for.
fn split_words(text: String) -> impl Iterator<Item = String> + Unpin {
    boxed(move |__gen_y: Yielder<String>| async move {
        let mut __gen_h = __gen_y;
        let owned = text.to_uppercase();
        for word in owned.split(' ') {
            __gen_h.yield_(word.to_owned()).await;
        }
    })
}

#[test]
fn yields_in_order_then_fused() {
    let mut g = count(3);
    assert_eq!(g.next(), Some(0));
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.next(), Some(2));
    for _ in 0..3 {
        assert_eq!(g.next(), None);
    }
    assert_eq!(g.size_hint(), (0, None));
    assert_eq!(count(5).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
    assert_eq!(count(4).sum::<u32>(), 6);
}

#[test]
fn borrows_owned_local_across_yields() {
    let words: Vec<String> = split_words("ab cd e".into()).collect();
    assert_eq!(words, ["AB", "CD", "E"]);
}

#[test]
fn drop_before_first_next() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let arg = Noisy("arg", log.clone());
    let g = boxed(move |__gen_y: Yielder<u8>| async move {
        let mut __gen_h = __gen_y;
        let _arg = arg;
        __gen_h.yield_(1).await;
    });
    drop(g);
    assert_eq!(*log.borrow(), ["arg"]);
}

#[test]
fn early_drop_drops_locals_in_reverse() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let arg = Noisy("arg", log.clone());
    let l = log.clone();
    let mut g = boxed(move |__gen_y: Yielder<u32>| async move {
        let mut __gen_h = __gen_y;
        let _arg = arg;
        let _a = Noisy("a", l.clone());
        let _b = Noisy("b", l.clone());
        for i in 0.. {
            __gen_h.yield_(i).await;
        }
    });
    assert_eq!(g.next(), Some(0));
    assert_eq!(g.next(), Some(1));
    assert!(log.borrow().is_empty());
    drop(g);
    assert_eq!(*log.borrow(), ["b", "a", "arg"]);
    assert_eq!(Rc::strong_count(&log), 1);
}

#[test]
fn panic_in_body_finishes_the_generator() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let l = log.clone();
    let mut g = boxed(move |__gen_y: Yielder<u32>| async move {
        let mut __gen_h = __gen_y;
        let _local = Noisy("local", l);
        __gen_h.yield_(1).await;
        panic!("boom");
    });
    assert_eq!(g.next(), Some(1));
    assert!(catch_unwind(AssertUnwindSafe(|| g.next())).is_err());
    assert_eq!(*log.borrow(), ["local"]);
    assert_eq!(g.next(), None);
    assert_eq!(g.next(), None);
}

#[test]
fn fallible_error_is_the_last_item() {
    fn parse(input: &'static [&'static str]) -> impl FusedIterator<Item = Result<i32, String>> {
        boxed_fallible(move |__gen_y: Yielder<Result<i32, String>>| async move {
            let mut __gen_h = __gen_y;
            for s in input {
                let v: i32 = s.parse().map_err(|_| format!("bad {s}"))?;
                __gen_h.yield_(Ok(v)).await;
            }
            Ok::<(), <Result<i32, String> as ResultItem>::Err>(())
        })
    }
    assert_eq!(parse(&["1", "2"]).collect::<Vec<_>>(), [Ok(1), Ok(2)]);
    let mut g = parse(&["1", "x", "3"]);
    assert_eq!(g.next(), Some(Ok(1)));
    assert_eq!(g.next(), Some(Err("bad x".into())));
    assert_eq!(g.next(), None);
    assert_eq!(g.next(), None);
    assert_eq!(
        parse(&["4", "y"]).collect::<Result<Vec<_>, _>>(),
        Err("bad y".into())
    );
}

#[test]
fn drop_type_left_in_the_slot_is_dropped_with_the_generator() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let l = log.clone();
    let mut g = boxed_fallible(move |__gen_y: Yielder<Result<Noisy, Noisy>>| async move {
        let mut __gen_h = __gen_y;
        poll_and_forget(__gen_h.yield_(Ok(Noisy("ok", l.clone())))).await;
        Err(Noisy("err", l))?;
        Ok(())
    });
    let Some(Ok(ok)) = g.next() else {
        panic!("expected Ok")
    };
    drop(ok);
    assert_eq!(*log.borrow(), ["ok"]);
    drop(g);
    assert_eq!(*log.borrow(), ["ok", "err"]);
    assert_eq!(Rc::strong_count(&log), 1);
}

#[test]
fn yield_from_iter() {
    let g = boxed(move |__gen_y: Yielder<u32>| async move {
        let mut __gen_h = __gen_y;
        __gen_h.yield_(7).await;
        __gen_h.yield_from_iter(vec![1, 2]).await;
        __gen_h.yield_from_iter(count(2)).await;
        __gen_h.yield_(8).await;
    });
    assert_eq!(g.collect::<Vec<_>>(), [7, 1, 2, 0, 1, 8]);
}

/// Pending forever without waking (only reachable by a hand-written body).
struct Never;

impl Future for Never {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        Poll::Pending
    }
}

/// Pending without a yield (how an `iter!` body ends, `__private::park`) ends the generator
/// and keeps the body, unpolled, until the generator drops: what it holds drops then.
#[test]
fn pending_without_a_yield_ends_the_generator_and_keeps_the_body() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let l = log.clone();
    let mut g = boxed(move |__gen_y: Yielder<u32>| async move {
        let mut __gen_h = __gen_y;
        let _local = Noisy("local", l);
        __gen_h.yield_(1).await;
        Never.await;
        __gen_h.yield_(2).await;
    });
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.next(), None);
    assert!(log.borrow().is_empty());
    assert_eq!(g.next(), None);
    assert!(log.borrow().is_empty());
    drop(g);
    assert_eq!(*log.borrow(), ["local"]);
}

/// `__private::park` never completes: a body that ends on it keeps what it still holds.
#[test]
fn a_parked_body_keeps_its_captures_until_the_generator_drops() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let captured = Noisy("captured", log.clone());
    let mut g = boxed(move |__gen_y: Yielder<usize>| async move {
        let mut __gen_h = __gen_y;
        let whole = &captured;
        __gen_h.yield_(whole.0.len()).await;
        gen_core::__private::park().await;
    });
    assert_eq!(g.next(), Some(8));
    assert_eq!(g.next(), None);
    assert!(log.borrow().is_empty());
    drop(g);
    assert_eq!(*log.borrow(), ["captured"]);
}

#[test]
fn auto_traits() {
    let g = count(3);
    assert_send(&g);
    assert_sync(&g);
    assert_unpin(&g);
    let mut g = std::thread::spawn(move || {
        let mut g = g;
        assert_eq!(g.next(), Some(0));
        g
    })
    .join()
    .unwrap();
    assert_eq!(g.next(), Some(1));
    // Moving a started generator is fine: the pinned part is in the box.
    let moved = Box::new(g);
    assert_eq!(moved.collect::<Vec<_>>(), [2]);
    let fresh = boxed(|_: Yielder<u8>| async {});
    assert_eq!(format!("{fresh:?}"), "BoxedGen { state: \"Init\", .. }");
}

/// `#[generator(boxed)] fn logged(n: u32)` with its plain copy, each entry logging which one
/// ran: `fold` on an unstarted generator runs the copy (no box, no future), and the
/// generator's arguments move into whichever entry runs.
fn logged(n: u32, log: Rc<RefCell<Vec<&'static str>>>) -> impl Iterator<Item = u32> {
    gen_core::__private::boxed::<_, _, _, true>(move |entry: Entry<'_, u32>| match entry {
        Entry::Resume(mut handle) => Some(async move {
            let log = log;
            log.borrow_mut().push("resume");
            for i in 0..n {
                handle.yield_(i).await;
            }
        }),
        Entry::Fold(sink) => {
            fold_infallible(sink, move |sink| {
                let log = log;
                log.borrow_mut().push("fold");
                for i in 0..n {
                    sink(i);
                }
            });
            None
        }
    })
}

#[test]
fn fold_on_an_unstarted_generator_runs_the_plain_copy() {
    let log = Rc::new(RefCell::new(Vec::new()));
    assert_eq!(logged(4, log.clone()).sum::<u32>(), 6);
    assert_eq!(*log.borrow(), ["fold"]);
    log.borrow_mut().clear();
    let mut started = logged(4, log.clone());
    assert_eq!(started.next(), Some(0));
    assert_eq!(started.sum::<u32>(), 6);
    assert_eq!(*log.borrow(), ["resume"]);
    log.borrow_mut().clear();
    drop(logged(4, log.clone()));
    assert!(
        log.borrow().is_empty(),
        "an unstarted generator runs nothing"
    );
    assert_eq!(Rc::strong_count(&log), 1, "every argument dropped");
}
