//! Section 2, "Where are async iterators used?": a message-queue consumer.
//!
//! An in-process broker (a bounded `tokio::sync::broadcast` log: every subscriber sees every
//! message, a slow subscriber loses the oldest ones) and a consumer generator that yields the
//! messages of one topic. Losing messages is an error *value* (`Lagged`), after which the
//! consumer goes on from the oldest message still held; the stream ends when the broker shuts
//! down.

use futures::Stream;
use gen_core::generator;
use tokio::sync::broadcast::{self, error::RecvError};

use crate::{Transcript, say};

/// A published message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Position in the broker's log.
    pub offset: u64,
    /// Topic.
    pub topic: String,
    /// Payload.
    pub body: String,
}

/// What a consumer can run into.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueueError {
    /// The consumer fell behind and the broker dropped messages it had not read.
    #[error("consumer lagged: {0} messages lost")]
    Lagged(u64),
}

/// The broker.
#[derive(Debug)]
pub struct Broker {
    tx: broadcast::Sender<Message>,
    next_offset: u64,
}

impl Broker {
    /// A broker holding at most `capacity` unread messages per subscriber.
    pub fn new(capacity: usize) -> Self {
        Self {
            tx: broadcast::channel(capacity.max(1)).0,
            next_offset: 0,
        }
    }

    /// Publishes a message; returns its offset.
    pub fn publish(&mut self, topic: &str, body: &str) -> u64 {
        let offset = self.next_offset;
        self.next_offset += 1;
        // No subscriber is not an error for a broker.
        let _ = self.tx.send(Message {
            offset,
            topic: topic.to_owned(),
            body: body.to_owned(),
        });
        offset
    }

    /// A consumer of `topic`, seeing messages published from now on.
    pub fn consumer(&self, topic: &str) -> impl Stream<Item = Result<Message, QueueError>> + use<> {
        consume(self.tx.subscribe(), topic.to_owned())
    }
}

/// Yields the messages of `topic` from a subscription.
#[generator]
pub fn consume(
    mut rx: broadcast::Receiver<Message>,
    topic: String,
) -> impl Stream<Item = Result<Message, QueueError>> {
    loop {
        match rx.recv().await {
            Ok(message) if message.topic == topic => yield_!(Ok(message)),
            Ok(_) => {}
            Err(RecvError::Lagged(lost)) => yield_!(Err(QueueError::Lagged(lost))),
            Err(RecvError::Closed) => break,
        }
    }
}

/// Publishes a scenario and collects what an `orders` consumer sees, rendered as text.
pub async fn scenario() -> Vec<String> {
    use futures::StreamExt;

    let mut broker = Broker::new(4);
    let orders = broker.consumer("orders");
    broker.publish("orders", "order 1 placed");
    broker.publish("audit", "login alice");
    broker.publish("orders", "order 2 placed");
    for i in 3..=9 {
        broker.publish("orders", &format!("order {i} placed"));
    }
    drop(broker);
    orders
        .map(|item| match item {
            Ok(m) => format!("@{} {}", m.offset, m.body),
            Err(e) => format!("error: {e}"),
        })
        .collect()
        .await
}

/// Runs the section.
pub async fn demo(t: &mut Transcript) {
    say!(
        t,
        "broker keeps 4 unread messages; 10 published (9 on 'orders') before the consumer reads:"
    );
    for line in scenario().await {
        say!(t, "  {line}");
    }
}

#[cfg(test)]
mod tests {
    use futures::StreamExt;

    use super::*;

    #[tokio::test]
    async fn a_lagging_consumer_gets_an_error_value_then_the_newest_messages() {
        assert_eq!(
            scenario().await,
            [
                "error: consumer lagged: 6 messages lost",
                "@6 order 6 placed",
                "@7 order 7 placed",
                "@8 order 8 placed",
                "@9 order 9 placed",
            ]
        );
    }

    #[tokio::test]
    async fn a_consumer_that_keeps_up_sees_its_topic_in_order() {
        let mut broker = Broker::new(8);
        let mut consumer = Box::pin(broker.consumer("t"));
        for i in 0..20u64 {
            broker.publish(if i % 2 == 0 { "t" } else { "other" }, &i.to_string());
            if i % 2 == 0 {
                let m = consumer.next().await.unwrap().unwrap();
                assert_eq!((m.offset, m.body), (i, i.to_string()));
            }
        }
        drop(broker);
        assert!(consumer.next().await.is_none());
    }
}
