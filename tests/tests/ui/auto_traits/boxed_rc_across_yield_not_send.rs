use std::rc::Rc;

use gen_core::generator;

#[generator(boxed)]
fn holds_rc() -> impl Iterator<Item = u32> {
    let shared = Rc::new(1);
    let r = &shared;
    yield_!(**r);
    yield_!(**r + 1);
}

fn assert_send<T: Send>(_: T) {}

fn main() {
    assert_send(holds_rc());
}
