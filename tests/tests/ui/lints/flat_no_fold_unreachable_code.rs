//! Statements after a diverging call are reported as unreachable inside a
//! `#[generator(no_fold)]` flat generator (no fold copy: the state machine alone). (Statements
//! after `return;` are not: a no_fold state machine leaves them out, see the README's Limits.)
#![deny(warnings)]

use gen_core::generator;

#[generator(no_fold)]
fn after_panic(limit: u32) -> impl Iterator<Item = u32> {
    yield_!(limit);
    if limit > 10 {
        panic!("limit too large");
        let next = limit + 1;
        yield_!(next);
    }
}

fn main() {
    let _ = after_panic(3).count();
}
