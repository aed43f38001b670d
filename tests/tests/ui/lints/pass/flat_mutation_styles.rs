//! A `mut` the body needs, in every way real code mutates a local or a parameter kept across
//! yields, draws no "does not need to be mutable" warning (`#![deny(warnings)]`), and each
//! generator still yields what the plain code computes.
#![deny(warnings)]

use std::collections::{BTreeMap, VecDeque};
use std::fmt::Write as _;

use gen_core::generator;

pub trait Bump {
    fn bump(&mut self) -> u32;
}

impl Bump for u32 {
    fn bump(&mut self) -> u32 {
        *self += 1;
        *self
    }
}

#[generator]
fn through_closure(mut count: u32) -> impl Iterator<Item = u32> {
    yield_!(count);
    let mut add = |n: u32| count += n;
    add(2);
    yield_!(count);
}

#[generator]
fn through_ref_mut_pattern(mut slot: Option<u32>) -> impl Iterator<Item = u32> {
    yield_!(slot.unwrap_or(0));
    if let Some(ref mut v) = slot {
        *v += 10;
    }
    yield_!(slot.unwrap_or(0));
}

#[generator]
fn through_as_mut() -> impl Iterator<Item = u32> {
    let mut slot = Some(1u32);
    yield_!(slot.unwrap_or(0));
    if let Some(v) = slot.as_mut() {
        *v += 1;
    }
    yield_!(slot.unwrap_or(0));
}

#[generator]
fn through_trait_method(mut n: u32) -> impl Iterator<Item = u32> {
    yield_!(n);
    yield_!(n.bump());
    yield_!(n);
}

#[generator]
fn through_iter_mut() -> impl Iterator<Item = u32> {
    let mut values = vec![1u32, 2, 3];
    yield_!(values.len() as u32);
    for v in values.iter_mut() {
        *v *= 2;
    }
    for v in &mut values {
        *v += 1;
    }
    yield_!(values.iter().sum());
}

#[generator]
fn through_swap_and_reborrow() -> impl Iterator<Item = u32> {
    let mut a = 1u32;
    let mut b = 2u32;
    yield_!(a);
    std::mem::swap(&mut a, &mut b);
    let r = &mut a;
    *r += 5;
    yield_!(a + b);
}

#[generator]
fn through_entry_and_macros() -> impl Iterator<Item = String> {
    let mut counts = BTreeMap::new();
    let mut out = String::new();
    let mut queue = VecDeque::new();
    for word in ["a", "b", "a"] {
        *counts.entry(word).or_insert(0u32) += 1;
        queue.push_back(word);
        yield_!(word.to_string());
    }
    while let Some(word) = queue.pop_front() {
        write!(out, "{word}{}", counts[word]).unwrap();
        yield_!(out.clone());
    }
}

#[generator]
#[allow(clippy::match_single_binding)] // the plain function's lint, as written
fn through_match_on_mut_ref(mut pair: (u32, Vec<u32>)) -> impl Iterator<Item = u32> {
    yield_!(pair.0);
    match &mut pair {
        (n, list) => {
            *n += 1;
            list.push(*n);
        }
    }
    yield_!(pair.0 + pair.1.len() as u32);
}

#[generator]
fn through_field_assign() -> impl Iterator<Item = u32> {
    struct Pos {
        x: u32,
    }
    let mut pos = Pos { x: 0 };
    yield_!(pos.x);
    pos.x += 3;
    yield_!(pos.x);
}

#[generator]
fn through_destructuring_assignment() -> impl Iterator<Item = u32> {
    let (mut a, mut b) = (0u32, 1u32);
    while a < 20 {
        yield_!(a);
        (a, b) = (b, a + b);
    }
}

#[generator]
fn through_fn_mut_parameter(mut keep: impl FnMut(u32) -> bool) -> impl Iterator<Item = u32> {
    for n in 0..6 {
        if keep(n) {
            yield_!(n);
        }
    }
}

#[generator]
#[allow(clippy::needless_range_loop)] // the plain function's lint, as written
fn through_index_mut(n: usize) -> impl Iterator<Item = usize> {
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    for i in 0..n {
        adj[i].push(i);
        yield_!(i);
    }
    yield_!(adj.iter().map(Vec::len).sum());
}

#[generator]
fn through_pattern_binding(batches: Vec<(u32, Vec<u32>)>) -> impl Iterator<Item = u32> {
    for (base, mut items) in batches {
        while let Some(x) = items.pop() {
            yield_!(base + x);
        }
    }
}

