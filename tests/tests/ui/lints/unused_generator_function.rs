//! A generator function nothing calls is reported as dead code, in every flavour, as the
//! plain function would be (`dead_code` is named because trybuild allows it on the command
//! line).
#![deny(warnings, dead_code)]

use gen_core::generator;

#[generator]
fn flat_never_called(v: Vec<u32>) -> impl Iterator<Item = u32> {
    for x in v {
        yield_!(x);
    }
}

#[generator(boxed)]
fn boxed_never_called(v: Vec<u32>) -> impl Iterator<Item = u32> {
    for x in v {
        yield_!(x);
    }
}

#[generator]
fn stream_never_called(v: Vec<u32>) -> impl futures::Stream<Item = u32> {
    for x in v {
        yield_!(x);
    }
}

fn main() {}
