//! `yield_from!(e)` is `for x in e { yield_!(x) }`: the temporaries `e` makes live until its
//! last item, as a `for` head's do. An iterator over a borrow of a function's value
//! (`make(n).iter()`), which may or may not be a temporary, runs exactly as the plain loop:
//! items, and the value dropped after the last item (or when the generator is dropped
//! mid-way). Compared with the plain twin at every early stop.

use gen_tests::{Noisy, same_drops, twin};

/// A list with a visible `Drop`.
#[derive(Debug)]
pub struct Bag {
    items: Vec<u32>,
    _guard: Noisy,
}

impl Bag {
    pub fn iter(&self) -> std::slice::Iter<'_, u32> {
        self.items.iter()
    }
}

pub fn make(name: &str, n: u32) -> Bag {
    Bag {
        items: (1..=n).collect(),
        _guard: Noisy::new(name),
    }
}

pub fn numbers(n: u32) -> Vec<u32> {
    (0..n).map(|i| i * 3).collect()
}

twin! {
    fn from_a_functions_value(n: u32) -> u32 {
        yield_!(0);
        yield_from!(make("bag", n).iter().copied());
        let kept = Noisy::new("kept");
        yield_from!(numbers(n).iter().map(|x| x + 1));
        yield_!(kept.name().len() as u32);
        for i in 0..n {
            yield_from!(make("round", i).iter().rev().copied());
        }
    }
}

#[test]
fn yield_from_a_borrow_of_a_functions_value_keeps_it_to_its_last_item() {
    let log = same_drops!(from_a_functions_value(2));
    let bag = log
        .iter()
        .position(|e| e == "drop bag")
        .expect("the bag drops");
    assert_eq!(log[bag - 1], "yield 2", "{log:?}");
    same_drops!(from_a_functions_value(0));
    same_drops!(from_a_functions_value(3));
}

twin! {
    fn from_a_borrowed_argument(names: Vec<String>) -> usize {
        let lookup = |s: &String| make(s, s.len() as u32);
        for name in &names {
            yield_from!(lookup(name).iter().map(|x| *x as usize));
        }
        yield_from!(names.iter().map(String::len));
    }
}

#[test]
fn yield_from_a_borrow_of_a_closures_value() {
    same_drops!(from_a_borrowed_argument(vec!["ab".into(), "c".into()]));
    same_drops!(from_a_borrowed_argument(Vec::new()));
}

twin! {
    fn from_a_vec_a_function_returns(n: u32) -> u32 {
        yield_from!(numbers(n).iter().copied());
        yield_!(100);
    }
}

#[test]
fn yield_from_a_borrow_of_a_returned_vec() {
    same_drops!(from_a_vec_a_function_returns(3));
    same_drops!(from_a_vec_a_function_returns(0));
}
