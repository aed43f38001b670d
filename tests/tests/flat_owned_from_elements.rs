//! What is taken out of a local's borrowing iterator or made of its elements owns its data and
//! keeps its drop timing across yields: items taken by `by_ref`, a closure, `copied` or through
//! a `&mut` element, collected characters, what `Option::map`/`and_then` make of an element,
//! folds, and the index of an enumerated item. Compared with the plain function.

// `w.bytes().nth(1)` and a `fold` into a sum are shapes ported code writes.
#![allow(clippy::bytes_nth, clippy::unnecessary_fold)]

use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

// What comes out of a borrowed iterator (`it.by_ref().take(n).collect()`) borrows what the
// iterator borrows, not the iterator: collected from an owning iterator, it is owned.
twin! {
    fn head_then_rest(xs: Vec<String>, head: usize) -> String {
        let mut it = xs.into_iter();
        let first: Vec<_> = it.by_ref().take(head).collect();
        for x in first {
            yield_!(x);
        }
        let next = it.by_ref().find(|_| true);
        yield_!(next.unwrap_or_default());
        for x in it {
            yield_!(x);
        }
    }
}

#[test]
fn items_taken_through_a_borrowed_iterator_are_its_items() {
    let words = || ["a", "b", "c", "d"].map(String::from).to_vec();
    assert_eq!(check!(head_then_rest(words(), 2)), ["a", "b", "c", "d"]);
}

#[derive(Debug)]
pub struct Person {
    id: u32,
    name: String,
}

// What a closure (`map`) or a copy (`copied`) takes out of a borrowing iterator may own its
// data: collected from a local, then yielded across yields, it does not borrow the local.
twin! {
    fn collected_through_map_and_copied(n: u32) -> String {
        let people: Vec<Person> = (0..n).map(|id| Person { id, name: format!("p{id}") }).collect();
        let ids: Vec<_> = people.iter().map(|p| p.id).collect();
        for id in ids {
            yield_!(id.to_string());
        }
        let names: Vec<String> = people.iter().filter(|p| p.id > 0).map(|p| p.name.clone()).collect();
        for name in names {
            yield_!(name);
        }
        let by_name: std::collections::BTreeMap<&str, u32> =
            people.iter().map(|p| (p.name.as_str(), p.id)).collect();
        let firsts: Vec<u32> = by_name.values().copied().collect();
        drop(by_name);
        for id in firsts {
            yield_!(format!("#{id}"));
        }
        drop(people);
    }
}

#[test]
fn values_taken_out_of_a_borrowing_iterator_through_a_closure() {
    assert_eq!(
        check!(collected_through_map_and_copied(3)),
        ["0", "1", "2", "p1", "p2", "#0", "#1", "#2"]
    );
}

// `it.next()` through a `&mut` to an element of `iters` returns the element's item, which
// never borrows `iters`: `heads` and `out` hold owned items across the yields.
twin! {
    fn firsts_of_each_list(count: u32) -> String {
        let lists: Vec<Vec<String>> = (0..count)
            .map(|i| vec![format!("a{i}"), format!("b{i}")])
            .collect();
        let mut iters: Vec<std::vec::IntoIter<String>> =
            lists.into_iter().map(|v| v.into_iter()).collect();
        let mut heads: Vec<Option<String>> = Vec::new();
        for it in iters.iter_mut() {
            heads.push(it.next());
        }
        let mut out = Vec::new();
        for it in iters.iter_mut() {
            out.push(it.next().unwrap_or_default());
        }
        let _held = n("held");
        for h in heads.into_iter().flatten() {
            yield_!(h);
        }
        for s in out {
            yield_!(s);
        }
    }
}

#[test]
fn items_taken_through_a_mutable_element_of_a_local_are_owned() {
    assert_eq!(check!(firsts_of_each_list(2)), ["a0", "a1", "b0", "b1"]);
    same_drops!(firsts_of_each_list(2));
}

// A loop over what a chain of a text's characters collects: owned `char`s, no borrow of the
// text kept across the yields.
twin! {
    fn chained_characters_collected(input: String) -> char {
        for c in input.chars().chain(std::iter::once(' ')).collect::<Vec<_>>() {
            yield_!(c);
        }
        let _guard = n("after");
        for (i, c) in input.char_indices().rev().chain(std::iter::once((9, '!'))).collect::<Vec<_>>() {
            if i % 2 == 0 {
                yield_!(c);
            }
        }
    }
}

#[test]
fn characters_of_a_chain_are_owned() {
    check!(chained_characters_collected("abc".to_string()));
    same_drops!(chained_characters_collected("abc".to_string()));
}

