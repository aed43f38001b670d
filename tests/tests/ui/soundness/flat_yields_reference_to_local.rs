use gen_core::generator;

// A flat generator's item cannot borrow one of its own locals: the local is gone (or moved
// into the next state) by the time the consumer holds the item. Written directly, the macro
// says so; through a reference it cannot see (`pick`), the compiler still rejects it.
#[generator]
fn leak<'a>(_x: &'a String) -> impl Iterator<Item = &'a String> {
    let local = String::from("local");
    yield_!(&local);
}

fn pick(s: &String) -> &String {
    s
}

#[generator]
fn leak_through_a_call<'a>(_x: &'a String) -> impl Iterator<Item = &'a String> {
    let local = String::from("local");
    let r = pick(&local);
    yield_!(r);
}

fn main() {}
