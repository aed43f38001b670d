// A generator declared `+ Clone` whose `match` reads through a lock's or a `RefCell`'s guard
// and yields in an arm: the guard, a temporary of the scrutinee, lives until the `match`
// ends, across the yields, and cannot be cloned. One error, on the temporary, naming the fix
// (bind what the `match` needs with `let` before it), not rustc's on the signature's `Clone`.
use std::cell::RefCell;
use std::sync::Mutex;

use gen_core::generator;

pub struct Queue {
    pending: RefCell<Vec<u32>>,
    done: Mutex<Vec<u32>>,
}

impl Queue {
    #[generator]
    pub fn sizes(&self) -> impl Iterator<Item = usize> + Clone + '_ {
        match self.pending.borrow().len() {
            0 => yield_!(0),
            n => {
                yield_!(n);
                yield_!(n + 1);
            }
        }
    }

    #[generator]
    pub fn last_done(&self) -> impl Iterator<Item = u32> + Clone + '_ {
        match self.done.lock().unwrap().pop() {
            Some(job) => {
                yield_!(job);
                yield_!(job + 1);
            }
            None => yield_!(0),
        }
    }
}

fn main() {}
