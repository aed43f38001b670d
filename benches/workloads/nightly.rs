//! The workloads as nightly `gen` / `async gen` blocks (`--features nightly`, `cargo +nightly`).
//! A separate file because stable rustc rejects `yield` syntax even in `cfg`-disabled code.

use std::async_iter::AsyncIterator;
use std::pin::Pin;
use std::task::{Context, Poll};

/// `count`.
pub fn count(limit: u64) -> impl Iterator<Item = u64> {
    gen move {
        let mut i = 0;
        while i < limit {
            yield i;
            i += 1;
        }
    }
}

/// `pairs`.
pub fn pairs(n: u64) -> impl Iterator<Item = u64> {
    gen move {
        for i in 0..n {
            for j in i + 1..n {
                yield i * j;
            }
        }
    }
}

/// `tokenizer`.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    gen move {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            while i < bytes.len() && !(bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            if start < i {
                yield &text[start..i];
            }
        }
    }
}

/// `take` / `startup`.
pub fn ids(start: u64) -> impl Iterator<Item = u64> {
    gen move {
        let mut id = start;
        loop {
            yield id;
            id = id.wrapping_add(1);
        }
    }
}

/// `parser` (no `?` inside `gen` blocks: a `match` per step).
pub fn parse(text: &str) -> impl Iterator<Item = super::parser::Item<'_>> {
    use super::parser::ParseError;
    gen move {
        for line in text.lines() {
            let Some((k, v)) = line.split_once('=') else {
                yield Err(ParseError::NoEquals);
                return;
            };
            match v.parse::<u32>() {
                Ok(v) => yield Ok((k, v)),
                Err(e) => {
                    yield Err(ParseError::Int(e));
                    return;
                }
            }
        }
    }
}

pin_project_lite::pin_project! {
    /// An `async gen` block (an `AsyncIterator`) as a `futures::Stream`.
    #[derive(Debug)]
    pub struct AsStream<S> {
        #[pin]
        inner: S,
    }
}

impl<S: AsyncIterator> futures::Stream for AsStream<S> {
    type Item = S::Item;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        self.project().inner.poll_next(cx)
    }
}

fn wrap<S: AsyncIterator>(inner: S) -> AsStream<S> {
    AsStream { inner }
}

/// `stream_none`.
pub fn none<const V: u8>(limit: u64) -> AsStream<impl AsyncIterator<Item = u64>> {
    wrap(async gen move {
        let mut i = 0;
        while i < limit {
            yield i;
            i += 1;
        }
    })
}

/// `stream_ready`.
pub fn ready<const V: u8>(limit: u64) -> AsStream<impl AsyncIterator<Item = u64>> {
    wrap(async gen move {
        let mut i = 0;
        while i < limit {
            yield std::future::ready(i).await;
            i += 1;
        }
    })
}

/// `stream_mpsc`.
pub fn chan<const V: u8>(
    mut rx: tokio::sync::mpsc::Receiver<u64>,
) -> AsStream<impl AsyncIterator<Item = u64>> {
    wrap(async gen move {
        while let Some(x) = rx.recv().await {
            yield x;
        }
    })
}

/// The sync workloads written other ways (`styles/`), as `gen` blocks.
pub mod styles {
    use crate::workloads::parser::{Item, ParseError};

    #[inline(always)]
    fn is_word(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'_'
    }

    #[inline(always)]
    fn not_word(c: char) -> bool {
        !(c.is_ascii_alphanumeric() || c == '_')
    }

    /// `count_range`.
    pub fn count_range(limit: u64) -> impl Iterator<Item = u64> {
        gen move {
            for i in 0..limit {
                yield i;
            }
        }
    }

    /// `count_loop`.
    pub fn count_loop(limit: u64) -> impl Iterator<Item = u64> {
        gen move {
            let mut i = 0;
            loop {
                if i >= limit {
                    break;
                }
                yield i;
                i += 1;
            }
        }
    }

    /// `take_range`.
    pub fn ids_range(start: u64) -> impl Iterator<Item = u64> {
        gen move {
            for id in start.. {
                yield id;
            }
        }
    }

    /// `pairs_while`.
    pub fn pairs_while(n: u64) -> impl Iterator<Item = u64> {
        gen move {
            let mut i = 0;
            while i < n {
                let mut j = i + 1;
                while j < n {
                    yield i * j;
                    j += 1;
                }
                i += 1;
            }
        }
    }

    /// `pairs_flat_map`.
    pub fn pairs_flat_map(n: u64) -> impl Iterator<Item = u64> {
        gen move {
            for x in (0..n).flat_map(move |i| (i + 1..n).map(move |j| i * j)) {
                yield x;
            }
        }
    }

    /// `tokenizer_enumerate`.
    pub fn words_enumerate(text: &str) -> impl Iterator<Item = &str> {
        gen move {
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

    /// `tokenizer_peekable`.
    pub fn words_peekable(text: &str) -> impl Iterator<Item = &str> {
        gen move {
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

    /// `tokenizer_split`.
    pub fn words_split(text: &str) -> impl Iterator<Item = &str> {
        gen move {
            for w in text.split(not_word) {
                if !w.is_empty() {
                    yield w;
                }
            }
        }
    }

    /// `parser_slice` (a `match` per step, as in `parser_for`).
    pub fn parse_slice(text: &str) -> impl Iterator<Item = Item<'_>> {
        gen move {
            let mut rest = text;
            while !rest.is_empty() {
                let (line, tail) = rest.split_once('\n').unwrap_or((rest, ""));
                rest = tail;
                let Some((k, v)) = line.split_once('=') else {
                    yield Err(ParseError::NoEquals);
                    return;
                };
                match v.parse::<u32>() {
                    Ok(v) => yield Ok((k, v)),
                    Err(e) => {
                        yield Err(ParseError::Int(e));
                        return;
                    }
                }
            }
        }
    }
}
