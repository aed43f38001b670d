// A field that is not `Copy`, passed by value while the rest of its value (never named by
// the body) is still in scope at a later yield: the macro takes the use for a copy, so that
// the rest drops where the plain function drops it, and the compiler says it is a move.
use gen_core::generator;

pub struct Message {
    pub body: String,
    pub ack: std::sync::mpsc::Sender<u32>,
}

fn send(body: String) -> usize {
    body.len()
}

#[generator]
fn deliver(messages: Vec<Message>) -> impl Iterator<Item = usize> {
    for message in messages {
        let sent = send(message.body);
        yield_!(sent);
        yield_!(0);
    }
}

fn main() {}
