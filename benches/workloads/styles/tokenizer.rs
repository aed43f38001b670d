//! `tokenizer` styles: the words of `tokenizer::text()` (the same items as `tokenizer_for`,
//! whose body is the index-loop style), found three other ways:
//!
//! * `tokenizer_enumerate`: `for (i, &b) in text.as_bytes().iter().enumerate()` with the
//!   start of the current word in an `Option`; the `for` loop's iterator is kept across the
//!   yield;
//! * `tokenizer_peekable`: `while let Some(&(start, b)) = it.peek()` over
//!   `text.bytes().enumerate().peekable()`, the word's end found with `next_if`; the
//!   peekable iterator is kept across the yield;
//! * `tokenizer_split`: `for w in text.split(not_word)`, skipping empty pieces (`hand` is
//!   the adapter chain `text.split(not_word).filter(|w| !w.is_empty())`).

use std::hint::black_box;
use std::iter::{Enumerate, Peekable};
use std::str::Bytes;

use gen_core::generator;

use super::polled;
use crate::workloads::tokenizer::{consume_for, text};
use gen_benches::{Case, Workload};

#[inline(always)]
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The separator predicate of the `split` style.
#[inline(always)]
fn not_word(c: char) -> bool {
    !(c.is_ascii_alphanumeric() || c == '_')
}

// ---- enumerate ------------------------------------------------------------------------

/// Hand-written, `enumerate` style: the `for` loop's iterator is a field.
#[derive(Debug)]
pub struct WordsEnumerate<'a> {
    text: &'a str,
    it: Enumerate<std::slice::Iter<'a, u8>>,
    start: Option<usize>,
}

impl<'a> WordsEnumerate<'a> {
    /// The words of `text`.
    pub fn new(text: &'a str) -> Self {
        WordsEnumerate {
            text,
            it: text.as_bytes().iter().enumerate(),
            start: None,
        }
    }
}

impl<'a> Iterator for WordsEnumerate<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        for (i, &b) in self.it.by_ref() {
            if is_word(b) {
                if self.start.is_none() {
                    self.start = Some(i);
                }
            } else if let Some(s) = self.start.take() {
                return Some(&self.text[s..i]);
            }
        }
        self.start.take().map(|s| &self.text[s..])
    }
}

/// Flat `#[generator]`, `enumerate` style.
#[generator]
pub fn gen_enumerate(text: &str) -> impl Iterator<Item = &str> {
    let mut start = None;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if is_word(b) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            yield_!(&text[s..i]);
        }
    }
    if let Some(s) = start {
        yield_!(&text[s..]);
    }
}

/// `#[generator(boxed)]`, `enumerate` style.
#[generator(boxed)]
pub fn boxed_enumerate(text: &str) -> impl Iterator<Item = &str> {
    let mut start = None;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if is_word(b) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            yield_!(&text[s..i]);
        }
    }
    if let Some(s) = start {
        yield_!(&text[s..]);
    }
}

/// `#[generator] -> impl Stream`, `enumerate` style (polled synchronously).
#[generator]
pub fn stream_enumerate(text: &str) -> impl futures::Stream<Item = &str> {
    let mut start = None;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if is_word(b) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            yield_!(&text[s..i]);
        }
    }
    if let Some(s) = start {
        yield_!(&text[s..]);
    }
}

/// async-stream, `enumerate` style (polled synchronously).
pub fn async_stream_enumerate(text: &str) -> impl futures::Stream<Item = &str> {
    async_stream::stream! {
        let mut start = None;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if is_word(b) {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start.take() {
                yield &text[s..i];
            }
        }
        if let Some(s) = start {
            yield &text[s..];
        }
    }
}

/// genawaiter, `enumerate` style.
pub fn genawaiter_enumerate(text: &str) -> impl Iterator<Item = &str> {
    genawaiter::rc::Gen::new(move |co| async move {
        let mut start = None;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if is_word(b) {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start.take() {
                co.yield_(&text[s..i]).await;
            }
        }
        if let Some(s) = start {
            co.yield_(&text[s..]).await;
        }
    })
    .into_iter()
}

/// next-gen, `enumerate` style.
#[next_gen::generator(yield(&'a str))]
pub fn next_gen_enumerate<'a>(text: &'a str) {
    let mut start = None;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if is_word(b) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            yield_!(&text[s..i]);
        }
    }
    if let Some(s) = start {
        yield_!(&text[s..]);
    }
}

