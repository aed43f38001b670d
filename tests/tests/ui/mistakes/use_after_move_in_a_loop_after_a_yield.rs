//! A value moved, then a yield, then a use of it, in a loop, of a type the macro cannot see
//! is not `Copy`: rustc's E0382 as for the plain function ("borrow of moved value" on the
//! borrow, no label about the generator's own loops). rustc emits it from the fold copy and
//! from the state machine, as the same text on the same tokens, which cargo shows once.
use gen_core::generator;

fn consume(s: String) -> usize {
    s.len()
}

#[generator]
fn lens(names: Vec<&'static str>) -> impl Iterator<Item = usize> {
    for name in names.into_iter().map(String::from) {
        let n = consume(name);
        yield_!(n);
        println!("{}", name);
    }
}

fn main() {
    let _ = lens(vec![]);
}
