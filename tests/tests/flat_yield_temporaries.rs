//! The temporaries of a yield's operand live until the generator resumes, as a statement's
//! temporaries do: the consumer has the item while they are alive, as a callback has it in
//! the plain function (`sink(Vec::from([n("t")]).len())`). Items and drops are compared with
//! the plain twin at every early stop.

use std::cell::RefCell;

use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

/// A value with a visible `Drop` and fields to read.
#[derive(Debug)]
pub struct Bag {
    pub items: Vec<u32>,
    pub count: u32,
    _guard: Noisy,
}

impl Bag {
    pub fn new(name: &str, count: u32) -> Bag {
        Bag {
            items: (0..count).collect(),
            count,
            _guard: n(name),
        }
    }
}

fn two_bags(count: u32) -> Vec<Bag> {
    vec![Bag::new("first", count), Bag::new("second", count)]
}

twin! {
    fn std_methods_and_fields(k: u32) -> usize {
        // The receiver of a std method that borrows it.
        yield_!(Vec::from([n("vec")]).len());
        // A field's base, and an index's base.
        yield_!(Bag::new("field", k).count as usize);
        yield_!(Bag::new("chain", k).items.len());
        yield_!(two_bags(k)[1].items.len());
        // Made for a tail, an arm and a branch's yield.
        match k {
            0 => yield_!(Bag::new("arm", 1).items.len()),
            _ => {
                if k > 1 {
                    yield_!(Bag::new("branch", k).items.len())
                }
            }
        }
        let kept = n("kept");
        yield_!(kept.name().to_string().len());
        yield_!(Bag::new("last", 3).count as usize + kept.name().len());
    }
}

#[test]
fn temporaries_of_a_yields_operand_drop_when_the_generator_resumes() {
    let log = same_drops!(std_methods_and_fields(2));
    assert_eq!(
        log[..6],
        [
            "yield 1",
            "drop vec",
            "yield 2",
            "drop field",
            "yield 2",
            "drop chain"
        ]
    );
    same_drops!(std_methods_and_fields(0));
    check!(std_methods_and_fields(3));
}

twin! {
    fn in_a_loop(rounds: u32) -> usize {
        let mut total = 0;
        for i in 0..rounds {
            total += i;
            yield_!(Bag::new(if i % 2 == 0 { "even" } else { "odd" }, i).items.len() + total as usize);
            if i == 1 {
                continue;
            }
            yield_!(Vec::from([n("inner")]).len());
        }
    }
}

#[test]
fn a_yields_temporaries_in_a_loop_drop_each_round() {
    same_drops!(in_a_loop(4));
    same_drops!(in_a_loop(0));
}

twin! {
    fn guards_of_arguments(queue: &'static RefCell<Vec<u32>>) -> (u32, bool) {
        // The consumer sees the `RefCell` borrowed while it has the item.
        while !queue.borrow().is_empty() {
            yield_!((queue.borrow_mut().pop().unwrap_or(0), queue.try_borrow_mut().is_err()));
        }
    }
}

#[test]
fn a_guard_made_for_the_item_is_held_while_the_consumer_has_it() {
    let queue = || -> &'static RefCell<Vec<u32>> { Box::leak(Box::new(RefCell::new(vec![1, 2]))) };
    // The operand reads the guard's state itself: `true` while the guard lives.
    let got = check!(guards_of_arguments(queue()));
    assert_eq!(got, [(2, true), (1, true)]);
    let q = queue();
    let mut g = guards_of_arguments::generator(q);
    assert_eq!(g.next(), Some((2, true)));
    assert!(
        q.try_borrow_mut().is_err(),
        "held while the consumer has the item"
    );
    assert_eq!(g.next(), Some((1, true)));
    drop(g);
    assert!(
        q.try_borrow_mut().is_ok(),
        "released when the generator is dropped"
    );
}

/// A value whose drop is logged, made by a struct literal.
struct Made {
    _guard: gen_tests::Noisy,
    n: u64,
}

