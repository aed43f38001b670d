// An `iter!` block looping over `chunks` of a vector it declared, across its yields: the
// macro's error names the owned loop and the `#[generator(boxed)]` function, and no fix that
// needs a function's argument (the block has none).
fn chunks_of(n: usize) -> impl Iterator<Item = Vec<usize>> {
    gen_core::iter! {
        let data: Vec<usize> = (0..n).collect();
        for c in data.chunks(3) {
            yield c.to_vec();
        }
    }
}

fn main() {
    let _ = chunks_of(7).count();
}
