//! Locals that borrow another local of the generator and are no longer read at a yield are
//! not kept across it (a coroutine could not keep them either): a collected vector of borrows,
//! a trimmed view, a borrow read only on paths that do not yield, values computed through a
//! borrowing reference, indexed, element and entry borrows, a borrow from a method of the
//! user's, an `_` part of a pattern, slices of a loop's line. Compared with the plain function.
//! Values that are made from such borrows but own their data, or are held for their drop, are
//! in `flat_owned_from_borrows.rs` and `flat_owned_from_elements.rs`.

use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

// `fields` borrows `record` (a `Vec<&str>`) and is dead at the yield.
twin! {
    fallible fn parse_records(lines: Vec<String>) -> Result<u32, std::num::ParseIntError> {
        for record in lines {
            let fields: Vec<&str> = record.split(';').collect();
            let id: u32 = fields[0].trim().parse()?;
            yield_!(Ok(id));
            yield_!(Ok(record.len() as u32));
        }
    }
}

#[test]
fn a_collected_vector_of_borrows_is_not_kept() {
    let lines = || vec!["1;a".to_string(), " 22 ;bb".to_string(), "x;c".to_string()];
    let out = check!(parse_records(lines()));
    assert_eq!(out.len(), 5);
    assert!(out[4].is_err());
}

// `let s = s.trim();` shadows an owned `String` with a `&str` into it.
twin! {
    fn trimmed(words: Vec<String>) -> usize {
        for s in words {
            let s = s.trim();
            let len = s.len();
            yield_!(len);
        }
    }
}

#[test]
fn a_trimmed_view_shadowing_its_string() {
    assert_eq!(check!(trimmed(vec![" a ".into(), "bc".into()])), [1, 2]);
}

// A borrow that is dead after a yield that `return`, `continue` or `break` follows: the
// yielding branch leaves, so only the other path reaches the code that reads the borrow,
// and no state keeps it.
twin! {
    fn blank_or_trimmed(line: String) -> String {
        let t = line.trim();
        if t.is_empty() {
            yield_!(String::from("empty"));
            return;
        }
        yield_!(t.to_string());
    }
}

twin! {
    fn trimmed_lines(lines: Vec<String>, guard: bool) -> String {
        let _g = guard.then(|| n("g"));
        for line in lines {
            let t = line.trim();
            if t.is_empty() {
                yield_!(String::from("empty"));
                continue;
            } else if t == "end" {
                yield_!(String::from("bye"));
                break;
            }
            match t {
                "skip" => continue,
                "stop" => {
                    yield_!(String::from("stopped"));
                    return;
                }
                _ => {}
            }
            yield_!(t.to_string());
        }
        yield_!(String::from("done"));
    }
}

#[test]
fn a_borrow_read_only_on_paths_that_do_not_yield_is_not_kept() {
    assert_eq!(check!(blank_or_trimmed(" x ".into())), ["x"]);
    assert_eq!(check!(blank_or_trimmed("  ".into())), ["empty"]);
    let lines = |last: &str| {
        ["a ", " ", "skip", " b", last, "c"]
            .map(String::from)
            .to_vec()
    };
    assert_eq!(
        check!(trimmed_lines(lines("end"), true)),
        ["a", "empty", "b", "bye", "done"]
    );
    assert_eq!(
        check!(trimmed_lines(lines("stop"), true)),
        ["a", "empty", "b", "stopped"]
    );
    same_drops!(trimmed_lines(lines("stop"), true));
    same_drops!(trimmed_lines(lines("end"), true));
}

// A value computed through a reference that borrows a local (`t.split_once(..)` with
// `t = line.trim()`) borrows that local too, and is not kept once dead: the `if let`, `match`
// and `let .. else` shapes of a line parser.
twin! {
    fn first_words(lines: Vec<String>) -> String {
        for line in lines {
            let line = line.trim();
            if let Some((key, _)) = line.split_once(' ') {
                yield_!(format!("word {key}"));
            }
        }
    }
}

twin! {
    fn pairs(lines: Vec<String>) -> String {
        for line in lines {
            let line = line.trim();
            match line.split_once('=') {
                Some((k, v)) if !k.is_empty() => yield_!(format!("{k}:{v}")),
                Some(_) => yield_!(String::from("no key")),
                None => {}
            }
        }
    }
}

twin! {
    fn pair_lengths(lines: Vec<String>) -> String {
        for line in lines {
            let line = line.trim();
            let Some((k, v)) = line.split_once('=') else {
                yield_!(format!("skip {line}"));
                continue;
            };
            yield_!(format!("{}", k.len() + v.len()));
        }
    }
}

#[test]
fn a_value_borrowed_through_a_borrowing_reference_is_not_kept() {
    let lines = || ["a=1", " b c ", "=x"].map(String::from).to_vec();
    assert_eq!(check!(first_words(lines())), ["word b"]);
    assert_eq!(check!(pairs(lines())), ["a:1", "no key"]);
    assert_eq!(check!(pair_lengths(lines())), ["2", "skip b c", "1"]);
}

// `&names[i]` borrows `names`; read before the yield only, it is not kept.
twin! {
    fn indexed_borrow_dead_at_the_yield(n: usize) -> usize {
        let names: Vec<String> = (0..n).map(|i| "x".repeat(i + 1)).collect();
        for i in 0..names.len() {
            let name = &names[i];
            let len = name.len();
            yield_!(len);
            let again = &names[names.len() - 1 - i];
            yield_!(again.len() * 10);
        }
    }
}

