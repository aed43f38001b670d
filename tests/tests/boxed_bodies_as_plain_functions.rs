//! `#[generator(boxed)]` bodies behave as the plain function with the same body: a panic
//! propagates out of `next` (then `None`), statics are shared by every consumer, closures may
//! be the items, a yield's operand temporaries live until the resume, and inner attributes,
//! `return ();`, `?` on a `Result` alias and a `mut self` field assignment compile as written.

use std::panic::{AssertUnwindSafe, catch_unwind};

use gen_core::generator;
use gen_tests::{Noisy, live, log, take_log};

mod common;
use common::boxed::{boxed_twin, drive};

// ---------------------------------------------------------------------------------------
// A panic, statics and closures as items.

#[generator(boxed)]
fn panicky(at: u32) -> impl Iterator<Item = u32> {
    let v: Vec<u32> = (0..5).collect();
    let _g = Noisy::new("panicky local");
    for x in &v {
        if *x == at {
            panic!("boom at {x}");
        }
        yield_!(*x);
    }
}

#[test]
fn panic_propagates_out_of_next_then_none() {
    let _ = take_log();
    let mut g = panicky(2);
    assert_eq!(g.next(), Some(0));
    assert_eq!(g.next(), Some(1));
    let err = catch_unwind(AssertUnwindSafe(|| g.next())).unwrap_err();
    assert_eq!(err.downcast_ref::<String>().unwrap(), "boom at 2");
    assert_eq!(take_log(), ["drop panicky local"]);
    assert_eq!(g.next(), None);
    assert_eq!(g.next(), None);
    drop(g);
    assert!(take_log().is_empty());
    assert_eq!(live(), 0);
}

