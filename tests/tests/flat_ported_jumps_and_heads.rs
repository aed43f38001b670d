//! Ported code that the flat lowering once rejected although the plain function compiles:
//! statements after a `break`/`continue` in a loop that yields (dead code left while
//! editing), a `for` loop over a collection collected from a text's `chars()`/`bytes()`,
//! `for x in src.by_ref()` over a `&mut I` parameter, `for x in it.by_ref().take(n)` (a
//! header, then the rest, also as `yield_from!(it.by_ref().take(n))`), and items of a type the signature
//! cannot name (`impl Fn`, `impl Future`, an adapter holding a closure). Each is compared
//! with the plain function, or with the values the plain code computes.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use gen_core::{generator, iter};
use gen_tests::{Noisy, check, same_drops, twin};

twin! {
    #[allow(unreachable_code)]
    #[allow(clippy::never_loop)]
    fn first_of_each(rows: Vec<Vec<u32>>) -> u32 {
        for row in rows {
            for x in row {
                yield_!(x);
                break;
                yield_!(x + 100);
            }
            yield_!(0);
        }
    }
}

twin! {
    #[allow(unreachable_code)]
    fn skip_after_yield(v: Vec<u32>) -> u32 {
        let guard = Noisy::new("guard");
        for x in v {
            if x % 2 == 0 {
                yield_!(x);
                continue;
                yield_!(x * 10);
            }
            let odd = Noisy::new("odd");
            yield_!(x + odd.name().len() as u32);
            return;
            drop(odd);
            yield_!(1000);
        }
        drop(guard);
    }
}

#[test]
fn dead_code_after_break_continue_and_return_in_a_loop_that_yields() {
    assert_eq!(
        check!(first_of_each(vec![vec![1, 2], vec![], vec![3]])),
        [1, 0, 0, 3, 0]
    );
    assert_eq!(check!(skip_after_yield(vec![2, 4, 5, 6])), [2, 4, 8]);
    same_drops!(skip_after_yield(vec![2, 4, 5, 6]));
}

twin! {
    fn chars_collected(word: String) -> char {
        for c in word.chars().rev().collect::<Vec<char>>() {
            yield_!(c);
        }
        for b in word.bytes().collect::<Vec<_>>() {
            yield_!(b as char);
        }
        let first = word.chars().next();
        let mut word = word;
        word.push('!');
        yield_!(first.unwrap_or('?'));
        yield_!(word.chars().last().unwrap_or('?'));
    }
}

#[test]
fn a_loop_over_what_a_texts_chars_collect_into() {
    assert_eq!(
        check!(chars_collected("ab".to_string())),
        ['b', 'a', 'a', 'b', 'a', '!']
    );
}

/// The plain function: the same loops, pushing instead of yielding.
fn drain_by_ref_plain<I: Iterator<Item = u32>>(src: &mut I, stop: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for x in src.by_ref() {
        out.push(x);
        if x == stop {
            break;
        }
    }
    out.push(src.count() as u32);
    out
}

#[generator]
fn drain_by_ref<I: Iterator<Item = u32>>(src: &mut I, stop: u32) -> impl Iterator<Item = u32> {
    for x in src.by_ref() {
        yield_!(x);
        if x == stop {
            break;
        }
    }
    yield_!(src.count() as u32);
}

#[generator]
fn drain_by_ref_impl(src: &mut impl Iterator<Item = u32>) -> impl Iterator<Item = u32> {
    for x in src.by_ref() {
        yield_!(x * 2);
    }
}

#[test]
fn by_ref_over_a_mutable_reference_parameter_needs_no_mut() {
    let mut a = 1..8;
    let mut b = 1..8;
    assert_eq!(
        drain_by_ref(&mut a, 3).collect::<Vec<_>>(),
        drain_by_ref_plain(&mut b, 3)
    );
    assert_eq!(a, b);
    let mut c = 0..3;
    assert_eq!(drain_by_ref_impl(&mut c).collect::<Vec<_>>(), [0, 2, 4]);
    assert_eq!(c.next(), None);
}

twin! {
    fn header_then_rows(lines: Vec<String>, header: usize) -> String {
        let mut it = lines.into_iter();
        for h in it.by_ref().take(header) {
            yield_!(format!("H {h}"));
        }
        for r in it {
            yield_!(format!("R {r}"));
        }
    }
}

