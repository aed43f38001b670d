//! Section 5, "How `async for` works": `async for` is `__aiter__` plus `await __anext__()`
//! until `StopAsyncIteration`. In Rust: `while let Some(x) = stream.next().await`, which is
//! itself `poll_next` driven until `Ready(None)`.

use std::future::poll_fn;
use std::pin::pin;

use futures::{Stream, StreamExt};
use gen_core::generator;

use crate::{Transcript, say};

/// Three letters, with a scheduler hop before each one so they really arrive over time.
#[generator]
pub fn letters() -> impl Stream<Item = char> {
    for c in ['a', 'b', 'c'] {
        tokio::task::yield_now().await;
        yield_!(c);
    }
}

/// The loop everyone writes.
pub async fn with_while_let<S: Stream>(stream: S) -> Vec<S::Item> {
    let mut stream = pin!(stream);
    let mut out = Vec::new();
    while let Some(x) = stream.next().await {
        out.push(x);
    }
    out
}

/// The same loop one level lower, calling `poll_next` (Python's `__anext__`) directly.
#[allow(clippy::while_let_loop, reason = "the section spells the loop out")]
pub async fn with_poll_next<S: Stream>(stream: S) -> Vec<S::Item> {
    let mut stream = pin!(stream);
    let mut out = Vec::new();
    loop {
        match poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
            Some(x) => out.push(x),
            None => break,
        }
    }
    out
}

/// Runs the section.
pub async fn demo(t: &mut Transcript) {
    say!(
        t,
        "while let Some(x) = s.next().await -> {:?}",
        with_while_let(letters()).await
    );
    say!(
        t,
        "loop {{ poll_fn(poll_next).await }}  -> {:?}",
        with_poll_next(letters()).await
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn both_loops_see_the_same_items() {
        assert_eq!(with_while_let(letters()).await, ['a', 'b', 'c']);
        assert_eq!(with_poll_next(letters()).await, ['a', 'b', 'c']);
    }

    #[tokio::test]
    async fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t).await;
        assert!(t.contains("-> ['a', 'b', 'c']"));
        assert_eq!(t.lines().len(), 2);
    }
}
