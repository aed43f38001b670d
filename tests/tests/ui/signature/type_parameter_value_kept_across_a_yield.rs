// A value of a type parameter kept across a yield (`x: T` lives to the end of the iteration)
// is stored in the generator, so `+ '_` asks `T` to outlive the borrow, as for a `gen` block
// (README limit 8); ending its scope before the yield is one fix (`labelled_fixed`).
use gen_core::generator;
use std::fmt::Debug;

#[generator]
fn labelled<T, I>(it: I, sep: &str) -> impl Iterator<Item = String> + '_
where
    T: Debug,
    I: IntoIterator<Item = T> + 'static,
{
    for (n, x) in it.into_iter().enumerate() {
        let s = format!("{n}{sep}{x:?}");
        yield_!(s);
    }
}

#[generator]
fn labelled_fixed<T, I>(it: I, sep: &str) -> impl Iterator<Item = String> + '_
where
    T: Debug,
    I: IntoIterator<Item = T> + 'static,
{
    for (n, x) in it.into_iter().enumerate() {
        let s = {
            let x = x;
            format!("{n}{sep}{x:?}")
        };
        yield_!(s);
    }
}

fn main() {
    let _ = labelled(vec![1], "-");
    let _ = labelled_fixed(vec![1], "-");
}