/// A `static` and a `thread_local!` declared in a `boxed` body: one item each, shared by
/// every call and every way of consuming the generator (`fold` included), as in the plain
/// function.
#[generator(boxed)]
fn ticket_ids(n: usize) -> impl Iterator<Item = usize> {
    static NEXT_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(100);
    thread_local! {
        static ISSUED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }
    let taken: Vec<usize> = (0..n)
        .map(|_| NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
        .collect();
    for id in &taken {
        ISSUED.with(|c| c.set(c.get() + 1));
        yield_!(*id);
    }
    yield_!(ISSUED.with(std::cell::Cell::get) * 1000);
}

#[test]
fn statics_of_a_boxed_body_are_shared_by_every_consumer() {
    let first: Vec<usize> = ticket_ids(2).collect();
    let (base, issued) = (first[0], first[2] / 1000);
    assert_eq!(first, [base, base + 1, issued * 1000]);
    let summed: usize = ticket_ids(2).sum();
    assert_eq!(summed, (base + 2) + (base + 3) + (issued + 2) * 1000);
    let mut each = Vec::new();
    ticket_ids(2).for_each(|x| each.push(x));
    assert_eq!(each, [base + 4, base + 5, (issued + 4) * 1000]);
}

/// Items of an unnamed type made by a closure: every copy of the body would make another
/// type, so the generator has none, and `fold` runs it in its box.
#[generator(boxed)]
fn adders(n: u32) -> impl Iterator<Item = impl Fn(u32) -> u32> {
    let steps: Vec<u32> = (1..=n).collect();
    for s in &steps {
        let s = *s;
        yield_!(move |x| x + s);
    }
}

#[test]
fn closures_as_unnamed_items_of_a_boxed_generator() {
    let applied: Vec<u32> = adders(3).map(|f| f(10)).collect();
    assert_eq!(applied, [11, 12, 13]);
    assert_eq!(adders(3).fold(0, |acc, f| acc + f(1)), 2 + 3 + 4);
}

// ---------------------------------------------------------------------------------------
// The temporaries of a yield's operand live until the generator resumes, as the plain
// function's `yield_!(v)` statement keeps them until it ends (whatever makes them: a call,
// a struct literal, a tuple, an array, an operator, a `match`).

/// A value whose drop is logged, made by a struct literal.
struct Tmp {
    _guard: Noisy,
    n: u32,
}

impl std::ops::Add<&Tmp> for &Tmp {
    type Output = u32;
    fn add(self, other: &Tmp) -> u32 {
        self.n + other.n
    }
}

fn tmp(name: &str, n: u32) -> Tmp {
    Tmp {
        _guard: Noisy::new(name),
        n,
    }
}

boxed_twin! {
    fn operand_temporaries(n: u32) -> u32 {
        let kept = tmp("kept", n);
        yield_!(Tmp { _guard: Noisy::new("literal"), n: 1 }.n);
        yield_!((Tmp { _guard: Noisy::new("tuple"), n: 2 }, 5).1);
        yield_!([Tmp { _guard: Noisy::new("array"), n: 3 }][0].n + 1);
        yield_!(&Tmp { _guard: Noisy::new("operator"), n: 4 } + &kept);
        yield_!(match (Tmp { _guard: Noisy::new("scrutinee"), n: 5 }).n {
            m if m > 100 => 0,
            m => m,
        });
        yield_!(tmp("call", 6).n);
        yield_!(kept.n);
    }
}

#[test]
fn temporaries_of_a_yield_live_until_the_resume() {
    let total = operand_temporaries::plain(7).len();
    let _ = take_log();
    for budget in (1..=total).map(Some).chain([None]) {
        let expected = operand_temporaries::plain_until(budget, 7);
        let expected_log = take_log();
        let got = drive(operand_temporaries::generator(7), budget);
        assert_eq!(got, expected, "items, budget {budget:?}");
        assert_eq!(take_log(), expected_log, "drop log, budget {budget:?}");
    }
    // `for_each` runs the plain copy: the same order.
    operand_temporaries::generator(7).for_each(|v| log(format!("yield {v:?}")));
    let for_each_log = take_log();
    operand_temporaries::plain_until(None, 7);
    assert_eq!(for_each_log, take_log(), "for_each");
    assert_eq!(live(), 0);
}

// ---------------------------------------------------------------------------------------
// Bodies as plain functions write them: an inner attribute, `return ();`, `?` with an item
// type named by an alias without parameters, an assignment to a field of `mut self`.

type Row = Result<i64, std::num::ParseIntError>;

#[generator(boxed)]
fn rows(text: String) -> impl Iterator<Item = Row> {
    #![allow(unused_variables)]
    let unused = 5;
    for part in text.split(',') {
        if part == "stop" {
            return ();
        }
        let n = part.trim().parse::<i64>()?;
        yield_!(Ok(n));
    }
}

#[generator]
fn flat_rows(parts: Vec<String>) -> impl Iterator<Item = Row> {
    #![allow(unused_variables)]
    let unused = 5;
    for part in parts {
        if part == "stop" {
            return ();
        }
        let n = part.trim().parse::<i64>()?;
        yield_!(Ok(n));
    }
}

#[test]
fn inner_attributes_unit_returns_and_result_aliases() {
    let parsed: Vec<Row> = rows("1, 2,stop,3".into()).collect();
    assert_eq!(parsed, [Ok(1), Ok(2)]);
    let failed: Vec<Row> = rows("1, z, 3".into()).collect();
    assert_eq!(failed.len(), 2);
    assert!(failed[1].is_err());
    assert_eq!(rows("4,5".into()).count(), 2);
    let parts = |s: &str| s.split(',').map(String::from).collect::<Vec<_>>();
    assert_eq!(flat_rows(parts("1,stop,3")).collect::<Vec<_>>(), [Ok(1)]);
    assert!(flat_rows(parts("x")).next().is_some_and(|r| r.is_err()));
}

struct Tagged {
    tag: String,
    items: Vec<u32>,
}

impl Tagged {
    /// A field of `mut self` assigned, then read after a yield: the plain copy that `fold`
    /// runs draws no "value captured is never read" (checked by the workspace's
    /// `-D warnings` clippy run).
    #[generator(boxed)]
    fn finish(mut self) -> impl Iterator<Item = String> {
        for x in &self.items {
            yield_!(format!("{}{x}", self.tag));
        }
        self.tag = String::from("done");
        yield_!(self.tag.clone());
    }
}

#[test]
fn a_mut_self_field_assigned_in_a_boxed_body() {
    let t = || Tagged {
        tag: "t".into(),
        items: vec![1, 2],
    };
    assert_eq!(t().finish().collect::<Vec<_>>(), ["t1", "t2", "done"]);
    assert_eq!(t().finish().count(), 3);
}
