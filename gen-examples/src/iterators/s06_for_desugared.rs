//! Section 6, "How `for` works": a `for` loop is `into_iter()` plus `next()` until `None`.
//!
//! [`with_for`] and [`desugared`] walk the same generator; the generator logs each resume and
//! the loops log each body run, so the two interleavings can be compared line by line.

use std::cell::RefCell;

use gen_core::generator;

use crate::{Transcript, say};

/// A generator that writes `"yield {n}"` into `log` each time it produces a value, and
/// `"exhausted"` when it runs out.
#[generator]
pub fn traced(limit: u32, log: &RefCell<Vec<String>>) -> impl Iterator<Item = u32> {
    for n in 0..limit {
        log.borrow_mut().push(format!("yield {n}"));
        yield_!(n);
    }
    log.borrow_mut().push("exhausted".to_owned());
}

/// `for x in iterable { body }`.
pub fn with_for(limit: u32) -> Vec<String> {
    let log = RefCell::new(Vec::new());
    for x in traced(limit, &log) {
        log.borrow_mut().push(format!("body {x}"));
    }
    log.into_inner()
}

/// The same loop written out the way the compiler desugars it.
#[allow(clippy::while_let_loop, reason = "the section spells the loop out")]
pub fn desugared(limit: u32) -> Vec<String> {
    let log = RefCell::new(Vec::new());
    let mut it = IntoIterator::into_iter(traced(limit, &log));
    loop {
        let x = match it.next() {
            Some(x) => x,
            None => break,
        };
        log.borrow_mut().push(format!("body {x}"));
    }
    drop(it);
    log.into_inner()
}

/// Runs the section.
pub fn demo(t: &mut Transcript) {
    let a = with_for(2);
    let b = desugared(2);
    say!(t, "for x in traced(2)      -> {}", a.join(", "));
    say!(t, "loop {{ match it.next() }} -> {}", b.join(", "));
    say!(t, "identical: {}", a == b);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn for_and_desugared_loop_interleave_identically() {
        let expected = [
            "yield 0",
            "body 0",
            "yield 1",
            "body 1",
            "yield 2",
            "body 2",
            "exhausted",
        ];
        assert_eq!(with_for(3), expected);
        assert_eq!(desugared(3), expected);
    }

    #[test]
    fn nothing_runs_before_the_first_next() {
        let log = RefCell::new(Vec::new());
        let it = traced(3, &log);
        assert!(log.borrow().is_empty());
        drop(it);
        assert!(log.borrow().is_empty());
    }

    #[test]
    fn demo_reports_identical_runs() {
        let mut t = Transcript::capturing();
        demo(&mut t);
        assert!(t.contains("identical: true"));
        assert!(t.contains("yield 0, body 0, yield 1, body 1, exhausted"));
    }
}
