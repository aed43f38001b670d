//! A collection made of a chain over a borrow of a local (or of an `iter!`'s capture) whose
//! items a function turns into plain data or owned values (`s.chars().map(|c|
//! c.to_ascii_uppercase()).collect::<Vec<_>>()`, `line.split(',').map(str::len)`) owns its
//! data: a loop over it across yields, in an `iter!` block or a generator, runs as the plain
//! loop does, with no error about borrowing the capture.

use gen_core::{generator, iter};
use gen_tests::{same_drops, twin};

/// What the plain loops over the same chains yield.
fn plain(s: &str, line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for c in s
        .chars()
        .map(|c| c.to_ascii_uppercase())
        .collect::<Vec<_>>()
    {
        out.push(c.to_string());
    }
    for n in line.split(',').map(str::len).collect::<Vec<_>>() {
        out.push(n.to_string());
    }
    for p in line.split(',').map(str::to_owned).collect::<Vec<_>>() {
        out.push(p);
    }
    for (i, w) in line
        .split(',')
        .map(|w| w.len() * 2)
        .enumerate()
        .filter(|p| p.1 > 0)
    {
        out.push(format!("{i}:{w}"));
    }
    let widest = line.split(',').map(|w| w.len()).max();
    out.push(format!("{widest:?}"));
    out
}

#[test]
fn an_iter_block_loops_over_owned_items_collected_from_its_captures() {
    let (s, line) = (String::from("ab"), String::from("a,bbb,"));
    let expected = plain(&s, &line);
    let it = iter! {
        for c in s.chars().map(|c| c.to_ascii_uppercase()).collect::<Vec<_>>() {
            yield c.to_string();
        }
        for n in line.split(',').map(str::len).collect::<Vec<_>>() {
            yield n.to_string();
        }
        for p in line.split(',').map(str::to_owned).collect::<Vec<_>>() {
            yield p;
        }
        let doubled: Vec<(usize, usize)> = line
            .split(',')
            .map(|w| w.len() * 2)
            .enumerate()
            .filter(|p| p.1 > 0)
            .collect();
        for (i, w) in doubled {
            yield format!("{i}:{w}");
        }
        let widest = line.split(',').map(|w| w.len()).max();
        yield format!("{widest:?}");
    };
    assert_eq!(it.collect::<Vec<_>>(), expected);
}

#[generator]
fn owned_items(s: String, line: String) -> impl Iterator<Item = String> {
    for c in s
        .chars()
        .map(|c| c.to_ascii_uppercase())
        .collect::<Vec<_>>()
    {
        yield_!(c.to_string());
    }
    for n in line.split(',').map(str::len).collect::<Vec<_>>() {
        yield_!(n.to_string());
    }
    for p in line.split(',').map(str::to_owned).collect::<Vec<_>>() {
        yield_!(p);
    }
    let pairs = line.split(',').map(|w| w.len() * 2).enumerate();
    for (i, w) in pairs.filter(|p| p.1 > 0).collect::<Vec<_>>() {
        yield_!(format!("{i}:{w}"));
    }
    let widest = line.split(',').map(|w| w.len()).max();
    yield_!(format!("{widest:?}"));
}

#[test]
fn a_generator_loops_over_owned_items_collected_from_its_arguments() {
    let (s, line) = (String::from("xyz"), String::from(",cc,d"));
    assert_eq!(
        owned_items(s.clone(), line.clone()).collect::<Vec<_>>(),
        plain(&s, &line)
    );
    let (s, line) = (String::new(), String::new());
    assert_eq!(
        owned_items(s.clone(), line.clone()).collect::<Vec<_>>(),
        plain(&s, &line)
    );
}

twin! {
    fn lengths_then_a_guard(line: String) -> usize {
        let guard = gen_tests::Noisy::new("guard");
        for n in line.split(' ').map(str::len).filter(|n| *n > 0).collect::<Vec<_>>() {
            yield_!(n);
        }
        yield_!(guard.name().len());
    }
}

#[test]
fn owned_items_keep_every_drop_where_the_plain_function_has_it() {
    same_drops!(lengths_then_a_guard("ab  cde f".to_string()));
    same_drops!(lengths_then_a_guard(String::new()));
}
