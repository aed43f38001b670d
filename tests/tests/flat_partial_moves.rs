//! Partial moves across yields: a field moved out of a struct, a tuple or a `Box`, and the
//! fields still needed kept (or the whole value assigned again), against the plain function.
//! Every twin is also checked for drop order and timing with the drop-recording `Noisy`.

use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

#[derive(Debug)]
pub struct Page {
    rows: Vec<Noisy>,
    next: Option<u32>,
    tag: Noisy,
}

/// Pages `0..count`, each with `per` rows.
pub fn page(at: u32, count: u32, per: u32) -> Page {
    Page {
        rows: (0..per).map(|r| n(&format!("row{at}.{r}"))).collect(),
        next: (at + 1 < count).then_some(at + 1),
        tag: n(&format!("tag{at}")),
    }
}

// A paginated client: the rows move into the loop, `next` is read after it, and the whole
// page is assigned again (which drops what is left of the old one: its `tag`).
twin! {
    fn paginated(count: u32, per: u32) -> String {
        let mut current = page(0, count, per);
        loop {
            for row in current.rows {
                yield_!(row.name().to_string());
            }
            let Some(at) = current.next else { break };
            yield_!(format!("next {at}"));
            current = page(at, count, per);
        }
        yield_!(format!("last tag {}", current.tag.name()));
    }
}

#[test]
fn moving_rows_out_of_a_page_then_reading_its_next_field() {
    let out = check!(paginated(3, 2));
    assert_eq!(out.len(), 3 * 2 + 2 + 1);
    same_drops!(paginated(3, 2));
    same_drops!(paginated(1, 0));
}

#[derive(Debug)]
pub struct Builder {
    name: String,
    items: Vec<u32>,
    guard: Noisy,
}

impl Builder {
    pub fn new(name: &str, items: Vec<u32>) -> Self {
        Builder {
            name: name.to_string(),
            items,
            guard: n("builder guard"),
        }
    }
}

// `let name = self.name;` in a method that takes `self`: the other fields stay where they
// are until the body ends (the guard drops after the last item, as in the plain function).
twin! {
    fn consuming(b: Builder) -> String {
        let name = b.name;
        for item in b.items {
            yield_!(format!("{name}:{item}"));
        }
        yield_!(format!("guard {}", b.guard.name()));
    }
}

#[test]
fn a_moved_field_and_the_fields_still_needed() {
    check!(consuming(Builder::new("b", vec![1, 2, 3])));
    same_drops!(consuming(Builder::new("b", vec![1, 2, 3])));
}

#[derive(Debug)]
pub struct Node {
    value: Noisy,
    next: Option<Box<Node>>,
}

pub fn list(len: u32) -> Option<Box<Node>> {
    let mut head = None;
    for i in (0..len).rev() {
        head = Some(Box::new(Node {
            value: n(&format!("node{i}")),
            next: head,
        }));
    }
    head
}

// Walking a linked list by value: `*boxed` moves the node out of its box, then its fields
// move on separately.
twin! {
    fn walk(head: Option<Box<Node>>) -> String {
        let mut cur = head;
        while let Some(boxed) = cur {
            let node = *boxed;
            yield_!(node.value.name().to_string());
            cur = node.next;
        }
    }
}

#[test]
fn moving_out_of_a_box() {
    assert_eq!(check!(walk(list(3))), ["node0", "node1", "node2"]);
    same_drops!(walk(list(3)));
}

// A tuple's field moved out; the other field is read after a yield.
twin! {
    fn tuple_fields(pair: (Noisy, Noisy)) -> String {
        let kept = pair;
        let first = kept.0;
        yield_!(first.name().to_string());
        drop(first);
        yield_!(kept.1.name().to_string());
    }
}

#[test]
fn moving_one_field_of_a_tuple() {
    check!(tuple_fields((n("a"), n("b"))));
    same_drops!(tuple_fields((n("a"), n("b"))));
}

// A struct field moved out in one branch only: the rest of the struct drops at the end of
// its scope either way, the moved field where the branch drops it.
twin! {
    fn field_moved_on_one_path(take: bool) -> String {
        let p = page(0, 1, 1);
        if take {
            let tag = p.tag;
            yield_!(format!("took {}", tag.name()));
        }
        yield_!(format!("rows {}", p.rows.len()));
    }
}

#[test]
fn a_field_moved_on_one_path_only() {
    check!(field_moved_on_one_path(true));
    check!(field_moved_on_one_path(false));
    same_drops!(field_moved_on_one_path(true));
    same_drops!(field_moved_on_one_path(false));
}

