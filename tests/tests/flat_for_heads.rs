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
    // The `Ref` lives until the loop ends, as in the plain function: the body only reads.
    for x in cell.borrow().iter().copied().collect::<Vec<_>>() {
        let len = cell.borrow().len() as u32;
        yield_!(x * 10 + len);
    }
    cell.borrow_mut().push(5);
}

#[test]
fn a_guard_used_up_by_the_head() {
    let queue = Mutex::new(vec![1, 2]);
    let cell = RefCell::new(vec![3, 4]);
    assert_eq!(
        guarded_copies(&queue, &cell).collect::<Vec<_>>(),
        [1, 2, 32, 42]
    );
    assert_eq!(*cell.borrow(), [3, 4, 5]);
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

#[generator]
fn jobs(queue: &RefCell<Vec<String>>) -> impl Iterator<Item = String> + '_ {
    // The `Ref` the head makes lives until the loop ends, as in the plain function: the
    // consumer sees the queue borrowed while it has an item.
    for job in queue.borrow().clone() {
        yield_!(job);
    }
    yield_!(String::from("after"));
}

fn jobs_plain(queue: &RefCell<Vec<String>>, sink: &mut dyn FnMut(String)) {
    for job in queue.borrow().clone() {
        sink(job);
    }
    sink(String::from("after"));
}

#[test]
fn a_guard_the_head_uses_up_lives_until_the_loop_ends() {
    let queue = RefCell::new(vec![String::from("a"), String::from("b")]);
    let seen = |job: String| format!("{job}:{}", queue.try_borrow_mut().is_ok());
    let mut plain = Vec::new();
    jobs_plain(&queue, &mut |job| plain.push(seen(job)));
    assert_eq!(plain, ["a:false", "b:false", "after:true"]);
    let by_next: Vec<String> = jobs(&queue).map(seen).collect();
    assert_eq!(by_next, plain);
    let mut by_for_each = Vec::new();
    jobs(&queue).for_each(|job| by_for_each.push(seen(job)));
    assert_eq!(by_for_each, plain);
    let mut g = jobs(&queue);
    let first = g.next().map(seen);
    assert_eq!(first.as_deref(), Some("a:false"));
    drop(g);
    assert!(
        queue.try_borrow_mut().is_ok(),
        "dropping the generator ends the borrow"
    );
}

#[generator]
fn locked_jobs<'a>(
    queue: &'a Mutex<Vec<u32>>,
    log: &'a RefCell<Vec<String>>,
) -> impl Iterator<Item = u32> + 'a {
    for job in queue.lock().unwrap().clone().into_iter().rev() {
        log.borrow_mut()
            .push(format!("{job}:{}", queue.try_lock().is_ok()));
        yield_!(job);
    }
    log.borrow_mut()
        .push(format!("end:{}", queue.try_lock().is_ok()));
}

#[test]
fn a_lock_guard_the_head_uses_up_is_held_until_the_loop_ends() {
    let queue = Mutex::new(vec![1, 2]);
    let log = RefCell::new(Vec::new());
    assert_eq!(locked_jobs(&queue, &log).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(*log.borrow(), ["2:false", "1:false", "end:true"]);
}

/// A state behind a `RefCell`, read through a field, an index and a dereference of its guard.
#[derive(Debug, Clone, Default)]
pub struct State {
    items: Vec<u32>,
    named: std::collections::BTreeMap<u32, Vec<u32>>,
}

#[generator]
fn fields_of_a_guard(s: &RefCell<State>) -> impl Iterator<Item = u32> + '_ {
    // Each head's guard lives until its loop ends, as in the plain function.
    for x in s.borrow().items.clone() {
        yield_!(x);
    }
    for x in s.borrow().named[&1].clone() {
        yield_!(x);
    }
    for x in (*s.borrow()).clone().items {
        yield_!(x);
    }
    yield_!(0);
}

fn fields_of_a_guard_plain(s: &RefCell<State>, sink: &mut dyn FnMut(u32)) {
    for x in s.borrow().items.clone() {
        sink(x);
    }
    for x in s.borrow().named[&1].clone() {
        sink(x);
    }
    for x in (*s.borrow()).clone().items {
        sink(x);
    }
    sink(0);
}

#[test]
fn a_guard_a_head_reads_a_field_of_lives_until_the_loop_ends() {
    let state = RefCell::new(State {
        items: vec![1, 2],
        named: [(1, vec![3])].into_iter().collect(),
    });
    let seen = |x: u32| format!("{x}:{}", state.try_borrow_mut().is_ok());
    let mut plain = Vec::new();
    fields_of_a_guard_plain(&state, &mut |x| plain.push(seen(x)));
    assert_eq!(
        plain,
        [
            "1:false", "2:false", "3:false", "1:false", "2:false", "0:true"
        ]
    );
    let by_next: Vec<String> = fields_of_a_guard(&state).map(seen).collect();
    assert_eq!(by_next, plain);
}

#[generator]
fn local_cell(n: u32) -> impl Iterator<Item = u32> {
    // A guard of the generator's own local: not kept across the yields (README limit 4).
    let cell = RefCell::new((0..n).collect::<Vec<_>>());
    for x in cell.borrow().clone() {
        yield_!(x);
    }
    cell.borrow_mut().push(9);
    yield_!(cell.borrow().len() as u32);
}

#[test]
fn a_guard_of_a_local_in_a_head_still_compiles() {
    assert_eq!(local_cell(2).collect::<Vec<_>>(), [0, 1, 3]);
}

/// A list a function makes, iterated by reference.
#[derive(Debug)]
pub struct Listed {
    items: Vec<usize>,
    _noisy: gen_tests::Noisy,
}

impl Listed {
    fn iter(&self) -> std::slice::Iter<'_, usize> {
        self.items.iter()
    }
}

fn make_list(src: &str) -> Listed {
    Listed {
        items: src.split(' ').map(str::len).collect(),
        _noisy: gen_tests::Noisy::new("list"),
    }
}

fn view(items: &[usize]) -> &[usize] {
    items
}

gen_tests::twin! {
    // The iterator borrows a function's value: a temporary living to the end of the loop,
    // or a view into the generator's own argument (lowered `boxed`, where both live as in
    // the plain function).
    fn loop_over_a_functions_value(src: String, extra: Vec<usize>) -> usize {
        for x in make_list(&src).iter() {
            yield_!(*x);
        }
        gen_tests::log("after first loop");
        for x in view(&extra).iter().rev() {
            yield_!(*x + 100);
        }
    }
}

#[test]
fn a_loop_over_a_borrow_of_a_functions_value_keeps_it_to_the_loops_end() {
    let log = gen_tests::same_drops!(loop_over_a_functions_value("ab c".into(), vec![1, 2]));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(at("yield 1") < at("drop list"), "{log:?}");
    assert!(at("drop list") < at("after first loop"), "{log:?}");
}
