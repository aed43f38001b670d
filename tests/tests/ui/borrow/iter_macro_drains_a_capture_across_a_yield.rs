// An `iter!` block that drains a captured `Vec` (or a `&mut Vec`, which the macro cannot tell
// apart) across its yields: the fix names both forms of `mem::take`, and no captured
// reference, which could not be drained across the yields either.
use gen_core::iter;

fn drained(v: &mut Vec<String>) -> impl Iterator<Item = String> + '_ {
    iter! {
        for x in v.drain(..) {
            yield_!(x);
        }
    }
}

fn main() {
    let mut v = vec![String::from("a")];
    let _ = drained(&mut v).count();
}
