//! A parameter's own lint attribute covers it when another parameter is a pattern (the
//! parameters are then bound again in the body): `#[allow(unused_variables)] label` draws no
//! warning, as in the plain function; the same parameter without it is reported once.
#![deny(warnings)]

use gen_core::generator;

#[generator]
fn scaled((x, k): (u32, u32), #[allow(unused_variables)] label: &str) -> impl Iterator<Item = u32> {
    yield_!(x * k);
}

#[generator]
fn scaled_unused((x, k): (u32, u32), label: &str) -> impl Iterator<Item = u32> {
    yield_!(x * k);
}

fn main() {
    let _ = scaled((2, 3), "l");
    let _ = scaled_unused((2, 3), "l");
}
