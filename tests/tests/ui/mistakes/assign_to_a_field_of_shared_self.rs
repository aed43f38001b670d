//! An assignment to a field of `self` in a generator method that takes `&self`: one error on
//! the assignment, naming `self` as written and the fix (`&mut self`), in every flavour.
use futures::Stream;
use gen_core::generator;

struct Counter {
    count: u32,
    limit: u32,
}

impl Counter {
    #[generator]
    fn ticks(&self) -> impl Iterator<Item = u32> + '_ {
        while self.count < self.limit {
            self.count += 1;
            yield_!(self.count);
        }
    }

    #[generator(boxed)]
    fn boxed_ticks(&self) -> impl Iterator<Item = u32> + '_ {
        self.count = 0;
        yield_!(self.count);
    }

    #[generator]
    fn stream_ticks(&self) -> impl Stream<Item = u32> + '_ {
        self.count = self.limit;
        yield_!(self.count);
    }
}

fn main() {}
