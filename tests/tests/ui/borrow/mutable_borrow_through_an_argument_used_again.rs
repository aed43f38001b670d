// A loop over `m.iter_mut()` keeps a mutable borrow through the argument `m` across its
// yields; `m` used again after the loop means the state would hold `m` and the borrow at
// once. The error names the fix, an index loop.
use gen_core::generator;

#[generator]
fn bump<'m>(m: &'m mut Vec<u32>) -> impl Iterator<Item = u32> + 'm {
    for x in m.iter_mut() {
        *x += 1;
        yield_!(*x);
    }
    m.push(0);
}

// The fix, which compiles.
#[generator]
fn bump_by_index<'m>(m: &'m mut Vec<u32>) -> impl Iterator<Item = u32> + 'm {
    for i in 0..m.len() {
        m[i] += 1;
        yield_!(m[i]);
    }
    m.push(0);
}

fn main() {}
