//! Flat generators allocate nothing: creating and draining one (by `next()` or by the `fold`
//! fast path) makes no heap allocation. Their size is that of the live state: at most 16 bytes
//! for the one-`u32` counter, at most 40 for the nested-loop `pairs`.
//!
//! Counted by `allocation-counter`, whose global allocator keeps per-thread counts, so tests
//! running in parallel (and the harness) do not disturb each other.

use std::mem::size_of_val;

use gen_core::{generator, iter};

/// Number of heap allocations `f` made on this thread.
fn allocations<R>(f: impl FnOnce() -> R) -> (usize, R) {
    let mut out = None;
    let info = allocation_counter::measure(|| out = Some(f()));
    let count = usize::try_from(info.count_total).expect("count fits");
    (count, out.expect("`measure` runs its closure"))
}

#[generator]
fn counter(limit: u32) -> impl Iterator<Item = u32> {
    let mut current = 0;
    while current < limit {
        yield_!(current);
        current += 1;
    }
}

#[generator]
fn pairs(n: u32) -> impl Iterator<Item = u32> {
    for i in 0..n {
        for j in i + 1..n {
            yield_!(i * j);
        }
    }
}

#[generator]
fn tokens<'a>(text: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (start, c.is_whitespace()) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                yield_!(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        yield_!(&text[s..]);
    }
}

#[test]
#[allow(clippy::unnecessary_fold, reason = "`fold` is the path under test")]
fn the_counter_allocates_nothing() {
    let (n, sum) = allocations(|| {
        let mut g = counter(100);
        let mut sum = 0;
        for v in g.by_ref() {
            sum += v;
        }
        sum
    });
    assert_eq!((n, sum), (0, 4950));
    let (n, sum) = allocations(|| counter(100).sum::<u32>());
    assert_eq!((n, sum), (0, 4950));
    let (n, sum) = allocations(|| {
        let mut g = counter(100);
        let head = g.next().unwrap() + g.next().unwrap();
        head + g.fold(0, |a, b| a + b)
    });
    assert_eq!((n, sum), (0, 4950));
}

#[test]
fn nested_loops_and_borrowing_generators_allocate_nothing() {
    let (n, sum) = allocations(|| pairs(50).map(u64::from).sum::<u64>());
    let expected: u64 = (0..50u64)
        .flat_map(|i| (i + 1..50).map(move |j| i * j))
        .sum();
    assert_eq!((n, sum), (0, expected));
    let (n, count) = allocations(|| {
        let mut g = pairs(10);
        let mut count = 0;
        while g.next().is_some() {
            count += 1;
        }
        count
    });
    assert_eq!((n, count), (0, 45));
    let text = String::from("  zero alloc  tokenizer here ");
    let (n, lens) = allocations(|| tokens(&text).map(str::len).fold(0, |a, b| a * 100 + b));
    assert_eq!((n, lens), (0, 4_050_904));
    let (n, ()) = allocations(|| drop(pairs(9)));
    assert_eq!(n, 0, "creating and dropping allocates nothing");
}

#[test]
fn inline_generators_allocate_nothing() {
    let (n, sum) = allocations(|| {
        let k = 7u32;
        let g = iter! {
            for i in 0..k {
                yield i * 2;
            }
        };
        g.sum::<u32>()
    });
    assert_eq!((n, sum), (0, 42));
}

#[test]
fn the_counter_is_at_most_16_bytes() {
    let n = 10u32;
    let size = size_of_val(&counter(n));
    assert!(size <= 16, "counter is {size} bytes");
    let mut g = counter(n);
    g.next();
    assert_eq!(size_of_val(&g), size);
}

#[test]
fn pairs_is_at_most_40_bytes() {
    let size = size_of_val(&pairs(10u32));
    assert!(size <= 40, "pairs is {size} bytes");
}

#[test]
fn the_sanity_of_the_counting_allocator() {
    let (n, v) = allocations(|| vec![1u8; 3]);
    assert_eq!((n, v.len()), (1, 3));
}

