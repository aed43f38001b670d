//! Idioms of ordinary Rust ported into generators as their authors wrote them: references
//! copied into locals, `Copy` values passed by value and used again, enum struct variants,
//! trait imports a macro needs. Each is compared with the plain function (items and drops).
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

twin! {
    /// A word count through `entry(..).or_insert(..)`: the `&mut` it returns is dead before
    /// the yield, so the map is kept alone.
    fn word_counts(words: Vec<&'static str>) -> (String, u32) {
        let mut counts: std::collections::HashMap<String, u32> = Default::default();
        for w in words {
            let count = counts.entry(w.to_string()).or_insert(0);
            *count += 1;
            let seen = *count;
            yield_!((w.to_string(), seen));
            *counts.entry(format!("{w}!")).or_default() += seen;
        }
        let mut all: Vec<(String, u32)> = counts.into_iter().collect();
        all.sort();
        for pair in all {
            yield_!(pair);
        }
    }
}

twin! {
    /// Owned values made from a borrow of a local, declared with a type that owns its data:
    /// kept across yields like any owned value.
    fn annotated_owned_values(n: usize) -> String {
        let rows = vec![("a".to_string(), 1usize), ("b".to_string(), 2)];
        let names: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        let first: Option<(String, usize)> = rows.first().cloned();
        let index: std::collections::HashMap<String, usize> = rows.iter().cloned().collect();
        let b: Option<usize> = index.get("b").copied();
        yield_!(format!("{n}"));
        yield_!(format!("{names:?} {first:?} {b:?} {}", rows.len()));
    }
}

#[test]
fn map_entries_and_annotated_owned_values() {
    let counted = check!(word_counts(vec!["a", "b", "a"]));
    assert_eq!(counted[2], ("a".to_string(), 2));
    check!(annotated_owned_values(3));
}

// `Into::into` and `TryInto::try_into` take `self` on every type: a move of the local.
twin! {
    fn converted(v: Vec<u32>) -> usize {
        let q: std::collections::VecDeque<u32> = v.into();
        yield_!(q.len());
        let bytes: Vec<u8> = q.iter().map(|&x| x as u8).collect();
        let pair: [u8; 2] = bytes.try_into().unwrap_or([0, 0]);
        yield_!(pair.len());
        yield_!(q.len() + usize::from(pair[0]));
    }
}

#[test]
fn into_and_try_into_move_the_local() {
    assert_eq!(check!(converted(vec![1, 2])), [2, 2, 3]);
    assert_eq!(check!(converted(vec![1, 2, 3])), [3, 2, 3]);
}

// A number computed from a local's elements, defaulted with a number (`unwrap_or(0)`,
// `map_or(0, ..)`, `.max(1)`): it borrows nothing, so it is kept across yields while the
// local is used and moved.
twin! {
    fn column_widths(rows: Vec<(String, usize)>) -> usize {
        let widest = rows.iter().map(|(_, w)| *w).max().unwrap_or(0);
        yield_!(widest);
        let longest = rows.iter().map(|(name, _)| name.len()).max().map_or(0, |n| n + 1);
        let at_least = rows.iter().map(|(_, w)| *w).min().unwrap_or(0).max(1);
        yield_!(longest + at_least);
        drop(rows);
        yield_!(widest + longest);
    }
}

#[test]
fn numbers_defaulted_from_a_local_borrow_nothing() {
    assert_eq!(
        check!(column_widths(vec![("ab".into(), 3), ("abcd".into(), 5)])),
        [5, 8, 10]
    );
    assert_eq!(check!(column_widths(Vec::new())), [0, 1, 0]);
}

// Elements annotated `&'static str` borrow nothing of the generator's, however they were
// collected from a local.
twin! {
    fn static_names(names: Vec<&'static str>) -> usize {
        let all: Vec<&'static str> = names.iter().copied().filter(|s| !s.is_empty()).collect();
        for s in all {
            yield_!(s.len());
        }
        let first: Option<&'static str> = names.first().copied();
        yield_!(names.len() + first.map_or(0, str::len));
    }
}

