//! A `match` arm whose enum variant pattern binds a field by value and leaves the others in
//! the matched value (`St::Busy { n, .. }`, `Ev::Pair(n, _)`, `guard: _`): the binding is a
//! copy, and the value (a local, a loop variable, a `mem::replace` scrutinee kept across the
//! arm's yields) drops where the plain function drops it. Every twin is compared with the
//! plain function, for items and for drop order and timing.

use gen_tests::{Noisy, check, same_drops, twin};

#[derive(Debug)]
pub enum St {
    Idle,
    Busy { n: usize, guard: Noisy },
}

#[derive(Debug)]
pub enum Ev {
    Pair(usize, Noisy),
    Other,
}

fn busy(name: &str, n: usize) -> St {
    St::Busy {
        n,
        guard: Noisy::new(name),
    }
}

// A local matched for a number; the guard left in it drops at the end of the body.
twin! {
    fn local_scrutinee(n: usize) -> usize {
        let st = busy("g", n);
        let n = match st {
            St::Busy { n, .. } => n,
            St::Idle => 0,
        };
        yield_!(n);
        yield_!(n + 1);
    }
}

// A state machine: the state taken out with `mem::replace` and matched, the arm yielding.
twin! {
    fn replaced_state(steps: usize) -> usize {
        let mut st = busy("start", 1);
        for i in 0..steps {
            match std::mem::replace(&mut st, St::Idle) {
                St::Busy { n, guard: _ } => {
                    yield_!(n);
                    yield_!(n * 10);
                    st = busy(&format!("s{i}"), n + 1);
                }
                St::Idle => yield_!(0),
            }
        }
    }
}

// A loop variable matched with a tuple variant; `_` leaves its guard until the iteration ends.
twin! {
    fn events(n: usize) -> usize {
        let evs: Vec<Ev> = (0..n)
            .map(|i| if i % 2 == 0 { Ev::Pair(i, Noisy::new(format!("e{i}"))) } else { Ev::Other })
            .collect();
        for e in evs {
            match e {
                Ev::Pair(k, _) => yield_!(k),
                Ev::Other => yield_!(99),
            }
            yield_!(100);
        }
    }
}

#[test]
fn a_variant_binding_is_a_copy_and_the_value_keeps_its_other_fields() {
    assert_eq!(check!(local_scrutinee(4)), [4, 5]);
    let log = same_drops!(local_scrutinee(4));
    assert_eq!(log.last().map(String::as_str), Some("drop g"));
    assert_eq!(check!(replaced_state(2)), [1, 10, 2, 20]);
    same_drops!(replaced_state(2));
    assert_eq!(check!(events(3)), [0, 100, 99, 100, 2, 100]);
    let log = same_drops!(events(3));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(at("drop e0") > at("yield 100"), "{log:?}");
}
