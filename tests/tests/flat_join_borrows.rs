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

fn bad(lineno: usize) -> String {
    format!("line {lineno}: no `=`")
}

twin! {
    fallible fn keys_or_error(lines: Vec<String>, noisy: Noisy) -> Result<String, String> {
        // `Err(..)?` always leaves: `lineno`, moved there, is whole on the only path that goes
        // on, and `key`, which borrows `line`, never passes through a state.
        for (lineno, line) in lines.into_iter().enumerate() {
            let key = match line.split_once('=') {
                Some((k, _)) => k,
                None => Err(bad(lineno))?,
            };
            yield_!(Ok(key.trim().to_owned()));
        }
        drop(noisy);
    }
}

twin! {
    // A guard on a binding, the shape under test (clippy would match `""` instead).
    #[allow(clippy::redundant_guards)]
    fn keys_or_report(lines: Vec<String>) -> Result<String, String> {
        // An arm that yields and leaves (`continue`, `return`): the value of the `let` comes
        // from the other arms only, in the same step.
        for (lineno, line) in lines.into_iter().enumerate() {
            let key = match line.split_once('=') {
                Some((k, _)) if k.is_empty() => {
                    yield_!(Err(bad(lineno)));
                    return;
                }
                Some((k, _)) => k,
                None => {
                    yield_!(Err(bad(lineno)));
                    continue;
                }
            };
            let comment = if let Some(rest) = key.strip_prefix('#') {
                rest
            } else {
                yield_!(Ok(key.to_owned()));
                continue;
            };
            yield_!(Ok(format!("comment {comment}")));
        }
    }
}

#[test]
fn a_let_whose_yielding_arms_leave_binds_a_borrow_in_the_same_step() {
    let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        check!(keys_or_error(lines(&["a = 1", " b=2"]), n("noisy"))),
        [Ok("a".to_owned()), Ok("b".to_owned())]
    );
    assert_eq!(
        check!(keys_or_error(lines(&["a=1", "b", "c=3"]), n("noisy"))),
        [Ok("a".to_owned()), Err("line 1: no `=`".to_owned())]
    );
    same_drops!(keys_or_error(lines(&["a=1", "b", "c=3"]), n("noisy")));
    assert_eq!(
        check!(keys_or_report(lines(&["a=1", "b", "#c=3", "=4", "d=5"]))),
        [
            Ok("a".to_owned()),
            Err("line 1: no `=`".to_owned()),
            Ok("comment c".to_owned()),
            Err("line 3: no `=`".to_owned())
        ]
    );
}

twin! {
    fn borrow_in_a_let_beside_a_conditional_move(words: Vec<String>, flag: bool, extra: Noisy) -> usize {
        // `extra` is moved on one branch only, so the `if` needs a join; the value it hands
        // there borrows `words`, which no state can hold next to `words` (the generator is
        // lowered as `boxed` instead, with the plain function's behaviour).
        let first = if flag {
            drop(extra);
            &words[0]
        } else {
            &words[1]
        };
        let n = first.len();
        yield_!(n);
        yield_!(words.len());
    }
}

#[test]
fn a_borrow_handed_to_a_join_next_to_a_conditional_move() {
    let words = || vec!["a".to_string(), "bb".to_string()];
    for flag in [true, false] {
        assert_eq!(
            check!(borrow_in_a_let_beside_a_conditional_move(
                words(),
                flag,
                n("extra")
            )),
            [if flag { 1 } else { 2 }, 2]
        );
        same_drops!(borrow_in_a_let_beside_a_conditional_move(
            words(),
            flag,
            n("extra")
        ));
    }
}
