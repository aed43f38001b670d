//! The drop-log oracle: a generator's `yield`/`drop` events against the plain function's.

use std::fmt::Debug;

use crate::{live, log, take_log};

/// Compares the event logs (`yield <item>` / `drop <name>`) of the generator from `make` with
/// those of the plain function (`plain(None)`: run to the end; `plain(Some(k))`: return right
/// after the `k`-th yield), for a full `next()` loop, `fold`, `k` items then `fold`, and a
/// drop after `k` items. Returns the full log for hand-checked assertions.
///
/// # Panics
/// When a log differs from the plain function's, or a `Noisy` value leaks.
pub fn same_drops<I>(make: impl Fn() -> I, plain: impl Fn(Option<usize>)) -> Vec<String>
where
    I: Iterator,
    I::Item: Debug,
{
    let _ = take_log();
    plain(None);
    let full = take_log();
    assert_eq!(live(), 0, "the plain function leaked");
    let yields = full.iter().filter(|e| e.starts_with("yield")).count();

    let mut g = make();
    for v in g.by_ref() {
        log(format!("yield {v:?}"));
    }
    assert!(g.next().is_none());
    drop(g);
    assert_eq!(take_log(), full, "next() loop");
    assert_eq!(live(), 0, "leak after a next() loop");

    make().fold((), |(), v| log(format!("yield {v:?}")));
    assert_eq!(take_log(), full, "fold on a fresh generator");
    assert_eq!(live(), 0, "leak after fold");

    for k in 1..=yields {
        plain(Some(k));
        let want = take_log();
        let mut g = make();
        for _ in 0..k {
            let v = g.next().expect("fewer items than the plain function");
            log(format!("yield {v:?}"));
        }
        drop(g);
        assert_eq!(take_log(), want, "generator dropped after {k} items");
        assert_eq!(live(), 0, "leak after a drop after {k} items");

        let mut g = make();
        for _ in 0..k {
            let v = g.next().expect("fewer items than the plain function");
            log(format!("yield {v:?}"));
        }
        g.fold((), |(), v| log(format!("yield {v:?}")));
        assert_eq!(take_log(), full, "{k} items by next(), then fold");
        assert_eq!(live(), 0, "leak after {k} items and fold");
    }
    full
}
