//! Values a `#[generator]` cannot see the type of, whose drops must still happen where the
//! plain function has them: fields of a partly moved value that the body never names, the
//! order of the fields it does name, and a value made by a function of the user's from a
//! borrow of a local (`Guard::new("g", &log)`) that is no longer read at a yield. Every case
//! runs against its plain twin for items and for the drop log after each item and after an
//! early drop.

use std::str::FromStr;

use gen_core::generator;
use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

#[derive(Debug)]
pub struct Batch {
    rows: Vec<Noisy>,
    offset: usize,
    tag: Noisy,
}

pub fn batch(rows: usize) -> Batch {
    Batch {
        rows: (0..rows).map(|r| n(&format!("row{r}"))).collect(),
        offset: 40 + rows,
        tag: n("tag"),
    }
}

// The rows move into the loop and `offset` is read after it; `tag` is never named, and
// drops with the rest of `batch` at the end of the body.
twin! {
    fn rows_then_offset(b: Batch) -> String {
        for row in b.rows {
            yield_!(row.name().to_string());
        }
        yield_!(format!("offset {}", b.offset));
    }
}

#[test]
fn a_field_the_body_never_names_drops_with_the_rest_of_its_value() {
    let out = check!(rows_then_offset(batch(2)));
    assert_eq!(out, ["row0", "row1", "offset 42"]);
    let log = same_drops!(rows_then_offset(batch(2)));
    let tag = log.iter().position(|e| e == "drop tag").unwrap();
    let last = log.iter().position(|e| e.contains("offset 42")).unwrap();
    assert!(tag > last, "{log:?}");
    same_drops!(rows_then_offset(batch(0)));
    assert_eq!(batch(0).tag.name(), "tag");
}

#[derive(Debug)]
pub struct Job {
    name: String,
    steps: Vec<u32>,
    first: Noisy,
    second: Noisy,
}

pub fn job() -> Job {
    Job {
        name: "build".into(),
        steps: vec![1, 2, 3],
        first: n("first"),
        second: n("second"),
    }
}

// `let name = job.name;` as in a method taking `self`; the two guards are never named and
// drop in declaration order (`first`, then `second`) at the end of the body.
twin! {
    fn named_out_of_a_consumed_value(job: Job) -> String {
        let name = job.name;
        for step in job.steps {
            yield_!(format!("{name}:{step}"));
        }
    }
}

#[test]
fn unnamed_fields_of_a_consumed_value_drop_in_declaration_order_at_the_end() {
    check!(named_out_of_a_consumed_value(job()));
    let log = same_drops!(named_out_of_a_consumed_value(job()));
    let first = log.iter().position(|e| e == "drop first").unwrap();
    let second = log.iter().position(|e| e == "drop second").unwrap();
    assert!(first < second, "{log:?}");
    let job = job();
    assert_eq!((job.first.name(), job.second.name()), ("first", "second"));
}

// The named guards are read in the reverse of their declaration order: they still drop in
// declaration order.
twin! {
    fn fields_named_out_of_order(job: Job) -> String {
        let steps = job.steps;
        yield_!(job.second.name().to_string());
        yield_!(job.first.name().to_string());
        yield_!(format!("{} steps", steps.len()));
    }
}

#[test]
fn named_fields_left_in_a_partly_moved_value_drop_in_declaration_order() {
    check!(fields_named_out_of_order(job()));
    same_drops!(fields_named_out_of_order(job()));
}

#[derive(Debug)]
pub struct Node {
    value: u32,
    next: Option<Box<Node>>,
    tag: Noisy,
}

pub fn list(len: u32) -> Option<Box<Node>> {
    (0..len).rev().fold(None, |next, value| {
        Some(Box::new(Node {
            value,
            next,
            tag: n(&format!("node{value}")),
        }))
    })
}

// A linked-list walk that moves each node out of its box: `tag` is never named, and each
// node's tag drops at the end of its iteration, after its item.
twin! {
    fn list_walk(head: Option<Box<Node>>) -> u32 {
        let mut cur = head;
        while let Some(node) = cur {
            let node = *node;
            yield_!(node.value);
            cur = node.next;
        }
    }
}

#[test]
fn a_node_moved_out_of_its_box_keeps_its_unnamed_field_for_its_iteration() {
    assert_eq!(check!(list_walk(list(3))), [0, 1, 2]);
    same_drops!(list_walk(list(3)));
    assert_eq!(list(1).unwrap().tag.name(), "node0");
}

