//! Calls into std ported into generators as their authors wrote them (map entries, `into`,
//! numbers and `&'static str`s collected from a local, a thread's `join`, `Cell::get`, `move`
//! closures in iterators, `BufRead::fill_buf`): each value borrows, copies or moves as in the
//! plain function, which each generator is compared with (items and drops).
#![deny(unused_imports)]

use gen_tests::{Noisy, check, same_drops, twin};

twin! {
    /// A word count through `entry(..).or_insert(..)`: the `&mut` it returns is dead before
    /// the yield, so the map is kept alone.
    fn word_counts(words: Vec<&'static str>) -> (String, u32) {
        let mut counts: std::collections::HashMap<String, u32> = Default::default();
        for w in words {
            let count = counts.entry(w.to_string()).or_insert(0);
            *count += 1;
            let seen = *count;
            yield_!((w.to_string(), seen));
            *counts.entry(format!("{w}!")).or_default() += seen;
        }
        let mut all: Vec<(String, u32)> = counts.into_iter().collect();
        all.sort();
        for pair in all {
            yield_!(pair);
        }
    }
}

twin! {
    /// Owned values made from a borrow of a local, declared with a type that owns its data:
    /// kept across yields like any owned value.
    fn annotated_owned_values(n: usize) -> String {
        let rows = vec![("a".to_string(), 1usize), ("b".to_string(), 2)];
        let names: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        let first: Option<(String, usize)> = rows.first().cloned();
        let index: std::collections::HashMap<String, usize> = rows.iter().cloned().collect();
        let b: Option<usize> = index.get("b").copied();
        yield_!(format!("{n}"));
        yield_!(format!("{names:?} {first:?} {b:?} {}", rows.len()));
    }
}

#[test]
fn map_entries_and_annotated_owned_values() {
    let counted = check!(word_counts(vec!["a", "b", "a"]));
    assert_eq!(counted[2], ("a".to_string(), 2));
    check!(annotated_owned_values(3));
}

// `Into::into` and `TryInto::try_into` take `self` on every type: a move of the local.
twin! {
    fn converted(v: Vec<u32>) -> usize {
        let q: std::collections::VecDeque<u32> = v.into();
        yield_!(q.len());
        let bytes: Vec<u8> = q.iter().map(|&x| x as u8).collect();
        let pair: [u8; 2] = bytes.try_into().unwrap_or([0, 0]);
        yield_!(pair.len());
        yield_!(q.len() + usize::from(pair[0]));
    }
}

#[test]
fn into_and_try_into_move_the_local() {
    assert_eq!(check!(converted(vec![1, 2])), [2, 2, 3]);
    assert_eq!(check!(converted(vec![1, 2, 3])), [3, 2, 3]);
}

// A number computed from a local's elements, defaulted with a number (`unwrap_or(0)`,
// `map_or(0, ..)`, `.max(1)`): it borrows nothing, so it is kept across yields while the
// local is used and moved.
twin! {
    fn column_widths(rows: Vec<(String, usize)>) -> usize {
        let widest = rows.iter().map(|(_, w)| *w).max().unwrap_or(0);
        yield_!(widest);
        let longest = rows.iter().map(|(name, _)| name.len()).max().map_or(0, |n| n + 1);
        let at_least = rows.iter().map(|(_, w)| *w).min().unwrap_or(0).max(1);
        yield_!(longest + at_least);
        drop(rows);
        yield_!(widest + longest);
    }
}

#[test]
fn numbers_defaulted_from_a_local_borrow_nothing() {
    assert_eq!(
        check!(column_widths(vec![("ab".into(), 3), ("abcd".into(), 5)])),
        [5, 8, 10]
    );
    assert_eq!(check!(column_widths(Vec::new())), [0, 1, 0]);
}

// Elements annotated `&'static str` borrow nothing of the generator's, however they were
// collected from a local.
twin! {
    fn static_names(names: Vec<&'static str>) -> usize {
        let all: Vec<&'static str> = names.iter().copied().filter(|s| !s.is_empty()).collect();
        for s in all {
            yield_!(s.len());
        }
        let first: Option<&'static str> = names.first().copied();
        yield_!(names.len() + first.map_or(0, str::len));
    }
}

#[test]
fn static_references_collected_from_a_local_borrow_nothing() {
    assert_eq!(check!(static_names(vec!["a", "bc"])), [1, 2, 3]);
}

