// A generator declared `+ Send` whose `for` loop keeps an iterator over `Rc`s across a yield:
// the error is on the loop's iterable (the iterator the state keeps) and on the loop's
// binding, with nothing on the signature and nothing naming the generator's state.
use gen_core::generator;
use std::rc::Rc;

#[generator]
fn shared_counts(n: u32) -> impl Iterator<Item = u32> + Send {
    for shared in vec![Rc::new(n), Rc::new(n + 1)] {
        yield_!(*shared);
    }
}

fn main() {
    let _ = shared_counts(1).count();
}
