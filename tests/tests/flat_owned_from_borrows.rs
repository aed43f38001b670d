//! Values made from a borrow of a local that own their data, or are held for their drop, keep
//! their drop timing across yields, as every local but a dead borrow (`flat_dead_borrows.rs`):
//! guards, values swapped out by `mem::replace`/`mem::take`, a `Path` into an argument, owned
//! values in a container, clones, and what a closure used up before the yield leaves.

use gen_tests::{Noisy, Tag, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

// A guard built from an argument lives to the end of its block across yields; a view into
// a local that is dead at the yield does not delay anything.
twin! {
    fn guards_keep_their_timing(name: String) -> String {
        let _guard = n("guard");
        let upper = name.to_uppercase();
        let first = upper.chars().next();
        yield_!(format!("{first:?}"));
        {
            let _inner = n("inner");
            let view = &upper[..1];
            let copy = view.to_string();
            yield_!(copy);
        }
        yield_!(upper);
    }
}

#[test]
fn guards_still_drop_at_the_end_of_their_block() {
    check!(guards_keep_their_timing("xy".to_string()));
    let log = same_drops!(guards_keep_their_timing("xy".to_string()));
    assert_eq!(log.last().map(String::as_str), Some("drop guard"));
}

// `mem::replace(&mut cur, ..)` and `mem::take(&mut slot)` return the old value, owned: it
// keeps its timing although it is made from a `&mut` of another local and dead at the yield.
twin! {
    fn replaced_values_are_owned(k: u32) -> u32 {
        let mut cur = n("cur");
        let old = std::mem::replace(&mut cur, n("new"));
        yield_!(k);
        let mut slot = Some(n("slot"));
        let taken = std::mem::take(&mut slot);
        yield_!(u32::from(taken.is_some()) + u32::from(old.name() == "cur"));
        gen_tests::log("after");
    }
}

#[test]
fn values_swapped_out_of_a_local_keep_their_timing() {
    check!(replaced_values_are_owned(1));
    let log = same_drops!(replaced_values_are_owned(1));
    assert!(log.iter().position(|e| e == "after") < log.iter().position(|e| e == "drop cur"));
}

// `Path::new(name)` returns a reference (into the argument here), not a value of its own:
// kept across yields, it borrows nothing of the generator's.
twin! {
    fn path_new_is_a_reference(name: &'static str) -> String {
        let path = std::path::Path::new(name);
        yield_!(path.display().to_string());
        let parent = path.parent();
        yield_!(format!("{parent:?}"));
        yield_!(path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default());
    }
}

#[test]
fn a_path_made_from_an_argument_is_kept_across_yields() {
    assert_eq!(check!(path_new_is_a_reference("a/b.txt"))[2], "txt");
}

/// Made by a function the macro does not know from a borrow of a local: it may borrow it.
fn make_guard(name: &str, config: &[u32]) -> Noisy {
    Noisy::new(format!("{name}{}", config.len()))
}

// A value named to be held for its drop (`_guard`) keeps its timing even when the macro
// cannot tell whether it borrows a local: it drops at the end of its block, after the items.
twin! {
    fn guard_made_from_a_borrow_keeps_its_timing(config: Vec<u32>) -> usize {
        let _guard = make_guard("span", &config);
        yield_!(config.len());
        {
            let _inner = make_guard("inner", &config);
            yield_!(config.len() + 1);
        }
        yield_!(config.len() + 2);
    }
}

#[test]
fn a_guard_held_for_its_drop_drops_at_the_end_of_its_block() {
    assert_eq!(
        check!(guard_made_from_a_borrow_keeps_its_timing(vec![1, 2])),
        [2, 3, 4]
    );
    let log = same_drops!(guard_made_from_a_borrow_keeps_its_timing(vec![1, 2]));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(at("drop span2") > at("yield 4"), "{log:?}");
    assert!(
        at("drop inner2") > at("yield 3") && at("drop inner2") < at("yield 4"),
        "{log:?}"
    );
}

/// A guard that really holds a borrow of what it is made from, and logs its drop.
struct Span<'a> {
    name: &'a str,
}

