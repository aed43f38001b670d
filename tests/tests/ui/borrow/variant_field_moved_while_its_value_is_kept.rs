// A `match` arm binds a `String` field of an enum variant by value, leaves the other field in
// the matched value, which stays in scope across a later yield, and uses the binding only by
// value (nothing shows that it owns data), in a generator declared `+ Clone`, which stays
// flat (a `boxed` one, which would keep the value exactly, cannot be cloned): the generator
// cannot keep the field left behind, so it takes the binding for a copy, and `String` is not
// `Copy`. The error is on the binding and names the fix (bind every field).
use gen_core::generator;

#[derive(Clone)]
pub enum Msg {
    Put { key: String, reply: std::sync::mpsc::Sender<u32> },
    Stop,
}

#[generator]
fn mailbox(inbox: Vec<Msg>) -> impl Iterator<Item = usize> + Clone {
    let mut keys = Vec::new();
    for msg in inbox {
        match msg {
            Msg::Put { key, .. } => keys.push(key),
            Msg::Stop => break,
        }
        yield_!(keys.len());
    }
}

fn main() {
    let _ = mailbox;
}
