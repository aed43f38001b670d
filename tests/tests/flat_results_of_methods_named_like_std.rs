//! Results of the user's methods named like borrowing std ones (`lock`, `read`, `iter`, `get`,
//! `peek`), kept across yields: what they return may be owned, and lives to the end of its block
//! as in the plain function, also as a scrutinee's guard or binding, and when called on a shared
//! reference parameter of a generator that stays flat. Compared with the plain twin.

use gen_tests::{Noisy, check, same_drops, twin};

mod common;
use common::named_like_std::{Pool, Stats};

/// A door whose `lock` hands out an owned ticket, and a sensor whose `read` an owned reading:
/// names std's locks and readers share.
#[derive(Debug)]
pub struct Door(pub u32);

impl Door {
    pub fn lock(&self) -> Noisy {
        Noisy::new(format!("ticket {}", self.0))
    }

    pub fn read(&self) -> Stats {
        Stats::new("reading", vec![self.0])
    }
}

/// A queue whose `iter` hands out a snapshot, not a borrow.
#[derive(Debug)]
pub struct Queue(pub Vec<u32>);

impl Queue {
    pub fn iter(&self) -> std::vec::IntoIter<u32> {
        self.0.clone().into_iter()
    }

    pub fn push(&mut self, x: u32) {
        self.0.push(x);
    }
}

twin! {
    fn results_of_the_users_methods_kept_across_yields(n: u32) -> usize {
        // Taken for borrows of the door by their names, kept across a yield: `boxed` holds
        // them whether they borrow or own (the macro's error before).
        let door = Door(n);
        let ticket = door.lock();
        yield_!(1);
        yield_!(ticket.name().len());
        let reading = door.read();
        yield_!(2);
        yield_!(reading.max() as usize);
        // A loop over a snapshot while the queue changes.
        let mut queue = Queue(vec![1, 2]);
        for id in queue.iter() {
            yield_!(id as usize);
            queue.push(id + 10);
        }
        let ids = queue.iter();
        for id in ids {
            yield_!(id as usize);
            queue.push(id);
        }
    }
}

#[test]
fn results_of_the_users_methods_named_like_borrowing_ones_live_across_yields() {
    let log = same_drops!(results_of_the_users_methods_kept_across_yields(3));
    assert_eq!(log[..3], ["yield 1", "yield 8", "yield 2"]);
    check!(results_of_the_users_methods_kept_across_yields(0));
}

/// A pool handing out guards that borrow it, through a method named like std's `get`.
#[derive(Debug)]
pub struct Slots(std::cell::Cell<u32>);

/// A slot taken from a pool, given back when dropped.
#[derive(Debug)]
pub struct Slot<'p>(&'p Slots);

impl Slots {
    pub fn get(&self) -> Option<Slot<'_>> {
        let free = self.0.get();
        (free > 0).then(|| {
            self.0.set(free - 1);
            gen_tests::log(format!("take {free}"));
            Slot(self)
        })
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        gen_tests::log("give back");
        self.0.0.set(self.0.0.get() + 1);
    }
}

twin! {
    fn guards_of_a_scrutinee(n: u32) -> u32 {
        // A guard the scrutinee's value holds, bound by an arm that yields: held until the
        // arm ends, as in Rust (E0505 naming the scrutinee's hidden local before).
        let slots = Slots(std::cell::Cell::new(1));
        for i in 0..n {
            match slots.get() {
                Some(_slot) => yield_!(i),
                None => yield_!(99),
            }
            if let Some(_slot) = slots.get() {
                yield_!(i + 10);
            }
        }
    }
}

#[test]
fn a_guard_a_scrutinee_of_the_users_get_holds_lives_to_the_end_of_the_arm() {
    let log = same_drops!(guards_of_a_scrutinee(2));
    assert_eq!(log[..3], ["take 1", "yield 0", "give back"]);
    check!(guards_of_a_scrutinee(0));
}

/// A lexer whose `peek` and `get` return owned characters.
#[derive(Debug)]
pub struct Lexer {
    chars: Vec<char>,
    pos: usize,
}

impl Lexer {
    pub fn new(src: &str) -> Lexer {
        Lexer {
            chars: src.chars().collect(),
            pos: 0,
        }
    }

