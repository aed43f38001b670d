use std::collections::BTreeMap;

use gen_core::generator;

#[generator]
fn after(map: BTreeMap<String, u32>, from: String) -> impl Iterator<Item = u32> {
    for (_, v) in map.range(from..) {
        yield_!(*v);
    }
    yield_!(map.len() as u32);
}

fn main() {
    let _ = after(BTreeMap::new(), String::new());
}
