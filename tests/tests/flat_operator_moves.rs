//! Operands of arithmetic operators are taken by value (`Add::add(self, rhs)`,
//! `AddAssign::add_assign(&mut self, rhs)`, `Neg::neg(self)`): `total = total + m;` and
//! `total += m;` of a type that is not `Copy` move `m`, which must then not be kept across a
//! later yield (that was E0382 on the yield), and a value moved on only some paths drops
//! where the plain function drops it. Numbers are copies and stay usable. Every twin is
//! compared with the plain function for items and for drop order and timing.

// `total = total + m;` beside `total += m;` is the shape under test.
#![allow(clippy::assign_op_pattern)]

use std::ops::{Add, AddAssign, Neg, SubAssign};

use gen_tests::{Noisy, check, same_drops, twin};

/// An amount whose name shows in the drop log: the operators consume their operands, which
/// drop inside the operator, and make a value of a new name.
#[derive(Debug)]
pub struct Money {
    cents: i64,
    tag: Noisy,
}

fn money(name: &str, cents: i64) -> Money {
    Money {
        cents,
        tag: Noisy::new(name),
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        let name = format!("{}+{}", self.tag.name(), other.tag.name());
        money(&name, self.cents + other.cents)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, other: Money) {
        self.cents += other.cents;
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        money(&format!("-{}", self.tag.name()), -self.cents)
    }
}

impl Default for Money {
    fn default() -> Self {
        money("zero", 0)
    }
}

fn wallet(n: i64) -> Vec<Money> {
    (1..=n).map(|i| money(&format!("m{i}"), i)).collect()
}

twin! {
    fn running_sum(n: i64) -> i64 {
        let mut total = money("start", 0);
        for m in wallet(n) {
            total = total + m;
            yield_!(total.cents);
        }
    }
}

twin! {
    fn running_sum_in_place(n: i64) -> i64 {
        let mut total = money("start", 0);
        for m in wallet(n) {
            total += m;
            yield_!(total.cents);
        }
        yield_!(-total.cents);
    }
}

twin! {
    fn negated(n: i64) -> i64 {
        for m in wallet(n) {
            let owed = -m;
            yield_!(owed.cents);
        }
    }
}

// `m` is added on every other item only: on the others it lives to the end of the loop's
// body, after the yield.
twin! {
    fn some_added(n: i64) -> i64 {
        let mut total = money("start", 0);
        for m in wallet(n) {
            let even = m.cents % 2 == 0;
            if even {
                total = total + m;
            }
            yield_!(total.cents);
        }
    }
}

// The left operand is a clone, the right one moves; both locals read afterwards are
// numbers or the untouched left value.
twin! {
    fn pair_sums(n: i64) -> i64 {
        let base = money("base", 100);
        let step = 10;
        for m in wallet(n) {
            let sum = money("copy", base.cents) + m;
            yield_!(sum.cents + step);
            yield_!(base.cents * step);
        }
    }
}

fn prefix_sums_plain<T: Add<Output = T> + Clone + Default>(items: Vec<T>) -> Vec<T> {
    let mut out = Vec::new();
    let mut total = T::default();
    for x in items {
        total = total + x;
        out.push(total.clone());
    }
    out
}

#[gen_core::generator]
fn prefix_sums<T: Add<Output = T> + Clone + Default>(items: Vec<T>) -> impl Iterator<Item = T> {
    let mut total = T::default();
    for x in items {
        total = total + x;
        yield_!(total.clone());
    }
}

#[test]
fn an_operand_of_a_type_that_is_not_copy_is_moved_by_the_operator() {
    assert_eq!(check!(running_sum(3)), [1, 3, 6]);
    same_drops!(running_sum(3));
    assert_eq!(check!(running_sum_in_place(3)), [1, 3, 6, -6]);
    same_drops!(running_sum_in_place(3));
    assert_eq!(check!(negated(2)), [-1, -2]);
    same_drops!(negated(2));
    assert_eq!(check!(pair_sums(2)), [111, 1000, 112, 1000]);
    same_drops!(pair_sums(2));
}

#[test]
fn an_operand_moved_on_some_paths_drops_where_the_plain_function_drops_it() {
    assert_eq!(check!(some_added(4)), [0, 2, 2, 6]);
    let log = same_drops!(some_added(4));
    // `m1` is not added: it drops at the end of its iteration, after its item.
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(at("drop m1") > at("yield 0"), "{log:?}");
}

