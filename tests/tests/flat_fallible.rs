//! `?` in generators whose item is `Result<T, E>`: the error is converted with `From`, yielded
//! as the last item, and the generator ends (and stays ended). Also `yield_!(Ok(x?))`, `?`
//! inside loops and matches, `?` in closures and nested fns keeping their own meaning, and
//! `return;` in a fallible generator. Compared with the same body run as a plain function whose
//! `Err` becomes the last item (see `gen_tests::twin!`, `fallible` form).

use std::num::ParseIntError;

use gen_core::generator;
use gen_tests::{check, check_iter, same_drops, twin};

#[derive(Debug, PartialEq)]
enum MyErr {
    Parse(String),
    TooBig(u32),
}

impl From<ParseIntError> for MyErr {
    fn from(e: ParseIntError) -> Self {
        MyErr::Parse(e.to_string())
    }
}

fn small(n: u32) -> Result<u32, u32> {
    if n < 100 { Ok(n) } else { Err(n) }
}

impl From<u32> for MyErr {
    fn from(n: u32) -> Self {
        MyErr::TooBig(n)
    }
}

twin! {
    fallible fn parse_all(v: Vec<&'static str>) -> Result<u32, MyErr> {
        for s in v {
            let n: u32 = s.parse()?;
            yield_!(Ok(n));
            yield_!(Ok(small(n * 10)?));
        }
    }
}

#[test]
fn question_mark_yields_the_converted_error_last() {
    let e = || "x".parse::<u32>().unwrap_err().to_string();
    assert!(check!(parse_all(vec![])).is_empty());
    assert_eq!(
        check!(parse_all(vec!["1", "2"])),
        [Ok(1), Ok(10), Ok(2), Ok(20)]
    );
    assert_eq!(
        check!(parse_all(vec!["1", "x", "2"])),
        [Ok(1), Ok(10), Err(MyErr::Parse(e()))]
    );
    assert_eq!(
        check!(parse_all(vec!["3", "12", "4"])),
        [Ok(3), Ok(30), Ok(12), Err(MyErr::TooBig(120))]
    );
    assert_eq!(check!(parse_all(vec!["x"])), [Err(MyErr::Parse(e()))]);
}

twin! {
    fallible fn question_in_nested_control_flow(v: Vec<Vec<&'static str>>) -> Result<String, MyErr> {
        'rows: for row in v {
            let mut sum = 0u32;
            for cell in row {
                match cell {
                    "" => continue 'rows,
                    "!" => break 'rows,
                    c => {
                        let n = if let Some(hex) = c.strip_prefix("0x") {
                            u32::from_str_radix(hex, 16)?
                        } else {
                            c.parse::<u32>()?
                        };
                        sum += small(n)?;
                        yield_!(Ok(format!("+{n}")));
                    }
                }
            }
            yield_!(Ok(format!("={sum}")));
        }
        yield_!(Ok("end".to_string()));
    }
}

#[test]
fn question_mark_inside_loops_matches_and_if_let() {
    let ok = |s: &str| Ok(s.to_string());
    assert_eq!(
        check!(question_in_nested_control_flow(vec![
            vec!["1", "0x10"],
            vec!["5", "", "7"],
            vec!["2"],
        ])),
        [
            ok("+1"),
            ok("+16"),
            ok("=17"),
            ok("+5"),
            ok("+2"),
            ok("=2"),
            ok("end")
        ]
    );
    assert_eq!(
        check!(question_in_nested_control_flow(vec![
            vec!["1"],
            vec!["!"],
            vec!["9"]
        ])),
        [ok("+1"), ok("=1"), ok("end")]
    );
    assert_eq!(
        check!(question_in_nested_control_flow(vec![vec![
            "1", "0xzz", "2"
        ]])),
        [
            ok("+1"),
            Err(MyErr::Parse(
                u32::from_str_radix("zz", 16).unwrap_err().to_string()
            ))
        ]
    );
    assert_eq!(
        check!(question_in_nested_control_flow(vec![vec!["0x64"]])),
        [Err(MyErr::TooBig(100))]
    );
}

twin! {
    fallible fn question_in_closure_and_nested_fn(v: Vec<&'static str>) -> Result<u32, MyErr> {
        fn double(s: &str) -> Option<u32> {
            let n: u32 = s.parse().ok()?;
            Some(n * 2)
        }
        let halve = |s: &str| -> Result<u32, ParseIntError> { Ok(s.parse::<u32>()? / 2) };
        for s in v {
            // Both `?` above belong to the closure / nested fn: no error ends the generator.
            let d = double(s).unwrap_or(0);
            let h = halve(s).unwrap_or(0);
            yield_!(Ok(d + h));
        }
    }
}

