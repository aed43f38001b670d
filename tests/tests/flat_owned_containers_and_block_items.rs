//! A container whose written type owns its data (`let mut out: Vec<u8> = Vec::new();`) holds
//! no borrow of what it is filled from (`out.extend(data.iter())` copies, `f.trim().into()`
//! converts), and a struct literal of `.into()` conversions may own its data: each is kept
//! across yields beside its source, as the plain function keeps it. And the items of a block
//! inside a loop that yields (`thread_local!`, a function using the block's `use`) are seen as
//! the plain function sees them. Compared with the plain function.

use gen_tests::{check, twin};

// `Vec<u8>: Extend<&u8>` copies the bytes.
twin! {
    fn doubled(data: Vec<u8>) -> u8 {
        let mut out: Vec<u8> = Vec::new();
        out.extend(data.iter());
        out.extend(data.iter().rev());
        let mut i = 0;
        while i < out.len() {
            yield_!(out[i]);
            i += 1;
        }
        yield_!(data.len() as u8);
    }
}

// `Vec<String>` filled with `.into()` of views into the line.
twin! {
    fn fields(lines: Vec<String>) -> String {
        for line in lines {
            let mut fields: Vec<String> = Vec::new();
            for f in line.split(',') {
                fields.push(f.trim().into());
            }
            yield_!(format!("{} fields of {}", fields.len(), line.len()));
            for f in fields {
                yield_!(f);
            }
        }
    }
}

// A `HashSet<u32>` extended from a filtered iterator over a borrowed vector.
twin! {
    fn distinct_evens(values: Vec<u32>) -> usize {
        let mut seen: std::collections::HashSet<u32> = std::collections::HashSet::new();
        seen.extend(values.iter().filter(|v| *v % 2 == 0));
        yield_!(seen.len());
        yield_!(values.len());
        yield_!(seen.len());
    }
}

/// A header made of conversions of a borrowed line.
#[derive(Debug)]
pub struct Header {
    pub title: String,
    pub cols: usize,
}

twin! {
    fn table(src: &'static str) -> String {
        let first = src.lines().next().unwrap_or("").to_string();
        let header = Header {
            title: first.trim().into(),
            cols: first.split(',').count(),
        };
        yield_!(format!("# {}", header.title));
        for row in src.lines().skip(1) {
            yield_!(format!("{row} ({} cols)", header.cols));
        }
    }
}

#[test]
fn owned_containers_filled_from_borrows() {
    assert_eq!(check!(doubled(vec![1, 2])), [1, 2, 2, 1, 2]);
    assert_eq!(
        check!(fields(vec!["a, b".into(), "c".into()])),
        ["2 fields of 4", "a", "b", "1 fields of 1", "c"]
    );
    assert_eq!(check!(distinct_evens(vec![2, 4, 2, 3])), [2, 4, 2]);
    assert_eq!(
        check!(table("a,b\nx\ny")),
        ["# a,b", "x (2 cols)", "y (2 cols)"]
    );
}

// A thread-local declared in a loop's block that yields.
twin! {
    fn calls(n: u32) -> u32 {
        for i in 0..n {
            thread_local! {
                static CALLS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
            }
            CALLS.with(|c| c.set(c.get() + 1));
            yield_!(i * 10 + CALLS.with(std::cell::Cell::get));
        }
    }
}

// A function of a nested block that uses the block's import.
twin! {
    fn tallies(n: u32) -> usize {
        for i in 0..n {
            use std::collections::HashMap;
            fn tally(s: &str) -> HashMap<char, usize> {
                let mut m = HashMap::new();
                for c in s.chars() {
                    *m.entry(c).or_insert(0) += 1;
                }
                m
            }
            if i > 0 {
                yield_!(tally(&"ab".repeat(i as usize)).len());
            }
        }
    }
}

#[test]
fn items_of_a_block_in_a_loop_that_yields() {
    // Each run counts on: the plain twin and the generator share the thread-local of their
    // own expansion, so only the tens are compared with fixed values.
    let out = calls::generator(3).collect::<Vec<_>>();
    assert_eq!(out.iter().map(|x| x / 10).collect::<Vec<_>>(), [0, 1, 2]);
    assert!(out.windows(2).all(|w| w[1] % 10 == w[0] % 10 + 1));
    assert_eq!(check!(tallies(3)), [2, 2]);
}
