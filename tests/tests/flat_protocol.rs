//! The `Iterator` contract of flat generators: laziness (calling the fn runs nothing), fused
//! behaviour, `FusedIterator`, the `fold` fast path (same items and the same interleaving of
//! side effects as `next()`, on fresh and started generators, with and without `no_fold`),
//! and adapters that mix internal and external iteration.

use std::iter::FusedIterator;
use std::sync::Mutex;

use gen_core::generator;
use gen_tests::{check_iter, log, take_log};

#[generator]
fn logged(n: u32) -> impl Iterator<Item = u32> {
    log("start");
    for i in 0..n {
        log(format!("before {i}"));
        yield_!(i);
        log(format!("after {i}"));
    }
    log("end");
}

#[generator(no_fold)]
fn logged_no_fold(n: u32) -> impl Iterator<Item = u32> {
    log("start");
    for i in 0..n {
        log(format!("before {i}"));
        yield_!(i);
        log(format!("after {i}"));
    }
    log("end");
}

/// The log of a plain loop over the same body, with the consumer logging `got <item>`.
fn expected_log(n: u32) -> Vec<String> {
    let mut v = vec!["start".to_string()];
    for i in 0..n {
        v.push(format!("before {i}"));
        v.push(format!("got {i}"));
        v.push(format!("after {i}"));
    }
    v.push("end".to_string());
    v
}

#[test]
fn calling_the_function_runs_nothing() {
    let _ = take_log();
    let mut g = logged(2);
    let h = logged_no_fold(2);
    assert!(
        take_log().is_empty(),
        "the body must not run before the first next()"
    );
    drop(h);
    assert!(
        take_log().is_empty(),
        "dropping an unstarted generator runs nothing"
    );
    assert_eq!(g.next(), Some(0));
    assert_eq!(take_log(), ["start", "before 0"]);
    assert_eq!(g.next(), Some(1));
    assert_eq!(take_log(), ["after 0", "before 1"]);
    assert_eq!(g.next(), None);
    assert_eq!(take_log(), ["after 1", "end"]);
    for _ in 0..3 {
        assert_eq!(g.next(), None);
    }
    assert!(
        take_log().is_empty(),
        "a finished generator must not run its body again"
    );
}

/// Takes `skip` items by `next()`, then the rest by `fold` (or a `next()` loop), logging
/// `got <item>` for each; returns the whole log.
fn drive(mut g: impl Iterator<Item = u32>, skip: u32, fold: bool) -> Vec<String> {
    let _ = take_log();
    for _ in 0..skip {
        let v = g.next().unwrap();
        log(format!("got {v}"));
    }
    if fold {
        g.fold((), |(), v| log(format!("got {v}")));
    } else {
        for v in g.by_ref() {
            log(format!("got {v}"));
        }
    }
    take_log()
}

#[test]
fn fold_interleaves_side_effects_like_next() {
    for n in [0, 1, 3] {
        for skip in 0..=n {
            for fold in [false, true] {
                let what = format!("n={n} skip={skip} fold={fold}");
                assert_eq!(drive(logged(n), skip, fold), expected_log(n), "{what}");
                assert_eq!(
                    drive(logged_no_fold(n), skip, fold),
                    expected_log(n),
                    "{what}"
                );
            }
        }
    }
}

#[generator]
fn squares(n: u64) -> impl Iterator<Item = u64> {
    let mut i = 0;
    while i < n {
        yield_!(i * i);
        i += 1;
    }
}

