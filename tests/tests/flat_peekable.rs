//! `Peekable` iterators kept across yields, peeked in the ways real code peeks: a `match` or
//! `if let` on `peek()` whose arm yields the next item, a tuple of two peeks (a merge of two
//! sorted inputs), and `next_if`. The borrow a peek holds ends before the yield, as in the
//! plain function. Each is checked against its plain twin (items, and drops with `Noisy`).

use gen_tests::{Noisy, check, same_drops, twin};

// A merge of two sorted inputs, on a tuple of peeks; the rest of either input yielded whole.
twin! {
    fn merge(a: Vec<u32>, b: Vec<u32>) -> u32 {
        let _guard = Noisy::new("merge");
        let mut a = a.into_iter().peekable();
        let mut b = b.into_iter().peekable();
        loop {
            match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x <= y => yield_!(a.next().unwrap()),
                (Some(_), Some(_)) => yield_!(b.next().unwrap()),
                (Some(_), None) => {
                    yield_from!(a);
                    break;
                }
                (None, Some(_)) => {
                    yield_from!(b);
                    break;
                }
                (None, None) => break,
            }
        }
    }
}

// Positive numbers up to the first zero: `match` on a peek with a guard.
twin! {
    fn positive_prefix(v: Vec<u32>) -> u32 {
        let mut it = v.into_iter().peekable();
        loop {
            match it.peek() {
                Some(x) if *x > 0 => yield_!(it.next().unwrap()),
                _ => break,
            }
        }
        yield_!(it.count() as u32);
    }
}

// `if let` on a peek, the peeked value copied out before the yield.
twin! {
    fn runs(v: Vec<u32>) -> (u32, u32) {
        let mut it = v.into_iter().peekable();
        while let Some(first) = it.next() {
            let mut count = 1;
            while let Some(x) = it.peek() {
                if *x != first {
                    break;
                }
                count += 1;
                it.next();
            }
            if let Some(next) = it.peek() {
                let next = *next;
                yield_!((first, count));
                yield_!((next, 0));
            } else {
                yield_!((first, count));
            }
        }
    }
}

// `next_if` and `next_if_eq`, which take the item only when it matches.
twin! {
    fn words_and_spaces(text: &'static str) -> String {
        let mut chars = text.chars().peekable();
        while chars.peek().is_some() {
            let mut word = String::new();
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                word.push(c);
            }
            if !word.is_empty() {
                yield_!(word);
            }
            let mut spaces = 0;
            while chars.next_if_eq(&' ').is_some() {
                spaces += 1;
            }
            if spaces > 0 {
                yield_!(format!("{spaces} spaces"));
            }
        }
    }
}

#[test]
fn a_merge_on_a_tuple_of_peeks() {
    assert_eq!(
        check!(merge(vec![1, 3, 5, 9], vec![2, 3, 4])),
        vec![1, 2, 3, 3, 4, 5, 9]
    );
    same_drops!(merge(vec![1, 3, 5, 9], vec![2, 3, 4]));
    same_drops!(merge(vec![], vec![2]));
}

#[test]
fn a_match_on_a_peek_whose_arm_takes_the_item() {
    assert_eq!(check!(positive_prefix(vec![3, 1, 0, 5, 6])), vec![3, 1, 3]);
}

#[test]
fn an_if_let_on_a_peek_copied_before_the_yield() {
    assert_eq!(
        check!(runs(vec![1, 1, 2, 3, 3, 3])),
        vec![(1, 2), (2, 0), (2, 1), (3, 0), (3, 3)]
    );
}

#[test]
fn next_if_takes_only_matching_items() {
    assert_eq!(
        check!(words_and_spaces("ab  c d")),
        vec!["ab", "2 spaces", "c", "1 spaces", "d"]
    );
}

