// A value of a type parameter yielded by value in a loop: one E0382, "moved here, in previous
// iteration of loop", with rustc's own help (no `yield_!(ref v)`).
use gen_core::generator;

#[generator]
pub fn repeat_owned<T: std::fmt::Debug>(v: T, n: usize) -> impl Iterator<Item = T> {
    for _ in 0..n {
        yield_!(v);
    }
}

fn main() {
    let _ = repeat_owned(String::new(), 2).count();
}
