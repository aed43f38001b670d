//! Idioms of ordinary Rust ported into generators as their authors wrote them: references
//! copied into locals, `Copy` values passed by value and used again, enum struct variants, an
//! `FnOnce` closure, trait imports a macro needs, locals and guards a statement macro declares.
//! Each is compared with the plain function (items and drops).
#![deny(unused_imports)]

use gen_tests::{Noisy, check, same_drops, twin};

// A local that is a copy of a borrowed argument is a reference too: splitting it borrows the
// caller's text, not a generator local.
twin! {
    fallible fn csv_columns(text: &'static str) -> Result<String, String> {
        let mut lines = text.lines();
        let header = lines.next().ok_or("no header")?;
        let cols: Vec<&str> = header.split(',').map(|c| c.trim()).collect();
        let name_at = cols.iter().position(|c| *c == "name").ok_or("no name column")?;
        for line in lines {
            let fields: Vec<&str> = line.split(',').collect();
            let name = fields.get(name_at).ok_or(format!("short row {line:?}"))?;
            yield_!(Ok(name.trim().to_string()));
            yield_!(Ok(format!("{} columns", cols.len())));
        }
    }
}

#[test]
fn a_header_line_borrowed_from_the_argument() {
    let out = check!(csv_columns("id, name\n1,ann\n2,bob\n3"));
    assert_eq!(out.len(), 5);
    assert!(out[4].is_err());
    assert_eq!(check!(csv_columns("")), [Err("no header".to_string())]);
}

twin! {
    #[allow(clippy::needless_range_loop)]
    fn words_of_copied_reference(text: &'static str) -> usize {
        let first = text;
        let parts: Vec<&str> = first.split(' ').collect();
        for i in 0..parts.len() {
            yield_!(parts[i].len());
        }
        let again = first;
        for w in again.split_whitespace() {
            yield_!(w.len() * 10);
        }
    }
}

#[test]
fn a_reference_copied_into_a_local() {
    assert_eq!(
        check!(words_of_copied_reference("ab cde f")),
        [2, 3, 1, 20, 30, 10]
    );
}

// A `&u32` loop variable passed by value to a function is a copy: it is still there after
// the yields.
fn is_lucky(x: &u32) -> bool {
    *x == 7
}

twin! {
    fn reference_loop_variable(v: &'static [u32]) -> (u32, bool) {
        let mut seen = Vec::new();
        for m in v {
            let lucky = is_lucky(m);
            yield_!((*m, lucky));
            if seen.contains(m) {
                yield_!((*m * 100, true));
            }
            seen.push(*m);
            yield_!((*m + 1, seen.contains(m)));
        }
    }
}

#[test]
fn a_reference_loop_variable_used_after_being_passed_by_value() {
    static DATA: [u32; 4] = [7, 2, 7, 3];
    assert_eq!(check!(reference_loop_variable(&DATA)).len(), 9);
}

// A `Copy` struct passed by value and read again after a yield.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    x: i32,
    y: i32,
}

fn norm1(p: Point) -> i32 {
    p.x.abs() + p.y.abs()
}

twin! {
    fn copied_points(points: Vec<Point>) -> i32 {
        for p in points {
            let n = norm1(p);
            yield_!(n);
            yield_!(p.x);
            let q = p;
            yield_!(norm1(q) + q.y);
        }
    }
}

#[test]
fn a_copy_struct_used_after_a_by_value_call() {
    let pts = || vec![Point { x: 1, y: -2 }, Point { x: -3, y: 4 }];
    assert_eq!(check!(copied_points(pts())), [3, 1, 1, 7, -3, 11]);
}

// Fields of a reference local read after yields (a pre-order walk).
#[derive(Debug)]
pub struct Node {
    val: i32,
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
}

fn leaf(val: i32) -> Option<Box<Node>> {
    Some(Box::new(Node {
        val,
        left: None,
        right: None,
    }))
}

twin! {
    fn root_and_children(root: &'static Node) -> i32 {
        let n = root;
        yield_!(n.val);
        yield_!(n.left.is_some() as i32);
        if let Some(l) = &n.left {
            yield_!(l.val);
        }
        let r = n.right.as_deref();
        yield_!(r.map_or(-1, |r| r.val));
        yield_!(n.val * 2);
    }
}

#[test]
fn fields_of_a_reference_local() {
    let tree: &'static Node = Box::leak(Box::new(Node {
        val: 1,
        left: leaf(2),
        right: leaf(3),
    }));
    assert_eq!(check!(root_and_children(tree)), [1, 1, 2, 3, 2]);
}

// One field moved into the loop, another read after a yield inside it (the body names every
// field of `Doc`, so each drops where the plain function drops it).
#[derive(Debug)]
pub struct Doc {
    lines: Vec<String>,
    numbered: bool,
    guard: Noisy,
}

twin! {
    fn numbered_lines(doc: Doc) -> String {
        let mut i = 0;
        for line in doc.lines {
            i += 1;
            yield_!(line.clone());
            if doc.numbered {
                yield_!(format!("{i}: {line}"));
            }
        }
        yield_!(format!("{i} lines"));
        drop(doc.guard);
        yield_!("end".to_string());
    }
}

