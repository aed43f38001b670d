// The textbook `iter_mut` of a linked list: the item reborrows through `node`, and the code
// after the yield still uses `node`, so the state would keep `node` while the item borrows
// through it. The error names the fix: borrow the other field before the yield.
use gen_core::generator;

struct Node {
    value: u32,
    next: Option<Box<Node>>,
}

struct List {
    head: Option<Box<Node>>,
}

impl List {
    #[generator]
    fn values_mut(&mut self) -> impl Iterator<Item = &mut u32> {
        let mut cur = self.head.as_deref_mut();
        while let Some(node) = cur {
            yield_!(&mut node.value);
            cur = node.next.as_deref_mut();
        }
    }
}

fn main() {
    let mut list = List { head: None };
    for v in list.values_mut() {
        *v += 1;
    }
}
