//! Correct `iter!` blocks draw no warning: a captured variable the block assigns to, declared
//! `mut` as a `move` closure needs it (and no "does not need to be mutable"), a `mut` local
//! assigned after a yield, locals kept across yields, `yield_!` and `yield`. Compiled by
//! `tests/ui.rs` (`lints_pass`) and, under clippy, by `tests/lint_fixtures/check.sh`.
#![deny(warnings)]

fn counter(limit: u32) -> impl Iterator<Item = u32> {
    let mut count = 0;
    gen_core::iter! {
        while count < limit {
            yield count;
            count += 1;
        }
    }
}

fn reassigned_after_yield(limit: u32) -> impl Iterator<Item = u32> {
    gen_core::iter! {
        let mut last = limit;
        yield last;
        last = limit * 2;
        yield last;
    }
}

fn running_total(words: Vec<String>) -> impl Iterator<Item = usize> {
    gen_core::iter! {
        let mut total = 0;
        for word in words {
            total += word.len();
            yield total;
        }
        yield_!(total * 2);
    }
}

/// A receiver taken by value whose field the block assigns (`mut self`, as a `move`
/// closure assigning `self.n` needs it).
#[derive(Debug, Clone, Copy)]
pub struct Steps {
    n: u32,
}

impl Steps {
    fn states(mut self) -> impl Iterator<Item = String> {
        gen_core::iter! {
            for _ in 0..2 {
                self.n += 1;
                yield format!("{self:?}");
            }
        }
    }

    fn counted(&mut self) -> impl Iterator<Item = u32> + '_ {
        gen_core::iter! {
            self.n += 10;
            yield self.n;
        }
    }
}

/// Elements the block assigns through an index of its own (`self.cells[i] = 7`, `i` a local
/// of the block): what makes the receiver's `mut` needed is the field, `self.cells`.
pub struct Grid {
    cells: Vec<u8>,
    rows: Vec<Steps>,
}

impl Grid {
    fn paint(&mut self) -> impl Iterator<Item = u8> + '_ {
        gen_core::iter! {
            for i in 0..2 {
                self.cells[i] = 7;
                yield self.cells[i];
            }
        }
    }

    fn bumped(mut self) -> impl Iterator<Item = u32> {
        gen_core::iter! {
            for i in 0..self.rows.len() {
                self.rows[i].n += 1;
                yield self.rows[i].n;
            }
        }
    }
}

pub fn main() {
    let mut grid = Grid {
        cells: vec![1, 2, 3],
        rows: vec![Steps { n: 4 }, Steps { n: 5 }],
    };
    assert_eq!(grid.paint().collect::<Vec<_>>(), [7, 7]);
    assert_eq!(grid.cells, [7, 7, 3]);
    assert_eq!(grid.bumped().collect::<Vec<_>>(), [5, 6]);
    assert_eq!(
        Steps { n: 0 }.states().collect::<Vec<_>>(),
        ["Steps { n: 1 }", "Steps { n: 2 }"]
    );
    let mut steps = Steps { n: 1 };
    assert_eq!(steps.counted().collect::<Vec<_>>(), [11]);
    assert_eq!(steps.n, 11);
    assert_eq!(counter(3).collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(reassigned_after_yield(5).collect::<Vec<_>>(), [5, 10]);
    let words = vec!["ab".to_owned(), "cde".to_owned()];
    assert_eq!(running_total(words).collect::<Vec<_>>(), [2, 5, 10]);
}