impl std::ops::Add<&Made> for &Made {
    type Output = u64;
    fn add(self, other: &Made) -> u64 {
        self.n + other.n
    }
}

// The temporaries of a yield's operand made by a struct literal, a tuple, an array, an
// operator or a `match` scrutinee live until the generator resumes, as the plain function's
// statement keeps them until it ends.
gen_tests::twin! {
    fn operand_temporaries_of_every_kind(k: u64) -> u64 {
        let kept = Made { _guard: gen_tests::Noisy::new("kept"), n: k };
        yield_!(Made { _guard: gen_tests::Noisy::new("literal"), n: 1 }.n);
        yield_!((Made { _guard: gen_tests::Noisy::new("tuple"), n: 2 }, 5).1);
        yield_!([Made { _guard: gen_tests::Noisy::new("array"), n: 3 }][0].n + 1);
        yield_!(&Made { _guard: gen_tests::Noisy::new("operator"), n: 4 } + &kept);
        yield_!(match (Made { _guard: gen_tests::Noisy::new("scrutinee"), n: 5 }).n {
            m if m > 100 => 0,
            m => m,
        });
        yield_!(kept.n);
    }
}

#[test]
fn operand_temporaries_of_every_kind_drop_after_the_item() {
    gen_tests::check!(operand_temporaries_of_every_kind(7));
    gen_tests::same_drops!(operand_temporaries_of_every_kind(7));
}

/// A value with a visible `Drop` made by a helper, read by a `match` scrutinee.
#[derive(Debug)]
pub struct Probe(
    #[allow(dead_code, reason = "held for its drop")] Noisy,
    usize,
);

impl Probe {
    pub fn value(&self) -> Option<usize> {
        (self.1 > 0).then_some(self.1)
    }
}

fn probe(name: &str, len: usize) -> Probe {
    Probe(n(name), len)
}

#[gen_core::generator]
fn scrutinee_of_a_yielding_match(lens: Vec<usize>) -> impl Iterator<Item = usize> {
    for len in lens {
        match probe("probe", len).value() {
            Some(v) => yield_!(v),
            None => gen_tests::log("none arm"),
        }
    }
}

fn scrutinee_of_a_yielding_match_plain(lens: Vec<usize>, sink: &mut dyn FnMut(usize)) {
    for len in lens {
        match probe("probe", len).value() {
            Some(v) => sink(v),
            None => gen_tests::log("none arm"),
        }
    }
}

#[test]
fn a_match_scrutinee_temporary_lives_through_the_arms_under_for_each() {
    // `for_each` on a fresh generator runs the body as written: the scrutinee's temporary
    // drops when the `match` ends, after the arm (the consumer saw the item first).
    let _ = gen_tests::take_log();
    scrutinee_of_a_yielding_match_plain(vec![3, 0], &mut |v| gen_tests::log(format!("got {v}")));
    let plain = gen_tests::take_log();
    assert_eq!(plain, ["got 3", "drop probe", "none arm", "drop probe"]);
    scrutinee_of_a_yielding_match(vec![3, 0]).for_each(|v| gen_tests::log(format!("got {v}")));
    assert_eq!(gen_tests::take_log(), plain);
    // Through `next()` too: the value a function makes and the scrutinee reads through is a
    // hidden local around the `match`.
    for v in scrutinee_of_a_yielding_match(vec![3, 0]) {
        gen_tests::log(format!("got {v}"));
    }
    assert_eq!(gen_tests::take_log(), plain);
}

twin! {
    fn value_making_std_macros(k: usize) -> usize {
        // A `vec![..]` or a `format!(..)` read in place by a method that borrows it lives
        // until the generator resumes, as `sink(vec![..].len())` keeps it.
        yield_!(vec![n("vec"), n("second")].len() + k);
        yield_!(format!("{k}-{}", n("in format").name()).len());
    }
}

