// `iter!` is checked like a named generator: an item borrowing its own local is rejected.
fn leak() -> impl Iterator<Item = &'static String> {
    gen_core::iter! {
        let local = String::from("local");
        yield_!(&local);
    }
}

fn main() {}
