use gen_core::generator;

#[generator]
fn reference_in_scope(s: String) -> impl Iterator<Item = usize> {
    let owned = s;
    let r = &owned;
    yield_!(r.len());
    yield_!(owned.len());
}

fn main() {}