// ---- peekable -------------------------------------------------------------------------

/// Hand-written, `peekable` style.
#[derive(Debug)]
pub struct WordsPeekable<'a> {
    text: &'a str,
    it: Peekable<Enumerate<Bytes<'a>>>,
}

impl<'a> WordsPeekable<'a> {
    /// The words of `text`.
    pub fn new(text: &'a str) -> Self {
        WordsPeekable {
            text,
            it: text.bytes().enumerate().peekable(),
        }
    }
}

impl<'a> Iterator for WordsPeekable<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        while let Some(&(start, b)) = self.it.peek() {
            self.it.next();
            if !is_word(b) {
                continue;
            }
            let mut end = start + 1;
            while let Some((i, _)) = self.it.next_if(|&(_, b)| is_word(b)) {
                end = i + 1;
            }
            return Some(&self.text[start..end]);
        }
        None
    }
}

/// Flat `#[generator]`, `peekable` style.
#[generator]
pub fn gen_peekable(text: &str) -> impl Iterator<Item = &str> {
    let mut it = text.bytes().enumerate().peekable();
    while let Some(&(start, b)) = it.peek() {
        it.next();
        if !is_word(b) {
            continue;
        }
        let mut end = start + 1;
        while let Some((i, _)) = it.next_if(|&(_, b)| is_word(b)) {
            end = i + 1;
        }
        yield_!(&text[start..end]);
    }
}

/// `#[generator(boxed)]`, `peekable` style.
#[generator(boxed)]
pub fn boxed_peekable(text: &str) -> impl Iterator<Item = &str> {
    let mut it = text.bytes().enumerate().peekable();
    while let Some(&(start, b)) = it.peek() {
        it.next();
        if !is_word(b) {
            continue;
        }
        let mut end = start + 1;
        while let Some((i, _)) = it.next_if(|&(_, b)| is_word(b)) {
            end = i + 1;
        }
        yield_!(&text[start..end]);
    }
}

/// `#[generator] -> impl Stream`, `peekable` style (polled synchronously).
#[generator]
pub fn stream_peekable(text: &str) -> impl futures::Stream<Item = &str> {
    let mut it = text.bytes().enumerate().peekable();
    while let Some(&(start, b)) = it.peek() {
        it.next();
        if !is_word(b) {
            continue;
        }
        let mut end = start + 1;
        while let Some((i, _)) = it.next_if(|&(_, b)| is_word(b)) {
            end = i + 1;
        }
        yield_!(&text[start..end]);
    }
}

/// async-stream, `peekable` style (polled synchronously).
pub fn async_stream_peekable(text: &str) -> impl futures::Stream<Item = &str> {
    async_stream::stream! {
        let mut it = text.bytes().enumerate().peekable();
        while let Some(&(start, b)) = it.peek() {
            it.next();
            if !is_word(b) {
                continue;
            }
            let mut end = start + 1;
            while let Some((i, _)) = it.next_if(|&(_, b)| is_word(b)) {
                end = i + 1;
            }
            yield &text[start..end];
        }
    }
}

/// genawaiter, `peekable` style.
pub fn genawaiter_peekable(text: &str) -> impl Iterator<Item = &str> {
    genawaiter::rc::Gen::new(move |co| async move {
        let mut it = text.bytes().enumerate().peekable();
        while let Some(&(start, b)) = it.peek() {
            it.next();
            if !is_word(b) {
                continue;
            }
            let mut end = start + 1;
            while let Some((i, _)) = it.next_if(|&(_, b)| is_word(b)) {
                end = i + 1;
            }
            co.yield_(&text[start..end]).await;
        }
    })
    .into_iter()
}

/// next-gen, `peekable` style.
#[next_gen::generator(yield(&'a str))]
pub fn next_gen_peekable<'a>(text: &'a str) {
    let mut it = text.bytes().enumerate().peekable();
    while let Some(&(start, b)) = it.peek() {
        it.next();
        if !is_word(b) {
            continue;
        }
        let mut end = start + 1;
        while let Some((i, _)) = it.next_if(|&(_, b)| is_word(b)) {
            end = i + 1;
        }
        yield_!(&text[start..end]);
    }
}

// ---- split ----------------------------------------------------------------------------

/// The adapter chain, `split` style (the "hand-written" row: what a user writes without a
/// generator).
pub fn adapters_split(text: &str) -> impl Iterator<Item = &str> {
    text.split(not_word).filter(|w| !w.is_empty())
}

