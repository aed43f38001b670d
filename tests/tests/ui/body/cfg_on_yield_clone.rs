use gen_core::generator;

// `#[cfg]` on a `let` or a yield makes a `#[generator]` `boxed`, which cannot be `Clone`: a
// `Clone` one is lowered once per outcome of up to three predicates; a fourth is an error.
#[generator]
fn counted(n: u32) -> impl Iterator<Item = u32> + Clone {
    #[cfg(debug_assertions)]
    yield_!(0);
    #[cfg(not(debug_assertions))]
    let extra = n * 2;
    #[cfg(test)]
    yield_!(1);
    #[cfg(feature = "none")]
    yield_!(2);
    yield_!(n);
}

fn main() {}
