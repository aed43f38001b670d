// An item that is a mutable borrow through `&mut self` (`&mut self.pending[0]`, directly or
// through a local), with `self` used again after the yield: the state would keep `self`
// while the consumer holds the item. The error is on the borrow and names the fix: borrow
// the field the code after the yield needs before it (or `#[generator(boxed)]`).
use gen_core::generator;

struct Queue {
    pending: Vec<String>,
    served: usize,
}

impl Queue {
    #[generator]
    fn front_then_count(&mut self) -> impl Iterator<Item = &mut String> + '_ {
        let front = &mut self.pending[0];
        yield_!(front);
        self.served += 1;
    }

    #[generator]
    fn front_directly(&mut self) -> impl Iterator<Item = &mut String> + '_ {
        yield_!(&mut self.pending[0]);
        self.served += 1;
    }
}

fn main() {
    let mut q = Queue { pending: vec![String::new()], served: 0 };
    for s in q.front_then_count() {
        s.push('a');
    }
    for s in q.front_directly() {
        s.push('b');
    }
}
