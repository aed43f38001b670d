use gen_core::generator;

#[generator]
fn parse(v: Vec<&'static str>) -> impl Iterator<Item = u32> {
    for s in v {
        let n: u32 = s.parse()?;
        yield_!(n);
    }
}

fn main() {}
