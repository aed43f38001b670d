//! Generators large enough that the flat lowering keeps their locals in a frame (many locals
//! live across many yields: a report with a dozen accumulators, a request parser holding
//! every header it has read), against their plain-function twins: items, drop order and drop
//! timing, with partial moves, values moved on some paths, loops, early returns and `?`.
//! Each is sized above the frame rule's threshold (ARCHITECTURE.md, "The flat lowering").

use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

twin! {
    /// Sixteen guards and two counters, each read after many yields.
    fn report(skip: bool, stop: usize) -> String {
        let title = n("title");
        let mut lines = 0usize;
        let mut bytes = 0usize;
        let g1 = n("g1");
        let g2 = n("g2");
        let g3 = n("g3");
        let g4 = n("g4");
        let g5 = n("g5");
        let g6 = n("g6");
        let g7 = n("g7");
        let g8 = n("g8");
        let g9 = n("g9");
        let g10 = n("g10");
        let g11 = n("g11");
        let g12 = n("g12");
        let g13 = n("g13");
        let g14 = n("g14");
        let g15 = n("g15");
        yield_!(format!("{} {lines}", title.name()));
        lines += 1;
        bytes += g1.name().len();
        yield_!(format!("{} {bytes}", g1.name()));
        lines += 1;
        if skip {
            drop(g2);
        }
        yield_!(format!("{} {lines}", g3.name()));
        bytes += g4.name().len();
        yield_!(format!("{} {bytes}", g4.name()));
        {
            let section = n("section");
            yield_!(format!("{} {}", section.name(), g5.name()));
            lines += 1;
            yield_!(format!("{} {}", section.name(), g6.name()));
        }
        let mut bag = vec![g7];
        yield_!(format!("bag {}", bag.len()));
        for i in 0..3 {
            let row = n(&format!("row{i}"));
            yield_!(format!("{} {} {lines}", row.name(), g8.name()));
            if i == stop {
                return;
            }
            lines += 1;
        }
        bag.push(g9);
        yield_!(format!("{} {}", g10.name(), bag.len()));
        yield_!(format!("{} {bytes}", g11.name()));
        let moved = g12;
        yield_!(format!("{} {}", moved.name(), g13.name()));
        yield_!(format!("{} {lines}", g14.name()));
        yield_!(format!("{} {bytes}", g15.name()));
        yield_!(format!("{} {lines} {bytes}", title.name()));
    }
}

#[test]
fn a_report_with_many_guards_drops_like_the_plain_function() {
    for skip in [false, true] {
        for stop in [0, 1, 2, 9] {
            check!(report(skip, stop));
            same_drops!(report(skip, stop));
        }
    }
    let full = same_drops!(report(true, 9));
    // Spot checks of the oracle itself: the conditional drop at its call, the block's guard
    // at the block's end, the loop's rows per iteration, the rest in reverse order.
    let at = |e: &str| full.iter().position(|x| x == e).expect(e);
    assert!(at("drop g2") < at("yield \"g3 2\""));
    assert!(at("drop section") < at("yield \"bag 1\""));
    assert!(at("drop row0") < at("yield \"row1 g8 4\""));
    let last = at("yield \"title 6 4\"");
    assert_eq!(full[last + 1..last + 4], ["drop g12", "drop g7", "drop g9"]);
    assert_eq!(full[full.len() - 2..], ["drop g1", "drop title"]);
}

struct Header {
    name: Noisy,
    value: Noisy,
}

fn header(line: &str) -> Result<Header, String> {
    let (name, value) = line
        .split_once(':')
        .ok_or_else(|| format!("malformed header {line:?}"))?;
    Ok(Header {
        name: n(name.trim()),
        value: n(value.trim()),
    })
}

