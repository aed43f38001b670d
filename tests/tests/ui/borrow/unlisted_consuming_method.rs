// A method of the user's own that takes `self` on a local still in scope at a later yield, in
// a generator that must stay flat (`+ Clone`): rustc's move error (LIMITS 2).
use gen_core::generator;

#[derive(Clone)]
struct Token(String);

impl Token {
    fn redeem(self) -> String {
        self.0
    }
}

#[generator]
fn consumes(t: Token) -> impl Iterator<Item = String> + Clone {
    let token = t;
    let s = token.redeem();
    yield_!(s);
    yield_!(String::new());
}

fn main() {}