// A field moved out, a yield, the field assigned again and the value used whole.
#[derive(Debug)]
pub struct Slot {
    id: u32,
    cur: String,
    _guard: Noisy,
}

twin! {
    fn slot_rotated(id: u32) -> String {
        let mut s = Slot { id, cur: "old".into(), _guard: n("slot") };
        let old = s.cur;
        yield_!(old);
        s.cur = String::from("new");
        let Slot { id, cur, .. } = s;
        yield_!(format!("{id} {cur}"));
    }
}

#[test]
fn a_field_moved_out_and_assigned_again_after_a_yield_makes_the_value_whole() {
    assert_eq!(check!(slot_rotated(7)), ["old", "7 new"]);
    same_drops!(slot_rotated(7));
}

#[derive(Debug)]
pub struct Config {
    dedup: bool,
    label: String,
    notes: Vec<Noisy>,
}

// A struct update after a yield across which `base` was kept partly moved.
twin! {
    fn struct_update_after_a_partial_move(notes: usize) -> String {
        let base = Config { dedup: true, label: "l".into(), notes: (0..notes).map(|i| n(&format!("note{i}"))).collect() };
        let label = base.label;
        yield_!(label);
        let cfg = Config { label: String::new(), ..base };
        yield_!(format!("{} {} {}", cfg.dedup, cfg.label.len(), cfg.notes.len()));
    }
}

#[test]
fn a_struct_update_of_a_value_kept_partly_moved_across_a_yield() {
    assert_eq!(
        check!(struct_update_after_a_partial_move(2)),
        ["l", "true 0 2"]
    );
    same_drops!(struct_update_after_a_partial_move(2));
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

#[derive(Debug)]
pub enum Msg {
    Put { key: String, reply: Noisy },
    Stop,
}

pub fn msgs() -> Vec<Msg> {
    vec![
        Msg::Put {
            key: "k1".into(),
            reply: n("reply1"),
        },
        Msg::Put {
            key: "k2".into(),
            reply: n("reply2"),
        },
        Msg::Stop,
    ]
}

// A variant pattern that moves `key` out and leaves `reply` in the message: the reply's
// sender drops at the end of the iteration, after both items, as in the plain function.
twin! {
    fn variant_field_moved_out(msgs: Vec<Msg>) -> String {
        for m in msgs {
            match m {
                Msg::Put { key, .. } => {
                    yield_!(key);
                    yield_!("stored".to_string());
                }
                Msg::Stop => break,
            }
        }
    }
}

#[test]
fn fields_a_variant_pattern_leaves_drop_with_the_matched_value() {
    assert_eq!(
        check!(variant_field_moved_out(msgs())),
        ["k1", "stored", "k2", "stored"]
    );
    same_drops!(variant_field_moved_out(msgs()));
    let Msg::Put { reply, .. } = msgs().remove(0) else {
        unreachable!()
    };
    assert_eq!(reply.name(), "reply1");
}

// The same binding used only by value (`keys.push(key)`): nothing shows whether `key` is a
// copy or owns data, so the pattern is taken for a move and the body lowered `boxed`, where
// `reply` drops with its message, at the end of the iteration (a guess of a copy would be
// the compiler's error on a `String`).
twin! {
    fn variant_field_pushed(msgs: Vec<Msg>) -> usize {
        let mut keys = Vec::new();
        for m in msgs {
            match m {
                Msg::Put { key, .. } => keys.push(key),
                Msg::Stop => break,
            }
            yield_!(keys.len());
        }
        yield_!(keys.concat().len());
    }
}

#[test]
fn a_variant_field_used_only_by_value_is_a_move() {
    assert_eq!(check!(variant_field_pushed(msgs())), [1, 2, 4]);
    same_drops!(variant_field_pushed(msgs()));
}

#[derive(Debug)]
pub struct Task {
    id: u32,
    name: String,
    guard: Noisy,
}

pub fn tasks() -> Vec<Task> {
    (1..=2)
        .map(|id| Task {
            id,
            name: format!("job{id}"),
            guard: n(&format!("guard{id}")),
        })
        .collect()
}

// A field passed by value to a method (`names.push(job.name)`) with the value still in
// scope at the next yield: a move, as in the plain function (the body lowers `boxed`), so
// `guard` drops with the rest of `job` at the end of the iteration. Taken for a copy it
// was the compiler's error on a `String` field.
twin! {
    fn field_pushed_then_another_yielded(jobs: Vec<Task>) -> u32 {
        let mut names = Vec::new();
        for job in jobs {
            names.push(job.name);
            yield_!(job.id);
            yield_!(names.len() as u32);
        }
        yield_!(names.concat().len() as u32);
    }
}

#[test]
fn a_field_used_by_value_while_its_value_is_kept_is_a_move() {
    assert_eq!(
        check!(field_pushed_then_another_yielded(tasks())),
        [1, 1, 2, 2, 8]
    );
    same_drops!(field_pushed_then_another_yielded(tasks()));
    let first = tasks().remove(0);
    assert_eq!(first.guard.name(), "guard1");
}

#[derive(Debug)]
pub struct Columns {
    lines: Vec<String>,
    sep: char,
}

// A field moved out of a value kept across a yield would make the macro lower the body
// `boxed` (exact drops), but this signature's `boxed` form would ask `T` to outlive `'a`
// (README limit 8): it stays flat and compiles as the plain function does.
#[generator]
fn parsed_lines<'a, T: FromStr>(
    c: Columns,
    tail: &'a str,
) -> impl Iterator<Item = Result<T, T::Err>> + 'a {
    for line in c.lines {
        yield_!(line.parse::<T>());
    }
    yield_!(tail.trim_end_matches(c.sep).parse::<T>());
}

