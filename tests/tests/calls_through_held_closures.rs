//! Calling an `FnMut` held in a local's element or field (`fns[0](x)` of a `Vec<Box<dyn
//! FnMut(u32) -> u32>>`, `(bank.hooks[i])()`) needs the local `mut`, as in the plain function:
//! no `unused_mut` on the user's `mut` (this file denies it), and the same items.
#![deny(unused_mut)]

use gen_core::generator;

pub struct Bank {
    pub hooks: Vec<Box<dyn FnMut() -> u32>>,
}

impl std::fmt::Debug for Bank {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Bank({} hooks)", self.hooks.len())
    }
}

fn counter() -> Box<dyn FnMut() -> u32> {
    let mut n = 0;
    Box::new(move || {
        n += 1;
        n
    })
}

#[generator]
fn apply_all(xs: Vec<u32>) -> impl Iterator<Item = u32> {
    let mut fns: Vec<Box<dyn FnMut(u32) -> u32>> = vec![Box::new(|x| x + 1)];
    for x in xs {
        yield_!(fns[0](x));
    }
}

fn apply_all_plain(xs: Vec<u32>) -> Vec<u32> {
    let mut out = Vec::new();
    let mut fns: Vec<Box<dyn FnMut(u32) -> u32>> = vec![Box::new(|x| x + 1)];
    for x in xs {
        out.push(fns[0](x));
    }
    out
}

#[generator]
fn hooks(mut bank: Bank) -> impl Iterator<Item = u32> {
    yield_!(0);
    for i in 0..bank.hooks.len() {
        yield_!((bank.hooks[i])());
        yield_!((bank.hooks[i])());
    }
}

#[generator]
fn after_the_last_yield(n: u32) -> impl Iterator<Item = u32> {
    let mut step = vec![counter()];
    yield_!(n);
    let _ = step[0]();
}

#[test]
fn calls_through_an_element_or_a_field_of_a_local() {
    assert_eq!(
        apply_all(vec![1, 5]).collect::<Vec<_>>(),
        apply_all_plain(vec![1, 5])
    );
    let bank = Bank {
        hooks: vec![counter(), counter()],
    };
    assert_eq!(hooks(bank).collect::<Vec<_>>(), [0, 1, 2, 1, 2]);
    assert_eq!(after_the_last_yield(4).collect::<Vec<_>>(), [4]);
}
