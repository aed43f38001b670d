//! `#[generator(boxed)]` sync generators: the body may borrow its own
//! locals across yields (a statement and the rows borrowing it, a `Vec` iterated by
//! reference, a `split` of a local `String`), drops its locals like the plain function on
//! completion and on early drop, and is `Iterator + FusedIterator + Unpin`. Every generator is
//! compared with the same body written as a plain function pushing into a `Vec`.

use std::iter::FusedIterator;
use std::panic::{AssertUnwindSafe, catch_unwind};

use gen_core::generator;
use gen_tests::{Noisy, check_iter, live, log, take_log};

/// Declares a module `name` holding one body twice: `name::generator` (`#[generator(boxed)]`)
/// and `name::plain_until` (a plain function in which `yield_!(v)` logs `yield <v:?>`, pushes,
/// and returns after the `budget`-th item, like a generator dropped there).
macro_rules! boxed_twin {
    (
        fn $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $item:ty { $($body:tt)* }
    ) => {
        #[allow(dead_code)]
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            // The arguments go through one tuple: a compiler-backed generator whose
            // parameter names come from a macro's caller does not compile (see the report:
            // the argument re-binding resolves the names at the attribute's call site).
            #[generator(boxed)]
            fn inner(__args: ($($ty,)*)) -> impl Iterator<Item = $item> {
                let ($($arg,)*) = __args;
                $($body)*
            }

            pub fn generator($($arg: $ty),*)
                -> impl ::std::iter::FusedIterator<Item = $item>
            {
                inner(($($arg,)*))
            }

            #[allow(unused_mut, unused_variables, unreachable_code, clippy::all)]
            fn body(__budget: Option<usize>, __out: &mut Vec<$item>, $($arg: $ty),*) {
                #[allow(unused_macros)]
                macro_rules! yield_ {
                    ($e:expr) => {
                        match $e {
                            __v => {
                                log(format!("yield {:?}", __v));
                                __out.push(__v);
                                if Some(__out.len()) == __budget {
                                    return;
                                }
                            }
                        }
                    };
                }
                $($body)*
            }

            pub fn plain_until(__budget: Option<usize>, $($arg: $ty),*) -> Vec<$item> {
                let mut __out = Vec::new();
                body(__budget, &mut __out, $($arg),*);
                __out
            }

            pub fn plain($($arg: $ty),*) -> Vec<$item> {
                plain_until(None, $($arg),*)
            }
        }
    };
}

/// Drives `g`, logging each item as `yield <item:?>` the way the plain function does, and
/// drops it after `budget` items.
fn drive<I: Iterator>(g: I, budget: Option<usize>) -> Vec<I::Item>
where
    I::Item: std::fmt::Debug,
{
    let mut out = Vec::new();
    let mut g = g;
    while Some(out.len()) != budget {
        let Some(v) = g.next() else { break };
        log(format!("yield {v:?}"));
        out.push(v);
    }
    drop(g);
    out
}

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
// Traits, fusing, panics.

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

#[generator(boxed)]
fn panicky(at: u32) -> impl Iterator<Item = u32> {
    let v: Vec<u32> = (0..5).collect();
    let _g = Noisy::new("panicky local");
    for x in &v {
        if *x == at {
            panic!("boom at {x}");
        }
        yield_!(*x);
    }
}

#[test]
fn panic_propagates_out_of_next_then_none() {
    let _ = take_log();
    let mut g = panicky(2);
    assert_eq!(g.next(), Some(0));
    assert_eq!(g.next(), Some(1));
    let err = catch_unwind(AssertUnwindSafe(|| g.next())).unwrap_err();
    assert_eq!(err.downcast_ref::<String>().unwrap(), "boom at 2");
    assert_eq!(take_log(), ["drop panicky local"]);
    assert_eq!(g.next(), None);
    assert_eq!(g.next(), None);
    drop(g);
    assert!(take_log().is_empty());
    assert_eq!(live(), 0);
}

