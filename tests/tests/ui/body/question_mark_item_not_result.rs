use gen_core::generator;

#[generator]
fn parse(v: Vec<&'static str>) -> impl Iterator<Item = u32> {
    for s in v {
        let n: u32 = s.parse()?;
        yield_!(n);
    }
}

fn main() {}

// `?` on an `Option` in a generator of `Option` items: the same error, whose second fix
// applies.
#[generator]
fn firsts(lines: Vec<String>) -> impl Iterator<Item = Option<char>> {
    for l in lines {
        let c = l.chars().next()?;
        yield_!(Some(c));
    }
}
