//! `match (a.peek(), b.peek())` over peekable iterators of opaque types (`impl Iterator + '_`
//! a helper function or another generator returns) with an arm that yields: the merge of two
//! sorted sources, as the plain function writes it. (The copy the generator runs for `fold`
//! used to be rejected: "`evens::{opaque#0}` does not live long enough".)

use gen_core::{generator, iter};

fn evens(v: &[u32]) -> impl Iterator<Item = u32> + '_ {
    v.iter().copied().filter(|x| x % 2 == 0)
}

fn odds(v: &[u32]) -> impl Iterator<Item = u32> + '_ {
    v.iter().copied().filter(|x| x % 2 == 1)
}

/// The plain function: the oracle.
fn merged_plain(v: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    let mut a = evens(v).peekable();
    let mut b = odds(v).peekable();
    loop {
        match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x <= y => out.push(a.next().unwrap()),
            (Some(_), Some(_)) => out.push(b.next().unwrap()),
            (Some(_), None) => out.push(a.next().unwrap()),
            (None, Some(_)) => out.push(b.next().unwrap()),
            (None, None) => break,
        }
    }
    out
}

#[generator]
fn merged<'a>(v: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let mut a = evens(v).peekable();
    let mut b = odds(v).peekable();
    loop {
        match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x <= y => yield_!(a.next().unwrap()),
            (Some(_), Some(_)) => yield_!(b.next().unwrap()),
            (Some(_), None) => yield_!(a.next().unwrap()),
            (None, Some(_)) => yield_!(b.next().unwrap()),
            (None, None) => break,
        }
    }
}

#[generator]
fn numbers(v: Vec<u32>) -> impl Iterator<Item = u32> {
    for x in v {
        yield_!(x);
    }
}

/// Two generators merged by a third.
#[generator]
fn merged_generators(a: Vec<u32>, b: Vec<u32>) -> impl Iterator<Item = u32> {
    let mut a = numbers(a).peekable();
    let mut b = numbers(b).peekable();
    loop {
        match (a.peek(), 0) {
            (Some(&x), _) if b.peek().is_none_or(|&y| x <= y) => yield_!(a.next().unwrap()),
            (None, _) if b.peek().is_none() => break,
            (_, _) => yield_!(b.next().unwrap()),
        }
    }
}

#[test]
fn a_generator_merges_peeked_opaque_iterators() {
    let v = [5, 2, 8, 1, 4, 7, 3];
    let want = merged_plain(&v);
    assert_eq!(merged(&v).collect::<Vec<_>>(), want);
    // The copy `fold` runs, and the state machine after a first item.
    let mut folded = Vec::new();
    merged(&v).for_each(|x| folded.push(x));
    assert_eq!(folded, want);
    let mut g = merged(&v);
    let first = g.next();
    assert_eq!(first.into_iter().chain(g).collect::<Vec<_>>(), want);
}

#[test]
fn a_generator_merges_two_generators() {
    let (a, b) = (vec![1, 4, 9], vec![2, 3, 10, 11]);
    let mut want: Vec<u32> = a.iter().chain(&b).copied().collect();
    want.sort_unstable();
    assert_eq!(
        merged_generators(a.clone(), b.clone()).collect::<Vec<_>>(),
        want
    );
    let mut folded = Vec::new();
    merged_generators(a, b).for_each(|x| folded.push(x));
    assert_eq!(folded, want);
}

#[test]
fn an_iter_block_merges_peeked_opaque_iterators() {
    let v = vec![6, 3, 2, 9];
    let want = merged_plain(&v);
    let w = &v;
    let it = iter! {
        let mut a = evens(w).peekable();
        let mut b = odds(w).peekable();
        loop {
            match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x <= y => yield a.next().unwrap(),
                (Some(_), Some(_)) => yield b.next().unwrap(),
                (Some(_), None) => yield a.next().unwrap(),
                (None, Some(_)) => yield b.next().unwrap(),
                (None, None) => break,
            }
        }
    };
    assert_eq!(it.collect::<Vec<_>>(), want);
}
