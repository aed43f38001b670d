//! A shared borrow through a `&mut` argument kept across a yield while the argument is used
//! again: `for part in self.src.split(';') { self.pos += ..; yield_!(part) }` in a lexer
//! holding `src: &'a str` (a reborrow through a reference field, which borrows nothing of
//! `self`), `self.items.iter()` beside `self.seen += 1` (disjoint fields), `&self.words[i]`,
//! `counter.items.iter()` of a `&mut` parameter. Valid methods and functions, which the flat
//! state machine cannot hold (it would move the `&mut` while the borrow freezes it) and the
//! macro cannot tell apart by type: lowered `boxed`. Compared with the plain methods, for
//! items and for what the receiver holds afterwards.

use std::cell::RefCell;

use gen_core::generator;

#[derive(Debug)]
pub struct Lexer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    #[generator]
    fn parts(&mut self) -> impl Iterator<Item = &'a str> + '_ {
        for part in self.src.split(';') {
            self.pos += part.len() + 1;
            yield_!(part);
        }
    }

    fn parts_plain(&mut self) -> Vec<&'a str> {
        let mut out = Vec::new();
        for part in self.src.split(';') {
            self.pos += part.len() + 1;
            out.push(part);
        }
        out
    }
}

#[derive(Debug)]
pub struct Counter {
    items: Vec<u32>,
    seen: u32,
    log: RefCell<Vec<String>>,
}

impl Counter {
    #[generator]
    fn counted(&mut self) -> impl Iterator<Item = u32> + '_ {
        for x in self.items.iter() {
            self.seen += 1;
            self.log.borrow_mut().push(format!("saw {x}"));
            yield_!(*x + self.seen);
        }
        self.seen *= 10;
    }

    fn counted_plain(&mut self) -> Vec<u32> {
        let mut out = Vec::new();
        for x in self.items.iter() {
            self.seen += 1;
            self.log.borrow_mut().push(format!("saw {x}"));
            out.push(*x + self.seen);
        }
        self.seen *= 10;
        out
    }

    #[generator]
    fn indexed(&mut self) -> impl Iterator<Item = usize> + '_ {
        for i in 0..self.items.len() {
            let x = &self.items[i];
            self.seen += 1;
            yield_!(i);
            yield_!(*x as usize);
        }
    }

    fn indexed_plain(&mut self) -> Vec<usize> {
        let mut out = Vec::new();
        for i in 0..self.items.len() {
            let x = &self.items[i];
            self.seen += 1;
            out.push(i);
            out.push(*x as usize);
        }
        out
    }
}

fn counter() -> Counter {
    Counter {
        items: vec![3, 5, 7],
        seen: 0,
        log: RefCell::new(Vec::new()),
    }
}

#[generator]
fn counted_argument(counter: &mut Counter) -> impl Iterator<Item = u32> + '_ {
    for x in counter.items.iter() {
        counter.seen += 1;
        yield_!(*x);
    }
}

fn counted_argument_plain(counter: &mut Counter) -> Vec<u32> {
    let mut out = Vec::new();
    for x in counter.items.iter() {
        counter.seen += 1;
        out.push(*x);
    }
    out
}

#[test]
fn a_reborrow_through_a_reference_field_is_no_borrow_of_self() {
    let (mut a, mut b) = (
        Lexer {
            src: "a;bb;c",
            pos: 0,
        },
        Lexer {
            src: "a;bb;c",
            pos: 0,
        },
    );
    assert_eq!(a.parts().collect::<Vec<_>>(), b.parts_plain());
    assert_eq!(a.pos, b.pos);
    // Dropped after one item: the receiver holds what the plain method had done by then.
    let mut c = Lexer {
        src: "a;bb;c",
        pos: 0,
    };
    assert_eq!(c.parts().next(), Some("a"));
    assert_eq!(c.pos, 2);
}

#[test]
fn a_shared_borrow_of_one_field_beside_changes_of_another() {
    let (mut a, mut b) = (counter(), counter());
    assert_eq!(a.counted().collect::<Vec<_>>(), b.counted_plain());
    assert_eq!((a.seen, a.log.take()), (b.seen, b.log.take()));
    let (mut a, mut b) = (counter(), counter());
    assert_eq!(a.indexed().collect::<Vec<_>>(), b.indexed_plain());
    assert_eq!(a.seen, b.seen);
    let (mut a, mut b) = (counter(), counter());
    assert_eq!(
        counted_argument(&mut a).collect::<Vec<_>>(),
        counted_argument_plain(&mut b)
    );
    assert_eq!(a.seen, b.seen);
    let mut early = counter();
    let mut g = early.counted();
    assert_eq!(g.next(), Some(4));
    drop(g);
    assert_eq!(early.seen, 1);
}

