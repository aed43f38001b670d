//! A generator declared `+ Clone + Send` that keeps an `Rc` across a yield: the `+ Send`
//! check names the local's type (`Rc<u32>`), not the wrapper the state clones it through.
use std::rc::Rc;

use gen_core::generator;

#[generator]
fn shared(n: u32) -> impl Iterator<Item = u32> + Clone + Send {
    let base = Rc::new(n);
    for i in 0..3 {
        yield_!(*base + i);
    }
}

fn main() {
    let _ = shared;
}
