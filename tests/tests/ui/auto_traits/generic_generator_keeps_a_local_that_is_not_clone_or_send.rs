// A generic generator declared `+ Clone` or `+ Send` keeps locals that are not: each error
// is on the local where it is declared (or the loop's iterable), names the type parameter
// to bound or the type to derive `Clone` for, and never the generator's state.
use gen_core::generator;

struct Ticket(u32);

#[generator]
fn pairs<I: Iterator<Item = u32>>(numbers: I) -> impl Iterator<Item = u32> + Clone {
    let ticket = Ticket(1);
    for n in numbers {
        yield_!(n + ticket.0);
    }
}

#[generator]
fn shared<T>(values: Vec<T>) -> impl Iterator<Item = usize> + Send {
    let count = std::rc::Rc::new(values.len());
    for _value in values {
        yield_!(*count);
    }
}

fn main() {
    let _ = pairs::<std::ops::Range<u32>>;
    let _ = shared::<u8>;
}
