use gen_core::generator;

/// # Safety
/// `p` must point to `n` readable `u32`s until the generator is dropped.
#[generator]
unsafe fn read_raw(p: *const u32, n: usize) -> impl Iterator<Item = u32> {
    for i in 0..n {
        // SAFETY: the caller's contract covers the generator's whole life.
        yield_!(unsafe { *p.add(i) });
    }
}

// A generator `unsafe fn` is called like any `unsafe fn`: only inside `unsafe`.
fn main() {
    let v = [1u32, 2];
    let _ = read_raw(v.as_ptr(), v.len());
}