// An iterator over an argument advanced in a `while let` across yields, then read after the
// loop (the fix named for `for c in &mut it`).
twin! {
    #[allow(clippy::while_let_on_iterator)]
    fn iterator_advanced_in_a_while_let(data: &'static [u8]) -> usize {
        let mut it = data.iter();
        while let Some(c) = it.next() {
            yield_!(*c as usize);
            if *c == 0 {
                break;
            }
        }
        yield_!(it.len());
        let mut chunks = data.chunks(2);
        while let Some(c) = chunks.next() {
            yield_!(c.len());
        }
        yield_!(chunks.count());
    }
}

#[test]
fn an_indexed_borrow_and_an_iterator_advanced_by_hand() {
    assert_eq!(
        check!(indexed_borrow_dead_at_the_yield(3)),
        [1, 30, 2, 20, 3, 10]
    );
    assert_eq!(
        check!(iterator_advanced_in_a_while_let(&[3, 0, 5])),
        [3, 0, 1, 2, 1, 0]
    );
}

// `v.last()` (a slice's element; `Iterator::last` would take an iterator) and the ordered
// maps' `first_key_value()`/`last_key_value()`/`range(..)` borrow the local: a scrutinee or a
// local made by them and no longer read at the yield is not kept (the monotonic stack).
twin! {
    fn next_greater(xs: Vec<u32>) -> (usize, usize) {
        let _log = n("log");
        let mut stack: Vec<usize> = Vec::new();
        for i in 0..xs.len() {
            let x = xs[i];
            while let Some(top) = stack.last() {
                if xs[*top] >= x {
                    break;
                }
                let j = *top;
                stack.pop();
                yield_!((j, i));
            }
            if let Some(last) = xs.last() {
                let l = *last as usize;
                yield_!((l, i));
            }
            stack.push(i);
        }
        let top = stack.last().unwrap();
        let t = *top;
        stack.pop();
        yield_!((t, stack.len()));
    }
}

twin! {
    fn drained_in_order(pairs: Vec<(u32, &'static str)>) -> String {
        let mut map: std::collections::BTreeMap<u32, Noisy> =
            pairs.into_iter().map(|(k, v)| (k, n(v))).collect();
        while let Some((k, _)) = map.first_key_value() {
            let k = *k;
            let v = map.remove(&k).unwrap();
            yield_!(format!("{k} {}", v.name()));
        }
        if let Some((k, _)) = map.last_key_value() {
            let k = *k;
            yield_!(k.to_string());
        }
        let in_range = map.range(1..).count();
        yield_!(in_range.to_string());
    }
}

#[test]
fn element_and_entry_borrows_of_a_local_are_not_kept_once_dead() {
    check!(next_greater(vec![3, 1, 4, 1, 5]));
    same_drops!(next_greater(vec![2, 7, 1, 8]));
    check!(drained_in_order(vec![(2, "b"), (1, "a"), (3, "c")]));
    let log = same_drops!(drained_in_order(vec![(2, "b"), (1, "a")]));
    assert_eq!(
        log,
        [
            "yield \"1 a\"",
            "drop a",
            "yield \"2 b\"",
            "drop b",
            "yield \"0\""
        ]
    );
}

// README limit 5: a method the macro does not know, on a local, may return a borrow of it;
// written as a function of a borrow (`Registry::newest(&registry)`) or in a block closed
// before the yield, a dead borrow is not kept.
struct Registry {
    names: Vec<String>,
}

impl Registry {
    fn newest(&self) -> &str {
        self.names.last().map_or("", |s| s)
    }
}

twin! {
    fn newest_names(names: Vec<String>) -> String {
        let registry = Registry { names };
        let _guard = n("guard");
        let newest = Registry::newest(&registry);
        let owned = newest.to_uppercase();
        yield_!(owned);
        let owned = {
            let n = registry.newest();
            n.to_lowercase()
        };
        yield_!(owned);
        yield_!(registry.names.len().to_string());
    }
}

#[test]
fn a_borrow_from_a_method_of_the_users_written_as_a_function_or_in_a_block() {
    assert_eq!(
        check!(newest_names(vec!["a".into(), "B".into()])),
        ["B", "b", "2"]
    );
    same_drops!(newest_names(vec!["x".into()]));
}

// A `_rest` inside a destructuring pattern names a part only to leave it unused (a borrow
// with nothing to drop): not held to the end of its block like a `let _guard = ..;`.
twin! {
    fn stamps(lines: Vec<String>) -> String {
        let _log = n("log");
        for line in lines {
            let Some((ts, _rest)) = line.split_once(' ') else {
                continue;
            };
            let ts = ts.to_string();
            yield_!(ts);
        }
    }
}

#[test]
fn an_underscore_part_of_a_pattern_is_not_held() {
    assert_eq!(
        check!(stamps(vec!["a b".into(), "c".into(), "d e".into()])),
        ["a", "d"]
    );
    same_drops!(stamps(vec!["a b".into()]));
}

// Slices of a loop's own line, dead at the yield: `unwrap_or("")` is of its argument's type (a
// reference), and the `trim_*_matches`/`trim_ascii*` family borrows like `trim`.
twin! {
    fn leading_words(lines: Vec<String>) -> usize {
        for raw in lines {
            let mut parts = raw.split_whitespace();
            let first = parts.next().unwrap_or("");
            yield_!(first.len());
            let line = raw.trim_end_matches('\r');
            yield_!(line.len());
            let inner = raw.trim_start_matches(' ').trim_ascii();
            yield_!(inner.len());
        }
    }
}

#[test]
fn slices_of_a_loops_line_dead_at_the_yield_are_not_kept() {
    let lines = || vec!["a bc\r".to_string(), String::new(), "  x  ".to_string()];
    let out = check!(leading_words(lines()));
    assert_eq!(out, [1, 4, 4, 0, 0, 0, 1, 5, 1]);
}
