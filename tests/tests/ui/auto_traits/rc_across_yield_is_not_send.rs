use std::rc::Rc;

use gen_core::generator;

#[generator]
fn holds_rc() -> impl Iterator<Item = u32> {
    let rc = Rc::new(1);
    yield_!(*rc);
    yield_!(*rc + 1);
}

fn assert_send<T: Send>(_: T) {}

fn main() {
    assert_send(holds_rc());
}
