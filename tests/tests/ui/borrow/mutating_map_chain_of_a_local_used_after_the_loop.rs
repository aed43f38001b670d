// A loop over `v.iter_mut().map(..)` that changes `v`'s elements, with `v` used after the
// loop: the fix named is indices (an owned copy would change values that are no longer
// `v`'s); a loop over a map's `iter_mut()` is offered no indices.
use gen_core::generator;
use std::collections::HashMap;

#[generator]
fn taken(mut v: Vec<Option<String>>) -> impl Iterator<Item = String> {
    for s in v.iter_mut().map(|s| s.take()) {
        if let Some(s) = s {
            yield_!(s);
        }
    }
    println!("{}", v.len());
}

#[generator]
fn marked(mut m: HashMap<u32, String>) -> impl Iterator<Item = String> {
    for (_, x) in m.iter_mut() {
        x.push('!');
        yield_!(x.clone());
    }
}

fn main() {
    let _ = taken(vec![]);
    let _ = marked(HashMap::new());
}
