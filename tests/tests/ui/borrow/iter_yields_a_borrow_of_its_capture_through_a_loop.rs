//! An `iter!` block that yields a borrow of a vector it captured by move through the items of
//! a loop over it (`for s in &v { yield s.as_str(); }`, a block lowered `boxed`, and `for s
//! in v.iter()`, a flat one): the macro's check on the capture, once, not rustc's errors
//! about a temporary and the type of `yield_`.
fn boxed_loop(v: Vec<String>) -> impl Iterator<Item = &'static str> {
    gen_core::iter! {
        for s in &v {
            yield s.as_str();
        }
    }
}

fn flat_loop(v: Vec<String>) -> impl Iterator<Item = &'static str> {
    gen_core::iter! {
        let n = v.len();
        for i in 0..n {
            let s = &v[i];
            yield s.as_str();
        }
    }
}

fn main() {
    let _ = boxed_loop(vec![]).count();
    let _ = flat_loop(vec![]).count();
}
