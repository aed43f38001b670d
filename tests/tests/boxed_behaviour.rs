//! `#[generator(boxed)]` sync generators whose bodies borrow their own locals across yields (a
//! statement and the rows borrowing it, a `Vec` by reference, a `split` of a local `String`),
//! drop their locals like the plain function on completion and on early drop, take `?`, methods
//! and generics, and are `Iterator + FusedIterator + Unpin`, each against its plain twin.

use std::iter::FusedIterator;

use gen_core::generator;
use gen_tests::{Noisy, check_iter, live, log, take_log};

mod common;
use common::boxed::{boxed_twin, drive};

// ---------------------------------------------------------------------------------------
// A statement and the rows that borrow it, both locals of the generator.

struct Db {
    table: Vec<(u32, &'static str)>,
}

struct Statement<'db> {
    db: &'db Db,
    min_id: u32,
    executions: std::cell::Cell<u32>,
}

struct Rows<'s> {
    stmt: &'s Statement<'s>,
    pos: usize,
}

impl Db {
    fn prepare(&self, min_id: u32) -> Statement<'_> {
        Statement {
            db: self,
            min_id,
            executions: std::cell::Cell::new(0),
        }
    }
}

impl Statement<'_> {
    fn rows(&self) -> Rows<'_> {
        self.executions.set(self.executions.get() + 1);
        Rows { stmt: self, pos: 0 }
    }
}

impl<'s> Iterator for Rows<'s> {
    type Item = (u32, &'s str);
    fn next(&mut self) -> Option<Self::Item> {
        while let Some(&(id, name)) = self.stmt.db.table.get(self.pos) {
            self.pos += 1;
            if id >= self.stmt.min_id {
                return Some((id, name));
            }
        }
        None
    }
}

fn db() -> Db {
    Db {
        table: vec![(1, "ann"), (2, "bob"), (5, "cy"), (7, "dee"), (9, "eve")],
    }
}

boxed_twin! {
    fn query(table: Vec<(u32, &'static str)>, min_id: u32) -> String {
        // All three live in the generator: `stmt` borrows `db`, `rows` borrows `stmt`.
        let db = Db { table };
        let stmt = db.prepare(min_id);
        let rows = stmt.rows();
        for (id, name) in rows {
            yield_!(format!("{id}:{name}"));
        }
        // Re-execute the same statement after the first result set.
        let again = stmt.rows().count();
        yield_!(format!("again {again}, executed {}", stmt.executions.get()));
    }
}

#[test]
fn statement_and_rows_borrow_across_yields() {
    let t = db().table;
    let expected = query::plain(t.clone(), 5);
    assert_eq!(
        expected,
        ["5:cy", "7:dee", "9:eve", "again 3, executed 2"].map(String::from)
    );
    check_iter(&expected, || query::generator(t.clone(), 5));
    check_iter(&query::plain(t.clone(), 100), || {
        query::generator(t.clone(), 100)
    });
    let _ = take_log();
}

/// Borrowing an argument (`&Db`) and a local statement at once.
#[generator(boxed)]
fn names<'a>(db: &'a Db, min_id: u32) -> impl Iterator<Item = &'a str> {
    let stmt = db.prepare(min_id);
    for (_, name) in stmt.rows() {
        yield_!(db.table.iter().find(|r| r.1 == name).unwrap().1);
    }
}

#[test]
fn items_may_borrow_arguments() {
    let db = db();
    check_iter(&["bob", "cy", "dee", "eve"], || names(&db, 2));
}

// ---------------------------------------------------------------------------------------
// A `Vec` iterated by reference and a `split` of a local `String`.

boxed_twin! {
    fn by_ref(n: u32) -> u32 {
        let v: Vec<u32> = (1..=n).collect();
        for x in &v {
            yield_!(x * 10);
        }
        let biggest = v.iter().max();
        for x in v.iter().rev() {
            yield_!(x + biggest.copied().unwrap_or(0));
        }
    }
}