// A parser that reads a header with `for .. in lines.by_ref()` (the loop advances the local
// itself, as `while let Some(..) = lines.next()` does) and then the rest of the same iterator.
twin! {
    fn head_then_body(raw: &'static str) -> String {
        let _guard = Noisy::new("parser");
        let mut lines = raw.split('\n');
        let Some(status) = lines.next() else { return };
        yield_!(format!("status {status}"));
        'head: for line in lines.by_ref() {
            let item = Noisy::new(line);
            if line.is_empty() {
                break 'head;
            }
            if line.starts_with('#') {
                continue;
            }
            yield_!(format!("header {line}"));
            drop(item);
        }
        let body: Vec<&str> = lines.collect();
        yield_!(format!("body {}", body.join("|")));
    }
}

#[test]
fn a_loop_over_by_ref_advances_the_local_across_yields() {
    let raw = "200 OK\nA: 1\n#x\nB: 2\n\nline 1\nline 2";
    assert_eq!(
        check!(head_then_body(raw)),
        [
            "status 200 OK",
            "header A: 1",
            "header B: 2",
            "body line 1|line 2"
        ]
    );
    same_drops!(head_then_body(raw));
    same_drops!(head_then_body("204\nA: 1"));
}

twin! {
    fn skip_while_small(values: Vec<u32>) -> u32 {
        let mut it = values.into_iter();
        for x in it.by_ref() {
            if x >= 3 {
                yield_!(x);
                break;
            }
        }
        yield_from!(it);
    }
}

twin! {
    fn pairs_until_zero(data: &'static [u8]) -> usize {
        let mut chunks = data.chunks(2);
        for c in chunks.by_ref() {
            yield_!(c.len());
            if c[0] == 0 {
                break;
            }
        }
        yield_!(chunks.count());
    }
}

#[test]
fn loops_over_by_ref_of_iterator_locals() {
    assert_eq!(check!(skip_while_small(vec![1, 5, 2, 7])), [5, 2, 7]);
    assert_eq!(check!(skip_while_small(vec![1, 2])), Vec::<u32>::new());
    assert_eq!(check!(pairs_until_zero(&[1, 2, 0, 4, 5, 6, 7])), [2, 2, 2]);
    assert_eq!(check!(pairs_until_zero(&[1, 2, 3])), [2, 1, 0]);
}

// `for c in &mut it` over an iterator local (`iter()`, an adapter, a range, an element of a
// tuple literal, a name bound twice to iterators) or an iterator parameter advances it
// itself, as `it.by_ref()` does; `&mut v` of a `Vec` stays a loop over its elements.
twin! {
    #[allow(clippy::never_loop)]
    fn mut_borrow_loops(data: &'static [u8]) -> u8 {
        let mut it = data.iter().copied();
        for c in &mut it {
            yield_!(c);
            if c == 0 {
                break;
            }
        }
        yield_!(it.count() as u8);
        let (mut r, mut v) = (0..5u8, vec![1u8, 2]);
        for i in &mut r {
            yield_!(i);
            if i == 1 {
                break;
            }
        }
        for x in &mut v {
            *x += 10;
        }
        yield_!(r.len() as u8 + v[0]);
        let words = data.iter();
        let mut words = words.skip(1);
        for w in &mut words {
            yield_!(*w + 100);
            break;
        }
    }
}

#[test]
fn loops_over_mut_borrows_of_iterators() {
    assert_eq!(
        check!(mut_borrow_loops(&[3, 0, 7])),
        [3, 0, 1, 0, 1, 14, 100]
    );
    assert_eq!(check!(mut_borrow_loops(&[])), [0, 0, 1, 14]);
}

fn generic_until<I: Iterator<Item = u8>>(it: I) -> impl Iterator<Item = u8> {
    until_zero_param(it)
}

#[gen_core::generator]
fn until_zero_param<I>(mut it: I) -> impl Iterator<Item = u8>
where
    I: Iterator<Item = u8>,
{
    for c in &mut it {
        yield_!(c);
        if c == 0 {
            break;
        }
    }
    yield_!(it.count() as u8);
}

#[gen_core::generator]
fn until_zero_impl(mut it: impl Iterator<Item = u8>) -> impl Iterator<Item = u8> {
    for c in &mut it {
        yield_!(c);
        if c == 0 {
            break;
        }
    }
    yield_!(it.count() as u8);
}

