// In a generator of `Result<T, E>` items, `return Err(e)` ends it with `e` not converted, as
// in a function returning `Result<(), E>`: an `e` of another error type is rustc's
// "mismatched types" on `e`, with its `.into()` help, in a sync and in an async generator
// alike (not a mismatch of the whole body at `#[generator]`).
use futures::Stream;
use gen_core::generator;

#[derive(Debug)]
struct ParseError;

impl From<std::io::Error> for ParseError {
    fn from(_: std::io::Error) -> Self {
        ParseError
    }
}

#[generator]
fn lines(limit: u32) -> impl Iterator<Item = Result<u32, ParseError>> {
    yield_!(Ok(1));
    if limit < 2 {
        return Err(std::io::Error::other("short"));
    }
    yield_!(Ok(2));
}

#[generator]
fn lines_async(limit: u32) -> impl Stream<Item = Result<u32, ParseError>> {
    yield_!(Ok(1));
    if limit < 2 {
        return Err(std::io::Error::other("short"));
    }
    yield_!(Ok(2));
}

#[generator]
fn ends_with_a_value(limit: u32) -> impl Stream<Item = Result<u32, ParseError>> {
    yield_!(Ok(1));
    if limit < 2 {
        return Ok(limit);
    }
}

fn main() {
    let _ = lines(1);
    let _ = lines_async(1);
    let _ = ends_with_a_value(1);
}