#[test]
fn sum_product_min_max_on_fresh_and_started_generators() {
    let n = 1000u64;
    let total: u64 = (0..n).map(|i| i * i).sum();
    assert_eq!(squares(n).sum::<u64>(), total);
    let mut g = squares(n);
    let head: u64 = g.by_ref().take(10).sum();
    assert_eq!(head, (0..10).map(|i| i * i).sum::<u64>());
    assert_eq!(head + g.sum::<u64>(), total);
    assert_eq!(squares(0).sum::<u64>(), 0);
    assert_eq!(squares(5).skip(1).product::<u64>(), 4 * 9 * 16);
    assert_eq!(squares(5).max(), Some(16));
    assert_eq!(squares(5).min(), Some(0));
    assert_eq!(squares(5).position(|x| x == 9), Some(3));
    assert!(squares(5).any(|x| x == 16));
    assert!(!squares(5).all(|x| x < 16));
    assert_eq!(squares(6).step_by(2).collect::<Vec<_>>(), [0, 4, 16]);
    assert_eq!(squares(6).nth(4), Some(16));
    assert_eq!(squares(4).last(), Some(9));
}

#[test]
fn many_items_run_in_constant_stack() {
    let n = 3_000_000u64;
    assert_eq!(squares(n).count() as u64, n);
    let mut last = 0;
    for x in squares(n) {
        last = x;
    }
    assert_eq!(last, (n - 1) * (n - 1));
}

#[test]
fn generators_are_fused_iterators() {
    fn fused<I: FusedIterator>(i: I) -> I {
        i
    }
    check_iter(&[0, 1, 4], || fused(squares(3)));
    check_iter(&[0, 1], || fused(logged_no_fold(2)));
}

#[test]
fn independent_instances_and_moving_a_started_generator() {
    let mut a = squares(4);
    let mut b = squares(4);
    assert_eq!(a.next(), Some(0));
    assert_eq!(a.next(), Some(1));
    assert_eq!(b.next(), Some(0));
    let mut moved = a;
    assert_eq!(moved.next(), Some(4));
    let mut boxed: Box<dyn Iterator<Item = u64>> = Box::new(moved);
    assert_eq!(boxed.next(), Some(9));
    assert_eq!(boxed.next(), None);
    assert_eq!(b.collect::<Vec<_>>(), [1, 4, 9]);
}

#[test]
#[allow(clippy::unnecessary_fold, reason = "`fold` is the path under test")]
fn chained_adapters_mixing_next_and_fold() {
    let got: Vec<u64> = squares(10)
        .filter(|x| x % 2 == 0)
        .map(|x| x / 2)
        .chain(squares(3))
        .skip_while(|&x| x < 2)
        .collect();
    assert_eq!(got, [2, 8, 18, 32, 0, 1, 4]);
    let mut g = squares(6).peekable();
    assert_eq!(g.peek(), Some(&0));
    assert_eq!(g.next(), Some(0));
    assert_eq!(g.fold(0, |a, b| a + b), 1 + 4 + 9 + 16 + 25);
    let pairs: Vec<(u64, u64)> = squares(3).zip(squares(5).skip(2)).collect();
    assert_eq!(pairs, [(0, 4), (1, 9), (4, 16)]);
    let flat: Vec<u64> = squares(3).flat_map(squares).collect();
    assert_eq!(flat, [0, 0, 1, 4, 9]);
}

#[generator]
fn locked_reads(m: &Mutex<u32>, n: u32) -> impl Iterator<Item = u32> + '_ {
    for _ in 0..n {
        yield_!(*m.lock().unwrap());
    }
}

#[test]
fn a_guard_made_for_a_yields_operand_is_held_while_the_consumer_has_the_item() {
    // As a statement's temporary, in a `gen` block and in a plain function passing the item
    // to a callback (`sink(*m.lock().unwrap())`): released when the generator resumes.
    let m = Mutex::new(5);
    for v in locked_reads(&m, 2) {
        assert_eq!(v, 5);
        assert!(m.try_lock().is_err(), "next(): the guard is held");
    }
    assert!(m.try_lock().is_ok());
    locked_reads(&m, 2).for_each(|v| {
        assert_eq!(v, 5);
        assert!(m.try_lock().is_err(), "fold: the guard is held");
    });
    let mut g = locked_reads(&m, 2);
    assert_eq!(g.next(), Some(5));
    drop(g);
    assert!(m.try_lock().is_ok(), "dropping the generator releases it");
}
