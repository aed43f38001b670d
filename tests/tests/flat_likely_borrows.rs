//! A value that probably borrows a local (a part of a borrow made through calls whose types
//! the macro cannot see: `Some(w)` of `text.split(' ').next()`, the pieces of a collected
//! `split`) and is read after a yield that keeps that local too: valid Rust, which a flat
//! state could not hold, so the generator is lowered `boxed` and behaves as the plain
//! function, items and drop timing. (A copy out of a reference, `Some(&m)`, borrows no
//! container and stays flat: `alloc.rs`.) So is a binding shadowed by a builder's result
//! made from it (`let r = r.header(..);`): the method of your own may take it by value or by
//! reference, and either behaves as in the plain function.

// `v.first().map(|&x| x)` is one of the shapes under test (clippy prefers `.copied()`), and
// so is a `match` of one arm over a view (clippy prefers `if let`).
#![allow(clippy::map_clone, clippy::single_match)]

use gen_tests::{Noisy, check, same_drops, twin};

twin! {
    fn first_word_then_its_length(lines: Vec<String>) -> usize {
        for line in lines {
            let text = line.to_uppercase();
            if let Some(w) = text.split(' ').next() {
                yield_!(0);
                yield_!(w.len());
            }
        }
    }
}

twin! {
    fn fields_read_after_a_yield(line: String) -> String {
        let owner = Noisy::new("owner");
        let fields = line.split(',').map(str::trim).filter(|f| !f.is_empty());
        let first = fields.clone().next();
        yield_!(owner.name().to_owned());
        if let Some(f) = first {
            yield_!(f.to_owned());
        }
        gen_tests::log("end");
    }
}

twin! {
    fn scrutinee_temporary_read_after_a_yield(s: String) -> usize {
        if let Some(w) = s.to_uppercase().split(' ').next() {
            yield_!(0);
            yield_!(w.len());
        }
        yield_!(s.len());
    }
}

/// A request builder whose `header` takes `self`, and whose `peek` takes `&self`.
#[derive(Debug)]
pub struct Req {
    url: String,
    headers: Vec<String>,
    _guard: Noisy,
}

impl Req {
    fn new(url: &str) -> Req {
        Req {
            url: url.to_owned(),
            headers: Vec::new(),
            _guard: Noisy::new(format!("req {url}")),
        }
    }
    fn header(mut self, h: &str) -> Req {
        self.headers.push(h.to_owned());
        self
    }
    fn peek(&self, h: &str) -> Req {
        Req::new(&format!("{}+{h}", self.url))
    }
    fn describe(&self) -> String {
        format!("{} {:?}", self.url, self.headers)
    }
}

twin! {
    fn builders(urls: Vec<&'static str>) -> String {
        for u in urls {
            let r = Req::new(u);
            yield_!(r.describe());
            let r = r.header("x");
            yield_!(r.describe());
            let r = r.peek("y");
            yield_!(r.describe());
        }
    }
}

#[test]
fn a_part_of_a_borrow_read_after_a_yield_keeps_its_local() {
    assert_eq!(
        check!(first_word_then_its_length(vec![
            "ab cd".into(),
            "xyz".into()
        ])),
        [0, 2, 0, 3]
    );
    assert_eq!(
        check!(scrutinee_temporary_read_after_a_yield("ab c".into())),
        [0, 2, 4]
    );
    check!(scrutinee_temporary_read_after_a_yield(String::new()));
}

#[test]
fn the_local_drops_where_the_plain_function_drops_it() {
    let log = same_drops!(fields_read_after_a_yield(" a, b".into()));
    assert_eq!(log, ["yield \"owner\"", "yield \"a\"", "end", "drop owner"]);
    same_drops!(fields_read_after_a_yield(",,".into()));
}

#[test]
fn a_binding_shadowed_by_a_builder_made_from_it_behaves_as_in_the_plain_function() {
    let out = check!(builders(vec!["a", "b"]));
    assert_eq!(out[..3], ["a []", "a [\"x\"]", "a+y []"]);
    let log = same_drops!(builders(vec!["a"]));
    // `peek` borrowed the header's result: it drops at the end of the iteration, after
    // the value made from it.
    assert_eq!(log.last().map(String::as_str), Some("drop req a"));
}

twin! {
    // Plain data a closure makes of an element reference (`x + 1`, `|&x| x`, `w.len()`) is a
    // value of its own, used after a yield beside the local it was read from.
    fn plain_data_mapped_out_of_element_references(v: Vec<u32>, s: String) -> u32 {
        let top = v.iter().max().map(|x| x + 1);
        let bottom = v.first().map(|&x| x);
        let first = s.split(' ').next().map(|w| w.len() as u32);
        let doubled = v.get(1).map(|x| *x * 2);
        yield_!(0);
        yield_!(top.unwrap_or(0) + bottom.unwrap_or(0));
        yield_!(first.unwrap_or(0) + doubled.unwrap_or(0));
        yield_!(v.len() as u32 + s.len() as u32);
    }
}

