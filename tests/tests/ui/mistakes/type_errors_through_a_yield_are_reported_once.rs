// Type errors in code that a yield splits, where the value goes through the generator's
// state (an `if` without `else`, a `let .. else` that does not diverge, a `match` that
// misses a variant): rustc's one error, on the user's code, as for the plain function,
// with no error on `#[generator]` and nothing that names the generator's state.
use gen_core::generator;

#[generator]
fn missing_else(ready: bool) -> impl Iterator<Item = u32> {
    let n = if ready {
        yield_!(1);
        2
    };
    yield_!(n);
}

#[generator]
fn let_else_falls_through(first: Option<u32>) -> impl Iterator<Item = u32> {
    yield_!(0);
    let Some(n) = first else {
        yield_!(1);
    };
    yield_!(n);
}

enum Phase {
    Start,
    Run,
    Stop,
}

#[generator]
fn missing_arm(phase: Phase) -> impl Iterator<Item = u32> {
    match phase {
        Phase::Start => yield_!(1),
        Phase::Run => yield_!(2),
    }
    yield_!(3);
}

#[generator]
fn missing_arm_after_a_block(phase: Phase) -> impl Iterator<Item = u32> {
    match phase {
        Phase::Start => yield_!(1),
        Phase::Run => {
            yield_!(2);
        }
    }
}

#[generator]
fn branches_of_two_types(n: u32) -> impl Iterator<Item = u32> {
    let label = if n > 1 { "many" } else { 1 };
    yield_!(n);
    let _ = label;
}

fn main() {
    let _ = (missing_else(true), let_else_falls_through(None));
    let _ = (missing_arm(Phase::Start), Phase::Run, Phase::Stop);
    let _ = (missing_arm_after_a_block(Phase::Run), branches_of_two_types(2));
}
