//! What a pattern leaves unbound (`_`) in a temporary it matches (a popped element, a call's
//! result) stays in that temporary, which drops after the pattern's bindings at the end of
//! the `while let` iteration, the `if let` or the `match` arm, even across a yield in the
//! body: enum variants, nested tuples, several unbound parts (dropped in field order),
//! `mut` and `ref` bindings. Compared with the plain function, items and drops at every
//! early stop.

use std::collections::VecDeque;

use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

/// A token of a lexer: a word with the guard of its source line, or the end.
#[derive(Debug)]
pub enum Tok {
    Word(String, Noisy),
    Pair { left: String, right: Noisy },
    End,
}

fn lex(i: u32, limit: u32) -> Tok {
    if i >= limit {
        Tok::End
    } else if i.is_multiple_of(2) {
        Tok::Word(format!("w{i}"), n(&format!("line{i}")))
    } else {
        Tok::Pair {
            left: format!("l{i}"),
            right: n(&format!("right{i}")),
        }
    }
}

twin! {
    fn while_let_pop_with_a_wildcard(count: u32) -> String {
        let mut stack: Vec<(String, Noisy)> = (0..count)
            .map(|i| (format!("s{i}"), n(&format!("held{i}"))))
            .collect();
        while let Some((name, _)) = stack.pop() {
            let _inner = n("inner");
            yield_!(name);
            yield_!(String::from("next"));
        }
        yield_!(String::from("end"));
    }
}

#[test]
fn a_popped_elements_unbound_half_drops_at_the_end_of_its_iteration() {
    assert_eq!(
        check!(while_let_pop_with_a_wildcard(2)),
        ["s1", "next", "s0", "next", "end"]
    );
    same_drops!(while_let_pop_with_a_wildcard(3));
}

twin! {
    fn queue_of_jobs(count: u32) -> u32 {
        let mut queue: VecDeque<(u32, Noisy, Noisy)> = VecDeque::new();
        for i in 0..count {
            queue.push_back((i, n(&format!("a{i}")), n(&format!("b{i}"))));
        }
        // Two unbound parts: they drop in field order after the binding, as the
        // temporary drops them.
        while let Some((mut id, _, _)) = queue.pop_front() {
            id += 100;
            yield_!(id);
            yield_!(id + 1);
        }
    }
}

#[test]
fn several_unbound_parts_drop_in_field_order() {
    assert_eq!(check!(queue_of_jobs(2)), [100, 101, 101, 102]);
    same_drops!(queue_of_jobs(3));
}

twin! {
    fn match_on_a_lexed_token(limit: u32) -> String {
        let mut i = 0;
        loop {
            match lex(i, limit) {
                Tok::Word(word, _) => {
                    yield_!(word);
                    yield_!(String::from("word"));
                }
                Tok::Pair { left, right: _ } => yield_!(left),
                Tok::End => break,
            }
            i += 1;
        }
    }
}

#[test]
fn the_unbound_field_of_a_matched_variant_drops_at_the_end_of_its_arm() {
    assert_eq!(
        check!(match_on_a_lexed_token(3)),
        ["w0", "word", "l1", "w2", "word"]
    );
    same_drops!(match_on_a_lexed_token(4));
}

twin! {
    fn if_let_with_an_else(limit: u32) -> String {
        for i in 0..limit {
            if let Tok::Word(word, _) = lex(i, limit) {
                yield_!(word);
                yield_!(String::from("then"));
            } else {
                let _other = n("else");
                yield_!(String::from("else"));
            }
        }
    }
}

#[test]
fn an_if_let_with_an_else_keeps_the_unbound_field_to_the_end_of_the_then_block() {
    assert_eq!(
        check!(if_let_with_an_else(3)),
        ["w0", "then", "else", "w2", "then"]
    );
    same_drops!(if_let_with_an_else(3));
}

twin! {
    fn ref_binding_and_a_wildcard(count: u32) -> usize {
        let mut stack: Vec<(String, Noisy)> = (0..count)
            .map(|i| (format!("r{i}"), n(&format!("g{i}"))))
            .collect();
        while let Some((ref name, _)) = stack.pop() {
            let len = name.len();
            yield_!(len);
            yield_!(len + 1);
        }
    }
}

#[test]
fn a_ref_binding_leaves_its_part_in_the_temporary() {
    assert_eq!(check!(ref_binding_and_a_wildcard(2)), [2, 3, 2, 3]);
    same_drops!(ref_binding_and_a_wildcard(3));
}

twin! {
    fn nested_option_of_a_pair(count: u32) -> String {
        let mut queue: VecDeque<Option<(Noisy, String)>> = VecDeque::new();
        for i in 0..count {
            queue.push_back(if i % 2 == 0 {
                Some((n(&format!("first{i}")), format!("v{i}")))
            } else {
                None
            });
        }
        while let Some(entry) = queue.pop_front() {
            if let Some((_, value)) = entry.filter(|(g, _)| !g.name().is_empty()) {
                yield_!(value);
            }
            yield_!(String::from("step"));
        }
    }
}

#[test]
fn an_unbound_part_before_the_binding_drops_after_it() {
    assert_eq!(
        check!(nested_option_of_a_pair(3)),
        ["v0", "step", "step", "v2", "step"]
    );
    same_drops!(nested_option_of_a_pair(3));
}

twin! {
    fn unbound_part_without_a_yield_in_its_body(count: u32) -> u32 {
        let mut stack: Vec<(u32, Noisy)> = (0..count).map(|i| (i, n(&format!("q{i}")))).collect();
        let mut total = 0;
        while let Some((v, _)) = stack.pop() {
            total += v;
        }
        yield_!(total);
    }
}

#[test]
fn a_loop_without_a_yield_is_left_as_written() {
    assert_eq!(check!(unbound_part_without_a_yield_in_its_body(4)), [6]);
    same_drops!(unbound_part_without_a_yield_in_its_body(4));
}

fn words(i: u32) -> Option<Vec<String>> {
    (i < 2).then(|| vec![format!("w{i}")])
}

twin! {
    fn ref_mut_into_a_condition_that_yields(count: u32) -> String {
        let mut i = 0;
        // The condition's value is held in a hidden local that the `ref mut` binding changes.
        while let Some(ref mut list) = {
            yield_!(format!("probe {i}"));
            words(i)
        } {
            list.push(String::from("more"));
            yield_!(list.join(","));
            i += 1;
        }
        if let Some(ref mut last) = {
            yield_!(String::from("again"));
            words(count)
        } {
            last.push(String::from("x"));
            yield_!(last.join(","));
        }
    }
}

#[test]
fn a_ref_mut_binding_changes_the_value_of_a_condition_that_yields() {
    assert_eq!(
        check!(ref_mut_into_a_condition_that_yields(1)),
        [
            "probe 0", "w0,more", "probe 1", "w1,more", "probe 2", "again", "w1,x"
        ]
    );
}
