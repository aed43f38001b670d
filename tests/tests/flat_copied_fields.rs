//! A `Copy` field used by value while the value it belongs to (which owns a guard the body
//! never names) stays in scope across later yields: the field is copied, and the guard drops
//! where the plain function drops it, in every style real code reads such a field. Every twin
//! is checked for items and for drop order and timing with the drop-recording `Noisy`.

use gen_tests::{Noisy, check, same_drops, twin};

#[derive(Debug)]
pub struct Record {
    id: u32,
    poison: bool,
    _payload: Noisy,
}

pub fn records(spec: Vec<(u32, bool)>) -> Vec<Record> {
    spec.into_iter()
        .map(|(id, poison)| Record {
            id,
            poison,
            _payload: Noisy::new(format!("rec{id}")),
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub enum Receipt {
    Written(u32),
    Aborted(u32),
    Total(u64),
}

pub fn record(id: u32) -> Record {
    Record {
        id,
        poison: false,
        _payload: Noisy::new(format!("made{id}")),
    }
}

fn double(x: u32) -> u32 {
    x * 2
}

// The id as the argument of an enum variant, in a loop with an early `return`.
twin! {
    fn receipts(spec: Vec<(u32, bool)>) -> Receipt {
        for rec in records(spec) {
            if rec.poison {
                yield_!(Receipt::Aborted(rec.id));
                return;
            }
            yield_!(Receipt::Written(rec.id));
        }
    }
}

// The id yielded as a plain item.
twin! {
    fn ids(spec: Vec<(u32, bool)>) -> u32 {
        for rec in records(spec) {
            yield_!(rec.id);
            yield_!(0);
        }
    }
}

// `let id = rec.id;`, the binding then yielded as a plain item, or used in arithmetic.
twin! {
    fn let_then_yield(n: u32) -> u32 {
        let rec = record(n);
        let id = rec.id;
        yield_!(id);
        let other = record(n + 1);
        let twice = other.id;
        yield_!(twice * 2);
        yield_!(7);
    }
}

// The id as the argument of a function (also `u64::from`) and as a tuple element.
twin! {
    fn arguments(n: u32) -> String {
        let rec = record(n);
        let d = double(rec.id);
        yield_!(format!("double {d}"));
        let pair = (rec.id, rec.poison);
        yield_!(format!("pair {pair:?}"));
        let wide = u64::from(rec.id);
        yield_!(format!("wide {wide}"));
    }
}

// A plain type annotation says the field is `Copy`.
twin! {
    fn annotated(n: u32) -> u64 {
        let rec = record(n);
        let id: u32 = rec.id;
        yield_!(u64::from(id));
        yield_!(1);
    }
}

// A running total from the ids, the records kept in a `Vec` across yields.
twin! {
    fn totals(spec: Vec<(u32, bool)>) -> Receipt {
        let mut total = 0u64;
        let all = records(spec);
        for rec in all {
            total += u64::from(rec.id);
            yield_!(Receipt::Total(total));
        }
    }
}

#[test]
fn an_id_passed_to_an_enum_variant_keeps_the_record_until_the_end_of_its_iteration() {
    let out = check!(receipts(vec![
        (1, false),
        (2, false),
        (3, true),
        (4, false)
    ]));
    assert_eq!(
        out,
        vec![
            Receipt::Written(1),
            Receipt::Written(2),
            Receipt::Aborted(3)
        ]
    );
    same_drops!(receipts(vec![
        (1, false),
        (2, false),
        (3, true),
        (4, false)
    ]));
    same_drops!(receipts(vec![(5, false)]));
}

#[test]
fn an_id_yielded_as_a_plain_item_is_a_copy() {
    assert_eq!(check!(ids(vec![(1, false), (2, false)])), vec![1, 0, 2, 0]);
    same_drops!(ids(vec![(1, false), (2, false)]));
}

#[test]
fn a_let_of_the_id_used_as_a_number_later_is_a_copy() {
    assert_eq!(check!(let_then_yield(4)), vec![4, 10, 7]);
    same_drops!(let_then_yield(4));
}

#[test]
fn an_id_as_a_call_argument_or_a_tuple_element_is_a_copy() {
    assert_eq!(check!(arguments(3)).len(), 3);
    same_drops!(arguments(3));
}

#[test]
fn a_plain_annotation_makes_the_let_a_copy() {
    assert_eq!(check!(annotated(9)), vec![9, 1]);
    same_drops!(annotated(9));
}

#[test]
fn a_compound_assignment_from_the_id_is_a_copy() {
    let out = check!(totals(vec![(1, false), (2, false), (3, false)]));
    assert_eq!(out.last(), Some(&Receipt::Total(6)));
    same_drops!(totals(vec![(1, false), (2, false), (3, false)]));
}

/// A guard that derefs to a number (a lock guard, a counter handle).
struct Handle {
    _log: Noisy,
    value: u64,
}

impl std::ops::Deref for Handle {
    type Target = u64;
    fn deref(&self) -> &u64 {
        &self.value
    }
}

fn handle(name: &str, value: u64) -> Handle {
    Handle {
        _log: Noisy::new(name),
        value,
    }
}

twin! {
    /// `*h` used by value in an enum variant, a tuple, an array and a call, while `h` stays in
    /// scope across later yields: copies out of the guard, which drops at the end of its
    /// scope.
    fn deref_copies_keep_the_guard(start: u64) -> Option<u64> {
        let h = handle("h", start);
        yield_!(Some(*h));
        let pair = (*h, 1);
        yield_!(Some(pair.0 + pair.1));
        let all = [*h, *h + 1];
        yield_!(Some(all[1]));
        yield_!(Some(u64::max(*h, 2)));
        {
            let inner = handle("inner", 5);
            yield_!(Some(*inner + *h));
        }
        yield_!(None);
    }
}

twin! {
    /// `*h` used by value once, in the yielded variant, with `h` still in scope after.
    fn deref_copied_once(start: u64) -> Option<u64> {
        let h = handle("h", start);
        yield_!(Some(*h));
        yield_!(None);
    }
}

twin! {
    /// The same in a tuple built by a `let`, and as a call argument.
    fn deref_copied_in_a_tuple_and_a_call(start: u64) -> u64 {
        let h = handle("h", start);
        let g = handle("g", start + 1);
        let pair = (*h, 1);
        yield_!(pair.0);
        yield_!(u64::max(*g, 2));
        yield_!(0);
    }
}

#[test]
fn a_dereference_used_by_value_is_a_copy_and_the_guard_drops_at_its_scope_end() {
    let once = same_drops!(deref_copied_once(3));
    assert_eq!(once, ["yield Some(3)", "yield None", "drop h"]);
    let log = same_drops!(deref_copied_in_a_tuple_and_a_call(3));
    assert_eq!(log[log.len() - 3..], ["yield 0", "drop g", "drop h"]);
    check!(deref_copies_keep_the_guard(3));
    let log = same_drops!(deref_copies_keep_the_guard(3));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(at("drop inner") > at("yield Some(8)"));
    assert!(at("drop h") > at("yield None"));
}
