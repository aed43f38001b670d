// A field moved out of a local, a yield, then the field assigned again and the local used
// whole: the flat generator kept the local across the yield in the parts the body names, so
// it cannot rebuild it. The error is the macro's, at the use, and names the fixes (assign
// the whole value, destructure, or `boxed`).
use gen_core::generator;

pub struct Slot {
    pub id: u32,
    pub cur: String,
}

#[generator]
fn rotate(mut s: Slot) -> impl Iterator<Item = String> {
    let old = s.cur;
    yield_!(old);
    s.cur = String::from("new");
    yield_!(format!("{} {}", s.id, s.cur));
}

fn main() {
    let _ = rotate;
}
