// A generator declared `+ Clone` keeps a local that is not `Clone` across a yield: one
// error, the macro's check on the local where it is declared (none on the signature's
// `Clone`). In a generic generator the check is rustc's own bound, which names the fix (a
// bound on `T`).
use gen_core::generator;

struct Ticket(u32);

#[generator]
fn numbers() -> impl Iterator<Item = u32> + Clone {
    let ticket = Ticket(3);
    yield_!(1);
    yield_!(ticket.0);
}

#[generator]
fn items<T>(v: Vec<T>) -> impl Iterator<Item = T> + Clone {
    for x in v {
        yield_!(x);
    }
}

fn main() {
    let _ = numbers;
    let _ = items::<u8>;
}
