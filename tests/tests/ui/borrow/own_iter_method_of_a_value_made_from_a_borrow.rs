// `for i in s.iter()` of a value of the user's making from a borrow of a local
// (`Sensor::new(&name, 3)`), in a generator that must stay flat: the macro takes `iter` for
// std's, whose items borrow `s`. The error names the fix for a method of the user's that
// returns owned values too: call it as a function, `Type::iter(&s)`.
use gen_core::generator;

pub struct Sensor<'a> {
    name: &'a str,
    n: u32,
}

impl<'a> Sensor<'a> {
    pub fn new(name: &'a str, n: u32) -> Self {
        Sensor { name, n }
    }

    pub fn iter(&self) -> std::ops::Range<u32> {
        0..self.n + self.name.len() as u32
    }
}

#[generator]
pub fn readings(label: String) -> impl Iterator<Item = u32> + Clone {
    let name = label.to_uppercase();
    let s = Sensor::new(&name, 3);
    for i in s.iter() {
        yield_!(i);
    }
}

// The fix, which compiles.
#[generator]
pub fn readings_fixed(label: String) -> impl Iterator<Item = u32> + Clone {
    let name = label.to_uppercase();
    let s = Sensor::new(&name, 3);
    for i in Sensor::iter(&s) {
        yield_!(i);
    }
}

fn main() {}
