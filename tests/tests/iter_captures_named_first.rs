//! An `iter!` block that reads a capture through a field before it moves other captures
//! takes that field alone, as a `move` closure with the same body does: the rest of the value
//! (a type with no `Drop` of its own) drops when the function that made the block returns.
//! Each block runs against a `move` closure with the same body. A block dropped part-way
//! drops its locals first, then the field (README's "Using it").

use gen_core::iter;
use gen_tests::{Noisy, log, take_log};

struct Config {
    step: usize,
    // Held for its drop.
    #[allow(dead_code)]
    conn: Noisy,
}

fn ticks(cfg: Config, done: Noisy, other: Noisy) -> impl Iterator<Item = usize> {
    iter! {
        for i in 0..2 {
            yield i * cfg.step;
        }
        drop(done);
        drop(other);
    }
}

fn ticks_closure(cfg: Config, done: Noisy, other: Noisy) -> impl FnOnce(&mut Vec<usize>) {
    move |out: &mut Vec<usize>| {
        for i in 0..2 {
            log(format!("item {}", i * cfg.step));
            out.push(i * cfg.step);
        }
        drop(done);
        drop(other);
    }
}

struct Header {
    title: Noisy,
    // Held for its drop.
    #[allow(dead_code)]
    footer: Noisy,
}

fn report(h: Header, jobs: Vec<Noisy>) -> impl Iterator<Item = usize> {
    iter! {
        yield h.title.name().len();
        for j in jobs {
            yield j.name().len();
        }
    }
}

fn report_closure(h: Header, jobs: Vec<Noisy>) -> impl FnOnce(&mut Vec<usize>) {
    move |out: &mut Vec<usize>| {
        log(format!("item {}", h.title.name().len()));
        out.push(h.title.name().len());
        for j in jobs {
            log(format!("item {}", j.name().len()));
            out.push(j.name().len());
        }
    }
}

fn config() -> Config {
    Config {
        step: 3,
        conn: Noisy::new("conn"),
    }
}

fn header() -> Header {
    Header {
        title: Noisy::new("title"),
        footer: Noisy::new("footer"),
    }
}

/// The log of consuming `it` to the end, with "returned" where the making function returned.
fn run(it: impl Iterator<Item = usize>) -> Vec<String> {
    log("returned");
    let items: Vec<usize> = it.inspect(|i| log(format!("item {i}"))).collect::<Vec<_>>();
    log(format!("collected {items:?}"));
    take_log()
}

/// The same for the closure, called once.
fn call(f: impl FnOnce(&mut Vec<usize>)) -> Vec<String> {
    log("returned");
    let mut items = Vec::new();
    f(&mut items);
    log(format!("collected {items:?}"));
    take_log()
}

#[test]
fn a_field_read_before_a_moved_capture_is_captured_alone() {
    let _ = take_log();
    let block = run(ticks(config(), Noisy::new("done"), Noisy::new("other")));
    let closure = call(ticks_closure(
        config(),
        Noisy::new("done"),
        Noisy::new("other"),
    ));
    assert_eq!(block, closure);
    assert_eq!(block[..2], ["drop conn", "returned"]);
    let block = run(report(header(), vec![Noisy::new("job")]));
    let closure = call(report_closure(header(), vec![Noisy::new("job")]));
    assert_eq!(block[..2], ["drop footer", "returned"]);
    // The closure drops the captured title when its call ends, the block when it is
    // dropped (README: a finished block keeps what it only reads): the same events before.
    let end = |log: &[String]| log.iter().position(|e| e.starts_with("collected")).unwrap();
    let without_title = |log: &[String]| {
        log.iter()
            .filter(|e| *e != "drop title")
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        without_title(&block[..end(&block)]),
        without_title(&closure[..end(&closure)])
    );
}

#[test]
fn a_block_dropped_part_way_drops_its_locals_then_the_field() {
    let _ = take_log();
    let mut it = report(header(), vec![Noisy::new("j1"), Noisy::new("j2")]);
    assert_eq!(it.next(), Some(5));
    assert_eq!(it.next(), Some(2));
    assert_eq!(take_log(), ["drop footer"]);
    drop(it);
    assert_eq!(take_log(), ["drop j1", "drop j2", "drop title"]);
}
