// A builder of the user's whose `set` takes `self`, rebinding the same name (`let b =
// b.set(2);`), in a generator that must stay flat (`+ Clone`): the macro takes `set` for a
// borrow and keeps the shadowed `b`, so rustc's E0382 reports the move, at the yields that
// keep the moved values (limit 2), never at `#[generator]`. `B::set(b, 2)` is the fix.
use gen_core::generator;

#[derive(Clone)]
pub struct B {
    n: usize,
}

impl B {
    pub fn set(mut self, k: usize) -> Self {
        self.n += k;
        self
    }
}

#[generator]
pub fn staged(base: B) -> impl Iterator<Item = usize> + Clone {
    let b = base.set(1);
    yield_!(b.n);
    let b = b.set(2);
    yield_!(b.n);
}

fn main() {
    let _ = staged(B { n: 0 }).count();
}
