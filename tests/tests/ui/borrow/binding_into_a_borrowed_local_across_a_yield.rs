//! A binding that match ergonomics makes a reference into a local (`if let Some(b) = &mut
//! best`, `st.as_mut()`), still used after a yield: the macro's error on the borrow.
use gen_core::generator;

#[generator]
fn running_best(n: u32) -> impl Iterator<Item = u32> {
    let mut best: Option<u32> = Some(0);
    for i in 0..n {
        if let Some(b) = &mut best {
            *b += i;
            yield_!(i);
            *b += 1;
        }
    }
}

#[generator]
fn pushes(n: u32) -> impl Iterator<Item = u32> {
    let mut st: Option<Vec<u32>> = Some(Vec::new());
    for i in 0..n {
        if let Some(v) = st.as_mut() {
            v.push(i);
            yield_!(i);
            v.push(i * 2);
        }
    }
}

fn main() {
    let _ = running_best;
    let _ = pushes;
}