fn first_line(s: &str) -> (&str, &str) {
    s.split_once('\n').unwrap_or((s, ""))
}

fn bad(line: usize) -> usize {
    line * 10
}

/// Calls whose results are references through an argument (`first_line(rest)`), or that
/// only make an item of an arm that leaves (`bad(n)`), keep a parser flat: a body is lowered
/// `boxed` only for a value that may hold a guard of the user's making and drop early.
#[generator]
fn pairs_of<'a>(text: &'a str) -> impl Iterator<Item = Result<(&'a str, &'a str), usize>> + 'a {
    let mut rest = text;
    let mut n = 0;
    while !rest.is_empty() {
        let (line, tail) = first_line(rest);
        rest = tail;
        n += 1;
        let (k, v) = match line.split_once('=') {
            Some(pair) => pair,
            None => {
                yield_!(Err(bad(n)));
                continue;
            }
        };
        yield_!(Ok((k, v)));
    }
}

#[test]
fn parsers_calling_functions_stay_flat() {
    let text = "a=1\nb\nc=3";
    let (n, errors) = allocations(|| pairs_of(text).filter_map(Result::err).sum::<usize>());
    assert_eq!((n, errors), (0, 20));
}

/// A collection whose generator methods are named like the std methods they call.
struct Shelf {
    items: Vec<u32>,
    text: String,
}

impl Shelf {
    #[generator]
    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        for x in self.items.iter() {
            yield_!(*x);
        }
    }

    #[generator]
    fn lines(&self) -> impl Iterator<Item = usize> + '_ {
        for l in self.text.lines() {
            yield_!(l.len());
        }
    }
}

#[test]
fn a_method_named_like_the_std_method_it_calls_stays_flat() {
    let shelf = Shelf {
        items: vec![1, 2, 3],
        text: "ab\nc".into(),
    };
    let (count, items) = allocations(|| shelf.iter().collect::<Vec<_>>().len());
    assert_eq!(items, 3);
    // The `Vec` the items are collected into, and no box for the generator.
    assert_eq!(count, 1);
    let (count, first) = allocations(|| shelf.lines().next());
    assert_eq!((count, first), (0, Some(2)));
}

/// A local named like its generator, looped over: no call of the generator, so flat.
#[generator]
fn words(text: &str) -> impl Iterator<Item = usize> + '_ {
    let words = text.split(' ');
    for w in words {
        yield_!(w.len());
    }
}

#[test]
fn a_local_named_like_its_generator_stays_flat() {
    let (count, first) = allocations(|| words("ab c").next());
    assert_eq!((count, first), (0, Some(2)));
}

/// A copy out of a reference into a local (`Some(&m)`), read after a yield that keeps the
/// local: it borrows no local, so flat.
#[generator]
fn maximum_copied_out(v: Vec<u32>) -> impl Iterator<Item = u32> {
    if let Some(&m) = v.iter().max() {
        yield_!(m);
        yield_!(m + 1);
    }
    yield_!(v.len() as u32);
}

#[test]
fn a_copy_out_of_a_reference_kept_across_a_yield_stays_flat() {
    let v = vec![3, 9, 4];
    let (count, first) = allocations(|| maximum_copied_out(v).next());
    assert_eq!((count, first), (0, Some(9)));
    let all: Vec<u32> = maximum_copied_out(vec![3, 9, 4]).collect();
    assert_eq!(all, [9, 10, 3]);
    assert_eq!(maximum_copied_out(Vec::new()).collect::<Vec<_>>(), [0]);
}

/// A value of a type parameter used by reference after the yields, and a closure parameter
/// called across them: valid bodies that stay flat (a use after a move of such a value is the
/// plain function's error, lowered `boxed` to report it once; these move nothing).
#[generator]
fn labelled<T: std::fmt::Display, F: Fn(u32) -> u32>(
    label: T,
    f: F,
    n: u32,
) -> impl Iterator<Item = (u32, usize)> {
    for i in 0..n {
        yield_!((f(i), label.to_string().len()));
    }
    let shown = &label;
    yield_!((f(n), shown.to_string().len()));
}

