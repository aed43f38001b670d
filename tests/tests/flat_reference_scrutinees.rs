//! Patterns that match through references: a tuple of a reference and plain data (default
//! binding modes), `ref` bindings under a `&` pattern into data borrowed from an argument,
//! and elements popped from a collection of references. Nothing is moved out, so nothing is
//! kept or checked as a move; each generator yields what the plain function computes.
// The explicit `&Entry::Dir { ref name, .. }` style is the point of `dirs_post_order`.
#![allow(clippy::needless_borrowed_reference)]

use gen_tests::{check, twin};

#[derive(Debug)]
pub enum Entry {
    File { size: u64, name: String },
    Dir { name: String, children: Vec<Entry> },
}

fn tree() -> Entry {
    Entry::Dir {
        name: "root".into(),
        children: vec![
            Entry::File {
                size: 3,
                name: "a".into(),
            },
            Entry::Dir {
                name: "sub".into(),
                children: vec![Entry::File {
                    size: 4,
                    name: "b".into(),
                }],
            },
            Entry::File {
                size: 5,
                name: "c".into(),
            },
        ],
    }
}

fn leaked_tree() -> &'static Entry {
    Box::leak(Box::new(tree()))
}

fn leaked_children() -> &'static [Entry] {
    match leaked_tree() {
        Entry::Dir { children, .. } => children,
        Entry::File { .. } => &[],
    }
}

twin! {
    fn sizes_then_names(items: &'static [Entry]) -> String {
        let mut total = 0;
        for e in items {
            match (e, total > 4) {
                (Entry::File { size, .. }, _) => total += size,
                (Entry::Dir { name, .. }, big) => {
                    yield_!(format!("{name} {big}"));
                    yield_!(format!("total {total}"));
                }
            }
        }
        yield_!(format!("end {total}"));
    }
}

#[test]
fn a_tuple_of_a_reference_and_a_flag_binds_references() {
    assert_eq!(
        check!(sizes_then_names(leaked_children())),
        ["sub false", "total 3", "end 8"]
    );
}

twin! {
    fn dirs_post_order(root: &'static Entry) -> String {
        let mut stack: Vec<(&Entry, bool)> = vec![(root, false)];
        while let Some((e, done)) = stack.pop() {
            match (e, done) {
                (&Entry::Dir { ref children, .. }, false) => {
                    stack.push((e, true));
                    for c in children {
                        stack.push((c, false));
                    }
                }
                (&Entry::Dir { ref name, .. }, true) => yield_!(name.clone()),
                (&Entry::File { ref name, size }, _) => yield_!(format!("{name}:{size}")),
            }
        }
    }
}

#[test]
fn ref_bindings_under_a_reference_pattern_borrow_the_argument() {
    assert_eq!(
        check!(dirs_post_order(leaked_tree())),
        ["c:5", "b:4", "sub", "a:3", "root"]
    );
}

twin! {
    fn file_sizes(entries: Vec<&'static Entry>) -> u64 {
        let mut stack = entries;
        while let Some(e) = stack.pop() {
            if let Entry::File { size, .. } = e {
                yield_!(*size);
            }
            if let Entry::Dir { children, .. } = e {
                let mut sum = 0;
                for c in children {
                    if let Entry::File { size, .. } = c {
                        sum += size;
                    }
                }
                yield_!(sum);
            }
        }
    }
}

#[test]
fn an_element_popped_from_a_collection_of_references_is_a_reference() {
    assert_eq!(
        check!(file_sizes(leaked_children().iter().collect())),
        [5, 4, 3]
    );
}

static NAMES: [&str; 3] = ["a", "bb", "ccc"];

#[derive(Debug)]
pub enum Kind {
    Word(String),
    Gap,
}

twin! {
    #[allow(clippy::match_single_binding, clippy::needless_range_loop)]
    fn place_scrutinees(n: usize) -> usize {
        let mut counters: Vec<(String, usize)> = (0..n).map(|i| (format!("c{i}"), i)).collect();
        for i in 0..counters.len() {
            // Matched in place: `ref` bindings into an element, no move out of the index.
            match counters[i] {
                (ref name, ref mut count) => {
                    *count += name.len();
                    yield_!(*count);
                }
            }
            match NAMES[i % 3] {
                "a" => yield_!(100),
                other => yield_!(other.len()),
            }
        }
        let kinds = vec![Kind::Word("xyz".into()), Kind::Gap];
        let boxed = Box::new(Some(String::from("boxed")));
        for i in 0..kinds.len() {
            match kinds[i] {
                Kind::Word(ref w) => yield_!(w.len()),
                Kind::Gap => yield_!(0),
            }
        }
        match *boxed {
            Some(ref s) => yield_!(s.len()),
            None => yield_!(0),
        }
        yield_!(counters.iter().map(|c| c.1).sum());
    }
}

#[test]
fn a_place_is_matched_in_place_across_a_yield_in_an_arm() {
    assert_eq!(
        check!(place_scrutinees(3)),
        [2, 100, 3, 2, 4, 3, 3, 0, 5, 9]
    );
}

// A binding into a local through `&mut local` or `as_mut()`, not used after the yield: the
// state keeps the local, not the borrow.
gen_tests::twin! {
    fn bindings_into_a_local_ended_before_the_yield(n: u32) -> u32 {
        let mut best: Option<u32> = Some(0);
        let mut seen: Option<Vec<u32>> = Some(Vec::new());
        for i in 0..n {
            if let Some(b) = &mut best {
                *b += i;
            }
            if let Some(v) = seen.as_mut() {
                v.push(i);
            }
            let current = match &best {
                Some(b) => *b,
                None => 0,
            };
            yield_!(current);
        }
        yield_!(seen.map_or(0, |v| v.len() as u32));
    }
}

#[test]
fn bindings_into_a_local_that_end_before_the_yield() {
    assert_eq!(
        gen_tests::check!(bindings_into_a_local_ended_before_the_yield(4)),
        [0, 1, 3, 6, 4]
    );
}
