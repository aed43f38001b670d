//! The compiler-backed lowering: `#[generator(boxed)]` sync generators may
//! borrow their own locals across yields, and `impl Stream` generators may `.await`; both
//! yield the `?` error as the last item and are fused. Expected outputs are written by hand.

use std::pin::pin;

use futures::executor::block_on;
use futures::stream::{self, Stream, StreamExt};
use gen_core::generator;
use gen_tests::check_iter;

#[generator(boxed)]
fn borrows_its_own_local(n: u32) -> impl Iterator<Item = u32> {
    let v: Vec<u32> = (0..n).collect();
    for x in &v {
        yield_!(*x * 10);
    }
    let first = v.first();
    yield_!(first.copied().unwrap_or(99));
}

#[test]
fn boxed_generators_borrow_locals_across_yields() {
    check_iter(&[0, 10, 20, 0], || borrows_its_own_local(3));
    check_iter(&[99], || borrows_its_own_local(0));
}

#[generator(boxed)]
fn boxed_fallible(v: Vec<&'static str>) -> impl Iterator<Item = Result<u32, String>> {
    let owned = v;
    for s in &owned {
        let n: u32 = s.parse().map_err(|_| format!("bad {s}"))?;
        yield_!(Ok(n));
    }
}

#[test]
fn boxed_generators_yield_the_error_last() {
    let ok = |n| Ok::<u32, String>(n);
    check_iter(&[ok(1), ok(2)], || boxed_fallible(vec!["1", "2"]));
    check_iter(&[ok(1), Err("bad x".to_string())], || {
        boxed_fallible(vec!["1", "x", "2"])
    });
}

#[generator]
fn ticks(n: u32) -> impl Stream<Item = u32> {
    for i in 0..n {
        let doubled = async { i * 2 }.await;
        yield_!(doubled);
    }
    yield_from!(stream::iter([100, 101]));
}

#[test]
fn streams_await_and_yield_from_streams() {
    let got: Vec<u32> = block_on(Box::pin(ticks(3)).collect());
    assert_eq!(got, [0, 2, 4, 100, 101]);
    let got: Vec<u32> = block_on(Box::pin(ticks(0)).collect());
    assert_eq!(got, [100, 101]);
}

#[test]
fn streams_are_lazy_and_fused() {
    let mut s = pin!(ticks(1));
    assert_eq!(block_on(s.next()), Some(0));
    assert_eq!(block_on(s.next()), Some(100));
    assert_eq!(block_on(s.next()), Some(101));
    assert_eq!(block_on(s.next()), None);
    assert_eq!(block_on(s.next()), None);
}

#[generator]
fn fallible_stream(v: Vec<&'static str>) -> impl Stream<Item = Result<u32, String>> {
    for s in v {
        let n: u32 = async { s.parse::<u32>() }
            .await
            .map_err(|e| e.to_string())?;
        yield_!(Ok(n));
    }
}

#[test]
fn streams_yield_the_error_last() {
    let got: Vec<Result<u32, String>> =
        block_on(Box::pin(fallible_stream(vec!["4", "x", "5"])).collect());
    let e = "x".parse::<u32>().unwrap_err().to_string();
    assert_eq!(got, [Ok(4), Err(e)]);
}

#[tokio::test]
async fn streams_run_on_tokio_with_real_awaits() {
    #[generator]
    fn sleepy(n: u64) -> impl Stream<Item = u64> + Send {
        for i in 0..n {
            tokio::task::yield_now().await;
            yield_!(i);
        }
    }
    let s = sleepy(3);
    let got: Vec<u64> = tokio::spawn(async move { Box::pin(s).collect().await })
        .await
        .unwrap();
    assert_eq!(got, [0, 1, 2]);
}

/// Arguments of every kind: a plain one, one written as a pattern, a receiver.
struct Holder(gen_tests::Noisy);