#[test]
fn generic_parameters_used_in_place_allocate_nothing_more_than_the_body() {
    // The body's own `to_string` allocates once per item; the generator adds nothing.
    let (n, items) = allocations(|| labelled('x', |i| i * 2, 3).collect::<Vec<_>>());
    assert_eq!(items, [(0, 1), (2, 1), (4, 1), (6, 1)]);
    let (plain, _) = allocations(|| {
        let mut out = Vec::new();
        for i in 0..4 {
            out.push((i * 2, 'x'.to_string().len()));
        }
        out
    });
    assert_eq!(n, plain);
}

/// A logging macro named through its crate (`log::debug!`) as a statement between yields
/// declares nothing: the generator stays flat.
mod log {
    macro_rules! debug {
        ($($t:tt)*) => {
            let _ = format_args!($($t)*);
        };
    }
    pub(crate) use debug;
}

#[generator]
fn logged(n: u32) -> impl Iterator<Item = u32> {
    for i in 0..n {
        log::debug!("item {i}");
        yield_!(i);
    }
}

#[test]
#[allow(
    clippy::unnecessary_fold,
    clippy::while_let_on_iterator,
    reason = "`fold` and `next()` are the paths under test"
)]
fn a_logging_statement_between_yields_allocates_nothing() {
    let (count, sum) = allocations(|| logged(4).fold(0, |a, b| a + b));
    assert_eq!((count, sum), (0, 6));
    let (count, sum) = allocations(|| {
        let mut g = logged(4);
        let mut sum = 0;
        while let Some(v) = g.next() {
            sum += v;
        }
        sum
    });
    assert_eq!((count, sum), (0, 6));
}

/// A `macro_rules!` of the body whose expansion has no `?`, `return`, `break`, `continue` or
/// `let` keeps the generator flat.
#[generator]
fn doubled_with_a_local_macro(n: u32) -> impl Iterator<Item = u32> {
    macro_rules! twice {
        ($e:expr) => {
            $e * 2
        };
    }
    for i in 0..n {
        yield_!(twice!(i));
    }
}

#[test]
fn a_plain_local_macro_allocates_nothing() {
    let (count, items) = allocations(|| {
        let mut g = doubled_with_a_local_macro(3);
        [g.next(), g.next(), g.next(), g.next()]
    });
    assert_eq!((count, items), (0, [Some(0), Some(2), Some(4), None]));
}

/// A value a function makes from plain data (no borrow of a local).
struct Probe(u32);

impl Probe {
    fn value(&self) -> Option<u32> {
        (self.0 > 0).then_some(self.0)
    }
}

fn probe(n: u32) -> Probe {
    Probe(n)
}

#[generator]
fn scrutinee_of_a_function(ns: Vec<u32>) -> impl Iterator<Item = u32> {
    for n in ns {
        match probe(n).value() {
            Some(v) => {
                yield_!(v);
                yield_!(v + 1);
            }
            None => yield_!(0),
        }
    }
}

#[generator]
fn lines_of_text_argument(text: &str) -> impl Iterator<Item = usize> + '_ {
    for line in text.lines() {
        yield_!(line.len());
    }
}

#[test]
fn scrutinee_temporaries_of_functions_and_lines_of_an_argument_stay_flat() {
    let ns = vec![2, 0, 5];
    let (n, sum) = allocations(|| scrutinee_of_a_function(ns).fold(0, |n, _| n + 1));
    assert_eq!((n, sum), (0, 5));
    let (n, lens) = allocations(|| lines_of_text_argument("ab\nc").collect::<Vec<_>>());
    assert_eq!((n, lens), (1, vec![2, 1]));
}