impl Drop for Span<'_> {
    fn drop(&mut self) {
        gen_tests::log(format!("exit {}", self.name));
    }
}

fn enter(name: &str) -> Span<'_> {
    gen_tests::log(format!("enter {name}"));
    Span { name }
}

// The same guard, but holding its borrow across the yields (a tracing-style span over the
// loop's item, a guard over a local of the body): the plain function compiles, and so does
// the generator (lowered `boxed`), with the guard dropping after the item it surrounds.
twin! {
    fn guards_holding_a_borrow_of_a_local(names: Vec<String>) -> usize {
        for name in names {
            let _span = enter(&name);
            yield_!(name.len());
        }
        let label = String::from("tail");
        {
            let _g = enter(&label);
            yield_!(label.len());
        }
        yield_!(label.len() + 1);
    }
}

#[test]
fn a_guard_held_for_its_drop_may_borrow_a_local_across_a_yield() {
    let names = || vec!["ab".to_string(), "c".to_string()];
    assert_eq!(
        check!(guards_holding_a_borrow_of_a_local(names())),
        [2, 1, 4, 5]
    );
    let log = same_drops!(guards_holding_a_borrow_of_a_local(names()));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(
        at("exit ab") > at("yield 2") && at("exit ab") < at("yield 1"),
        "{log:?}"
    );
    assert!(
        at("exit tail") > at("yield 4") && at("exit tail") < at("yield 5"),
        "{log:?}"
    );
}

// Owned values pushed, inserted or extended into a container kept across yields: it borrows
// nothing (`push((&root, ..))` would, README limit 1).
twin! {
    fn containers_filled_with_owned_values(words: Vec<String>) -> usize {
        let mut out: Vec<String> = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for w in &words {
            out.push(w.clone());
            seen.insert(w.len());
        }
        out.extend(words.iter().cloned());
        yield_!(out.len());
        out.push(words.len().to_string());
        yield_!(out.len() + seen.len());
    }
}

#[test]
fn containers_of_owned_values_are_kept_across_yields() {
    let words = || ["a", "bb", "cc"].map(String::from).to_vec();
    assert_eq!(check!(containers_filled_with_owned_values(words())), [6, 9]);
}

// A closure that captures an argument by reference, used up by a chain that ends before the
// yield (`sum`): the value it leaves is owned, kept across the yields.
twin! {
    fn scaled_totals(v: Vec<i64>, factor: i64) -> i64 {
        let scale = |n: i64| n * factor;
        let total: i64 = v.iter().copied().map(scale).sum();
        yield_!(total);
        let again: i64 = v.iter().map(|x| x * factor).sum();
        yield_!(again);
        yield_!(total + again + factor);
    }
}

#[test]
fn a_closure_used_up_before_the_yield_leaves_an_owned_value() {
    assert_eq!(check!(scaled_totals(vec![1, 2], 3)), [9, 9, 21]);
}

// A `move` closure that owns a channel's sender keeps it (and the channel open) to the end
// of its block, also after its last call.
twin! {
    fn closure_owning_a_sender(first: usize) -> usize {
        let (tx, rx) = std::sync::mpsc::channel::<usize>();
        let notify = move |m: usize| tx.send(m).unwrap();
        notify(first);
        yield_!(rx.try_recv().unwrap_or(100));
        yield_!(match rx.try_recv() {
            Ok(v) => v,
            Err(std::sync::mpsc::TryRecvError::Empty) => 100,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => 200,
        });
    }
}

// `Rc::clone(&x)` and `Rc::downgrade(&x)` are counts of their own, to the end of their
// block, also when no longer read.
twin! {
    fn rc_clones(shared: std::rc::Rc<Noisy>) -> usize {
        let mine = std::rc::Rc::clone(&shared);
        let weak = std::rc::Rc::downgrade(&shared);
        let seen = mine.name().len() + usize::from(weak.upgrade().is_some());
        yield_!(seen);
        yield_!(std::rc::Rc::strong_count(&shared) * 10 + std::rc::Rc::weak_count(&shared));
    }
}

