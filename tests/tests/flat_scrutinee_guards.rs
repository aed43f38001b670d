//! The guard a `match`, `if let` or `while let` scrutinee makes (`m.lock().unwrap()`,
//! `c.borrow_mut()`) lives while the construct runs, across its yields, as in the plain
//! function: the consumer sees the lock held while it has the item (an `if let`'s guard is
//! gone in its `else` block, as in edition 2024). A guard of the
//! generator's own local cannot live across a yield; it drops when no longer used, and such
//! bodies compile.

use std::cell::RefCell;
use std::ops::{Deref, DerefMut};
use std::sync::Mutex;

use gen_core::generator;
use gen_tests::{check, same_drops, twin};

/// A `RefCell` look-alike whose guard logs when it is taken and released.
#[derive(Debug)]
pub struct Ledger {
    items: RefCell<Vec<u32>>,
}

#[derive(Debug)]
pub struct Entry<'a> {
    items: std::cell::RefMut<'a, Vec<u32>>,
}

impl Ledger {
    pub fn borrow_mut(&self) -> Entry<'_> {
        gen_tests::log("acquire");
        Entry {
            items: self.items.borrow_mut(),
        }
    }
}

impl Deref for Entry<'_> {
    type Target = Vec<u32>;
    fn deref(&self) -> &Vec<u32> {
        &self.items
    }
}

impl DerefMut for Entry<'_> {
    fn deref_mut(&mut self) -> &mut Vec<u32> {
        &mut self.items
    }
}

impl Drop for Entry<'_> {
    fn drop(&mut self) {
        gen_tests::log("release");
    }
}

fn ledger(items: &[u32]) -> &'static Ledger {
    Box::leak(Box::new(Ledger {
        items: RefCell::new(items.to_vec()),
    }))
}

twin! {
    fn popped(ledger: &'static Ledger) -> u32 {
        'jobs: while let Some(x) = ledger.borrow_mut().pop() {
            if x == 0 {
                continue 'jobs;
            }
            if x > 100 {
                break;
            }
            yield_!(x);
        }
        yield_!(1000);
    }
}

twin! {
    fn matched(ledger: &'static Ledger) -> usize {
        match ledger.borrow_mut().len() {
            0 => yield_!(0),
            n => {
                yield_!(n);
                yield_!(n * 10);
            }
        }
        yield_!(7);
    }
}

twin! {
    fn if_let_without_else(ledger: &'static Ledger) -> u32 {
        if let Some(x) = ledger.borrow_mut().last().copied() {
            yield_!(x);
            yield_!(x + 1);
        }
        yield_!(0);
    }
}

twin! {
    fn if_let_with_else(ledger: &'static Ledger) -> u32 {
        for _ in 0..2 {
            let n = if let Some(x) = ledger.borrow_mut().pop() {
                yield_!(x);
                1
            } else {
                // Edition 2024: the guard is gone before the `else` block.
                ledger.borrow_mut().push(5);
                yield_!(0);
                2
            };
            yield_!(n + 10);
        }
    }
}

#[test]
fn a_while_let_guard_lives_for_each_iteration() {
    let log = same_drops!(popped(ledger(&[5, 200, 3, 0, 4])));
    // Taken before each item, released after the consumer had it.
    assert_eq!(
        log[..6],
        [
            "acquire", "yield 4", "release", "acquire", "release", "acquire"
        ]
    );
    check!(popped(ledger(&[5, 200, 3, 0, 4])));
    check!(popped(ledger(&[])));
}

#[test]
fn a_match_guard_lives_across_the_arms_yields() {
    let log = same_drops!(matched(ledger(&[1, 2, 3])));
    assert_eq!(
        log,
        ["acquire", "yield 3", "yield 30", "release", "yield 7"]
    );
    same_drops!(matched(ledger(&[])));
}

#[test]
fn an_if_let_guard_lives_across_the_blocks_yields() {
    let log = same_drops!(if_let_without_else(ledger(&[4, 9])));
    assert_eq!(
        log,
        ["acquire", "yield 9", "yield 10", "release", "yield 0"]
    );
    same_drops!(if_let_without_else(ledger(&[])));
}

struct Queue {
    jobs: Mutex<Vec<String>>,
    seen: RefCell<Vec<u32>>,
}

