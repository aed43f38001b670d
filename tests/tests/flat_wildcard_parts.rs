//! What a pattern leaves unbound (`_`) stays in the value it matches and drops with it, where
//! the plain function drops it: a `for` loop's item to the end of the iteration, a `match`
//! scrutinee's value to the end of the `match`, even across a yield in the body. Compared
//! with the plain function, items and drops at every early stop.

use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

fn pair(a: &str, b: &str) -> (Noisy, Noisy) {
    (n(a), n(b))
}

twin! {
    fn for_wildcard_items(count: u32) -> u32 {
        let items: Vec<Noisy> = (0..count).map(|i| n(&format!("e{i}"))).collect();
        for _ in items {
            let _inner = n("inner");
            yield_!(1);
            yield_!(2);
        }
    }
}

#[test]
fn a_wildcard_item_lives_to_the_end_of_its_iteration() {
    assert_eq!(check!(for_wildcard_items(2)), [1, 2, 1, 2]);
    same_drops!(for_wildcard_items(3));
}

twin! {
    fn for_pairs_with_a_wildcard(count: u32) -> String {
        let items: Vec<(Noisy, Noisy)> = (0..count)
            .map(|i| pair(&format!("p{i}"), &format!("q{i}")))
            .collect();
        for (p, _) in items {
            let _x = n("x");
            yield_!(p.name().to_string());
            yield_!(String::from("after"));
        }
    }
}

#[test]
fn the_wildcard_half_of_a_pair_drops_after_the_bound_half() {
    check!(for_pairs_with_a_wildcard(2));
    same_drops!(for_pairs_with_a_wildcard(3));
}

twin! {
    fn match_on_a_call_with_a_wildcard(flag: bool) -> u32 {
        let _outer = n("outer");
        match pair("t1", "t2") {
            (x, _) if flag => {
                yield_!(1);
                drop(x);
                yield_!(2);
            }
            (_, y) => {
                yield_!(3);
                let _ = &y;
            }
        }
        yield_!(4);
    }
}

#[test]
fn the_unbound_part_of_a_match_value_drops_at_the_end_of_the_match() {
    check!(match_on_a_call_with_a_wildcard(true));
    check!(match_on_a_call_with_a_wildcard(false));
    same_drops!(match_on_a_call_with_a_wildcard(true));
    same_drops!(match_on_a_call_with_a_wildcard(false));
}
