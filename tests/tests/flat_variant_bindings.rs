//! An enum variant pattern that binds a field by value and leaves the others in the matched
//! value (`St::Busy { n, .. }`, `Ev::Pair(n, _)`, `guard: _`), in a `match` arm, an `if let`,
//! a `while let`, a `let .. else` or a `let` chain: a binding used as a number is a copy, and
//! the value (a local, a loop variable, a `mem::replace` scrutinee kept across the arm's
//! yields) drops where the plain function drops it. A binding that owns data (a token's
//! `String`) moves out, as in the plain function. Every twin is compared with the plain
//! function, for items and for drop order and timing.

use gen_tests::{Noisy, check, same_drops, twin};

#[derive(Debug)]
pub enum St {
    Idle,
    Busy { n: usize, guard: Noisy },
}

#[derive(Debug)]
pub enum Ev {
    Pair(usize, Noisy),
    Other,
}

fn busy(name: &str, n: usize) -> St {
    St::Busy {
        n,
        guard: Noisy::new(name),
    }
}

// A local matched for a number; the guard left in it drops at the end of the body.
twin! {
    fn local_scrutinee(n: usize) -> usize {
        let st = busy("g", n);
        let n = match st {
            St::Busy { n, .. } => n,
            St::Idle => 0,
        };
        yield_!(n);
        yield_!(n + 1);
    }
}

// A state machine: the state taken out with `mem::replace` and matched, the arm yielding.
twin! {
    fn replaced_state(steps: usize) -> usize {
        let mut st = busy("start", 1);
        for i in 0..steps {
            match std::mem::replace(&mut st, St::Idle) {
                St::Busy { n, guard: _ } => {
                    yield_!(n);
                    yield_!(n * 10);
                    st = busy(&format!("s{i}"), n + 1);
                }
                St::Idle => yield_!(0),
            }
        }
    }
}

// A loop variable matched with a tuple variant; `_` leaves its guard until the iteration ends.
twin! {
    fn events(n: usize) -> usize {
        let evs: Vec<Ev> = (0..n)
            .map(|i| if i % 2 == 0 { Ev::Pair(i, Noisy::new(format!("e{i}"))) } else { Ev::Other })
            .collect();
        for e in evs {
            match e {
                Ev::Pair(k, _) => yield_!(k),
                Ev::Other => yield_!(99),
            }
            yield_!(100);
        }
    }
}

// `if let` with `..`: the guard stays in `st` until the end of the body.
twin! {
    fn if_let(n: usize) -> usize {
        let st = busy("g", n);
        if let St::Busy { n, .. } = st {
            yield_!(n);
            yield_!(n + 1);
        }
        yield_!(0);
    }
}

// `if let .. else if let`: the second pattern reads the value the first left whole.
twin! {
    #[allow(clippy::manual_is_multiple_of)]
    fn if_let_else_if_let(n: usize) -> usize {
        let ev = if n % 2 == 0 { Ev::Pair(n, Noisy::new("e")) } else { Ev::Other };
        let st = busy("s", n);
        if let Ev::Pair(k, _) = ev {
            yield_!(k);
        } else if let St::Busy { n: m, guard: _ } = st {
            yield_!(m * 2);
        }
        yield_!(1);
    }
}

// `while let` over a state the body replaces: each old state drops at its assignment, the
// last one at the end of the body.
twin! {
    fn while_let(n: usize) -> usize {
        let mut ev = Ev::Pair(0, Noisy::new("w0"));
        while let Ev::Pair(k, _) = ev {
            yield_!(k);
            ev = if k + 1 < n {
                Ev::Pair(k + 1, Noisy::new(format!("w{}", k + 1)))
            } else {
                Ev::Other
            };
            yield_!(100);
        }
        yield_!(7);
    }
}

// `let .. else`, with `guard: _`.
twin! {
    fn let_else(n: usize) -> usize {
        let st = if n > 0 { busy("l", n) } else { St::Idle };
        let St::Busy { n, guard: _ } = st else {
            return;
        };
        yield_!(n);
        yield_!(n + 1);
    }
}

// A `let` chain: a condition, then the pattern, then a test of its binding.
twin! {
    fn let_chain(n: usize, on: bool) -> usize {
        let st = busy("c", n);
        if on && let St::Busy { n, .. } = st && n > 2 {
            yield_!(n);
        }
        yield_!(0);
    }
}