/// Flat `#[generator]`, `split` style.
#[generator]
pub fn gen_split(text: &str) -> impl Iterator<Item = &str> {
    for w in text.split(not_word) {
        if !w.is_empty() {
            yield_!(w);
        }
    }
}

/// `#[generator(boxed)]`, `split` style.
#[generator(boxed)]
pub fn boxed_split(text: &str) -> impl Iterator<Item = &str> {
    for w in text.split(not_word) {
        if !w.is_empty() {
            yield_!(w);
        }
    }
}

/// `#[generator] -> impl Stream`, `split` style (polled synchronously).
#[generator]
pub fn stream_split(text: &str) -> impl futures::Stream<Item = &str> {
    for w in text.split(not_word) {
        if !w.is_empty() {
            yield_!(w);
        }
    }
}

/// async-stream, `split` style (polled synchronously).
pub fn async_stream_split(text: &str) -> impl futures::Stream<Item = &str> {
    async_stream::stream! {
        for w in text.split(not_word) {
            if !w.is_empty() {
                yield w;
            }
        }
    }
}

/// genawaiter, `split` style.
pub fn genawaiter_split(text: &str) -> impl Iterator<Item = &str> {
    genawaiter::rc::Gen::new(move |co| async move {
        for w in text.split(not_word) {
            if !w.is_empty() {
                co.yield_(w).await;
            }
        }
    })
    .into_iter()
}

/// next-gen, `split` style.
#[next_gen::generator(yield(&'a str))]
pub fn next_gen_split<'a>(text: &'a str) {
    for w in text.split(not_word) {
        if !w.is_empty() {
            yield_!(w);
        }
    }
}

fn t() -> &'static str {
    black_box(text())
}

macro_rules! tokenizer_style {
    ($name:literal, $hand:expr, $gen:ident, $boxed:ident, $stream:ident, $as:ident,
     $ga:ident, $ng:ident, $nightly:ident) => {
        Workload {
            name: $name,
            items: 0,
            cases: &[
                Case {
                    imp: "hand",
                    run: || consume_for($hand(t())),
                },
                Case {
                    imp: "gen",
                    run: || consume_for($gen(t())),
                },
                Case {
                    imp: "gen_boxed",
                    run: || consume_for($boxed(t())),
                },
                Case {
                    imp: "gen_stream_sync",
                    run: || polled!(consume_for, $stream(t())),
                },
                Case {
                    imp: "async_stream",
                    run: || polled!(consume_for, $as(t())),
                },
                Case {
                    imp: "genawaiter",
                    run: || consume_for($ga(t())),
                },
                Case {
                    imp: "next_gen",
                    run: || {
                        next_gen::mk_gen!(let g = $ng(t()));
                        consume_for(g)
                    },
                },
                #[cfg(feature = "nightly")]
                Case {
                    imp: "nightly_gen",
                    run: || consume_for(crate::workloads::nightly::styles::$nightly(t())),
                },
            ],
        }
    };
}

/// `tokenizer_enumerate`, `tokenizer_peekable`, `tokenizer_split`. `items` is filled in by
/// [`crate::workloads::all`] (it depends on the text).
pub const WORKLOADS: &[Workload] = &[
    tokenizer_style!(
        "tokenizer_enumerate",
        WordsEnumerate::new,
        gen_enumerate,
        boxed_enumerate,
        stream_enumerate,
        async_stream_enumerate,
        genawaiter_enumerate,
        next_gen_enumerate,
        words_enumerate
    ),
    tokenizer_style!(
        "tokenizer_peekable",
        WordsPeekable::new,
        gen_peekable,
        boxed_peekable,
        stream_peekable,
        async_stream_peekable,
        genawaiter_peekable,
        next_gen_peekable,
        words_peekable
    ),
    tokenizer_style!(
        "tokenizer_split",
        adapters_split,
        gen_split,
        boxed_split,
        stream_split,
        async_stream_split,
        genawaiter_split,
        next_gen_split,
        words_split
    ),
];

#[cfg(test)]
mod tests {
    #[test]
    fn the_baseline_computes_the_workload() {
        // The same checksum as the index-loop `tokenizer_for`.
        let index = (crate::workloads::tokenizer::WORKLOADS[0].cases[0].run)();
        for w in super::WORKLOADS {
            assert_eq!((w.cases[0].run)(), index, "{}", w.name);
        }
    }
}
