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

// A captured `FnOnce` called once, outside every loop (`yield on_give_up(max);`): its call
// takes it, which the state machine's `FnMut` closure could not give away; a function
// called the same way runs as written. Each drops what the callee held where the plain
// function does: the `FnOnce`'s capture when it is called.
fn give_up_label(n: u32) -> String {
    format!("stopped at {n}")
}

fn schedule(max: u32, on_give_up: Box<dyn FnOnce(u32) -> String>) -> impl Iterator<Item = String> {
    iter! {
        for a in 1..=max {
            log(format!("attempt {a}"));
            yield format!("attempt {a}");
        }
        let last = on_give_up(max);
        log("called");
        yield last;
        yield give_up_label(max);
    }
}

fn schedule_by_impl(
    max: u32,
    on_give_up: impl FnOnce(u32) -> String,
) -> impl Iterator<Item = String> {
    iter! {
        yield on_give_up(max);
        yield give_up_label(max);
    }
}

fn schedule_plain(max: u32, on_give_up: Box<dyn FnOnce(u32) -> String>, stop_after: usize) {
    let mut items = 0;
    for a in 1..=max {
        log(format!("attempt {a}"));
        items += 1;
        if items == stop_after {
            return;
        }
    }
    let _last = on_give_up(max);
    log("called");
}

fn on_give_up() -> Box<dyn FnOnce(u32) -> String> {
    let held = Noisy::new("held");
    Box::new(move |n| format!("{} gave up after {n}", held.name()))
}

#[test]
fn a_captured_fn_once_called_once_takes_its_value() {
    assert_eq!(
        schedule(2, on_give_up()).collect::<Vec<_>>(),
        [
            "attempt 1",
            "attempt 2",
            "held gave up after 2",
            "stopped at 2"
        ]
    );
    let held = Noisy::new("h2");
    assert_eq!(
        schedule_by_impl(3, move |n| format!("{}:{n}", held.name())).collect::<Vec<_>>(),
        ["h2:3", "stopped at 3"]
    );
    for stop_after in 1..=4 {
        let _ = take_log();
        let mut it = schedule(2, on_give_up());
        for _ in 0..stop_after {
            if it.next().is_none() {
                break;
            }
        }
        drop(it);
        let got = take_log();
        schedule_plain(2, on_give_up(), stop_after);
        assert_eq!(got, take_log(), "stop after {stop_after}");
    }
}

/// A callable capture (`f`, a function pointer or an `impl Fn`) called in a loop next to a
/// capture read in place (`v.len()`, `v[i]`) whose name is one letter from it: the block
/// reads `v` where it captured it, in every step (it was taken for a misspelling of `f`
/// and hidden, E0599 "no method `len` found for `()`").
// The index loop is the shape under test.
#[allow(clippy::needless_range_loop)]
fn applied(v: Vec<u32>, f: fn(u32) -> u32) -> impl Iterator<Item = u32> {
    iter! {
        for i in 0..v.len() {
            yield f(v[i]);
        }
    }
}

fn applied_twice(v: Vec<u32>, g: impl Fn(u32) -> u32) -> impl Iterator<Item = u32> {
    iter! {
        let mut i = 0;
        while i < v.len() {
            yield g(v[i]);
            yield g(g(v[i]));
            i += 1;
        }
    }
}

#[test]
fn a_called_capture_beside_a_capture_of_a_similar_name_read_in_place() {
    let v = vec![1, 2, 3];
    let plain: Vec<u32> = v.iter().map(|&x| x * 10).collect();
    assert_eq!(applied(v.clone(), |x| x * 10).collect::<Vec<_>>(), plain);
    let plain: Vec<u32> = v.iter().flat_map(|&x| [x + 1, x + 2]).collect();
    assert_eq!(applied_twice(v, |x| x + 1).collect::<Vec<_>>(), plain);
}
