// A flat generator that keeps a generator of its own kind across a yield would contain
// itself; rustc says "cannot resolve opaque type" at `#[generator]`, the macro names the
// call and the fixes (`#[generator(boxed)]`, or boxing the inner generator).
use gen_core::generator;

struct Node {
    val: u32,
    kids: Vec<Node>,
}

#[generator]
fn walk(n: Node) -> impl Iterator<Item = u32> {
    yield_!(n.val);
    for k in n.kids {
        yield_from!(walk(k));
    }
}

#[generator]
fn depth_first(n: Node) -> impl Iterator<Item = u32> {
    for k in n.kids {
        for v in depth_first(k).filter(|v| v % 2 == 1) {
            yield_!(v);
        }
    }
    yield_!(n.val);
}

fn main() {}
