//! Or-patterns (`Ok(s) | Err(s)`, `A(x) | B(x, _)`) bind one value per name, whichever
//! alternative matched: in a `let`, a `match` arm, an `if let`, a `while let`, a `for`
//! pattern and a closure-free `let .. else`, with the binding owning data (`String`, a
//! `Noisy` guard), used before and after a yield. Every twin is compared with the plain
//! function, for items and for drop order and timing.

use gen_tests::{Noisy, check, same_drops, twin};

#[derive(Debug)]
pub enum Msg {
    Text(String),
    Named(String, u32),
    Ping,
}

fn msgs(n: usize) -> Vec<Msg> {
    (0..n)
        .map(|i| match i % 3 {
            0 => Msg::Text(format!("t{i}")),
            1 => Msg::Named(format!("n{i}"), i as u32),
            _ => Msg::Ping,
        })
        .collect()
}

fn either(i: usize) -> Result<Noisy, Noisy> {
    if i.is_multiple_of(2) {
        Ok(Noisy::new(format!("ok{i}")))
    } else {
        Err(Noisy::new(format!("err{i}")))
    }
}

twin! {
    fn let_or(i: usize) -> String {
        let (Ok(g) | Err(g)) = either(i);
        yield_!(g.name().to_string());
        yield_!(format!("{}!", g.name()));
    }
}

twin! {
    fn match_arm(n: usize) -> usize {
        for m in msgs(n) {
            match m {
                Msg::Text(s) | Msg::Named(s, _) => {
                    yield_!(s.len());
                    yield_!(s.len() * 10);
                }
                Msg::Ping => yield_!(0),
            }
        }
    }
}

twin! {
    fn used_before_the_yield(n: usize) -> usize {
        for m in msgs(n) {
            let len = match m {
                Msg::Text(s) | Msg::Named(s, _) => s.len(),
                Msg::Ping => 0,
            };
            yield_!(len);
        }
    }
}

twin! {
    fn if_let_guard(i: usize) -> String {
        let held = Some(either(i));
        if let Some(Ok(g) | Err(g)) = held {
            yield_!(g.name().to_string());
            let moved = g;
            yield_!(moved.name().len().to_string());
        }
        yield_!(String::from("end"));
    }
}

twin! {
    fn while_let(n: usize) -> String {
        let mut stack: Vec<Result<String, String>> =
            (0..n).map(|i| if i % 2 == 0 { Ok(format!("a{i}")) } else { Err(format!("b{i}")) }).collect();
        while let Some(Ok(s) | Err(s)) = stack.pop() {
            yield_!(s.clone());
            yield_!(s);
        }
    }
}

twin! {
    fn for_pattern(n: usize) -> String {
        let all: Vec<Result<Noisy, Noisy>> = (0..n).map(either).collect();
        for Ok(g) | Err(g) in all {
            yield_!(g.name().to_string());
            yield_!(String::from("next"));
        }
    }
}

twin! {
    fn let_else(n: usize) -> usize {
        let mut total = 0;
        for m in msgs(n) {
            let (Msg::Text(s) | Msg::Named(s, _)) = m else { continue };
            total += s.len();
            yield_!(total);
            yield_!(s.len());
        }
    }
}

#[test]
fn an_or_pattern_binds_each_name_once() {
    assert_eq!(check!(let_or(0)), ["ok0", "ok0!"]);
    assert_eq!(check!(let_or(1)), ["err1", "err1!"]);
    assert_eq!(check!(match_arm(5)), [2, 20, 2, 20, 0, 2, 20, 2, 20]);
    assert_eq!(check!(used_before_the_yield(4)), [2, 2, 0, 2]);
    assert_eq!(check!(while_let(3)), ["a2", "a2", "b1", "b1", "a0", "a0"]);
    assert_eq!(check!(let_else(4)), [2, 2, 4, 2, 6, 2]);
}

#[test]
fn an_or_pattern_binding_drops_where_the_plain_function_drops_it() {
    for i in 0..2 {
        assert_eq!(check!(if_let_guard(i)).len(), 3);
        let log = same_drops!(if_let_guard(i));
        let at = |e: &str| log.iter().position(|x| x == e).expect(e);
        let name = if i == 0 { "drop ok0" } else { "drop err1" };
        assert!(at(name) < at("yield \"end\""), "{log:?}");
        same_drops!(let_or(i));
    }
    assert_eq!(
        check!(for_pattern(3)),
        ["ok0", "next", "err1", "next", "ok2", "next"]
    );
    let log = same_drops!(for_pattern(3));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(at("drop ok0") > at("yield \"next\""), "{log:?}");
}
