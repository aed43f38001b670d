//! `for` loop heads that make values, in a loop whose body yields: what a flat generator
//! accepts and runs as the plain function does (an iterator that owns its items, or borrows
//! through a reference argument; a temporary that the head uses up). A head whose iterator
//! borrows a temporary of its own is the macro's error (`ui/borrow/for_head_borrows_a_temporary`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Mutex;

use gen_core::generator;

#[generator]
fn through_a_reference<'a>(
    map: &'a HashMap<&'static str, Vec<u32>>,
) -> impl Iterator<Item = u32> + 'a {
    // `get(..).unwrap()` is a reference into `map`: the iterator borrows the argument.
    for x in map.get("a").unwrap().iter() {
        yield_!(*x);
    }
    for (i, x) in map["b"].iter().enumerate() {
        yield_!(*x + i as u32);
    }
}

#[test]
fn an_iterator_through_a_reference_argument() {
    let map = HashMap::from([("a", vec![1, 2]), ("b", vec![10, 20])]);
    assert_eq!(
        through_a_reference(&map).collect::<Vec<_>>(),
        [1, 2, 10, 21]
    );
}

#[generator]
fn text_heads(line: &str) -> impl Iterator<Item = String> + '_ {
    for c in line.trim().chars() {
        yield_!(c.to_string());
    }
    for (i, w) in line.split(',').enumerate() {
        yield_!(format!("{i}:{}", w.trim()));
    }
    for w in line
        .to_uppercase()
        .split(',')
        .map(str::to_owned)
        .collect::<Vec<_>>()
    {
        yield_!(w);
    }
}

#[test]
fn heads_over_text() {
    assert_eq!(
        text_heads(" a,b ").collect::<Vec<_>>(),
        ["a", ",", "b", "0:a", "1:b", " A", "B "]
    );
}

#[generator]
fn guarded_copies<'a>(
    queue: &'a Mutex<Vec<u32>>,
    cell: &'a RefCell<Vec<u32>>,
) -> impl Iterator<Item = u32> + 'a {
    // The guard is used up by the head: the loop runs over an owned copy.
    for x in queue.lock().unwrap().clone() {
        yield_!(x);
    }
    for x in cell.borrow().iter().copied().collect::<Vec<_>>() {
        cell.borrow_mut().push(x * 10);
        yield_!(x);
    }
}

#[test]
fn a_guard_used_up_by_the_head() {
    let queue = Mutex::new(vec![1, 2]);
    let cell = RefCell::new(vec![3, 4]);
    assert_eq!(
        guarded_copies(&queue, &cell).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    assert_eq!(*cell.borrow(), [3, 4, 30, 40]);
}

fn make(n: u32) -> Vec<u32> {
    (0..n).collect()
}

#[generator]
fn owned_heads(n: u32) -> impl Iterator<Item = u32> {
    for x in make(n) {
        yield_!(x);
    }
    for x in make(n).into_iter().rev() {
        yield_!(x);
    }
    for x in vec![7, 8] {
        yield_!(x);
    }
}

#[test]
fn heads_that_own_their_items() {
    assert_eq!(owned_heads(2).collect::<Vec<_>>(), [0, 1, 1, 0, 7, 8]);
}
