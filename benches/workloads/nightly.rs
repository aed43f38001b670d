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