#[test]
fn a_field_read_inside_a_loop_over_another_field() {
    let doc = |numbered| Doc {
        lines: vec!["a".into(), "b".into()],
        numbered,
        guard: Noisy::new("doc"),
    };
    assert_eq!(check!(numbered_lines(doc(true))).len(), 6);
    assert_eq!(check!(numbered_lines(doc(false))).len(), 4);
}

// A `match` on an enum whose variants have named fields.
#[derive(Debug)]
pub enum Conn {
    Idle { since: u32 },
    Busy { job: String, left: u32 },
    Closed,
}

twin! {
    fn states(all: Vec<Conn>) -> String {
        for state in all {
            match state {
                Conn::Idle { since } => yield_!(format!("idle {since}")),
                Conn::Busy { job, left } => {
                    yield_!(format!("busy {job}"));
                    yield_!(format!("{job} has {left} left"));
                }
                Conn::Closed => yield_!("closed".to_string()),
            }
        }
    }
}

#[test]
fn a_match_on_struct_like_variants() {
    let all = || {
        vec![
            Conn::Busy {
                job: "sync".into(),
                left: 2,
            },
            Conn::Idle { since: 4 },
            Conn::Closed,
        ]
    };
    assert_eq!(check!(states(all())).len(), 4);
}

// A trait imported for a macro inside the body (`write!` needs `fmt::Write`): no unused
// import warning (this file denies them).
twin! {
    fn written(n: u32) -> String {
        use std::fmt::Write as _;
        let mut s = String::new();
        write!(s, "{n}").unwrap();
        yield_!(s.clone());
        write!(s, "-{}", n + 1).unwrap();
        yield_!(s);
    }
}

#[test]
fn a_trait_import_used_by_a_macro() {
    assert_eq!(check!(written(2)), ["2", "2-3"]);
}

#[test]
fn drops_match_the_plain_functions() {
    same_drops!(numbered_lines(Doc {
        lines: vec!["x".into(), "y".into()],
        numbered: true,
        guard: Noisy::new("doc"),
    }));
}

// A local `FnOnce` closure (it moves out what it captures) called between yields: the call
// moves it. A closure that only copies what it captures can be called again.
twin! {
    fn once_and_many(name: String, step: Point) -> String {
        let finish = move || format!("done {}", std::convert::identity(name));
        let shift = move |k: i32| step.x * k;
        yield_!(format!("{}", shift(1)));
        let last = finish();
        yield_!(last);
        yield_!(format!("{}", shift(2)));
    }
}

#[test]
fn an_fn_once_closure_called_between_yields_is_moved_by_the_call() {
    assert_eq!(
        check!(once_and_many("x".into(), Point { x: 3, y: 4 })),
        ["3", "done x", "6"]
    );
}

// A statement macro that declares a local (`let $name = ..`), used after a yield: the state
// machine cannot see the `let`, so the body is lowered `boxed`, as written.
macro_rules! open {
    ($name:ident) => {
        let $name = Noisy::new(stringify!($name));
    };
}

twin! {
    fn macro_declared_local(n: usize) -> usize {
        open!(conn);
        yield_!(n);
        yield_!(conn.name().len() + n);
        open!(second);
        for i in 0..n {
            yield_!(second.name().len() + i);
        }
    }
}

#[test]
fn a_local_a_macro_declares() {
    assert_eq!(check!(macro_declared_local(2)), [2, 6, 6, 7]);
    same_drops!(macro_declared_local(2));
}

// The same guard never named again: it still lives until its block ends, after the item
// yielded in that block.
twin! {
    fn macro_declared_guard_never_named(n: usize) -> usize {
        if n > 0 {
            open!(_held);
            yield_!(n);
        }
        yield_!(n + 1);
    }
}

#[test]
fn a_guard_a_macro_declares_drops_where_its_block_ends() {
    assert_eq!(check!(macro_declared_guard_never_named(1)), [1, 2]);
    let log = same_drops!(macro_declared_guard_never_named(1));
    assert_eq!(log, ["yield 1", "drop _held", "yield 2"]);
}

// A macro of the user's named like a logging one that declares a guard (`let _span = ..`):
// the guard lives to the end of the loop body, after the item.
macro_rules! info {
    ($($t:tt)*) => {
        let _span = Noisy::new(format!($($t)*));
    };
}

twin! {
    fn span_guard_from_a_logging_named_macro(n: usize) -> usize {
        for i in 0..n {
            info!("span{i}");
            yield_!(i);
        }
    }
}

#[test]
fn a_guard_a_logging_named_macro_declares() {
    assert_eq!(check!(span_guard_from_a_logging_named_macro(2)), [0, 1]);
    let log = same_drops!(span_guard_from_a_logging_named_macro(2));
    assert_eq!(log, ["yield 0", "drop span0", "yield 1", "drop span1"]);
}