#[test]
fn plain_data_mapped_out_of_an_element_reference_is_owned() {
    assert_eq!(
        check!(plain_data_mapped_out_of_element_references(
            vec![2, 5],
            "ab cd".into()
        )),
        [0, 8, 12, 7]
    );
    check!(plain_data_mapped_out_of_element_references(
        vec![],
        String::new()
    ));
}

/// Words held by value, and by reference: `self.words.clone()` is a `Vec` of its own in
/// the first, a copy of the reference in the second; the macro cannot tell them apart.
#[derive(Debug)]
pub struct OwnedWords {
    words: Vec<String>,
}

#[derive(Debug)]
pub struct BorrowedWords<'a> {
    words: &'a Vec<String>,
}

impl OwnedWords {
    #[gen_core::generator]
    fn first_later(&self) -> impl Iterator<Item = String> + '_ {
        let v = self.words.clone();
        let first = v.first().map(|s| s.as_str());
        yield_!(String::from("start"));
        yield_!(first.unwrap_or("").to_owned());
        yield_!(v.len().to_string());
    }
}

impl<'a> BorrowedWords<'a> {
    #[gen_core::generator]
    fn first_later(&self) -> impl Iterator<Item = String> + '_ {
        let v = self.words.clone();
        let first = v.first().map(|s| s.as_str());
        yield_!(String::from("start"));
        yield_!(first.unwrap_or("").to_owned());
        yield_!(v.len().to_string());
    }
}

#[test]
fn a_std_view_of_a_local_that_may_be_a_reference_is_kept_beside_it() {
    let words = vec![String::from("ab"), String::from("c")];
    let owned = OwnedWords {
        words: words.clone(),
    };
    let borrowed = BorrowedWords { words: &words };
    let want = ["start", "ab", "2"];
    assert_eq!(owned.first_later().collect::<Vec<_>>(), want);
    assert_eq!(borrowed.first_later().collect::<Vec<_>>(), want);
}

fn read_text() -> String {
    "a\nbcd".to_string()
}

fn rows() -> Vec<String> {
    vec!["x, y".into(), "z".into()]
}

// A collection of references (`let lines: Vec<&str> = ..collect()`) made from a local whose
// type the macro cannot see (a function's value, a loop's item) and looped over with yields:
// its references point into that local, which the state keeps beside them. Lowered `boxed`.
twin! {
    fn collected_views_of_unseen_locals(names: Vec<String>) -> usize {
        let guard = Noisy::new("guard");
        let text = read_text();
        let lines: Vec<&str> = text.lines().collect();
        for l in lines {
            yield_!(l.len());
        }
        drop(guard);
        for row in rows() {
            let cols: Vec<&str> = row.split(',').collect();
            for c in cols {
                yield_!(c.trim().len());
            }
        }
        for name in names {
            let parts: Vec<&str> = name.trim().split('-').map(|p| p.trim()).collect();
            for p in parts {
                yield_!(p.len() + 10);
            }
        }
    }
}

#[test]
fn collected_views_of_locals_the_macro_cannot_see() {
    assert_eq!(
        check!(collected_views_of_unseen_locals(vec!["ab-c".into()])),
        [1, 3, 1, 1, 1, 12, 11]
    );
    same_drops!(collected_views_of_unseen_locals(vec!["ab-c".into()]));
}

// The same collections looped over through adapters of `into_iter()` (`skip`, `filter`,
// `map`): the adapter holds the collection, and so what its references point into.
twin! {
    fn collected_views_through_adapters(names: Vec<String>) -> usize {
        let text = read_text();
        let lines: Vec<&str> = text.lines().collect();
        for l in lines.into_iter().skip(1) {
            yield_!(l.len());
        }
        for row in rows() {
            let cols: Vec<&str> = row.split(',').collect();
            for c in cols.into_iter().filter(|c| !c.is_empty()).map(str::trim) {
                yield_!(c.len());
            }
        }
        for name in names {
            let parts: Vec<&str> = name.trim().split('-').map(|p| p.trim()).collect();
            for (i, p) in parts.into_iter().enumerate().rev() {
                yield_!(p.len() + 10 * i);
            }
        }
    }
}

#[test]
fn collected_views_looped_over_through_adapters() {
    check!(collected_views_through_adapters(vec![
        "ab-c".into(),
        "x".into()
    ]));
    same_drops!(collected_views_through_adapters(vec!["ab-c".into()]));
}

