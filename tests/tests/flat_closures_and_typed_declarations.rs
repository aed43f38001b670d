//! Closures kept across yields and locals declared with a type but no value, against the
//! plain function: a closure that reads through a reference argument (`|i| v[i]`, `||
//! m.lock()`) borrows what the argument points to, not the argument; a `move` closure whose
//! body moves a capture out (`let t = tag;`) is used up by its one call; a `let v: T;`
//! assigned after a yield keeps its written type (which may be all that types the value).

use gen_tests::{Noisy, check, same_drops, twin};

twin! {
    fn closures_through_references(v: &'static [u32], m: &'static std::sync::Mutex<u32>) -> u32 {
        let get = |i: usize| v[i];
        let locked = || *m.lock().unwrap();
        for i in 0..v.len() {
            yield_!(get(i) + locked());
        }
        yield_!(get(0));
    }
}

twin! {
    fn closure_used_up_by_its_call(name: &'static str) -> usize {
        let tag = Noisy::new(name);
        let finish = move || {
            let t = tag;
            t.name().len()
        };
        yield_!(0);
        let n = finish();
        yield_!(n);
        yield_!(1);
    }
}

twin! {
    #[allow(clippy::needless_late_init)]
    fn typed_declarations(n: u32) -> usize {
        let v: Vec<u32>;
        let label: String;
        yield_!(0);
        v = (0..n).collect();
        label = "ab".into();
        yield_!(v.len() + label.len());
    }
}

// A closure that calls a `&self` method through a shared-reference argument (a `RefCell`
// behind `&`) captures what the argument points to: kept across the yields, as in the
// plain function.
twin! {
    fn calls_through_a_refcell_argument(keys: Vec<u32>, backend: &'static std::cell::RefCell<Vec<u32>>) -> u32 {
        let attempt = |k: u32| {
            backend.borrow_mut().push(k);
            k * 2
        };
        for k in keys {
            let v = attempt(k);
            yield_!(v);
        }
    }
}

static LOCK: std::sync::Mutex<u32> = std::sync::Mutex::new(10);

#[test]
fn closures_and_typed_declarations_behave_as_in_the_plain_function() {
    assert_eq!(
        check!(closures_through_references(&[1, 2], &LOCK)),
        [11, 12, 1]
    );
    assert_eq!(check!(closure_used_up_by_its_call("tag")), [0, 3, 1]);
    same_drops!(closure_used_up_by_its_call("tag"));
    assert_eq!(check!(typed_declarations(3)), [0, 5]);
    let backend: &'static std::cell::RefCell<Vec<u32>> =
        Box::leak(Box::new(std::cell::RefCell::new(Vec::new())));
    assert_eq!(
        check!(calls_through_a_refcell_argument(vec![1, 2], backend)),
        [2, 4]
    );
    assert_eq!(backend.borrow()[..2], [1, 2]);
}

// The `move` forms of closures that call a local closure, step a local iterator or read a
// number through a box, kept across yields; and the same closures without `move`, used only
// between yields (no borrow is kept), beside a guard that drops where the plain fn drops it.
twin! {
    fn closures_over_closures_iterators_and_boxes(name: &'static str) -> u32 {
        let guard = Noisy::new(name);
        let double = |x: u32| x * 2;
        let quad = move |x: u32| double(double(x));
        let b = Box::new(1u32);
        let plus = move |x: u32| x + *b;
        let mut it = 0..3u32;
        let mut next = move || it.next();
        while let Some(x) = next() {
            yield_!(plus(quad(x)));
        }
        drop(guard);
        let lo = 1;
        let above = |x: u32| matches!(x, n if n > lo);
        let kept = (0..4).filter(|&x| above(x)).count() as u32;
        let c = Box::new(10u32);
        let add = |x: u32| x + *c;
        let sum = add(kept);
        yield_!(sum);
        let key = |s: &&str| s.len();
        let mut words = vec!["ccc", "a", "bb"];
        let sort = |w: &mut Vec<&str>| w.sort_by_key(|s| key(s));
        sort(&mut words);
        yield_!(words[0].len() as u32 + c.checked_sub(9).unwrap_or(0));
    }
}

#[test]
fn closures_over_closures_iterators_and_boxes_match_the_plain_fn() {
    assert_eq!(
        check!(closures_over_closures_iterators_and_boxes("g")),
        [1, 5, 9, 12, 2]
    );
    same_drops!(closures_over_closures_iterators_and_boxes("g"));
}

fn make_finish(tag: Noisy) -> Box<dyn FnOnce() -> usize> {
    Box::new(move || {
        let t = tag;
        t.name().len()
    })
}

// A closure whose written type says `FnOnce` (a `Box<dyn FnOnce()>` local, an `impl
// FnOnce()` or `F: FnOnce()` parameter), called after a yield and in scope at a later one:
// the call moves it, as in the plain function (what it captured drops in the call).
twin! {
    fn boxed_fn_once_called_between_yields(name: &'static str) -> usize {
        let tag = Noisy::new(name);
        let finish: Box<dyn FnOnce() -> usize> = Box::new(move || {
            let t = tag;
            t.name().len()
        });
        yield_!(0);
        let n = finish();
        yield_!(n);
        let other: Box<dyn FnOnce() -> usize> = make_finish(Noisy::new("other"));
        yield_!(1);
        let m = other();
        yield_!(m);
    }
}

#[gen_core::generator]
fn fn_once_params<F>(first: impl FnOnce() -> usize, second: F) -> impl Iterator<Item = usize>
where
    F: FnOnce() -> usize,
{
    yield_!(0);
    let a = first();
    yield_!(a);
    let b = second();
    yield_!(b);
}

#[test]
fn fn_once_closures_named_by_their_types() {
    assert_eq!(
        check!(boxed_fn_once_called_between_yields("g")),
        [0, 1, 1, 5]
    );
    same_drops!(boxed_fn_once_called_between_yields("g"));
    let (x, y) = (Noisy::new("x"), Noisy::new("yy"));
    let items: Vec<usize> =
        fn_once_params(move || x.name().len(), move || y.name().len()).collect();
    assert_eq!(items, [0, 1, 2]);
}

// The items of a `Vec<Box<dyn FnOnce()>>` argument, each called between yields: the call
// moves it.
#[gen_core::generator]
fn run_tasks(tasks: Vec<Box<dyn FnOnce() -> usize>>) -> impl Iterator<Item = usize> {
    for task in tasks {
        let r = task();
        yield_!(r);
        yield_!(r + 1);
    }
}

#[test]
fn fn_once_items_of_an_argument() {
    let tag = Noisy::new("abc");
    let tasks: Vec<Box<dyn FnOnce() -> usize>> =
        vec![Box::new(move || tag.name().len()), Box::new(|| 7)];
    assert_eq!(run_tasks(tasks).collect::<Vec<_>>(), [3, 4, 7, 8]);
}
