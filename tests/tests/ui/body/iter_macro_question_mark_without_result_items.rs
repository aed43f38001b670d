// `?` in an `iter!` block whose items are not `Result`s: one error, on the `?`, naming the
// fix.
fn numbers(text: String) -> impl Iterator<Item = u32> {
    gen_core::iter! {
        let n: u32 = text.parse()?;
        yield n;
    }
}

fn main() {
    let _ = numbers;
}
