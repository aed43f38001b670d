//! An owned temporary a `match`, `if let` or `while let` scrutinee reads through (`match
//! xs.clone().as_slice()`, `match line.split(' ').collect::<Vec<_>>().as_slice()`, `if let Some(w) = s.to_uppercase().split(' ').next()`, `match
//! Noisy::new("t").name().len()`) lives until the construct ends, across its yields, as in the
//! plain function: a binding that borrows it and is dead at the yield is fine, and a
//! temporary whose `Drop` is visible drops after the consumer had the arm's items.

use gen_tests::{Noisy, check, same_drops, twin};

twin! {
    fn first_of_a_clone(xs: Vec<i32>) -> i32 {
        match xs.clone().as_slice() {
            [a, b, ..] => {
                yield_!(*a + *b);
                yield_!(0);
            }
            [a] => yield_!(*a),
            [] => {}
        }
        yield_!(xs.len() as i32);
    }
}

twin! {
    fn first_word_upper(s: String) -> usize {
        if let Some(w) = s.to_uppercase().split(' ').next() {
            let n = w.len();
            yield_!(n);
        } else {
            yield_!(99);
        }
        let mut k = 0;
        while let Some(at) = s.clone().trim_start_matches('a').find('x') {
            yield_!(at);
            k += 1;
            if k == 2 {
                break;
            }
        }
    }
}

twin! {
    fn word_of_a_format(n: u32) -> char {
        match format!("n{n}").chars().last() {
            Some(c) => {
                yield_!(c);
                yield_!('!');
            }
            None => yield_!('?'),
        }
    }
}

twin! {
    // The temporary has a `Drop` the test sees: it drops when the `match` ends.
    fn noisy_scrutinee(names: Vec<&'static str>) -> usize {
        for name in names {
            match Noisy::new(name).name().len() {
                0 => yield_!(0),
                n => {
                    yield_!(n);
                    gen_tests::log("arm end");
                }
            }
            gen_tests::log("after match");
        }
    }
}

twin! {
    // `if let` of edition 2024: the temporary is gone before the `else` block.
    fn noisy_if_let(names: Vec<&'static str>) -> usize {
        for name in names {
            if let Some(c) = Noisy::new(name).name().chars().next() {
                yield_!(c as usize);
                gen_tests::log("then end");
            } else {
                gen_tests::log("else");
                yield_!(0);
            }
        }
    }
}

twin! {
    fn noisy_while_let(n: usize) -> usize {
        let mut i = 0;
        while let Some(len) = Noisy::new(format!("w{i}")).name().len().checked_sub(n) {
            yield_!(len + i);
            i += 1;
            if i == 3 {
                break;
            }
        }
        gen_tests::log("after loop");
    }
}

twin! {
    // A `?` in the temporary's input (a macro's): the temporary is the user's own syntax.
    #[allow(clippy::single_match)]
    fallible fn checked_pair(a: u64, b: u64) -> Result<u64, u64> {
        match vec![a, checked(b)?].as_slice() {
            [x, y] => {
                let (x, y) = (*x, *y);
                yield_!(Ok(x));
                yield_!(Ok(y));
            }
            _ => {}
        }
    }
}

fn checked(b: u64) -> Result<u64, u64> {
    if b > 100 { Err(b) } else { Ok(b * 2) }
}

twin! {
    // Temporaries in an `else if let` chain and a `while let` left by `continue` and `break`.
    fn chains_and_jumps(names: Vec<&'static str>) -> usize {
        let mut i = 0;
        while let Some(len) = Noisy::new(format!("w{i}")).name().len().checked_sub(1) {
            i += 1;
            if i == 2 {
                continue;
            }
            if let Some(c) = Noisy::new("a").name().chars().next().filter(|_| len > 5) {
                yield_!(c as usize);
            } else if let Some(n) = names.clone().first().map(|n| n.len()) {
                yield_!(n);
                gen_tests::log("else if end");
            } else {
                yield_!(0);
            }
            if i == 4 {
                break;
            }
        }
    }
}

#[test]
fn a_binding_into_a_scrutinee_clone_may_be_used_before_a_yield() {
    assert_eq!(check!(first_of_a_clone(vec![3, 4, 5])), [7, 0, 3]);
    check!(first_of_a_clone(vec![9]));
    check!(first_of_a_clone(vec![]));
    assert_eq!(check!(first_word_upper("ab x".to_owned())), [2, 2, 2]);
    check!(first_word_upper(String::new()));
    check!(first_word_upper("aaa".to_owned()));
    assert_eq!(check!(word_of_a_format(42)), ['2', '!']);
    assert_eq!(check!(checked_pair(1, 4)), [Ok(1), Ok(8)]);
    assert_eq!(check!(checked_pair(1, 400)), [Err(400)]);
}