#[test]
fn static_references_collected_from_a_local_borrow_nothing() {
    assert_eq!(check!(static_names(vec!["a", "bc"])), [1, 2, 3]);
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

// `handle.join()` takes the thread's handle by value (the `join`s of slices and paths take an
// argument), so a handle joined inside a yield's operand is not kept for a later yield.
twin! {
    fn joined_workers(jobs: Vec<u64>) -> u64 {
        let _pool = Noisy::new("pool");
        for job in jobs {
            let handle = std::thread::spawn(move || job * job);
            let label = Noisy::new(format!("job {job}"));
            yield_!(handle.join().unwrap());
            drop(label);
            yield_!(job);
        }
        let parts = ["a", "b"].join("+");
        yield_!(parts.len() as u64);
    }
}

#[test]
fn a_thread_handle_joined_in_a_yield() {
    check!(joined_workers(vec![2, 3]));
    let log = same_drops!(joined_workers(vec![2, 3]));
    assert_eq!(
        log,
        [
            "yield 4",
            "drop job 2",
            "yield 2",
            "yield 9",
            "drop job 3",
            "yield 3",
            "yield 3",
            "drop pool"
        ]
    );
}

// `Cell::get()` copies the value out: kept across yields like any number (`map.get(k)` and
// `OnceCell::get()` borrow).
twin! {
    fn cell_counter(start: u32) -> u32 {
        let _log = Noisy::new("log");
        let c = std::cell::Cell::new(start);
        let v = c.get();
        // Built from the copy: keeps its drop timing (the end of the body).
        let pair = (Noisy::new("pair"), v);
        yield_!(pair.1 - v + 1);
        c.set(v + 1);
        yield_!(v);
        yield_!(c.get());
    }
}

#[test]
fn a_value_copied_out_of_a_cell_is_kept() {
    assert_eq!(check!(cell_counter(5)), [1, 5, 6]);
    same_drops!(cell_counter(5));
}

// The fix the closure-borrow errors name: a `move` closure in a loop's iterator or in
// `yield_from!`, capturing a `&str` argument or a number.
twin! {
    fn grep_moved(lines: Vec<String>, needle: &'static str) -> String {
        let _log = Noisy::new("log");
        let limit = 1;
        for l in lines.clone().into_iter().filter(move |l| l.contains(needle)) {
            yield_!(l);
        }
        yield_from!(lines.into_iter().filter(move |w| w.len() > limit));
    }
}

#[test]
fn move_closures_in_iterators_kept_across_yields() {
    assert_eq!(
        check!(grep_moved(vec!["ab".into(), "b".into(), "c".into()], "b")),
        ["ab", "b", "ab"]
    );
    same_drops!(grep_moved(vec!["ab".into(), "b".into()], "b"));
}

// `BufRead::fill_buf` borrows the reader: its buffer, dead before the yield, is not kept in the
// state (which would hold a borrow of the reader it also holds).
twin! {
    fallible fn fixed_chunks(bytes: Vec<u8>, size: usize) -> Result<Vec<u8>, String> {
        use std::io::BufRead;
        let mut r = std::io::Cursor::new(bytes);
        let mut chunk = Vec::with_capacity(size);
        loop {
            let avail = r.fill_buf().map_err(|e| e.to_string())?;
            if avail.is_empty() {
                if !chunk.is_empty() {
                    yield_!(Ok(std::mem::take(&mut chunk)));
                }
                return Ok(());
            }
            let take = (size - chunk.len()).min(avail.len());
            chunk.extend_from_slice(&avail[..take]);
            r.consume(take);
            if chunk.len() == size {
                yield_!(Ok(std::mem::replace(&mut chunk, Vec::with_capacity(size))));
            }
        }
    }
}

twin! {
    fallible fn lines_of_a_reader(bytes: Vec<u8>) -> Result<String, String> {
        use std::io::BufRead;
        let mut r = std::io::BufReader::with_capacity(4, std::io::Cursor::new(bytes));
        let mut line = Vec::new();
        loop {
            let buf = r.fill_buf().map_err(|e| e.to_string())?;
            let n = buf.len();
            if n == 0 {
                break;
            }
            line.extend_from_slice(buf);
            r.consume(n);
            while let Some(end) = line.iter().position(|&b| b == b'\n') {
                let rest = line.split_off(end + 1);
                let text = String::from_utf8_lossy(&line).trim_end().to_string();
                line = rest;
                yield_!(Ok(text));
            }
        }
        if !line.is_empty() {
            yield_!(Ok(String::from_utf8_lossy(&line).to_string()));
        }
    }
}

#[test]
fn a_reader_buffer_dead_before_the_yield() {
    let out = check!(fixed_chunks((0u8..23).collect(), 5));
    assert_eq!(out.len(), 5);
    assert_eq!(out[4], Ok(vec![20, 21, 22]));
    let out = check!(lines_of_a_reader(b"ab\ncdefgh\n\nxyz".to_vec()));
    assert_eq!(
        out,
        [
            Ok("ab".into()),
            Ok("cdefgh".into()),
            Ok("".into()),
            Ok("xyz".into())
        ]
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