twin! {
    /// A request parser that keeps every header it has read until the end, moving parts of
    /// some of them out: `?` on a malformed line ends it with the error.
    fallible fn request(lines: Vec<&'static str>) -> Result<String, String> {
        let mut lines = lines.into_iter();
        let connection = n("connection");
        let budget = n("budget");
        let trace = n("trace");
        let stats = n("stats");
        let request_line = n(lines.next().ok_or("no request line")?);
        yield_!(Ok(request_line.name().to_string()));
        let host = header(lines.next().ok_or("no host")?)?;
        yield_!(Ok(format!("host {}", host.value.name())));
        let agent = header(lines.next().ok_or("no agent")?)?;
        yield_!(Ok(format!("agent {}", agent.value.name())));
        let accept = header(lines.next().ok_or("no accept")?)?;
        yield_!(Ok(format!("accept {}", accept.value.name())));
        let length = header(lines.next().ok_or("no length")?)?;
        let length_value = length.value;
        yield_!(Ok(format!("length {}", length_value.name())));
        let kind = header(lines.next().ok_or("no type")?)?;
        yield_!(Ok(format!("type {}", kind.value.name())));
        let cookie = header(lines.next().ok_or("no cookie")?)?;
        yield_!(Ok(format!("cookie {}", cookie.name.name())));
        let encoding = header(lines.next().ok_or("no encoding")?)?;
        yield_!(Ok(format!("encoding {}", encoding.value.name())));
        let language = header(lines.next().ok_or("no language")?)?;
        yield_!(Ok(format!("language {}", language.value.name())));
        let origin = header(lines.next().ok_or("no origin")?)?;
        let Header { name: origin_name, value: origin_value } = origin;
        yield_!(Ok(format!("origin {}", origin_value.name())));
        let referer = header(lines.next().ok_or("no referer")?)?;
        yield_!(Ok(format!("referer {}", referer.value.name())));
        let mut extra = Vec::new();
        for line in lines {
            let h = header(line)?;
            yield_!(Ok(format!("extra {}", h.name.name())));
            extra.push(h.value);
        }
        yield_!(Ok(format!("{} {}", host.name.name(), agent.name.name())));
        yield_!(Ok(format!("{} {}", accept.name.name(), length.name.name())));
        yield_!(Ok(format!("{} {}", kind.name.name(), cookie.value.name())));
        yield_!(Ok(format!("{} {}", encoding.name.name(), language.name.name())));
        yield_!(Ok(format!("{} {}", origin_name.name(), referer.name.name())));
        yield_!(Ok(format!("{} extra {}", request_line.name(), extra.len())));
        yield_!(Ok(format!("{} {}", connection.name(), budget.name())));
        yield_!(Ok(format!("{} {}", trace.name(), stats.name())));
    }
}

#[test]
fn a_parser_keeping_every_header_drops_like_the_plain_function() {
    let full = || {
        vec![
            "GET /",
            "Host: a",
            "Agent: b",
            "Accept: c",
            "Length: 3",
            "Type: t",
            "Cookie: k",
            "Encoding: e",
            "Language: l",
            "Origin: o",
            "Referer: r",
            "X: 1",
            "Y: 2",
        ]
    };
    check!(request(full()));
    same_drops!(request(full()));
    let mut bad = full();
    bad[4] = "Length 3";
    let items = check!(request(bad.clone()));
    assert_eq!(
        items.last(),
        Some(&Err("malformed header \"Length 3\"".to_string()))
    );
    same_drops!(request(bad.clone()));
    let mut late = full();
    late.push("Z");
    same_drops!(request(late.clone()));
    same_drops!(request(vec!["GET /", "Host: a"]));
}

