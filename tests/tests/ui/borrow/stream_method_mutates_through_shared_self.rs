use futures::Stream;
use gen_core::generator;

struct Counter {
    seen: Vec<u32>,
}

impl Counter {
    #[generator]
    fn numbers(&self) -> impl Stream<Item = u32> + '_ {
        self.seen.push(1);
        yield_!(1);
    }
}

fn main() {
    let c = Counter { seen: Vec::new() };
    let _ = c.numbers();
}
