// A loop over a borrow of an owned item bound by a tuple pattern (`(r, row)` of
// `.enumerate()`), kept across a yield: the macro's error on the borrow, naming the fix, as
// for `for row in grid` (not rustc's borrow errors naming the generator's state).
use gen_core::generator;

#[generator]
fn search(grid: Vec<Vec<u8>>) -> impl Iterator<Item = u8> {
    for (r, row) in grid.into_iter().enumerate() {
        for v in row.iter() {
            yield_!(*v + r as u8);
        }
    }
}

fn main() {
    let _ = search(vec![]);
}
