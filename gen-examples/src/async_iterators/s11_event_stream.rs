//! Section 11, "Async event consumer": `event_stream` yields start/process/end events, half a
//! second apart, and a consumer reacts to each as it comes.

use std::pin::pin;
use std::time::Duration;

use futures::{Stream, StreamExt};
use gen_core::generator;
use tokio::time::Instant;

use crate::{Transcript, say};

/// One event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// What happened.
    pub name: &'static str,
    /// Position in the stream, from 1.
    pub seq: u32,
}

/// The three events of the document, `delay` apart.
#[generator]
pub fn event_stream(delay: Duration) -> impl Stream<Item = Event> {
    for (seq, name) in (1..).zip(["start", "process", "end"]) {
        tokio::time::sleep(delay).await;
        yield_!(Event { name, seq });
    }
}

/// A consumer: handles each event as it arrives, logging `"{name} at {ms}ms"`, and stops
/// early at the first event named `stop_at`, if any.
pub async fn consume_events(
    events: impl Stream<Item = Event>,
    stop_at: Option<&str>,
) -> Vec<String> {
    let start = Instant::now();
    let mut events = pin!(events);
    let mut log = Vec::new();
    while let Some(event) = events.next().await {
        log.push(format!(
            "#{} {} at {}ms",
            event.seq,
            event.name,
            start.elapsed().as_millis()
        ));
        if Some(event.name) == stop_at {
            break;
        }
    }
    log
}

/// Runs the section (1.5 real seconds).
pub async fn demo(t: &mut Transcript) {
    for line in consume_events(event_stream(Duration::from_millis(500)), None).await {
        say!(t, "{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn events_arrive_half_a_second_apart() {
        let log = consume_events(event_stream(Duration::from_millis(500)), None).await;
        assert_eq!(
            log,
            [
                "#1 start at 500ms",
                "#2 process at 1000ms",
                "#3 end at 1500ms"
            ]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_consumer_can_stop_early() {
        let start = Instant::now();
        let log = consume_events(event_stream(Duration::from_millis(500)), Some("process")).await;
        assert_eq!(log.len(), 2);
        assert_eq!(start.elapsed(), Duration::from_millis(1000));
    }

    #[tokio::test(start_paused = true)]
    async fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t).await;
        assert_eq!(
            t.lines(),
            [
                "#1 start at 500ms",
                "#2 process at 1000ms",
                "#3 end at 1500ms"
            ]
        );
    }
}
