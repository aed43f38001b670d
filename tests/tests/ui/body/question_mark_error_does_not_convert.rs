// `?` on an error the item's error type has no `From` for: rustc's own "`?` couldn't convert
// the error" on the user's `?`, as in a plain function, naming no internals.
use gen_core::generator;

#[generator]
fn ports(lines: Vec<String>) -> impl Iterator<Item = Result<u16, String>> {
    for l in lines {
        let p: u16 = l.trim().parse()?;
        yield_!(Ok(p));
    }
}

fn main() {}
