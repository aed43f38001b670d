//! An `iter!` block that ran to its end keeps the captures its body only reads (and names
//! after every capture it moves) until it is dropped, as README's "Using it" says, whichever
//! way the macro lowers the block: a capture read through a field (`0..cfg.n`, `cfg.name`),
//! one read whole after a moved one, and a body that leaves by `return;`.

use gen_core::iter;
use gen_tests::{Noisy, log, take_log};

struct Config {
    count: usize,
    name: Noisy,
}

fn by_field(cfg: Config) -> impl Iterator<Item = String> {
    iter! {
        for i in 0..cfg.count {
            yield format!("{}{i}", cfg.name.name());
        }
    }
}

fn by_field_returning(cfg: Config) -> impl Iterator<Item = String> {
    iter! {
        for i in 0.. {
            if i == cfg.count {
                return;
            }
            yield format!("{}{i}", cfg.name.name());
        }
    }
}

fn read_and_moved(read: Noisy, moved: Noisy, stop: bool) -> impl Iterator<Item = usize> {
    iter! {
        let taken = moved;
        yield taken.name().len();
        drop(taken);
        if stop {
            return;
        }
        yield read.name().len();
    }
}

/// Runs `it` to its end, logging each item and the end, then drops it.
fn run<T: std::fmt::Debug>(mut it: impl Iterator<Item = T>) -> Vec<String> {
    let _ = take_log();
    for x in &mut it {
        log(format!("item {x:?}"));
    }
    log("end");
    drop(it);
    log("dropped");
    take_log()
}

#[test]
fn a_finished_block_keeps_the_captures_it_did_not_move() {
    let got = run(by_field(Config {
        count: 2,
        name: Noisy::new("n"),
    }));
    assert_eq!(
        got,
        ["item \"n0\"", "item \"n1\"", "end", "drop n", "dropped"]
    );
    let got = run(by_field_returning(Config {
        count: 1,
        name: Noisy::new("r"),
    }));
    assert_eq!(got, ["item \"r0\"", "end", "drop r", "dropped"]);
    let got = run(read_and_moved(
        Noisy::new("read"),
        Noisy::new("moved"),
        false,
    ));
    assert_eq!(
        got,
        [
            "item 5",
            "drop moved",
            "item 4",
            "end",
            "drop read",
            "dropped"
        ]
    );
    let got = run(read_and_moved(
        Noisy::new("read"),
        Noisy::new("moved"),
        true,
    ));
    assert_eq!(got, ["item 5", "drop moved", "end", "drop read", "dropped"]);
}

/// Sends the summary and hangs up.
fn finish(reply: std::sync::mpsc::Sender<&'static str>) {
    reply.send("summary").unwrap();
}

// A capture the body moves on some paths only (`if report { finish(reply) }`) is not one it
// only reads: where no path moved it, it drops when the body ends, after the block's locals,
// as the `move` closure's call drops it (a channel's receiver then sees the sender gone
// before the consumer drops the finished iterator).
fn maybe_reported(
    reply: std::sync::mpsc::Sender<&'static str>,
    token: Noisy,
    report: bool,
) -> impl Iterator<Item = usize> {
    iter! {
        let local = Noisy::new("local");
        yield local.name().len();
        if report {
            finish(reply);
            drop(token);
        }
    }
}

fn maybe_reported_closure(
    reply: std::sync::mpsc::Sender<&'static str>,
    token: Noisy,
    report: bool,
) -> impl FnOnce(&mut Vec<usize>) {
    move |out| {
        let local = Noisy::new("local");
        out.push(local.name().len());
        if report {
            finish(reply);
            drop(token);
        }
    }
}

#[test]
fn a_capture_moved_on_some_paths_drops_when_the_body_ends() {
    for report in [false, true] {
        let (tx, rx) = std::sync::mpsc::channel();
        let _ = take_log();
        let f = maybe_reported_closure(tx, Noisy::new("token"), report);
        let mut items = Vec::new();
        f(&mut items);
        for x in items {
            log(format!("item {x:?}"));
        }
        log("end");
        log("dropped");
        let expected = take_log();
        let sent = rx.try_recv();
        assert!(matches!(
            rx.try_recv(),
            Err(std::sync::mpsc::TryRecvError::Disconnected)
        ));

        let (tx, rx) = std::sync::mpsc::channel();
        let mut it = maybe_reported(tx, Noisy::new("token"), report);
        let _ = take_log();
        for x in &mut it {
            log(format!("item {x:?}"));
        }
        log("end");
        assert_eq!(rx.try_recv(), sent);
        assert!(
            matches!(
                rx.try_recv(),
                Err(std::sync::mpsc::TryRecvError::Disconnected)
            ),
            "the sender drops when the body ends (report: {report})"
        );
        drop(it);
        log("dropped");
        let mut got = take_log();
        // The closure's items are logged after its call; the block's as they come.
        got.retain(|e| !e.starts_with("item"));
        let mut expected = expected;
        expected.retain(|e| !e.starts_with("item"));
        assert_eq!(got, expected, "report: {report}");
    }
}