// `handle.join()` takes the thread's handle by value (the `join`s of slices and paths take an
// argument), so a handle joined inside a yield's operand is not kept for a later yield.
twin! {
    fn joined_workers(jobs: Vec<u64>) -> u64 {
        let _pool = Noisy::new("pool");
        for job in jobs {
            let handle = std::thread::spawn(move || job * job);
            let label = Noisy::new(format!("job {job}"));
            yield_!(handle.join().unwrap());
            drop(label);
            yield_!(job);
        }
        let parts = ["a", "b"].join("+");
        yield_!(parts.len() as u64);
    }
}

#[test]
fn a_thread_handle_joined_in_a_yield() {
    check!(joined_workers(vec![2, 3]));
    let log = same_drops!(joined_workers(vec![2, 3]));
    assert_eq!(
        log,
        [
            "yield 4",
            "drop job 2",
            "yield 2",
            "yield 9",
            "drop job 3",
            "yield 3",
            "yield 3",
            "drop pool"
        ]
    );
}

// `Cell::get()` copies the value out: kept across yields like any number (`map.get(k)` and
// `OnceCell::get()` borrow).
twin! {
    fn cell_counter(start: u32) -> u32 {
        let _log = Noisy::new("log");
        let c = std::cell::Cell::new(start);
        let v = c.get();
        // Built from the copy: keeps its drop timing (the end of the body).
        let pair = (Noisy::new("pair"), v);
        yield_!(pair.1 - v + 1);
        c.set(v + 1);
        yield_!(v);
        yield_!(c.get());
    }
}

#[test]
fn a_value_copied_out_of_a_cell_is_kept() {
    assert_eq!(check!(cell_counter(5)), [1, 5, 6]);
    same_drops!(cell_counter(5));
}

// The fix the closure-borrow errors name: a `move` closure in a loop's iterator or in
// `yield_from!`, capturing a `&str` argument or a number.
twin! {
    fn grep_moved(lines: Vec<String>, needle: &'static str) -> String {
        let _log = Noisy::new("log");
        let limit = 1;
        for l in lines.clone().into_iter().filter(move |l| l.contains(needle)) {
            yield_!(l);
        }
        yield_from!(lines.into_iter().filter(move |w| w.len() > limit));
    }
}

#[test]
fn move_closures_in_iterators_kept_across_yields() {
    assert_eq!(
        check!(grep_moved(vec!["ab".into(), "b".into(), "c".into()], "b")),
        ["ab", "b", "ab"]
    );
    same_drops!(grep_moved(vec!["ab".into(), "b".into()], "b"));
}

// `BufRead::fill_buf` borrows the reader: its buffer, dead before the yield, is not kept in the
// state (which would hold a borrow of the reader it also holds).
twin! {
    fallible fn fixed_chunks(bytes: Vec<u8>, size: usize) -> Result<Vec<u8>, String> {
        use std::io::BufRead;
        let mut r = std::io::Cursor::new(bytes);
        let mut chunk = Vec::with_capacity(size);
        loop {
            let avail = r.fill_buf().map_err(|e| e.to_string())?;
            if avail.is_empty() {
                if !chunk.is_empty() {
                    yield_!(Ok(std::mem::take(&mut chunk)));
                }
                return Ok(());
            }
            let take = (size - chunk.len()).min(avail.len());
            chunk.extend_from_slice(&avail[..take]);
            r.consume(take);
            if chunk.len() == size {
                yield_!(Ok(std::mem::replace(&mut chunk, Vec::with_capacity(size))));
            }
        }
    }
}

twin! {
    fallible fn lines_of_a_reader(bytes: Vec<u8>) -> Result<String, String> {
        use std::io::BufRead;
        let mut r = std::io::BufReader::with_capacity(4, std::io::Cursor::new(bytes));
        let mut line = Vec::new();
        loop {
            let buf = r.fill_buf().map_err(|e| e.to_string())?;
            let n = buf.len();
            if n == 0 {
                break;
            }
            line.extend_from_slice(buf);
            r.consume(n);
            while let Some(end) = line.iter().position(|&b| b == b'\n') {
                let rest = line.split_off(end + 1);
                let text = String::from_utf8_lossy(&line).trim_end().to_string();
                line = rest;
                yield_!(Ok(text));
            }
        }
        if !line.is_empty() {
            yield_!(Ok(String::from_utf8_lossy(&line).to_string()));
        }
    }
}

#[test]
fn a_reader_buffer_dead_before_the_yield() {
    let out = check!(fixed_chunks((0u8..23).collect(), 5));
    assert_eq!(out.len(), 5);
    assert_eq!(out[4], Ok(vec![20, 21, 22]));
    let out = check!(lines_of_a_reader(b"ab\ncdefgh\n\nxyz".to_vec()));
    assert_eq!(
        out,
        [
            Ok("ab".into()),
            Ok("cdefgh".into()),
            Ok("".into()),
            Ok("xyz".into())
        ]
    );
}