#[gen_core::generator]
fn bump_once<'a>(pos: &'a mut usize) -> impl Iterator<Item = usize> + 'a {
    *pos += 1;
    yield_!(*pos);
}

// Composing generators through a `&mut` argument: `for x in bump_once(pos)` and
// `yield_from!(bump_once(pos))` reborrow `pos` implicitly, as `bump_once(&mut *pos)` does,
// and `pos` is used again after the loop; so is `self` after `for x in self.step()`.
// Lowered `boxed`, as the explicit reborrow is.
#[gen_core::generator]
fn composed_through_a_mut_argument<'a>(pos: &'a mut usize) -> impl Iterator<Item = usize> + 'a {
    for x in bump_once(pos) {
        yield_!(x);
    }
    yield_!(*pos * 10);
    yield_from!(bump_once(pos));
    yield_!(*pos * 100);
}

struct Stepper {
    pos: usize,
}

impl Stepper {
    #[gen_core::generator]
    fn step(&mut self) -> impl Iterator<Item = usize> + '_ {
        self.pos += 1;
        yield_!(self.pos);
    }

    #[gen_core::generator]
    fn run(&mut self) -> impl Iterator<Item = usize> + '_ {
        for x in self.step() {
            yield_!(x);
        }
        yield_!(self.pos * 10);
    }
}

#[test]
fn generators_composed_through_a_mut_argument() {
    let mut pos = 0;
    assert_eq!(
        composed_through_a_mut_argument(&mut pos).collect::<Vec<_>>(),
        [1, 10, 2, 200]
    );
    assert_eq!(pos, 2);
    let mut s = Stepper { pos: 4 };
    assert_eq!(s.run().collect::<Vec<_>>(), [5, 50]);
}

// Items that are mutable borrows through `&mut self` or a `&mut` argument: valid flat when
// nothing reads the argument after the yield, or when the code after it uses a field
// borrowed before it (the fix the error on `self` used after the yield names).
#[derive(Debug)]
pub struct Queue {
    pending: Vec<String>,
    served: usize,
}

impl Queue {
    #[generator]
    fn count_then_front(&mut self) -> impl Iterator<Item = &mut String> + '_ {
        self.served += 1;
        let front = &mut self.pending[0];
        yield_!(front);
    }

    #[generator]
    fn count_then_back(&mut self) -> impl Iterator<Item = &mut String> + '_ {
        self.served += 1;
        let last = self.pending.len() - 1;
        yield_!(&mut self.pending[last]);
    }

    #[generator]
    fn front_then_count(&mut self) -> impl Iterator<Item = &mut String> + '_ {
        let served = &mut self.served;
        let front = &mut self.pending[0];
        yield_!(front);
        *served += 1;
    }

    fn front_then_count_plain(&mut self) -> Vec<&mut String> {
        let served = &mut self.served;
        let front = &mut self.pending[0];
        let out = vec![front];
        *served += 1;
        out
    }
}

#[generator]
fn first_of(lines: &mut Vec<String>) -> impl Iterator<Item = &mut String> + '_ {
    yield_!(&mut lines[0]);
}

#[test]
fn mutable_items_through_mut_self_change_what_the_receiver_holds() {
    let mut q = Queue {
        pending: vec!["a".into(), "b".into()],
        served: 0,
    };
    for s in q.count_then_front() {
        s.push('1');
    }
    for s in q.count_then_back() {
        s.push('2');
    }
    for s in q.front_then_count() {
        s.push('3');
    }
    for s in first_of(&mut q.pending) {
        s.push('4');
    }
    assert_eq!(q.pending, ["a134", "b2"]);
    assert_eq!(q.served, 3);

    let mut plain = Queue {
        pending: vec!["a".into()],
        served: 0,
    };
    for s in plain.front_then_count_plain() {
        s.push('3');
    }
    let mut generated = Queue {
        pending: vec!["a".into()],
        served: 0,
    };
    for s in generated.front_then_count() {
        s.push('3');
    }
    assert_eq!(
        (plain.pending, plain.served),
        (generated.pending, generated.served)
    );
}
