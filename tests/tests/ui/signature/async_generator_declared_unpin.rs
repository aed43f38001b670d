// An async generator is a coroutine that holds its locals in place, so it is never `Unpin`:
// declaring `+ Unpin` is the macro's error on the bound, naming where to pin it instead.
use futures::{Stream, StreamExt};
use gen_core::generator;

#[generator]
fn ticks(n: u32) -> impl Stream<Item = u32> + Unpin {
    for i in 0..n {
        std::future::ready(()).await;
        yield_!(i);
    }
}

#[generator]
fn fixed(n: u32) -> impl Stream<Item = u32> {
    for i in 0..n {
        std::future::ready(()).await;
        yield_!(i);
    }
}

fn main() {
    let _ = ticks(3);
    let mut pinned = Box::pin(fixed(3));
    let _ = pinned.next();
}
