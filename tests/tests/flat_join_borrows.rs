//! A value moved on some paths of a compound (`if flag { drop(extra) }`) while a borrow of a
//! generator local is in use across the compound (`let it = v.iter();`, a `RefCell` guard):
//! no yield is involved, so the body is valid as a generator (a coroutine has no state at a
//! compound's end), and it behaves as the plain function, items and drops at every early stop.

use std::cell::RefCell;
use std::rc::Rc;

use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

twin! {
    fn iterator_across_a_conditional_move(v: Vec<u32>, extra: Noisy, flag: bool) -> usize {
        let n = {
            let it = v.iter();
            if flag {
                drop(extra);
            }
            it.count()
        };
        yield_!(n);
        yield_!(v.len() + 1);
    }
}

#[test]
fn an_iterator_in_use_across_a_conditional_move() {
    for flag in [false, true] {
        assert_eq!(
            check!(iterator_across_a_conditional_move(
                vec![1, 2, 3],
                n("extra"),
                flag
            )),
            [3, 4]
        );
        same_drops!(iterator_across_a_conditional_move(
            vec![1, 2, 3],
            n("extra"),
            flag
        ));
    }
}

twin! {
    fn guard_held_over_a_conditional_push(shared: Rc<RefCell<Vec<Noisy>>>, hosts: Vec<&'static str>) -> usize {
        for host in hosts {
            let entry = n(host);
            {
                let mut seen = shared.borrow_mut();
                if !seen.iter().any(|s| s.name() == host) {
                    seen.push(entry);
                }
            }
            yield_!(shared.borrow().len());
        }
    }
}

#[test]
fn a_refcell_guard_in_use_across_a_conditional_move() {
    let hosts = || vec!["a", "b", "a", "c", "b"];
    assert_eq!(
        check!(guard_held_over_a_conditional_push(
            Rc::new(RefCell::new(Vec::new())),
            hosts()
        )),
        [1, 2, 2, 3, 3]
    );
    same_drops!(guard_held_over_a_conditional_push(
        Rc::new(RefCell::new(Vec::new())),
        hosts()
    ));
}

twin! {
    fn slice_borrow_with_a_match_move(words: Vec<String>, spare: Noisy, pick: u32) -> String {
        let joined = {
            let first = words.first();
            match pick {
                0 => drop(spare),
                1 => {
                    let _keep = spare;
                }
                _ => {}
            }
            first.cloned().unwrap_or_default()
        };
        yield_!(joined);
        yield_!(words.join("+"));
    }
}

#[test]
fn a_borrow_in_use_across_a_match_that_moves_on_some_arms() {
    for pick in 0..3 {
        let words = || vec!["x".to_string(), "y".to_string()];
        assert_eq!(
            check!(slice_borrow_with_a_match_move(words(), n("spare"), pick)),
            ["x", "x+y"]
        );
        same_drops!(slice_borrow_with_a_match_move(words(), n("spare"), pick));
    }
}
