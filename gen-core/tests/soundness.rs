//! The soundness reproducers that must compile, each run against what the plain function
//! does (`.ci/miri.sh` runs this file under Stacked and Tree Borrows). The ones that must not
//! compile are trybuild cases in `tests/tests/ui/soundness/`.

use std::cell::{Ref, RefCell};
use std::pin::pin;
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
use std::task::{Context, Poll, Waker};

use futures_core::Stream;
use gen_core::{generator, stream};

/// Drives `s` to its end on this thread (its futures here never wait on anything).
fn collect<S: Stream>(s: S) -> Vec<S::Item> {
    let mut s = pin!(s);
    let mut cx = Context::from_waker(Waker::noop());
    let mut out = Vec::new();
    loop {
        match s.as_mut().poll_next(&mut cx) {
            Poll::Ready(Some(item)) => out.push(item),
            Poll::Ready(None) => return out,
            Poll::Pending => {}
        }
    }
}

// --- One declaration of each body item, shared by `next()` and the fold path.

#[generator]
fn ids() -> impl Iterator<Item = u32> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    yield_!(NEXT.fetch_add(1, Relaxed));
    yield_!(NEXT.fetch_add(1, Relaxed));
}

#[test]
fn a_static_of_the_body_is_one_static() {
    let mut by_next: Vec<u32> = ids().collect();
    let mut by_fold = Vec::new();
    ids().for_each(|id| by_fold.push(id));
    let mut first_then_fold = Vec::new();
    let mut g = ids();
    first_then_fold.extend(g.next());
    g.for_each(|id| first_then_fold.push(id));
    by_next.append(&mut by_fold);
    by_next.append(&mut first_then_fold);
    by_next.sort_unstable();
    // Each id handed out once, whichever path ran the body.
    assert_eq!(by_next, [0, 1, 2, 3, 4, 5]);
}

// --- Items scoped as in the plain function.

static COUNT: AtomicU32 = AtomicU32::new(0);

#[generator]
fn scoped() -> impl Iterator<Item = u32> {
    {
        static COUNT: AtomicU32 = AtomicU32::new(100);
        yield_!(COUNT.fetch_add(1, Relaxed));
    }
    yield_!(COUNT.fetch_add(1, Relaxed));
}

#[test]
fn an_inner_static_shadows_only_inside_its_block() {
    // As in the plain function: the block's own `COUNT` inside the block, the module's after
    // it; the fold path shares both with `next()`.
    assert_eq!(scoped().collect::<Vec<_>>(), [100, 0]);
    let mut folded = Vec::new();
    scoped().for_each(|n| folded.push(n));
    assert_eq!(folded, [101, 1]);
    assert_eq!(COUNT.load(Relaxed), 2);
}

// --- Every argument lives until the body ends, `_` patterns included.

#[generator]
fn first<'a>(_: Ref<'a, Vec<u32>>, cell: &'a RefCell<Vec<u32>>) -> impl Iterator<Item = u32> + 'a {
    // The caller's `Ref` is still alive here: a mutable borrow must fail.
    yield_!(cell.try_borrow_mut().is_err() as u32);
    yield_!(cell.try_borrow().map_or(0, |v| v[0]));
}

#[generator]
fn pair_guard<'a>(
    (n, _): (u32, Ref<'a, Vec<u32>>),
    cell: &'a RefCell<Vec<u32>>,
) -> impl Iterator<Item = u32> + 'a {
    yield_!(n);
    yield_!(cell.try_borrow_mut().is_err() as u32);
}

#[test]
fn an_ignored_argument_is_dropped_when_the_generator_is() {
    let cell = RefCell::new(vec![7]);
    let mut g = first(cell.borrow(), &cell);
    assert!(cell.try_borrow_mut().is_err(), "kept from the call on");
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.next(), Some(7));
    assert!(
        cell.try_borrow_mut().is_err(),
        "kept until the generator is dropped"
    );
    drop(g);
    assert!(cell.try_borrow_mut().is_ok());

    let mut g = pair_guard((3, cell.borrow()), &cell);
    assert_eq!(g.next(), Some(3));
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.next(), None);
    drop(g);
    assert!(cell.try_borrow_mut().is_ok());
}

// --- Items may borrow arguments and `&self` for the signature's lifetime (variance).

struct Words(Vec<String>);

