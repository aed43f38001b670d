// A generator declared `+ Clone` stays flat (a `boxed` one cannot be cloned): a field moved
// out of a local, a yield, then the field assigned again and the local used again cannot be
// rebuilt from the parts the state kept. The error is the macro's, at the use, and names
// the fixes (assign the whole value, destructure, or `boxed`).
use gen_core::generator;

#[derive(Clone)]
pub struct Slot {
    pub id: u32,
    pub cur: String,
}

#[generator]
fn rotate(mut s: Slot) -> impl Iterator<Item = String> + Clone {
    let old = s.cur;
    yield_!(old);
    s.cur = String::from("new");
    yield_!(format!("{} {}", s.id, s.cur));
}

fn main() {
    let _ = rotate;
}
