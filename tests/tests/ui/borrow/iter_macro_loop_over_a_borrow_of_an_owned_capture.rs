// An `iter!` block owns what it captures by move: a loop over a borrow of an owned capture
// (`csv.split(',')` of a captured `String`) keeps a borrow of the block's own local across
// its yields. The macro cannot tell an owned capture from a captured reference, so it asks
// the compiler: an error on the capture naming the fix (capture a reference instead, `let
// csv = &csv;`), which the second block applies.
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