#[test]
fn if_let_while_let_and_let_else_keep_the_value_whole() {
    assert_eq!(check!(if_let(4)), [4, 5, 0]);
    let log = same_drops!(if_let(4));
    assert_eq!(log.last().map(String::as_str), Some("drop g"));
    for n in [2, 3] {
        check!(if_let_else_if_let(n));
        let log = same_drops!(if_let_else_if_let(n));
        let at = |e: &str| log.iter().position(|x| x == e).expect(e);
        assert!(at("drop s") > at("yield 1"), "{log:?}");
    }
    assert_eq!(check!(while_let(3)), [0, 100, 1, 100, 2, 100, 7]);
    let log = same_drops!(while_let(3));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(
        at("drop w0") < at("yield 1") && at("drop w2") < at("yield 7"),
        "{log:?}"
    );
    assert_eq!(check!(let_else(5)), [5, 6]);
    let log = same_drops!(let_else(5));
    assert_eq!(log.last().map(String::as_str), Some("drop l"));
    assert!(check!(let_else(0)).is_empty());
    for on in [true, false] {
        check!(let_chain(5, on));
        let log = same_drops!(let_chain(5, on));
        assert_eq!(log.last().map(String::as_str), Some("drop c"));
    }
}

/// A token as a tokenizer makes it: the text owns data, the position is plain.
#[derive(Debug)]
pub enum Token {
    Ident(String, usize),
    Num(i64, usize),
    Punct { ch: char, at: usize },
}

fn tokens(text: &str) -> Vec<Token> {
    text.split_whitespace()
        .enumerate()
        .map(|(at, w)| match w.parse() {
            Ok(n) => Token::Num(n, at),
            Err(_) if w.len() == 1 && !w.as_bytes()[0].is_ascii_alphanumeric() => Token::Punct {
                ch: w.chars().next().unwrap_or(' '),
                at,
            },
            Err(_) => Token::Ident(w.to_string(), at),
        })
        .collect()
}

// The identifier moves out of each token (a `String` is not a number): the pattern moves the
// token, as the plain function's does.
twin! {
    fn idents_match(text: String) -> String {
        for tok in tokens(&text) {
            match tok {
                Token::Ident(name, _) => yield_!(name),
                Token::Num(n, _) => yield_!(n.to_string()),
                Token::Punct { .. } => {}
            }
        }
    }
}

twin! {
    fn idents_if_let(text: String) -> String {
        for tok in tokens(&text) {
            if let Token::Ident(name, _) = tok {
                yield_!(name);
            }
        }
    }
}

twin! {
    fn idents_while_let(text: String) -> String {
        let mut rest = tokens(&text).into_iter();
        let mut tok = rest.next().unwrap_or(Token::Num(0, 0));
        while let Token::Ident(name, _) = tok {
            yield_!(name);
            tok = rest.next().unwrap_or(Token::Num(0, 0));
        }
    }
}

twin! {
    fn puncts_let_else(text: String) -> char {
        for tok in tokens(&text) {
            let Token::Punct { ch, .. } = tok else { continue };
            yield_!(ch);
        }
    }
}

#[test]
fn a_binding_that_owns_data_moves_out_of_its_token() {
    let text = || "let x = 42 ; y z".to_string();
    assert_eq!(check!(idents_match(text())), ["let", "x", "42", "y", "z"]);
    assert_eq!(check!(idents_if_let(text())), ["let", "x", "y", "z"]);
    assert_eq!(check!(idents_while_let(text())), ["let", "x"]);
    assert_eq!(check!(puncts_let_else(text())), ['=', ';']);
}

#[test]
fn a_variant_binding_is_a_copy_and_the_value_keeps_its_other_fields() {
    assert_eq!(check!(local_scrutinee(4)), [4, 5]);
    let log = same_drops!(local_scrutinee(4));
    assert_eq!(log.last().map(String::as_str), Some("drop g"));
    assert_eq!(check!(replaced_state(2)), [1, 10, 2, 20]);
    same_drops!(replaced_state(2));
    assert_eq!(check!(events(3)), [0, 100, 99, 100, 2, 100]);
    let log = same_drops!(events(3));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(at("drop e0") > at("yield 100"), "{log:?}");
}