#[test]
fn question_mark_in_closures_and_nested_fns_keeps_its_own_meaning() {
    assert_eq!(
        check!(question_in_closure_and_nested_fn(vec!["4", "x", "1"])),
        [Ok(10), Ok(0), Ok(2)]
    );
}

twin! {
    fallible fn question_before_any_yield(s: &'static str) -> Result<u32, MyErr> {
        let n: u32 = s.parse()?;
        let m = small(n)?;
        yield_!(Ok(m));
        yield_!(Err(MyErr::TooBig(0)));
        yield_!(Ok(m + 1));
    }
}

#[test]
fn question_mark_errors_before_the_first_yield_and_yielded_errors_do_not_end() {
    assert_eq!(
        check!(question_before_any_yield("7")),
        [Ok(7), Err(MyErr::TooBig(0)), Ok(8)]
    );
    assert_eq!(
        check!(question_before_any_yield("700")),
        [Err(MyErr::TooBig(700))]
    );
    assert_eq!(check!(question_before_any_yield("")).len(), 1);
}

#[generator]
fn fallible_with_return(v: Vec<&'static str>) -> impl Iterator<Item = Result<u32, MyErr>> {
    for s in v {
        if s == "stop" {
            return;
        }
        let n: u32 = s.parse()?;
        yield_!(Ok(n));
    }
    yield_!(Ok(999));
}

