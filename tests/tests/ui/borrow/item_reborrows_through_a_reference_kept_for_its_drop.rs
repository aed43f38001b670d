// The cursor of a list walked by `&mut`: `node` is not read after the yield, but the macro
// cannot see that it is a reference (nothing to drop), so it keeps it to the end of its
// scope, under the item's borrow. The error names the annotation that fixes it.
use gen_core::generator;

pub struct Node {
    value: u32,
    next: Option<Box<Node>>,
}

#[generator]
fn values<'a>(head: &'a mut Node) -> impl Iterator<Item = &'a mut u32> {
    let mut cur = Some(head);
    while let Some(node) = cur {
        cur = node.next.as_deref_mut();
        yield_!(&mut node.value);
    }
}

fn main() {
    let mut head = Node { value: 1, next: None };
    for v in values(&mut head) {
        *v += 1;
    }
}
