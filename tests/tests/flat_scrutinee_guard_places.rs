//! A `match`, `if let` or `while let` on a place a guard holds (`match *state.lock().unwrap()`,
//! `match st.borrow().phase`, `match &*cell.borrow()`), whose arms yield: the guard lives
//! until the construct ends, as in the plain function, and a binding by value is a copy out
//! of it. A guard of the generator's own local drops before the consumer sees the item, and
//! such bodies compile.

use std::cell::RefCell;
use std::ops::Deref;
use std::sync::{Arc, Mutex, PoisonError};

use gen_core::generator;
use gen_tests::{check, same_drops, twin};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Phase {
    Idle,
    Busy(u32),
    Done,
}

#[derive(Debug)]
pub struct Machine {
    phase: Phase,
    name: String,
}

/// A `RefCell` look-alike whose guard logs when it is taken and released.
#[derive(Debug)]
pub struct Logged<T> {
    cell: RefCell<T>,
}

#[derive(Debug)]
pub struct Guard<'a, T> {
    value: std::cell::Ref<'a, T>,
}

impl<T> Logged<T> {
    pub fn borrow(&self) -> Guard<'_, T> {
        gen_tests::log("acquire");
        Guard {
            value: self.cell.borrow(),
        }
    }
}

/// A lock whose `lock()` returns the guard itself (as parking_lot's and spin's do).
#[derive(Debug)]
pub struct SpinLock<T> {
    inner: Logged<T>,
}

impl<T> SpinLock<T> {
    pub fn lock(&self) -> Guard<'_, T> {
        self.inner.borrow()
    }
}

fn spin<T: 'static>(value: T) -> &'static SpinLock<T> {
    Box::leak(Box::new(SpinLock {
        inner: Logged {
            cell: RefCell::new(value),
        },
    }))
}

impl<T> Deref for Guard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> Drop for Guard<'_, T> {
    fn drop(&mut self) {
        gen_tests::log("release");
    }
}

fn logged<T: 'static>(value: T) -> &'static Logged<T> {
    Box::leak(Box::new(Logged {
        cell: RefCell::new(value),
    }))
}

twin! {
    fn deref_match(state: &'static Logged<Phase>) -> u32 {
        match *state.borrow() {
            Phase::Idle => yield_!(0),
            Phase::Busy(n) => {
                yield_!(n);
                yield_!(n + 1);
            }
            Phase::Done => {}
        }
        yield_!(100);
    }
}

twin! {
    fn field_match(machine: &'static Logged<Machine>) -> String {
        match machine.borrow().phase {
            Phase::Busy(n) if n > 10 => yield_!(format!("big {n}")),
            Phase::Busy(n) => {
                yield_!(format!("busy {n}"));
                yield_!(machine.borrow().name.clone());
            }
            _ => yield_!("idle".to_owned()),
        }
    }
}

twin! {
    fn reference_match(machine: &'static Logged<Machine>) -> usize {
        match &*machine.borrow() {
            Machine { name, phase: Phase::Busy(n) } => {
                // What the bindings borrow is copied out before the yield.
                let (len, n) = (name.len(), *n as usize);
                yield_!(len);
                yield_!(n + len);
            }
            Machine { .. } => yield_!(0),
        }
    }
}

twin! {
    fn deref_if_let(state: &'static Logged<Phase>) -> u32 {
        for round in 0..2 {
            if let Phase::Busy(n) = *state.borrow() {
                yield_!(n + round);
            } else {
                yield_!(round);
            }
        }
    }
}

twin! {
    fn deref_while_let(state: &'static Logged<Phase>) -> u32 {
        let mut rounds = 0;
        while let Phase::Busy(n) = *state.borrow() {
            rounds += 1;
            if rounds > 3 {
                break;
            }
            yield_!(n * rounds);
        }
        yield_!(rounds);
    }
}

twin! {
    fn ref_binding(machine: &'static Logged<Machine>) -> usize {
        match machine.borrow().name {
            ref name if name.is_empty() => yield_!(0),
            ref name => {
                yield_!(name.len());
            }
        }
    }
}

twin! {
    // A `match` whose other arm does nothing: the guard's lifetime in a `match` is the subject.
    #[allow(clippy::single_match)]
    fn spin_locked(state: &'static SpinLock<Phase>, jobs: &'static SpinLock<Vec<u32>>) -> u32 {
        match *state.lock() {
            Phase::Busy(n) => {
                yield_!(n);
                yield_!(n + 1);
            }
            _ => {}
        }
        match jobs.lock().len() {
            0 => yield_!(0),
            n => {
                yield_!(n as u32);
                yield_!(jobs.lock().len() as u32 * 10);
            }
        }
    }
}

#[test]
fn a_guard_that_lock_returns_without_unwrap_lives_across_the_arms_yields() {
    let log = same_drops!(spin_locked(spin(Phase::Busy(1)), spin(vec![4, 5])));
    assert_eq!(
        log,
        [
            "acquire", "yield 1", "yield 2", "release", "acquire", "yield 2", "acquire",
            "yield 20", "release", "release"
        ]
    );
    check!(spin_locked(spin(Phase::Idle), spin(vec![])));
}