#[test]
fn a_partial_move_in_a_generic_generator_with_a_lifetime_bound() {
    let c = Columns {
        lines: vec!["1".into(), "x".into()],
        sep: ';',
    };
    let out: Vec<Result<u32, _>> = parsed_lines(c, "3;").collect();
    assert_eq!(out.len(), 3);
    assert_eq!(out[0], Ok(1));
    assert!(out[1].is_err());
    assert_eq!(out[2], Ok(3));
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

#[derive(Debug)]
pub struct Meta {
    name: String,
    guard: Noisy,
}

#[derive(Debug)]
pub struct Labelled {
    meta: Meta,
    pair: (Noisy, Noisy),
    guard: Noisy,
}

// A move below a field of a value built by a literal (`t.meta.name`, `let (first, _) =
// t.pair;`): the literal spells out the outer value, not the parts left in its parts, so the
// body lowers `boxed` and `meta.guard` and `pair.1` drop with the rest, at the end of the
// scope.
twin! {
    // As ported: the name is pushed where the plain code pushes it.
    #[allow(clippy::vec_init_then_push)]
    fn moved_below_a_field_of_a_literal(k: u32) -> u32 {
        let t = Labelled {
            meta: Meta {
                name: format!("name{k}"),
                guard: n("meta.guard"),
            },
            pair: (n("p0"), n("p1")),
            guard: n("t.guard"),
        };
        let mut names = Vec::new();
        names.push(t.meta.name);
        yield_!(names.len() as u32);
        let (first, _) = t.pair;
        yield_!(k);
        drop(first);
        yield_!(k + 1);
    }
}

// Elements an array pattern leaves (`_`, `..`) stay in the array until its scope ends.
twin! {
    fn array_elements_left_by_a_pattern(k: u32) -> u32 {
        let arr = [n("a0"), n("a1"), n("a2")];
        let [first, _, _] = arr;
        yield_!(k);
        drop(first);
        yield_!(k + 1);
        let more = [n("b0"), n("b1")];
        match more {
            [b, ..] => {
                yield_!(b.name().len() as u32);
            }
        }
        yield_!(k + 2);
    }
}

#[test]
fn parts_left_below_a_field_or_in_an_array_drop_with_their_value() {
    let t = Labelled {
        meta: Meta {
            name: String::new(),
            guard: n("m"),
        },
        pair: (n("a"), n("b")),
        guard: n("g"),
    };
    assert_eq!((t.meta.guard.name(), t.guard.name()), ("m", "g"));
    drop(t);
    assert_eq!(check!(moved_below_a_field_of_a_literal(5)), [1, 5, 6]);
    same_drops!(moved_below_a_field_of_a_literal(5));
    assert_eq!(check!(array_elements_left_by_a_pattern(3)), [3, 4, 2, 5]);
    same_drops!(array_elements_left_by_a_pattern(3));
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
