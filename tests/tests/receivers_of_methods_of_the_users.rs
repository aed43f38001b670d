//! A value of the user's type whose last use is a method the macro cannot see (`let total =
//! stats.finish();`, `let req = builder.build();`), still in scope at a later yield: the
//! method may take `self` (the value is gone) or `&self` (it drops at the end of its block),
//! and the generator behaves as the plain function either way. Items and drops compared with
//! the plain twin at every early stop.

use gen_tests::{Noisy, same_drops, twin};

/// Takes `self`: the guard drops inside `finish`.
#[derive(Debug)]
pub struct Stats {
    pub n: u64,
    pub guard: Noisy,
}

impl Stats {
    pub fn finish(self) -> u64 {
        self.n
    }
}

/// Takes `&self`: the guard drops at the end of the block.
#[derive(Debug)]
pub struct Meter {
    pub n: u64,
    pub guard: Noisy,
}

impl Meter {
    pub fn finish(&self) -> u64 {
        self.n * 2
    }
}

#[derive(Debug)]
pub struct Request {
    pub url: String,
    pub guard: Noisy,
}

#[derive(Debug)]
pub struct RequestBuilder {
    pub url: String,
}

impl RequestBuilder {
    pub fn build(self) -> Request {
        Request {
            guard: Noisy::new(format!("request {}", self.url)),
            url: self.url,
        }
    }
}

twin! {
    fn consumed_by_its_method(xs: Vec<u64>) -> u64 {
        let mut stats = Stats { n: 0, guard: Noisy::new("stats") };
        for x in xs {
            stats.n += x;
            yield_!(x);
        }
        let total = stats.finish();
        yield_!(total);
        yield_!(0);
    }
}

twin! {
    fn borrowed_by_its_method(xs: Vec<u64>) -> u64 {
        let mut meter = Meter { n: 0, guard: Noisy::new("meter") };
        for x in xs {
            meter.n += x;
            yield_!(x);
        }
        let total = meter.finish();
        yield_!(total);
        yield_!(0);
    }
}

twin! {
    fn built_then_sent(urls: Vec<String>) -> usize {
        for url in urls {
            let builder = RequestBuilder { url };
            let req = builder.build();
            yield_!(req.url.len());
            yield_!(req.guard.name().len());
        }
    }
}

#[test]
fn a_method_of_the_users_that_takes_self() {
    same_drops!(consumed_by_its_method(vec![1, 2]));
    same_drops!(built_then_sent(vec!["ab".into(), "c".into()]));
}

#[test]
fn a_method_of_the_users_that_takes_a_reference() {
    let log = same_drops!(borrowed_by_its_method(vec![3]));
    // The meter lives to the end of the body, after the last item.
    assert_eq!(
        log.last().map(String::as_str),
        Some("drop meter"),
        "{log:?}"
    );
}

/// A queue of the user's whose `iter` returns owned items.
#[derive(Debug)]
pub struct Queue {
    pub jobs: Vec<String>,
    pub guard: Noisy,
}

impl Queue {
    pub fn iter(&self) -> std::vec::IntoIter<String> {
        self.jobs.clone().into_iter()
    }
}

pub fn queue(n: usize) -> Queue {
    Queue {
        jobs: (0..n).map(|i| format!("job {i}")).collect(),
        guard: Noisy::new("queue"),
    }
}

twin! {
    fn yielded_from_a_method_of_the_users(q: Queue) -> String {
        yield_from!(q.iter());
        for j in q.iter().skip(1) {
            yield_!(j);
        }
        yield_from!(q.iter().map(|j| j.to_uppercase()));
    }
}

#[test]
fn a_method_of_the_users_named_iter_through_adapters_and_yield_from() {
    same_drops!(yielded_from_a_method_of_the_users(queue(3)));
    same_drops!(yielded_from_a_method_of_the_users(queue(0)));
}
