// `*b` used by value (here in an enum variant) while `b` is still in scope at a later yield
// is taken for a copy out of a `Deref` value (a lock guard) unless `b` is known to be a box
// (a `Box<..>` parameter or annotation, `Box::new(..)`); out of a box the macro cannot see
// of a non-`Copy` value it is a move, which the error names with its fix.
use gen_core::generator;

fn load(name: &str) -> Box<String> {
    Box::new(name.to_string())
}

#[generator]
fn once(name: &'static str) -> impl Iterator<Item = Option<String>> {
    let b = load(name);
    yield_!(Some(*b));
    yield_!(None);
}

fn main() {}
