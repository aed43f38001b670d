//! Runs every scenario of the two tutorials in order and prints what each one shows.
//!
//! ```text
//! cargo run -p gen-examples --bin tour
//! ```
//!
//! Needs no set-up: servers listen on loopback ports the OS picks, files and databases live in
//! temporary directories. A few scenarios sleep for real (the document's one-second
//! `async_counter`), so the whole tour takes about fifteen seconds.

use std::time::Instant;

use gen_examples::Transcript;
use gen_examples::async_iterators as a;
use gen_examples::iterators as i;

fn header(part: &str, section: &str, title: &str) {
    println!("\n[{part} {section}] {title}");
}

macro_rules! sync_section {
    ($t:expr, $section:expr, $title:expr, $demo:path) => {
        header("Iterators", $section, $title);
        $demo($t);
        $t.clear();
    };
}

fn run_sync(t: &mut Transcript) {
    println!("=== Iterators ===");
    sync_section!(
        t,
        "§5",
        "iter() and next() on a Vec; None is StopIteration",
        i::s05_iter_next::demo
    );
    sync_section!(
        t,
        "§6",
        "how `for` works: the desugared loop",
        i::s06_for_desugared::demo
    );
    sync_section!(
        t,
        "§7",
        "a hand-written Counter iterator",
        i::s07_counter_struct::demo
    );
    sync_section!(
        t,
        "§8",
        "read_lines: streaming a file, errors as values",
        i::s08_read_lines::demo
    );
    sync_section!(
        t,
        "§9",
        "generators are iterators: counter()",
        i::s09_counter_generator::demo
    );
    sync_section!(
        t,
        "§10",
        "exhaustion, and iterables that make fresh generators",
        i::s10_exhaustion::demo
    );
    sync_section!(
        t,
        "§11",
        "return impl Iterator, accept impl IntoIterator",
        i::s11_typing::demo
    );
    sync_section!(
        t,
        "§12",
        "UserRepository::fetch_all over SQLite, keyset pagination",
        i::s12_user_repository::demo
    );
    sync_section!(
        t,
        "§13",
        "iterator struct vs generator vs collect",
        i::s13_struct_vs_generator::demo
    );
    sync_section!(
        t,
        "§14",
        "infinite_ids with take",
        i::s14_infinite_ids::demo
    );
    sync_section!(
        t,
        "§15",
        "next steps: itertools and custom lazy pipelines",
        i::s15_next_steps::demo
    );
}

macro_rules! async_section {
    ($t:expr, $section:expr, $title:expr, $demo:path) => {
        header("Async", $section, $title);
        $demo($t).await;
        $t.clear();
    };
}

async fn run_async(t: &mut Transcript) {
    println!("\n=== Async Iterators ===");
    async_section!(
        t,
        "§2",
        "where used: a WebSocket message stream",
        a::s02_websocket::demo
    );
    async_section!(
        t,
        "§2",
        "where used: a message-queue consumer",
        a::s02_message_queue::demo
    );
    async_section!(t, "§5", "how `async for` works", a::s05_async_for::demo);
    async_section!(
        t,
        "§6",
        "async_counter: an async generator (3 s)",
        a::s06_async_counter::demo
    );
    async_section!(
        t,
        "§7",
        "a hand-written Stream: AsyncCounter (3 s)",
        a::s07_async_counter_struct::demo
    );
    async_section!(
        t,
        "§8",
        "stream_response: HTTP body re-chunked to 1024 bytes",
        a::s08_stream_response::demo
    );
    async_section!(t, "§9", "async exhaustion", a::s09_exhaustion::demo);
    async_section!(
        t,
        "§10",
        "fetch_rows from async SQLite, consume(impl Stream)",
        a::s10_fetch_rows::demo
    );
    async_section!(
        t,
        "§11",
        "event_stream: start/process/end",
        a::s11_event_stream::demo
    );
    async_section!(
        t,
        "§12",
        "await vs stream vs callback vs thread",
        a::s12_await_vs_stream::demo
    );
    async_section!(
        t,
        "§13",
        "common mistakes, at run time",
        a::s13_common_mistakes::demo
    );
    async_section!(
        t,
        "§14",
        "async itertools: futures::StreamExt",
        a::s14_stream_ext::demo
    );
    async_section!(
        t,
        "§15",
        "yield_from! instead of `yield from`",
        a::s15_yield_from::demo
    );
    async_section!(
        t,
        "§15",
        "backpressure: bounded channel into a generator",
        a::s15_backpressure::demo
    );
    async_section!(
        t,
        "§15",
        "an async pipeline of three generator stages",
        a::s15_pipeline::demo
    );
    async_section!(
        t,
        "§15",
        "cleanup on cancellation (async context managers)",
        a::s15_cancellation::demo
    );
    async_section!(
        t,
        "§15",
        "designing streaming APIs",
        a::s15_streaming_api::demo
    );
}

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let mut t = Transcript::printing();
    run_sync(&mut t);
    run_async(&mut t).await;
    println!("\ntour finished in {:.1} s", start.elapsed().as_secs_f64());
}
