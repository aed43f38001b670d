//! Statements under `#[cfg(..)]` exist exactly when rustc keeps them, in every flavour: a
//! statement whose `cfg` is false (`not(test)` here) does not run, one whose `cfg` is true
//! (`test`) does. A `#[generator]` with `cfg` on a `let` or on a statement that yields is
//! lowered `boxed` (the flat state machine must know its locals and states before `cfg` is
//! decided), with the plain function's items and drops; one declared `+ Clone` cannot be: it
//! is lowered once per outcome of up to three predicates (more are the macro's error,
//! `tests/ui/body/cfg_on_yield_clone.rs`).

use std::cell::Cell;

use futures::StreamExt;
use gen_core::generator;
use gen_tests::{Noisy, check, same_drops, twin};

thread_local!(static RUNS: Cell<u32> = const { Cell::new(0) });

fn run() -> u32 {
    RUNS.with(|r| r.set(r.get() + 1));
    RUNS.with(Cell::get)
}

macro_rules! run_twice {
    () => {{
        run();
        run();
    }};
}

twin! {
    fn conditional_statements(n: u32) -> u32 {
        #[cfg(not(test))]
        run();
        let first = n + 1;
        #[cfg(not(test))]
        run_twice!();
        #[cfg(not(test))]
        {
            run();
        }
        yield_!(first);
        #[cfg(test)]
        {
            run();
        }
        yield_!(first + 1);
        #[cfg(test)]
        run_twice!();
        yield_!(n);
    }
}

#[test]
fn flat_statements_under_cfg_run_as_rustc_keeps_them() {
    // The twin's plain function runs the same statements: `run()` counts for both.
    assert_eq!(check!(conditional_statements(5)), [6, 7, 5]);
    let before = RUNS.with(Cell::get);
    assert_eq!(conditional_statements::generator(1).count(), 3);
    assert_eq!(
        RUNS.with(Cell::get) - before,
        3,
        "only the statements whose cfg holds ran"
    );
}

#[generator(boxed)]
fn boxed_conditional_yields(n: u32) -> impl Iterator<Item = u32> {
    #[cfg(not(test))]
    yield_!(999);
    #[cfg(test)]
    yield_!(n);
    #[cfg(not(test))]
    yield_from!([7, 8]);
    #[cfg(not(test))]
    {
        yield_!(998);
    }
    yield_!(n + 1);
}

#[generator]
fn stream_conditional_yields(n: u32) -> impl futures::Stream<Item = u32> {
    #[cfg(not(test))]
    yield_!(999);
    #[cfg(test)]
    yield_!(n);
    std::future::ready(()).await;
    #[cfg(not(test))]
    yield_!(997);
    yield_!(n + 1);
}

#[test]
fn boxed_and_async_yields_under_cfg() {
    assert_eq!(boxed_conditional_yields(3).collect::<Vec<_>>(), [3, 4]);
    let items: Vec<u32> = futures::executor::block_on(stream_conditional_yields(3).collect());
    assert_eq!(items, [3, 4]);
}

twin! {
    fn conditional_lets_and_yields(n: u32) -> String {
        let guard = Noisy::new("guard");
        #[cfg(test)]
        let label = Noisy::new(format!("label {n}"));
        #[cfg(not(test))]
        let label = Noisy::new("never");
        #[cfg(test)]
        yield_!(label.name().to_owned());
        #[cfg(not(test))]
        yield_!(String::from("never"));
        #[cfg(test)]
        let extra = {
            let part = Noisy::new("part");
            yield_!(part.name().to_owned());
            n * 2
        };
        #[cfg(test)]
        for i in 0..n {
            yield_!(format!("{i} {extra}"));
        }
        #[cfg(not(test))]
        let extra = 0;
        drop(label);
        yield_!(guard.name().to_owned());
        #[cfg(test)]
        yield_from!([extra.to_string(), String::from("end")]);
    }
}

#[test]
fn cfg_on_lets_and_yields_of_a_flat_generator() {
    assert_eq!(
        check!(conditional_lets_and_yields(2)),
        ["label 2", "part", "0 4", "1 4", "guard", "4", "end"]
    );
    let log = same_drops!(conditional_lets_and_yields(2));
    assert!(log.iter().any(|e| e == "drop part"), "{log:?}");
}

#[test]
fn cfg_on_a_let_in_an_iter_block() {
    let n = 3u32;
    let items: Vec<u32> = gen_core::iter! {
        #[cfg(test)]
        let start = n;
        #[cfg(not(test))]
        let start = 100;
        #[cfg(test)]
        yield start;
        yield start + 1;
    }
    .collect();
    assert_eq!(items, [3, 4]);
}

/// A generator that must stay flat (`+ Clone`), with `cfg` on `let`s and yields under three
/// predicates, one always true (`test`), two always false (`not(test)`, `any()`).
#[generator]
fn clonable_with_cfg(n: u32) -> impl Iterator<Item = String> + Clone {
    #[cfg(test)]
    let label = format!("label {n}");
    #[cfg(not(test))]
    let label = String::from("never");
    yield_!(label.clone());
    #[cfg(any())]
    yield_!(String::from("never"));
    #[cfg(test)]
    for i in 0..n {
        yield_!(format!("{i} {label}"));
    }
    yield_!(String::from("end"));
}

#[test]
fn cfg_on_lets_and_yields_of_a_clonable_generator() {
    let mut g = clonable_with_cfg(2);
    assert_eq!(g.next().as_deref(), Some("label 2"));
    let copy = g.clone();
    let rest: Vec<String> = g.collect();
    assert_eq!(rest, ["0 label 2", "1 label 2", "end"]);
    assert_eq!(copy.collect::<Vec<_>>(), rest);
}
