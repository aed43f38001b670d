//! A `#[generator]` whose signature asks for `+ Clone` is `Clone` when the locals it keeps
//! across yields are: a clone made mid-way resumes where the original stands, and both run
//! (and drop) independently, as clones of a hand-written iterator do.

use gen_core::generator;
use gen_tests::{Noisy, log, take_log};

#[generator]
fn counter(limit: u32) -> impl Iterator<Item = u32> + Clone {
    let mut i = 0;
    while i < limit {
        yield_!(i);
        i += 1;
    }
}

#[test]
fn a_clone_resumes_where_the_original_stands() {
    let mut a = counter(4);
    assert_eq!(a.next(), Some(0));
    let b = a.clone();
    assert_eq!(a.collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(b.collect::<Vec<_>>(), [1, 2, 3]);
    let fresh = counter(2);
    assert_eq!(fresh.clone().sum::<u32>(), 1);
    assert_eq!(fresh.collect::<Vec<_>>(), [0, 1]);
}

/// A value with a guard that clones itself under a new name.
#[derive(Debug)]
struct Tagged(Noisy);

impl Clone for Tagged {
    fn clone(&self) -> Self {
        log(format!("clone {}", self.0.name()));
        Tagged(Noisy::new(format!("{}'", self.0.name())))
    }
}

#[generator]
fn words(text: String) -> impl Iterator<Item = String> + Clone {
    let tag = Tagged(Noisy::new("tag"));
    for word in text.split(' ').map(str::to_owned).collect::<Vec<_>>() {
        yield_!(format!("{}:{word}", tag.0.name()));
    }
}

#[test]
fn a_clone_clones_the_kept_locals_and_drops_its_own() {
    let _ = take_log();
    let mut a = words(String::from("x y"));
    assert_eq!(a.next().as_deref(), Some("tag:x"));
    let b = a.clone();
    assert_eq!(take_log(), ["clone tag"]);
    assert_eq!(b.collect::<Vec<_>>(), ["tag':y"]);
    assert_eq!(take_log(), ["drop tag'"]);
    drop(a);
    assert_eq!(take_log(), ["drop tag"]);
}

#[derive(Debug, Clone)]
struct Page {
    rows: Vec<u32>,
    next: Option<u32>,
}

// A partly moved value kept across a yield: a generator that must be `Clone` stays flat (a
// `boxed` one cannot be cloned), keeping the fields the body names.
#[generator]
fn page_rows(page: Page) -> impl Iterator<Item = u32> + Clone {
    for row in page.rows {
        yield_!(row);
    }
    if let Some(next) = page.next {
        yield_!(next * 100);
    }
}

#[test]
fn a_clonable_generator_that_moves_a_field_out_stays_clonable() {
    let mut a = page_rows(Page {
        rows: vec![1, 2],
        next: Some(3),
    });
    assert_eq!(a.next(), Some(1));
    let b = a.clone();
    assert_eq!(a.collect::<Vec<_>>(), [2, 300]);
    assert_eq!(b.collect::<Vec<_>>(), [2, 300]);
}

/// Declared `+ Send + Clone`: the locals it keeps are stored as `gen_core::checks::Sent` (the
/// `Send` check), which clones as the local does: a clone made mid-way resumes on its own,
/// here on another thread.
#[generator]
fn labelled(names: Vec<String>, prefix: String) -> impl Iterator<Item = String> + Send + Clone {
    let mut count = 0usize;
    for name in names {
        count += 1;
        yield_!(format!("{prefix}{count}:{name}"));
    }
}

#[test]
fn a_send_and_clone_generator_clones_mid_way_and_moves_to_another_thread() {
    let mut g = labelled(vec!["a".into(), "b".into(), "c".into()], String::from("#"));
    assert_eq!(g.next().as_deref(), Some("#1:a"));
    let copy = g.clone();
    let elsewhere = std::thread::spawn(move || copy.collect::<Vec<_>>())
        .join()
        .unwrap();
    assert_eq!(elsewhere, ["#2:b", "#3:c"]);
    assert_eq!(g.collect::<Vec<_>>(), ["#2:b", "#3:c"]);
}

/// The plain twin of `clonable_loops`: its items from the start.
fn clonable_loops_plain(words: Vec<String>, n: u32) -> Vec<String> {
    let mut out = Vec::new();
    for w in words.clone() {
        out.push(w);
    }
    let mut seen = 0u32;
    for w in words.into_iter().rev() {
        seen += 1;
        if seen > n {
            break;
        }
        out.push(format!("{w}{seen}"));
    }
    for k in 0..n {
        out.push(k.to_string());
    }
    out
}

/// `+ Clone` with `for` loops whose iterators the state keeps across yields (one the loop's
/// head keeps in place while the loop runs, one beside a counter): each is cloned with the
/// generator.
#[generator]
fn clonable_loops(words: Vec<String>, n: u32) -> impl Iterator<Item = String> + Clone {
    for w in words.clone() {
        yield_!(w);
    }
    let mut seen = 0u32;
    for w in words.into_iter().rev() {
        seen += 1;
        if seen > n {
            break;
        }
        yield_!(format!("{w}{seen}"));
    }
    for k in 0..n {
        yield_!(k.to_string());
    }
}

#[test]
fn a_clone_taken_after_every_item_finishes_as_the_plain_function() {
    let words: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
    let expected = clonable_loops_plain(words.clone(), 2);
    for k in 0..=expected.len() {
        let mut g = clonable_loops(words.clone(), 2);
        let head: Vec<String> = g.by_ref().take(k).collect();
        let copy = g.clone();
        let rest: Vec<String> = g.collect();
        assert_eq!(copy.collect::<Vec<_>>(), rest, "clone after {k}");
        assert_eq!([head, rest].concat(), expected, "original after {k}");
    }
}

/// The state holds a kept local with the closure that clones it, which captures nothing: a
/// `+ Clone` generator is the size of the same generator without `+ Clone`.
#[generator]
fn sized_clonable(limit: u32) -> impl Iterator<Item = u32> + Clone {
    let mut current = 0;
    while current < limit {
        yield_!(current);
        current += 1;
    }
}

#[generator]
fn sized_not_clonable(limit: u32) -> impl Iterator<Item = u32> {
    let mut current = 0;
    while current < limit {
        yield_!(current);
        current += 1;
    }
}

#[test]
fn a_clonable_generator_is_the_size_of_its_locals() {
    let plain_size = std::mem::size_of_val(&sized_not_clonable(3));
    assert_eq!(std::mem::size_of_val(&sized_clonable(3)), plain_size);
    assert_eq!(sized_clonable(3).clone().collect::<Vec<_>>(), [0, 1, 2]);
}

// A generic generator declared `+ Clone + Send`: its kept locals are checked against the
// type parameters' own bounds (`T: Clone`, `I: Send`), and a clone taken mid-way resumes
// where the original stands, in another thread too.
#[generator]
fn runs<T, I>(items: I, width: usize) -> impl Iterator<Item = Vec<T>> + Clone + Send
where
    T: Clone + PartialEq + Send,
    I: Iterator<Item = T> + Clone + Send,
{
    let mut run: Vec<T> = Vec::new();
    for item in items {
        if run.last().is_some_and(|last| *last != item) || run.len() == width {
            yield_!(std::mem::take(&mut run));
        }
        run.push(item);
    }
    if !run.is_empty() {
        yield_!(run);
    }
}

fn runs_plain<T: Clone + PartialEq>(items: impl Iterator<Item = T>, width: usize) -> Vec<Vec<T>> {
    let mut out = Vec::new();
    let mut run: Vec<T> = Vec::new();
    for item in items {
        if run.last().is_some_and(|last| *last != item) || run.len() == width {
            out.push(std::mem::take(&mut run));
        }
        run.push(item);
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

#[generator]
fn tagged(
    names: impl Iterator<Item = String> + Clone,
    tag: String,
) -> impl Iterator<Item = String> + Clone {
    for name in names {
        yield_!(format!("{tag}:{name}"));
    }
}

#[test]
fn a_generic_clonable_generator_clones_mid_way_as_the_plain_function_runs() {
    let text = "aaabccdddd";
    let expected = runs_plain(text.chars(), 3);
    let mut g = runs(text.chars(), 3);
    let first = g.next();
    assert_eq!(first.as_ref(), expected.first());
    let copy = g.clone();
    let rest: Vec<Vec<char>> = g.collect();
    let rest_of_copy = std::thread::spawn(move || copy.collect::<Vec<_>>())
        .join()
        .unwrap();
    assert_eq!(rest, expected[1..]);
    assert_eq!(rest_of_copy, expected[1..]);

    let names = ["ann", "bo"].map(String::from).into_iter();
    let mut t = tagged(names, String::from("x"));
    assert_eq!(t.next().as_deref(), Some("x:ann"));
    let copy = t.clone();
    assert_eq!(t.collect::<Vec<_>>(), ["x:bo"]);
    assert_eq!(copy.collect::<Vec<_>>(), ["x:bo"]);
}

// A `match` on a temporary the scrutinee reads through (`names.clone().pop()`): the temporary
// lives until the `match` ends, across its yields, and a clone taken there clones it too.
#[generator]
fn first_name_twice(names: Vec<String>) -> impl Iterator<Item = String> + Clone {
    match names.clone().pop() {
        Some(last) => {
            yield_!(last.clone());
            yield_!(format!("{last}!"));
        }
        None => yield_!(String::new()),
    }
    yield_!(names.len().to_string());
}

#[test]
fn a_clone_taken_inside_a_match_clones_its_scrutinee_temporary() {
    let names = vec![String::from("ann"), String::from("bo")];
    let mut g = first_name_twice(names);
    assert_eq!(g.next().as_deref(), Some("bo"));
    let copy = g.clone();
    assert_eq!(g.collect::<Vec<_>>(), ["bo!", "2"]);
    assert_eq!(copy.collect::<Vec<_>>(), ["bo!", "2"]);
}

/// A frame whose number field is copied out and assigned again, and whose text field is
/// moved out and assigned again before the next yield.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub head: String,
    pub body: String,
    pub n: u32,
}

fn frame() -> Frame {
    Frame {
        head: "h".into(),
        body: "b".into(),
        n: 0,
    }
}

#[generator]
fn reframed(k: u32) -> impl Iterator<Item = String> + Clone {
    let mut f = frame();
    for i in 0..k {
        // A `Copy` field out of a value kept whole across the yield: a copy.
        let old = f.n;
        yield_!(format!("{old}"));
        f.n = i + 10;
        // A field moved out and assigned again before the yield: whole again there.
        let body = f.body;
        f.body = format!("{body}{i}");
        yield_!(body);
        let whole = f;
        yield_!(format!("{whole:?}"));
        f = whole;
    }
    yield_!(f.head);
}

fn reframed_plain(k: u32) -> Vec<String> {
    let mut out = Vec::new();
    let mut f = frame();
    for i in 0..k {
        let old = f.n;
        out.push(format!("{old}"));
        f.n = i + 10;
        let body = f.body;
        f.body = format!("{body}{i}");
        out.push(body);
        let whole = f;
        out.push(format!("{whole:?}"));
        f = whole;
    }
    out.push(f.head);
    out
}

#[test]
fn fields_copied_or_assigned_again_before_the_yield_keep_the_value_whole() {
    let all = reframed_plain(3);
    assert_eq!(reframed(3).collect::<Vec<_>>(), all);
    for k in 0..all.len() {
        let mut g = reframed(3);
        g.by_ref().take(k).for_each(drop);
        let rest: Vec<String> = g.clone().collect();
        assert_eq!(rest, all[k..]);
        assert_eq!(g.collect::<Vec<_>>(), all[k..]);
    }
}
