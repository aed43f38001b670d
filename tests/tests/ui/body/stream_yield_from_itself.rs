// An async generator that yields from a call of itself (rustc's E0733 "recursion in an async
// block requires boxing", on `#[generator]`): the macro's error on the call, naming
// `Box::pin`.
use futures::Stream;
use gen_core::generator;

pub struct Dir {
    pub name: String,
    pub children: Vec<Dir>,
}

#[generator]
fn walk(d: &Dir) -> impl Stream<Item = String> + '_ {
    yield_!(d.name.clone());
    for child in &d.children {
        yield_from!(walk(child));
    }
}

fn main() {}