boxed_twin! {
    fn word_lengths(text: &'static str) -> usize {
        let s = String::from(text);
        let parts = s.split(' ');
        for p in parts {
            yield_!(p.len());
        }
        let upper = s.to_uppercase();
        let chars = upper.chars().filter(|c| c.is_alphabetic());
        for c in chars {
            yield_!(c as usize);
        }
    }
}

#[test]
fn vec_by_reference_and_split_of_a_local_string() {
    for n in 0..4 {
        check_iter(&by_ref::plain(n), || by_ref::generator(n));
    }
    assert_eq!(by_ref::plain(3), [10, 20, 30, 6, 5, 4]);
    for text in ["", "a bb  ccc", "one"] {
        check_iter(&word_lengths::plain(text), || word_lengths::generator(text));
    }
    assert_eq!(
        word_lengths::plain("a bb  c"),
        [
            1,
            2,
            0,
            1,
            'A' as usize,
            'B' as usize,
            'B' as usize,
            'C' as usize
        ]
    );
    let _ = take_log();
}

// ---------------------------------------------------------------------------------------
// Drop order, on completion and on early drop, against the plain function.

boxed_twin! {
    fn noisy(arg: Noisy, n: u32) -> String {
        let a = Noisy::new("a");
        let b = Noisy::new("b");
        // A borrow of a local, live across the yields.
        let name = a.name();
        for i in 0..n {
            let c = Noisy::new(format!("c{i}"));
            yield_!(format!("{name}{i}:{}", c.name()));
            if i == 1 {
                drop(c);
                let _d = Noisy::new("d");
                yield_!("d".to_string());
            }
        }
        drop(b);
        {
            let _e = Noisy::new("e");
            yield_!(format!("e after {}", arg.name()));
        }
        let _f = Noisy::new("f");
        yield_!("last".to_string());
    }
}

#[test]
fn drop_order_matches_the_plain_function() {
    let n = 3;
    let total = noisy::plain(Noisy::new("arg"), n).len();
    let _ = take_log();
    assert_eq!(total, 3 + 1 + 2);
    for budget in (1..=total).map(Some).chain([None]) {
        let expected = noisy::plain_until(budget, Noisy::new("arg"), n);
        let expected_log = take_log();
        let got = drive(noisy::generator(Noisy::new("arg"), n), budget);
        let got_log = take_log();
        assert_eq!(got, expected, "items, budget {budget:?}");
        assert_eq!(got_log, expected_log, "drop log, budget {budget:?}");
        assert_eq!(live(), 0);
    }
}

#[test]
fn drop_order_by_hand() {
    let _ = take_log();
    // Early drop after the second item: c1 is live, then b, a, and the argument last.
    let mut g = noisy::generator(Noisy::new("arg"), 3);
    assert_eq!(g.next().as_deref(), Some("a0:c0"));
    assert_eq!(g.next().as_deref(), Some("a1:c1"));
    assert_eq!(take_log(), ["drop c0"]);
    drop(g);
    assert_eq!(take_log(), ["drop c1", "drop b", "drop a", "drop arg"]);

    // Completion: everything is dropped by the `next()` that returns `None`.
    let mut g = noisy::generator(Noisy::new("arg"), 0);
    assert_eq!(g.next().as_deref(), Some("e after arg"));
    assert_eq!(take_log(), ["drop b"]);
    assert_eq!(g.next().as_deref(), Some("last"));
    assert_eq!(take_log(), ["drop e"]);
    assert_eq!(g.next(), None);
    assert_eq!(take_log(), ["drop f", "drop a", "drop arg"]);
    assert_eq!(g.next(), None);
    drop(g);
    assert!(take_log().is_empty());

    // Never started: only the argument.
    drop(noisy::generator(Noisy::new("arg"), 3));
    assert_eq!(take_log(), ["drop arg"]);
    assert_eq!(live(), 0);
}

