//! Fields of a partly moved value a `#[generator]` cannot see the type of drop where the plain
//! function drops them: fields the body never names, the order of those it names, parts left
//! below a field or in an array, a node moved out of its box, a struct update, a generic body
//! that stays flat. Each runs against its plain twin (items, and drops after each item).

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