    pub fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    pub fn get(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    pub fn bump(&mut self) {
        self.pos += 1;
    }
}

twin! {
    fn scrutinees_of_the_users_methods(n: usize) -> String {
        // Bindings out of a scrutinee taken for a borrow by its method's name, used after a
        // yield (the macro's error before, naming `T::peek(&lx)`).
        let mut lx = Lexer::new("abc");
        while let Some(c) = lx.peek() {
            lx.bump();
            yield_!(c.to_string());
            yield_!(format!("again {c}"));
        }
        match lx.get(n) {
            Some(c) => {
                yield_!(c.to_string());
                yield_!(c.to_string());
            }
            None => yield_!(String::from("none")),
        }
    }
}

#[test]
fn bindings_of_a_scrutinee_of_the_users_peek_live_across_yields() {
    check!(scrutinees_of_the_users_methods(1));
    check!(scrutinees_of_the_users_methods(5));
}

// A method named like a borrowing one, on a shared reference parameter of the user's type
// (`pool: &Pool`, `&self`): its result, a borrow through the reference or an owned value, is
// kept to the end of its block, flat, in a generator that must stay flat (`+ Clone`, a type
// parameter only the item names with a lifetime bound) as in any other.
#[gen_core::generator]
fn pooled<'a, T: Copy + 'a>(pool: &'a Pool, x: T) -> impl Iterator<Item = T> + 'a {
    let conn = pool.get();
    gen_tests::log(format!("using {}", conn.name()));
    yield_!(x);
    yield_!(x);
}

fn pooled_plain<T: Copy>(pool: &Pool, x: T, out: &mut dyn FnMut(T)) {
    let conn = pool.get();
    gen_tests::log(format!("using {}", conn.name()));
    out(x);
    out(x);
}

/// A ticket for a slot, cloned with the generator that keeps it.
#[derive(Debug)]
pub struct Ticket(Noisy);

impl Clone for Ticket {
    fn clone(&self) -> Self {
        Ticket(Noisy::new(format!("{} copy", self.0.name())))
    }
}

/// Tickets handed out by `get`, a method named like a borrowing one that returns a value.
#[derive(Debug)]
pub struct Tickets(pub &'static str);

impl Tickets {
    pub fn get(&self, n: u32) -> Ticket {
        Ticket(Noisy::new(format!("{} slot {n}", self.0)))
    }
}

#[gen_core::generator]
fn leased(leases: &Tickets, n: u32) -> impl Iterator<Item = u32> + Clone + '_ {
    let lease = leases.get(n);
    yield_!(1);
    yield_!(2);
    let _ = &lease;
}

fn leased_plain(leases: &Tickets, n: u32, out: &mut dyn FnMut(u32)) {
    let lease = leases.get(n);
    out(1);
    out(2);
    let _ = &lease;
}

impl Pool {
    #[gen_core::generator]
    fn connections(&self, n: u32) -> impl Iterator<Item = u32> + '_ {
        for i in 0..n {
            let conn = self.get();
            yield_!(i);
            gen_tests::log(format!("after yield {i}"));
            let _ = &conn;
        }
    }

    fn connections_plain(&self, n: u32, out: &mut dyn FnMut(u32)) {
        for i in 0..n {
            let conn = self.get();
            out(i);
            gen_tests::log(format!("after yield {i}"));
            let _ = &conn;
        }
    }
}

/// Runs `items`, logging each item as the consumer sees it, then returns the log.
fn consumed<T: std::fmt::Debug>(items: impl Iterator<Item = T>) -> Vec<String> {
    let _ = gen_tests::take_log();
    for x in items {
        gen_tests::log(format!("got {x:?}"));
    }
    gen_tests::take_log()
}

/// Runs `body` with a consumer that logs each item, then returns the log.
fn consumed_plain<T: std::fmt::Debug>(body: impl FnOnce(&mut dyn FnMut(T))) -> Vec<String> {
    let _ = gen_tests::take_log();
    body(&mut |x| gen_tests::log(format!("got {x:?}")));
    gen_tests::take_log()
}

#[test]
fn results_of_a_borrowing_name_on_a_shared_reference_parameter_live_to_the_end_of_their_block() {
    let pool = Pool("p");
    let expected = consumed_plain(|out| pooled_plain(&pool, 'x', out));
    assert_eq!(expected.last().map(String::as_str), Some("drop p conn"));
    assert_eq!(consumed(pooled(&pool, 'x')), expected);

    let leases = Tickets("s");
    let expected = consumed_plain(|out| leased_plain(&leases, 3, out));
    assert_eq!(expected.last().map(String::as_str), Some("drop s slot 3"));
    assert_eq!(consumed(leased(&leases, 3)), expected);
    let mut g = leased(&leases, 3);
    g.next();
    let copy = g.clone();
    assert_eq!(consumed(g), ["got 2", "drop s slot 3"]);
    assert_eq!(consumed(copy), ["got 2", "drop s slot 3 copy"]);

    let expected = consumed_plain(|out| pool.connections_plain(3, out));
    assert_eq!(consumed(pool.connections(3)), expected);
}
