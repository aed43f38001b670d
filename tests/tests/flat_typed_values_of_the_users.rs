//! A value whose written type is the user's: a `let` with the type written out (`let mut
//! stats: Stats = Default::default();`), a parameter of a type parameter bounded by a trait of
//! the user's (`acc: A` with `A: Accumulator`), an `impl Accumulator` parameter, a `where`
//! clause. A method of it named like a std method that borrows (`finish`) may take `self`;
//! the generator compiles and runs as the plain function (items, drops at every early stop).

use gen_tests::{Noisy, check, log, twin};

#[derive(Debug, Default)]
pub struct Stats {
    pub n: u32,
}

impl Stats {
    pub fn finish(self) -> String {
        format!("n={}", self.n)
    }
}

pub trait Accumulator {
    fn add(&mut self, x: u32);
    fn finish(self) -> String;
}

/// Sums what it is given; logs its drop.
#[derive(Debug)]
pub struct Sum {
    pub total: u32,
    _noisy: Noisy,
}

impl Sum {
    pub fn new(name: &str) -> Sum {
        Sum {
            total: 0,
            _noisy: Noisy::new(name),
        }
    }
}

impl Accumulator for Sum {
    fn add(&mut self, x: u32) {
        self.total += x;
    }

    fn finish(self) -> String {
        log(format!("finish {}", self.total));
        self.total.to_string()
    }
}

twin! {
    fn summary(xs: Vec<u32>) -> String {
        let mut stats: Stats = Default::default();
        for x in xs {
            stats.n += x;
            yield_!(x.to_string());
        }
        let s = stats.finish();
        yield_!(s);
    }
}

twin! {
    fn summary_of_a_fresh_value(xs: Vec<u32>) -> String {
        let fresh = Stats::default();
        let mut stats: Stats = fresh;
        for x in xs {
            stats.n += x;
            yield_!(x.to_string());
        }
        yield_!(stats.finish());
    }
}

#[test]
fn a_let_of_a_written_type_of_the_users_consumed_by_its_method() {
    assert_eq!(check!(summary(vec![1, 2])), ["1", "2", "n=3"]);
    assert_eq!(check!(summary(Vec::new())), ["n=0"]);
    assert_eq!(
        check!(summary_of_a_fresh_value(vec![4, 5])),
        ["4", "5", "n=9"]
    );
}

#[gen_core::generator]
fn running<A: Accumulator>(xs: Vec<u32>, acc: A) -> impl Iterator<Item = String> {
    let mut acc = acc;
    for x in xs {
        acc.add(x);
        yield_!(x.to_string());
    }
    yield_!(acc.finish());
}

/// The plain twin of `running`, stopped where `take(budget)` stops the generator: before
/// the operand of the item after the last one taken is evaluated.
fn running_plain<A: Accumulator>(xs: Vec<u32>, acc: A, budget: usize) {
    let mut left = budget;
    macro_rules! item {
        ($e:expr) => {{
            if left == 0 {
                return;
            }
            log(format!("yield {:?}", $e));
            left -= 1;
            let _ = left;
        }};
    }
    let mut acc = acc;
    for x in xs {
        acc.add(x);
        item!(x.to_string());
    }
    item!(acc.finish());
}

#[gen_core::generator]
fn running_impl(xs: Vec<u32>, mut acc: impl Accumulator) -> impl Iterator<Item = String> {
    for x in xs {
        acc.add(x);
        yield_!(x.to_string());
    }
    let last = acc.finish();
    yield_!(last);
}

#[gen_core::generator]
fn running_where<A>(xs: Vec<u32>, mut acc: A) -> impl Iterator<Item = String>
where
    A: Accumulator + std::fmt::Debug,
{
    for x in xs {
        acc.add(x);
        yield_!(x.to_string());
    }
    yield_!(acc.finish());
}

#[test]
fn a_generic_value_of_a_users_trait_consumed_by_its_method() {
    for budget in 0..4 {
        let _ = gen_tests::take_log();
        for item in running(vec![1, 2], Sum::new("acc")).take(budget) {
            log(format!("yield {item:?}"));
        }
        let generator = gen_tests::take_log();
        running_plain(vec![1, 2], Sum::new("acc"), budget);
        assert_eq!(generator, gen_tests::take_log(), "after {budget} items");
    }
    running_plain(vec![1, 2], Sum::new("acc"), 3);
    assert_eq!(
        gen_tests::take_log(),
        [
            "yield \"1\"",
            "yield \"2\"",
            "finish 3",
            "drop acc",
            "yield \"3\""
        ]
    );
    let out: Vec<String> = running_impl(vec![3], Sum::new("i")).collect();
    assert_eq!(out, ["3", "3"]);
    let out: Vec<String> = running_where(vec![2, 2], Sum::new("w")).collect();
    assert_eq!(out, ["2", "2", "4"]);
    // Stopped before the end: the accumulator drops with the generator, never finished.
    let _ = gen_tests::take_log();
    let first: Vec<String> = running_impl(vec![1, 2], Sum::new("early"))
        .take(1)
        .collect();
    assert_eq!(first, ["1"]);
    assert_eq!(gen_tests::take_log(), ["drop early"]);
}
