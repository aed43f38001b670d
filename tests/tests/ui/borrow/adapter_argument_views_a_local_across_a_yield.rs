// A loop whose iterator holds, in an adapter's argument, a view of an owned local
// (`zip(line.split(','))` of a `String`): the loop borrows `line` across its yields. The
// error names collecting the parts first, a fix that applies to text.
use gen_core::generator;

#[generator]
fn cells(lines: Vec<String>, cols: Vec<String>) -> impl Iterator<Item = (String, String)> {
    for line in lines {
        let line = line.to_lowercase();
        for (c, v) in cols.clone().into_iter().zip(line.split(',')) {
            yield_!((c, v.to_string()));
        }
    }
}

fn main() {}
