// Yielding a field out of a borrowed item moves out of a borrow: rustc's E0507 on the field,
// with no suggestion to yield `&s.name` (an item of another type), in a flat generator, a
// boxed one and an async one.
use futures::Stream;
use gen_core::generator;

struct Song {
    name: String,
}

#[generator]
fn names(songs: &[Song]) -> impl Iterator<Item = String> + '_ {
    for s in songs {
        yield_!(s.name);
    }
}

#[generator(boxed)]
fn boxed_names(songs: &[Song]) -> impl Iterator<Item = String> + '_ {
    for s in songs {
        yield_!(s.name);
    }
}

#[generator]
fn streamed_names(songs: &[Song]) -> impl Stream<Item = String> + '_ {
    for s in songs {
        yield_!(s.name);
    }
}

fn main() {}
