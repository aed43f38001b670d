//! Generators written by a `macro_rules!` macro: a signature forwarded as fragments (`-> $ret:ty`,
//! `$arg: $ty`, an item type `$t`), and expressions and names of the body (`$limit:expr`,
//! `$v:ident`) arrive wrapped in invisible groups, which the generator reads as the types and
//! expressions they hold. Each is compared with the same macro writing a plain function.

use gen_core::generator;

/// Writes a function as given: the usual way a macro wraps a signature.
macro_rules! forward_fn {
    ($(#[$m:meta])* fn $name:ident($($arg:ident : $ty:ty),*) -> $ret:ty $body:block) => {
        $(#[$m])* fn $name($($arg: $ty),*) -> $ret $body
    };
}

forward_fn! {
    #[generator]
    fn evens(n: u32) -> impl Iterator<Item = u32> {
        for i in 0..n {
            if i % 2 == 0 {
                yield_!(i);
            }
        }
    }
}

forward_fn! {
    fn evens_plain(n: u32) -> impl Iterator<Item = u32> {
        (0..n).filter(|i| i % 2 == 0)
    }
}

#[test]
fn a_return_type_forwarded_as_a_type_fragment() {
    assert_eq!(
        evens(7).collect::<Vec<_>>(),
        evens_plain(7).collect::<Vec<_>>()
    );
}

/// A counter whose item type, bound, step and local name are fragments.
macro_rules! counter {
    ($name:ident, $plain:ident, $t:ty, $limit:expr, $v:ident, $step:expr) => {
        #[generator]
        fn $name(start: $t) -> impl Iterator<Item = $t> {
            let mut $v: $t = start;
            while $v < $limit {
                yield_!($v);
                $v += $step;
            }
            let text = format!("{}", $v);
            yield_!(text.len() as $t);
        }

        fn $plain(start: $t) -> Vec<$t> {
            let mut out = Vec::new();
            let mut $v: $t = start;
            while $v < $limit {
                out.push($v);
                $v += $step;
            }
            let text = format!("{}", $v);
            out.push(text.len() as $t);
            out
        }
    };
}

counter!(by_two, by_two_plain, u32, 7, i, 2);
counter!(by_three, by_three_plain, u64, 1 + 9, k, 1 + 2);

#[test]
fn item_types_expressions_and_names_forwarded_as_fragments() {
    assert_eq!(by_two(1).collect::<Vec<_>>(), by_two_plain(1));
    assert_eq!(by_three(0).collect::<Vec<_>>(), by_three_plain(0));
    assert_eq!(
        by_three(0).sum::<u64>(),
        by_three_plain(0).iter().sum::<u64>()
    );
}

/// An `iter!`/`stream!` block whose body a macro forwards: the body's names are the caller's
/// locals (captured by move, as a `move` closure in the same macro would capture them).
macro_rules! lazy {
    ($($body:tt)*) => { gen_core::iter! { $($body)* } };
}

macro_rules! lazy_closure {
    ($($body:tt)*) => { move || { $($body)* } };
}

#[test]
fn an_iter_block_a_macro_forwards_captures_the_callers_locals() {
    let items = vec![String::from("a"), String::from("bc")];
    let count = 3u32;
    let it = lazy! { for s in items { yield s.len() as u32; } let k = count * 2; yield k; };
    assert_eq!(it.collect::<Vec<_>>(), [1, 2, 6]);

    // A capture moved on one path only (`drop(tx)`), lowered `boxed` (a view of `text` kept
    // across a yield): the channel closes when the block's body ends, as the closure's does.
    let (tx, rx) = std::sync::mpsc::channel::<u32>();
    let (report, text) = (true, String::from("a bb"));
    let it = lazy! {
        for w in text.split(' ') { yield w.len() as u32; }
        if report { drop(tx); }
    };
    assert_eq!(it.collect::<Vec<_>>(), [1, 2]);
    assert_eq!(
        rx.try_recv(),
        Err(std::sync::mpsc::TryRecvError::Disconnected)
    );
    let (tx, rx) = std::sync::mpsc::channel::<u32>();
    let plain = lazy_closure! { if report { drop(tx); } };
    plain();
    assert_eq!(
        rx.try_recv(),
        Err(std::sync::mpsc::TryRecvError::Disconnected)
    );
}

#[test]
fn an_iter_block_a_macro_forwards_changes_and_moves_its_captures() {
    // `a` changed in place, then moved into `s` after a yield.
    let mut a = vec![String::from("a"), String::from("b")];
    let mut s = vec![String::from("s")];
    let it = lazy! { a.pop(); yield 1; s.extend(a); yield s.len(); };
    assert_eq!(it.collect::<Vec<usize>>(), [1, 2]);
    // `a` changed in place before `s`, which the body moves, is named.
    let mut a = vec![String::from("a")];
    let s = vec![String::from("s")];
    let it = lazy! { yield 1; a.extend(s); yield a.len(); };
    assert_eq!(it.collect::<Vec<usize>>(), [1, 2]);
}
