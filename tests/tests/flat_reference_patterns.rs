//! Bindings a pattern takes out of a value of references into a local (`Some(v)` of
//! `map.get_mut(&k)`, `Some((a, b))` of `s.split_once(',')`) borrow that local: kept across a
//! yield they are the macro's error (`tests/ui/borrow/map_get_mut_binding_across_a_yield.rs`);
//! dead at the yield, copied out by a `&` pattern, or copied by an adapter, they are fine and
//! behave as the plain function.

use std::collections::HashMap;

use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

twin! {
    fn get_mut_binding_dead_at_the_yield(keys: Vec<u8>) -> usize {
        let mut map: HashMap<u8, Vec<u8>> = HashMap::new();
        let _g = n("map guard");
        for key in keys {
            if let Some(v) = map.get_mut(&key) {
                v.push(key);
                let len = v.len();
                yield_!(len);
            } else {
                map.insert(key, vec![key]);
                yield_!(0);
            }
        }
    }
}

#[test]
fn a_reference_out_of_get_mut_used_before_the_yield() {
    assert_eq!(
        check!(get_mut_binding_dead_at_the_yield(vec![1, 2, 1, 1])),
        [0, 0, 2, 3]
    );
    same_drops!(get_mut_binding_dead_at_the_yield(vec![1, 2, 1, 1]));
}

twin! {
    // Each construct a reference pattern copies out through (`match` included).
    #[allow(clippy::single_match)]
    fn copied_out_by_a_reference_pattern(v: Vec<u32>) -> u32 {
        let mut rest = v.clone();
        while let Some(&first) = rest.first() {
            yield_!(first);
            rest.remove(0);
            if let Some((&a, _)) = rest.split_first() {
                yield_!(a * 10);
            }
        }
        match v.get(1) {
            Some(&second) => {
                yield_!(second);
                yield_!(second + 1);
            }
            None => {}
        }
    }
}

#[test]
fn bindings_copied_out_of_references_live_across_yields() {
    assert_eq!(
        check!(copied_out_by_a_reference_pattern(vec![1, 2, 3])),
        [1, 20, 2, 30, 3, 2, 3]
    );
}

twin! {
    fn split_once_parts_used_in_the_yield(lines: Vec<&'static str>) -> String {
        let owned: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        for line in owned {
            if let Some((key, value)) = line.split_once('=') {
                yield_!(format!("{key}:{value}"));
            }
            let _after = n("after");
            yield_!(line.len().to_string());
        }
    }
}

#[test]
fn parts_of_split_once_read_only_in_the_yield() {
    assert_eq!(
        check!(split_once_parts_used_in_the_yield(vec!["a=1", "b", "c=3"])),
        ["a:1", "3", "1", "c:3", "3"]
    );
    same_drops!(split_once_parts_used_in_the_yield(vec!["a=1", "b", "c=3"]));
}

twin! {
    fn copied_adapter_on_get(map: HashMap<&'static str, u32>, keys: Vec<&'static str>) -> u32 {
        for k in keys {
            if let Some(v) = map.get(k).copied() {
                yield_!(v);
                yield_!(v * 2);
            }
        }
    }
}

#[test]
fn a_value_copied_out_of_get_lives_across_yields() {
    let map = || HashMap::from([("a", 1), ("b", 2)]);
    assert_eq!(
        check!(copied_adapter_on_get(map(), vec!["a", "x", "b"])),
        [1, 2, 2, 4]
    );
}

struct Node {
    value: u32,
    next: Option<Box<Node>>,
}

/// The rewrite the error of `tests/ui/borrow/item_reborrows_through_a_kept_reference.rs`
/// names: the field the code after the yield needs is borrowed before the yield.
#[gen_core::generator]
fn values_mut(head: &mut Option<Box<Node>>) -> impl Iterator<Item = &mut u32> {
    let mut cur = head.as_deref_mut();
    while let Some(node) = cur {
        let rest = &mut node.next;
        yield_!(&mut node.value);
        cur = rest.as_deref_mut();
    }
}

#[test]
fn linked_list_items_borrowed_mutably_one_field_at_a_time() {
    let mut head = None;
    for v in (1..=4).rev() {
        head = Some(Box::new(Node {
            value: v,
            next: head,
        }));
    }
    for v in values_mut(&mut head) {
        *v *= 10;
    }
    let mut seen = Vec::new();
    let mut cur = head.as_deref();
    while let Some(node) = cur {
        seen.push(node.value);
        cur = node.next.as_deref();
    }
    assert_eq!(seen, [10, 20, 30, 40]);
    assert_eq!(values_mut(&mut head).take(2).count(), 2);
}

twin! {
    fn parts_of_static_text_items(events: Vec<&'static str>) -> String {
        for e in events {
            if let Some(rest) = e.strip_prefix("start ") {
                yield_!(String::from("boundary"));
                yield_!(rest.to_string());
            }
            let trimmed = e.trim();
            yield_!(String::from("line"));
            yield_!(trimmed.to_string());
        }
    }
}

#[test]
fn borrows_through_reference_items_of_a_parameter_live_across_yields() {
    assert_eq!(
        check!(parts_of_static_text_items(vec!["start a", " b "])),
        ["boundary", "a", "line", "start a", "line", "b"]
    );
}

/// The fix the error of `item_reborrows_through_a_reference_kept_for_its_drop.rs` names: the
/// cursor's item declared as a reference is not kept once unused.
#[gen_core::generator]
fn values_from<'a>(head: &'a mut Node) -> impl Iterator<Item = &'a mut u32> {
    let mut cur = Some(head);
    while let Some(node) = cur {
        let node: &mut _ = node;
        cur = node.next.as_deref_mut();
        yield_!(&mut node.value);
    }
}

#[test]
fn a_cursor_declared_as_a_reference_yields_its_fields_mutably() {
    let mut head = Node {
        value: 1,
        next: Some(Box::new(Node {
            value: 2,
            next: None,
        })),
    };
    for v in values_from(&mut head) {
        *v += 100;
    }
    assert_eq!(head.value, 101);
    assert_eq!(head.next.as_ref().map(|n| n.value), Some(102));
}

// A command parser matching a slice of a local's words: the bindings are references into
// `words`, used before each yield and again in a later arm.
twin! {
    fn slice_pattern_commands(text: &'static str) -> String {
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                ["set", key, value] => yield_!(format!("{key}={value}")),
                ["get", keys @ ..] if !keys.is_empty() => {
                    let joined = keys.join(",");
                    yield_!(format!("get {joined}"));
                    yield_!(format!("{} keys", words.len() - 1));
                }
                [first, ..] => yield_!(format!("unknown {first}")),
                [] => continue,
            }
        }
    }
}

#[test]
fn slice_patterns_over_a_local_used_before_each_yield() {
    let out = check!(slice_pattern_commands("set a 1\nget a b\n\nnop x\nget"));
    assert_eq!(
        out,
        ["a=1", "get a,b", "2 keys", "unknown nop", "unknown get"]
    );
}
