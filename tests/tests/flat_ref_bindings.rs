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
