//! Valid bodies around locals that are assigned after their `let` or that borrow an element
//! of a local, each dead at the yield that follows (so a flat state need not hold them):
//! - `let mut last: u64 = 0;` assigned after a yield from a call typed by the context
//!   (`line.parse()`, `sum()`): the arm that assigns it repeats the written type;
//! - `let a;` assigned a borrow (`a = s.as_str();`, `(a, b) = s.split_at(1);`): it holds
//!   what is assigned, a dead borrow is not kept;
//! - views into an element (`let (a, _) = v[0].split_at(1);`, `lines[i].split_once('=')`);
//! - `vec![name.as_str(), ..]` in a `for _ in ..` loop body;
//! - a `ref` binding that extends its initializer's temporary (`let (ref a, _) =
//!   (Noisy::new(..), 1);`) keeps it to the end of the block;
//! - a container filled by `extend` with views into a local; a field of a call's value
//!   (`m.last_key_value().unwrap().0`); `v.last()` through a `&mut` argument; a scrutinee a
//!   closure borrowing a local makes (`line.find('=').map(|i| &line[..i])`); a method of
//!   your own on a scrutinee's temporary (`Noisy::new("t").name()`);
//! - a reference local reassigned (`w = "static";` before the yield, `w = p;` in a loop):
//!   lowered `boxed`, where it holds either.
//!
//! Against the plain function: items, and drops at every early stop.

// Late initialization, indexing, rebinding an argument `mut`, a `vec!` of borrows, a `match`
// on a temporary's view, a type spelled by a cast, a closure called in place and a push
// right after a `Vec::new()` are what these bodies test.
#![allow(
    clippy::needless_late_init,
    clippy::needless_range_loop,
    clippy::redundant_locals,
    clippy::useless_vec,
    clippy::single_match,
    clippy::unnecessary_cast,
    clippy::redundant_closure_call,
    clippy::vec_init_then_push
)]

use gen_tests::{Noisy, check, same_drops, twin};

twin! {
    fn parsed_after_a_yield(lines: Vec<String>) -> u64 {
        let mut last: u64 = 0;
        yield_!(last);
        for line in lines {
            last = line.parse().unwrap_or(7);
            yield_!(last * 2);
        }
        let mut total: u32 = 1;
        yield_!(u64::from(total));
        total = [1u32, 2].iter().sum();
        yield_!(u64::from(total) + last);
    }
}

twin! {
    fn assigned_a_borrow_later(word: String) -> usize {
        let mut s = word;
        let a;
        a = s.as_str();
        let n = a.len();
        yield_!(n);
        s.push('x');
        let b;
        let c;
        (b, c) = s.split_at(1);
        let m = b.len() + c.len();
        yield_!(m);
        s.push('y');
        yield_!(s.len());
    }
}

twin! {
    fn views_into_an_element(lines: Vec<String>) -> String {
        let mut v = vec![vec![1u32, 2, 3]];
        let (a, _) = v[0].split_at(1);
        let first = a[0];
        yield_!(first.to_string());
        v.push(vec![]);
        let mut lines = lines;
        for i in 0..lines.len() {
            if let Some((k, val)) = lines[i].split_once('=') {
                let shown = format!("{k}->{val}");
                yield_!(shown);
            }
            lines[i].push('!');
        }
        yield_!(format!("{}:{}", v.len(), lines.join(",")));
    }
}

twin! {
    fn borrows_collected_in_a_loop(name: String) -> String {
        let mut name = name;
        for _ in 0..2 {
            let args = vec![name.as_str(), "run"];
            let cmd = args.join(" ");
            yield_!(cmd);
            name.push('x');
        }
    }
}

twin! {
    fn ref_patterns_extend_their_temporary(count: u32) -> u32 {
        let (ref a, _) = (Noisy::new("pair"), 1);
        let n = a.name().len() as u32;
        yield_!(n);
        gen_tests::log("after first");
        for i in 0..count {
            let (ref g, k) = (Noisy::new(format!("g{i}")), i);
            yield_!(k + g.name().len() as u32);
            gen_tests::log("end of iteration");
        }
    }
}

