// `break value` out of a `for` loop is rustc's E0571 in a plain function; in a generator it
// is the same mistake, reported on the `break`, not on the rebuilt loops.
use gen_core::generator;

#[generator]
fn first_big(xs: Vec<u32>) -> impl Iterator<Item = u32> {
    let found = 'search: for x in xs {
        yield_!(x);
        if x > 10 {
            break 'search x;
        }
    };
    yield_!(found);
}

#[generator]
fn first_line(lines: Vec<String>) -> impl Iterator<Item = usize> {
    let mut it = lines.into_iter();
    let len = while let Some(line) = it.next() {
        yield_!(line.len());
        break line.len();
    };
    yield_!(len);
}

fn main() {}
