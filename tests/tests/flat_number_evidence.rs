//! A value read out of a guard or a field that the rest of the body uses only as a number
//! (an element of a plain tuple item, compared with a number, a compound assignment's
//! target), or `let v = *guard;` with the guard still in scope at a later yield, is a copy: the guard or the value it came from stays whole and drops where the
//! plain function drops it. And an element copied out of a map of references
//! (`fields.get("ip").copied()`) borrows what the map's elements borrow, not the map. Every
//! twin is compared with the plain function, for items and for drop order and timing.

use std::collections::HashMap;

use gen_tests::{Noisy, check, same_drops, twin};

/// A counter behind a guard that logs its drop (a lock guard, a metrics handle).
#[derive(Debug)]
pub struct Counter {
    _log: Noisy,
    value: u64,
}

impl std::ops::Deref for Counter {
    type Target = u64;
    fn deref(&self) -> &u64 {
        &self.value
    }
}

impl std::ops::DerefMut for Counter {
    fn deref_mut(&mut self) -> &mut u64 {
        &mut self.value
    }
}

fn counter(name: &str, value: u64) -> Counter {
    Counter {
        _log: Noisy::new(name),
        value,
    }
}

// `let v = *acc;` popped with its key, yielded in a tuple of numbers.
twin! {
    fn popped_pairs(n: u64) -> (u64, u64) {
        let mut stack: Vec<(u64, Counter)> = (0..n).map(|i| (i, counter(&format!("c{i}"), i * 10))).collect();
        while let Some((key, acc)) = stack.pop() {
            let v = *acc;
            yield_!((key, v));
        }
    }
}

// `let v = *acc;` compared with a number.
twin! {
    fn compared(start: u64) -> bool {
        let acc = counter("acc", start);
        let v = *acc;
        yield_!(v > 0);
        yield_!(false);
    }
}

// `let v = *acc;` with nothing to show that `v` is a number: still a copy out of the guard,
// which the compiler confirms, while the guard stays in scope across the yields.
twin! {
    fn collected(start: u64) -> usize {
        let acc = counter("acc", start);
        let v = *acc;
        let mut all = Vec::new();
        all.push(v);
        yield_!(all.len());
        all.push(v);
        yield_!(all.len());
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Grew(u64),
    Left(&'static str, u64),
}

// `*acc += n` through `DerefMut`, then `*acc` in the yielded variant at the end of the scope.
twin! {
    fn accumulated(sizes: Vec<u64>) -> Event {
        for (i, size) in sizes.into_iter().enumerate() {
            let mut acc = counter(&format!("dir{i}"), 0);
            *acc += size;
            yield_!(Event::Grew(size));
            *acc += 1;
            yield_!(Event::Left("dir", *acc));
        }
    }
}

#[derive(Debug)]
pub struct Summary {
    total: u64,
    _guard: Noisy,
}

// `s.total += n` on a field, the value's guard never named.
twin! {
    fn summed(sizes: Vec<u64>) -> Event {
        let mut s = Summary { total: 0, _guard: Noisy::new("summary") };
        for size in sizes {
            s.total += size;
            yield_!(Event::Grew(s.total));
        }
        yield_!(Event::Left("total", s.total));
    }
}

// A map of borrowed words; an element copied out of it is a word of the line, not a
// borrow of the map, and lives on across yields.
twin! {
    fn ips(lines: Vec<&'static str>) -> String {
        for line in lines {
            let fields: HashMap<&str, &str> = line.split(' ').filter_map(|w| w.split_once('=')).collect();
            let ip = fields.get("ip").copied().unwrap_or("-");
            let user = fields.get("user").cloned();
            yield_!(format!("{} fields", fields.len()));
            yield_!(format!("{ip} {user:?}"));
        }
    }
}

#[test]
fn a_dereference_kept_as_a_number_keeps_its_guard() {
    assert_eq!(check!(popped_pairs(3)), [(2, 20), (1, 10), (0, 0)]);
    let log = same_drops!(popped_pairs(3));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(at("drop c2") > at("yield (2, 20)"), "{log:?}");
    assert_eq!(check!(compared(4)), [true, false]);
    let log = same_drops!(compared(4));
    assert_eq!(log.last().map(String::as_str), Some("drop acc"));
    assert_eq!(check!(collected(4)), [1, 2]);
    let log = same_drops!(collected(4));
    assert_eq!(log.last().map(String::as_str), Some("drop acc"));
}

#[test]
fn a_compound_assignment_through_a_guard_or_to_a_field_is_a_number() {
    assert_eq!(
        check!(accumulated(vec![5, 7])),
        [
            Event::Grew(5),
            Event::Left("dir", 6),
            Event::Grew(7),
            Event::Left("dir", 8)
        ]
    );
    let log = same_drops!(accumulated(vec![5, 7]));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(at("drop dir0") > at("yield Left(\"dir\", 6)"), "{log:?}");
    assert_eq!(
        check!(summed(vec![1, 2])),
        [Event::Grew(1), Event::Grew(3), Event::Left("total", 3)]
    );
    same_drops!(summed(vec![1, 2]));
}

#[test]
fn an_element_copied_out_of_a_map_of_references_is_not_a_borrow_of_the_map() {
    assert_eq!(
        check!(ips(vec!["ip=1.2.3.4 user=ann", "user=bob"])),
        [
            "2 fields",
            "1.2.3.4 Some(\"ann\")",
            "1 fields",
            "- Some(\"bob\")"
        ]
    );
}

/// A record with a guard the body never names.
#[derive(Debug)]
pub struct Entry {
    ts: u32,
    src: &'static str,
    _tok: Noisy,
}

fn entries(v: &[(u32, &'static str)]) -> Vec<Entry> {
    v.iter()
        .map(|&(ts, src)| Entry {
            ts,
            src,
            _tok: Noisy::new(src),
        })
        .collect()
}

twin! {
    #[allow(clippy::while_let_on_iterator)]
    fn dedup(v: Vec<Entry>) -> (u32, &'static str) {
        // `e.ts` is compared with a number, read in a closure and by `format!`, stored into a
        // local of a plain type (`Option<u32>`) and yielded in a plain tuple: a number each
        // time, so `e` stays whole and its guard drops at the end of the iteration.
        let mut it = v.into_iter();
        let mut last: Option<u32> = None;
        while let Some(e) = it.next() {
            if e.ts > 100 {
                continue;
            }
            if last.is_some_and(|l| l == e.ts) {
                gen_tests::log(format!("skip {}", e.ts));
                continue;
            }
            last = Some(e.ts);
            yield_!((e.ts, e.src));
        }
    }
}

#[test]
fn fields_of_a_record_used_as_numbers_leave_it_whole() {
    let v = || entries(&[(1, "a"), (1, "b"), (200, "c"), (3, "d")]);
    assert_eq!(check!(dedup(v())), [(1, "a"), (3, "d")]);
    let log = same_drops!(dedup(v()));
    // The guard of each entry drops after the consumer had its item.
    assert_eq!(log[..2], ["yield (1, \"a\")", "drop a"]);
}