twin! {
    fn dead_views_of_other_kinds(line: String, v: Vec<String>) -> usize {
        let mut line = line;
        let mut words = Vec::new();
        words.extend(line.split_whitespace());
        let n = words.len();
        yield_!(n);
        line.push('!');
        let mut m = std::collections::BTreeMap::new();
        m.insert(line.clone(), 1u32);
        let key = m.last_key_value().unwrap().0;
        let k = key.len();
        yield_!(k);
        m.insert(String::new(), 2);
        if let Some(head) = line.find(' ').map(|i| &line[..i]) {
            let h = head.len();
            yield_!(h);
            line.clear();
        }
        match Noisy::new("t").name() {
            "t" => yield_!(100),
            _ => {}
        }
        let mut v = v;
        let last = v.last().map_or(0, String::len);
        yield_!(last);
        v.push(line);
        yield_!(v.len());
    }
}

twin! {
    fn reassigned_references(text: String) -> usize {
        let mut s = text;
        let mut w = s.as_str();
        let n = w.len();
        w = "static";
        yield_!(n + w.len());
        s.push('x');
        yield_!(w.len());
        let mut last: &str = "";
        for p in s.split(',') {
            last = p;
        }
        yield_!(last.len());
        last = "";
        s.push('y');
        yield_!(last.len() + s.len());
    }
}

twin! {
    fn suffixed_numbers_assigned_after_a_yield(lines: Vec<String>) -> u64 {
        let mut last = 0u64;
        for line in lines {
            last = line.parse().unwrap_or(1);
            yield_!(last * 2);
        }
        let mut x = 0 as u32;
        yield_!(u64::from(x));
        x = [1u32, 2].iter().sum();
        yield_!(u64::from(x) + last);
    }
}

twin! {
    fn mutable_halves_and_closure_values(words: Vec<String>) -> usize {
        let mut v = words;
        let (left, right) = v.split_at_mut(1);
        left[0].push_str(&right[0]);
        let n = left[0].len();
        yield_!(n);
        v.push(String::from("c"));
        let mut m = std::collections::HashMap::new();
        m.insert(String::from("k"), String::from("mv"));
        if let Some(found) = Some("k").and_then(|k| m.get(k)) {
            let f = found.len();
            yield_!(f);
            m.clear();
        }
        let mut s = String::from("xy");
        match (|| Some(&s[..1]))() {
            Some(head) => {
                let h = head.len();
                yield_!(h);
                s.push('z');
            }
            None => {}
        }
        yield_!(v.len() + s.len());
    }
}

/// Borrows through `&mut self` pushed into a local, dead at the yield.
#[derive(Debug)]
pub struct Words {
    text: String,
}

impl Words {
    #[gen_core::generator]
    fn pieces(&mut self) -> impl Iterator<Item = usize> + '_ {
        let mut acc = Vec::new();
        acc.push(&self.text);
        let n = acc.len();
        yield_!(n);
        self.text.push('x');
        let mut words: Vec<&str> = Vec::new();
        for w in self.text.split(' ') {
            words.push(w);
        }
        let k = words.len();
        yield_!(k);
        self.text.push('y');
        yield_!(self.text.len());
    }
}

twin! {
    // Values a closure capturing a local makes that own their data, read after a yield:
    // `Option::map` is no iterator adapter holding the closure.
    fn owned_values_made_by_closures(opt: Option<u32>) -> u32 {
        let base = String::from("abc");
        let n = opt.map(|x| x + base.len() as u32);
        yield_!(1);
        yield_!(n.unwrap_or(0) + base.len() as u32);
        let t = opt.map_or(0, |x| x + base.len() as u32);
        yield_!(2);
        yield_!(t);
        let w = (|| base.len())();
        yield_!(3);
        yield_!(w as u32 + base.len() as u32);
    }
}

twin! {
    // Containers that own what `extend` stores, read after a later yield.
    fn extended_with_owned_items(line: String, src: Vec<u32>) -> usize {
        let mut line = line;
        let mut lens = Vec::new();
        lens.extend(line.split(' ').map(|s| s.len()));
        let mut words: Vec<String> = Vec::new();
        words.extend(line.split(' ').map(String::from));
        let mut tail = Vec::new();
        tail.extend_from_slice(&src[1..]);
        let mut doubled = std::collections::HashMap::new();
        doubled.extend(src.iter().map(|&x| (x, x * 2)));
        yield_!(lens.len());
        line.push('!');
        yield_!(lens.iter().sum::<usize>() + words.len() + tail.len() + doubled.len());
        yield_!(line.len() + src.len());
    }
}

