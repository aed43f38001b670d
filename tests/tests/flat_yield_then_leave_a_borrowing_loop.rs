//! A loop over a borrow of the generator's own local that yields and then leaves the loop
//! at once (`yield_!(x); break;`, `return;`, `break 'outer;`): "find the first match, report
//! it, stop". No borrow lives across the yield (the iterator is not used after it), so the
//! body is valid as a generator, as nightly `gen` blocks accept it; it was rejected with
//! the limit-1 error. Compared with the plain function for items and drop order and timing,
//! including an iterator that has something to drop after the yield (`drain`).

// The loops are written the ways ported code writes them.
#![allow(clippy::while_let_on_iterator, clippy::useless_vec)]

use gen_tests::{Noisy, check, same_drops, twin};

fn noisy(names: &[&str]) -> Vec<Noisy> {
    names.iter().map(|n| Noisy::new(*n)).collect()
}

twin! {
    fn first_long(min: usize) -> String {
        let words = noisy(&["a", "bbb", "cc", "dddd"]);
        for w in words.iter() {
            if w.name().len() >= min {
                yield_!(w.name().to_owned());
                break;
            }
        }
        yield_!(format!("{} words", words.len()));
    }
}

twin! {
    fn first_long_then_return(min: usize) -> usize {
        let words = noisy(&["a", "bbb"]);
        for (i, w) in words.iter().enumerate() {
            if w.name().len() >= min {
                yield_!(i);
                return;
            }
        }
        yield_!(99);
    }
}

twin! {
    fn found_in_grid(target: u32) -> u32 {
        let _grid_guard = Noisy::new("grid");
        let grid = vec![vec![1u32, 2], vec![3, 4]];
        'rows: for row in grid.iter() {
            for x in row.iter() {
                if *x == target {
                    yield_!(*x);
                    break 'rows;
                }
            }
        }
        yield_!(0);
    }
}

twin! {
    fn first_key(text: String) -> usize {
        let _g = Noisy::new("parts");
        let mut parts = text.split('=');
        while let Some(p) = parts.next() {
            if p == "a" {
                yield_!(p.len());
                break;
            }
        }
        yield_!(text.len());
    }
}

// The drain has something to drop after the yield: the elements it did not hand out, which
// drop at the `break`, after the consumer has the item.
twin! {
    fn first_drained(stop: usize) -> String {
        let mut pending = noisy(&["p1", "p2", "p3"]);
        for (i, job) in pending.drain(..).enumerate() {
            if i == stop {
                yield_!(job.name().to_owned());
                break;
            }
        }
        yield_!(format!("{} left", pending.len()));
    }
}

// The loop also changes a local declared outside it before the yield.
twin! {
    fn first_long_counted(min: usize) -> String {
        let words = noisy(&["a", "bbb", "cc"]);
        let mut checked = 0;
        let mut last = String::new();
        for w in words.iter() {
            checked += 1;
            last = w.name().to_owned();
            if w.name().len() >= min {
                yield_!(w.name().to_owned());
                break;
            }
        }
        yield_!(format!("checked {checked}, last {last}"));
    }
}

#[test]
fn a_loop_left_right_after_its_yield_keeps_no_borrow() {
    assert_eq!(
        check!(first_long_counted(2)),
        ["bbb", "checked 2, last bbb"]
    );
    same_drops!(first_long_counted(2));
    same_drops!(first_long_counted(5));
    assert_eq!(check!(first_long(3)), ["bbb", "4 words"]);
    same_drops!(first_long(3));
    same_drops!(first_long(9));
    assert_eq!(check!(first_long_then_return(2)), [1]);
    same_drops!(first_long_then_return(2));
    same_drops!(first_long_then_return(5));
    assert_eq!(check!(found_in_grid(3)), [3, 0]);
    same_drops!(found_in_grid(3));
    assert_eq!(check!(first_key("b=a=c".into())), [1, 5]);
    same_drops!(first_key("b=a=c".into()));
}

#[test]
fn what_the_iterator_drops_at_the_exit_drops_after_the_item() {
    assert_eq!(check!(first_drained(1)), ["p2", "0 left"]);
    let log = same_drops!(first_drained(1));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(at("drop p3") > at("yield \"p2\""), "{log:?}");
}