// ---------------------------------------------------------------------------------------
// `?`, `return;`, methods and generics.

struct Config {
    lines: Vec<String>,
}

impl Config {
    #[generator(boxed)]
    fn entries(&self) -> impl Iterator<Item = Result<(String, i32), String>> + '_ {
        let joined = self.lines.join("\n");
        for line in joined.lines() {
            if line == "END" {
                return;
            }
            let (k, v) = line.split_once('=').ok_or(format!("no '=' in {line:?}"))?;
            let v: i32 = v.trim().parse().map_err(|_| format!("bad value for {k}"))?;
            yield_!(Ok((k.trim().to_string(), v)));
        }
    }

    #[generator(boxed)]
    fn drain_lines(&mut self) -> impl Iterator<Item = String> + '_ {
        while let Some(line) = self.lines.pop() {
            let words: Vec<&str> = line.split(' ').collect();
            for w in &words {
                yield_!(w.to_string());
            }
        }
    }
}

#[generator(boxed)]
fn pairs_of<T: Clone + PartialOrd, I>(items: I) -> impl Iterator<Item = (T, T)>
where
    I: IntoIterator<Item = T>,
{
    let all: Vec<T> = items.into_iter().collect();
    for (i, x) in all.iter().enumerate() {
        for y in &all[i + 1..] {
            if x < y {
                yield_!((x.clone(), y.clone()));
            }
        }
    }
    yield_from!(all.iter().rev().take(1).map(|x| (x.clone(), x.clone())));
}

#[test]
fn fallible_methods_and_generics() {
    let cfg = Config {
        lines: ["a = 1", "b=22", "END", "c=3"].map(String::from).to_vec(),
    };
    let ok = |k: &str, v| Ok::<(String, i32), String>((k.to_string(), v));
    check_iter(&[ok("a", 1), ok("b", 22)], || cfg.entries());
    let bad = Config {
        lines: ["a=1", "b=x", "c=3"].map(String::from).to_vec(),
    };
    check_iter(&[ok("a", 1), Err("bad value for b".into())], || {
        bad.entries()
    });
    let bad = Config {
        lines: vec!["novalue".into()],
    };
    check_iter(&[Err("no '=' in \"novalue\"".into())], || bad.entries());

    let mut cfg = Config {
        lines: vec!["x y".into(), "z".into()],
    };
    let got: Vec<String> = cfg.drain_lines().collect();
    assert_eq!(got, ["z", "x", "y"]);
    assert!(cfg.lines.is_empty());

    check_iter(&[(1, 3), (1, 2), (2, 2)], || pairs_of([1, 3, 2]));
    check_iter(&[("a", "b"), ("b", "b")], || pairs_of(vec!["a", "b"]));
}

// ---------------------------------------------------------------------------------------
// Traits and fusing.

fn assert_iter_traits<I: Iterator + FusedIterator + Unpin>(i: I) -> I {
    i
}

fn assert_send_sync<T: Send + Sync>(t: T) -> T {
    t
}

#[test]
fn iterator_fused_iterator_unpin_send() {
    let g = assert_iter_traits(by_ref::generator(2));
    let g = assert_send_sync(g);
    assert_eq!(g.count(), 4);
    let db = db();
    let g = assert_iter_traits(names(&db, 0));
    assert_eq!(g.count(), 5);
    let cfg = Config { lines: vec![] };
    assert_eq!(assert_iter_traits(cfg.entries()).count(), 0);
    let g = assert_iter_traits(noisy::generator(Noisy::new("arg"), 1));
    // Moving a started generator is fine (it is `Unpin`: the body lives in the box).
    let mut g = Box::new(g);
    g.next();
    let mut moved = *g;
    assert_eq!(moved.by_ref().count(), 2);
    assert_eq!(moved.next(), None);
    drop(moved);
    let _ = take_log();
    assert_eq!(live(), 0);
}
