//! `parser` style: the items of `parser_for` (whose body is `for line in text.lines()` with
//! two `?`), with the lines found by slicing instead:
//!
//! * `parser_slice`: `while !rest.is_empty()`, `rest.split_once('\n')` per line, the two
//!   steps with `?` (genawaiter, next-gen and nightly `gen`: a `match` per step, as in
//!   `parser_for`).

use std::hint::black_box;

use gen_core::generator;

use super::polled;
use crate::workloads::parser::{Item, ParseError, consume_for, text};
use gen_benches::{Case, Workload};

/// Splits off the first line of `rest` (the input has no `\r`).
#[inline(always)]
fn first_line(rest: &str) -> (&str, &str) {
    rest.split_once('\n').unwrap_or((rest, ""))
}

#[inline(always)]
fn parse_line(line: &str) -> Item<'_> {
    let (k, v) = line.split_once('=').ok_or(ParseError::NoEquals)?;
    Ok((k, v.parse()?))
}

/// Hand-written, `slice` style.
#[derive(Debug)]
pub struct ParserSlice<'a> {
    rest: &'a str,
    done: bool,
}

impl<'a> ParserSlice<'a> {
    /// Parses `text`.
    pub fn new(text: &'a str) -> Self {
        ParserSlice {
            rest: text,
            done: false,
        }
    }
}

impl<'a> Iterator for ParserSlice<'a> {
    type Item = Item<'a>;

    #[inline]
    fn next(&mut self) -> Option<Item<'a>> {
        if self.done || self.rest.is_empty() {
            return None;
        }
        let (line, tail) = first_line(self.rest);
        self.rest = tail;
        let r = parse_line(line);
        self.done = r.is_err();
        Some(r)
    }
}

/// Flat `#[generator]`, `slice` style.
#[generator]
pub fn gen_slice(text: &str) -> impl Iterator<Item = Result<(&str, u32), ParseError>> {
    let mut rest = text;
    while !rest.is_empty() {
        let (line, tail) = first_line(rest);
        rest = tail;
        let (k, v) = line.split_once('=').ok_or(ParseError::NoEquals)?;
        let v: u32 = v.parse()?;
        yield_!(Ok((k, v)));
    }
}

/// `#[generator(boxed)]`, `slice` style.
#[generator(boxed)]
pub fn boxed_slice(text: &str) -> impl Iterator<Item = Result<(&str, u32), ParseError>> {
    let mut rest = text;
    while !rest.is_empty() {
        let (line, tail) = first_line(rest);
        rest = tail;
        let (k, v) = line.split_once('=').ok_or(ParseError::NoEquals)?;
        let v: u32 = v.parse()?;
        yield_!(Ok((k, v)));
    }
}

/// `#[generator] -> impl Stream`, `slice` style (polled synchronously).
#[generator]
pub fn stream_slice(text: &str) -> impl futures::Stream<Item = Result<(&str, u32), ParseError>> {
    let mut rest = text;
    while !rest.is_empty() {
        let (line, tail) = first_line(rest);
        rest = tail;
        let (k, v) = line.split_once('=').ok_or(ParseError::NoEquals)?;
        let v: u32 = v.parse()?;
        yield_!(Ok((k, v)));
    }
}

/// async-stream (`try_stream!`, whose `?` yields the error as the last item), `slice` style
/// (polled synchronously).
pub fn async_stream_slice(text: &str) -> impl futures::Stream<Item = Item<'_>> {
    async_stream::try_stream! {
        let mut rest = text;
        while !rest.is_empty() {
            let (line, tail) = first_line(rest);
            rest = tail;
            let (k, v) = line.split_once('=').ok_or(ParseError::NoEquals)?;
            let v: u32 = v.parse()?;
            yield (k, v);
        }
    }
}

/// genawaiter, `slice` style.
pub fn genawaiter_slice(text: &str) -> impl Iterator<Item = Item<'_>> {
    genawaiter::rc::Gen::new(move |co| async move {
        let mut rest = text;
        while !rest.is_empty() {
            let (line, tail) = first_line(rest);
            rest = tail;
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

/// next-gen, `slice` style.
#[next_gen::generator(yield(Item<'a>))]
pub fn next_gen_slice<'a>(text: &'a str) {
    let mut rest = text;
    while !rest.is_empty() {
        let (line, tail) = first_line(rest);
        rest = tail;
        let r = parse_line(line);
        let stop = r.is_err();
        yield_!(r);
        if stop {
            return;
        }
    }
}

fn t() -> &'static str {
    black_box(text())
}

/// `parser_slice`.
pub const WORKLOADS: &[Workload] = &[Workload {
    name: "parser_slice",
    items: crate::workloads::parser::LINES + 1,
    cases: &[
        Case {
            imp: "hand",
            run: || consume_for(ParserSlice::new(t())),
        },
        Case {
            imp: "gen",
            run: || consume_for(gen_slice(t())),
        },
        Case {
            imp: "gen_boxed",
            run: || consume_for(boxed_slice(t())),
        },
        Case {
            imp: "gen_stream_sync",
            run: || polled!(consume_for, stream_slice(t())),
        },
        Case {
            imp: "async_stream",
            run: || polled!(consume_for, async_stream_slice(t())),
        },
        Case {
            imp: "genawaiter",
            run: || consume_for(genawaiter_slice(t())),
        },
        Case {
            imp: "next_gen",
            run: || {
                next_gen::mk_gen!(let g = next_gen_slice(t()));
                consume_for(g)
            },
        },
        #[cfg(feature = "nightly")]
        Case {
            imp: "nightly_gen",
            run: || consume_for(crate::workloads::nightly::styles::parse_slice(t())),
        },
    ],
}];

#[cfg(test)]
mod tests {
    #[test]
    fn the_baseline_computes_the_workload() {
        let lines = (crate::workloads::parser::WORKLOADS[0].cases[0].run)();
        assert_eq!((super::WORKLOADS[0].cases[0].run)(), lines);
    }
}
