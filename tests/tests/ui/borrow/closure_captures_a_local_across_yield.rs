// A closure without `move` borrows the locals it captures; kept across a yield, it would
// keep a borrow of the generator's own local: the error is on the closure and names `move`.
use gen_core::generator;

#[generator]
fn spikes(samples: Vec<f64>) -> impl Iterator<Item = f64> {
    let limit = 100.0;
    let is_spike = |x: f64| x.abs() > limit;
    for x in samples {
        if is_spike(x) {
            yield_!(x);
        }
    }
}

fn main() {}
