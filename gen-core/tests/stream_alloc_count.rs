//! Allocation counts of the compiler-backed adapters: a stream generator allocates nothing; a
//! boxed sync generator allocates exactly once (at its first `next`). The counter is per
//! thread, so the test harness's own allocations on other threads do not count.
#![cfg(all(feature = "stream", feature = "alloc"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use futures_core::Stream;
use gen_core::__private::{Entry, Yielder, boxed, fold_infallible, stream};

struct Counting;

thread_local! {
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards to `System` unchanged; the counter is a const-initialised thread-local
// without a destructor, so touching it never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_in(f: impl FnOnce()) -> usize {
    let before = ALLOCS.with(Cell::get);
    f();
    ALLOCS.with(Cell::get) - before
}

fn count_stream(n: u64) -> impl Stream<Item = u64> {
    stream(move |__gen_y: Yielder<u64>| async move {
        let mut __gen_h = __gen_y;
        let mut acc = [0u64; 4];
        for i in 0..n {
            acc[(i % 4) as usize] += i;
            __gen_h.yield_(i).await;
        }
        __gen_h.yield_(acc.iter().sum()).await;
    })
}

/// A boxed generator with its plain copy, as the macro writes it.
fn count_boxed(n: u64) -> impl Iterator<Item = u64> {
    boxed::<_, _, _, true>(move |entry: Entry<'_, u64>| match entry {
        Entry::Resume(mut __gen_h) => Some(async move {
            let data = [1u64, 2, 3];
            let view = &data[..];
            for i in 0..n {
                __gen_h.yield_(i + view[(i % 3) as usize]).await;
            }
        }),
        Entry::Fold(sink) => {
            fold_infallible(sink, move |sink| {
                let data = [1u64, 2, 3];
                let view = &data[..];
                for i in 0..n {
                    sink(i + view[(i % 3) as usize]);
                }
            });
            None
        }
    })
}

#[test]
fn allocation_counts() {
    // Stream generator, with a nested `yield_from`: no allocation at all.
    let n = allocations_in(|| {
        let mut s = pin!(stream(move |__gen_y: Yielder<u64>| async move {
            let mut __gen_h = __gen_y;
            __gen_h
                .yield_from(count_stream(50), gen_core::__private::poll_source)
                .await;
        }));
        let mut cx = Context::from_waker(Waker::noop());
        let mut total = 0;
        while let Poll::Ready(Some(v)) = s.as_mut().poll_next(&mut cx) {
            total += v;
        }
        assert_eq!(total, 2 * (0..50).sum::<u64>());
    });
    assert_eq!(n, 0, "stream generator allocated");

    // Boxed sync generator: nothing until started, then exactly one allocation each.
    assert_eq!(allocations_in(|| drop(count_boxed(10))), 0);
    let n = allocations_in(|| {
        let mut g = count_boxed(100);
        let mut total = 0;
        for v in &mut g {
            total += v;
        }
        assert!(total > 0);
        assert_eq!(g.next(), None);
    });
    assert_eq!(n, 1, "boxed generator allocated {n} times");
    let n = allocations_in(|| {
        for _ in 0..3 {
            let mut g = count_boxed(5);
            assert_eq!(g.next(), Some(1));
        }
    });
    assert_eq!(n, 3, "three boxed generators allocated {n} times");
    // `sum` on an unstarted one runs the plain copy: no box.
    let n = allocations_in(|| {
        let total: u64 = count_boxed(100).sum();
        assert_eq!(
            total,
            (0..100).sum::<u64>() + (0..100).map(|i| [1, 2, 3][i % 3]).sum::<u64>()
        );
    });
    assert_eq!(
        n, 0,
        "a boxed generator folded before it started allocated {n} times"
    );
}
