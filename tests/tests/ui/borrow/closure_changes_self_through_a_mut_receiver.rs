// A named closure that changes a field through `&mut self` and is kept across a yield: the
// fix named passes the receiver as an argument under a name a closure parameter may have
// (`this`, not `self`), or moves the reference into a `move` closure.
use gen_core::generator;

pub struct Counter {
    count: u32,
}

impl Counter {
    #[generator]
    fn bumps(&mut self) -> impl Iterator<Item = u32> + '_ {
        let step = 2;
        let mut bump = |k: u32| {
            self.count += k * step;
            self.count
        };
        for k in 1..4 {
            let c = bump(k);
            yield_!(c);
        }
    }
}

fn main() {
    let mut c = Counter { count: 0 };
    let _ = c.bumps().count();
}
