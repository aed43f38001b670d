//! `gen_core::iter! { ... }`: an inline generator expression (`impl Iterator`) that captures
//! by move like a `move` closure, accepts `yield_!(v)`, `yield_from!(it)` and the `yield v`
//! keyword, and runs nothing until the first `next`.

use gen_core::{generator, iter};
use gen_tests::{check_iter, log, take_log};

#[test]
fn yield_macro_and_yield_keyword() {
    check_iter(&[1, 2, 3], || iter! { yield_!(1); yield 2; yield_!(3) });
    check_iter(&[0, 10, 1, 11], || {
        iter! {
            for i in 0..2 {
                yield i;
                yield_!(i + 10);
            }
        }
    });
    check_iter(&[7], || iter! { yield 7 });
    check_iter(&[] as &[u8], || iter! { if false { yield 1u8 } });
}

#[test]
fn captures_by_move_and_consumes_a_captured_vec() {
    let make = || {
        let v = vec![1, 2];
        iter! {
            for x in v {
                yield x;
            }
        }
    };
    check_iter(&[1, 2], make);

    let words = vec!["a".to_string(), "bc".to_string()];
    let g = iter! {
        for w in words {
            yield w.len();
        }
    };
    // `words` moved into the generator; it lives as long as the generator, not this scope.
    assert_eq!(g.collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn captures_copies_at_creation() {
    let mut n = 3;
    let g = iter! {
        for i in 0..n {
            yield i;
        }
    };
    n += 10;
    assert_eq!(g.collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(n, 13);
}

#[test]
fn captures_references_and_borrows_through_them() {
    let text = String::from("one two three");
    let t = &text;
    let make = || {
        iter! {
            for w in t.split(' ') {
                if w.len() == 3 {
                    yield w;
                }
            }
        }
    };
    check_iter(&["one", "two"], make);
    assert_eq!(text.len(), 13);
}

fn evens(v: Vec<u32>) -> impl Iterator<Item = u32> {
    iter! {
        for x in v {
            if x % 2 == 0 {
                yield x;
            }
        }
    }
}

#[test]
fn returned_from_a_function() {
    check_iter(&[2, 4], || evens(vec![1, 2, 3, 4]));
    check_iter(&[], || evens(vec![]));
}

#[test]
fn lazy_until_first_next() {
    let _ = take_log();
    let mut g = iter! {
        log("start");
        yield 1;
        log("after 1");
        yield 2;
        log("end");
    };
    assert!(take_log().is_empty(), "creating an iter! must run nothing");
    assert_eq!(g.next(), Some(1));
    assert_eq!(take_log(), ["start"]);
    assert_eq!(g.next(), Some(2));
    assert_eq!(g.next(), None);
    assert_eq!(take_log(), ["after 1", "end"]);
    assert_eq!(g.next(), None);
    assert!(take_log().is_empty(), "a finished iter! must run nothing");
}

#[test]
fn control_flow_inside_iter() {
    let make = |limit: u32| {
        iter! {
            let mut state = 0u32;
            'outer: loop {
                state = match state {
                    s if s >= limit => break 'outer,
                    s if s % 3 == 0 => {
                        yield_from!(0..s);
                        s + 1
                    }
                    s => {
                        let Some(h) = s.checked_sub(1) else { continue 'outer };
                        yield h * 100;
                        s + 1
                    }
                };
            }
            yield 9999;
        }
    };
    let expected = |limit: u32| {
        let mut out = Vec::new();
        let mut state = 0u32;
        while state < limit {
            if state.is_multiple_of(3) {
                out.extend(0..state);
            } else {
                out.push((state - 1) * 100);
            }
            state += 1;
        }
        out.push(9999);
        out
    };
    for limit in [0, 1, 2, 5, 8] {
        check_iter(&expected(limit), || make(limit));
    }
}

#[test]
fn iter_of_non_copy_items_and_zipping_two() {
    let a = iter! {
        for s in ["x", "y", "z"] {
            yield s.repeat(2);
        }
    };
    let b = iter! {
        let mut n = 0;
        loop {
            n += 1;
            yield n;
        }
    };
    let zipped: Vec<(String, i32)> = a.zip(b).collect();
    assert_eq!(
        zipped,
        [
            ("xx".to_string(), 1),
            ("yy".to_string(), 2),
            ("zz".to_string(), 3)
        ]
    );
}

#[generator]
fn outer_with_inline(n: u32) -> impl Iterator<Item = u32> {
    for i in 0..n {
        let squares = iter! {
            for j in 0..i {
                yield j * j;
            }
        };
        yield_!(i);
        yield_from!(squares);
    }
}

#[test]
fn iter_inside_a_generator_body() {
    check_iter(&[0, 1, 0, 2, 0, 1], || outer_with_inline(3));
}

// Regression: a nested `iter!` inside another macro's input moves what it captures, and its
// yields belong to it, not to the outer generator.
#[generator]
fn nested_iter_in_format(v: Vec<u32>) -> impl Iterator<Item = String> {
    let s = format!(
        "{:?}",
        iter! { for x in v { yield x * 2; } }.collect::<Vec<_>>()
    );
    yield_!(s);
}

#[test]
fn nested_iter_inside_a_macro_moves_its_captures() {
    assert_eq!(
        nested_iter_in_format(vec![1, 2]).collect::<Vec<_>>(),
        ["[2, 4]"]
    );
}

// Regression: a local named only inside a format string of a nested `iter!` is captured by it
// (moved), not read in place by the outer generator, which then keeps nothing of it.
#[generator]
fn nested_iter_captures_a_format_argument(count: u32) -> impl Iterator<Item = String> {
    let label = String::from("L");
    let inner = iter! {
        for c in 0..count {
            yield format!("{label}.{c}");
        }
    };
    yield_!(String::from("start"));
    yield_from!(inner);
    let tail = String::from("T");
    yield_!(tail.clone());
    let again = iter! { yield format!("{tail}!"); };
    yield_from!(again);
}

#[test]
fn a_nested_iter_moves_a_local_it_names_in_a_format_string() {
    assert_eq!(
        nested_iter_captures_a_format_argument(2).collect::<Vec<_>>(),
        ["start", "L.0", "L.1", "T", "T!"]
    );
    let mut g = nested_iter_captures_a_format_argument(1);
    assert_eq!(g.next().as_deref(), Some("start"));
    drop(g);
}

#[test]
fn a_bare_yield_yields_a_unit_and_an_empty_body_has_unit_items() {
    let units = gen_core::iter! {
        yield;
        yield;
    };
    assert_eq!(units.count(), 2);
    let empty = gen_core::iter! {};
    assert_eq!(empty.collect::<Vec<()>>(), []);
}

/// `iter! { .. }` drops what it captured as a `move` closure (or a `gen move` block) does: in
/// the order the body first names it, after its own locals when it has started.
#[test]
fn captures_drop_in_the_order_they_are_first_named() {
    use gen_tests::Noisy;
    // Unstarted: as the same captures in a `move` closure.
    let (guard, items) = (Noisy::new("guard"), vec![Noisy::new("a"), Noisy::new("b")]);
    let closure = move || {
        let _g = guard;
        items.len()
    };
    let _ = take_log();
    drop(closure);
    let expected = take_log();
    let (guard, items) = (Noisy::new("guard"), vec![Noisy::new("a"), Noisy::new("b")]);
    let g = iter! {
        let _g = guard;
        for i in items {
            yield i.name().len();
        }
    };
    let _ = take_log();
    drop(g);
    assert_eq!(take_log(), expected);
    assert_eq!(expected, ["drop guard", "drop a", "drop b"]);
    // Started: its locals (in reverse), then its captures in order.
    let (first, second) = (Noisy::new("first"), Noisy::new("second"));
    let mut g = iter! {
        let local = Noisy::new("local");
        yield first.name().len() + second.name().len() + local.name().len();
        yield 0;
    };
    assert_eq!(g.next(), Some(16));
    let _ = take_log();
    drop(g);
    assert_eq!(take_log(), ["drop local", "drop first", "drop second"]);
    // A capture the body only reads, named before one it moves: unstarted, and suspended.
    let (header, items) = (Noisy::new("header"), vec![Noisy::new("a")]);
    let closure = move || {
        let _ = header.name().len();
        items.len()
    };
    let _ = take_log();
    drop(closure);
    let expected = take_log();
    assert_eq!(expected, ["drop header", "drop a"]);
    let (header, items) = (Noisy::new("header"), vec![Noisy::new("a")]);
    let g = iter! {
        let _ = header.name().len();
        for i in items {
            yield i.name().len();
        }
    };
    let _ = take_log();
    drop(g);
    assert_eq!(take_log(), expected);
    let (read, moved, last) = (Noisy::new("read"), Noisy::new("moved"), Noisy::new("last"));
    let mut g = iter! {
        yield read.name().len();
        drop(moved);
        yield last.name().len();
    };
    assert_eq!(g.next(), Some(4));
    let _ = take_log();
    drop(g);
    assert_eq!(take_log(), ["drop read", "drop moved", "drop last"]);
    // Run to the end by `next()`: the captures it still holds drop in the order the body first
    // names them, as in the same `move` closure called to its end.
    let (a, b, c) = (Noisy::new("a"), Noisy::new("b"), Noisy::new("c"));
    let closure = move || {
        let _ = b.name().len();
        let item = a.name().len();
        drop(c);
        item
    };
    let _ = take_log();
    closure();
    let expected = take_log();
    assert_eq!(expected, ["drop c", "drop b", "drop a"]);
    let (a, b, c) = (Noisy::new("a"), Noisy::new("b"), Noisy::new("c"));
    let mut g = iter! {
        let _ = b.name().len();
        yield a.name().len();
        drop(c);
    };
    assert_eq!(g.next(), Some(1));
    let _ = take_log();
    assert_eq!(g.next(), None);
    drop(g);
    assert_eq!(take_log(), expected);
}

fn label(s: impl Into<String>) -> String {
    s.into()
}

/// A name `iter!` only calls is not captured as a value: a generic function takes each call's
/// argument types, and a local `FnMut` closure is captured by the block and called in place.
#[test]
fn called_names_are_functions_or_closures_called_in_place() {
    let lens = |v: Vec<i32>| {
        iter! {
            let g = label("g");
            for x in v {
                let t = label(x.to_string());
                yield t.len() + g.len();
            }
        }
    };
    assert_eq!(lens(vec![1, 22, 333]).collect::<Vec<_>>(), [2, 3, 4]);
    let mut count = 0;
    let mut bump = move |x: i32| {
        count += x;
        count
    };
    let sums = iter! {
        for i in 0..4 {
            yield bump(i);
        }
    };
    assert_eq!(sums.collect::<Vec<_>>(), [0, 1, 3, 6]);
}

/// A log whose `push` takes `&self`, as a std `Vec::push` does not.
#[derive(Debug)]
pub struct SharedLog(std::cell::RefCell<Vec<String>>);

impl SharedLog {
    pub fn push(&self, line: &str) {
        self.0.borrow_mut().push(line.to_owned());
    }
}

#[derive(Debug)]
pub struct Report {
    rows: Vec<u32>,
    log: SharedLog,
}

/// `this.log.push(..)` may be the field type's own method taking `&self`: the capture needs no
/// `mut`, as in a `move` closure.
fn report_lines(this: Report) -> impl Iterator<Item = u32> {
    iter! {
        let rows = this.rows;
        yield rows.len() as u32;
        this.log.push("done");
        yield this.log.0.borrow().len() as u32;
    }
}

#[test]
fn a_method_named_like_a_mutating_one_on_a_field_of_a_capture() {
    let report = Report {
        rows: vec![1, 2, 3],
        log: SharedLog(std::cell::RefCell::new(Vec::new())),
    };
    assert_eq!(report_lines(report).collect::<Vec<_>>(), [3, 1]);
}

#[derive(Debug, PartialEq)]
pub struct ParseFailure(String);

impl From<std::num::ParseIntError> for ParseFailure {
    fn from(e: std::num::ParseIntError) -> Self {
        ParseFailure(e.to_string())
    }
}

fn parsed(words: Vec<&'static str>) -> impl Iterator<Item = Result<u32, ParseFailure>> {
    gen_core::iter! {
        for w in words {
            let n: u32 = w.parse()?;
            yield Ok(n * 2);
        }
    }
}

// `?` in an `iter!` block: the error, converted with `From`, is the last item.
#[test]
fn question_mark_in_an_iter_block_yields_the_converted_error_last() {
    assert_eq!(parsed(vec!["1", "2"]).collect::<Vec<_>>(), [Ok(2), Ok(4)]);
    let e = "x".parse::<u32>().unwrap_err().to_string();
    assert_eq!(
        parsed(vec!["1", "x", "3"]).collect::<Vec<_>>(),
        [Ok(2), Err(ParseFailure(e.clone()))]
    );
    let mut it = parsed(vec!["x"]);
    assert_eq!(it.next(), Some(Err(ParseFailure(e))));
    assert_eq!(it.next(), None);
}

/// An `iter!` block that yields nothing takes its item type from where it is used, as a `gen`
/// block does: here the signature's `u32`.
fn nothing() -> impl Iterator<Item = u32> {
    iter! {}
}

fn nothing_but_an_early_return(stop: bool) -> impl Iterator<Item = u32> {
    iter! {
        if stop {
            return;
        }
    }
}

#[test]
fn a_block_without_yields_takes_its_item_type_from_the_context() {
    assert_eq!(nothing().count(), 0);
    assert_eq!(nothing_but_an_early_return(true).next(), None);
    assert_eq!(nothing_but_an_early_return(false).sum::<u32>(), 0);
    let mut typed: Vec<String> = iter! {}.collect();
    typed.push(String::from("x"));
    assert_eq!(typed, ["x"]);
}

fn call_once(f: impl FnOnce(&mut Vec<usize>), out: &mut Vec<usize>) {
    f(out);
}

/// The items and events of the nested blocks below, written with `move` closures: the outer
/// closure captures `text`, `label` and `guard` and hands them on to the inner ones.
fn nested_captures_plain(text: String, label: String, guard: gen_tests::Noisy) -> Vec<usize> {
    let mut out = Vec::new();
    let outer = move |out: &mut Vec<usize>| {
        out.push(0);
        let first = move |out: &mut Vec<usize>| {
            out.push(text.len());
            out.push(7);
        };
        first(out);
        let inner = move |out: &mut Vec<usize>| {
            let n = label.len();
            out.push(n + 100);
            out.push(format!("{label}!").len() + 100);
        };
        inner(out);
        // Used up by the call, as the iterator `yield_from!` runs: dropped at its end.
        call_once(
            move |out: &mut Vec<usize>| {
                log(format!("item {}", guard.name()));
                out.push(guard.name().len());
            },
            out,
        );
        log("after the guard's block");
    };
    outer(&mut out);
    out
}

// A block nested in an `iter!` that moves a variable only it names (`yield_from!(iter! { ..
// text .. })`, `let inner = iter! { .. label .. }`): the outer block captures it too and hands
// it on, as a `move` closure inside a `move` closure does; names the nested block binds
// itself (`n`) are not captures.
#[test]
fn a_nested_iter_moves_a_capture_of_the_outer_one() {
    use gen_tests::Noisy;

    let _ = take_log();
    let plain = nested_captures_plain("abc".into(), "L".into(), Noisy::new("g"));
    let plain_log = take_log();
    let (text, label, guard) = (String::from("abc"), String::from("L"), Noisy::new("g"));
    let it = iter! {
        yield 0usize;
        yield_from!(iter! { yield text.len(); yield 7; });
        let inner = iter! { let n = label.len(); yield n + 100; yield format!("{label}!").len() + 100; };
        for x in inner {
            yield x;
        }
        yield_from!(iter! { log(format!("item {}", guard.name())); yield guard.name().len(); });
        log("after the guard's block");
    };
    assert_eq!(it.collect::<Vec<_>>(), plain);
    assert_eq!(take_log(), plain_log);
}
