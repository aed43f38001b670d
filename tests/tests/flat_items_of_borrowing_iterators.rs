//! Items taken from an iterator that borrows a local of the generator (`let mut parts =
//! line.split(',');`): a view into the local, dead at the next yield, is not kept across it
//! (as `line.split(',').next()` written in one chain is not), in every style real code takes
//! one (`if let`, `let .. else`, `unwrap`, `ok_or(..)?`, a tuple of two). Items a closure
//! builds (`names.iter().map(|n| Conn::open(n))`) are values of their own and drop where the
//! plain function drops them. Each is compared with its plain twin.

use gen_tests::{Noisy, check, same_drops, twin};

// A request line: the method is read, yielded, and never used again.
twin! {
    fn first_field(line: String) -> usize {
        let _guard = Noisy::new("guard");
        let mut parts = line.split(',');
        if let Some(m) = parts.next() {
            yield_!(m.len());
        }
        yield_!(line.len());
    }
}

twin! {
    fn method_then_rest(line: String) -> usize {
        let mut parts = line.split_whitespace();
        let Some(method) = parts.next() else {
            return;
        };
        yield_!(method.len());
        let path = line.split_whitespace().nth(1).unwrap_or("/");
        let depth = path.matches('/').count();
        yield_!(depth);
        yield_!(line.len());
    }
}

twin! {
    fn unwrapped_fields(lines: Vec<String>) -> usize {
        for line in lines {
            let mut cols = line.split(';').map(str::trim);
            let key = cols.next().unwrap_or_default();
            let first = cols.next().expect("a value");
            yield_!(key.len() * 10 + first.len());
            let _after = Noisy::new("after");
            yield_!(line.len());
        }
    }
}

twin! {
    fn two_at_once(text: String) -> usize {
        let mut words = text.split(' ');
        let (Some(a), Some(b)) = (words.next(), words.next()) else {
            return;
        };
        yield_!(a.len() + b.len());
        let mut keys = text.char_indices().skip(1);
        if let Some((i, c)) = keys.next() {
            yield_!(i + c.len_utf8());
        }
        yield_!(text.len());
    }
}

twin! {
    fallible fn named_records(lines: Vec<String>) -> Result<usize, String> {
        for line in lines {
            let mut it = line.split('=');
            let name = it.next().ok_or_else(|| String::from("empty"))?;
            yield_!(Ok(name.len()));
            yield_!(Ok(line.len()));
        }
    }
}

#[test]
fn items_of_iterators_over_a_local_are_views_dead_at_the_yield() {
    assert_eq!(check!(first_field("ab,c".into())), [2, 4]);
    same_drops!(first_field("ab,c".into()));
    assert_eq!(check!(method_then_rest("GET /a/b x".into())), [3, 2, 10]);
    assert!(check!(method_then_rest(String::new())).is_empty());
    assert_eq!(
        check!(unwrapped_fields(vec!["k; vv".into(), "kk;v".into()])),
        [12, 5, 21, 4]
    );
    same_drops!(unwrapped_fields(vec!["k; vv".into(), "kk;v".into()]));
    assert_eq!(check!(two_at_once("ab cde".into())), [5, 2, 6]);
    assert!(check!(two_at_once("ab".into())).is_empty());
    assert_eq!(
        check!(named_records(vec!["a=1".into(), "bb=2".into()])),
        [Ok(1), Ok(3), Ok(2), Ok(4)]
    );
}

// Values a closure builds from borrowed items own their drop: one bound by `if let` and
// dead at the yield still drops at the end of its block, after the yield.
twin! {
    fn built_items(names: Vec<&'static str>) -> usize {
        if let Some(conn) = names.iter().map(|n| Noisy::new(*n)).next() {
            yield_!(conn.name().len());
            yield_!(0);
        }
        let mut opened = names.iter().map(|n| Noisy::new(*n));
        if let Some(first) = opened.next() {
            yield_!(first.name().len() + 100);
            yield_!(1);
        }
        let labels: Vec<String> = names.iter().map(|n| n.to_uppercase()).collect();
        yield_!(labels.len());
    }
}

#[test]
fn items_a_closure_builds_drop_where_the_plain_function_drops_them() {
    assert_eq!(check!(built_items(vec!["ab", "c"])), [2, 0, 102, 1, 2]);
    same_drops!(built_items(vec!["ab", "c"]));
}

// `*m` of a reference into a local reads a value out of it: a copy of a number (or of a
// `&'static str`) pushed into a stack carries no borrow of the local the reference points
// into (a depth-first walk over adjacency lists).
twin! {
    fn depth_first(adj: std::collections::HashMap<usize, Vec<usize>>, root: usize) -> usize {
        let _walk = Noisy::new("walk");
        let mut stack = vec![root];
        let mut seen = std::collections::HashSet::new();
        while let Some(n) = stack.pop() {
            if !seen.insert(n) {
                continue;
            }
            yield_!(n);
            if let Some(next) = adj.get(&n) {
                for m in next.iter().rev() {
                    stack.push(*m);
                }
            }
        }
    }
}

twin! {
    fn labels_by_copy(names: Vec<&'static str>) -> usize {
        let mut out: Vec<&'static str> = Vec::new();
        for name in &names {
            let copied = *name;
            out.push(copied);
        }
        while let Some(last) = out.pop() {
            yield_!(last.len());
        }
        yield_!(names.len());
    }
}

#[test]
fn values_read_through_a_reference_into_a_local_are_copies() {
    let adj = || std::collections::HashMap::from([(1, vec![2, 3]), (3, vec![4, 1])]);
    assert_eq!(check!(depth_first(adj(), 1)), [1, 2, 3, 4]);
    same_drops!(depth_first(adj(), 1));
    assert_eq!(check!(labels_by_copy(vec!["a", "bcd"])), [3, 1, 2]);
}

// Plain items (`char`s) out of an iterator over a local borrow nothing: kept across yields.
twin! {
    fn widest_chars(words: Vec<String>) -> usize {
        for text in words {
            let widest = text.chars().max_by_key(|c| c.len_utf8());
            let mut cs = text.chars();
            let first = cs.next();
            let last = text.chars().rev().find(|c| c.is_alphabetic());
            yield_!(text.len());
            yield_!(widest.map_or(0, char::len_utf8) + first.map_or(0, |c| c as usize));
            yield_!(last.map_or(0, |c| c as usize));
        }
    }
}

#[test]
fn plain_items_of_iterators_over_a_local_are_kept_across_yields() {
    assert_eq!(
        check!(widest_chars(vec!["aé1".into(), String::new()])),
        [4, 2 + 97, 233, 0, 0, 0]
    );
}

// `chars()` through `chain`/`cycle`: the chained items have the receiver's item type, plain
// `char`s, which borrow nothing of the local the loop reads (`text` is still in scope, and
// `word` is kept across the yields).
twin! {
    fn words_with_a_sentinel(line: &str) -> String {
        let text = line.to_lowercase();
        let mut word = String::new();
        let mut words = Vec::new();
        for c in text.chars().chain(std::iter::once(' ')) {
            if c == ' ' {
                words.push(std::mem::take(&mut word));
            } else {
                word.push(c);
            }
        }
        for c in text.chars().cycle().take(2) {
            word.push(c);
        }
        for w in words {
            yield_!(w);
            yield_!(word.clone());
        }
        yield_!(text);
    }
}

#[test]
fn plain_items_through_chain_and_cycle_are_kept_across_yields() {
    assert_eq!(
        check!(words_with_a_sentinel("Ab c")),
        ["ab", "ab", "c", "ab", "ab c"]
    );
    check!(words_with_a_sentinel(""));
}
