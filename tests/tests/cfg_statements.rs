//! Statements under `#[cfg(..)]` exist exactly when rustc keeps them, in every flavour: a
//! statement whose `cfg` is false (`not(test)` here) does not run, one whose `cfg` is true
//! (`test`) does. In flat
//! generators `cfg` may sit on statements that do not yield (a yield or a `let` under `cfg`
//! is a compile error there, see `tests/ui/body/cfg_on_yield_flat.rs`); boxed and async
//! generators accept it on yields too.

use std::cell::Cell;

use futures::StreamExt;
use gen_core::generator;
use gen_tests::{check, twin};

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