// Copies of a local's elements (`iter().cloned().collect()`) drop at the end of their block.
twin! {
    #[allow(clippy::iter_cloned_collect)]
    fn cloned_copies(names: Vec<&'static str>) -> usize {
        let src: Vec<Tag> = names.into_iter().map(Tag).collect();
        let copies: Vec<Tag> = src.iter().cloned().collect();
        let firsts: Vec<Tag> = src.iter().filter(|t| !t.0.is_empty()).cloned().collect();
        yield_!(copies.len() + firsts.len());
        yield_!(src.len());
    }
}

#[test]
fn closures_and_clones_that_own_their_values_keep_their_timing() {
    assert_eq!(check!(closure_owning_a_sender(1)), [1, 100]);
    same_drops!(closure_owning_a_sender(1));
    let shared = || std::rc::Rc::new(n("shared"));
    assert_eq!(check!(rc_clones(shared())), [7, 21]);
    same_drops!(rc_clones(shared()));
    assert_eq!(check!(cloned_copies(vec!["a", "b"])), [4, 2]);
    same_drops!(cloned_copies(vec!["a", "b"]));
}

fn tag_of(name: &'static str) -> Tag {
    Tag(name)
}

// Values a closure over a local's items builds with a function of the user's, collected or
// taken one by one, drop at the end of their block; an element made owned by a function
// (`parts.next().map(str::to_owned)`) is a value of its own, usable after a yield.
twin! {
    fn built_by_functions(names: Vec<&'static str>, line: String) -> usize {
        let tags: Vec<Tag> = names.iter().map(|&n| tag_of(n)).collect();
        let total: usize = tags.iter().map(|t| t.0.len()).sum();
        yield_!(total);
        let mut made = names.iter().map(|&n| Tag(n));
        let first = made.next();
        let rest: Vec<Tag> = made.collect();
        yield_!(first.map_or(0, |t| t.0.len()));
        yield_!(rest.len());
        let mut parts = line.split(',');
        let second = parts.nth(1).map(str::to_owned);
        yield_!(line.len());
        yield_!(second.map_or(0, |s| s.len()));
    }
}

#[test]
fn values_built_from_a_locals_items_keep_their_timing() {
    assert_eq!(
        check!(built_by_functions(vec!["a", "bb", "c"], "x,yy".into())),
        [4, 1, 2, 4, 2]
    );
    same_drops!(built_by_functions(vec!["a", "bb", "c"], "x,yy".into()));
}

// Elements drained out of a local and split by `partition` are values of their own; a
// borrow through `&mut self` read only in a yield's operand is not kept across the yield
// (`self` is used again after it).
twin! {
    fn drained_and_partitioned(v: Vec<u32>) -> u32 {
        let mut v = v;
        let (ready, rest): (Vec<_>, Vec<_>) = v.drain(..).partition(|&x| x > 1);
        for x in ready {
            yield_!(x);
        }
        yield_!(rest.len() as u32 + v.len() as u32);
    }
}

#[derive(Debug)]
pub struct Rows {
    rows: std::collections::BTreeMap<String, u32>,
}

impl Rows {
    #[gen_core::generator]
    fn show(&mut self) -> impl Iterator<Item = String> + '_ {
        let v = self.rows.get("a").unwrap_or(&0);
        yield_!(format!("a = {v}"));
        self.rows.clear();
        yield_!(format!("{} left", self.rows.len()));
    }
}

#[test]
fn drained_values_and_borrows_through_self_read_in_an_operand() {
    assert_eq!(check!(drained_and_partitioned(vec![3, 1, 2])), [3, 2, 1]);
    let mut rows = Rows {
        rows: std::collections::BTreeMap::from([("a".to_string(), 7)]),
    };
    assert_eq!(rows.show().collect::<Vec<_>>(), ["a = 7", "0 left"]);
    assert!(rows.rows.is_empty());
}
