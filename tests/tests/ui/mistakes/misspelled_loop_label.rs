// A `continue` to a label no loop declares: one E0426, with rustc's similarly named label
// (the state machine lowers the loop and would report it again without the suggestion).
use gen_core::generator;

#[generator]
fn grid(rows: Vec<Vec<u32>>) -> impl Iterator<Item = u32> {
    'rows: for r in rows {
        for v in r {
            if v == 0 {
                continue 'row;
            }
            yield_!(v);
        }
    }
}

fn main() {
    let _ = grid(vec![vec![1, 0, 2]]);
}
