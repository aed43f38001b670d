//! A method of the user's own named like a std method that borrows its receiver (`peek`,
//! `get`), whose value a `while let` or a `match` takes apart: the binding has no type to
//! write, so the error names the call that tells the macro the result is owned.
use gen_core::generator;

struct Lexer {
    chars: Vec<char>,
    pos: usize,
}

impl Lexer {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
    fn get(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }
    fn bump(&mut self) {
        self.pos += 1;
    }
}

#[generator]
fn twice(src: String) -> impl Iterator<Item = String> {
    let mut lx = Lexer { chars: src.chars().collect(), pos: 0 };
    while let Some(c) = lx.peek() {
        lx.bump();
        yield_!(c.to_string());
        yield_!(format!("again {c}"));
    }
}

#[generator]
fn second(src: String) -> impl Iterator<Item = char> {
    let lx = Lexer { chars: src.chars().collect(), pos: 0 };
    match lx.get(1) {
        Some(c) => {
            yield_!(c);
            yield_!(c);
        }
        None => {}
    }
}

// The fix the message names.
#[generator]
fn twice_called(src: String) -> impl Iterator<Item = String> {
    let mut lx = Lexer { chars: src.chars().collect(), pos: 0 };
    while let Some(c) = Lexer::peek(&lx) {
        lx.bump();
        yield_!(c.to_string());
        yield_!(format!("again {c}"));
    }
}

fn main() {
    let _ = twice;
    let _ = second;
    let _ = twice_called;
}
