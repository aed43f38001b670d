use std::rc::Rc;

use gen_core::generator;

#[generator(boxed)]
fn holds_rc() -> impl Iterator<Item = u32> {
    let shared = Rc::new(1);
    let r = &shared;
    yield_!(**r);
    yield_!(**r + 1);
}

fn main() {
    let g = holds_rc();
    std::thread::spawn(move || g.count());
}
