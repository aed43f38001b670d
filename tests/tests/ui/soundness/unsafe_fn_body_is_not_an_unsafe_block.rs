#![deny(unsafe_op_in_unsafe_fn)]
use gen_core::generator;

/// # Safety
/// `p` must point to `n` readable `u32`s until the generator is dropped.
#[generator]
unsafe fn read_raw(p: *const u32, n: usize) -> impl Iterator<Item = u32> {
    for i in 0..n {
        // As in a plain `unsafe fn` (edition 2024): an unsafe operation needs its own block.
        yield_!(*p.add(i));
    }
}

fn main() {}
