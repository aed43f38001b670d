// A value moved and used again after a yield: the plain function's error (E0382), once, on
// the use, with nothing about the generator (no 'inside of this loop' on `#[generator]`).
use gen_core::generator;

#[generator]
fn moved_text() -> impl Iterator<Item = usize> {
    let s = String::from("abc");
    let t = s;
    yield_!(t.len());
    yield_!(s.len());
}

#[generator]
fn moved_list() -> impl Iterator<Item = u32> {
    let v = vec![1u32, 2];
    let w = v;
    yield_!(w[0]);
    for x in v {
        yield_!(x);
    }
}

#[generator]
fn dropped_argument(name: String) -> impl Iterator<Item = usize> {
    yield_!(name.len());
    drop(name);
    yield_!(name.len());
}

// A type of the user's, which the macro cannot tell is not `Copy`: the state machine saves
// the value at the yield as it would a copy, and its error is the same as the body's.
struct Ticket(String);

fn redeem(_t: Ticket) {}

#[generator]
fn moved_ticket(s: String) -> impl Iterator<Item = u32> {
    let t = Ticket(s);
    redeem(t);
    yield_!(1);
    redeem(t);
}

#[generator]
fn moved_ticket_argument(t: Ticket) -> impl Iterator<Item = u32> {
    redeem(t);
    yield_!(1);
    redeem(t);
}

fn main() {}
