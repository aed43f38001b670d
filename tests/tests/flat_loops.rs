//! Loops in the flat lowering: `loop`, `while`, `while let`, `for`, labels, `break 'l`,
//! `continue 'l`, `loop { break value }` with yields inside, early `return;`, and loops
//! without yields left verbatim. Each generator is compared with the same body run as a
//! plain function pushing into a `Vec` (see `gen_tests::twin!`).

use gen_tests::{check, twin};

twin! {
    fn counter(limit: u32) -> u32 {
        let mut current = 0;
        while current < limit {
            yield_!(current);
            current += 1;
        }
    }
}

#[test]
fn while_loop() {
    assert_eq!(check!(counter(0)), [] as [u32; 0]);
    assert_eq!(check!(counter(1)), [0]);
    assert_eq!(check!(counter(4)), [0, 1, 2, 3]);
}

twin! {
    fn plain_loop(n: u32) -> u32 {
        let mut i = 0;
        loop {
            if i >= n {
                break;
            }
            yield_!(i * 10);
            i += 1;
        }
        yield_!(999);
    }
}

#[test]
fn loop_with_break() {
    assert_eq!(check!(plain_loop(0)), [999]);
    assert_eq!(check!(plain_loop(3)), [0, 10, 20, 999]);
}

twin! {
    fn for_range(n: u32) -> u32 {
        for i in 0..n {
            yield_!(i);
            yield_!(i + 100);
        }
    }
}

#[test]
fn for_loop() {
    assert_eq!(check!(for_range(0)), [] as [u32; 0]);
    assert_eq!(check!(for_range(2)), [0, 100, 1, 101]);
    check!(for_range(7));
}

twin! {
    fn for_over_vec(v: Vec<String>) -> String {
        for (i, s) in v.into_iter().enumerate() {
            yield_!(format!("{i}:{s}"));
        }
    }
}

#[test]
fn for_loop_with_pattern_and_owned_iterator() {
    let words = || vec!["a".to_string(), "bc".to_string()];
    assert_eq!(check!(for_over_vec(words())), ["0:a", "1:bc"]);
    check!(for_over_vec(Vec::new()));
}

twin! {
    fn pairs(n: u32) -> u32 {
        for i in 0..n {
            for j in i + 1..n {
                yield_!(i * j);
            }
        }
    }
}

#[test]
fn nested_for_loops() {
    assert_eq!(check!(pairs(4)), [0, 0, 0, 2, 3, 6]);
    check!(pairs(0));
    check!(pairs(1));
    check!(pairs(9));
}

twin! {
    fn drain_stack(start: Vec<u32>) -> u32 {
        let mut stack = start;
        while let Some(top) = stack.pop() {
            if top > 1 {
                stack.push(top / 2);
                stack.push(top / 2 - 1);
            }
            yield_!(top);
        }
    }
}

#[test]
fn while_let_loop() {
    assert_eq!(check!(drain_stack(vec![])), [] as [u32; 0]);
    assert_eq!(check!(drain_stack(vec![4])), [4, 1, 2, 0, 1]);
    check!(drain_stack(vec![9, 3, 17]));
}

twin! {
    fn labelled(n: u32) -> (u32, u32) {
        'outer: for i in 0..n {
            'inner: for j in 0..n {
                if j == 1 {
                    continue 'inner;
                }
                if i + j == 4 {
                    continue 'outer;
                }
                if i * j > 6 {
                    break 'outer;
                }
                yield_!((i, j));
                if j > i {
                    break 'inner;
                }
            }
            yield_!((i, 100));
        }
        yield_!((1000, 1000));
    }
}

#[test]
fn labelled_break_and_continue_across_yields() {
    assert_eq!(check!(labelled(0)), [(1000, 1000)]);
    assert_eq!(
        check!(labelled(3)),
        [
            (0, 0),
            (0, 2),
            (0, 100),
            (1, 0),
            (1, 2),
            (1, 100),
            (2, 0),
            (1000, 1000)
        ]
    );
    check!(labelled(5));
    check!(labelled(8));
}

twin! {
    fn labelled_while_and_loop(n: u32) -> u32 {
        let mut i = 0;
        'w: while i < n {
            i += 1;
            let mut j = 0;
            'l: loop {
                j += 1;
                if j > i {
                    break 'l;
                }
                if j % 2 == 0 {
                    continue 'l;
                }
                if i == 4 {
                    continue 'w;
                }
                if i == 6 {
                    break 'w;
                }
                yield_!(i * 10 + j);
            }
            yield_!(i);
        }
    }
}

#[test]
fn labels_on_while_and_loop() {
    assert_eq!(
        check!(labelled_while_and_loop(3)),
        [11, 1, 21, 2, 31, 33, 3]
    );
    check!(labelled_while_and_loop(0));
    check!(labelled_while_and_loop(10));
}

twin! {
    fn break_value(n: u32) -> u32 {
        let mut i = 0;
        let found = loop {
            yield_!(i);
            if i * i >= n {
                break i;
            }
            i += 1;
        };
        yield_!(found + 1000);
    }
}

