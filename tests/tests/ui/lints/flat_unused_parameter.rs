//! An unused parameter is reported on the user's parameter inside a flat generator, one with
//! drop glue (which the generator keeps to drop at the end) as well as a number; a receiver
//! the body does not use is not, as in a plain method.
#![deny(warnings)]

use gen_core::generator;

#[generator]
fn counted(names: Vec<String>, label: String, n: u32) -> impl Iterator<Item = u32> {
    yield_!(label.len() as u32);
    yield_!(1);
}

pub struct Tally;

impl Tally {
    #[generator]
    fn ones(&self, limit: u32) -> impl Iterator<Item = u32> + '_ {
        for i in 0..limit {
            yield_!(i);
        }
    }
}

fn main() {
    let _ = counted(Vec::new(), String::new(), 1).count();
    let _ = Tally.ones(2).count();
}
