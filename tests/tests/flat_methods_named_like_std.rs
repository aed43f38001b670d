//! Methods of the user's own types named like std methods, which the macro judges by name
//! (`count`, `max` take `self` on std types, `get` returns a borrow): on a value of the user's
//! type, wherever bound (a local, a parameter, a loop's item, a tuple pattern, a variant's
//! payload), the value and what they return drop where the plain function drops them.

use gen_tests::{Noisy, check, same_drops, twin};

mod common;
use common::named_like_std::{Pool, Stats};

/// A report whose `count` really takes it by value.
#[derive(Debug)]
pub struct Report(pub Noisy, pub usize);

impl Report {
    pub fn count(self) -> usize {
        self.1
    }
}

twin! {
    fn receivers_taken_by_reference(n: u32) -> usize {
        // A local made by a function of the user's: `count(&self)` leaves it in place.
        let stats = Stats::new("local", (0..n).collect());
        let count = stats.count();
        yield_!(count);
        let max = stats.max() as usize;
        yield_!(max);
        // A struct literal.
        let other = Stats {
            seen: vec![n],
            _noisy: Noisy::new("literal"),
        };
        let total = other.sum() as usize;
        for i in 0..n {
            yield_!(total + i as usize);
        }
    }
}

#[test]
fn a_method_named_like_a_consuming_one_leaves_the_local_in_place() {
    let log = same_drops!(receivers_taken_by_reference(2));
    assert_eq!(log[..3], ["yield 2", "yield 1", "yield 2"]);
    same_drops!(receivers_taken_by_reference(0));
    check!(receivers_taken_by_reference(3));
}

twin! {
    fn parameters_of_the_users_types(stats: Stats, pool: &Pool, n: u32) -> usize {
        let count = stats.count();
        yield_!(count);
        // `get` named like a borrowing std method, returning an owned connection.
        let conn = pool.get();
        let name_len = conn.name().len();
        for i in 0..n {
            yield_!(name_len + i as usize);
        }
        let peeked = pool.peek(n);
        let max = peeked.max();
        yield_!(max as usize);
    }
}

#[test]
fn values_of_parameters_of_the_users_types_drop_where_the_plain_function_drops_them() {
    let pool = Pool("p");
    let log = same_drops!(parameters_of_the_users_types(
        Stats::new("arg", vec![4, 5]),
        &pool,
        2
    ));
    assert_eq!(log[..4], ["yield 2", "yield 6", "yield 7", "yield 1"]);
    same_drops!(parameters_of_the_users_types(
        Stats::new("arg", vec![]),
        &pool,
        0
    ));
    check!(parameters_of_the_users_types(
        Stats::new("arg", vec![1]),
        &pool,
        3
    ));
}

twin! {
    fn a_consuming_method_of_the_users(n: usize) -> usize {
        // `count(self)`: the report drops inside the call, before the yield.
        let report = Report(Noisy::new("report"), n);
        let count = report.count();
        yield_!(count);
        yield_!(count + 1);
    }
}

#[test]
fn a_method_of_the_users_that_takes_self_still_moves_the_value() {
    let log = same_drops!(a_consuming_method_of_the_users(3));
    assert_eq!(log[..2], ["drop report", "yield 3"]);
    check!(a_consuming_method_of_the_users(1));
}

twin! {
    // `for pool in vec![..]` beside `for stats in [..]` is a shape under test.
    #[allow(clippy::useless_vec)]
    fn items_of_a_list_of_the_users_values(n: u32) -> usize {
        // A loop's items out of a list of constructors of the user's are values of the
        // user's type: `count(&self)` leaves the item in place to the end of the iteration.
        for stats in [Stats::new("a", vec![n]), Stats::new("b", vec![1, 2])] {
            let count = stats.count();
            yield_!(count);
            yield_!(stats.sum() as usize);
        }
        for pool in vec![Pool("v"), Pool("w")] {
            // `get` returning an owned value that drops at the end of the iteration.
            let conn = pool.get();
            let len = conn.name().len();
            yield_!(len);
            yield_!(len + 1);
        }
    }
}

#[test]
fn items_of_a_list_of_the_users_values_drop_at_the_end_of_their_iteration() {
    let log = same_drops!(items_of_a_list_of_the_users_values(3));
    assert_eq!(log[..4], ["yield 1", "yield 3", "drop a", "yield 2"]);
    check!(items_of_a_list_of_the_users_values(0));
    check!(items_of_a_list_of_the_users_values(1));
}

twin! {
    fn bound_by_a_tuple_pattern(n: u32) -> usize {
        // A tuple pattern binds a value of the user's constructor: `get` on it may return an
        // owned value, which drops at the end of its block (it dropped at the next yield).
        let (pool, (), k) = (Pool("t"), yield_!(7), n as usize);
        for i in 0..k {
            let conn = pool.get();
            let len = conn.name().len();
            yield_!(i + len);
        }
    }
}

#[test]
fn a_value_of_the_users_constructor_bound_by_a_tuple_pattern() {
    let log = same_drops!(bound_by_a_tuple_pattern(2));
    assert_eq!(log[..3], ["yield 7", "yield 6", "drop t conn"]);
    check!(bound_by_a_tuple_pattern(0));
}

twin! {
    fn moved_into_another_local(stats: Stats, n: u32) -> usize {
        // A value of the user's type moved into another local is still one.
        let kept = stats;
        if n > 0 {
            let count = kept.count();
            yield_!(count);
            yield_!(count + 1);
        }
        yield_!(2);
    }
}

#[test]
fn a_value_of_the_users_type_moved_into_another_local() {
    let log = same_drops!(moved_into_another_local(Stats::new("arg", vec![1]), 1));
    assert_eq!(log, ["yield 1", "yield 2", "yield 2", "drop arg"]);
    check!(moved_into_another_local(Stats::new("arg", vec![]), 0));
}

twin! {
    fn payload_of_a_users_value(n: u32) -> usize {
        // A value of the user's making taken whole out of a variant by the arm (`Ok(pool) |
        // Err(pool)`): `get` on it may return an owned value, which drops at the end of its
        // block (it dropped at the next yield).
        match if n.is_multiple_of(2) { Ok(Pool("even")) } else { Err(Pool("odd")) } {
            Ok(pool) | Err(pool) => {
                let conn = pool.get();
                let len = conn.name().len();
                yield_!(1);
                yield_!(len);
            }
        }
        if let Some(pool) = Some(Pool("some")) {
            let conn = pool.get();
            yield_!(conn.name().len());
            yield_!(3);
        }
    }
}

#[test]
fn a_users_value_taken_out_of_a_variant_keeps_what_its_get_returns() {
    let log = same_drops!(payload_of_a_users_value(1));
    assert_eq!(log[..3], ["yield 1", "yield 8", "drop odd conn"]);
    check!(payload_of_a_users_value(2));
}
