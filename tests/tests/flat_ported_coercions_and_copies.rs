//! Ported code that the flat lowering once rejected although the plain function compiles: a
//! `let` with a coercing type (`Box<dyn Iterator<..>>`) whose branches move a local, a copy
//! out of a borrow through a `&mut` argument (`while let Some(&at) = heap.peek()`), a count
//! computed from such a borrow (`rest.find(' ').unwrap_or(rest.len())`), and a collection
//! drained into a `Vec<_>`. Each is compared with the plain function.

use std::collections::BinaryHeap;

use gen_core::generator;
use gen_tests::{Noisy, check, same_drops, twin};

twin! {
    fn boxed_by_branch(w: String) -> String {
        let guard = Noisy::new("guard");
        let it: Box<dyn Iterator<Item = String>> = if w.is_empty() {
            Box::new(std::iter::empty())
        } else if w.len() > 3 {
            Box::new(w.split('-').map(str::to_string).collect::<Vec<_>>().into_iter())
        } else {
            Box::new(std::iter::once(w))
        };
        for x in it {
            yield_!(x);
        }
        yield_!(guard.name().to_string());
    }
}

#[test]
fn a_let_whose_written_type_coerces_each_branch() {
    assert_eq!(check!(boxed_by_branch(String::new())), ["guard"]);
    assert_eq!(check!(boxed_by_branch("abc".into())), ["abc", "guard"]);
    assert_eq!(
        check!(boxed_by_branch("ab-cd".into())),
        ["ab", "cd", "guard"]
    );
    same_drops!(boxed_by_branch("ab-cd".into()));
}

fn due_plain(heap: &mut BinaryHeap<u64>, limit: u64) -> Vec<u64> {
    let mut out = Vec::new();
    while let Some(&at) = heap.peek() {
        if at > limit {
            break;
        }
        heap.pop();
        out.push(at);
        heap.push(at + 20);
    }
    out
}

#[generator]
fn due(heap: &mut BinaryHeap<u64>, limit: u64) -> impl Iterator<Item = u64> {
    while let Some(&at) = heap.peek() {
        if at > limit {
            break;
        }
        heap.pop();
        yield_!(at);
        heap.push(at + 20);
    }
}

#[derive(Debug)]
pub struct Queue {
    pending: std::collections::VecDeque<u32>,
    served: u32,
}

impl Queue {
    #[generator]
    fn serve(&mut self) -> impl Iterator<Item = u32> + '_ {
        while let Some(&next) = self.pending.front() {
            self.pending.pop_front();
            yield_!(next);
            self.served += 1;
        }
    }
}

#[test]
fn a_copy_out_of_a_borrow_through_a_mut_argument_frees_it() {
    let (mut a, mut b) = (BinaryHeap::from([3u64, 1]), BinaryHeap::from([3u64, 1]));
    assert_eq!(due(&mut a, 50).collect::<Vec<_>>(), due_plain(&mut b, 50));
    assert_eq!(a.into_sorted_vec(), b.into_sorted_vec());
    let mut q = Queue {
        pending: [4, 5, 6].into(),
        served: 0,
    };
    assert_eq!(q.serve().collect::<Vec<_>>(), [4, 5, 6]);
    assert_eq!(q.served, 3);
}

twin! {
    // As ported: `mem::take` would say the same.
    #[allow(clippy::drain_collect, clippy::manual_next_back)]
    fn drained_then_used(waiting: Vec<String>) -> usize {
        let mut waiting = waiting;
        let taken: Vec<_> = waiting.drain(..).collect();
        yield_!(taken.len());
        waiting.push("late".to_string());
        yield_!(taken.len() + waiting.len());
        let newest = waiting.drain(..).rev().next();
        yield_!(newest.map_or(0, |s| s.len()));
    }
}

#[test]
fn a_vec_collected_from_a_drain_owns_its_items() {
    assert_eq!(
        check!(drained_then_used(vec!["a".into(), "b".into()])),
        [2, 3, 4]
    );
}

#[derive(Debug)]
pub struct Lexer {
    src: String,
    pos: usize,
}

impl Lexer {
    #[generator]
    fn words(&mut self) -> impl Iterator<Item = String> + '_ {
        while self.pos < self.src.len() {
            let rest = &self.src[self.pos..];
            let end = rest.find(' ').unwrap_or(rest.len());
            let word = rest[..end].to_string();
            self.pos += end;
            yield_!(word);
            self.pos += 1;
        }
    }
}

#[generator]
fn next_word(l: &mut Lexer) -> impl Iterator<Item = String> {
    let rest = &l.src[l.pos..];
    let end = rest.find(' ').unwrap_or(rest.len());
    let word = rest[..end].to_string();
    l.pos += end;
    yield_!(word);
    l.pos += 1;
}

#[test]
fn a_count_computed_from_a_borrow_through_a_mut_argument_frees_it() {
    let mut l = Lexer {
        src: "ab c de".into(),
        pos: 0,
    };
    assert_eq!(next_word(&mut l).collect::<Vec<_>>(), ["ab"]);
    assert_eq!(l.pos, 3);
    assert_eq!(l.words().collect::<Vec<_>>(), ["c", "de"]);
    assert_eq!(l.pos, 8);
}