#[test]
fn loop_break_value_with_yields() {
    assert_eq!(check!(break_value(0)), [0, 1000]);
    assert_eq!(check!(break_value(5)), [0, 1, 2, 3, 1003]);
}

twin! {
    #[allow(clippy::never_loop)]
    fn labelled_break_value(n: u32) -> u32 {
        let v = 'search: loop {
            for i in 0..n {
                yield_!(i);
                if i == 3 {
                    break 'search i * 2;
                }
            }
            break 0;
        };
        yield_!(v + 100);
    }
}

#[test]
fn labelled_break_value_out_of_a_nested_for() {
    assert_eq!(check!(labelled_break_value(2)), [0, 1, 100]);
    assert_eq!(check!(labelled_break_value(9)), [0, 1, 2, 3, 106]);
}

twin! {
    fn early_return(n: u32) -> u32 {
        for i in 0..n {
            if i == 3 {
                return;
            }
            yield_!(i);
        }
        yield_!(100);
    }
}

#[test]
fn early_return_ends_the_generator() {
    assert_eq!(check!(early_return(0)), [100]);
    assert_eq!(check!(early_return(3)), [0, 1, 2, 100]);
    assert_eq!(check!(early_return(10)), [0, 1, 2]);
}

twin! {
    fn return_before_any_yield(skip: bool) -> u32 {
        if skip {
            return;
        }
        yield_!(1);
    }
}

#[test]
fn zero_yield_paths() {
    assert_eq!(check!(return_before_any_yield(true)), [] as [u32; 0]);
    assert_eq!(check!(return_before_any_yield(false)), [1]);
}

twin! {
    #[allow(clippy::never_loop)]
    fn verbatim_inner_loops(n: u32) -> u32 {
        for i in 0..n {
            // No yield inside: emitted verbatim, its `break`/`continue` stay native.
            let mut acc = 0;
            'scan: for j in 0..10 {
                for k in 0..10 {
                    if k > j {
                        continue 'scan;
                    }
                    if j * k > i * 3 {
                        break 'scan;
                    }
                    acc += j * k;
                }
            }
            let mut w = i;
            while w > 1 {
                w /= 2;
                acc += 1;
            }
            let doubled = loop {
                break acc * 2;
            };
            yield_!(doubled);
        }
    }
}

#[test]
fn loops_without_yields_inside_a_yielding_loop() {
    check!(verbatim_inner_loops(0));
    check!(verbatim_inner_loops(6));
}

twin! {
    #[allow(clippy::manual_is_multiple_of)]
    fn collatz(start: u64) -> u64 {
        let mut x = start;
        while x != 1 {
            yield_!(x);
            x = if x % 2 == 0 { x / 2 } else { 3 * x + 1 };
        }
        yield_!(1);
    }
}

#[test]
fn long_running_loop() {
    assert_eq!(check!(collatz(6)), [6, 3, 10, 5, 16, 8, 4, 2, 1]);
    assert_eq!(check!(collatz(27)).len(), 112);
}

twin! {
    fn deep_nesting(n: u32) -> u32 {
        let mut total = 0;
        'a: for a in 0..n {
            let mut b = 0;
            while b < a {
                b += 1;
                let mut c = 0;
                loop {
                    c += 1;
                    if c > b {
                        break;
                    }
                    total += a + b + c;
                    if total % 7 == 0 {
                        continue 'a;
                    }
                    yield_!(total);
                }
                yield_!(b);
            }
        }
        yield_!(total);
    }
}

#[test]
fn three_levels_of_yielding_loops() {
    check!(deep_nesting(0));
    check!(deep_nesting(1));
    check!(deep_nesting(6));
}

// Regression (found by gen-examples §12): an outer local reassigned inside an inner loop that
// yields; the inner loop's head must not treat the assignment in its body as certain.
twin! {
    fn keyset_cursor(n: i64) -> i64 {
        let mut after = -1;
        loop {
            for id in after + 1..n {
                after = id;
                yield_!(id);
            }
            if after >= n - 1 {
                return;
            }
        }
    }
}

#[test]
fn reassigned_in_a_yielding_inner_loop() {
    assert_eq!(check!(keyset_cursor(4)), [0, 1, 2, 3]);
    check!(keyset_cursor(0));
}

// `zip`/`chain` hold the iterator they are given: over a borrow of a local, the loop is fine
// when it does not yield (the borrow ends with it), and an iterator argument's borrow through
// a reference argument may cross yields.
twin! {
    fn zipped_with_locals(xs: &[u32]) -> u32 {
        let doubled: Vec<u32> = xs.iter().map(|x| x * 2).collect();
        let mut dot = 0;
        for (a, b) in xs.iter().zip(doubled.iter()) {
            dot += a * b;
        }
        yield_!(dot);
        for (i, x) in (0..).zip(xs.iter().chain(xs)) {
            yield_!(i + x);
        }
        let tail: u32 = xs.iter().chain(&doubled).sum();
        yield_!(tail);
        yield_!(doubled.len() as u32);
    }
}

#[test]
fn zip_and_chain_of_borrows() {
    assert_eq!(check!(zipped_with_locals(&[1, 2])), [10, 1, 3, 3, 5, 9, 2]);
    check!(zipped_with_locals(&[]));
}
