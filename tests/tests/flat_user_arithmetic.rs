//! Arithmetic on values of a type of the user's with `Add` (a `Money` that is not `Copy`):
//! `total + p` takes both by value, so a field bound by `let p = item.price;` (or a `match`
//! binding `Charge(m, _)`) and then added is a move out of its value, as in the plain
//! function, not a copy. Arithmetic with a number on one side (`n + 1`, `x * k` with `let
//! mut k = 2;`) is still a copy. Items and every drop compared with the plain twin at every
//! early stop.

use std::ops::Add;

use gen_tests::{Noisy, same_drops, twin};

/// An amount that is not `Copy` and logs its drop.
#[derive(Debug)]
pub struct Money(pub u64, pub Noisy);

impl Money {
    pub fn new(cents: u64) -> Money {
        Money(cents, Noisy::new(format!("money {cents}")))
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money::new(self.0 + other.0)
    }
}

#[derive(Debug)]
pub struct Item {
    pub name: String,
    pub price: Money,
    pub tag: Noisy,
}

pub fn items(n: u64) -> Vec<Item> {
    (1..=n)
        .map(|i| Item {
            name: format!("item {i}"),
            price: Money::new(i * 10),
            tag: Noisy::new(format!("tag {i}")),
        })
        .collect()
}

twin! {
    fn running_totals(n: u64) -> String {
        let mut total = Money::new(0);
        for item in items(n) {
            let p = item.price;
            total = total + p;
            yield_!(format!("{} {}", item.name, total.0));
            yield_!(item.tag.name().to_string());
        }
    }
}

#[test]
fn a_field_added_as_a_users_type_is_moved_out_of_its_value() {
    same_drops!(running_totals(3));
    same_drops!(running_totals(0));
}

twin! {
    fn added_the_other_way_and_through_a_local(n: u64) -> u64 {
        let mut total = Money::new(1);
        for item in items(n) {
            let p = item.price;
            let sum = p + total;
            total = sum;
            yield_!(total.0);
            yield_!(item.name.len() as u64);
        }
    }
}

#[test]
fn a_moved_field_on_either_side_of_the_operator() {
    same_drops!(added_the_other_way_and_through_a_local(2));
}

#[derive(Debug)]
pub enum Entry {
    Charge(Money, Noisy),
    Note(Noisy),
}

pub fn entries(n: u64) -> Vec<Entry> {
    (0..n)
        .map(|i| {
            if i % 3 == 1 {
                Entry::Note(Noisy::new(format!("note {i}")))
            } else {
                Entry::Charge(Money::new(i + 5), Noisy::new(format!("receipt {i}")))
            }
        })
        .collect()
}

twin! {
    fn ledger(n: u64) -> u64 {
        let mut total = Money::new(0);
        for e in entries(n) {
            match e {
                Entry::Charge(m, _) => {
                    total = total + m;
                    yield_!(total.0);
                }
                Entry::Note(_) => yield_!(0),
            }
            yield_!(1000);
        }
    }
}

#[test]
fn a_match_binding_added_as_a_users_type_moves_out_of_the_enum() {
    same_drops!(ledger(5));
}

/// Plain numbers.
#[derive(Debug)]
pub struct Rect {
    pub w: u64,
    pub h: u64,
    pub label: Noisy,
}

twin! {
    fn areas(n: u64) -> u64 {
        let mut k = 2;
        for i in 0..n {
            let r = Rect { w: i + 1, h: i + 2, label: Noisy::new(format!("rect {i}")) };
            let w = r.w;
            let h = r.h;
            yield_!(w * h);
            k = k * w + 1;
            yield_!(r.w + r.h + k);
            let half = r.w * 3;
            yield_!(half + r.label.name().len() as u64);
        }
    }
}

#[test]
fn numbers_with_a_number_beside_them_are_still_copies() {
    same_drops!(areas(3));
}
