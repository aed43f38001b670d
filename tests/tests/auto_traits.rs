//! Auto traits of flat generators follow the state, like rustc's `gen` blocks: a generator
//! whose state holds only `Send`/`Sync` data is `Send + Sync`, and every flat generator is
//! `Unpin`. The negative case (an `Rc` held across a yield makes it `!Send`) is the ui test
//! `ui/auto_traits/rc_across_yield_is_not_send.rs`.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use gen_core::{generator, iter};
use gen_tests::Noisy;

fn assert_send<T: Send>(_: &T) {}
fn assert_sync<T: Sync>(_: &T) {}
fn assert_unpin<T: Unpin>(_: &T) {}
fn assert_all<T: Send + Sync + Unpin>(t: &T) {
    assert_send(t);
    assert_sync(t);
    assert_unpin(t);
}

#[generator]
fn counter(limit: u32) -> impl Iterator<Item = u32> {
    let mut current = 0;
    while current < limit {
        yield_!(current);
        current += 1;
    }
}

#[generator]
fn owning(
    words: Vec<String>,
    shared: Arc<Mutex<u32>>,
    guard: Noisy,
) -> impl Iterator<Item = String> {
    let local = String::from("x");
    for w in words {
        *shared.lock().unwrap() += 1;
        yield_!(format!("{w}{local}{}", guard.name()));
    }
}

#[generator]
fn borrowing<'a>(items: &'a [u64]) -> impl Iterator<Item = &'a u64> + 'a {
    for x in items {
        yield_!(x);
    }
}

#[generator]
fn rc_not_held_across_yields(n: u32) -> impl Iterator<Item = u32> {
    for i in 0..n {
        // The `Rc` lives and dies between two yields: it is never part of the state.
        let v = {
            let rc = Rc::new(i);
            *rc + 1
        };
        yield_!(v);
    }
}

#[generator]
fn cell_state(n: u32) -> impl Iterator<Item = u32> {
    let c = Cell::new(0);
    for i in 0..n {
        c.set(c.get() + i);
        yield_!(c.get());
    }
}

