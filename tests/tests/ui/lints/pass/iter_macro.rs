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

pub fn main() {
    assert_eq!(counter(3).collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(reassigned_after_yield(5).collect::<Vec<_>>(), [5, 10]);
    let words = vec!["ab".to_owned(), "cde".to_owned()];
    assert_eq!(running_total(words).collect::<Vec<_>>(), [2, 5, 10]);
}
