//! `parser`: lines of `key=value` parsed with `?` (two fallible steps per line), yielding
//! `Result<(&str, u32), ParseError>`; the last line is malformed, so every implementation ends
//! with one `Err` item. Consumed by a `for` loop.

use std::hint::black_box;
use std::num::ParseIntError;
use std::str::Lines;
use std::sync::LazyLock;

use gen_core::generator;

use gen_benches::{Case, Rng, Workload};

/// Well-formed lines; one malformed line follows.
pub const LINES: u64 = 10_000;

static TEXT: LazyLock<String> = LazyLock::new(|| {
    let mut rng = Rng::new(0xfeed);
    let mut s = String::new();
    for i in 0..LINES {
        s.push_str(&format!("key_{i}={}\n", rng.below(1_000_000)));
    }
    s.push_str("no equals sign here\n");
    s
});

/// The generated input (built on first use).
pub fn text() -> &'static str {
    &TEXT
}

/// Why a line did not parse.
#[derive(Debug, PartialEq, Eq)]
pub enum ParseError {
    /// No `=` in the line.
    NoEquals,
    /// The value is not a `u32`.
    Int(ParseIntError),
}

impl From<ParseIntError> for ParseError {
    fn from(e: ParseIntError) -> Self {
        ParseError::Int(e)
    }
}

/// One parsed line.
pub type Item<'a> = Result<(&'a str, u32), ParseError>;

#[inline(always)]
fn parse_line(line: &str) -> Item<'_> {
    let (k, v) = line.split_once('=').ok_or(ParseError::NoEquals)?;
    Ok((k, v.parse()?))
}

/// Hand-written baseline.
#[derive(Debug)]
pub struct Parser<'a> {
    lines: Lines<'a>,
    done: bool,
}

impl<'a> Parser<'a> {
    /// Parses `text`.
    pub fn new(text: &'a str) -> Self {
        Parser {
            lines: text.lines(),
            done: false,
        }
    }
}

impl<'a> Iterator for Parser<'a> {
    type Item = Item<'a>;

    #[inline]
    fn next(&mut self) -> Option<Item<'a>> {
        if self.done {
            return None;
        }
        let Some(line) = self.lines.next() else {
            self.done = true;
            return None;
        };
        let r = parse_line(line);
        self.done = r.is_err();
        Some(r)
    }
}

/// Flat `#[generator]` (with the `fold` fast path).
#[generator]
pub fn gen_parse(text: &str) -> impl Iterator<Item = Result<(&str, u32), ParseError>> {
    for line in text.lines() {
        let (k, v) = line.split_once('=').ok_or(ParseError::NoEquals)?;
        let v: u32 = v.parse()?;
        yield_!(Ok((k, v)));
    }
}

/// Flat `#[generator(no_fold)]`.
#[generator(no_fold)]
pub fn gen_parse_no_fold(text: &str) -> impl Iterator<Item = Result<(&str, u32), ParseError>> {
    for line in text.lines() {
        let (k, v) = line.split_once('=').ok_or(ParseError::NoEquals)?;
        let v: u32 = v.parse()?;
        yield_!(Ok((k, v)));
    }
}

/// Flat `#[generator]` with the two `?` written as `match` + `yield_!(Err(..))` + `return`
/// (diagnostic: isolates the cost of the `?` lowering).
#[generator]
pub fn gen_parse_match(text: &str) -> impl Iterator<Item = Result<(&str, u32), ParseError>> {
    for line in text.lines() {
        let Some((k, v)) = line.split_once('=') else {
            yield_!(Err(ParseError::NoEquals));
            return;
        };
        match v.parse::<u32>() {
            Ok(n) => yield_!(Ok((k, n))),
            Err(e) => {
                yield_!(Err(ParseError::Int(e)));
                return;
            }
        }
    }
}

/// Compiler-backed `#[generator(boxed)]`.
#[generator(boxed)]
pub fn boxed_parse(text: &str) -> impl Iterator<Item = Result<(&str, u32), ParseError>> {
    for line in text.lines() {
        let (k, v) = line.split_once('=').ok_or(ParseError::NoEquals)?;
        let v: u32 = v.parse()?;
        yield_!(Ok((k, v)));
    }
}

