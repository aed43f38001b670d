// A parameter bound by `ref` and read after a yield borrows the argument the generator keeps:
// the macro's error names the argument as such (not the name the expansion gives it) and
// the fix, a parameter without `ref`.
use gen_core::generator;

#[generator]
fn repeat_len(ref name: String, n: u32) -> impl Iterator<Item = usize> {
    for _ in 0..n {
        yield_!(name.len());
    }
}

#[generator]
fn fixed(name: String, n: u32) -> impl Iterator<Item = usize> {
    for _ in 0..n {
        yield_!(name.len());
    }
}

fn main() {
    let _ = repeat_len(String::new(), 3);
    let _ = fixed(String::new(), 3);
}
