//! `self` in a generator that is no method (or takes no `self`): the error is on the token,
//! as rustc's E0424 is for a plain function, and names no name of the lowering.
use gen_core::generator;

#[generator]
fn field() -> impl Iterator<Item = u32> {
    yield_!(self.x);
}

struct Counter {
    n: u32,
}

impl Counter {
    #[generator]
    fn upto(limit: u32) -> impl Iterator<Item = u32> {
        for i in 0..limit {
            yield_!(i + self.n);
        }
    }
}

fn main() {
    let _ = field;
    let _ = Counter::upto;
    let _ = Counter { n: 1 }.n;
}
