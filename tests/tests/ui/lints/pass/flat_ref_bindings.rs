//! `ref` and `ref mut` bindings in flat generators draw no warning (`#![deny(warnings)]`): a
//! `ref mut` into an indexed element needs the local's `mut`, a `ref` shorthand field in an
//! enum variant pattern stays a shorthand, and unbound parts of a popped element or a matched
//! call are named by the macro without a lint of their own. Each generator yields what the
//! plain code computes.
#![deny(warnings)]

use gen_core::generator;

#[generator]
#[allow(clippy::needless_range_loop)] // the plain function's lint, as written
fn bump_all(mut counters: Vec<(String, u32)>) -> impl Iterator<Item = u32> {
    for i in 0..counters.len() {
        let (ref name, ref mut n) = counters[i];
        *n += name.len() as u32;
        yield_!(counters[i].1);
    }
}

pub enum Msg {
    Put { key: String, val: u32 },
    Quit,
}

#[generator]
fn handle(msgs: Vec<Msg>) -> impl Iterator<Item = u32> {
    for msg in msgs {
        if let Msg::Put { ref key, val, .. } = msg {
            let n = key.len() as u32;
            yield_!(n + val);
        }
    }
}

#[generator]
fn drain(mut stack: Vec<(u32, String, String)>) -> impl Iterator<Item = u32> {
    while let Some((mut n, _, _)) = stack.pop() {
        n += 1;
        yield_!(n);
    }
    match Some((7u32, String::new())) {
        Some((first, _)) => yield_!(first),
        None => {}
    }
}

pub fn main() {
    let counters = vec![("ab".to_string(), 1), ("c".to_string(), 0)];
    assert_eq!(bump_all(counters).collect::<Vec<_>>(), [3, 1]);
    let msgs = vec![
        Msg::Put { key: "k".into(), val: 2 },
        Msg::Quit,
    ];
    assert_eq!(handle(msgs).collect::<Vec<_>>(), [3]);
    let stack = vec![(1, String::new(), String::new()), (5, String::new(), String::new())];
    assert_eq!(drain(stack).collect::<Vec<_>>(), [6, 2, 7]);
}
