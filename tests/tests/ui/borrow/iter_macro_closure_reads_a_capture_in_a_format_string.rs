// A closure in an `iter!` block that names a capture of the block only inside a format
// string (`{prefix}`), held by an iterator across the block's yields: the macro's own error
// on the closure, naming the `move` closure that fixes it (the same as in a generator
// function), not rustc's about the generated state.
use gen_core::iter;

fn listing<'a>(prefix: &'a String, items: &'a [String]) -> impl Iterator<Item = String> + 'a {
    iter! {
        yield format!("{prefix}:start");
        yield_from!(items.iter().map(|i| format!("{prefix}/{i}")));
    }
}

fn fixed<'a>(prefix: &'a String, items: &'a [String]) -> impl Iterator<Item = String> + 'a {
    iter! {
        yield format!("{prefix}:start");
        yield_from!(items.iter().map(move |i| format!("{prefix}/{i}")));
    }
}

fn main() {
    let p = String::from("p");
    let items = vec![String::from("a")];
    let _ = listing(&p, &items).count();
    let _ = fixed(&p, &items).count();
}