twin! {
    /// Locals that no later code reads are dropped (plain data) or kept to their scope's
    /// end (guards); a shadowed name and a `let` chain in a loop.
    fn shadows(words: Vec<&'static str>) -> String {
        let a = n("a");
        let b = n("b");
        let c = n("c");
        let d = n("d");
        let e = n("e");
        let f = n("f");
        let g = n("g");
        let h = n("h");
        let i = n("i");
        let j = n("j");
        let k = n("k");
        let l = n("l");
        let m = n("m");
        let o = n("o");
        let p = n("p");
        let q = n("q");
        let r = n("r");
        let s = n("s");
        let count = words.len();
        yield_!(format!("{} {count}", a.name()));
        let a = a.name().to_uppercase();
        yield_!(format!("{a} {}", b.name()));
        for (at, word) in words.into_iter().enumerate() {
            let word = word.trim();
            if word.is_empty() {
                continue;
            }
            yield_!(format!("{at}:{word} {}", c.name()));
        }
        yield_!(format!("{} {}", d.name(), e.name()));
        yield_!(format!("{} {}", f.name(), g.name()));
        yield_!(format!("{} {}", h.name(), i.name()));
        yield_!(format!("{} {}", j.name(), k.name()));
        yield_!(format!("{} {}", m.name(), o.name()));
        yield_!(format!("{} {}", p.name(), q.name()));
        yield_!(format!("{} {}", r.name(), s.name()));
        yield_!(format!("{} {}", a.len(), b.name()));
        yield_!(format!("{} {a} {count}", l.name()));
    }
}

#[test]
fn shadowing_and_loops_in_a_large_generator() {
    let words = || vec!["x", " ", "y ", ""];
    check!(shadows(words()));
    same_drops!(shadows(words()));
    same_drops!(shadows(Vec::new()));
}

twin! {
    /// A panic in the middle: the locals of the frame drop while unwinding.
    fn panics_at(at: usize) -> usize {
        let a = n("a");
        let b = n("b");
        let c = n("c");
        let d = n("d");
        let e = n("e");
        let f = n("f");
        let g = n("g");
        let h = n("h");
        let i = n("i");
        let j = n("j");
        let k = n("k");
        let l = n("l");
        let m = n("m");
        let o = n("o");
        let p = n("p");
        let q = n("q");
        for step in 0..4 {
            let row = n(&format!("row{step}"));
            assert!(step != at, "boom at {step}");
            yield_!(step + row.name().len());
        }
        yield_!(a.name().len() + b.name().len() + c.name().len() + d.name().len());
        yield_!(e.name().len() + f.name().len() + g.name().len() + h.name().len());
        yield_!(i.name().len() + j.name().len() + k.name().len() + l.name().len());
        yield_!(m.name().len() + o.name().len() + p.name().len() + q.name().len());
        yield_!(a.name().len() + q.name().len());
        yield_!(b.name().len() + p.name().len());
        yield_!(c.name().len() + o.name().len());
        yield_!(d.name().len() + m.name().len());
        yield_!(e.name().len() + l.name().len());
        yield_!(f.name().len() + k.name().len());
        yield_!(g.name().len() + j.name().len());
        yield_!(h.name().len() + i.name().len());
        yield_!(a.name().len() + i.name().len());
        yield_!(b.name().len() + j.name().len());
    }
}

#[test]
fn a_panic_drops_every_local_while_unwinding_and_finishes_the_generator() {
    use gen_tests::{live, log, take_log};
    use std::panic::{AssertUnwindSafe, catch_unwind};
    for at in 0..4 {
        let _ = take_log();
        let plain = catch_unwind(|| panics_at::plain_until(None, at));
        assert!(plain.is_err());
        let mut want = take_log();

        let mut it = panics_at::generator(at);
        let r = catch_unwind(AssertUnwindSafe(|| {
            for v in it.by_ref() {
                log(format!("yield {v}"));
            }
        }));
        assert!(r.is_err(), "the panic propagates out of next()");
        let mut got = take_log();
        assert_eq!(
            live(),
            0,
            "every local is dropped while unwinding (at={at})"
        );
        assert_eq!(it.next(), None, "a panicked generator is finished");
        drop(it);
        assert!(take_log().is_empty(), "nothing is dropped twice");
        // The items and the set of drops are the plain function's; the order of the drops
        // while unwinding is not (README, "Limits": the locals the panicking step did not
        // touch drop after the ones it did).
        let yields = |log: &[String]| -> Vec<String> {
            log.iter()
                .filter(|e| e.starts_with("yield"))
                .cloned()
                .collect()
        };
        assert_eq!(yields(&got), yields(&want));
        got.sort();
        want.sort();
        assert_eq!(got, want, "the same drops (at={at})");
    }
}
