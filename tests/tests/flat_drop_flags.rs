//! A value moved on only some paths drops where the plain function drops it (rustc's drop
//! flag): at the end of its scope when it was not moved, at the move when it was, never at
//! the next yield. Also deferred initialization and moves before `break`/`return`/`?`.

use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

twin! {
    fn conditional_drop(done: bool) -> u32 {
        let lock = n("lock");
        yield_!(1);
        if done {
            drop(lock);
        }
        yield_!(2);
        let _after = n("after");
        yield_!(3);
    }
}

#[test]
fn a_guard_dropped_on_one_path_only() {
    check!(conditional_drop(true));
    check!(conditional_drop(false));
    let kept = same_drops!(conditional_drop(false));
    assert_eq!(
        kept,
        ["yield 1", "yield 2", "yield 3", "drop after", "drop lock"]
    );
    let dropped = same_drops!(conditional_drop(true));
    assert_eq!(
        dropped,
        ["yield 1", "drop lock", "yield 2", "yield 3", "drop after"]
    );
}

twin! {
    fn moved_in_a_loop(stop: u32) -> u32 {
        let g = n("g");
        let mut holder = Vec::new();
        for i in 0..4 {
            if i == stop {
                holder.push(g);
                break;
            }
            yield_!(i);
        }
        yield_!(holder.len() as u32);
        drop(holder);
        yield_!(100);
    }
}

#[test]
fn moved_before_a_break_on_some_iterations() {
    for stop in 0..5 {
        check!(moved_in_a_loop(stop));
        same_drops!(moved_in_a_loop(stop));
    }
}

twin! {
    fn deferred_init(items: Vec<u32>) -> String {
        for x in items {
            let width;
            let label;
            if x > 5 {
                width = 8;
                label = n("wide");
            } else if x == 0 {
                continue;
            } else {
                width = 4;
                label = n("narrow");
            }
            yield_!(format!("{x:>width$}"));
            yield_!(label.name().to_string());
        }
    }
}

#[test]
fn deferred_initialization_and_continue() {
    check!(deferred_init(vec![1, 0, 9]));
    same_drops!(deferred_init(vec![1, 0, 9]));
}

twin! {
    fallible fn moves_before_question_mark(values: Vec<&'static str>) -> Result<u32, std::num::ParseIntError> {
        let guard = n("guard");
        for v in values {
            let item = n(v);
            if v == "!" {
                drop(guard);
                break;
            }
            let parsed: u32 = v.parse()?;
            drop(item);
            yield_!(Ok(parsed));
        }
    }
}

#[test]
fn moves_before_return_and_question_mark() {
    check!(moves_before_question_mark(vec!["1", "2"]));
    check!(moves_before_question_mark(vec!["1", "x", "3"]));
    same_drops!(moves_before_question_mark(vec!["1", "x"]));
    same_drops!(moves_before_question_mark(vec!["1", "!", "2"]));
}

// `let w;` assigned only after a yield: declared where it is assigned.
twin! {
    fn deferred_across_a_yield(n: u32) -> String {
        // The shape under test (clippy would move the `let` down, as in a plain fn).
        #[allow(clippy::needless_late_init)]
        let w;
        yield_!(format!("{n}"));
        w = n.to_string() + "!";
        yield_!(w.clone());
        let guard;
        yield_!("before".to_string());
        if n > 1 {
            guard = Noisy::new("late");
            yield_!(guard.name().to_string());
        }
        yield_!("after".to_string());
    }
}

#[test]
fn a_binding_declared_before_a_yield_and_assigned_after_it() {
    assert_eq!(check!(deferred_across_a_yield(2)).len(), 5);
    assert_eq!(check!(deferred_across_a_yield(0)).len(), 4);
    same_drops!(deferred_across_a_yield(2));
}

// A value moved away, then assigned again only on some paths through nested native loops:
// where they meet, it is kept with a drop flag.
twin! {
    fn reassigned_in_nested_loops(rounds: Vec<u32>, inner: u32) -> String {
        let mut last = Noisy::new("first");
        yield_!(last.name().to_string());
        drop(last);
        if inner > 0 {
            for r in rounds {
                for i in 0..inner {
                    last = Noisy::new(format!("r{r}i{i}"));
                    assert!(!last.name().is_empty());
                }
            }
        }
        yield_!("end".to_string());
    }
}

#[test]
fn a_drop_flag_after_nested_loops() {
    check!(reassigned_in_nested_loops(vec![1, 2], 2));
    check!(reassigned_in_nested_loops(vec![], 2));
    check!(reassigned_in_nested_loops(vec![1], 0));
    same_drops!(reassigned_in_nested_loops(vec![1, 2], 2));
    same_drops!(reassigned_in_nested_loops(vec![], 1));
}

struct Record {
    guard: Noisy,
    items: Vec<u64>,
    n: u64,
}

fn record() -> Record {
    Record {
        guard: n("guard"),
        items: vec![1, 2],
        n: 5,
    }
}

/// A pool of the user's whose `get` (named like `HashMap::get`) makes an owned value.
#[derive(Debug)]
pub struct Pool(Noisy);

impl Pool {
    pub fn get(&self, name: &str) -> Noisy {
        Noisy::new(format!("{name} of {}", self.0.name()))
    }
}

// `let pool;` assigned a value of the user's, then a value taken from it by a method named
// like a borrowing one: the value is owned and drops at the end of its block, after the
// items after it, as in the plain function.
twin! {
    fn deferred_users_value(wide: bool) -> usize {
        // The shape under test (clippy would move the `let` down, as in a plain fn).
        #[allow(clippy::needless_late_init)]
        let pool;
        if wide {
            pool = Pool(Noisy::new("pool"));
        } else {
            return;
        }
        let conn = pool.get("conn");
        let n = conn.name().len();
        yield_!(n);
        yield_!(n + 1);
    }
}

#[test]
fn a_value_taken_from_a_deferred_local_of_the_users_drops_at_the_end_of_its_block() {
    let log = same_drops!(deferred_users_value(true));
    let conn_drop = log.iter().position(|e| e == "drop conn of pool");
    let last_item = log.iter().position(|e| e == "yield 13");
    assert!(conn_drop > last_item, "{log:?}");
    check!(deferred_users_value(false));
}

fn add(a: u64, b: u64) -> u64 {
    a + b
}

// A field used by value in the right operand of `&&` in a `match` guard whose arm yields,
// after another field of the same value was moved out by a loop.
twin! {
    fn by_value_field_in_a_guard(k: u64) -> u64 {
        let r = record();
        let _kept = (&r.guard, &r.n);
        for v in r.items {
            yield_!(v);
        }
        match k % 4 {
            m if m > 0 && 3 < add(r.n, 1) => {
                yield_!(m);
            }
            _ => {}
        }
        yield_!(r.n);
    }
}

#[test]
fn a_by_value_use_in_a_guard() {
    assert_eq!(check!(by_value_field_in_a_guard(1)), [1, 2, 1, 5]);
    assert_eq!(check!(by_value_field_in_a_guard(4)), [1, 2, 5]);
    same_drops!(by_value_field_in_a_guard(1));
}
