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

// The pieces of a `String` item of a `Vec<String>` argument: the fix is owned copies (a
// `String` has no `into_iter()`).
#[generator]
fn cells(lines: Vec<String>) -> impl Iterator<Item = usize> {
    for line in lines {
        let parts: Vec<&str> = line.split(',').collect();
        for p in parts {
            yield_!(p.len());
        }
    }
}

// An iterator over a text's characters kept in a local: its items are values of their own,
// so the fix collects them.
#[generator]
fn letters() -> impl Iterator<Item = char> {
    let s = String::from("abc");
    let it = s.chars();
    for c in it {
        yield_!(c);
    }
}

// The fixes, which compile.
#[generator]
fn owned_cells(lines: Vec<String>) -> impl Iterator<Item = usize> {
    for line in lines {
        let parts: Vec<String> = line.split(',').map(str::to_owned).collect::<Vec<String>>();
        for p in parts {
            yield_!(p.len());
        }
    }
}

#[generator]
fn owned_keys(n: u32) -> impl Iterator<Item = String> {
    let map: BTreeMap<String, u32> = (0..n).map(|i| (i.to_string(), i)).collect();
    let keys: Vec<String> = map.keys().cloned().collect();
    for k in keys {
        yield_!(k);
    }
}

#[generator]
fn collected_letters() -> impl Iterator<Item = char> {
    let s = String::from("abc");
    let it: Vec<_> = s.chars().collect();
    for c in it {
        yield_!(c);
    }
}

fn main() {}
