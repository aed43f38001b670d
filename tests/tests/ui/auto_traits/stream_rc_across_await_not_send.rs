use std::rc::Rc;

use futures::{Stream, StreamExt};
use gen_core::generator;

#[generator]
fn holds_rc() -> impl Stream<Item = u32> {
    let shared = Rc::new(1);
    tokio::task::yield_now().await;
    yield_!(*shared);
}

#[tokio::main]
async fn main() {
    let s = holds_rc();
    tokio::spawn(async move {
        let mut s = Box::pin(s);
        while s.next().await.is_some() {}
    });
}
