// A generator declared `+ Send` keeps an `Rc` across a yield: one error, the macro's check
// on the local where it is declared, naming the fix (none on the signature's `Send`).
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
