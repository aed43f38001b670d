// A field that is not `Copy`, passed by value while the rest of its value (never named by
// the body) is still in scope at a later yield, in a generator declared `+ Clone`, which
// stays flat (a `boxed` one, where the use would be the move it is, cannot be cloned): the
// macro takes the use for a copy, so that the rest drops where the plain function drops it,
// and the compiler says it is a move.
use gen_core::generator;

#[derive(Clone)]
pub struct Message {
    pub body: String,
    pub ack: std::sync::mpsc::Sender<u32>,
}

fn send(body: String) -> usize {
    body.len()
}

#[generator]
fn deliver(messages: Vec<Message>) -> impl Iterator<Item = usize> + Clone {
    for message in messages {
        let sent = send(message.body);
        yield_!(sent);
        yield_!(0);
    }
}

fn main() {}