#[gen_core::generator]
fn upper_words<'a>(s: &'a str) -> impl Iterator<Item = String> + 'a {
    for w in s.split_whitespace() {
        yield_!(w.to_uppercase());
    }
}

fn lengths(s: &str) -> Vec<usize> {
    s.split(',').map(str::len).collect()
}

// Generators composed: a loop over what a function of the crate makes of a borrow of a local
// (`yield_from!(upper_words(&line))`, `for w in upper_words(&line)`, `let it =
// upper_words(&text); for w in it`), kept across the yields beside that local; and one whose
// value owns its data (`lengths(&line)`, a `Vec`). Lowered `boxed` where the iterator may
// borrow the local.
twin! {
    fn composed_generators(lines: Vec<String>) -> String {
        let guard = Noisy::new("guard");
        for line in lines.clone() {
            yield_from!(upper_words(&line));
        }
        for line in lines.clone() {
            for w in upper_words(&line) {
                yield_!(w + "!");
            }
        }
        drop(guard);
        let text = lines.join(" ");
        let it = upper_words(&text);
        for w in it {
            yield_!(w.to_lowercase());
        }
        for line in lines.clone() {
            for n in lengths(&line) {
                yield_!(n.to_string());
            }
        }
        for line in lines {
            for w in upper_words(&line).map(|w| w + "?") {
                yield_!(w);
            }
        }
    }
}

#[test]
fn composed_generators_over_borrows_of_locals() {
    assert_eq!(
        check!(composed_generators(vec!["a b".into(), "cd".into()])),
        [
            "A", "B", "CD", "A!", "B!", "CD!", "a", "b", "cd", "3", "2", "A?", "B?", "CD?"
        ]
    );
    same_drops!(composed_generators(vec!["a b".into(), "cd".into()]));
}

fn read_lines() -> Vec<String> {
    vec!["header".into(), "a".into(), "bcd".into()]
}

// Views of a local whose type the macro cannot see, kept beside it across a yield: a loop
// over a part of it (`&lines[1..]`, `lines[1..].iter()`, `lines.get(1..).unwrap()`), an
// element (`&lines[0]`), a pattern's part of a std view (`if let Some(v) = map.get(&1)`,
// `match lines.last()`). Most likely views of that local: lowered `boxed`.
twin! {
    fn loop_over_a_part_of_an_unseen_local(skip: usize) -> usize {
        let guard = Noisy::new("guard");
        let lines = read_lines();
        for l in &lines[skip..] {
            yield_!(l.len());
        }
        drop(guard);
        yield_!(lines.len());
        for l in lines[skip..].iter() {
            yield_!(l.len() + 10);
        }
        for l in lines.get(skip..).unwrap() {
            yield_!(l.len() + 20);
        }
        let first = &lines[0];
        yield_!(0);
        yield_!(first.len());
        let map = build_map();
        if let Some(v) = map.get(&1) {
            yield_!(0);
            yield_!(v.len());
        }
        match lines.last() {
            Some(last) => {
                yield_!(0);
                yield_!(last.len());
            }
            None => {}
        }
    }
}

fn build_map() -> std::collections::BTreeMap<u32, String> {
    std::collections::BTreeMap::from([(1, "xy".to_string())])
}

#[test]
fn a_loop_over_a_part_of_a_local_the_macro_cannot_see() {
    assert_eq!(
        check!(loop_over_a_part_of_an_unseen_local(1)),
        [1, 3, 3, 11, 13, 21, 23, 0, 6, 0, 2, 0, 3]
    );
    same_drops!(loop_over_a_part_of_an_unseen_local(1));
}

// A loop over a collection of probable views into a local (`Vec<&str>` of trimmed pieces),
// written `for f in fields.into_iter()` as well as `for f in fields`: the same loop, lowered
// `boxed`, kept beside the local it views.
twin! {
    fn trimmed_columns(line: String) -> String {
        let upper = line.to_uppercase();
        let fields: Vec<&str> = upper.split(',').map(str::trim).collect();
        for f in fields.into_iter() {
            yield_!(f.to_string());
        }
    }
}

twin! {
    fn trimmed_columns_by_value(line: String) -> String {
        let upper = line.to_uppercase();
        let fields: Vec<&str> = upper.split(',').map(str::trim).collect();
        for f in fields {
            yield_!(format!("{f}{}", upper.len()));
        }
    }
}

#[test]
fn loops_over_a_collection_of_views_by_into_iter() {
    assert_eq!(check!(trimmed_columns("a, b".into())), ["A", "B"]);
    assert_eq!(
        check!(trimmed_columns_by_value("a, b".into())),
        ["A4", "B4"]
    );
}