#[test]
fn return_and_question_mark_together() {
    let e = || MyErr::Parse("x".parse::<u32>().unwrap_err().to_string());
    type Case = (Vec<&'static str>, Vec<Result<u32, MyErr>>);
    let cases: [Case; 4] = [
        (vec![], vec![Ok(999)]),
        (vec!["1", "stop", "2"], vec![Ok(1)]),
        (vec!["1", "x", "stop"], vec![Ok(1), Err(e())]),
        (vec!["5", "6"], vec![Ok(5), Ok(6), Ok(999)]),
    ];
    for (input, expected) in cases {
        check_iter(&expected, || fallible_with_return(input.clone()));
    }
}

#[generator]
fn io_style(
    lines: Vec<&'static str>,
) -> impl Iterator<Item = Result<String, Box<dyn std::error::Error>>> {
    for line in lines {
        let n: i64 = line.parse()?;
        let m: u8 = u8::try_from(n)?;
        yield_!(Ok(format!("{m}")));
    }
}

#[test]
fn question_mark_into_a_boxed_error() {
    let got: Vec<String> = io_style(vec!["1", "300", "2"])
        .map(|r| match r {
            Ok(s) => s,
            Err(e) => format!("error: {e}"),
        })
        .collect();
    let overflow = u8::try_from(300i64).unwrap_err().to_string();
    assert_eq!(got, ["1".to_string(), format!("error: {overflow}")]);
    let mut g = io_style(vec!["x", "1"]);
    assert!(matches!(g.next(), Some(Err(_))));
    assert!(g.next().is_none());
    assert!(g.next().is_none());
}

// Regression (found by the differential fuzzer): `?` inside another macro's input.
twin! {
    fallible fn question_mark_in_macro_input(xs: Vec<&'static str>) -> Result<Vec<u32>, std::num::ParseIntError> {
        for x in xs {
            yield_!(Ok(vec![x.parse::<u32>()?, 0]));
        }
    }
}

#[test]
fn question_mark_inside_a_macro_input() {
    let items = check!(question_mark_in_macro_input(vec!["1", "x", "2"]));
    assert_eq!(items.len(), 2);
    assert_eq!(items[0], Ok(vec![1, 0]));
    assert!(items[1].is_err());
    assert_eq!(
        check!(question_mark_in_macro_input(vec!["7"])),
        [Ok(vec![7, 0])]
    );
}

// `e? * 2` at the start of a match arm, a block tail or a statement: one expression.
twin! {
    fallible fn question_mark_as_an_operand(v: Vec<Option<&'static str>>) -> Result<i64, MyErr> {
        for s in v {
            let doubled = match s {
                Some(t) => t.parse::<u32>()? as i64 * 2,
                None => 0,
            };
            yield_!(Ok(doubled));
            let bigger = if let Some(t) = s { t.parse::<u32>()? > 3 } else { false };
            yield_!(Ok(i64::from(bigger)));
            let tail = { s.unwrap_or("1").parse::<u32>()? + 1 };
            yield_!(Ok(i64::from(tail)));
        }
    }
}

#[test]
fn question_mark_followed_by_an_operator() {
    assert_eq!(
        check!(question_mark_as_an_operand(vec![
            Some("4"),
            None,
            Some("2")
        ])),
        [
            Ok(8),
            Ok(1),
            Ok(5),
            Ok(0),
            Ok(0),
            Ok(2),
            Ok(4),
            Ok(0),
            Ok(3)
        ]
    );
    let e = || "x".parse::<u32>().unwrap_err().to_string();
    assert_eq!(
        check!(question_mark_as_an_operand(vec![Some("x")])),
        [Err(MyErr::Parse(e()))]
    );
}

/// An item type written through an alias of `Result` (`Res<u32>`, as crates define their own
/// `Result<T>`): `?` works as with `Result<..>` written out, in every flavour.
type Res<T> = Result<T, String>;

#[generator]
fn parsed_through_an_alias(v: Vec<&'static str>) -> impl Iterator<Item = Res<u32>> {
    for s in v {
        let n: u32 = s.parse().map_err(|_| format!("bad {s}"))?;
        yield_!(Ok(n));
    }
}

#[generator(boxed)]
fn parsed_through_an_alias_boxed(v: Vec<&'static str>) -> impl Iterator<Item = Res<u32>> {
    for s in v {
        let n: u32 = s.parse().map_err(|_| format!("bad {s}"))?;
        yield_!(Ok(n));
    }
}

#[test]
fn question_mark_with_an_aliased_result_item() {
    let want: Vec<Res<u32>> = vec![Ok(1), Err("bad x".to_string())];
    check_iter(&want, || parsed_through_an_alias(vec!["1", "x", "3"]));
    check_iter(&want, || parsed_through_an_alias_boxed(vec!["1", "x", "3"]));
}

fn no_equals(lineno: usize) -> MyErr {
    MyErr::Parse(format!("line {lineno}: no `=`"))
}

twin! {
    fallible fn returned_errors(lines: Vec<&'static str>, guard: gen_tests::Noisy) -> Result<String, MyErr> {
        // `return Err(e)` ends the generator with `e` as its last item, as in a function
        // returning `Result<(), E>`; `return Ok(())` ends it without one.
        let _outer = gen_tests::Noisy::new("outer");
        for (lineno, line) in lines.into_iter().enumerate() {
            let _inner = gen_tests::Noisy::new("inner");
            if line.is_empty() {
                return Ok(());
            }
            let key = match line.split_once('=') {
                Some((k, _)) => k,
                None => return Err(no_equals(lineno)),
            };
            if key == "stop" {
                yield_!(Ok("stopping".to_owned()));
                return Err(MyErr::TooBig(lineno as u32));
            }
            yield_!(Ok(key.to_owned()));
        }
        drop(guard);
    }
}

#[generator(boxed)]
fn returned_errors_boxed(lines: Vec<&'static str>) -> impl Iterator<Item = Result<String, MyErr>> {
    for (lineno, line) in lines.into_iter().enumerate() {
        let Some((key, _)) = line.split_once('=') else {
            return Err(no_equals(lineno));
        };
        yield_!(Ok(key.to_owned()));
    }
}

#[test]
fn return_err_ends_the_generator_with_the_error_as_its_last_item() {
    use gen_tests::Noisy;
    assert_eq!(
        check!(returned_errors(vec!["a=1", "b", "c=3"], Noisy::new("g"))),
        [Ok("a".to_owned()), Err(no_equals(1))]
    );
    assert_eq!(
        check!(returned_errors(vec!["a=1", "", "c=3"], Noisy::new("g"))),
        [Ok("a".to_owned())]
    );
    assert_eq!(
        check!(returned_errors(vec!["stop=1"], Noisy::new("g"))),
        [Ok("stopping".to_owned()), Err(MyErr::TooBig(0))]
    );
    same_drops!(returned_errors(vec!["a=1", "b", "c=3"], Noisy::new("g")));
    same_drops!(returned_errors(
        vec!["x=1", "stop=2", "c=3"],
        Noisy::new("g")
    ));
    same_drops!(returned_errors(vec!["x=1", ""], Noisy::new("g")));
    assert_eq!(
        returned_errors_boxed(vec!["a=1", "b", "c=3"]).collect::<Vec<_>>(),
        [Ok("a".to_owned()), Err(no_equals(1))]
    );
}
