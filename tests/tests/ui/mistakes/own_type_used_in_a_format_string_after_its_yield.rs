// A value of the user's own type (which the macro cannot see is not `Copy`) used in a format
// string after the yield that moved it: one E0382, on the name inside the string, as in the
// plain function.
use gen_core::generator;

#[derive(Debug)]
pub struct Job(String);

fn make(s: &str) -> Job {
    Job(s.to_string())
}

#[generator]
pub fn twice(rest: Vec<u32>) -> impl Iterator<Item = Job> {
    let head = make("a");
    yield_!(head);
    for x in rest {
        yield_!(make(&x.to_string()));
    }
    println!("head was {head:?}");
}

fn main() {
    let _ = twice(vec![2]).count();
}