// The same as `yield_from!`, over a `Peekable` too.
twin! {
    fn header_then_rows_from(lines: Vec<String>, header: usize) -> String {
        let mut it = lines.into_iter();
        yield_from!(it.by_ref().take(header));
        yield_!(String::from("--"));
        yield_from!(it.by_ref());
    }
}

twin! {
    fn skip_zeros_by_pairs(v: Vec<u32>) -> u32 {
        let mut it = v.into_iter().peekable();
        loop {
            match it.peek() {
                Some(&0) => {
                    it.next();
                }
                Some(_) => yield_from!(it.by_ref().take(2)),
                None => return,
            }
        }
    }
}

fn firsts_plain<I: Iterator<Item = u32>>(src: &mut I, n: usize) -> Vec<u32> {
    let mut out = Vec::new();
    'outer: for x in src.by_ref().take(n) {
        if x == 99 {
            continue 'outer;
        }
        out.push(x);
        if x == 50 {
            break;
        }
    }
    out.push(src.count() as u32);
    out
}

#[generator]
fn firsts<I: Iterator<Item = u32>>(src: &mut I, n: usize) -> impl Iterator<Item = u32> {
    'outer: for x in src.by_ref().take(n) {
        if x == 99 {
            continue 'outer;
        }
        yield_!(x);
        if x == 50 {
            break;
        }
    }
    yield_!(src.count() as u32);
}

#[test]
fn a_loop_over_the_first_items_of_an_iterator_it_then_goes_on_with() {
    let lines = |n: usize| (0..n).map(|i| format!("l{i}")).collect::<Vec<_>>();
    for (n, header) in [(4, 2), (4, 0), (2, 9), (0, 1)] {
        check!(header_then_rows(lines(n), header));
        check!(header_then_rows_from(lines(n), header));
    }
    assert_eq!(
        check!(skip_zeros_by_pairs(vec![0, 1, 2, 3, 0, 0, 4])),
        [1, 2, 3, 0, 4]
    );
    for (items, n) in [
        (vec![1, 99, 2, 50, 7, 8], 5),
        (vec![1, 99, 2], 2),
        (vec![], 3),
    ] {
        let (mut a, mut b) = (items.clone().into_iter(), items.into_iter());
        assert_eq!(
            firsts(&mut a, n).collect::<Vec<_>>(),
            firsts_plain(&mut b, n)
        );
    }
}

#[generator]
fn adders(n: u32) -> impl Iterator<Item = impl Fn(u32) -> u32> {
    for i in 0..n {
        yield_!(move |x: u32| x + i);
    }
}

#[generator]
fn doubled_later(n: u32) -> impl Iterator<Item = impl Future<Output = u32>> {
    for i in 0..n {
        yield_!(async move { i * 2 });
    }
}

#[generator]
fn scaled(v: Vec<u32>) -> impl Iterator<Item = impl Iterator<Item = u32>> {
    for k in 1..3 {
        let copy = v.clone();
        yield_!(copy.into_iter().map(move |x| x * k));
    }
}

fn ready<F: Future<Output = u32>>(f: F) -> u32 {
    let mut f = pin!(f);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the future awaits nothing"),
    }
}

#[test]
fn items_of_closures_futures_and_adapters_made_in_the_body() {
    let applied: Vec<u32> = adders(3).map(|f| f(10)).collect();
    assert_eq!(applied, [10, 11, 12]);
    // `fold`-based consumers of a generator that has not started.
    let mut total = 0;
    adders(3).for_each(|f| total += f(1));
    assert_eq!(total, 1 + 2 + 3);
    assert_eq!(doubled_later(4).map(ready).sum::<u32>(), 2 * (1 + 2 + 3));
    let sums: Vec<u32> = scaled(vec![1, 2]).map(|m| m.sum()).collect();
    assert_eq!(sums, [3, 6]);
    let n = 4;
    let block = iter! {
        for i in 0..n {
            yield move |x: u32| x * i;
        }
    };
    assert_eq!(block.map(|f| f(3)).collect::<Vec<_>>(), [0, 3, 6, 9]);
}
