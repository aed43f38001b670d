// A `String` part of a loop's item (the loop runs over a `Vec<(u8, String)>` parameter)
// moved in a `match` arm and used after a yield: one E0382, as in the plain function.
// (`String::len` is inherent: no note into the standard library's source, which is there only
// with the `rust-src` component.)
use gen_core::generator;

#[generator]
fn route(reqs: Vec<(u8, String)>) -> impl Iterator<Item = usize> {
    for (kind, body) in reqs {
        match kind {
            0 => {
                let owned = body;
                yield_!(owned.len());
                yield_!(body.len());
            }
            _ => yield_!(body.capacity()),
        }
    }
}

fn main() {
    let _ = route(Vec::new());
}