fn machine(phase: Phase, name: &str) -> Machine {
    Machine {
        phase,
        name: name.to_owned(),
    }
}

#[test]
fn a_guard_dereferenced_by_a_match_lives_across_the_arms_yields() {
    let log = same_drops!(deref_match(logged(Phase::Busy(4))));
    assert_eq!(
        log,
        ["acquire", "yield 4", "yield 5", "release", "yield 100"]
    );
    check!(deref_match(logged(Phase::Idle)));
    check!(deref_match(logged(Phase::Done)));
}

#[test]
fn a_guard_read_through_a_field_or_a_reference_lives_across_the_arms_yields() {
    let log = same_drops!(field_match(logged(machine(Phase::Busy(2), "m"))));
    assert_eq!(
        log,
        [
            "acquire",
            "yield \"busy 2\"",
            // The yield's operand holds its own guard while the consumer has the item.
            "acquire",
            "yield \"m\"",
            "release",
            "release"
        ]
    );
    check!(field_match(logged(machine(Phase::Busy(20), "m"))));
    check!(field_match(logged(machine(Phase::Done, "m"))));
    let log = same_drops!(reference_match(logged(machine(Phase::Busy(3), "abc"))));
    assert_eq!(log, ["acquire", "yield 3", "yield 6", "release"]);
    check!(reference_match(logged(machine(Phase::Idle, "abc"))));
    same_drops!(ref_binding(logged(machine(Phase::Idle, "abcd"))));
    check!(ref_binding(logged(machine(Phase::Idle, ""))));
}

#[test]
fn a_guard_dereferenced_by_if_let_and_while_let_lives_across_their_yields() {
    let log = same_drops!(deref_if_let(logged(Phase::Busy(7))));
    assert_eq!(
        log,
        [
            "acquire", "yield 7", "release", "acquire", "yield 8", "release"
        ]
    );
    // Edition 2024: the guard is gone before the `else` block.
    let log = same_drops!(deref_if_let(logged(Phase::Idle)));
    assert_eq!(
        log,
        [
            "acquire", "release", "yield 0", "acquire", "release", "yield 1"
        ]
    );
    let log = same_drops!(deref_while_let(logged(Phase::Busy(2))));
    assert_eq!(log[..4], ["acquire", "yield 2", "release", "acquire"]);
    check!(deref_while_let(logged(Phase::Busy(2))));
    check!(deref_while_let(logged(Phase::Done)));
}

struct Worker {
    phase: Mutex<Phase>,
}

impl Worker {
    #[generator]
    fn report(&self) -> impl Iterator<Item = u32> + '_ {
        match *self.phase.lock().unwrap() {
            Phase::Busy(n) => {
                yield_!(n);
                yield_!(n * 2);
            }
            Phase::Idle | Phase::Done => yield_!(0),
        }
        if let Phase::Busy(n) = *self.phase.lock().unwrap_or_else(PoisonError::into_inner) {
            yield_!(n + 1);
        }
    }
}

#[test]
fn a_lock_dereferenced_by_a_match_is_held_while_the_consumer_has_the_item() {
    let w = Worker {
        phase: Mutex::new(Phase::Busy(5)),
    };
    let mut got = Vec::new();
    for n in w.report() {
        got.push((n, w.phase.try_lock().is_err()));
    }
    assert_eq!(got, [(5, true), (10, true), (6, true)]);
    assert!(w.phase.try_lock().is_ok());
}

#[generator]
fn watch(state: Arc<Mutex<Phase>>) -> impl Iterator<Item = u32> {
    // A guard of the generator's own `Arc`, held until the `match` (the `if let` block) ends,
    // as in the plain function (lowered `boxed`: a flat state cannot hold it beside the `Arc`).
    loop {
        match *state.lock().unwrap() {
            Phase::Idle => yield_!(0),
            Phase::Busy(n) => yield_!(n),
            Phase::Done => break,
        }
    }
    if let Phase::Done = *state.lock().unwrap() {
        yield_!(99);
    }
}

#[test]
fn a_guard_of_the_generators_own_local_is_held_while_the_consumer_has_the_item() {
    let state = Arc::new(Mutex::new(Phase::Busy(3)));
    let mut g = watch(state.clone());
    assert_eq!(g.next(), Some(3));
    assert!(
        state.try_lock().is_err(),
        "held by the `match`, as in the plain function"
    );
    drop(g);
    assert!(state.try_lock().is_ok());
    let state = Arc::new(Mutex::new(Phase::Done));
    let mut g = watch(state.clone());
    assert_eq!(g.next(), Some(99));
    assert!(state.try_lock().is_err(), "held by the `if let` block");
    assert_eq!(g.next(), None);
    assert!(state.try_lock().is_ok());
}
