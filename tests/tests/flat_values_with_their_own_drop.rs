//! A value of a struct with its own `Drop` stays whole: no field can move out of it, so a
//! field used by value is a copy, and the value drops where the plain function drops it. The
//! macro cannot see a `Drop` impl, so a body that builds a struct with a literal and uses a
//! field by value while the value is still in scope at a later yield lowers `boxed`, where
//! rustc decides; so does one whose nested `iter!` reads a field of a local. Items and drops
//! are compared with the plain twin at every early stop.

use gen_tests::{Noisy, check, same_drops, twin};

/// A timer with a visible `Drop` of its own and a `Copy` field.
#[derive(Debug)]
pub struct Timer {
    pub start: u32,
}

impl Drop for Timer {
    fn drop(&mut self) {
        gen_tests::log(format!("drop timer {}", self.start));
    }
}

/// A span with its own `Drop`, a `Copy` field and one that owns data.
#[derive(Debug)]
pub struct Span {
    pub start: u64,
    pub name: String,
}

impl Drop for Span {
    fn drop(&mut self) {
        gen_tests::log(format!("drop span {}", self.name));
    }
}

/// A value without a `Drop` of its own, whose fields may move out.
#[derive(Debug)]
pub struct Pair {
    pub id: u64,
    pub tag: Noisy,
}

twin! {
    fn literals_read_by_field(n: u32) -> u64 {
        // A field copied out by arithmetic: the timer stays whole to the end of the body
        // (it dropped at the first yield).
        let timer = Timer { start: n };
        yield_!(u64::from(timer.start) + 1);
        yield_!(2);
        // A span with a field that owns data: E0509 on `#[generator]` before.
        let span = Span { start: 7, name: String::from("req") };
        let t0 = span.start;
        yield_!(t0 + span.start);
        // A `move` closure reads a field: it copies it, the span stays.
        let read = move || span.start + 1;
        yield_!(read());
        yield_!(99);
        // Fields moved out of a value with no `Drop` of its own.
        let pair = Pair { id: 5, tag: Noisy::new("tag") };
        let tag = pair.tag;
        yield_!(pair.id + tag.name().len() as u64);
    }
}

#[test]
fn a_literal_of_a_struct_with_its_own_drop_stays_whole() {
    let log = same_drops!(literals_read_by_field(3));
    assert_eq!(log[..3], ["yield 4", "yield 2", "yield 14"]);
    check!(literals_read_by_field(0));
}

twin! {
    fn nested_block_reads_a_field(k: u32) -> u32 {
        // The nested block's `move` start captures the `Copy` field alone: the timer stays
        // in the generator to the end of its body (it dropped before the first item).
        let timer = Timer { start: 10 };
        yield_from!(gen_core::iter! {
            for i in 0..k {
                yield i + timer.start;
            }
        });
        yield_!(99);
    }
}

#[test]
fn a_field_a_nested_block_reads_leaves_the_local_in_place() {
    let log = same_drops!(nested_block_reads_a_field(2));
    assert_eq!(log, ["yield 10", "yield 11", "yield 99", "drop timer 10"]);
    check!(nested_block_reads_a_field(0));
}