#[derive(Debug)]
pub enum Entry {
    File { name: String, size: u64 },
    Dir { name: String, children: Vec<Entry> },
}

// A variant's field bound out of a reference popped from a stack of `(depth, &Entry)`
// tuples, in a generator that stays flat (a type parameter, a lifetime on the returned
// type): `name` is a `&String`, nothing moves.
#[gen_core::generator]
fn find<'a, P: Fn(&str) -> bool + 'a>(
    root: &'a Entry,
    pred: P,
) -> impl Iterator<Item = String> + 'a {
    let mut stack: Vec<(usize, &Entry)> = vec![(0, root)];
    while let Some((depth, e)) = stack.pop() {
        match e {
            Entry::Dir { children, name } => {
                yield_!(format!("{depth}/{name}/"));
                for c in children.iter().rev() {
                    stack.push((depth + 1, c));
                }
            }
            Entry::File { name, .. } => {
                if pred(name) {
                    yield_!(format!("{depth}/{name}"));
                }
            }
        }
    }
}

#[test]
fn fields_bound_out_of_references_in_a_stack_of_tuples() {
    let file = |name: &str, size| Entry::File {
        name: name.into(),
        size,
    };
    let tree = Entry::Dir {
        name: "r".into(),
        children: vec![
            file("a.rs", 1),
            Entry::Dir {
                name: "d".into(),
                children: vec![file("b.rs", 2), file("c.txt", 3)],
            },
        ],
    };
    assert_eq!(
        find(&tree, |n| n.ends_with(".rs")).collect::<Vec<_>>(),
        ["0/r/", "1/a.rs", "1/d/", "2/b.rs"]
    );
    if let Entry::File { size, .. } = file("x", 4) {
        assert_eq!(size, 4);
    }
}

fn keep(name: &str) -> bool {
    name.ends_with(".rs")
}

// The same field bound out of references that adapters hand on (`iter().enumerate()`,
// `iter().zip(0..)`, `enumerate().filter(..)`) and that an iterator local of a reference
// argument gives (`let mut it = entries.iter(); while let Some(e) = it.next()`), in the
// default flat generator: references, nothing moves.
#[gen_core::generator]
fn enumerated_files(entries: &[Entry]) -> impl Iterator<Item = String> + '_ {
    for (i, e) in entries.iter().enumerate() {
        if let Entry::File { name, .. } = e
            && keep(name)
        {
            yield_!(format!("{i}:{name}"));
        }
    }
}

#[gen_core::generator]
fn zipped_files(entries: &[Entry]) -> impl Iterator<Item = String> + '_ {
    for (e, i) in entries.iter().zip(10..) {
        if let Entry::File { name, .. } = e
            && keep(name)
        {
            yield_!(format!("{i}:{name}"));
        }
    }
}

#[gen_core::generator]
fn filtered_dirs(entries: &[Entry]) -> impl Iterator<Item = String> + '_ {
    for (i, e) in entries.iter().enumerate().filter(|(i, _)| *i != 0) {
        if let Entry::Dir { name, .. } = e {
            yield_!(format!("{i}:{name}/"));
            yield_!(name.clone());
        }
    }
}

// `while let .. = it.next()` is the shape under test (clippy prefers a `for` loop).
#[allow(clippy::while_let_on_iterator)]
#[gen_core::generator]
fn stepped_files(entries: &[Entry]) -> impl Iterator<Item = String> + '_ {
    let mut it = entries.iter();
    while let Some(e) = it.next() {
        if let Entry::File { name, .. } = e
            && keep(name)
        {
            yield_!(name.clone());
        }
    }
}

#[test]
fn fields_bound_out_of_references_adapters_hand_on() {
    let entries = vec![
        Entry::File {
            name: "a.rs".into(),
            size: 1,
        },
        Entry::Dir {
            name: "d".into(),
            children: Vec::new(),
        },
    ];
    assert_eq!(enumerated_files(&entries).collect::<Vec<_>>(), ["0:a.rs"]);
    assert_eq!(zipped_files(&entries).collect::<Vec<_>>(), ["10:a.rs"]);
    assert_eq!(filtered_dirs(&entries).collect::<Vec<_>>(), ["1:d/", "d"]);
    assert_eq!(stepped_files(&entries).collect::<Vec<_>>(), ["a.rs"]);
}