impl Queue {
    #[generator]
    fn drain(&self) -> impl Iterator<Item = String> + '_ {
        while let Some(job) = self.jobs.lock().unwrap().pop() {
            yield_!(job);
        }
    }

    #[generator]
    fn first_seen(&self) -> impl Iterator<Item = u32> + '_ {
        // The scrutinee's value borrows the guard: the guard lives, the borrow ends with
        // its last use.
        if let Some(x) = self.seen.borrow().first() {
            yield_!(*x);
        }
        match self.seen.borrow_mut().pop() {
            Some(v) if v > 100 => yield_!(v),
            Some(v) => {
                yield_!(v);
                yield_!(v + 1);
            }
            None => {}
        }
    }
}

#[test]
fn a_lock_taken_by_a_while_let_is_held_while_the_consumer_has_the_item() {
    let q = Queue {
        jobs: Mutex::new(vec!["b".into(), "a".into()]),
        seen: RefCell::new(Vec::new()),
    };
    let held = |job: String| format!("{job}:{}", q.jobs.try_lock().is_err());
    let mut by_next = Vec::new();
    for job in q.drain() {
        by_next.push(held(job));
    }
    assert_eq!(by_next, ["a:true", "b:true"]);
    *q.jobs.lock().unwrap() = vec!["d".into(), "c".into()];
    let mut by_for_each = Vec::new();
    q.drain().for_each(|job| by_for_each.push(held(job)));
    assert_eq!(by_for_each, ["c:true", "d:true"]);
    assert!(q.jobs.try_lock().is_ok());
}

#[test]
fn a_refcell_guard_of_a_scrutinee_is_held_while_the_consumer_has_the_item() {
    let q = Queue {
        jobs: Mutex::new(Vec::new()),
        seen: RefCell::new(vec![7, 8]),
    };
    let mut got = Vec::new();
    for x in q.first_seen() {
        got.push((x, q.seen.try_borrow_mut().is_err()));
    }
    assert_eq!(got, [(7, true), (8, true), (9, true)]);
    assert!(q.seen.try_borrow_mut().is_ok());
}

#[generator]
fn local_guards(n: u32) -> impl Iterator<Item = usize> {
    // Guards of the generator's own locals: not kept across the yields, and the locals are
    // used again afterwards.
    let cell = RefCell::new((0..n).collect::<Vec<_>>());
    match cell.borrow().len() {
        0 => yield_!(0),
        len => {
            yield_!(len);
            yield_!(cell.borrow().len() + len);
        }
    }
    while let Some(x) = cell.borrow_mut().pop() {
        yield_!(x as usize);
    }
    // A guard bound by `let` lives to the end of its block: it ends before the yield.
    let lock = Mutex::new(vec![1, 2, 3]);
    loop {
        let next = {
            let mut guard = lock.lock().unwrap();
            guard.pop()
        };
        let Some(x) = next else { break };
        yield_!(x);
    }
    yield_!(lock.into_inner().unwrap().len() + 100);
}

#[test]
fn guards_of_the_generators_own_locals_compile() {
    let expected = [2, 4, 1, 0, 3, 2, 1, 100];
    assert_eq!(local_guards(2).collect::<Vec<_>>(), expected);
    let mut by_next = Vec::new();
    for x in local_guards(2) {
        by_next.push(x);
    }
    assert_eq!(by_next, expected);
}

#[test]
fn an_if_let_guard_is_released_before_the_else_block() {
    let log = same_drops!(if_let_with_else(ledger(&[3])));
    assert_eq!(
        log,
        [
            "acquire", "yield 3", "release", "yield 11", "acquire", "release", "acquire",
            "release", "yield 0", "yield 12"
        ]
    );
}

twin! {
    // An element popped through a guard of the generator's own lock is a value of its own:
    // it drops at the end of the loop's body, after the consumer had the item.
    fn popped_through_own_lock(names: Vec<&'static str>) -> usize {
        let queue = Mutex::new(
            names
                .iter()
                .map(|n| gen_tests::Noisy::new(*n))
                .collect::<std::collections::VecDeque<_>>(),
        );
        while let Some(t) = queue.lock().unwrap().pop_front() {
            yield_!(t.name().len());
            gen_tests::log("body end");
        }
    }
}

#[test]
fn an_element_popped_through_a_guard_of_an_own_lock_drops_after_its_item() {
    let log = same_drops!(popped_through_own_lock(vec!["a", "bb"]));
    assert_eq!(log[..3], ["yield 1", "body end", "drop a"]);
}
