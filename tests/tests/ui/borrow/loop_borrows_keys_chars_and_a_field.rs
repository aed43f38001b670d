// The fix a loop-borrow error names fits the loop: `into_keys()` for `keys()`,
// `into_iter()` for a field's `iter()`, collected `char`s for `chars()`.
use std::collections::HashMap;

use gen_core::generator;

#[generator]
fn keys(words: Vec<String>) -> impl Iterator<Item = String> {
    let mut map = HashMap::new();
    for w in words {
        *map.entry(w).or_insert(0) += 1;
    }
    for k in map.keys() {
        yield_!(k.clone());
    }
}

#[generator]
fn shouted(s: String) -> impl Iterator<Item = char> {
    let lower = s.to_lowercase();
    for c in lower.chars() {
        yield_!(c.to_ascii_uppercase());
    }
}

struct Deck {
    cards: Vec<u8>,
}

#[generator]
fn deal(top: u8) -> impl Iterator<Item = u8> {
    let deck = Deck {
        cards: vec![1, 2, top],
    };
    for c in deck.cards.iter().rev() {
        yield_!(*c);
    }
}

fn main() {}
