// A generator declared `+ Send` keeps an `Rc` across a yield: besides rustc's error on the
// signature's `Send` (which names only the type), the macro's check names the local where
// it is declared, and the fix.
use std::rc::Rc;

use gen_core::generator;

#[generator]
fn shared(n: u32) -> impl Iterator<Item = u32> + Send {
    let counter = Rc::new(n);
    for i in 0..n {
        yield_!(i + *counter);
    }
}

fn main() {
    let _ = shared;
}
