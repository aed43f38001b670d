//! Correct `stream!` blocks draw no warning: a captured variable the block assigns to
//! (declared `mut`), a `mut` local assigned after a yield, awaits. Compiled by `tests/ui.rs`
//! (`lints_pass`) and, under clippy, by `tests/lint_fixtures/check.sh`.
#![deny(warnings)]

use futures::executor::block_on;
use futures::stream::{Stream, StreamExt};

fn counter(limit: u32) -> impl Stream<Item = u32> {
    let mut sent = 0;
    gen_core::stream! {
        while sent < limit {
            std::future::ready(()).await;
            yield sent;
            sent += 1;
        }
    }
}

fn reassigned_after_yield(limit: u32) -> impl Stream<Item = u32> {
    gen_core::stream! {
        let mut last = limit;
        yield last;
        last = std::future::ready(limit * 2).await;
        yield last;
    }
}

pub fn main() {
    assert_eq!(block_on(counter(3).collect::<Vec<_>>()), [0, 1, 2]);
    assert_eq!(
        block_on(reassigned_after_yield(5).collect::<Vec<_>>()),
        [5, 10]
    );
}
