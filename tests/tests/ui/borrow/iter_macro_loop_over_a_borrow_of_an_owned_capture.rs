// An `iter!` block owns what it captures by move: a loop over a borrow of an owned capture
// (`csv.split(',')` of a captured `String`) keeps a borrow of the block's own local across
// its yields. The macro cannot tell an owned capture from a captured reference, so this is
// rustc's error (README: capture a reference instead, `let csv = &csv;`).
use gen_core::iter;

fn main() {
    let csv = String::from("a,b,,c");
    let fields: Vec<String> = iter! {
        for f in csv.split(',') {
            if !f.is_empty() {
                yield f.to_uppercase();
            }
        }
    }
    .collect();
    let _ = fields;

    let csv = String::from("a,b");
    let csv = &csv;
    let fixed: Vec<String> = iter! {
        for f in csv.split(',') {
            yield f.to_uppercase();
        }
    }
    .collect();
    let _ = fixed;
}