impl Holder {
    #[generator]
    fn stream_method(
        self,
        a: gen_tests::Noisy,
        (b, _): (gen_tests::Noisy, u8),
    ) -> impl Stream<Item = u32> {
        let _local = gen_tests::Noisy::new("local");
        yield_!(1);
        let _ = (&self.0, &a, &b);
    }

    #[generator(boxed)]
    fn boxed_method(self, a: gen_tests::Noisy, b: gen_tests::Noisy) -> impl Iterator<Item = u32> {
        let _local = gen_tests::Noisy::new("local");
        yield_!(1);
        let _ = (&self.0, &a, &b);
    }
}

#[generator]
fn stream_two(a: gen_tests::Noisy, b: gen_tests::Noisy) -> impl Stream<Item = u32> {
    let _local = gen_tests::Noisy::new("local");
    yield_!(1);
    let _ = (&a, &b);
}

/// What the plain function `fn f(self, a, b) { let _local = ..; return; }` drops, in order.
fn plain_drops(started: bool, receiver: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if started {
        out.push("drop local".into());
    }
    out.extend(["drop b".into(), "drop a".into()]);
    if receiver {
        out.push("drop self".into());
    }
    out
}

#[test]
fn compiler_backed_generators_drop_arguments_in_reverse_order_started_or_not() {
    use gen_tests::{Noisy, live, take_log};
    let n = Noisy::new;
    let poll_once = |s: std::pin::Pin<&mut dyn Stream<Item = u32>>| {
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        assert_eq!(s.poll_next(&mut cx), std::task::Poll::Ready(Some(1)));
    };
    for started in [false, true] {
        let _ = take_log();
        let mut s = Box::pin(stream_two(n("a"), n("b")));
        if started {
            poll_once(s.as_mut());
        }
        drop(s);
        assert_eq!(
            take_log(),
            plain_drops(started, false),
            "stream, started: {started}"
        );

        let mut s = Box::pin(Holder(n("self")).stream_method(n("a"), (n("b"), 0)));
        if started {
            poll_once(s.as_mut());
        }
        drop(s);
        assert_eq!(
            take_log(),
            plain_drops(started, true),
            "stream method, started: {started}"
        );

        let mut g = Holder(n("self")).boxed_method(n("a"), n("b"));
        if started {
            assert_eq!(g.next(), Some(1));
        }
        drop(g);
        assert_eq!(
            take_log(),
            plain_drops(started, true),
            "boxed method, started: {started}"
        );
        assert_eq!(live(), 0);
    }
}

/// A receiver taken by value and mutated: the compiler-backed lowering captures `self` as it
/// is, with its `mut`.
struct Countdown {
    left: u32,
    log: Vec<u32>,
}

impl Countdown {
    #[generator]
    fn stream(mut self) -> impl Stream<Item = u32> {
        while self.left > 0 {
            self.left -= 1;
            self.log.push(self.left);
            yield_!(self.left);
        }
        yield_!(self.log.len() as u32);
    }

    #[generator(boxed)]
    fn iter(mut self) -> impl Iterator<Item = u32> {
        while self.left > 0 {
            self.left -= 1;
            let left = &self.left;
            yield_!(*left);
        }
    }
}

#[test]
fn a_mut_self_receiver_is_captured_with_its_mut() {
    let got: Vec<u32> = block_on(
        Countdown {
            left: 3,
            log: Vec::new(),
        }
        .stream()
        .collect(),
    );
    assert_eq!(got, [2, 1, 0, 3]);
    let got: Vec<u32> = Countdown {
        left: 2,
        log: Vec::new(),
    }
    .iter()
    .collect();
    assert_eq!(got, [1, 0]);
}

// A temporary made for a yield's value lives until the generator resumes, as a statement's
// temporaries do: a plain function handing the item to a callback keeps it while the callback
// runs, a `gen` block until it resumes. The flat lowering keeps those it can name (read
// through a field, an index or a std method that borrows it); one that a method of the user's
// own reads drops before the consumer gets the item (README, limit 4).

