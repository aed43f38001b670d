use gen_core::generator;

// A reference to an owned local that is still used after a yield cannot be kept in a flat
// generator's state (nightly `gen` blocks reject it too). When the reference is dead at the
// yield (`yield_!(r.len()); yield_!(owned.len());`) it compiles: see flat_moves.rs.
#[generator]
fn reference_in_scope(s: String) -> impl Iterator<Item = usize> {
    let owned = s;
    let r = &owned;
    yield_!(r.len());
    yield_!(r.len() + owned.len());
}

fn main() {}
