//! Section 8, "Streaming HTTP response": `stream_response(url)` yields the body in pieces of
//! at most 1024 bytes, as it arrives, without buffering the whole response.
//!
//! Python's `aiohttp` session and `iter_chunked(1024)` become a hyper HTTP/1.1 client over a
//! `TcpStream`; each body frame is cut into `Bytes` of at most [`CHUNK`] bytes without copying
//! (`Bytes::split_to`), the way `iter_chunked` returns what is available up to its limit. The
//! `async with` blocks become ownership: dropping the stream closes the connection.
//!
//! Errors are values: a bad URL, a refused connection, an HTTP error status or a broken body
//! end the stream with one `Err` item.

use std::pin::pin;

use bytes::Bytes;
use futures::{Stream, StreamExt};
use gen_core::generator;
use http_body_util::{BodyExt, Empty};
use hyper::{Request, StatusCode, Uri};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

use crate::{Transcript, say};

use super::s08_http_server::{HttpServer, pattern};

/// The largest item [`stream_response`] yields.
pub const CHUNK: usize = 1024;

/// Why a response could not be streamed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The URL does not parse or is not `http://host[:port]/...`.
    #[error("invalid URL {url:?}: {reason}")]
    InvalidUrl {
        /// The URL given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The TCP connection failed (refused, unreachable...).
    #[error("cannot connect to {authority}: {source}")]
    Connect {
        /// `host:port`.
        authority: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The server answered with a non-success status.
    #[error("HTTP error status {0}")]
    Status(StatusCode),
    /// The HTTP exchange failed (bad response, connection reset mid-body...).
    #[error("HTTP protocol error: {0}")]
    Http(#[from] hyper::Error),
}

fn invalid(url: &str, reason: impl Into<String>) -> FetchError {
    FetchError::InvalidUrl {
        url: url.to_owned(),
        reason: reason.into(),
    }
}

/// GETs `url` and yields its body in pieces of at most [`CHUNK`] bytes as they arrive.
#[generator]
pub fn stream_response(url: &str) -> impl Stream<Item = Result<Bytes, FetchError>> + '_ {
    let uri = url
        .parse::<Uri>()
        .map_err(|e| invalid(url, e.to_string()))?;
    if uri.scheme_str() != Some("http") {
        yield_!(Err(invalid(url, "only http:// is supported")));
        return;
    }
    let host = uri.host().ok_or_else(|| invalid(url, "no host"))?;
    let authority = format!("{host}:{}", uri.port_u16().unwrap_or(80));
    let tcp = TcpStream::connect(&authority)
        .await
        .map_err(|source| FetchError::Connect {
            authority: authority.clone(),
            source,
        })?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(tcp)).await?;
    // The connection task ends when `sender` and the body are dropped with this stream.
    tokio::spawn(connection);
    let path = uri.path_and_query().map_or("/", |p| p.as_str());
    let request = Request::get(path)
        .header(hyper::header::HOST, &authority)
        .body(Empty::<Bytes>::new())
        .map_err(|e| invalid(url, e.to_string()))?;
    let response = sender.send_request(request).await?;
    if !response.status().is_success() {
        yield_!(Err(FetchError::Status(response.status())));
        return;
    }
    let mut body = response.into_body();
    while let Some(frame) = body.frame().await {
        if let Ok(mut data) = frame?.into_data() {
            while !data.is_empty() {
                let piece = data.split_to(data.len().min(CHUNK));
                yield_!(Ok(piece));
            }
        }
    }
}

/// Total bytes and item count of a response, or the first error.
pub async fn measure(url: &str) -> Result<(usize, usize), FetchError> {
    let mut stream = pin!(stream_response(url));
    let (mut bytes, mut items) = (0, 0);
    while let Some(chunk) = stream.next().await {
        bytes += chunk?.len();
        items += 1;
    }
    Ok((bytes, items))
}

