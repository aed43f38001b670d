// `&self` where the body needs `&mut self`: one error per misuse, the receiver's token
// labelled with the type it needs; no suggestion that does not apply (a type written after
// `&self`, a derived `Clone`).
use gen_core::generator;

struct Inbox {
    seen: Vec<u32>,
    limit: u32,
}

impl Inbox {
    #[generator]
    fn drain(&self) -> impl Iterator<Item = u32> + '_ {
        yield_!(self.limit);
        self.seen.push(1);
        yield_!(2);
    }

    #[generator]
    fn bump(&self) -> impl Iterator<Item = u32> + '_ {
        for n in self.seen.iter_mut() {
            *n += 1;
            yield_!(*n);
        }
    }
}

fn main() {
    let inbox = Inbox {
        seen: Vec::new(),
        limit: 3,
    };
    let _ = inbox.drain();
    let _ = inbox.bump();
}