/// A `static` and a `thread_local!` declared in a `boxed` body: one item each, shared by
/// every call and every way of consuming the generator (`fold` included), as in the plain
/// function.
#[generator(boxed)]
fn ticket_ids(n: usize) -> impl Iterator<Item = usize> {
    static NEXT_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(100);
    thread_local! {
        static ISSUED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }
    let taken: Vec<usize> = (0..n)
        .map(|_| NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
        .collect();
    for id in &taken {
        ISSUED.with(|c| c.set(c.get() + 1));
        yield_!(*id);
    }
    yield_!(ISSUED.with(std::cell::Cell::get) * 1000);
}

#[test]
fn statics_of_a_boxed_body_are_shared_by_every_consumer() {
    let first: Vec<usize> = ticket_ids(2).collect();
    let (base, issued) = (first[0], first[2] / 1000);
    assert_eq!(first, [base, base + 1, issued * 1000]);
    let summed: usize = ticket_ids(2).sum();
    assert_eq!(summed, (base + 2) + (base + 3) + (issued + 2) * 1000);
    let mut each = Vec::new();
    ticket_ids(2).for_each(|x| each.push(x));
    assert_eq!(each, [base + 4, base + 5, (issued + 4) * 1000]);
}

/// Items of an unnamed type made by a closure: every copy of the body would make another
/// type, so the generator has none, and `fold` runs it in its box.
#[generator(boxed)]
fn adders(n: u32) -> impl Iterator<Item = impl Fn(u32) -> u32> {
    let steps: Vec<u32> = (1..=n).collect();
    for s in &steps {
        let s = *s;
        yield_!(move |x| x + s);
    }
}

#[test]
fn closures_as_unnamed_items_of_a_boxed_generator() {
    let applied: Vec<u32> = adders(3).map(|f| f(10)).collect();
    assert_eq!(applied, [11, 12, 13]);
    assert_eq!(adders(3).fold(0, |acc, f| acc + f(1)), 2 + 3 + 4);
}

// ---------------------------------------------------------------------------------------
// The temporaries of a yield's operand live until the generator resumes, as the plain
// function's `yield_!(v)` statement keeps them until it ends (whatever makes them: a call,
// a struct literal, a tuple, an array, an operator, a `match`).

/// A value whose drop is logged, made by a struct literal.
struct Tmp {
    _guard: Noisy,
    n: u32,
}

impl std::ops::Add<&Tmp> for &Tmp {
    type Output = u32;
    fn add(self, other: &Tmp) -> u32 {
        self.n + other.n
    }
}

fn tmp(name: &str, n: u32) -> Tmp {
    Tmp {
        _guard: Noisy::new(name),
        n,
    }
}

boxed_twin! {
    fn operand_temporaries(n: u32) -> u32 {
        let kept = tmp("kept", n);
        yield_!(Tmp { _guard: Noisy::new("literal"), n: 1 }.n);
        yield_!((Tmp { _guard: Noisy::new("tuple"), n: 2 }, 5).1);
        yield_!([Tmp { _guard: Noisy::new("array"), n: 3 }][0].n + 1);
        yield_!(&Tmp { _guard: Noisy::new("operator"), n: 4 } + &kept);
        yield_!(match (Tmp { _guard: Noisy::new("scrutinee"), n: 5 }).n {
            m if m > 100 => 0,
            m => m,
        });
        yield_!(tmp("call", 6).n);
        yield_!(kept.n);
    }
}

#[test]
fn temporaries_of_a_yield_live_until_the_resume() {
    let total = operand_temporaries::plain(7).len();
    let _ = take_log();
    for budget in (1..=total).map(Some).chain([None]) {
        let expected = operand_temporaries::plain_until(budget, 7);
        let expected_log = take_log();
        let got = drive(operand_temporaries::generator(7), budget);
        assert_eq!(got, expected, "items, budget {budget:?}");
        assert_eq!(take_log(), expected_log, "drop log, budget {budget:?}");
    }
    // `for_each` runs the plain copy: the same order.
    operand_temporaries::generator(7).for_each(|v| log(format!("yield {v:?}")));
    let for_each_log = take_log();
    operand_temporaries::plain_until(None, 7);
    assert_eq!(for_each_log, take_log(), "for_each");
    assert_eq!(live(), 0);
}

// ---------------------------------------------------------------------------------------
// Bodies as plain functions write them: an inner attribute, `return ();`, `?` with an item
// type named by an alias without parameters, an assignment to a field of `mut self`.

type Row = Result<i64, std::num::ParseIntError>;

#[generator(boxed)]
fn rows(text: String) -> impl Iterator<Item = Row> {
    #![allow(unused_variables)]
    let unused = 5;
    for part in text.split(',') {
        if part == "stop" {
            return ();
        }
        let n = part.trim().parse::<i64>()?;
        yield_!(Ok(n));
    }
}

#[generator]
fn flat_rows(parts: Vec<String>) -> impl Iterator<Item = Row> {
    #![allow(unused_variables)]
    let unused = 5;
    for part in parts {
        if part == "stop" {
            return ();
        }
        let n = part.trim().parse::<i64>()?;
        yield_!(Ok(n));
    }
}

#[test]
fn inner_attributes_unit_returns_and_result_aliases() {
    let parsed: Vec<Row> = rows("1, 2,stop,3".into()).collect();
    assert_eq!(parsed, [Ok(1), Ok(2)]);
    let failed: Vec<Row> = rows("1, z, 3".into()).collect();
    assert_eq!(failed.len(), 2);
    assert!(failed[1].is_err());
    assert_eq!(rows("4,5".into()).count(), 2);
    let parts = |s: &str| s.split(',').map(String::from).collect::<Vec<_>>();
    assert_eq!(flat_rows(parts("1,stop,3")).collect::<Vec<_>>(), [Ok(1)]);
    assert!(flat_rows(parts("x")).next().is_some_and(|r| r.is_err()));
}

struct Tagged {
    tag: String,
    items: Vec<u32>,
}

impl Tagged {
    /// A field of `mut self` assigned, then read after a yield: the plain copy that `fold`
    /// runs draws no "value captured is never read" (checked by the workspace's
    /// `-D warnings` clippy run).
    #[generator(boxed)]
    fn finish(mut self) -> impl Iterator<Item = String> {
        for x in &self.items {
            yield_!(format!("{}{x}", self.tag));
        }
        self.tag = String::from("done");
        yield_!(self.tag.clone());
    }
}

#[test]
fn a_mut_self_field_assigned_in_a_boxed_body() {
    let t = || Tagged {
        tag: "t".into(),
        items: vec![1, 2],
    };
    assert_eq!(t().finish().collect::<Vec<_>>(), ["t1", "t2", "done"]);
    assert_eq!(t().finish().count(), 3);
}
