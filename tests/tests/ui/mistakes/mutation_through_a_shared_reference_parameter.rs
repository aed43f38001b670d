// A push through a parameter taken by `&` after a yield: rustc's E0596 once, with a
// suggestion that edits the parameter's type in the signature (`&mut Vec<u32>`), as for the
// plain function.
use gen_core::generator;

#[generator]
fn record(seen: &Vec<u32>) -> impl Iterator<Item = u32> + '_ {
    for i in 0..3 {
        yield_!(i);
        seen.push(i);
    }
}

fn main() {
    let seen = Vec::new();
    let _ = record(&seen);
}
