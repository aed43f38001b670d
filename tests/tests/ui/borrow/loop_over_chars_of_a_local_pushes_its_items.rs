// `for c in line.chars()` over an owned `String` across a yield is the one error: the `char`s
// pushed into `buf` are values, so `buf` borrows nothing.
use gen_core::generator;

#[generator]
fn fields(line: String) -> impl Iterator<Item = String> {
    let mut buf = String::new();
    for c in line.chars() {
        if c == ',' {
            yield_!(std::mem::take(&mut buf));
        } else {
            buf.push(c);
        }
    }
    yield_!(buf);
}

fn main() {}
