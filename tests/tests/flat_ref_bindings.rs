//! A `ref` binding into a value that is no local (a call's result, a popped element, a loop's
//! item) borrows it where the pattern matched it, and Rust keeps that value until the
//! construct ends: the `if let` block (dropped before `else`, edition 2024), the `while let`
//! iteration, the block of a `let .. else` (a refused value drops before `else` runs), the
//! `for` iteration. A flat generator keeps the value as a hidden local across the yields in
//! between, so it drops after the consumer saw the items, where the plain function drops it.
//! Each body runs against its plain twin (items, drop log at every early stop).

use gen_tests::{Noisy, check, log, same_drops, twin};

fn made(name: &str, ok: bool) -> Result<Noisy, Noisy> {
    if ok {
        Ok(Noisy::new(format!("{name}.ok")))
    } else {
        Err(Noisy::new(format!("{name}.err")))
    }
}

twin! {
    fn if_let_ref(oks: Vec<bool>) -> String {
        for (i, ok) in oks.into_iter().enumerate() {
            if let Ok(ref g) = made(&format!("if{i}"), ok) {
                let name = g.name().to_string();
                yield_!(g.name().to_string());
                yield_!(format!("{name} again"));
            } else {
                log(format!("else {i}"));
                yield_!(format!("else {i}"));
            }
        }
    }
}

twin! {
    fn while_let_ref_mut(names: Vec<String>) -> String {
        let mut stack: Vec<Noisy> = names.into_iter().map(Noisy::new).collect();
        while let Some(ref mut g) = stack.pop() {
            let name = g.name().to_string();
            yield_!(g.name().to_string());
            log(format!("end of {name}"));
        }
    }
}

twin! {
    fn let_else_ref(oks: Vec<bool>) -> String {
        for (i, ok) in oks.into_iter().enumerate() {
            let Ok(ref g) = made(&format!("le{i}"), ok) else {
                log(format!("else {i}"));
                continue;
            };
            let name = g.name().to_string();
            yield_!(g.name().to_string());
            log(format!("after {name}"));
        }
    }
}

twin! {
    fn for_ref_items(names: Vec<String>) -> String {
        let items: Vec<Noisy> = names.iter().map(Noisy::new).collect();
        for ref g in items {
            yield_!(g.name().to_string());
        }
        for (i, ref g) in names.into_iter().map(Noisy::new).enumerate() {
            yield_!(format!("{i} {}", g.name()));
            log(format!("end {i}"));
        }
    }
}

#[test]
fn a_value_a_ref_binding_borrows_drops_after_the_consumer_saw_its_items() {
    let oks = || vec![true, false, true];
    let names = || vec!["a".to_string(), "b".to_string()];
    assert_eq!(
        check!(if_let_ref(oks())),
        ["if0.ok", "if0.ok again", "else 1", "if2.ok", "if2.ok again"]
    );
    same_drops!(if_let_ref(oks()));
    assert_eq!(check!(while_let_ref_mut(names())), ["b", "a"]);
    same_drops!(while_let_ref_mut(names()));
    assert_eq!(check!(let_else_ref(oks())), ["le0.ok", "le2.ok"]);
    same_drops!(let_else_ref(oks()));
    assert_eq!(check!(for_ref_items(names())), ["a", "b", "0 a", "1 b"]);
    same_drops!(for_ref_items(names()));
}

/// A job whose id is plain data and whose name drops visibly.
#[derive(Debug)]
pub struct Job {
    pub id: u32,
    pub name: Noisy,
}

twin! {
    fn ref_beside_a_binding_that_moves(n: u32) -> String {
        // `_n` moves the number out of the popped pair; `ref g` borrows the rest, which
        // stays in the temporary until the iteration ends.
        let mut stack = vec![(1, Noisy::new("pair0")), (2, Noisy::new("pair1"))];
        stack.truncate(n as usize);
        while let Some((_n, ref g)) = stack.pop() {
            let name = g.name().to_string();
            yield_!(name);
        }
    }
}

twin! {
    fn ref_mut_beside_a_wildcard(n: u32) -> String {
        // `_` beside a `ref mut`, of a call's result.
        for i in 0..n {
            if let Some((_, ref mut g)) = Some((i, Noisy::new(format!("call{i}")))) {
                let name = g.name().to_string();
                yield_!(name);
            }
        }
    }
}

#[test]
fn a_ref_beside_a_moving_binding_keeps_the_rest_of_the_temporary_to_the_end_of_the_construct() {
    let log = same_drops!(ref_beside_a_binding_that_moves(2));
    assert_eq!(log[..2], ["yield \"pair1\"", "drop pair1"]);
    check!(ref_beside_a_binding_that_moves(3));
    let log = same_drops!(ref_mut_beside_a_wildcard(2));
    assert_eq!(log[..2], ["yield \"call0\"", "drop call0"]);
}

twin! {
    fn ref_field_beside_a_moving_field(n: u32) -> String {
        let mut jobs: Vec<Job> = (0..n)
            .map(|id| Job { id, name: Noisy::new(format!("job{id}")) })
            .collect();
        while let Some(Job { id, ref name }) = jobs.pop() {
            let line = format!("{id} {}", name.name());
            yield_!(line);
        }
        // A by-value partner with a visible drop: it drops at the end of the arm, before the
        // rest of the temporary.
        let mut pairs: Vec<(Noisy, Noisy)> = (0..n)
            .map(|i| (Noisy::new(format!("p{i}")), Noisy::new(format!("q{i}"))))
            .collect();
        match pairs.pop() {
            Some((p, ref q)) => {
                let line = format!("{} {}", p.name(), q.name());
                yield_!(line);
                yield_!(String::from("after"));
            }
            None => yield_!(String::from("none")),
        }
    }
}

#[test]
fn a_ref_field_beside_a_moving_field_drops_after_the_arm() {
    let log = same_drops!(ref_field_beside_a_moving_field(2));
    assert_eq!(log[..2], ["yield \"1 job1\"", "drop job1"]);
    same_drops!(ref_field_beside_a_moving_field(0));
    check!(ref_field_beside_a_moving_field(3));
}

twin! {
    // A `match` with one arm that binds is the shape under test.
    #[allow(clippy::single_match)]
    fn ref_into_a_matched_value_used_after_a_yield(values: Vec<String>) -> usize {
        // A `ref mut` into the value the `match` computes, changed after a yield.
        let mut it = values.into_iter();
        match it.next() {
            Some(ref mut s) => {
                yield_!(s.len());
                s.push('!');
                yield_!(s.len());
            }
            None => {}
        }
        // A `ref` beside a moving binding, read after a yield.
        let mut heap: Vec<(usize, Noisy)> = vec![(1, Noisy::new("one")), (2, Noisy::new("two"))];
        while let Some((k, ref v)) = heap.pop() {
            yield_!(k);
            let len = v.name().len();
            yield_!(len);
        }
    }
}

#[test]
fn a_ref_into_a_matched_value_lives_across_the_yields_of_its_construct() {
    let log = same_drops!(ref_into_a_matched_value_used_after_a_yield(vec![
        "ab".into()
    ]));
    assert_eq!(log[..4], ["yield 2", "yield 3", "yield 2", "yield 3"]);
    same_drops!(ref_into_a_matched_value_used_after_a_yield(vec![]));
    check!(ref_into_a_matched_value_used_after_a_yield(vec![
        "x".into(),
        "y".into()
    ]));
}
