//! Methods of the user's own types named like std methods. The macro judges a method by its
//! name: `count`, `max`, `unwrap` take `self` on every std type that has them, `get` and
//! `peek` return a borrow. A method of the user's of that name may take `&self`, or return
//! an owned value: the value then lives to the end of its block, as in the plain function,
//! never dropped at the next yield. Items and drops are compared with the plain twin at
//! every early stop.

use gen_tests::{Noisy, check, same_drops, twin};

/// Statistics with a visible `Drop` and `&self` methods named like consuming std methods.
#[derive(Debug)]
pub struct Stats {
    pub seen: Vec<u32>,
    _noisy: Noisy,
}

impl Stats {
    pub fn new(name: &str, seen: Vec<u32>) -> Stats {
        Stats {
            seen,
            _noisy: Noisy::new(name),
        }
    }

    pub fn count(&self) -> usize {
        self.seen.len()
    }

    pub fn max(&self) -> u32 {
        self.seen.iter().copied().max().unwrap_or(0)
    }

    pub fn sum(&self) -> u32 {
        self.seen.iter().sum()
    }
}

/// A pool whose `get` and `peek` hand out owned values with a visible `Drop`.
#[derive(Debug)]
pub struct Pool(pub &'static str);

impl Pool {
    pub fn get(&self) -> Noisy {
        Noisy::new(format!("{} conn", self.0))
    }

    pub fn peek(&self, n: u32) -> Stats {
        Stats::new(self.0, (0..n).collect())
    }
}

/// A report whose `count` really takes it by value.
#[derive(Debug)]
pub struct Report(pub Noisy, pub usize);

impl Report {
    pub fn count(self) -> usize {
        self.1
    }
}

twin! {
    fn receivers_taken_by_reference(n: u32) -> usize {
        // A local made by a function of the user's: `count(&self)` leaves it in place.
        let stats = Stats::new("local", (0..n).collect());
        let count = stats.count();
        yield_!(count);
        let max = stats.max() as usize;
        yield_!(max);
        // A struct literal.
        let other = Stats {
            seen: vec![n],
            _noisy: Noisy::new("literal"),
        };
        let total = other.sum() as usize;
        for i in 0..n {
            yield_!(total + i as usize);
        }
    }
}

#[test]
fn a_method_named_like_a_consuming_one_leaves_the_local_in_place() {
    let log = same_drops!(receivers_taken_by_reference(2));
    assert_eq!(log[..3], ["yield 2", "yield 1", "yield 2"]);
    same_drops!(receivers_taken_by_reference(0));
    check!(receivers_taken_by_reference(3));
}

twin! {
    fn parameters_of_the_users_types(stats: Stats, pool: &Pool, n: u32) -> usize {
        let count = stats.count();
        yield_!(count);
        // `get` named like a borrowing std method, returning an owned connection.
        let conn = pool.get();
        let name_len = conn.name().len();
        for i in 0..n {
            yield_!(name_len + i as usize);
        }
        let peeked = pool.peek(n);
        let max = peeked.max();
        yield_!(max as usize);
    }
}

#[test]
fn values_of_parameters_of_the_users_types_drop_where_the_plain_function_drops_them() {
    let pool = Pool("p");
    let log = same_drops!(parameters_of_the_users_types(
        Stats::new("arg", vec![4, 5]),
        &pool,
        2
    ));
    assert_eq!(log[..4], ["yield 2", "yield 6", "yield 7", "yield 1"]);
    same_drops!(parameters_of_the_users_types(
        Stats::new("arg", vec![]),
        &pool,
        0
    ));
    check!(parameters_of_the_users_types(
        Stats::new("arg", vec![1]),
        &pool,
        3
    ));
}

twin! {
    fn a_consuming_method_of_the_users(n: usize) -> usize {
        // `count(self)`: the report drops inside the call, before the yield.
        let report = Report(Noisy::new("report"), n);
        let count = report.count();
        yield_!(count);
        yield_!(count + 1);
    }
}

#[test]
fn a_method_of_the_users_that_takes_self_still_moves_the_value() {
    let log = same_drops!(a_consuming_method_of_the_users(3));
    assert_eq!(log[..2], ["drop report", "yield 3"]);
    check!(a_consuming_method_of_the_users(1));
}

twin! {
    // `for pool in vec![..]` beside `for stats in [..]` is a shape under test.
    #[allow(clippy::useless_vec)]
    fn items_of_a_list_of_the_users_values(n: u32) -> usize {
        // A loop's items out of a list of constructors of the user's are values of the
        // user's type: `count(&self)` leaves the item in place to the end of the iteration.
        for stats in [Stats::new("a", vec![n]), Stats::new("b", vec![1, 2])] {
            let count = stats.count();
            yield_!(count);
            yield_!(stats.sum() as usize);
        }
        for pool in vec![Pool("v"), Pool("w")] {
            // `get` returning an owned value that drops at the end of the iteration.
            let conn = pool.get();
            let len = conn.name().len();
            yield_!(len);
            yield_!(len + 1);
        }
    }
}

#[test]
fn items_of_a_list_of_the_users_values_drop_at_the_end_of_their_iteration() {
    let log = same_drops!(items_of_a_list_of_the_users_values(3));
    assert_eq!(log[..4], ["yield 1", "yield 3", "drop a", "yield 2"]);
    check!(items_of_a_list_of_the_users_values(0));
    check!(items_of_a_list_of_the_users_values(1));
}

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

twin! {
    fn bound_by_a_tuple_pattern(n: u32) -> usize {
        // A tuple pattern binds a value of the user's constructor: `get` on it may return an
        // owned value, which drops at the end of its block (it dropped at the next yield).
        let (pool, (), k) = (Pool("t"), yield_!(7), n as usize);
        for i in 0..k {
            let conn = pool.get();
            let len = conn.name().len();
            yield_!(i + len);
        }
    }
}

#[test]
fn a_value_of_the_users_constructor_bound_by_a_tuple_pattern() {
    let log = same_drops!(bound_by_a_tuple_pattern(2));
    assert_eq!(log[..3], ["yield 7", "yield 6", "drop t conn"]);
    check!(bound_by_a_tuple_pattern(0));
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

twin! {
    fn moved_into_another_local(stats: Stats, n: u32) -> usize {
        // A value of the user's type moved into another local is still one.
        let kept = stats;
        if n > 0 {
            let count = kept.count();
            yield_!(count);
            yield_!(count + 1);
        }
        yield_!(2);
    }
}

#[test]
fn a_value_of_the_users_type_moved_into_another_local() {
    let log = same_drops!(moved_into_another_local(Stats::new("arg", vec![1]), 1));
    assert_eq!(log, ["yield 1", "yield 2", "yield 2", "drop arg"]);
    check!(moved_into_another_local(Stats::new("arg", vec![]), 0));
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

twin! {
    fn payload_of_a_users_value(n: u32) -> usize {
        // A value of the user's making taken whole out of a variant by the arm (`Ok(pool) |
        // Err(pool)`): `get` on it may return an owned value, which drops at the end of its
        // block (it dropped at the next yield).
        match if n.is_multiple_of(2) { Ok(Pool("even")) } else { Err(Pool("odd")) } {
            Ok(pool) | Err(pool) => {
                let conn = pool.get();
                let len = conn.name().len();
                yield_!(1);
                yield_!(len);
            }
        }
        if let Some(pool) = Some(Pool("some")) {
            let conn = pool.get();
            yield_!(conn.name().len());
            yield_!(3);
        }
    }
}

#[test]
fn a_users_value_taken_out_of_a_variant_keeps_what_its_get_returns() {
    let log = same_drops!(payload_of_a_users_value(1));
    assert_eq!(log[..3], ["yield 1", "yield 8", "drop odd conn"]);
    check!(payload_of_a_users_value(2));
}
