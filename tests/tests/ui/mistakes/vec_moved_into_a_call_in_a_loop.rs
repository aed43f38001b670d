// A `Vec` moved into a call in a loop: one E0382, with rustc's suggestion to move the call
// out of the loop.
use gen_core::generator;

fn send(v: Vec<u32>) -> usize {
    v.len()
}

#[generator]
fn batches(n: u32) -> impl Iterator<Item = usize> {
    let batch: Vec<u32> = (0..n).collect();
    for _ in 0..3 {
        yield_!(send(batch));
    }
}

fn main() {
    for s in batches(3) {
        println!("{s}");
    }
}
