// A `String` part of a loop's item (the loop runs over a `Vec<(u8, String)>` parameter)
// moved in a `match` arm and used after a yield: one E0382, as in the plain function.
use gen_core::generator;

#[generator]
fn route(reqs: Vec<(u8, String)>) -> impl Iterator<Item = String> {
    for (kind, body) in reqs {
        match kind {
            0 => {
                let owned = body;
                yield_!(owned);
                yield_!(body.to_uppercase());
            }
            _ => yield_!(body),
        }
    }
}

fn main() {
    let _ = route(Vec::new());
}
