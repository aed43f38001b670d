//! What `gen_core::iter! { ... }` captures: values, copies and references, by move like a
//! `move` closure, dropped in the order the body first names them; names it only calls stay
//! functions or closures called in place; a nested `iter!` (also in another macro's input or a
//! format string) gets its captures handed on, as a `move` closure inside another one does.

use gen_core::{generator, iter};
use gen_tests::{check_iter, log, take_log};

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

// A loop over a captured shared reference (or a number's `Option`) read again after the loop:
// the capture is `Copy`, so the loop copies it, as in a `move` closure.
fn report<'a>(names: &'a [String]) -> impl Iterator<Item = String> + 'a {
    iter! {
        for n in names {
            yield n.to_uppercase();
        }
        yield format!("{} total", names.len());
    }
}

fn some_then_next(k: u32) -> impl Iterator<Item = u32> {
    let once = Some(k);
    iter! {
        for n in once {
            yield n;
        }
        yield once.map_or(0, |n| n + 1);
    }
}

#[test]
fn a_loop_over_a_copy_capture_read_again_after_it() {
    let names = vec!["a".to_string(), "b".to_string()];
    assert_eq!(report(&names).collect::<Vec<_>>(), ["A", "B", "2 total"]);
    assert_eq!(some_then_next(4).collect::<Vec<_>>(), [4, 5]);
}
