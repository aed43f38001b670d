// `?` in an `iter!` block whose error has no `From` conversion into the items' error type:
// rustc's own "`?` couldn't convert the error" on the `?`.
use std::num::ParseIntError;

fn load(paths: Vec<String>) -> impl Iterator<Item = Result<u32, ParseIntError>> {
    gen_core::iter! {
        for p in paths {
            let text = std::fs::read_to_string(&p)?;
            let n: u32 = text.trim().parse()?;
            yield Ok(n);
        }
    }
}

fn main() {
    let _ = load;
}
