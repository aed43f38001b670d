// `?` on an `Option` in an async generator, a `stream!` block and a `#[generator(boxed)]`
// function of `Result` items: the same one error on the operand as in a flat generator,
// naming `.ok_or(..)?`, not rustc's about an `async` block returning `Result<(), _>`.
use futures::Stream;
use gen_core::generator;

#[derive(Debug)]
pub struct ParseError(String);

#[generator]
fn firsts(lines: Vec<String>) -> impl Stream<Item = Result<char, ParseError>> {
    for l in lines {
        let c = l.chars().next()?;
        yield_!(Ok(c));
    }
}

#[generator(boxed)]
fn lasts(lines: Vec<String>) -> impl Iterator<Item = Result<char, ParseError>> {
    for l in lines {
        let c = l.chars().last()?;
        yield_!(Ok(c));
    }
}

fn seconds(lines: Vec<String>) -> impl Stream<Item = Result<char, ParseError>> {
    gen_core::stream! {
        for l in lines {
            let c = l.chars().nth(1)?;
            yield Ok(c);
        }
    }
}

fn main() {
    let _ = (firsts, lasts, seconds);
}
