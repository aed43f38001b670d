// A `#[generator]` that keeps a generator of its own kind across a yield is lowered `boxed`
// (a flat state would contain itself), which one declared `+ Clone` cannot be: the macro
// names the call and the fixes (leaving out `+ Clone`, or boxing the inner generator).
use gen_core::generator;

#[derive(Clone)]
struct Node {
    val: u32,
    kids: Vec<Node>,
}

#[generator]
fn walk(n: Node) -> impl Iterator<Item = u32> + Clone {
    yield_!(n.val);
    for k in n.kids {
        yield_from!(walk(k));
    }
}

fn main() {}