/// `std::iter::from_fn` (the hand-written state in a closure).
pub fn from_fn_parse(text: &str) -> impl Iterator<Item = Item<'_>> {
    let mut p = Parser::new(text);
    std::iter::from_fn(move || p.next())
}

/// genawaiter (`rc`): no `?` in its body (its future returns `()`), so a `match` per step.
pub fn genawaiter_parse(text: &str) -> impl Iterator<Item = Item<'_>> {
    genawaiter::rc::Gen::new(move |co| async move {
        for line in text.lines() {
            let r = parse_line(line);
            let stop = r.is_err();
            co.yield_(r).await;
            if stop {
                return;
            }
        }
    })
    .into_iter()
}

/// next-gen: same shape as genawaiter.
#[next_gen::generator(yield(Item<'a>))]
pub fn next_gen_parse<'a>(text: &'a str) {
    for line in text.lines() {
        let r = parse_line(line);
        let stop = r.is_err();
        yield_!(r);
        if stop {
            return;
        }
    }
}

/// The consumer: checksum over keys, values and errors.
#[inline(always)]
pub fn consume_for<'a>(it: impl Iterator<Item = Item<'a>>) -> u64 {
    let mut acc = 0u64;
    for r in it {
        match black_box(r) {
            Ok((k, v)) => acc += k.len() as u64 + u64::from(v),
            Err(_) => acc += 1 << 40,
        }
    }
    acc
}

fn t() -> &'static str {
    black_box(text())
}

/// `parser_for`.
pub const WORKLOADS: &[Workload] = &[Workload {
    name: "parser_for",
    items: LINES + 1,
    cases: &[
        Case {
            imp: "hand",
            run: || consume_for(Parser::new(t())),
        },
        Case {
            imp: "gen",
            run: || consume_for(gen_parse(t())),
        },
        Case {
            imp: "gen_no_fold",
            run: || consume_for(gen_parse_no_fold(t())),
        },
        Case {
            imp: "gen_match",
            run: || consume_for(gen_parse_match(t())),
        },
        Case {
            imp: "gen_boxed",
            run: || consume_for(boxed_parse(t())),
        },
        Case {
            imp: "from_fn",
            run: || consume_for(from_fn_parse(t())),
        },
        Case {
            imp: "genawaiter",
            run: || consume_for(genawaiter_parse(t())),
        },
        Case {
            imp: "next_gen",
            run: || {
                next_gen::mk_gen!(let g = next_gen_parse(t()));
                consume_for(g)
            },
        },
        #[cfg(feature = "nightly")]
        Case {
            imp: "nightly_gen",
            run: || consume_for(super::nightly::parse(t())),
        },
    ],
}];

/// `size_of_val` of each implementation's generator before the first `next()`.
pub fn sizes() -> Vec<(&'static str, usize)> {
    use std::mem::size_of_val;
    let t = text();
    vec![
        ("hand", size_of_val(&Parser::new(t))),
        ("gen", size_of_val(&gen_parse(t))),
        ("gen_no_fold", size_of_val(&gen_parse_no_fold(t))),
        ("gen_boxed (handle)", size_of_val(&boxed_parse(t))),
        ("from_fn", size_of_val(&from_fn_parse(t))),
        ("genawaiter (handle)", size_of_val(&genawaiter_parse(t))),
        #[cfg(feature = "nightly")]
        ("nightly_gen", size_of_val(&super::nightly::parse(t))),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_baseline_computes_the_workload() {
        use super::{LINES, ParseError, Parser, gen_parse, text};
        let items: Vec<_> = gen_parse(text()).collect();
        assert_eq!(items.len() as u64, LINES + 1);
        assert_eq!(items.last(), Some(&Err(ParseError::NoEquals)));
        assert_eq!(Parser::new(text()).collect::<Vec<_>>(), items);
    }
}
