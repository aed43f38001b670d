// A closure that calls a `&self` method through a shared-reference argument (a `RefCell`
// behind `&`), kept across a yield: the fix is a `move` closure, which copies the reference.
use gen_core::generator;
use std::cell::RefCell;

#[generator]
fn fetch(keys: Vec<u32>, backend: &RefCell<Vec<u32>>) -> impl Iterator<Item = u32> {
    let attempt = |k: u32| { backend.borrow_mut().push(k); k * 2 };
    for k in keys {
        let v = attempt(k);
        yield_!(v);
    }
}

fn main() {
    let b = RefCell::new(vec![]);
    assert_eq!(fetch(vec![1, 2], &b).collect::<Vec<_>>(), [2, 4]);
}
