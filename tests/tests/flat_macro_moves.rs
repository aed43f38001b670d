//! Moves inside std macros' input are moves (`vec![x]`, `assert!(consume(x))`, `dbg!`);
//! format-style macros borrow (`format!`, `write!`, `assert_eq!`); unknown macros' input
//! counts as reads. Compared with the plain function, items and drops.

use std::fmt::Write as _;

use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

fn consume(g: Noisy) -> bool {
    !g.name().is_empty()
}

twin! {
    fn vec_moves() -> usize {
        let a = n("a");
        let b = n("b");
        let both = vec![a, b];
        yield_!(both.len());
        drop(both);
        yield_!(0);
        let c = n("c");
        assert!(consume(c));
        yield_!(1);
    }
}

#[test]
fn vec_and_assert_move_their_operands() {
    check!(vec_moves());
    let log = same_drops!(vec_moves());
    assert_eq!(
        log,
        [
            "yield 2", "drop a", "drop b", "yield 0", "drop c", "yield 1"
        ]
    );
}

twin! {
    #[allow(clippy::bool_assert_comparison)]
    fn format_borrows(words: Vec<String>) -> String {
        let g = n("g");
        let mut out = String::new();
        for w in words {
            let _ = write!(out, "[{w}]");
            yield_!(format!("{} {}", w, g.name()));
            assert_eq!(w.is_empty(), false);
            yield_!(format!("{w:>6}"));
        }
        yield_!(out);
    }
}

#[test]
fn format_like_macros_borrow() {
    check!(format_borrows(vec!["x".into(), "yz".into()]));
    same_drops!(format_borrows(vec!["x".into(), "yz".into()]));
}
