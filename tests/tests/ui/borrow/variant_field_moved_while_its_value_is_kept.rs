// A `match` arm binds a `String` field of an enum variant by value and leaves the other field
// in the matched value, which stays in scope across a later yield: the generator cannot keep
// the field left behind, so it takes the binding for a copy, and `String` is not `Copy`. The
// error is on the binding and names the fix (bind every field).
use gen_core::generator;

pub enum Msg {
    Put { key: String, reply: std::sync::mpsc::Sender<u32> },
    Stop,
}

#[generator]
fn mailbox(inbox: Vec<Msg>) -> impl Iterator<Item = String> {
    for msg in inbox {
        match msg {
            Msg::Put { key, .. } => yield_!(key),
            Msg::Stop => break,
        }
        yield_!(String::from("next"));
    }
}

fn main() {
    let _ = mailbox;
}
