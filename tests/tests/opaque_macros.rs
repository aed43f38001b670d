//! Macros whose expansion the lowering cannot see (`?`, `return`, `break`, `continue` or a
//! `let` inside a `macro_rules!` of the user's): the body runs as written (lowered `boxed`),
//! so they mean what they mean in the plain function. Compared with the plain twin (items and
//! drops, at every early stop), through `next()` and `fold`.

use gen_tests::{Noisy, check, same_drops, twin};

macro_rules! parse_or_bail {
    ($s:expr) => {
        $s.trim().parse::<u32>().map_err(|e| e.to_string())?
    };
}

macro_rules! stop_at_zero {
    ($x:expr) => {
        if $x == 0 {
            return;
        }
    };
}

macro_rules! break_on {
    ($x:expr, $v:expr) => {
        if $x == $v {
            break;
        }
    };
}

macro_rules! skip_odd {
    ($x:expr) => {
        if $x % 2 == 1 {
            continue;
        }
    };
}

macro_rules! break_with {
    ($x:expr) => {
        if $x > 2 {
            break $x * 100;
        }
    };
}

twin! {
    fallible fn parsed(lines: Vec<&'static str>) -> Result<u32, String> {
        let _g = Noisy::new("g");
        for l in lines {
            let v = parse_or_bail!(l);
            yield_!(Ok(v));
        }
    }
}

twin! {
    fn until_zero(xs: Vec<u32>) -> u32 {
        let _g = Noisy::new("g");
        for x in xs {
            stop_at_zero!(x);
            yield_!(x);
        }
        yield_!(999);
    }
}

twin! {
    fn loops_left_by_macros(xs: Vec<u32>) -> u32 {
        for &x in &xs {
            let _it = Noisy::new(format!("it{x}"));
            break_on!(x, 3);
            skip_odd!(x);
            yield_!(x);
        }
        let mut i = 0;
        let total = loop {
            i += 1;
            yield_!(i);
            break_with!(i);
        };
        yield_!(total);
    }
}

#[test]
fn a_question_mark_inside_a_macro_yields_the_error_last() {
    assert_eq!(
        check!(parsed(vec!["1", " 2", "x", "4"])),
        [
            Ok(1),
            Ok(2),
            Err("invalid digit found in string".to_string())
        ]
    );
    same_drops!(parsed(vec!["1", "x"]));
}

#[test]
fn a_return_inside_a_macro_ends_the_generator() {
    assert_eq!(check!(until_zero(vec![1, 2, 0, 3])), [1, 2]);
    assert_eq!(check!(until_zero(vec![1])), [1, 999]);
    same_drops!(until_zero(vec![1, 0, 3]));
}

#[test]
fn break_and_continue_inside_macros_leave_the_user_loops() {
    assert_eq!(
        check!(loops_left_by_macros(vec![2, 1, 4, 3, 6])),
        [2, 4, 1, 2, 3, 300]
    );
    same_drops!(loops_left_by_macros(vec![2, 1, 4, 3, 6]));
}

#[test]
fn in_an_iter_block_too() {
    let xs = vec![2u32, 1, 4, 3, 6];
    let got: Vec<u32> = gen_core::iter! {
        for x in xs {
            break_on!(x, 3);
            skip_odd!(x);
            yield_!(x);
        }
        yield_!(999);
    }
    .collect();
    assert_eq!(got, [2, 4, 999]);
}
