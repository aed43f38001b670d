//! Parameters written as patterns drop as a function's do: parameter by parameter from the
//! last, each one's bindings first and then what its pattern left in the argument, after
//! every local, in every flavour, finished or dropped early; and an unstarted generator drops
//! its arguments whole, from the last.

use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use futures::Stream;
use gen_core::generator;
use gen_tests::{Noisy, live, take_log};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

type Pair = (Noisy, Noisy);

/// The plain function: its drop log is the oracle.
fn plain((a, _): Pair, b: Noisy, (_, mut y): Pair) {
    let _local = n("local");
    y = n(&format!("{}'", y.name()));
    let _ = (&a, &b, &y);
}

#[generator]
fn flat((a, _): Pair, b: Noisy, (_, mut y): Pair) -> impl Iterator<Item = u32> {
    let _local = n("local");
    yield_!(1);
    y = n(&format!("{}'", y.name()));
    let _ = (&a, &b, &y);
}

#[generator(boxed)]
fn boxed((a, _): Pair, b: Noisy, (_, mut y): Pair) -> impl Iterator<Item = u32> {
    let _local = n("local");
    yield_!(1);
    y = n(&format!("{}'", y.name()));
    let _ = (&a, &b, &y);
}

#[generator]
fn stream((a, _): Pair, b: Noisy, (_, mut y): Pair) -> impl Stream<Item = u32> {
    let _local = n("local");
    yield_!(1);
    y = n(&format!("{}'", y.name()));
    let _ = (&a, &b, &y);
}

fn args() -> (Pair, Noisy, Pair) {
    ((n("a"), n("a_rest")), n("b"), (n("y_rest"), n("y")))
}

fn drain(mut s: Pin<Box<impl Stream<Item = u32>>>) {
    let mut cx = Context::from_waker(Waker::noop());
    while let Poll::Ready(Some(_)) = s.as_mut().poll_next(&mut cx) {}
}

/// The plain function returning where the generators first yield (the oracle of a generator
/// dropped after one item).
fn plain_until_yield((a, _): Pair, b: Noisy, (_, y): Pair) {
    let _local = n("local");
    if !a.name().is_empty() {
        return;
    }
    let _ = (&a, &b, &y);
}

/// The plain function never called: its arguments drop whole, from the last.
fn never_called(_: Pair, _: Noisy, _: Pair) {}

#[test]
fn pattern_parameters_drop_as_the_plain_function_drops_them() {
    let _ = take_log();
    let (p, b, q) = args();
    plain(p, b, q);
    let want = take_log();
    // The Reference's order: each parameter from the last, its bindings, then its rest.
    #[rustfmt::skip]
    assert_eq!(want, ["drop y", "drop local", "drop y'", "drop y_rest", "drop b", "drop a", "drop a_rest"]);

    let (p, b, q) = args();
    flat(p, b, q).for_each(drop);
    assert_eq!(take_log(), want, "flat");
    let (p, b, q) = args();
    boxed(p, b, q).for_each(drop);
    assert_eq!(take_log(), want, "boxed");
    let (p, b, q) = args();
    drain(Box::pin(stream(p, b, q)));
    assert_eq!(take_log(), want, "stream");
    assert_eq!(live(), 0);
}

#[test]
fn pattern_parameters_drop_in_order_when_the_generator_is_dropped_early() {
    let _ = take_log();
    let (p, b, q) = args();
    plain_until_yield(p, b, q);
    let want = take_log();

    let (p, b, q) = args();
    let mut g = flat(p, b, q);
    assert_eq!(g.next(), Some(1));
    drop(g);
    assert_eq!(take_log(), want, "flat");
    let (p, b, q) = args();
    let mut g = boxed(p, b, q);
    assert_eq!(g.next(), Some(1));
    drop(g);
    assert_eq!(take_log(), want, "boxed");
    let (p, b, q) = args();
    let mut s = Box::pin(stream(p, b, q));
    let mut cx = Context::from_waker(Waker::noop());
    assert_eq!(s.as_mut().poll_next(&mut cx), Poll::Ready(Some(1)));
    drop(s);
    assert_eq!(take_log(), want, "stream");

    let (p, b, q) = args();
    never_called(p, b, q);
    let unstarted = take_log();
    let (p, b, q) = args();
    drop(flat(p, b, q));
    assert_eq!(take_log(), unstarted, "flat, unstarted");
    let (p, b, q) = args();
    drop(boxed(p, b, q));
    assert_eq!(take_log(), unstarted, "boxed, unstarted");
    let (p, b, q) = args();
    drop(stream(p, b, q));
    assert_eq!(take_log(), unstarted, "stream, unstarted");
    assert_eq!(live(), 0);
}
