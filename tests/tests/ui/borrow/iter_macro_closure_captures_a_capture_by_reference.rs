// A named closure in an `iter!` block that uses a capture of the block whole (`|x| x + k`),
// kept across the block's yields: the
// closure borrows the block's own variable, whatever its type, and the error is the macro's
// own on the closure, naming the `move` closure that fixes it (not rustc's E0597 on the
// capture).
use gen_core::iter;

fn shifted(k: u32, v: Vec<u32>) -> impl Iterator<Item = u32> {
    iter! {
        let add = |x: u32| x + k;
        for x in v {
            yield add(x);
        }
    }
}

fn fixed(k: u32, v: Vec<u32>) -> impl Iterator<Item = u32> {
    iter! {
        let add = move |x: u32| x + k;
        for x in v {
            yield add(x);
        }
    }
}

fn main() {
    let _ = shifted(1, vec![1]).count();
    assert_eq!(fixed(1, vec![1, 2]).collect::<Vec<_>>(), [2, 3]);
}
