//! The order in which an `iter!` block drops what it captured, unstarted, stopped early or
//! finished: a capture changed in place or read, named before one the body moves, drops in
//! the order a `move` closure with the same body drops them (the order the body first
//! names them).

use gen_core::iter;
use gen_tests::{Noisy, take_log};

/// Drops a generator after taking `k` items, and returns the log.
fn dropped_after<I: Iterator>(mut g: I, k: usize) -> Vec<String> {
    for _ in 0..k {
        if g.next().is_none() {
            break;
        }
    }
    drop(g);
    take_log()
}

/// The same for the `move` closure the block's body stands for, stopped after `k` items.
fn closure_dropped_after(body: impl FnOnce(&mut dyn FnMut() -> bool), k: usize) -> Vec<String> {
    let mut left = k;
    body(&mut || {
        left = left.saturating_sub(1);
        left == 0
    });
    take_log()
}

#[test]
fn a_capture_changed_in_place_before_a_moved_one() {
    for k in 0..3 {
        let mut a = vec![Noisy::new("a")];
        let s = vec![Noisy::new("s")];
        let g = iter! {
            yield 1;
            a.extend(s);
            yield 2;
        };
        let got = dropped_after(g, k);
        let mut a = vec![Noisy::new("a")];
        let s = vec![Noisy::new("s")];
        let plain = closure_dropped_after(
            move |stop| {
                if stop() {
                    return;
                }
                a.extend(s);
                stop();
            },
            k,
        );
        assert_eq!(got, plain, "after {k} items");
    }
}

#[test]
fn a_capture_read_before_a_moved_one() {
    for k in 0..3 {
        let a = [Noisy::new("a")];
        let s = Noisy::new("s");
        let g = iter! {
            yield a.len();
            drop(s);
            yield 0;
        };
        let got = dropped_after(g, k);
        let a = [Noisy::new("a")];
        let s = Noisy::new("s");
        let plain = closure_dropped_after(
            move |stop| {
                let _ = a.len();
                if stop() {
                    return;
                }
                drop(s);
                stop();
            },
            k,
        );
        assert_eq!(got, plain, "after {k} items");
    }
}
