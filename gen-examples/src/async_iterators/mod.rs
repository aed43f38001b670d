//! The "Async Iterators" tutorial (Python 3.14), recreated in Rust.
//!
//! Async generators are `#[generator]` functions returning `impl Stream<Item = T>`; their body
//! may `.await`. Like every async block they are `!Unpin`: pin them (`std::pin::pin!` or
//! `Box::pin`) before calling `StreamExt::next`.
//!
//! Section 2's "where used" list gets two modules ([`s02_websocket`], [`s02_message_queue`]),
//! and the closing "go deeper" list gets one module per topic (`s15_*`).

pub mod s02_message_queue;
pub mod s02_websocket;
pub mod s05_async_for;
pub mod s06_async_counter;
pub mod s07_async_counter_struct;
pub mod s08_http_server;
pub mod s08_stream_response;
pub mod s09_exhaustion;
pub mod s10_fetch_rows;
pub mod s11_event_stream;
pub mod s12_await_vs_stream;
pub mod s13_common_mistakes;
pub mod s14_stream_ext;
pub mod s15_backpressure;
pub mod s15_cancellation;
pub mod s15_pipeline;
pub mod s15_streaming_api;
pub mod s15_yield_from;
