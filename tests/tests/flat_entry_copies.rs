//! Resume arms run before the state machine's loop (`emit/entry.rs`): a resume arm whose
//! code cannot change type inference is moved in front of the dispatch loop, and the loop
//! itself becomes a closure run when the arm jumps elsewhere. The bodies here mix such arms
//! with arms that stay in the loop (method calls, `?`, types fixed after the first yield):
//! the same drops at the same points, the same exits (`break` out of nested loops, `return`,
//! `?`), a panic that finishes the generator. Each body is compared with its plain twin, items
//! and the full drop log at every early stop.

use std::panic::{AssertUnwindSafe, catch_unwind};

use gen_core::generator;
use gen_tests::{Noisy, check, live, log, same_drops, take_log, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

twin! {
    fn nested_index_loops(rows: u32, cols: u32) -> u32 {
        let mut i = 0;
        while i < rows {
            let _row = n("row");
            let mut j = i + 1;
            while j < cols {
                yield_!(i * 100 + j);
                let _step = n("step");
                j += 1;
            }
            i += 1;
        }
    }
}

#[test]
fn nested_index_loops_resume_in_the_copy_and_leave_it_at_the_row_end() {
    assert_eq!(check!(nested_index_loops(3, 4)), [1, 2, 3, 102, 103, 203]);
    check!(nested_index_loops(0, 4));
    check!(nested_index_loops(5, 1));
    same_drops!(nested_index_loops(3, 4));
}

twin! {
    fn types_fixed_after_the_first_yield(limit: u32) -> u32 {
        // `seen`'s item type and `names`' are fixed only by code after a yield: rustc must
        // still infer them in source order.
        let mut seen = Vec::new();
        let mut names = std::collections::BTreeMap::new();
        let mut i = 0;
        while i < limit {
            yield_!(i);
            seen.push(i * 3);
            names.insert(i, format!("n{i}"));
            i += 1;
        }
        yield_!(seen.iter().sum::<u32>());
        yield_!(names.values().map(|s: &String| s.len() as u32).sum());
    }
}

#[test]
fn types_fixed_after_a_yield_are_inferred_in_source_order() {
    assert_eq!(
        check!(types_fixed_after_the_first_yield(4)),
        [0, 1, 2, 3, 18, 8]
    );
}

twin! {
    fn two_yields_per_iteration(limit: u32) -> u32 {
        let mut k = 0;
        loop {
            let _a = n("a");
            yield_!(k);
            let _b = n("b");
            yield_!(k + 1000);
            k += 1;
            if k == limit {
                break;
            }
        }
        let _tail = n("tail");
        yield_!(9999);
    }
}

#[test]
fn alternating_resume_states() {
    assert_eq!(
        check!(two_yields_per_iteration(2)),
        [0, 1000, 1, 1001, 9999]
    );
    same_drops!(two_yields_per_iteration(3));
}

twin! {
    fn labelled_exit_from_the_inner_loop(rows: u32) -> u32 {
        let mut i = 0;
        'outer: while i < rows {
            let _row = n("row");
            let mut j = 0;
            while j < 10 {
                yield_!(i * 10 + j);
                let _cell = n("cell");
                if i + j == 3 {
                    break 'outer;
                }
                if j == i {
                    i += 1;
                    continue 'outer;
                }
                j += 1;
            }
            i += 1;
        }
        let _after = n("after");
        yield_!(777);
    }
}

#[test]
fn labelled_break_and_continue_leave_the_copy() {
    check!(labelled_exit_from_the_inner_loop(5));
    same_drops!(labelled_exit_from_the_inner_loop(5));
}

twin! {
    fn return_from_the_copy(limit: u32) -> u32 {
        let _outer = n("outer");
        let mut i = 0;
        while i < limit {
            let _g = n("g");
            yield_!(i);
            if i == 2 {
                return;
            }
            i += 1;
        }
        yield_!(500);
    }
}

#[test]
fn return_inside_the_copied_arm() {
    assert_eq!(check!(return_from_the_copy(5)), [0, 1, 2]);
    assert_eq!(check!(return_from_the_copy(2)), [0, 1, 500]);
    same_drops!(return_from_the_copy(5));
}

twin! {
    fallible fn question_mark_in_the_copy(text: &'static str) -> Result<u32, std::num::ParseIntError> {
        let mut rest = text;
        while let Some((head, tail)) = rest.split_once(',') {
            let _g = n("field");
            let v: u32 = head.trim().parse()?;
            yield_!(Ok(v));
            rest = tail;
        }
        yield_!(Ok(rest.trim().parse::<u32>()?));
    }
}

#[test]
fn question_mark_inside_the_copied_arm() {
    check!(question_mark_in_the_copy("1, 2, 3"));
    check!(question_mark_in_the_copy("1, x, 3"));
    check!(question_mark_in_the_copy("1, 2, y"));
    same_drops!(question_mark_in_the_copy("1, x, 3"));
}

twin! {
    fn for_loop_after_the_yield(limit: u32) -> u32 {
        let mut i = 0;
        while i < limit {
            yield_!(i);
            for c in "ab".chars() {
                let _c = n("c");
                yield_!(c as u32 + i);
            }
            i += 1;
        }
    }
}

#[test]
fn resident_for_loop_entered_from_a_resume_arm() {
    check!(for_loop_after_the_yield(3));
    same_drops!(for_loop_after_the_yield(3));
}

#[generator]
fn panics_in_the_resumed_loop(arg: Noisy, at: u32) -> impl Iterator<Item = u32> {
    let _x = n("x");
    let mut i = 0;
    while i < 5 {
        yield_!(i);
        let _y = n("y");
        assert!(i != at, "boom at {i}");
        i += 1;
    }
    let _ = &arg;
}

#[test]
fn a_panic_in_the_copied_arm_finishes_the_generator() {
    let _ = take_log();
    let mut g = panics_in_the_resumed_loop(n("arg"), 2);
    let r = catch_unwind(AssertUnwindSafe(|| {
        for v in g.by_ref() {
            log(format!("yield {v}"));
        }
    }));
    assert!(r.is_err(), "the panic must propagate out of next()");
    assert_eq!(live(), 0, "a panic must not leak");
    assert_eq!(g.next(), None, "a panicked generator is finished");
    drop(g);
    let log = take_log();
    let drops: Vec<&String> = log.iter().filter(|l| l.starts_with("drop")).collect();
    assert_eq!(
        drops,
        ["drop y", "drop y", "drop y", "drop x", "drop arg"],
        "unwinding drops the iteration's `y`, then `x`, then the argument: {log:?}"
    );
}

// The arm resumed after the yield is arithmetic only (`j += 1`, comparisons, a labelled
// `break`, a `return`): it runs before the dispatch loop, with the row's guard held across.
twin! {
    fn arithmetic_resume_arm(rows: u32, cols: u32, stop: u32) -> u32 {
        let _outer = n("outer");
        let mut i = 0;
        'rows: while i < rows {
            let _row = n("row");
            let mut j = i + 1;
            while j < cols {
                yield_!(i * 100 + j);
                j += 1;
                if i + j == stop {
                    break 'rows;
                }
                if i * j > 2 * stop {
                    return;
                }
            }
            i += 1;
        }
        let _tail = n("tail");
        yield_!(999);
    }
}

#[test]
fn an_arithmetic_resume_arm_runs_before_the_dispatch_loop() {
    for stop in [0, 4, 5, 9] {
        check!(arithmetic_resume_arm(4, 5, stop));
        same_drops!(arithmetic_resume_arm(4, 5, stop));
    }
}