// Values made of an element by `Option::map` / `and_then` through a function path or a
// closure that builds data of its own (`str::to_uppercase`, `String::len`, `|w| w.repeat(2)`,
// `|p| (p.0, p.1.len())`, `|w| w.parse().ok()`), kept across a yield beside the local they
// were made from (which stays in scope with its guard).
twin! {
    fn owned_of_an_element(s: String) -> String {
        let _guard = n("text");
        let list = vec![s.clone(), String::from("xy")];
        let pairs = vec![(1u32, String::from("one")), (2, String::from("two"))];
        let first_upper = s.lines().next().map(str::to_uppercase);
        let first_len = s.split(',').next().map(str::len);
        let head_len = list.first().map(String::len);
        let doubled = s.split(',').next().map(|w| w.repeat(2));
        let replaced = s.split(',').next().map(|w| w.replace('a', "b"));
        let reversed = s.split(',').next().map(|w| w.chars().rev().collect::<String>());
        let pair = pairs.first().map(|p| (p.0, p.1.len()));
        let id = pairs.iter().find(|p| p.0 == 2).map(|p| p.0);
        let num = s.split(',').nth(1).and_then(|w| w.parse::<u32>().ok());
        let shout = s.lines().next().map(str::to_uppercase).unwrap_or_default();
        yield_!(format!("{} {}", list.len(), pairs.len()));
        yield_!(format!("{first_upper:?} {first_len:?} {head_len:?} {doubled:?} {replaced:?}"));
        yield_!(format!("{reversed:?} {pair:?} {id:?} {num:?} {shout}"));
    }
}

#[test]
fn values_an_option_map_makes_of_an_element_are_owned() {
    assert_eq!(
        check!(owned_of_an_element("ab,12".into())),
        [
            "2 2",
            "Some(\"AB,12\") Some(2) Some(5) Some(\"abab\") Some(\"bb\")",
            "Some(\"ba\") Some((1, 3)) Some(2) Some(12) AB,12",
        ]
    );
    same_drops!(owned_of_an_element("ab,12".into()));
}

// More values made of an element: an item of plain data (`s.chars().next()`,
// `s.bytes().nth(1)`), a value taken out through `first_mut()`, a copy (`.copied()`), a map
// nested in the closure, a pair of owned parts of a `split_once`.
twin! {
    fn owned_of_an_element_chain(s: String) -> String {
        let words = vec![s.clone(), String::from("zz")];
        let mut slots = vec![Some(n("slot")), None];
        let table = std::collections::HashMap::from([("a", vec![7u32])]);
        let c = words.first().and_then(|w| w.chars().next());
        let b = words.first().and_then(|w| w.bytes().nth(1));
        let taken = slots.first_mut().and_then(|slot| slot.take());
        let f = table.get("a").and_then(|v| v.first().copied());
        let w = words.first().and_then(|w| w.split(',').next().map(|p| p.to_string()));
        let kv = s.split_once('=').map(|(k, v)| (k.to_string(), v.len()));
        yield_!(format!("{} {}", words.len(), slots.len()));
        yield_!(format!("{c:?} {b:?} {f:?} {w:?} {kv:?}"));
        yield_!(format!("{:?}", taken.map(|t| t.name().to_owned())));
    }
}

#[test]
fn values_an_option_chain_makes_of_an_element_are_owned() {
    assert_eq!(
        check!(owned_of_an_element_chain("k=vv,x".into())),
        [
            "2 2",
            "Some('k') Some(61) Some(7) Some(\"k=vv\") Some((\"k\", 4))",
            "Some(\"slot\")"
        ]
    );
    let log = same_drops!(owned_of_an_element_chain("k=vv,x".into()));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(at("drop slot") > at("yield \"2 2\""), "{log:?}");
}

// A fold of a borrowing iterator into a number or an owned value, and `Option` combinators
// that keep an element (`or_else`, `zip`, `and_then(..).copied()`), kept across a yield
// beside the local they read.
twin! {
    fn folds_and_combinators(s: String) -> String {
        let v = vec![s.clone(), String::from("xyz")];
        let n = vec![1u32, 0];
        let total = n.iter().fold(0, |a, &x| a + x);
        let joined = v.iter().fold(String::new(), |mut acc, w| {
            acc.push_str(w);
            acc
        });
        let bare = s.strip_prefix('k').map(str::len);
        let c = n.first().and_then(|&i| n.get(i as usize)).copied();
        let d = v.first().or_else(|| v.last()).map(|w| w.len());
        let e = v.first().zip(n.first()).map(|(w, k)| w.len() + *k as usize);
        yield_!(format!("{} {}", v.len(), n.len()));
        yield_!(format!("{total} {joined} {bare:?} {c:?} {d:?} {e:?}"));
    }
}

#[test]
fn folds_and_element_combinators_make_values_of_their_own() {
    assert_eq!(
        check!(folds_and_combinators("k=v".into())),
        ["2 2", "1 k=vxyz Some(2) Some(0) Some(3) Some(4)"]
    );
}

// The index of one item of an `enumerate()` chain (`max_by_key(..).map(|(i, _)| i)`) is a
// number of its own, kept across a yield beside the collection.
twin! {
    fn index_of_an_enumerated_item(words: Vec<String>) -> String {
        let v = words.clone();
        let longest = v.iter().enumerate().max_by_key(|(_, w)| w.len()).map(|(i, _)| i);
        let first_b = v.iter().enumerate().find(|(_, w)| w.starts_with('b')).map(|(i, _w)| i + 1);
        let last = v.iter().enumerate().rev().nth(1).map(|(i, _)| i * 10);
        yield_!(v.len().to_string());
        yield_!(format!("{longest:?} {first_b:?} {last:?} {}", v[0]));
    }
}

#[test]
fn the_index_of_an_enumerated_item_is_a_number_of_its_own() {
    assert_eq!(
        check!(index_of_an_enumerated_item(vec![
            "a".into(),
            "bcd".into(),
            "ef".into()
        ])),
        ["3", "Some(1) Some(2) Some(10) a"]
    );
}
