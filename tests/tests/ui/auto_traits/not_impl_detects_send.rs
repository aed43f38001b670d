// The negative assertion the auto-trait tests use fails on a value that is `Send`: this case
// keeps `assert_not_impl!` honest.
use gen_core::generator;

#[generator]
fn counter(n: u32) -> impl Iterator<Item = u32> {
    for i in 0..n {
        yield_!(i);
    }
}

fn main() {
    gen_tests::assert_not_impl!(counter(3), Send);
}
