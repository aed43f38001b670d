//! Values made by a function of the user's from a borrow of a local (`child_of("g", &root)`, a
//! span's `enter`), which a `#[generator]` cannot tell from values that keep the borrow: they
//! drop where their block ends, as in the plain function, also when no longer read at a yield,
//! shadowed, moved into an array, or looped over. Each case runs against its plain twin.

use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

/// A guard of the user's that logs through its parent: made from a borrow of a local, which
/// the macro cannot tell from a value that keeps the borrow.
pub fn child_of(name: &str, parent: &Noisy) -> Noisy {
    n(&format!("{}/{name}", parent.name()))
}

// `let g = child_of("g", &root);` is not read after the first yield: it still drops at the
// end of the body, after every item.
twin! {
    fn guard_made_from_a_borrow(count: u32) -> u32 {
        let root = n("root");
        let g = child_of("g", &root);
        let first = g.name().len() as u32;
        for i in 0..count {
            yield_!(first + i);
        }
    }
}

#[test]
fn a_guard_made_from_a_borrow_of_a_local_drops_at_the_end_of_its_block() {
    check!(guard_made_from_a_borrow(3));
    let log = same_drops!(guard_made_from_a_borrow(3));
    let g = log.iter().position(|e| e == "drop root/g").unwrap();
    let root = log.iter().position(|e| e == "drop root").unwrap();
    assert!(g < root, "{log:?}");
}

// Shadowed guards: the first `g` is read only to make the second.
twin! {
    fn shadowed_guards(count: u32) -> usize {
        let root = n("root");
        let g = child_of("a", &root);
        let g = child_of(&format!("{}+b", g.name()), &root);
        for _ in 0..count {
            yield_!(1);
        }
        yield_!(g.name().len());
    }
}

#[test]
fn shadowed_guards_made_from_borrows_drop_at_the_end_of_the_body() {
    check!(shadowed_guards(2));
    same_drops!(shadowed_guards(2));
}

// In a loop: a guard per iteration, dropped explicitly on some iterations only.
twin! {
    fn guard_per_iteration(count: u32) -> u32 {
        let root = n("root");
        for i in 0..count {
            let g = child_of(&format!("g{i}"), &root);
            if i % 2 == 0 {
                drop(g);
            }
            yield_!(i);
            yield_!(i + 10);
        }
    }
}

#[test]
fn a_guard_per_iteration_dropped_on_some_paths() {
    check!(guard_per_iteration(4));
    same_drops!(guard_per_iteration(4));
}

// A guard made from a borrow of a local moved into an array that is dead at the yield: the
// array holds the guard, and drops at the end of the body.
twin! {
    fn guard_moved_into_a_vec(count: u32) -> u32 {
        let root = n("root");
        let g = child_of("g", &root);
        let all = [g, n("other")];
        let len = all.len() as u32;
        for i in 0..count {
            yield_!(i + len);
        }
    }
}

#[test]
fn a_collection_holding_a_guard_made_from_a_borrow_drops_at_the_end_of_its_block() {
    check!(guard_moved_into_a_vec(2));
    same_drops!(guard_moved_into_a_vec(2));
}

/// Guards of the user's, one per name, each made from a borrow of `parent`.
pub fn children_of(parent: &Noisy, names: &[&str]) -> Vec<Noisy> {
    names.iter().map(|name| child_of(name, parent)).collect()
}

// The items of a loop over values of the user's making from a borrow (`for g in
// children_of(&root, ..)`, a `Vec` collected through a closure calling a function of the
// user's): each item drops at the end of its iteration, after the consumer saw what was
// yielded from it (the generator is lowered `boxed`). Found by an outside review: they
// dropped before the item.
twin! {
    fn items_of_values_made_from_a_borrow(count: u32) -> String {
        let root = n("root");
        let names = ["a", "b", "c"];
        let made = children_of(&root, &names[..count as usize]);
        for g in made {
            yield_!(g.name().to_owned());
        }
        let collected: Vec<Noisy> = names.iter().map(|m| child_of(m, &root)).collect();
        for (i, g) in collected.into_iter().enumerate() {
            yield_!(format!("{i} {}", g.name()));
        }
        if let Some(g) = children_of(&root, &["d"]).pop() {
            yield_!(g.name().to_owned());
        }
        match children_of(&root, &["e", "f"]).pop() {
            Some(g) if g.name().ends_with('f') => yield_!(g.name().to_owned()),
            Some(g) => yield_!(format!("other {}", g.name())),
            None => {}
        }
    }
}

#[test]
fn items_of_values_made_from_a_borrow_drop_after_the_consumer_saw_them() {
    check!(items_of_values_made_from_a_borrow(2));
    let log = same_drops!(items_of_values_made_from_a_borrow(2));
    let seen = log.iter().position(|e| e == "yield \"root/a\"").unwrap();
    let dropped = log.iter().position(|e| e == "drop root/a").unwrap();
    assert!(seen < dropped, "{log:?}");
}

/// A tracing-style span, made without a value the macro knows owns its data (a tuple
/// struct of a string literal, a function's value).
#[derive(Debug)]
pub struct Span(&'static str);

/// The guard of an entered span: it borrows the span, and logs its exit when dropped.
#[derive(Debug)]
pub struct Entered<'a>(&'a Span);

impl Drop for Entered<'_> {
    fn drop(&mut self) {
        gen_tests::log(format!("exit {}", (self.0).0));
    }
}

impl Span {
    fn enter(&self) -> Entered<'_> {
        gen_tests::log(format!("enter {}", self.0));
        Entered(self)
    }
}

fn enter(span: &Span) -> Entered<'_> {
    span.enter()
}

fn make_span(name: &'static str) -> Span {
    Span(name)
}

// Guards held for their drop (`_e`), borrowing a span local kept beside them across yields,
// whatever made the span: as in the plain function, each exits where its block ends.
twin! {
    fn entered_spans(items: Vec<u32>) -> u32 {
        let root = make_span("root");
        let _root = root.enter();
        for item in items {
            let span = Span("item");
            let _e = enter(&span);
            yield_!(item * 2);
            let made = make_span("made");
            let _m = made.enter();
            yield_!(item);
        }
    }
}

#[test]
fn guards_of_spans_made_by_any_call_exit_where_their_block_ends() {
    assert_eq!(check!(entered_spans(vec![1, 2])), [2, 1, 4, 2]);
    same_drops!(entered_spans(vec![1, 2]));
}
