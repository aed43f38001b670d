// A loop over a local that holds references into another local (`keys` into `map`) keeps
// that borrow across the yield: the error names the local that holds it and the fix, owned
// values.
use std::collections::BTreeMap;

use gen_core::generator;

#[generator]
fn keys(n: u32) -> impl Iterator<Item = String> {
    let map: BTreeMap<String, u32> = (0..n).map(|i| (i.to_string(), i)).collect();
    let keys: Vec<&String> = map.keys().collect();
    for k in keys {
        yield_!(k.clone());
    }
}

// The fix, which compiles.
#[generator]
fn owned_keys(n: u32) -> impl Iterator<Item = String> {
    let map: BTreeMap<String, u32> = (0..n).map(|i| (i.to_string(), i)).collect();
    let keys: Vec<String> = map.keys().cloned().collect();
    for k in keys {
        yield_!(k);
    }
}

fn main() {}
