// `?` in a `stream!` block whose items are not `Result`s (the block's item type is inferred,
// so the macro cannot tell): the compiler's error says what `?` needs.
fn main() {
    let _s = gen_core::stream! {
        let n: u32 = "5".parse()?;
        yield n;
    };
}
