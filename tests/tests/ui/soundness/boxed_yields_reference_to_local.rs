use gen_core::generator;

// The compiler-backed lowering checks the item against the signature's lifetime too: the
// yield handle is invariant in the item type, so `&local` cannot pass for `&'a String`.
#[generator(boxed)]
fn leak<'a>(_x: &'a String) -> impl Iterator<Item = &'a String> {
    let local = String::from("local");
    yield_!(&local);
}

fn main() {}
