//! Generated code around lowered operands and `let`s draws no warning of its own
//! (`#![deny(warnings)]`): a parenthesized operand whose `if` yields (no `unused_parens` on
//! the user's parentheses), a `let` whose yielding arm leaves (no `unreachable_code`), and a
//! `let` whose value borrows a local while another local is moved on one branch.
#![deny(warnings)]

use gen_core::generator;

fn bump(a: u64, b: u64) -> u64 {
    a.wrapping_add(b)
}

#[generator]
fn doubled(a: u64) -> impl Iterator<Item = u64> {
    let b = bump(a, 1);
    let x = (if a > 3 { bump(a, 2) } else { yield_!(7); b }) * 2;
    yield_!(x);
}

#[generator]
fn keys(lines: Vec<String>) -> impl Iterator<Item = String> {
    for line in lines {
        let key = match line.split_once('=') {
            Some((k, _)) => k,
            None => {
                yield_!(String::new());
                continue;
            }
        };
        yield_!(key.to_owned());
    }
}

#[generator]
fn first_len(words: Vec<String>, flag: bool, extra: String) -> impl Iterator<Item = usize> {
    let first = if flag {
        drop(extra);
        &words[0]
    } else {
        &words[1]
    };
    let n = first.len();
    yield_!(n);
    yield_!(words.len());
}

fn main() {
    assert_eq!(doubled(1).collect::<Vec<_>>(), [7, 4]);
    assert_eq!(keys(vec!["a=1".into(), "b".into()]).collect::<Vec<_>>(), ["a", ""]);
    let words = || vec!["a".to_owned(), "bb".to_owned()];
    assert_eq!(first_len(words(), true, "x".into()).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(first_len(words(), false, "x".into()).collect::<Vec<_>>(), [2, 2]);
}
