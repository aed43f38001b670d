//! Parameters written as struct, tuple-struct and nested patterns (which the macro cannot
//! tell from a refutable enum pattern without types) bind and drop as the plain function's:
//! the bindings from the last parameter first, then what each pattern left in its argument,
//! after every local, in a flat, a boxed and an async generator, run to the end or dropped
//! after the first item. (A refutable one is rustc's error: `ui/args/refutable_parameter_pattern.rs`.)

use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use futures::Stream;
use gen_core::generator;
use gen_tests::{Noisy, live, take_log};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

#[derive(Debug)]
pub struct Point {
    pub label: Noisy,
    pub extra: Noisy,
    pub x: u32,
}

#[derive(Debug)]
pub struct Wrap(pub Noisy, pub Noisy);

/// The plain function: its drop log is the oracle.
fn plain(Point { label, x, .. }: Point, Wrap(first, _): Wrap, (Wrap(_, inner), k): (Wrap, u32)) {
    let _local = n("local");
    let _ = (label.name(), x + k, first.name(), inner.name());
}

#[generator]
fn flat(
    Point { label, x, .. }: Point,
    Wrap(first, _): Wrap,
    (Wrap(_, inner), k): (Wrap, u32),
) -> impl Iterator<Item = u32> {
    let _local = n("local");
    yield_!(x + k);
    let _ = (label.name(), first.name(), inner.name());
}

#[generator(boxed)]
fn boxed(
    Point { label, x, .. }: Point,
    Wrap(first, _): Wrap,
    (Wrap(_, inner), k): (Wrap, u32),
) -> impl Iterator<Item = u32> {
    let _local = n("local");
    yield_!(x + k);
    let _ = (label.name(), first.name(), inner.name());
}

#[generator]
fn stream(
    Point { label, x, .. }: Point,
    Wrap(first, _): Wrap,
    (Wrap(_, inner), k): (Wrap, u32),
) -> impl Stream<Item = u32> {
    let _local = n("local");
    yield_!(x + k);
    let _ = (label.name(), first.name(), inner.name());
}

fn args() -> (Point, Wrap, (Wrap, u32)) {
    (
        Point {
            label: n("label"),
            extra: n("extra"),
            x: 1,
        },
        Wrap(n("first"), n("second")),
        (Wrap(n("inner0"), n("inner1")), 2),
    )
}

/// The plain function returning where the generators first yield.
fn plain_until_yield(
    Point { label, x, .. }: Point,
    Wrap(first, _): Wrap,
    (Wrap(_, inner), k): (Wrap, u32),
) {
    let _local = n("local");
    if x + k > 0 {
        return;
    }
    let _ = (label.name(), first.name(), inner.name());
}

fn drain(mut s: Pin<Box<impl Stream<Item = u32>>>) -> Vec<u32> {
    let mut cx = Context::from_waker(Waker::noop());
    let mut out = Vec::new();
    while let Poll::Ready(Some(x)) = s.as_mut().poll_next(&mut cx) {
        out.push(x);
    }
    out
}

#[test]
fn struct_and_tuple_struct_parameters_bind_and_drop_as_the_plain_function() {
    let _ = take_log();
    let (p, w, t) = args();
    plain(p, w, t);
    let want = take_log();
    assert_eq!(want.first().map(String::as_str), Some("drop local"));

    let (p, w, t) = args();
    assert_eq!(flat(p, w, t).collect::<Vec<_>>(), [3]);
    assert_eq!(take_log(), want, "flat");
    let (p, w, t) = args();
    assert_eq!(boxed(p, w, t).collect::<Vec<_>>(), [3]);
    assert_eq!(take_log(), want, "boxed");
    let (p, w, t) = args();
    assert_eq!(drain(Box::pin(stream(p, w, t))), [3]);
    assert_eq!(take_log(), want, "stream");
    assert_eq!(live(), 0);
}

#[test]
fn struct_and_tuple_struct_parameters_drop_early_as_the_plain_function() {
    let _ = take_log();
    let (p, w, t) = args();
    plain_until_yield(p, w, t);
    let want = take_log();

    let (p, w, t) = args();
    let mut g = flat(p, w, t);
    assert_eq!(g.next(), Some(3));
    drop(g);
    assert_eq!(take_log(), want, "flat");
    let (p, w, t) = args();
    let mut g = boxed(p, w, t);
    assert_eq!(g.next(), Some(3));
    drop(g);
    assert_eq!(take_log(), want, "boxed");
    let (p, w, t) = args();
    let mut s = Box::pin(stream(p, w, t));
    let mut cx = Context::from_waker(Waker::noop());
    assert_eq!(s.as_mut().poll_next(&mut cx), Poll::Ready(Some(3)));
    drop(s);
    assert_eq!(take_log(), want, "stream");
    assert_eq!(live(), 0);
}
