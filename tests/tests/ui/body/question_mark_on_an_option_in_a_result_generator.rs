// `?` on an `Option` in a generator of `Result` items (rustc's "the `?` operator can only be
// used on `Result`s" in the plain function): one error on the operand, naming `.ok_or(..)?`.
use gen_core::generator;

#[derive(Debug)]
pub struct ParseError(String);

#[generator]
fn firsts(lines: Vec<String>) -> impl Iterator<Item = Result<char, ParseError>> {
    for l in lines {
        let c = l.chars().next()?;
        yield_!(Ok(c));
    }
}

fn main() {}
