//! The syntactic move analysis of the flat lowering: a local moved before a
//! yield while still in scope must not be saved in the state (that would be E0382), and a
//! local only borrowed must be saved. One test per kind of move the design lists: call and
//! method arguments, `let`/assignment right-hand sides, struct fields, `yield_!` operands,
//! `for` iterables, scrutinees with by-value bindings, `move` closure captures, and receivers
//! of by-value methods from the curated list; plus the documented workaround for an unlisted
//! consuming method (`Type::method(x)`).

// `let mut v = Vec::new(); v.push(moved)` is one of the shapes under test.
#![allow(clippy::vec_init_then_push)]

use gen_tests::{check, twin};

#[derive(Debug, Clone, PartialEq)]
struct Wrapper {
    inner: String,
}

fn take(s: String) -> usize {
    s.len()
}

twin! {
    fn moved_into_call_and_method_args(a: String, b: String) -> usize {
        let x = a;
        let n = take(x);
        yield_!(n);
        let mut v = Vec::new();
        v.push(b);
        yield_!(v.len());
        yield_!(v[0].len());
    }
}

#[test]
fn moves_into_call_and_method_arguments() {
    assert_eq!(
        check!(moved_into_call_and_method_args("ab".into(), "c".into())),
        [2, 1, 1]
    );
}

twin! {
    fn moved_into_struct_field_and_yield(s: String) -> Wrapper {
        let t = s.clone();
        let w = Wrapper { inner: t };
        yield_!(w);
        let u = s;
        yield_!(Wrapper { inner: u });
    }
}

#[test]
fn moves_into_struct_fields_and_yield_operands() {
    let w = |s: &str| Wrapper { inner: s.into() };
    assert_eq!(
        check!(moved_into_struct_field_and_yield("q".into())),
        [w("q"), w("q")]
    );
}

twin! {
    fn moved_by_for_and_match(v: Vec<String>, o: Option<String>) -> String {
        let items = v;
        for s in items {
            yield_!(s);
        }
        let opt = o;
        match opt {
            Some(s) => yield_!(s),
            None => yield_!("none".to_string()),
        }
        yield_!("end".to_string());
    }
}

#[test]
fn moves_by_for_iterables_and_match_scrutinees() {
    assert_eq!(
        check!(moved_by_for_and_match(vec!["a".into()], Some("b".into()))),
        ["a", "b", "end"]
    );
    assert_eq!(
        check!(moved_by_for_and_match(vec![], None)),
        ["none", "end"]
    );
}

twin! {
    fn moved_into_move_closure(s: String) -> usize {
        let owned = s;
        let f = move || owned.len();
        yield_!(f());
        yield_!(f() + 1);
    }
}

#[test]
fn moves_into_move_closures() {
    assert_eq!(check!(moved_into_move_closure("abc".into())), [3, 4]);
}

twin! {
    // The user's own code: clippy sees `Some(5).expect(..)` in the generator as it would in a
    // plain function.
    #[allow(clippy::unnecessary_literal_unwrap)]
    fn by_value_methods_from_the_list(v: Vec<u32>, o: Option<u32>, s: String) -> u32 {
        let items = v;
        let total: u32 = items.into_iter().sum();
        yield_!(total);
        let opt = o;
        let x = opt.unwrap_or(7);
        yield_!(x);
        let text = s;
        let bytes = text.into_bytes();
        yield_!(bytes.len() as u32);
        let maybe: Option<u32> = Some(5);
        let five = maybe.expect("some");
        yield_!(five);
    }
}

#[test]
fn receivers_of_listed_by_value_methods_count_as_moved() {
    assert_eq!(
        check!(by_value_methods_from_the_list(
            vec![1, 2],
            None,
            "xy".into()
        )),
        [3, 7, 2, 5]
    );
}

twin! {
    fn borrowed_locals_are_saved(s: String) -> usize {
        let owned = s;
        let n = owned.len();
        yield_!(n);
        let upper = owned.to_uppercase();
        yield_!(upper.len() + owned.len());
        let len = {
            let r = &owned;
            r.len()
        };
        yield_!(len);
    }
}

#[test]
fn locals_only_borrowed_stay_available_after_yields() {
    assert_eq!(
        check!(borrowed_locals_are_saved("héllo".into())),
        [6, 12, 6]
    );
}

