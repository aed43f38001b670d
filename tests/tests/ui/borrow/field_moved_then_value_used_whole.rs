// A field moved out with a `let`, assigned again after a yield, and the whole value used
// after that, in a generator declared `+ Clone`, which stays flat: the state keeps the value
// whole across the yield, so the `let` is taken for a copy, and the compiler says it is a
// move, naming the destructuring fix.
use gen_core::generator;

#[derive(Clone)]
pub struct Frame {
    pub head: String,
    pub body: String,
}

#[generator]
fn reframe() -> impl Iterator<Item = String> + Clone {
    let mut frame = Frame {
        head: "h".into(),
        body: "b0".into(),
    };
    let old = frame.body;
    yield_!(old);
    frame.body = "b1".into();
    let whole = frame;
    yield_!(whole.head);
}

fn main() {}
