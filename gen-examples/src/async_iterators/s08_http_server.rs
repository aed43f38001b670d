//! The loopback HTTP server that section 8's [`stream_response`] talks to.
//!
//! A real hyper HTTP/1.1 server on `127.0.0.1`, on a port the OS picks, serving:
//!
//! - `GET /bytes/{total}/{chunk}`: `total` bytes (byte `i` is `i % 251`) sent as a chunked
//!   response in chunks of `chunk` bytes;
//! - `GET /gated`: 700 bytes, then nothing until the test calls [`HttpServer::release`], then
//!   2000 bytes more, so a test can see items arrive before the response is complete;
//! - `GET /status/{code}`: an empty response with that status;
//! - anything else: 404.
//!
//! Each response body is itself a stream generator (`Frame`s for `StreamBody`).
//!
//! [`stream_response`]: super::s08_stream_response::stream_response

use std::convert::Infallible;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use bytes::Bytes;
use futures::Stream;
use gen_core::generator;
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Empty, StreamBody};
use hyper::body::{Frame, Incoming};
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::{Notify, oneshot};
use tokio::task::JoinHandle;

type Body = UnsyncBoxBody<Bytes, Infallible>;

/// The bytes `/bytes/{total}/{chunk}` sends: byte `i` is `i % 251`.
pub fn pattern(total: usize) -> Vec<u8> {
    (0..total).map(|i| (i % 251) as u8).collect()
}

/// `total` pattern bytes in frames of `chunk` bytes.
#[generator]
fn chunks(total: usize, chunk: usize) -> impl Stream<Item = Result<Frame<Bytes>, Infallible>> {
    let data = Bytes::from(pattern(total));
    let mut sent = 0;
    while sent < total {
        let end = (sent + chunk).min(total);
        yield_!(Ok(Frame::data(data.slice(sent..end))));
        sent = end;
        tokio::task::yield_now().await;
    }
}

/// 700 bytes, a wait for `gate`, then 2000 bytes.
#[generator]
fn gated(gate: Arc<Notify>) -> impl Stream<Item = Result<Frame<Bytes>, Infallible>> {
    yield_!(Ok(Frame::data(Bytes::from(vec![b'a'; 700]))));
    gate.notified().await;
    yield_!(Ok(Frame::data(Bytes::from(vec![b'b'; 2000]))));
}

fn status(code: StatusCode) -> Response<Body> {
    let mut response = Response::new(Empty::new().boxed_unsync());
    *response.status_mut() = code;
    response
}

fn route(path: &str, gate: &Arc<Notify>) -> Response<Body> {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match parts.as_slice() {
        ["bytes", total, chunk] => match (total.parse(), chunk.parse::<usize>()) {
            (Ok(total), Ok(chunk)) if chunk > 0 => {
                Response::new(StreamBody::new(chunks(total, chunk)).boxed_unsync())
            }
            _ => status(StatusCode::BAD_REQUEST),
        },
        ["gated"] => Response::new(StreamBody::new(gated(gate.clone())).boxed_unsync()),
        ["status", code] => status(
            code.parse()
                .ok()
                .and_then(|c| StatusCode::from_u16(c).ok())
                .unwrap_or(StatusCode::BAD_REQUEST),
        ),
        _ => status(StatusCode::NOT_FOUND),
    }
}

/// A running server; stopped by [`HttpServer::stop`] or on drop.
#[derive(Debug)]
pub struct HttpServer {
    addr: SocketAddr,
    gate: Arc<Notify>,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl HttpServer {
    /// Binds `127.0.0.1:0` and starts serving in a background task.
    pub async fn start() -> io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let gate = Arc::new(Notify::new());
        let (shutdown, mut stop) = oneshot::channel();
        let task_gate = gate.clone();
        let task = tokio::spawn(async move {
            loop {
                let (tcp, _) = tokio::select! {
                    _ = &mut stop => break,
                    accepted = listener.accept() => match accepted {
                        Ok(conn) => conn,
                        Err(_) => continue,
                    },
                };
                let gate = task_gate.clone();
                let service = service_fn(move |req: Request<Incoming>| {
                    let response = route(req.uri().path(), &gate);
                    async move { Ok::<_, Infallible>(response) }
                });
                tokio::spawn(async move {
                    let conn = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(tcp), service);
                    // A client that goes away mid-response is not the server's problem.
                    let _ = conn.await;
                });
            }
        });
        Ok(Self {
            addr,
            gate,
            shutdown: Some(shutdown),
            task,
        })
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:{port}{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Lets the `/gated` response send its second part.
    pub fn release(&self) {
        self.gate.notify_one();
    }

    /// Stops accepting connections and waits for the accept loop to end.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = (&mut self.task).await;
    }
}

impl Drop for HttpServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
