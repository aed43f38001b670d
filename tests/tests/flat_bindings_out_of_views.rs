//! A `match`, `if let` or `let .. else` on a local that is a view into another local
//! (`let word = line.split(' ').next();`) binds parts of that view: they borrow what it
//! borrows, have nothing to drop, and are not kept across a yield after which they are not
//! read, so the view's owner can be kept (or moved) alone. The shapes of a line parser: an
//! arm that yields and leaves (`return`, `continue`), a guard, an `@` binding, a tuple of
//! views, with the view read again on the other path. Compared with the plain function.

use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

// `Some(w)` with a guard, in an arm that yields and returns; `word` read after the `match`.
twin! {
    fn first_len(line: String) -> usize {
        let word = line.split(' ').next();
        match word {
            Some(w) if w.len() > 3 => {
                yield_!(w.len());
                return;
            }
            _ => {}
        }
        yield_!(word.map_or(0, |w| w.len()));
    }
}

// A catch-all binding of the whole view (`other`), the view read after the `match`.
twin! {
    fn first_word_shouted(line: String) -> String {
        let word = line.split(' ').next().unwrap_or("");
        match word {
            "" => {}
            other => {
                yield_!(other.to_uppercase());
                return;
            }
        }
        yield_!(word.to_owned());
    }
}

#[test]
fn a_part_of_a_view_bound_in_an_arm_that_yields_and_returns() {
    assert_eq!(check!(first_len("ab cd".into())), [2]);
    assert_eq!(check!(first_len("abcd e".into())), [4]);
    assert_eq!(check!(first_len(String::new())), [0]);
    assert_eq!(check!(first_word_shouted("ab cd".into())), ["AB"]);
    assert_eq!(check!(first_word_shouted(" x".into())), [""]);
}

// `if let Some(c @ ("#" | ";")) = first` in a loop: the comment arm yields and continues.
twin! {
    fn comments_and_keys(lines: Vec<String>) -> String {
        let _open = n("open");
        for line in lines {
            let first = line.get(..1);
            if let Some(c @ ("#" | ";")) = first {
                yield_!(format!("comment {c}"));
                continue;
            }
            let key = line.split('=').next().unwrap_or_default();
            yield_!(format!("key {key} after {first:?}"));
        }
    }
}

#[test]
fn an_at_binding_of_a_view_in_a_loop_that_continues() {
    let lines = || vec!["# a".to_string(), "k=v".into(), ";x".into(), String::new()];
    assert_eq!(check!(comments_and_keys(lines())).len(), 4);
    same_drops!(comments_and_keys(lines()));
}

// A log parser: `let (Some(ts), Some(level), Some(msg)) = (..) else { continue };` of three
// views, then a `match` whose catch-all arm yields an error and continues.
twin! {
    fallible fn log_lines(lines: Vec<String>) -> Result<String, String> {
        let _session = n("session");
        for line in lines {
            let mut parts = line.splitn(3, ' ');
            let (Some(ts), Some(level), Some(msg)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            match level {
                "INFO" | "WARN" => {}
                other => {
                    yield_!(Err(format!("bad level {other} at {ts}")));
                    continue;
                }
            }
            yield_!(Ok(format!("{ts} {level}: {msg}")));
        }
    }
}

#[test]
fn views_out_of_a_tuple_of_views_in_a_let_else_then_a_match() {
    let lines = || {
        vec![
            "1 INFO up".to_string(),
            "2 DEBUG noise".into(),
            "short".into(),
            "3 WARN disk full".into(),
        ]
    };
    let out = check!(log_lines(lines()));
    assert_eq!(out.len(), 3);
    assert!(out[1].is_err());
    same_drops!(log_lines(lines()));
}

// A part of a tuple that is not a view (a guard) beside a view: still dropped where the
// plain function drops it, after the item.
twin! {
    fn view_beside_a_guard(line: String) -> usize {
        let pair = (line.split(' ').next(), n("guard"));
        if let (Some(s), g) = pair {
            yield_!(s.len());
            drop(g);
            return;
        }
        yield_!(0);
    }
}

#[test]
fn a_guard_beside_a_view_keeps_its_drop_timing() {
    assert_eq!(check!(view_beside_a_guard("abc d".into())), [3]);
    let log = same_drops!(view_beside_a_guard("abc d".into()));
    assert_eq!(log, ["yield 3", "drop guard"]);
}

// `let Some(name) = name else { continue };` shadowing a view: the part carries the view's
// borrow, and is not kept once dead.
twin! {
    fn names(lines: Vec<String>) -> String {
        for line in lines {
            let name = line.split(':').next();
            let Some(name) = name else { continue };
            yield_!(name.to_uppercase());
            yield_!(String::from("-"));
        }
    }
}

// `if let Some(pe) = e.downcast_ref::<ParseIntError>()`: a view into the boxed error.
twin! {
    fn classified(inputs: Vec<&'static str>) -> String {
        for input in inputs {
            let e: Box<dyn std::error::Error> = match input.parse::<i32>() {
                Ok(_) => input.into(),
                Err(pe) => Box::new(pe),
            };
            if let Some(pe) = e.downcast_ref::<std::num::ParseIntError>() {
                yield_!(format!("parse: {pe}"));
                continue;
            }
            yield_!(format!("other: {e}"));
        }
    }
}

#[test]
fn views_shadowed_by_a_let_else_and_downcast_references() {
    assert_eq!(
        check!(names(vec!["a: 1".into(), "b: 2".into()])),
        ["A", "-", "B", "-"]
    );
    assert_eq!(
        check!(classified(vec!["x", "7"])),
        ["parse: invalid digit found in string", "other: 7"]
    );
}

// `match e.kind() { .. }` of a method the macro does not know, on a local, in an arm that
// yields: maybe a view into the local (`ParseIntError::kind` is one).
twin! {
    fn lenient(lines: Vec<&'static str>) -> Result<i64, String> {
        for raw in lines {
            let parsed: Result<i64, std::num::ParseIntError> = raw.parse();
            match parsed {
                Ok(v) => yield_!(Ok(v)),
                Err(e) => match e.kind() {
                    std::num::IntErrorKind::Empty => continue,
                    _ => yield_!(Err(e.to_string())),
                },
            }
        }
    }
}

#[test]
fn a_match_on_what_an_unknown_method_returns_of_a_local() {
    let out = check!(lenient(vec!["1", "", "x"]));
    assert_eq!(out.len(), 2);
    assert_eq!(out[0], Ok(1));
    assert!(out[1].is_err());
}
