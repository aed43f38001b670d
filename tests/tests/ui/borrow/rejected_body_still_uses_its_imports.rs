// A body the flat lowering rejects is still checked by rustc as the user wrote it: the
// imports and locals it uses draw no "unused" warning next to the macro's error (only that
// error is reported).
#![deny(unused_imports, unused_variables, unused_mut)]
use gen_core::generator;
use std::collections::BTreeMap;
use std::mem;

#[generator]
fn sorted_counts(words: Vec<String>) -> impl Iterator<Item = (String, usize)> {
    let mut counts = BTreeMap::new();
    for w in words {
        *counts.entry(w).or_insert(0) += 1;
    }
    let mut total = 0;
    let before = mem::replace(&mut total, counts.len());
    for (w, n) in &counts {
        yield_!((w.clone(), *n + before + total));
    }
}

fn main() {
    for (w, n) in sorted_counts(vec!["a".into()]) {
        println!("{w} {n}");
    }
}
