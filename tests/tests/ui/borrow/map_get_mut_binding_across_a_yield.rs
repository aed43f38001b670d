// A binding out of `map.get_mut(&key)` (`Some(v)`: a reference into `map`) used after a yield
// keeps a borrow of the generator's own `map` in its state: the macro's error on the borrow.
use gen_core::generator;
use std::collections::HashMap;

#[generator]
fn lengths(keys: Vec<u8>) -> impl Iterator<Item = usize> {
    let mut map: HashMap<u8, Vec<u8>> = HashMap::new();
    for key in keys {
        if let Some(v) = map.get_mut(&key) {
            yield_!(v.len());
            v.push(key);
        } else {
            map.insert(key, vec![key]);
        }
    }
}

fn main() {
    let _ = lengths(vec![1, 2, 1]);
}
