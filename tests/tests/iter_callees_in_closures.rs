//! `iter!` blocks whose kept iterator holds a closure (without `move`) that calls a name the
//! block does not declare: a local closure the block captures (which that closure borrows)
//! or a function (which it does not). Each runs as the plain loop computing the same items
//! and drops: the captured closure's values drop with the block, after its last item.

use gen_core::iter;
use gen_tests::{Noisy, log, take_log};

fn is_long(w: &str) -> bool {
    w.len() >= 2
}

fn long_words(words: Vec<&'static str>, min: usize) -> impl Iterator<Item = String> {
    let long = move |w: &str| w.len() >= min;
    iter! {
        for w in words.into_iter().filter(|w| long(w)) {
            yield w.to_string();
        }
    }
}

fn long_words_by_a_function(words: Vec<&'static str>) -> impl Iterator<Item = String> {
    iter! {
        for w in words.into_iter().filter(|w| is_long(w)) {
            yield w.to_string();
        }
    }
}

#[test]
fn a_kept_adapter_closure_calls_a_captured_closure_or_a_function() {
    let words = vec!["a", "bcd", "ef", "g"];
    let plain: Vec<String> = words
        .iter()
        .filter(|w| w.len() >= 2)
        .map(|w| w.to_string())
        .collect();
    assert_eq!(long_words(words.clone(), 2).collect::<Vec<_>>(), plain);
    assert_eq!(long_words_by_a_function(words).collect::<Vec<_>>(), plain);
}

// The captured closure holds a value with a `Drop`: it drops when the block is dropped, as
// the plain loop's closure drops at the end of its function.
fn tagged(words: Vec<&'static str>) -> impl Iterator<Item = String> {
    let tag = Noisy::new("tag");
    let label = move |w: &str| format!("{}:{w}", tag.name());
    iter! {
        for w in words.iter().map(|w| label(w)) {
            log(format!("yield {w}"));
            yield w;
        }
    }
}

fn tagged_plain(words: Vec<&'static str>, stop_after: usize) {
    let tag = Noisy::new("tag");
    let label = move |w: &str| format!("{}:{w}", tag.name());
    for w in words.iter().map(|w| label(w)).take(stop_after) {
        log(format!("yield {w}"));
    }
}

#[test]
fn the_captured_closure_drops_with_the_block() {
    for stop_after in 0..=3 {
        let _ = take_log();
        let mut it = tagged(vec!["a", "b", "c"]);
        for _ in 0..stop_after {
            if it.next().is_none() {
                break;
            }
        }
        drop(it);
        let got = take_log();
        tagged_plain(vec!["a", "b", "c"], stop_after);
        assert_eq!(got, take_log(), "stop after {stop_after}");
    }
}
