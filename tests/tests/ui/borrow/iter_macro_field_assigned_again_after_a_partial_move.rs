// In an `iter!` block (which has no `boxed` form), a field moved out of a capture, a yield,
// then the field assigned again and the capture used again: the block keeps the capture
// across the yield in the parts it names, so it cannot rebuild it. The error is the macro's,
// at the use, and names the fixes (assign the whole value, destructure, or a
// `#[generator(boxed)]` function).
use gen_core::iter;

pub struct Slot {
    pub id: u32,
    pub cur: String,
}

fn rotate(mut s: Slot) -> impl Iterator<Item = String> {
    iter! {
        let old = s.cur;
        yield old;
        s.cur = String::from("new");
        yield format!("{} {}", s.id, s.cur);
    }
}

fn main() {
    let _ = rotate;
}
