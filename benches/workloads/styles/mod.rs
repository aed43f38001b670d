//! The sync workloads written other ways ("styles"): the same items as `count`, `pairs`,
//! `tokenizer`, `take` and `parser`, with the generator body (and a hand-written `Iterator`
//! with the same algorithm and state) written as users write them: `for` over a range, `loop`
//! with `break`, `while` index loops, iterator adapters (`flat_map`), an iterator
//! (`enumerate()`, `peekable()`) kept across the yield, `str::split`, slicing.
//!
//! Each style is one workload (`<workload>_<style>`, consumed by a `for` loop) with these
//! implementations, where they build: `hand` (a hand-written `Iterator` with the style's
//! state; for `*_flat_map` and `*_split` the std adapter chain itself), `gen` (flat
//! `#[generator]`), `gen_boxed` (`#[generator(boxed)]`), `gen_stream_sync` (diagnostic: the
//! same body as `#[generator] -> impl Stream`, stack-pinned and polled with a no-op waker,
//! i.e. `gen_boxed` without the box), `async_stream` (`stream!`, stack-pinned and polled
//! with a no-op waker), `genawaiter`, `next_gen`, `nightly_gen`.

use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use futures::Stream;

pub mod count;
pub mod pairs;
pub mod parser;
pub mod tokenizer;

/// A stream polled synchronously with a no-op waker, as an `Iterator` (how a sync caller
/// drives an async generator that never awaits anything pending).
#[derive(Debug)]
pub struct Polled<'a, S: ?Sized>(pub Pin<&'a mut S>);

impl<S: Stream + ?Sized> Iterator for Polled<'_, S> {
    type Item = S::Item;

    #[inline]
    fn next(&mut self) -> Option<S::Item> {
        match self
            .0
            .as_mut()
            .poll_next(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(x) => x,
            Poll::Pending => unreachable!("a sync body awaits nothing pending"),
        }
    }
}

/// `polled!(consume, stream)`: `consume(Polled(stream))` with the stream pinned on the stack.
macro_rules! polled {
    ($consume:path, $stream:expr) => {{
        let s = ::std::pin::pin!($stream);
        $consume(super::Polled(s))
    }};
}
pub(crate) use polled;

/// Every workload of this module.
pub fn all() -> Vec<gen_benches::Workload> {
    let mut v = Vec::new();
    v.extend_from_slice(count::WORKLOADS);
    v.extend_from_slice(pairs::WORKLOADS);
    v.extend_from_slice(tokenizer::WORKLOADS);
    v.extend_from_slice(parser::WORKLOADS);
    v
}
