//! Section 2, "Where are async iterators used?": WebSocket streams.
//!
//! [`ws_messages`] connects to a WebSocket server, subscribes to a topic and yields each text
//! message as it arrives, until the server closes. The server ([`WsServer`]) is a real
//! tokio-tungstenite server on `127.0.0.1`, on a port the OS picks. Errors are values: a
//! refused connection, or a server that vanishes without the closing handshake, ends the
//! stream with one `Err`.

use std::io;
use std::net::SocketAddr;

use futures::{SinkExt, Stream, StreamExt};
use gen_core::generator;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::{self, Message};

use crate::{Transcript, say};

/// Why the message stream failed.
#[derive(Debug, thiserror::Error)]
pub enum WsError {
    /// Connecting or the opening handshake failed.
    #[error("cannot connect: {0}")]
    Connect(#[source] Box<tungstenite::Error>),
    /// The connection failed after it was established.
    #[error("connection failed: {0}")]
    Connection(#[source] Box<tungstenite::Error>),
}

/// Subscribes to `topic` on the server at `url` and yields its text messages.
#[generator]
pub fn ws_messages(url: String, topic: String) -> impl Stream<Item = Result<String, WsError>> {
    let (mut ws, _response) = tokio_tungstenite::connect_async(url.as_str())
        .await
        .map_err(|e| WsError::Connect(Box::new(e)))?;
    ws.send(Message::text(format!("subscribe {topic}")))
        .await
        .map_err(|e| WsError::Connection(Box::new(e)))?;
    while let Some(message) = ws.next().await {
        match message.map_err(|e| WsError::Connection(Box::new(e)))? {
            Message::Text(text) => yield_!(Ok(text.as_str().to_owned())),
            Message::Close(_) => break,
            _ => {}
        }
    }
}

/// A loopback WebSocket server: on `subscribe T` it sends `T #1`..`T #3` and closes; topic
/// `crash` sends one message and then drops the TCP connection without closing.
#[derive(Debug)]
pub struct WsServer {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

async fn serve(tcp: TcpStream) -> Result<(), tungstenite::Error> {
    let mut ws = tokio_tungstenite::accept_async(tcp).await?;
    let Some(Ok(Message::Text(request))) = ws.next().await else {
        return Ok(());
    };
    let topic = request
        .as_str()
        .strip_prefix("subscribe ")
        .unwrap_or("none")
        .to_owned();
    if topic == "crash" {
        ws.send(Message::text("crash #1")).await?;
        return Ok(());
    }
    for i in 1..=3 {
        ws.send(Message::text(format!("{topic} #{i}"))).await?;
    }
    ws.close(None).await?;
    while ws.next().await.is_some() {}
    Ok(())
}

impl WsServer {
    /// Binds `127.0.0.1:0` and serves in a background task until dropped.
    pub async fn start() -> io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let _ = serve(tcp).await;
                });
            }
        });
        Ok(Self { addr, task })
    }

    /// `ws://127.0.0.1:{port}/`.
    pub fn url(&self) -> String {
        format!("ws://{}/", self.addr)
    }
}

impl Drop for WsServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Runs the section.
pub async fn demo(t: &mut Transcript) {
    let server = match WsServer::start().await {
        Ok(server) => server,
        Err(e) => return say!(t, "cannot start the WebSocket server: {e}"),
    };
    say!(t, "WebSocket server on {}", server.url());
    let messages: Vec<_> = ws_messages(server.url(), "prices".into()).collect().await;
    for m in &messages {
        say!(t, "  {m:?}");
    }
    let crashed: Vec<_> = ws_messages(server.url(), "crash".into()).collect().await;
    say!(
        t,
        "topic 'crash' (server drops the socket): {} items, last: {:?}",
        crashed.len(),
        crashed
            .last()
            .map(|r| r.as_ref().map_err(ToString::to_string))
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn yields_each_message_until_the_server_closes() {
        let server = WsServer::start().await.unwrap();
        let got: Vec<String> = ws_messages(server.url(), "news".into())
            .map(Result::unwrap)
            .collect()
            .await;
        assert_eq!(got, ["news #1", "news #2", "news #3"]);
    }

    #[tokio::test]
    async fn a_vanished_server_is_an_error_value() {
        let server = WsServer::start().await.unwrap();
        let got: Vec<_> = ws_messages(server.url(), "crash".into()).collect().await;
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].as_ref().unwrap(), "crash #1");
        assert!(matches!(got[1], Err(WsError::Connection(_))), "{got:?}");
    }

    #[tokio::test]
    async fn refused_connection_is_an_error_value() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("ws://{}/", listener.local_addr().unwrap());
        drop(listener);
        let got: Vec<_> = ws_messages(url, "x".into()).collect().await;
        assert!(matches!(got[..], [Err(WsError::Connect(_))]), "{got:?}");
    }
}
