use gen_core::generator;

struct Token(String);

impl Token {
    fn redeem(self) -> String {
        self.0
    }
}

#[generator]
fn consumes(t: Token) -> impl Iterator<Item = String> {
    let token = t;
    let s = token.redeem();
    yield_!(s);
    yield_!(String::new());
}

fn main() {}