#[test]
fn a_scrutinee_temporary_drops_when_the_match_ends() {
    let log = same_drops!(noisy_scrutinee(vec!["ab", "", "c"]));
    assert_eq!(log[..4], ["yield 2", "arm end", "drop ab", "after match"]);
    check!(noisy_scrutinee(vec!["ab", "", "c"]));
}

#[test]
fn an_if_let_temporary_drops_before_else_and_after_then() {
    let log = same_drops!(noisy_if_let(vec!["a", ""]));
    assert_eq!(
        log,
        ["yield 97", "then end", "drop a", "drop ", "else", "yield 0"]
    );
    check!(noisy_if_let(vec!["a", "", "b"]));
}

#[test]
fn temporaries_in_else_if_let_chains_and_loops_left_early() {
    same_drops!(chains_and_jumps(vec!["xy", "z"]));
    same_drops!(chains_and_jumps(vec![]));
    check!(chains_and_jumps(vec!["xy"]));
}

#[test]
fn a_while_let_temporary_drops_at_the_end_of_each_iteration() {
    let log = same_drops!(noisy_while_let(1));
    assert_eq!(log[..3], ["yield 1", "drop w0", "yield 2"]);
    check!(noisy_while_let(1));
    check!(noisy_while_let(5));
}

/// A reader over text it borrows, whose `Drop` the test sees.
struct Lexer<'a> {
    src: &'a str,
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str) -> Self {
        gen_tests::log(format!("new {src}"));
        Lexer { src }
    }

    fn peek(&self) -> Option<&'a str> {
        self.src.split(' ').next()
    }

    /// Named like `Iterator::count`, which takes `self`; this one borrows.
    fn count(&self) -> usize {
        self.src.split(' ').count()
    }
}

impl Drop for Lexer<'_> {
    fn drop(&mut self) {
        gen_tests::log(format!("drop lexer {}", self.src));
    }
}

twin! {
    // The temporary borrows the generator's own argument and drops when the `match` ends,
    // after the arm's yields: valid as a plain fn, lowered `boxed`.
    fn user_temporary_borrowing_an_argument(src: String) -> &'static str {
        match Lexer::new(&src).peek() {
            Some("let") => {
                yield_!("keyword");
                gen_tests::log("arm end");
            }
            Some(_) => yield_!("word"),
            None => {}
        }
        yield_!("end");
    }
}

twin! {
    // The same through a local, in `if let` and `while let`, and a value of the user's
    // making that owns what it was made from (`Noisy::new(&name)`).
    fn user_temporaries_borrowing_locals(words: Vec<String>) -> usize {
        let text = words.join(" ");
        if let Some(w) = Lexer::new(&text).peek() {
            let n = w.len();
            yield_!(n);
            gen_tests::log("then end");
        } else {
            yield_!(0);
        }
        let mut i = 0;
        while let Some(w) = Lexer::new(&words[i % words.len()]).peek() {
            yield_!(w.len() + i);
            i += 1;
            if i == 3 {
                break;
            }
        }
        for name in words.clone() {
            match Noisy::new(&name).name().len() {
                0 => {}
                n => {
                    yield_!(n);
                    gen_tests::log("noisy arm end");
                }
            }
        }
    }
}

#[test]
fn a_temporary_of_the_users_making_that_may_borrow_a_local_drops_when_the_construct_ends() {
    let log = same_drops!(user_temporary_borrowing_an_argument("let x".to_owned()));
    assert_eq!(
        log,
        [
            "new let x",
            "yield \"keyword\"",
            "arm end",
            "drop lexer let x",
            "yield \"end\""
        ]
    );
    same_drops!(user_temporary_borrowing_an_argument("x".to_owned()));
    check!(user_temporary_borrowing_an_argument(String::new()));
    let words = || vec!["ab".to_owned(), "cde".to_owned()];
    let log = same_drops!(user_temporaries_borrowing_locals(words()));
    assert_eq!(
        log[..4],
        ["new ab cde", "yield 2", "then end", "drop lexer ab cde"]
    );
    assert!(log.contains(&"noisy arm end".to_owned()));
    check!(user_temporaries_borrowing_locals(words()));
}