#[test]
fn a_generic_operand_is_moved_by_the_operator() {
    let items = vec![1u64, 2, 3];
    assert_eq!(
        prefix_sums(items.clone()).collect::<Vec<_>>(),
        prefix_sums_plain(items)
    );
    let strings = vec![String::from("a"), String::from("b")];
    // `String + String` does not exist; a wrapper with `Add` does.
    #[derive(Clone, Default, Debug, PartialEq)]
    struct Text(String);
    impl Add for Text {
        type Output = Text;
        fn add(self, other: Text) -> Text {
            Text(self.0 + &other.0)
        }
    }
    let texts: Vec<Text> = strings.into_iter().map(Text).collect();
    assert_eq!(
        prefix_sums(texts.clone()).collect::<Vec<_>>(),
        prefix_sums_plain(texts)
    );
}

impl SubAssign for Money {
    fn sub_assign(&mut self, other: Money) {
        self.cents -= other.cents;
    }
}

/// A row holding an amount and a tag of its own.
#[derive(Debug)]
pub struct Row {
    amount: Money,
    id: i64,
    _tag: Noisy,
}

fn rows(n: i64) -> Vec<Row> {
    (0..n)
        .map(|i| Row {
            amount: money(&format!("m{i}"), i),
            id: i,
            _tag: Noisy::new(format!("row{i}")),
        })
        .collect()
}

twin! {
    fn fields_added_into_a_value_of_the_users(n: i64) -> i64 {
        // `total += row.amount` into a `Money` moves the field out of the row, which keeps
        // its other fields to the end of the iteration (E0382 on the yield before).
        let mut total = money("total", 0);
        for row in rows(n) {
            total += row.amount;
            yield_!(row.id + total.cents);
        }
        let mut sum = Money { cents: 0, tag: Noisy::new("sum") };
        for row in rows(n) {
            sum += row.amount;
            yield_!(sum.cents);
        }
        let mut more = Money { cents: 0, tag: Noisy::new("more") };
        for row in rows(n) {
            more += row.amount;
            yield_!(more.cents);
            let _ = row.id;
        }
        // Numbers are still read in place.
        let mut ids = 0;
        for row in rows(n) {
            ids += row.id;
            yield_!(ids);
        }
    }
}

/// Bytes appended by `+=`, a value of the user's that is not `Copy`.
#[derive(Debug)]
pub struct Bytes(Vec<u8>);

impl AddAssign for Bytes {
    fn add_assign(&mut self, other: Bytes) {
        self.0.extend(other.0);
    }
}

/// A record whose bytes are appended and whose id stays.
#[derive(Debug)]
pub struct Record {
    data: Bytes,
    id: u32,
}

fn records(n: u8) -> Vec<Record> {
    (0..n)
        .map(|i| Record {
            data: Bytes(vec![i; usize::from(i)]),
            id: u32::from(i),
        })
        .collect()
}

twin! {
    fn appended_lengths(n: u8) -> usize {
        let mut all = Bytes(vec![]);
        for r in records(n) {
            all += r.data;
            yield_!(all.0.len());
        }
        let ids: u32 = records(n).iter().map(|r| r.id).sum();
        yield_!(ids as usize);
    }
}

twin! {
    fn added_into_a_value_of_unknown_type(n: i64) -> i64 {
        // `total` is no number the macro can see: `+=` takes the field by value.
        let mut total: Money = Default::default();
        for row in rows(n) {
            total += row.amount;
            yield_!(total.cents);
            yield_!(row.id);
        }
        let opening = money("opening", 100);
        let mut balance = opening;
        for row in rows(n) {
            balance -= row.amount;
            yield_!(balance.cents + row.id);
        }
    }
}

/// An amount without a `Drop` of its own, added by value.
#[derive(Debug)]
pub struct Cash(i64);

impl AddAssign for Cash {
    fn add_assign(&mut self, other: Cash) {
        self.0 += other.0;
    }
}

/// A transaction with an amount and an id.
#[derive(Debug)]
pub struct Txn {
    id: u32,
    amount: Cash,
}

fn make_txns(n: u32) -> Vec<Txn> {
    (0..n)
        .map(|i| Txn {
            id: i,
            amount: Cash(i64::from(i) * 5),
        })
        .collect()
}

twin! {
    fn running_totals(txns: Vec<Txn>, opening: Cash) -> i64 {
        let mut total = opening;
        for t in txns {
            total += t.amount;
            yield_!(total.0);
            yield_!(t.id as i64);
        }
    }
}

#[test]
fn a_field_added_into_a_value_of_the_users_type_is_moved() {
    check!(running_totals(make_txns(0), Cash(100)));
    check!(running_totals(make_txns(3), Cash(100)));
    same_drops!(added_into_a_value_of_unknown_type(3));
    check!(added_into_a_value_of_unknown_type(0));
    check!(appended_lengths(0));
    check!(appended_lengths(4));
    same_drops!(fields_added_into_a_value_of_the_users(3));
    check!(fields_added_into_a_value_of_the_users(0));
    check!(fields_added_into_a_value_of_the_users(2));
}
