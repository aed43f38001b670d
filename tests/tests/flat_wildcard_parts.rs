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

twin! {
    fn if_let_on_a_pair_with_a_wildcard(items: Vec<&'static str>) -> String {
        let mut items: Vec<String> = items.into_iter().map(String::from).collect();
        let _outer = n("outer");
        if let (Some(first), _) = (items.pop(), n("kept")) {
            let _inner = n("inner");
            yield_!(first);
            yield_!(String::from("after"));
        }
        yield_!(String::from("end"));
    }
}

#[test]
fn the_unbound_part_of_an_if_let_value_drops_at_the_end_of_the_if() {
    assert_eq!(
        check!(if_let_on_a_pair_with_a_wildcard(vec!["a", "b"])),
        ["b", "after", "end"]
    );
    check!(if_let_on_a_pair_with_a_wildcard(vec![]));
    same_drops!(if_let_on_a_pair_with_a_wildcard(vec!["a"]));
    same_drops!(if_let_on_a_pair_with_a_wildcard(vec![]));
}

twin! {
    fn struct_pattern_with_a_wildcard_field(count: u32) -> u32 {
        struct Parts {
            id: u32,
            guard: Noisy,
        }
        let make = |id| Parts { id, guard: n(&format!("g{id}")) };
        for i in 0..count {
            if let Parts { id: 1.., guard: _ } = make(i) {
                yield_!(i);
                yield_!(i * 10);
            }
        }
    }
}

#[test]
fn an_unbound_struct_field_of_an_if_let_value_drops_at_the_end_of_the_if() {
    assert_eq!(
        check!(struct_pattern_with_a_wildcard_field(3)),
        [1, 10, 2, 20]
    );
    same_drops!(struct_pattern_with_a_wildcard_field(3));
}

twin! {
    fn popped_items_keep_their_timing(count: u32) -> String {
        let mut stack: Vec<(String, Noisy)> = (0..count)
            .map(|i| (format!("s{i}"), n(&format!("held{i}"))))
            .collect();
        while let Some(top) = stack.pop() {
            let (name, _held) = top;
            yield_!(name);
            yield_!(String::from("next"));
        }
        let mut queue = std::collections::VecDeque::new();
        queue.push_back(n("q0"));
        queue.push_back(n("q1"));
        let front = queue.pop_front();
        let len = front.as_ref().map_or(0, |f| f.name().len());
        yield_!(format!("popped {len}"));
        yield_!(String::from("done"));
    }
}

#[test]
fn a_popped_value_is_owned_and_keeps_its_drop_timing() {
    check!(popped_items_keep_their_timing(2));
    same_drops!(popped_items_keep_their_timing(3));
}

/// A ticket whose tag logs its drop.
#[derive(Debug)]
pub struct Ticket {
    pub id: usize,
    pub tag: Noisy,
}

twin! {
    // `..` skips fields the macro cannot name: the popped ticket's `tag` drops at the end of
    // the iteration, after the consumer had the item (lowered `boxed`).
    fn rest_pattern_of_a_popped_value(ids: Vec<usize>) -> usize {
        let mut queue: Vec<Ticket> = ids
            .iter()
            .map(|&id| Ticket { id, tag: Noisy::new(format!("tag{id}")) })
            .collect();
        while let Some(Ticket { id, .. }) = queue.pop() {
            yield_!(id);
            gen_tests::log("body end");
        }
    }
}

#[test]
fn fields_a_rest_pattern_skips_drop_at_the_end_of_the_iteration() {
    let log = same_drops!(rest_pattern_of_a_popped_value(vec![1, 2]));
    assert_eq!(log[..3], ["yield 2", "body end", "drop tag2"]);
}