twin! {
    // A method of the user's named like a std one that takes `self` (`count`), on a
    // temporary that borrows a local: it may borrow the temporary, which then lives to the
    // end of the `match` (lowered `boxed`).
    fn own_method_named_like_a_consuming_one(words: Vec<&'static str>) -> usize {
        let src = words.join(" ");
        match Lexer::new(&src).count() {
            0 => {}
            n => {
                yield_!(n);
                yield_!(n + 1);
            }
        }
    }
}

#[test]
fn a_users_method_named_like_a_consuming_std_one_keeps_its_temporary() {
    let log = same_drops!(own_method_named_like_a_consuming_one(vec!["a", "b"]));
    assert_eq!(
        log[..4],
        ["new a b", "yield 2", "yield 3", "drop lexer a b"]
    );
}

fn digits(s: &str) -> Result<Vec<u32>, u64> {
    s.chars()
        .map(|c| c.to_digit(10).ok_or(u64::from(c)))
        .collect()
}

fn probe(n: u64) -> Result<Noisy, u64> {
    if n == 9 {
        Err(n)
    } else {
        Ok(Noisy::new(format!("probe{n}")))
    }
}

twin! {
    // `?` on a function's value that a scrutinee or a `for` head reads through
    // (`match digits(s)?.as_slice()`): the value lives to the end of the construct, across
    // its yields, as in the plain function (the `?` returns where the plain one does).
    fallible fn unwrapped_function_values(inputs: Vec<&'static str>) -> Result<u64, u64> {
        for s in inputs {
            match digits(s)?.as_slice() {
                [] => yield_!(Ok(0)),
                [one] => yield_!(Ok(u64::from(*one))),
                [first, .., last] => {
                    yield_!(Ok(u64::from(*first)));
                    yield_!(Ok(u64::from(*last)));
                }
            }
            for d in digits(s)?.iter() {
                yield_!(Ok(u64::from(*d) + 100));
            }
            if let [first, ..] = digits(s)?.as_slice() {
                yield_!(Ok(u64::from(*first) + 200));
            }
        }
    }
}

twin! {
    // A temporary with a visible `Drop` behind a `?`: it drops after the arm's items.
    fallible fn unwrapped_probes(ns: Vec<u64>) -> Result<u64, u64> {
        for n in ns {
            match probe(n)?.name().len() {
                0 => yield_!(Ok(0)),
                v => {
                    gen_tests::log("arm");
                    yield_!(Ok(v as u64));
                }
            }
            gen_tests::log("after match");
        }
    }
}

#[test]
fn function_values_unwrapped_by_a_question_mark_live_to_the_end_of_the_construct() {
    assert_eq!(
        check!(unwrapped_function_values(vec!["7", "", "123", "4x"])),
        [
            Ok(7),
            Ok(107),
            Ok(207),
            Ok(0),
            Ok(1),
            Ok(3),
            Ok(101),
            Ok(102),
            Ok(103),
            Ok(201),
            Err(u64::from('x')),
        ]
    );
    check!(unwrapped_probes(vec![3, 12, 9, 4]));
    same_drops!(unwrapped_probes(vec![3, 12, 9, 4]));
}

twin! {
    // A collected temporary: its items (guards) drop when the `match` ends, after the arm's
    // items.
    fn collected_scrutinee(names: Vec<String>, line: &'static str) -> usize {
        match names.iter().map(Noisy::new).collect::<Vec<_>>().as_slice() {
            [first, ..] => {
                yield_!(first.name().len());
                gen_tests::log("arm end");
            }
            [] => yield_!(0),
        }
        if let [a, b, ..] = line.split(' ').collect::<Vec<_>>().as_slice() {
            yield_!(a.len() + b.len());
        }
        yield_!(99);
    }
}

#[test]
fn a_collected_scrutinee_lives_until_the_match_ends() {
    let names = || vec!["ab".to_string(), "c".to_string()];
    assert_eq!(check!(collected_scrutinee(names(), "x yy")), [2, 3, 99]);
    let log = same_drops!(collected_scrutinee(names(), "x yy"));
    let arm_end = log.iter().position(|e| e == "arm end");
    let dropped = log.iter().position(|e| e == "drop ab");
    assert!(arm_end < dropped, "{log:?}");
    check!(collected_scrutinee(Vec::new(), "one"));
}
