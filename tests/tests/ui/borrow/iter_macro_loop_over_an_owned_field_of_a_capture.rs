// A loop over a borrow of an owned field of a capture (`cfg.names.iter()` of a captured
// `Config`) keeps a borrow of the block's own local across its yields: the error is on the
// capture and names the field's type and the fix (capture a reference to the whole value,
// which the second block does). A field that is a shared reference is borrowed through.
use gen_core::iter;

struct Config {
    names: Vec<String>,
}

fn main() {
    let cfg = Config { names: vec!["a".into()] };
    let upper: Vec<String> = iter! {
        for n in cfg.names.iter() {
            yield n.to_uppercase();
        }
    }
    .collect();
    let _ = upper;

    let cfg = Config { names: vec!["b".into()] };
    let cfg = &cfg;
    let fixed: Vec<String> = iter! {
        for n in cfg.names.iter() {
            yield n.to_uppercase();
        }
    }
    .collect();
    let _ = fixed;
}
