// A yield's operand keeps the lock guard it reads through until the generator resumes (as a
// statement keeps its temporaries), so a generator declared `+ Send` cannot: the error is on
// the operand, where the guard is made. The fix: read the value out before the yield.
use gen_core::generator;
use std::sync::Mutex;

#[generator]
fn lengths<'a>(m: &'a Mutex<Vec<u32>>) -> impl Iterator<Item = u32> + Send + 'a {
    yield_!(m.lock().unwrap().len() as u32);
    yield_!(0);
}

#[generator]
fn fixed<'a>(m: &'a Mutex<Vec<u32>>) -> impl Iterator<Item = u32> + Send + 'a {
    let n = m.lock().unwrap().len() as u32;
    yield_!(n);
    yield_!(0);
}

fn main() {
    let m = Mutex::new(vec![]);
    let _ = lengths(&m);
    let _ = fixed(&m);
}
