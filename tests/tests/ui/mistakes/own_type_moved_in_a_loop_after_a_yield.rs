// A value of the user's own type (which may be `Copy`, as far as the macro can see) yielded by
// value in a loop: rustc's E0382, with no suggestion that does not apply (no `yield_!(ref v)`).
// The state machine's copy of the error differs from the plain copy's by its loop label, so
// cargo shows both (README, "How it works").
use gen_core::generator;

#[derive(Debug)]
pub struct Job(String);

#[generator]
pub fn repeat_job(v: Job, n: usize) -> impl Iterator<Item = Job> {
    for _ in 0..n {
        yield_!(v);
    }
}

fn main() {
    let _ = repeat_job(Job(String::new()), 2).count();
}
