//! Section 15, "Async generators + `yield from` alternatives": Python async generators have
//! no `yield from`; `gen` has `yield_from!`, which yields every item of a `Stream` (in an
//! async generator) or of an `IntoIterator` (in a sync one).

use std::time::Duration;

use futures::{Stream, StreamExt};
use gen_core::generator;

use crate::{Transcript, say};

/// One shard's log lines, arriving over time.
#[generator]
pub fn shard(name: &'static str, lines: u32, every: Duration) -> impl Stream<Item = String> {
    for i in 1..=lines {
        tokio::time::sleep(every).await;
        yield_!(format!("{name}:{i}"));
    }
}

/// Every shard in turn, with a header before each: delegation with `yield_from!`.
#[generator]
pub fn all_shards(names: Vec<&'static str>, every: Duration) -> impl Stream<Item = String> {
    for name in names {
        yield_!(format!("== {name}"));
        yield_from!(shard(name, 2, every));
    }
    yield_!("== end".to_owned());
}

/// The same without `yield_from!`: nested streams flattened by a combinator.
pub fn all_shards_flatten(names: Vec<&'static str>, every: Duration) -> impl Stream<Item = String> {
    futures::stream::iter(names)
        .map(move |name| {
            futures::stream::once(async move { format!("== {name}") }).chain(shard(name, 2, every))
        })
        .flatten()
        .chain(futures::stream::once(async { "== end".to_owned() }))
}

/// A sync generator delegating to iterables.
#[generator]
pub fn header_then(rows: Vec<u32>) -> impl Iterator<Item = u32> {
    yield_!(0);
    yield_from!(rows);
    yield_from!([u32::MAX]);
}

/// Runs the section.
pub async fn demo(t: &mut Transcript) {
    let every = Duration::from_millis(5);
    let lines: Vec<String> = all_shards(vec!["eu", "us"], every).collect().await;
    say!(t, "yield_from! of two shard streams: {}", lines.join(" | "));
    let same: Vec<String> = all_shards_flatten(vec!["eu", "us"], every).collect().await;
    say!(
        t,
        "the flatten() alternative gives the same: {}",
        lines == same
    );
    say!(
        t,
        "sync yield_from!: {:?}",
        header_then(vec![7, 8]).collect::<Vec<_>>()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn delegates_every_item_in_order() {
        let every = Duration::from_millis(5);
        let lines: Vec<String> = all_shards(vec!["a", "b"], every).collect().await;
        assert_eq!(
            lines,
            ["== a", "a:1", "a:2", "== b", "b:1", "b:2", "== end"]
        );
        assert_eq!(
            all_shards_flatten(vec!["a", "b"], every)
                .collect::<Vec<_>>()
                .await,
            lines
        );
        assert_eq!(
            all_shards(vec![], every).collect::<Vec<_>>().await,
            ["== end"]
        );
    }

    #[test]
    fn sync_delegation() {
        assert_eq!(
            header_then(vec![1, 2]).collect::<Vec<_>>(),
            [0, 1, 2, u32::MAX]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t).await;
        assert!(t.contains("== eu | eu:1 | eu:2 | == us | us:1 | us:2 | == end"));
        assert!(t.contains("gives the same: true"));
        assert!(t.contains("sync yield_from!: [0, 7, 8, 4294967295]"));
    }
}
