//! `for (w, c) in &counts` of a local map across a yield: the fix names the owning loop with
//! the user's pattern, and no `*x` to remove.
use std::collections::HashMap;

use gen_core::generator;

#[generator]
fn report(words: Vec<&'static str>) -> impl Iterator<Item = String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in words {
        *counts.entry(w).or_default() += 1;
    }
    for (w, c) in &counts {
        yield_!(format!("{w}={c}"));
    }
}

#[generator]
fn pairs(v: Vec<(u32, String)>) -> impl Iterator<Item = usize> {
    let v = v;
    for (n, s) in v.iter() {
        yield_!(s.len() + *n as usize);
    }
}

fn main() {
    let _ = report;
    let _ = pairs;
}