struct Token(String);

impl Token {
    fn redeem(self) -> String {
        self.0
    }
}

twin! {
    fn unlisted_consuming_method_workaround(t: Token) -> String {
        let token = t;
        // The documented fix for an unlisted consuming method: call it as a path.
        let s = Token::redeem(token);
        yield_!(s);
        yield_!(String::from("after"));
    }
}

#[test]
fn the_documented_workaround_for_unlisted_consuming_methods() {
    assert_eq!(
        check!(unlisted_consuming_method_workaround(Token("t".into()))),
        ["t", "after"]
    );
}

twin! {
    fn unlisted_consuming_method_in_a_closed_block(t: Token) -> String {
        let s = {
            let token = t;
            token.redeem()
        };
        yield_!(s);
        yield_!(String::from("after"));
    }
}

#[test]
fn the_other_workaround_ending_the_block_before_the_yield() {
    assert_eq!(
        check!(unlisted_consuming_method_in_a_closed_block(Token(
            "t".into()
        ))),
        ["t", "after"]
    );
}

twin! {
    fn moved_then_reassigned_in_a_loop(words: Vec<String>) -> String {
        let mut acc = String::new();
        for w in words {
            let prev = acc;
            acc = format!("{prev}{w}");
            yield_!(prev);
        }
        yield_!(acc);
    }
}

#[test]
fn a_local_moved_and_reassigned_every_iteration() {
    assert_eq!(
        check!(moved_then_reassigned_in_a_loop(vec![
            "a".into(),
            "b".into()
        ])),
        ["", "a", "ab"]
    );
}

twin! {
    fn moved_on_one_branch_only(s: String, flag: bool) -> String {
        let owned = s;
        if flag {
            let taken = owned;
            yield_!(taken);
            return;
        }
        yield_!(owned.clone());
        yield_!(owned);
    }
}

#[test]
fn a_local_moved_on_one_branch_only() {
    assert_eq!(check!(moved_on_one_branch_only("x".into(), true)), ["x"]);
    assert_eq!(
        check!(moved_on_one_branch_only("x".into(), false)),
        ["x", "x"]
    );
}

twin! {
    fn reference_dead_at_the_yield(s: String) -> usize {
        let owned = s;
        let r = &owned;
        yield_!(r.len());
        yield_!(owned.len() + 1);
    }
}

#[test]
fn a_reference_that_ends_before_a_yield_is_not_kept() {
    assert_eq!(
        check!(reference_dead_at_the_yield("abc".to_string())),
        [3, 4]
    );
}

// `_ = y;` is `let _ = y;`: it moves nothing, and `y` drops at the end of its scope.
gen_tests::twin! {
    fn wildcard_assignment(name: &'static str) -> usize {
        let y = gen_tests::Noisy::new(name);
        yield_!(1);
        _ = y;
        yield_!(2);
        let z = gen_tests::Noisy::new("z");
        _ = z;
        yield_!(y.name().len());
    }
}

#[test]
fn a_wildcard_assignment_moves_nothing() {
    let log = gen_tests::same_drops!(wildcard_assignment("y"));
    assert_eq!(log, ["yield 1", "yield 2", "yield 1", "drop z", "drop y"]);
}

twin! {
    // A range takes its bounds by value: a `String` bound is moved into it (a number's is
    // a copy, used again after the yield).
    fn moved_into_ranges(from: String, to: String, n: usize) -> usize {
        let words = words();
        for w in words.range(from..) {
            yield_!(w.len());
        }
        let span = to..;
        yield_!(words.range(span).count());
        let low = String::from("b");
        let high = String::from("d");
        yield_!(words.range(low..=high).count());
        for i in 0..n {
            yield_!(i + n);
        }
    }
}

/// A set that lives as long as the program.
fn words() -> &'static std::collections::BTreeSet<String> {
    static WORDS: std::sync::OnceLock<std::collections::BTreeSet<String>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| ["a", "b", "c", "d"].iter().map(|s| s.to_string()).collect())
}

#[test]
fn moves_into_ranges() {
    assert_eq!(
        check!(moved_into_ranges("c".into(), "b".into(), 2)),
        [1, 1, 3, 3, 2, 3]
    );
}
