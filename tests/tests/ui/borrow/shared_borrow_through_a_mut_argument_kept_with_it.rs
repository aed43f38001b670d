//! A shared borrow through `&mut self` (`self.items.iter()`) kept across a yield while `self`
//! itself is used again (`self.seen += 1`): the state cannot hold the `&mut` and a borrow
//! through it; the error names the index loop.
use gen_core::generator;

struct Counter {
    items: Vec<u32>,
    seen: u32,
}

impl Counter {
    #[generator]
    fn counted(&mut self) -> impl Iterator<Item = u32> + '_ {
        for x in self.items.iter() {
            self.seen += 1;
            yield_!(*x);
        }
    }
}

#[generator]
fn counted_argument(counter: &mut Counter) -> impl Iterator<Item = u32> + '_ {
    for x in counter.items.iter() {
        counter.seen += 1;
        yield_!(*x);
    }
}

fn main() {
    let _ = Counter::counted;
    let _ = counted_argument;
}