#[generator]
fn temporaries_flat() -> impl Iterator<Item = usize> {
    yield_!(Vec::from([gen_tests::Noisy::new("temp")]).len());
    gen_tests::log("resumed");
    yield_!(gen_tests::Noisy::new("own").name().len());
    gen_tests::log("resumed");
}

#[generator(boxed)]
fn temporaries_boxed() -> impl Iterator<Item = usize> {
    yield_!(Vec::from([gen_tests::Noisy::new("temp")]).len());
    gen_tests::log("resumed");
    yield_!(gen_tests::Noisy::new("own").name().len());
    gen_tests::log("resumed");
}

#[generator]
fn temporaries_stream() -> impl Stream<Item = usize> {
    yield_!(Vec::from([gen_tests::Noisy::new("temp")]).len());
    gen_tests::log("resumed");
    yield_!(gen_tests::Noisy::new("own").name().len());
    gen_tests::log("resumed");
}

#[test]
fn a_yields_temporaries_live_until_the_generator_resumes() {
    use gen_tests::{log, take_log};
    let _ = take_log();
    let want = [
        "got 1",
        "drop temp",
        "resumed",
        "got 3",
        "drop own",
        "resumed",
    ];
    for n in temporaries_flat() {
        log(format!("got {n}"));
    }
    let flat = [
        "got 1",
        "drop temp",
        "resumed",
        "drop own",
        "got 3",
        "resumed",
    ];
    assert_eq!(take_log(), flat, "flat");
    temporaries_flat().for_each(|n| log(format!("got {n}")));
    assert_eq!(take_log(), flat, "flat, for_each");
    for n in temporaries_boxed() {
        log(format!("got {n}"));
    }
    assert_eq!(take_log(), want, "boxed");
    block_on(async {
        let mut s = pin!(temporaries_stream());
        while let Some(n) = s.next().await {
            log(format!("got {n}"));
        }
    });
    assert_eq!(take_log(), want, "stream");
}

// An operand with a closure is typed by the item type, so the closure's parameters take their
// types from it (`|x| x + 1` as a `Box<dyn Fn(u32) -> u32>`).
#[generator(boxed)]
fn adders() -> impl Iterator<Item = Box<dyn Fn(u32) -> u32>> {
    yield_!(Box::new(|x| x + 1));
    yield_!(Box::new(|x| x * 2));
}

#[generator]
fn adders_stream() -> impl Stream<Item = Box<dyn Fn(u32) -> u32 + Send>> {
    yield_!(Box::new(|x| x + 1));
}

#[test]
fn a_closure_item_takes_its_types_from_the_item_type() {
    let got: Vec<u32> = adders().map(|f| f(3)).collect();
    assert_eq!(got, [4, 6]);
    let got: Vec<u32> = block_on(adders_stream().map(|f| f(3)).collect());
    assert_eq!(got, [4]);
}

// Every temporary of a yield's operand lives until the generator resumes, in any position
// (also in a struct literal, which may not stand as a `match` scrutinee as written).
#[derive(Debug)]
pub struct Pair {
    n: u32,
    len: usize,
}

impl From<Pair> for (u32, usize) {
    fn from(p: Pair) -> Self {
        (p.n, p.len)
    }
}

#[generator(boxed)]
fn guards_in_operands<'a>(
    cache: &'a std::cell::RefCell<Vec<u32>>,
) -> impl Iterator<Item = Pair> + 'a {
    yield_!(Pair {
        n: 1,
        len: cache.borrow().len()
    });
    yield_!(Pair {
        n: 2,
        len: cache.borrow().len()
    });
}

#[test]
fn a_guard_in_any_part_of_the_operand_is_held_while_the_consumer_has_the_item() {
    let cache = std::cell::RefCell::new(vec![1, 2]);
    for (n, len) in guards_in_operands(&cache).map(<(u32, usize)>::from) {
        assert_eq!(len, 2, "item {n}");
        assert!(
            cache.try_borrow_mut().is_err(),
            "item {n}: the guard is held"
        );
    }
    assert!(cache.try_borrow_mut().is_ok());
}