/// Runs the section against a server it starts on loopback.
pub async fn demo(t: &mut Transcript) {
    let server = match HttpServer::start().await {
        Ok(server) => server,
        Err(e) => return say!(t, "cannot start the loopback server: {e}"),
    };
    let url = server.url("/bytes/10000/3000");
    say!(
        t,
        "server on loopback sends 10000 bytes as chunks of 3000: {url}"
    );
    let mut stream = pin!(stream_response(&url));
    let mut sizes = Vec::new();
    let mut body = Vec::new();
    while let Some(item) = stream.next().await {
        match item {
            Ok(chunk) => {
                sizes.push(chunk.len());
                body.extend_from_slice(&chunk);
            }
            Err(e) => say!(t, "error: {e}"),
        }
    }
    say!(
        t,
        "stream_response yielded {} pieces, none over {CHUNK} bytes: {sizes:?}",
        sizes.len()
    );
    say!(t, "body intact: {}", body == pattern(10_000));
    let not_found = measure(&server.url("/status/404")).await;
    say!(t, "GET /status/404 -> {not_found:?}");
    let after_stop = format!("http://{}/after-stop", server.addr());
    server.stop().await;
    match measure(&after_stop).await {
        Err(e) => say!(t, "after the server stops: {e}"),
        Ok(v) => say!(t, "after the server stops, unexpectedly got {v:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn collect(url: &str) -> Vec<Result<Bytes, FetchError>> {
        stream_response(url).collect().await
    }

    #[tokio::test]
    async fn rechunks_to_at_most_1024_bytes_and_keeps_every_byte() {
        let server = HttpServer::start().await.unwrap();
        for (total, chunk) in [
            (0, 1),
            (1, 1),
            (1024, 1024),
            (5000, 3000),
            (7777, 100),
            (100_000, 65_536),
        ] {
            let items = collect(&server.url(&format!("/bytes/{total}/{chunk}"))).await;
            let mut body = Vec::new();
            for item in items {
                let piece = item.unwrap();
                assert!(
                    !piece.is_empty() && piece.len() <= CHUNK,
                    "{} bytes",
                    piece.len()
                );
                body.extend_from_slice(&piece);
            }
            assert_eq!(body, pattern(total), "total {total}, chunk {chunk}");
        }
        server.stop().await;
    }

    #[tokio::test]
    async fn yields_before_the_response_is_complete() {
        let server = HttpServer::start().await.unwrap();
        let url = server.url("/gated");
        let mut stream = pin!(stream_response(&url));
        // The server holds the rest of the body until `release`: these 700 bytes can only have
        // come through while the response was incomplete.
        let mut early = 0;
        while early < 700 {
            let piece = stream.next().await.unwrap().unwrap();
            assert!(piece.iter().all(|&c| c == b'a'));
            early += piece.len();
        }
        assert_eq!(early, 700);
        server.release();
        let rest: Vec<Bytes> = stream.map(Result::unwrap).collect().await;
        assert_eq!(rest.iter().map(Bytes::len).sum::<usize>(), 2000);
        assert!(
            rest.iter()
                .all(|b| b.len() <= CHUNK && b.iter().all(|&c| c == b'b'))
        );
        server.stop().await;
    }

    #[tokio::test]
    async fn http_error_status_is_an_error_value() {
        let server = HttpServer::start().await.unwrap();
        for (path, code) in [
            ("/status/404", 404),
            ("/status/500", 500),
            ("/nowhere", 404),
        ] {
            let items = collect(&server.url(path)).await;
            assert_eq!(items.len(), 1, "{path}");
            match &items[0] {
                Err(FetchError::Status(s)) => assert_eq!(s.as_u16(), code),
                other => panic!("{path}: {other:?}"),
            }
        }
        server.stop().await;
    }

    #[tokio::test]
    async fn refused_connection_is_an_error_value() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let items = collect(&format!("http://127.0.0.1:{port}/")).await;
        assert_eq!(items.len(), 1);
        match &items[0] {
            Err(FetchError::Connect { source, .. }) => {
                assert_eq!(source.kind(), std::io::ErrorKind::ConnectionRefused);
            }
            other => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn bad_urls_are_error_values() {
        for url in ["not a url", "https://127.0.0.1/", "/just/a/path"] {
            let items = collect(url).await;
            assert!(
                matches!(items[..], [Err(FetchError::InvalidUrl { .. })]),
                "{url}: {items:?}"
            );
        }
    }

    #[tokio::test]
    async fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t).await;
        assert!(t.contains("body intact: true"));
        assert!(t.contains("GET /status/404 -> Err(Status(404))"));
        assert!(t.contains("after the server stops: cannot connect to 127.0.0.1:"));
    }
}