#[test]
fn loops_over_mut_borrows_of_iterator_parameters() {
    assert_eq!(
        generic_until(vec![5, 0, 1, 2].into_iter()).collect::<Vec<_>>(),
        [5, 0, 2]
    );
    assert_eq!(
        until_zero_impl(vec![5, 0, 1].into_iter()).collect::<Vec<_>>(),
        [5, 0, 1]
    );
}

#[gen_core::generator]
#[allow(clippy::never_loop)]
fn until_zero_typed(
    mut rest: std::vec::IntoIter<u8>,
    mut boxed: Box<dyn Iterator<Item = u8>>,
    mut chars: std::iter::Peekable<std::str::Chars<'static>>,
) -> impl Iterator<Item = u8> {
    for c in &mut rest {
        yield_!(c);
        if c == 0 {
            break;
        }
    }
    for c in &mut boxed {
        yield_!(c + 10);
        break;
    }
    for c in &mut chars {
        yield_!(c as u8);
        if chars.peek() == Some(&'!') {
            break;
        }
    }
    yield_!((rest.len() + boxed.count() + chars.count()) as u8);
}

#[test]
fn loops_over_mut_borrows_of_std_iterator_parameters() {
    assert_eq!(
        until_zero_typed(
            vec![5, 0, 1].into_iter(),
            Box::new(vec![1, 2, 3].into_iter()),
            "ab!c".chars().peekable()
        )
        .collect::<Vec<_>>(),
        [5, 0, 11, b'a', b'b', 5]
    );
}

// `for x in &mut it` over a local the macro cannot tell from a collection (the result of a
// function of the user's, a parameter of the user's iterator type) steps
// `it` itself when it is an iterator, with every exit of the loop (`break`, a labelled
// `continue`, the end) leaving `it` usable; items that drop (`Noisy`) drop at the end of
// their iteration, as in the plain loop.
fn noisy_digits(data: &'static [u8]) -> impl Iterator<Item = Noisy> {
    data.iter()
        .map(|&d| Noisy::new(if d == 0 { "zero" } else { "digit" }))
}

#[derive(Debug)]
pub struct Letters {
    text: &'static str,
    at: usize,
}

impl Iterator for Letters {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        let c = self.text[self.at..].chars().next()?;
        self.at += c.len_utf8();
        Some(c)
    }
}

twin! {
    fn unknown_iterator_locals(data: &'static [u8], text: &'static str) -> usize {
        let mut letters = Letters { text, at: 0 };
        let mut it = noisy_digits(data);
        for n in &mut it {
            yield_!(n.name().len());
            if n.name() == "zero" {
                break;
            }
        }
        let _after = Noisy::new("after");
        yield_!(it.count());
        'words: for c in &mut letters {
            if c == ' ' {
                continue 'words;
            }
            yield_!(c as usize);
            if c == ';' {
                break 'words;
            }
        }
        yield_!(letters.at);
    }
}

#[test]
fn loops_over_mut_borrows_of_iterators_the_macro_cannot_see() {
    assert_eq!(
        check!(unknown_iterator_locals(&[3, 0, 7], "a b;cd")),
        [5, 4, 1, 97, 98, 59, 4]
    );
    same_drops!(unknown_iterator_locals(&[3, 0, 7], "a b;cd"));
    assert_eq!(
        check!(unknown_iterator_locals(&[], "a b;cd")),
        [0, 97, 98, 59, 4]
    );
}

#[gen_core::generator]
fn letters_until_semicolon(mut letters: Letters) -> impl Iterator<Item = char> {
    for c in &mut letters {
        if c == ';' {
            break;
        }
        yield_!(c);
    }
    yield_!(char::from(b'0' + letters.at as u8));
}

#[test]
fn a_loop_over_a_mut_borrow_of_a_parameter_of_the_users_iterator_type() {
    let letters = Letters {
        text: "ab;c",
        at: 0,
    };
    assert_eq!(letters_until_semicolon(letters).collect::<String>(), "ab3");
}
