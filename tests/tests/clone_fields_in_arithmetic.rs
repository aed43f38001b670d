//! A generator declared `+ Clone` (which must stay flat) reading a field in arithmetic beside
//! a number (`c.now + 1`, `n - c.now`, `2 * c.now`) and then assigning the field: the read is a
//! copy, as in the plain function, and the value stays whole (was "`c` is needed whole here,
//! but a field of it was moved out").

use gen_core::generator;

#[derive(Clone, Debug)]
pub struct Clock {
    pub now: u64,
    pub log: Vec<String>,
}

#[generator]
fn ticks(mut c: Clock, n: u64) -> impl Iterator<Item = u64> + Clone {
    yield_!(c.now + 1);
    c.now = n;
    yield_!(c.log.len() as u64);
    for _ in 0..2 {
        yield_!(n - c.now);
        c.now = n - 1;
    }
    yield_!(2 * c.now);
}

/// The plain function.
fn ticks_plain(mut c: Clock, n: u64) -> Vec<u64> {
    let mut out = vec![c.now + 1];
    c.now = n;
    out.push(c.log.len() as u64);
    for _ in 0..2 {
        out.push(n - c.now);
        c.now = n - 1;
    }
    out.push(2 * c.now);
    out
}

#[test]
fn fields_read_in_arithmetic_are_copies_in_a_clone_generator() {
    let c = Clock {
        now: 3,
        log: vec!["a".into()],
    };
    let want = ticks_plain(c.clone(), 7);
    assert_eq!(ticks(c.clone(), 7).collect::<Vec<_>>(), want);
    // Cloned mid-way, both copies go on as the plain function.
    let mut g = ticks(c, 7);
    let first: Vec<u64> = g.by_ref().take(3).collect();
    let copy = g.clone();
    assert_eq!(first.iter().copied().chain(g).collect::<Vec<_>>(), want);
    assert_eq!(first.into_iter().chain(copy).collect::<Vec<_>>(), want);
}