impl Words {
    #[generator]
    fn longest_first(&self) -> impl Iterator<Item = &str> + '_ {
        let mut sorted: Vec<&String> = self.0.iter().collect();
        sorted.sort_by_key(|w| std::cmp::Reverse(w.len()));
        for w in sorted {
            yield_!(w.as_str());
        }
    }
}

#[generator]
fn borrowed<'a>(v: &'a [String]) -> impl Iterator<Item = &'a String> + 'a {
    for s in v {
        yield_!(s);
    }
}

#[generator(boxed)]
fn borrowed_boxed<'a>(v: &'a [String]) -> impl Iterator<Item = &'a String> + 'a {
    let local = v.len();
    for s in v {
        let shown = &local;
        yield_!(s);
        assert_eq!(*shown, v.len());
    }
}

#[generator]
fn borrowed_stream<'a>(v: &'a [String]) -> impl Stream<Item = &'a str> + 'a {
    for s in v {
        std::future::ready(()).await;
        yield_!(s.as_str());
    }
}

#[generator]
fn statics() -> impl Iterator<Item = &'static str> {
    yield_!("a");
    yield_!("b");
}

#[test]
fn items_borrow_arguments_for_the_signatures_lifetime() {
    let words = Words(vec!["ab".into(), "abc".into(), "a".into()]);
    let items: Vec<&str> = words.longest_first().collect();
    assert_eq!(items, ["abc", "ab", "a"]);

    let v = vec!["x".to_string(), "y".to_string()];
    // The items outlive the generators that made them.
    let (a, b, c): (Vec<&String>, Vec<&String>, Vec<&str>) = {
        let g = borrowed(&v);
        let h = borrowed_boxed(&v);
        let s = borrowed_stream(&v);
        (g.collect(), h.collect(), collect(s))
    };
    assert_eq!(a, b);
    assert_eq!(c, ["x", "y"]);

    // `&'static str` items mix with shorter-lived ones (the items are covariant values).
    let local = String::from("c");
    let mut mixed: Vec<&str> = statics().collect();
    mixed.push(&local);
    assert_eq!(mixed, ["a", "b", "c"]);
}

// --- async-stream #106: a yield inside an `async` block a macro wrote, awaited inside
// another stream. Each handle knows its own generator: the item reaches the stream whose
// body wrote the yield, with its type.

macro_rules! asynk {
    ($e:expr) => {
        async { $e }
    };
}

/// A macro that hides `async { yield_!(..) }` from the generator's checks, awaited in a nested
/// generator's body: the yield runs inside the nested generator's poll, whose items are
/// boxes. It must never write there: it panics, and the outer generator is finished.
#[test]
fn a_yield_awaited_inside_another_stream_panics_instead_of_writing_its_slot() {
    let outer = stream! {
        yield_!(1_usize);
        let yield_42 = asynk!(yield_!(42_usize));
        let inner = stream! {
            yield_!(Box::new(12345));
            yield_42.await;
            yield_!(Box::new(7));
        };
        let mut inner = pin!(inner);
        while let Some(b) = std::future::poll_fn(|cx| inner.as_mut().poll_next(cx)).await {
            assert_eq!(*b, 12345, "only the inner generator's own items reach it");
        }
    };
    let mut outer = pin!(outer);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    assert_eq!(
        outer.as_mut().poll_next(&mut cx),
        std::task::Poll::Ready(Some(1))
    );
    let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        outer.as_mut().poll_next(&mut cx)
    }))
    .expect_err("the yield polled by the inner generator panics");
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    assert!(
        message.contains("outside that generator's own"),
        "{message}"
    );
    assert_eq!(
        outer.as_mut().poll_next(&mut cx),
        std::task::Poll::Ready(None)
    );
}

// --- A generator `unsafe fn`: the caller's contract covers the generator's whole life.

/// # Safety
/// `p` must point to `n` readable `u32`s until the generator is dropped.
#[generator]
unsafe fn read_raw(p: *const u32, n: usize) -> impl Iterator<Item = u32> {
    for i in 0..n {
        // SAFETY: `i < n`, and the caller keeps the `n` values readable while we run.
        yield_!(unsafe { *p.add(i) });
    }
}

#[test]
fn an_unsafe_generator_reads_what_its_caller_promised() {
    let v = [4u32, 5, 6];
    // SAFETY: `v` outlives the generator, which is consumed right here.
    let g = unsafe { read_raw(v.as_ptr(), v.len()) };
    assert_eq!(g.collect::<Vec<_>>(), v);
}
