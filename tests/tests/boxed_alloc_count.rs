//! `#[generator(boxed)]` costs exactly one heap allocation per generator, made at
//! the first `next()`, and freed when the body finishes; `fold` and the consumers built on it
//! (`sum`, `last`, `for_each`) on a generator that has not started run the body's plain copy
//! and allocate nothing; a stream generator allocates nothing. `allocation-counter` counts this thread's allocations only, so the other tests of
//! this binary running in parallel do not disturb the counts.

use std::pin::pin;
use std::task::{Context, Poll, Waker};

use futures::Stream;
use gen_core::generator;

/// (allocations, deallocations) made on this thread while running `f`.
fn counted<R>(f: impl FnOnce() -> R) -> (R, usize, usize) {
    let mut out = None;
    let info = allocation_counter::measure(|| out = Some(f()));
    // `count_current` is allocations minus deallocations within the measurement.
    let frees = i64::try_from(info.count_total).expect("count fits") - info.count_current;
    (
        out.expect("`measure` runs its closure"),
        usize::try_from(info.count_total).expect("count fits"),
        usize::try_from(frees).expect("no more frees than allocations and earlier objects"),
    )
}

/// Borrows its own local across yields; allocates nothing itself.
/// `windows` without the plain copy: `fold` runs it in its box.
#[generator(boxed, no_fold)]
fn windows_no_fold(data: [u32; 6]) -> impl Iterator<Item = u32> {
    let local = data;
    let slice = &local[..];
    for w in slice.windows(2) {
        yield_!(w[0] + w[1]);
    }
}

#[generator(boxed)]
fn windows(data: [u32; 6]) -> impl Iterator<Item = u32> {
    let local = data;
    let slice = &local[..];
    for w in slice.windows(2) {
        yield_!(w[0] + w[1]);
    }
    let total: u32 = slice.iter().sum();
    yield_!(total);
}

#[generator(boxed)]
fn fallible(data: [&'static str; 3]) -> impl Iterator<Item = Result<u32, std::num::ParseIntError>> {
    let local = data;
    for s in &local {
        yield_!(Ok(s.parse::<u32>()?));
    }
}

const DATA: [u32; 6] = [1, 2, 3, 4, 5, 6];

#[test]
fn one_allocation_per_boxed_generator() {
    // Created and dropped unused: nothing.
    let ((), allocs, frees) = counted(|| drop(windows(DATA)));
    assert_eq!((allocs, frees), (0, 0), "unused generator");

    // Run to the end: one allocation, freed by the `next()` that returns `None`.
    let mut buf = [0u32; 8];
    let (n, allocs, frees) = counted(|| {
        let mut n = 0;
        for (slot, v) in buf.iter_mut().zip(windows(DATA)) {
            *slot = v;
            n += 1;
        }
        n
    });
    assert_eq!(&buf[..n], [3, 5, 7, 9, 11, 21]);
    assert_eq!((allocs, frees), (1, 1), "full run");

    // The box is freed as soon as the body finishes, before the generator is dropped.
    let mut g = windows(DATA);
    let ((), allocs, frees) = counted(|| while g.next().is_some() {});
    assert_eq!((allocs, frees), (1, 1), "freed at the end");
    let ((), allocs, frees) = counted(|| drop(g));
    assert_eq!((allocs, frees), (0, 0), "nothing left to free");

    // Early drop after one item: one allocation, freed by the drop.
    let (first, allocs, frees) = counted(|| {
        let mut g = windows(DATA);
        g.next()
    });
    assert_eq!(first, Some(3));
    assert_eq!((allocs, frees), (1, 1), "early drop");

    // `?`: the error item comes out of the same single allocation.
    let (last, allocs, frees) = counted(|| {
        // A `for` loop calls `next()`.
        let mut last = None;
        for item in fallible(["1", "x", "3"]) {
            last = Some(item);
        }
        last
    });
    assert!(last.unwrap().is_err());
    assert_eq!((allocs, frees), (1, 1), "fallible");

    // Many generators: one each.
    let (sum, allocs, frees) = counted(|| {
        let mut sum = 0;
        for _ in 0..10 {
            for v in windows(DATA) {
                sum += v;
            }
        }
        sum
    });
    assert_eq!(sum, 10 * (3 + 5 + 7 + 9 + 11 + 21));
    assert_eq!((allocs, frees), (10, 10), "ten generators");

    // `fold`-based consumers on generators that have not started: the plain copy, no box
    // (the error item of `?` included).
    let (sum, allocs, frees) = counted(|| (0..10).map(|_| windows(DATA).sum::<u32>()).sum::<u32>());
    assert_eq!(sum, 10 * (3 + 5 + 7 + 9 + 11 + 21));
    assert_eq!((allocs, frees), (0, 0), "ten generators summed");
    let (last, allocs, frees) = counted(|| fallible(["1", "x", "3"]).last());
    assert!(last.unwrap().is_err());
    assert_eq!((allocs, frees), (0, 0), "fallible, last");
    // Started first: the rest runs in the box.
    let (rest, allocs, frees) = counted(|| {
        let mut g = windows(DATA);
        g.next();
        g.sum::<u32>()
    });
    assert_eq!(rest, 5 + 7 + 9 + 11 + 21);
    assert_eq!((allocs, frees), (1, 1), "started, then summed");
    // `no_fold`: no plain copy, the box.
    let (sum, allocs, frees) = counted(|| windows_no_fold(DATA).sum::<u32>());
    assert_eq!(sum, 3 + 5 + 7 + 9 + 11);
    assert_eq!((allocs, frees), (1, 1), "no_fold, summed");
}

#[generator]
fn ticks(n: u32) -> impl Stream<Item = u32> {
    let local = [n; 4];
    let slice = &local[..];
    for (i, x) in slice.iter().enumerate() {
        std::future::ready(()).await;
        yield_!(x + i as u32);
    }
}

#[test]
fn stream_generators_allocate_nothing() {
    let (items, allocs, frees) = counted(|| {
        let mut s = pin!(ticks(10));
        let mut cx = Context::from_waker(Waker::noop());
        let mut items = [0u32; 4];
        let mut n = 0;
        while let Poll::Ready(Some(v)) = s.as_mut().poll_next(&mut cx) {
            items[n] = v;
            n += 1;
        }
        assert!(matches!(s.as_mut().poll_next(&mut cx), Poll::Ready(None)));
        items
    });
    assert_eq!(items, [10, 11, 12, 13]);
    assert_eq!((allocs, frees), (0, 0));
}