// `Option::take()` takes `&mut self` (`Iterator::take(n)` consumes): the `mut` of a parameter
// or a local whose last use is a `take()` in the scrutinee of an arm that yields is needed.
#[generator]
fn through_option_take(mut note: Option<String>) -> impl Iterator<Item = String> {
    if let Some(n) = note.take() {
        yield_!(n);
    }
    let mut later = Some(String::from("later"));
    match later.take() {
        Some(l) => yield_!(l),
        None => yield_!(String::from("none")),
    }
}

// `any`, `all` and `position` advance the iterator they are called on.
#[generator]
fn through_iterator_searches(mut it: std::vec::IntoIter<u32>) -> impl Iterator<Item = usize> {
    let p = it.position(|x| x == 3);
    yield_!(p.unwrap_or(9));
    let mut rest = it;
    while rest.any(|x| x % 2 == 0) {
        yield_!(rest.len());
    }
    let mut tail = vec![1u32, 2].into_iter();
    if tail.all(|x| x > 0) {
        yield_!(tail.len());
    }
}

/// A job whose retries the generator counts.
pub struct Job {
    pub id: u32,
    pub retries: u32,
}

#[generator]
fn through_for_pattern(jobs: Vec<Job>) -> impl Iterator<Item = u32> {
    for mut job in jobs {
        yield_!(job.id);
        job.retries += 1;
        yield_!(job.retries);
    }
}

#[generator]
fn through_while_let_pattern(mut queue: Vec<Job>) -> impl Iterator<Item = u32> {
    while let Some(mut job) = queue.pop() {
        yield_!(job.id);
        if job.retries == 0 {
            job.retries += 1;
            queue.insert(0, job);
        }
    }
}

#[generator]
fn through_if_let_and_match_patterns(
    first: Option<Job>,
    second: Option<Job>,
) -> impl Iterator<Item = u32> {
    if let Some(mut job) = first {
        yield_!(job.id);
        job.retries += 2;
        yield_!(job.retries);
    }
    match second {
        Some(mut job) => {
            yield_!(job.id);
            job.id *= 10;
            yield_!(job.id);
        }
        None => yield_!(0),
    }
}

pub fn main() {
    assert_eq!(through_index_mut(3).collect::<Vec<_>>(), [0, 1, 2, 3]);
    assert_eq!(
        through_pattern_binding(vec![(10, vec![1, 2]), (20, vec![3])]).collect::<Vec<_>>(),
        [12, 11, 23]
    );
    assert_eq!(through_closure(1).collect::<Vec<_>>(), [1, 3]);
    assert_eq!(through_ref_mut_pattern(Some(1)).collect::<Vec<_>>(), [1, 11]);
    assert_eq!(through_as_mut().collect::<Vec<_>>(), [1, 2]);
    assert_eq!(through_trait_method(4).collect::<Vec<_>>(), [4, 5, 5]);
    assert_eq!(through_iter_mut().collect::<Vec<_>>(), [3, 15]);
    assert_eq!(through_swap_and_reborrow().collect::<Vec<_>>(), [1, 8]);
    assert_eq!(
        through_entry_and_macros().collect::<Vec<_>>(),
        ["a", "b", "a", "a2", "a2b1", "a2b1a2"]
    );
    assert_eq!(through_match_on_mut_ref((1, vec![])).collect::<Vec<_>>(), [1, 3]);
    assert_eq!(through_field_assign().collect::<Vec<_>>(), [0, 3]);
    assert_eq!(
        through_destructuring_assignment().collect::<Vec<_>>(),
        [0, 1, 1, 2, 3, 5, 8, 13]
    );
    let mut calls = 0;
    let odd = through_fn_mut_parameter(|n| {
        calls += 1;
        n % 2 == 1
    });
    assert_eq!(odd.collect::<Vec<_>>(), [1, 3, 5]);
    assert_eq!(calls, 6);
    assert_eq!(through_option_take(Some("a".into())).collect::<Vec<_>>(), ["a", "later"]);
    assert_eq!(
        through_iterator_searches(vec![1, 3, 4, 5, 6, 7].into_iter()).collect::<Vec<_>>(),
        [1, 3, 1, 0]
    );
    let jobs = || vec![Job { id: 1, retries: 0 }, Job { id: 2, retries: 5 }];
    assert_eq!(through_for_pattern(jobs()).collect::<Vec<_>>(), [1, 1, 2, 6]);
    assert_eq!(through_while_let_pattern(jobs()).collect::<Vec<_>>(), [2, 1, 1]);
    let both = through_if_let_and_match_patterns(jobs().pop(), Some(Job { id: 3, retries: 0 }));
    assert_eq!(both.collect::<Vec<_>>(), [2, 7, 3, 30]);
}