#[test]
fn generators_over_send_sync_state_are_send_sync_unpin() {
    let g = counter(3);
    assert_all(&g);
    let g = owning(vec!["a".into()], Arc::new(Mutex::new(0)), Noisy::new("g"));
    assert_all(&g);
    let data = [1u64, 2];
    let g = borrowing(&data);
    assert_all(&g);
    let g = rc_not_held_across_yields(2);
    assert_all(&g);
    assert_eq!(g.collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn started_generators_keep_their_auto_traits_and_move_across_threads() {
    let mut g = counter(4);
    assert_eq!(g.next(), Some(0));
    let rest = std::thread::spawn(move || g.collect::<Vec<_>>())
        .join()
        .unwrap();
    assert_eq!(rest, [1, 2, 3]);

    let shared = Arc::new(Mutex::new(0));
    let out = std::thread::spawn({
        let shared = shared.clone();
        // `Noisy` counts live values per thread: create it on the thread that drops it.
        move || owning(vec!["p".into(), "q".into()], shared, Noisy::new("n")).collect::<Vec<_>>()
    })
    .join()
    .unwrap();
    assert_eq!(out, ["pxn", "qxn"]);
    assert_eq!(*shared.lock().unwrap(), 2);
}

#[test]
fn cell_in_the_state_is_send_but_not_sync() {
    // A `Cell` is `Send + !Sync`: the generator is `Send` and `Unpin` (the `!Sync` half is
    // asserted in auto_traits_negative.rs).
    let g = cell_state(3);
    assert_send(&g);
    assert_unpin(&g);
    assert_eq!(
        std::thread::spawn(move || g.sum::<u32>()).join().unwrap(),
        4
    );
}

#[test]
fn inline_generators_follow_the_same_rules() {
    let v = vec![1u8, 2];
    let g = iter! {
        for x in v {
            yield x;
        }
    };
    assert_all(&g);
    assert_eq!(g.collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn unpin_generators_can_be_used_through_pin_without_boxing() {
    let mut g = counter(2);
    let mut pinned = std::pin::Pin::new(&mut g);
    assert_eq!(pinned.as_mut().get_mut().next(), Some(0));
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.next(), None);
}

/// A work queue drained into an async generator: the value popped under the lock is taken
/// out first, so the guard is not held across the yield and the stream stays `Send` (README,
/// limit 4).
#[generator]
fn drain_queue(queue: Arc<Mutex<Vec<u32>>>) -> impl futures::Stream<Item = u32> {
    loop {
        let next = queue.lock().unwrap().pop();
        let Some(job) = next else { break };
        std::future::ready(()).await;
        yield_!(job);
    }
}

#[test]
fn a_stream_that_takes_its_value_out_of_a_lock_is_send() {
    use futures::StreamExt;
    let s = drain_queue(Arc::new(Mutex::new(vec![1, 2, 3])));
    assert_send(&s);
    let got: Vec<u32> = futures::executor::block_on(s.collect());
    assert_eq!(got, [3, 2, 1]);
}

/// A flat generator that keeps a value which may not move once pinned (`PhantomPinned`, an
/// `async` block's future that nothing pinned) across a yield: still `Unpin`, as a `gen`
/// block is, since a flat generator never pins what it keeps.
#[generator]
fn keeps_a_future_across_a_yield(n: u32) -> impl Iterator<Item = u32> {
    let pinned = std::marker::PhantomPinned;
    let later = async move { n + 1 };
    yield_!(n);
    let _ = pinned;
    drop(later);
    yield_!(n + 2);
}

#[test]
fn generators_keeping_values_that_are_not_unpin_are_unpin() {
    let g = keeps_a_future_across_a_yield(1);
    assert_unpin(&g);
    assert_eq!(g.collect::<Vec<_>>(), [1, 3]);
    let mut stepped = keeps_a_future_across_a_yield(5);
    assert_eq!(stepped.next(), Some(5));
    assert_unpin(&stepped);
    assert_eq!(stepped.next(), Some(7));
    let inline = gen_core::iter! {
        let pinned = std::marker::PhantomPinned;
        yield 1u8;
        let _ = pinned;
        yield 2;
    };
    assert_unpin(&inline);
    assert_eq!(inline.collect::<Vec<_>>(), [1, 2]);
}

/// Declared `+ Send`, with a local moved on one path only (the state keeps it in an `Option`
/// after the `if`) and whole before it: the state holds it one way in every state.
#[generator]
fn moved_on_one_path(n: u64, names: Vec<String>) -> impl Iterator<Item = u64> + Send {
    let label = String::from("label");
    let count = names.len() as u64;
    yield_!(n);
    if n.is_multiple_of(2) {
        drop(label);
        yield_!(1);
    } else {
        yield_!(label.len() as u64);
    }
    yield_!(count);
}

#[test]
fn a_send_generator_with_a_local_moved_on_one_path() {
    let even = moved_on_one_path(2, vec!["a".into()]);
    assert_send(&even);
    assert_eq!(even.collect::<Vec<_>>(), [2, 1, 1]);
    let odd = moved_on_one_path(3, Vec::new());
    assert_eq!(
        std::thread::spawn(move || odd.collect::<Vec<_>>())
            .join()
            .unwrap(),
        [3, 5, 0]
    );
}

/// Declared `+ Send`, keeping `for` loops' iterators across yields: one that the loop's head
/// keeps in place while the loop runs (a loop whose head keeps nothing else) and one kept
/// beside other locals, each checked at its iterable and stored so that the state is `Send`.
#[generator]
fn loops_over_owned_values(words: Vec<String>, n: u32) -> impl Iterator<Item = String> + Send {
    for w in words.clone() {
        yield_!(w);
    }
    let suffix = String::from("!");
    for (i, w) in words.into_iter().enumerate() {
        if i as u32 >= n {
            break;
        }
        yield_!(format!("{w}{suffix}"));
    }
    for k in 0..n {
        yield_!(k.to_string());
    }
}

fn loops_over_owned_values_plain(words: Vec<String>, n: u32) -> Vec<String> {
    let mut out = Vec::new();
    for w in words.clone() {
        out.push(w);
    }
    let suffix = String::from("!");
    for (i, w) in words.into_iter().enumerate() {
        if i as u32 >= n {
            break;
        }
        out.push(format!("{w}{suffix}"));
    }
    for k in 0..n {
        out.push(k.to_string());
    }
    out
}

#[test]
fn a_send_generator_keeping_loop_iterators_moves_across_threads_mid_loop() {
    let words: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
    let expected = loops_over_owned_values_plain(words.clone(), 2);
    for k in 0..expected.len() {
        let mut g = loops_over_owned_values(words.clone(), 2);
        assert_send(&g);
        let head: Vec<String> = g.by_ref().take(k).collect();
        let tail = std::thread::spawn(move || g.collect::<Vec<_>>())
            .join()
            .unwrap();
        assert_eq!(
            [head, tail].concat(),
            expected,
            "moved to another thread after {k}"
        );
    }
}

#[generator]
fn checked_halves(values: Vec<u32>) -> impl futures::Stream<Item = u32> {
    for v in values {
        std::future::ready(()).await;
        assert!(v % 2 == 0, "odd value {v}");
        yield_!(v / 2);
    }
}

async fn checked_halves_plain(values: Vec<u32>, out: &mut Vec<u32>) {
    for v in values {
        std::future::ready(()).await;
        assert!(v % 2 == 0, "odd value {v}");
        out.push(v / 2);
    }
}

#[test]
fn an_async_generator_over_unwind_safe_data_works_with_catch_unwind() {
    use futures::{FutureExt, StreamExt};
    fn assert_unwind_safe<T: std::panic::UnwindSafe>(_: &T) {}
    let stream = checked_halves(vec![4, 8, 3, 10]);
    assert_unwind_safe(&stream);
    let caught: Vec<Result<u32, String>> = futures::executor::block_on(
        stream
            .catch_unwind()
            .map(|r| r.map_err(|e| e.downcast_ref::<String>().cloned().unwrap_or_default()))
            .collect(),
    );
    let mut plain = Vec::new();
    let panic = futures::executor::block_on(
        std::panic::AssertUnwindSafe(checked_halves_plain(vec![4, 8, 3, 10], &mut plain))
            .catch_unwind(),
    )
    .unwrap_err();
    let mut expected: Vec<Result<u32, String>> = plain.into_iter().map(Ok).collect();
    expected.push(Err(panic
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default()));
    assert_eq!(caught, expected);
    assert_eq!(caught.last(), Some(&Err("odd value 3".to_string())));
}
