// `match` arms of two types whose value goes through the generator's state (an arm yields):
// rustc's "`match` arms have incompatible types", and the state machine's own mismatches on
// the user's values, none naming the generator's state (its variants are built with braces,
// not called).
use gen_core::generator;

#[generator]
fn digits(src: &str) -> impl Iterator<Item = u32> + '_ {
    for ch in src.chars() {
        let v = match ch {
            '0'..='9' => {
                yield_!(0);
                ch.to_digit(10).unwrap()
            }
            '+' => "plus",
            _ => 0,
        };
        yield_!(v);
    }
}

fn main() {
    let _ = digits("1+");
}