#[test]
fn temporaries_of_std_value_macros_live_until_the_resume() {
    assert_eq!(check!(value_making_std_macros(1)), [3, 11]);
    same_drops!(value_making_std_macros(1));
}

/// A value of the caller's making from a borrow of its argument: what it borrows the macro
/// cannot see.
fn named(name: &str) -> Bag {
    Bag::new(name, 2)
}

twin! {
    // The temporary is made from a borrow of a local (`&name`, `name.as_str()`, `&name[..]`) and
    // read in place for the item: it drops after the consumer had it, as in the plain fn.
    fn temporaries_made_from_borrows_of_locals(names: Vec<String>) -> usize {
        for name in names {
            yield_!(named(&name).items.len());
            yield_!(named(name.as_str()).count as usize + 1);
            yield_!(Bag::new(&name[..], 3).items.len());
            gen_tests::log("round end");
        }
    }
}

macro_rules! yield_each {
    ($name:ident, |$n:ident| $item:expr) => {
        twin! {
            // The operand is a `macro_rules!` fragment, `yield_!($item)`.
            fn $name(names: Vec<String>) -> usize {
                for $n in names {
                    yield_!($item);
                    gen_tests::log("after");
                }
            }
        }
    };
}

yield_each!(fragment_operand, |name| named(&name).items.len() + 1);

#[test]
fn temporaries_made_from_borrows_of_locals_drop_after_the_item() {
    let names = || vec!["a".to_owned(), "b".to_owned()];
    let log = same_drops!(temporaries_made_from_borrows_of_locals(names()));
    assert_eq!(log[..2], ["yield 2", "drop a"]);
    check!(temporaries_made_from_borrows_of_locals(names()));
    let log = same_drops!(fragment_operand(names()));
    assert_eq!(log[..3], ["yield 3", "drop a", "after"]);
}

/// A record parsed from a line, holding a value the test sees drop.
fn parse_bag(line: &str) -> Result<Bag, String> {
    let n: u32 = line.parse().map_err(|_| format!("bad {line}"))?;
    Ok(Bag::new(line, n))
}

twin! {
    // The value under `?` read in place for the item (`parse_bag(&line)?.count`) lives until
    // the generator resumes, as the statement's temporary does.
    fallible fn value_under_question_mark(lines: Vec<String>) -> Result<u32, String> {
        for line in lines {
            yield_!(Ok(parse_bag(&line)?.count));
            gen_tests::log("next line");
        }
    }
}

#[test]
fn the_value_under_a_question_mark_drops_after_the_item() {
    let lines = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let log = same_drops!(value_under_question_mark(lines(&["2", "3"])));
    assert_eq!(log[..3], ["yield Ok(2)", "drop 2", "next line"]);
    check!(value_under_question_mark(lines(&["2", "x", "3"])));
}

/// Makes values with a visible `Drop` through a method of its own (`maker.bag(k)`).
#[derive(Debug)]
pub struct Maker(&'static str);

impl Maker {
    pub fn bag(&self, count: u32) -> Bag {
        Bag::new(self.0, count)
    }
}

twin! {
    fn made_by_a_method_of_the_users(maker: Maker, k: u32) -> usize {
        // A value a method of the user's makes from an owned argument, read in place: it may
        // borrow the argument, and it lives until the generator resumes.
        yield_!(maker.bag(k).items.len());
        let local = Maker("local");
        yield_!(local.bag(k).count as usize);
        yield_!(local.bag(1).items.clone().len() + maker.bag(0).items.len());
        for i in 0..k {
            yield_!(local.bag(i).items.len());
        }
    }
}

#[test]
fn a_value_made_by_a_method_of_the_users_lives_until_the_generator_resumes() {
    let log = same_drops!(made_by_a_method_of_the_users(Maker("arg"), 2));
    assert_eq!(log[..4], ["yield 2", "drop arg", "yield 2", "drop local"]);
    same_drops!(made_by_a_method_of_the_users(Maker("arg"), 0));
    check!(made_by_a_method_of_the_users(Maker("arg"), 3));
}