// A pattern without `..` spells out the whole value: the parts it does not move (`_`, `ref`)
// stay in the value and drop where the plain function drops it.
twin! {
    fn destructured_in_full(pair: (Noisy, Noisy), trio: (Noisy, Noisy, Noisy)) -> String {
        let (first, _) = pair;
        yield_!(first.name().to_string());
        drop(first);
        yield_!("first dropped".to_string());
        let (ref a, b, _) = trio;
        yield_!(format!("{} {}", a.name(), b.name()));
        drop(b);
        yield_!("b dropped".to_string());
    }
}

#[test]
fn parts_a_full_pattern_leaves_in_place() {
    let out = check!(destructured_in_full(
        (n("p0"), n("p1")),
        (n("t0"), n("t1"), n("t2"))
    ));
    assert_eq!(out.len(), 4);
    same_drops!(destructured_in_full(
        (n("p0"), n("p1")),
        (n("t0"), n("t1"), n("t2"))
    ));
}

#[derive(Debug)]
pub struct Conn {
    name: String,
    guard: Noisy,
}

twin! {
    fn struct_in_full(conn: Conn) -> String {
        let Conn { name, guard: _ } = conn;
        yield_!(name);
        yield_!("end".to_string());
    }
}

#[test]
fn a_struct_pattern_naming_every_field() {
    let conn = || Conn {
        name: "db".into(),
        guard: n("guard"),
    };
    assert_eq!(check!(struct_in_full(conn())), ["db", "end"]);
    same_drops!(struct_in_full(conn()));
    assert_eq!(conn().guard.name(), "guard");
}

// A struct or tuple literal shows every field: after a partial move the fields the body never
// names again still drop where the plain function drops them.
twin! {
    fn literal_shapes(count: u32) -> String {
        let page = Page {
            rows: vec![n("r0"), n("r1")],
            next: Some(count),
            tag: n("tag"),
        };
        let rows = page.rows;
        yield_!(format!("{} rows", rows.len()));
        let trio = (n("t0"), vec![1, 2], n("t2"));
        let list = trio.1;
        yield_!(format!("{} items", list.len()));
        yield_!("end".to_string());
    }
}

#[test]
fn unnamed_fields_of_a_literal_keep_their_drop_timing() {
    assert_eq!(check!(literal_shapes(3)).len(), 3);
    same_drops!(literal_shapes(3));
}

// A partly kept value assigned again as a whole is the new value from then on.
twin! {
    fn reassigned_after_partial_keep(start: u32) -> String {
        let mut page = self::page(0, 2, start);
        let next = page.next;
        yield_!(format!("{next:?} {}", page.tag.name()));
        page = self::page(1, 2, page.rows.len() as u32 + 1);
        yield_!(format!("{} rows, next {:?}", page.rows.len(), page.next));
    }
}

#[test]
fn a_whole_assignment_after_keeping_parts() {
    assert_eq!(check!(reassigned_after_partial_keep(2)).len(), 2);
    same_drops!(reassigned_after_partial_keep(2));
}

// A field the body names anywhere is tracked: after a partial move it drops where the plain
// function drops it (README, "Limits", 4).
twin! {
    fn named_guard(count: u32) -> String {
        let page = self::page(0, 1, count);
        let _tag = &page.tag;
        let rows = page.rows;
        yield_!(format!("{} rows", rows.len()));
        yield_!("end".to_string());
    }
}

#[test]
fn a_field_named_once_keeps_its_drop_timing() {
    assert_eq!(check!(named_guard(2)).len(), 2);
    same_drops!(named_guard(2));
}

struct Parts {
    guard: Noisy,
    items: Vec<u64>,
    count: u64,
}

fn parts(name: &str, items: Vec<u64>, count: u64) -> Box<Parts> {
    Box::new(Parts {
        guard: n(name),
        items,
        count,
    })
}

twin! {
    /// A boxed value partly moved, then given a whole new value in a loop without yields
    /// whose body reads a field that was never moved (the old value's on the first round,
    /// the new one's after).
    fn partly_moved_then_reassigned_in_a_loop(rounds: u64) -> u64 {
        let mut p = parts("first", vec![1, 2], 7);
        drop(p.guard);
        yield_!(p.count);
        let items = p.items;
        yield_!(items.len() as u64);
        let mut round = 0;
        loop {
            if round >= rounds {
                break;
            }
            round += 1;
            let before = p.count;
            p = parts(&format!("round{round}"), vec![round], before + round);
        }
        yield_!(p.count);
    }
}

#[test]
fn a_partly_moved_value_reassigned_in_a_loop_that_reads_it() {
    for rounds in 0..3 {
        check!(partly_moved_then_reassigned_in_a_loop(rounds));
        same_drops!(partly_moved_then_reassigned_in_a_loop(rounds));
    }
    assert_eq!(
        check!(partly_moved_then_reassigned_in_a_loop(2)),
        [7, 2, 10]
    );
}
