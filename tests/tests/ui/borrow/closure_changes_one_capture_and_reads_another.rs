// A closure that changes one captured local (`total`) and only reads another (`base`): the
// error names the one it changes (a `move` closure alone would change a copy of it) and the
// fix for both: `total` as an argument, a `move` closure for `base`.
use gen_core::generator;

#[generator]
fn running_totals(base: u32) -> impl Iterator<Item = u32> {
    let mut total = 0;
    let mut bump = |x: u32| total += x + base;
    bump(1);
    yield_!(1);
    bump(2);
    yield_!(total);
}

fn main() {
    let _ = running_totals(10);
}
