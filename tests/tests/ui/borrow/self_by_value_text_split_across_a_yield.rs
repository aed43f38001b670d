use gen_core::generator;

pub struct Doc {
    text: String,
}

impl Doc {
    // `self` is the generator's own local: a loop over a borrow of its text cannot be kept
    // across a yield. The error names the owned loop and `&self`.
    #[generator]
    pub fn words(self) -> impl Iterator<Item = String> {
        for w in self.text.split_whitespace() {
            yield_!(w.to_string());
        }
    }
}

fn main() {}
