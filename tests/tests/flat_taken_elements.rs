//! Elements taken out of a container by value (`v.drain(..)`, `slot.take()`, `q.pop_front()`,
//! through `map`/`filter`/`collect`) are values of their own, not borrows of the container:
//! one with a visible `Drop` drops where the plain function drops it, after the consumer had
//! the item, also when the container is reached through a `&mut` argument or `&mut self`.

// The generators step their iterators with `while let`, one of the styles under test.
#![allow(clippy::while_let_on_iterator)]

use std::collections::VecDeque;

use gen_core::generator;
use gen_tests::{Noisy, check, same_drops, twin};

fn noisy(names: &[&str]) -> Vec<Noisy> {
    names.iter().map(|n| Noisy::new(*n)).collect()
}

/// A container the generator borrows for the rest of the test.
fn leaked(names: &[&str]) -> &'static mut Vec<Noisy> {
    Box::leak(Box::new(noisy(names)))
}

/// The plain function's stop after the `budget`-th item (`None`: run to the end).
struct Sink(Option<usize>);

impl Sink {
    /// Logs `item`; `false` once the budget is spent.
    fn put(&mut self, item: usize) -> bool {
        gen_tests::log(format!("yield {item:?}"));
        match &mut self.0 {
            Some(0) => unreachable!("stopped"),
            Some(n) => {
                *n -= 1;
                *n > 0
            }
            None => true,
        }
    }
}

#[generator]
fn drain_argument(v: &'static mut Vec<Noisy>) -> impl Iterator<Item = usize> {
    for x in v.drain(..) {
        yield_!(x.name().len());
    }
    gen_tests::log("after loop");
}

fn drain_argument_plain(v: &mut Vec<Noisy>, mut out: Sink) {
    for x in v.drain(..) {
        if !out.put(x.name().len()) {
            return;
        }
    }
    gen_tests::log("after loop");
}

#[generator]
fn drain_filtered(v: &'static mut Vec<Noisy>) -> impl Iterator<Item = usize> {
    for x in v.drain(..).filter(|x| !x.name().is_empty()) {
        yield_!(x.name().len());
    }
}

fn drain_filtered_plain(v: &mut Vec<Noisy>, mut out: Sink) {
    for x in v.drain(..).filter(|x| !x.name().is_empty()) {
        if !out.put(x.name().len()) {
            return;
        }
    }
}

#[generator]
fn drain_stepped(v: &'static mut Vec<Noisy>) -> impl Iterator<Item = usize> {
    let mut rest = v.drain(..);
    while let Some(x) = rest.next() {
        yield_!(x.name().len() + 10);
    }
}

fn drain_stepped_plain(v: &mut Vec<Noisy>, mut out: Sink) {
    let mut rest = v.drain(..);
    while let Some(x) = rest.next() {
        if !out.put(x.name().len() + 10) {
            return;
        }
    }
}

/// A queue of work a method drains.
struct Queue {
    pending: VecDeque<Noisy>,
}

impl Queue {
    #[generator]
    fn run(&mut self) -> impl Iterator<Item = usize> + '_ {
        for job in self.pending.drain(..) {
            yield_!(job.name().len());
        }
    }

    fn run_plain(&mut self, mut out: Sink) {
        for job in self.pending.drain(..) {
            if !out.put(job.name().len()) {
                return;
            }
        }
    }
}

#[test]
fn elements_drained_through_a_mut_argument_drop_after_their_item() {
    let names = ["a", "bb", "ccc"];
    let log = same_drops(
        || drain_argument(leaked(&names)),
        |k| drain_argument_plain(&mut noisy(&names), Sink(k)),
    );
    assert_eq!(log[..3], ["yield 1", "drop a", "yield 2"]);
    let names = ["a", "", "ccc", "dd"];
    same_drops(
        || drain_filtered(leaked(&names)),
        |k| drain_filtered_plain(&mut noisy(&names), Sink(k)),
    );
    same_drops(
        || drain_stepped(leaked(&names)),
        |k| drain_stepped_plain(&mut noisy(&names), Sink(k)),
    );
    let queue = |names: &[&str]| Queue {
        pending: noisy(names).into(),
    };
    let log = same_drops(
        || Box::leak(Box::new(queue(&names))).run(),
        |k| queue(&names).run_plain(Sink(k)),
    );
    assert_eq!(log[..4], ["yield 1", "drop a", "yield 0", "drop "]);
}

twin! {
    // Values a closure makes of drained elements, collected or taken one at a time, values
    // taken out of `Option` slots, and values a function of the user's makes of text.
    fn made_of_taken_elements(names: Vec<&'static str>) -> usize {
        let mut local = names.iter().map(|n| Noisy::new(*n)).collect::<Vec<_>>();
        let all: Vec<(usize, Noisy)> = local.drain(..).map(|n| (n.name().len(), n)).collect();
        yield_!(all.len());
        let mut slots: Vec<Option<Noisy>> = names.iter().map(|n| Some(Noisy::new(*n))).collect();
        let taken: Vec<Noisy> = slots.iter_mut().filter_map(|s| s.take()).collect();
        yield_!(taken.len() + slots.len());
        let text = names.join(",");
        let made: Vec<Noisy> = text.split(',').map(Noisy::new).collect();
        yield_!(made.len());
        gen_tests::log("end");
    }
}

#[test]
fn values_made_of_taken_elements_drop_at_the_end_of_their_scope() {
    let log = same_drops!(made_of_taken_elements(vec!["a", "b"]));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(at("end") < at("drop a"), "{log:?}");
    check!(made_of_taken_elements(vec![]));
}

#[generator]
fn drain_bound_by_let(v: &'static mut Vec<Noisy>) -> impl Iterator<Item = usize> {
    let mut dr = v.drain(..);
    if let Some(x) = dr.next() {
        yield_!(x.name().len());
    }
    yield_!(0);
    gen_tests::log("end of body");
}

fn drain_bound_by_let_plain(v: &mut Vec<Noisy>, mut out: Sink) {
    let mut dr = v.drain(..);
    if let Some(x) = dr.next()
        && !out.put(x.name().len())
    {
        return;
    }
    if !out.put(0) {
        return;
    }
    gen_tests::log("end of body");
}

#[test]
fn a_drain_bound_by_let_drops_what_it_did_not_hand_out_at_the_end_of_its_block() {
    let names = ["a", "bb", "ccc"];
    let log = same_drops(
        || drain_bound_by_let(leaked(&names)),
        |k| drain_bound_by_let_plain(&mut noisy(&names), Sink(k)),
    );
    assert_eq!(
        log,
        [
            "yield 1",
            "drop a",
            "yield 0",
            "end of body",
            "drop bb",
            "drop ccc"
        ]
    );
}
