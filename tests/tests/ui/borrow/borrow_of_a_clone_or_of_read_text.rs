// `samples.clone()` of an owned parameter and `fs::read_to_string(..).unwrap_or_default()`
// are owned values of the generator: a borrow of them kept across a yield is the macro's
// error on the borrow.
use gen_core::generator;

#[generator]
fn top_two(samples: Vec<i32>) -> impl Iterator<Item = i32> {
    let mut sorted = samples.clone();
    sorted.sort();
    let top = &sorted[..2];
    yield_!(top[0]);
    yield_!(top[1]);
}

#[generator]
fn config_lines(path: &str) -> impl Iterator<Item = String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for line in text.lines() {
        yield_!(line.trim().to_string());
    }
}

fn main() {}
