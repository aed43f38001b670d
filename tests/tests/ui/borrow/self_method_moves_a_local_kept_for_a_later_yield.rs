// A method of the user's own that takes `self` (which the macro cannot see) on a local still
// in scope at a later yield, in a generator that must stay flat (`+ Clone`; any other is
// lowered `boxed`, exact, and compiles): rustc's move error names the local, points at its
// declaration, the consuming call and the yield (LIMITS 2: write `Stats::finish(stats)`).
use gen_core::generator;

#[derive(Clone)]
struct Stats {
    n: u32,
    sum: u32,
}

impl Stats {
    fn add(&mut self, x: u32) {
        self.n += 1;
        self.sum += x;
    }
    fn finish(self) -> u32 {
        self.sum / self.n.max(1)
    }
}

#[generator]
fn running(xs: Vec<u32>) -> impl Iterator<Item = u32> + Clone {
    let mut stats = Stats { n: 0, sum: 0 };
    for x in xs {
        stats.add(x);
        yield_!(x);
    }
    let mean = stats.finish();
    yield_!(mean);
}

fn main() {}