fn last_of(v: &[String]) -> usize {
    v.last().unwrap().len()
}

#[gen_core::generator]
fn last_through_a_mut_argument(v: &mut Vec<String>) -> impl Iterator<Item = usize> + '_ {
    let x = v.last().unwrap();
    let n = x.len();
    yield_!(n);
    v.push(String::from("new"));
    yield_!(last_of(v));
}

#[test]
fn a_typed_local_assigned_after_a_yield_keeps_its_type() {
    let lines = || vec!["3".to_owned(), "x".to_owned()];
    assert_eq!(check!(parsed_after_a_yield(lines())), [0, 6, 14, 1, 10]);
}

#[test]
fn a_local_assigned_a_borrow_later_is_not_kept_when_dead() {
    assert_eq!(check!(assigned_a_borrow_later("k=v".to_owned())), [3, 4, 5]);
}

#[test]
fn a_view_into_an_element_is_not_kept_when_dead() {
    let lines = || vec!["a=1".to_owned(), "b".to_owned()];
    let out = check!(views_into_an_element(lines()));
    assert_eq!(out, ["1", "a->1", "2:a=1!,b!"]);
}

#[test]
fn a_vector_of_borrows_in_a_loop_is_not_kept_when_dead() {
    assert_eq!(
        check!(borrows_collected_in_a_loop("k".to_owned())),
        ["k run", "kx run"]
    );
}

#[test]
fn a_ref_binding_keeps_its_temporary_to_the_end_of_the_block() {
    let log = same_drops!(ref_patterns_extend_their_temporary(2));
    assert_eq!(log[..3], ["yield 4", "after first", "yield 2"]);
    assert_eq!(log.last().map(String::as_str), Some("drop pair"));
    check!(ref_patterns_extend_their_temporary(2));
}

#[test]
fn views_made_by_extend_fields_closures_and_methods_are_not_kept_when_dead() {
    let v = || vec!["ab".to_owned()];
    let out = check!(dead_views_of_other_kinds("a bc".to_owned(), v()));
    assert_eq!(out, [2, 5, 1, 100, 2, 2]);
    same_drops!(dead_views_of_other_kinds("a bc".to_owned(), v()));
    let mut list = vec!["xyz".to_owned()];
    let lens: Vec<usize> = last_through_a_mut_argument(&mut list).collect();
    assert_eq!(lens, [3, 3]);
    assert_eq!(list.len(), 2);
}

#[test]
fn a_reassigned_reference_behaves_as_in_the_plain_function() {
    assert_eq!(
        check!(reassigned_references("a,bc".to_owned())),
        [10, 6, 3, 6]
    );
}

#[test]
fn a_number_typed_by_its_suffix_keeps_its_type() {
    let lines = || vec!["3".to_owned(), "x".to_owned()];
    assert_eq!(
        check!(suffixed_numbers_assigned_after_a_yield(lines())),
        [6, 2, 0, 4]
    );
}

#[test]
fn mutable_halves_closure_values_and_pushed_borrows_are_not_kept_when_dead() {
    let words = || vec!["a".to_owned(), "b".to_owned()];
    assert_eq!(
        check!(mutable_halves_and_closure_values(words())),
        [2, 2, 1, 6]
    );
    let mut w = Words {
        text: "a b".to_owned(),
    };
    assert_eq!(w.pieces().collect::<Vec<_>>(), [1, 2, 5]);
}

#[test]
fn owned_values_made_by_closures_are_kept_across_a_yield() {
    assert_eq!(
        check!(owned_values_made_by_closures(Some(1))),
        [1, 7, 2, 4, 3, 6]
    );
    check!(owned_values_made_by_closures(None));
}

#[test]
fn containers_extended_with_owned_items_are_kept() {
    assert_eq!(
        check!(extended_with_owned_items("ab c".to_owned(), vec![1, 2, 3])),
        [2, 10, 8]
    );
}
