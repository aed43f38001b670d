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
