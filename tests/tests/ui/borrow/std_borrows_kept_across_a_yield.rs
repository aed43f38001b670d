// Borrows of a local made by common std calls, kept across a yield: `stack.last().unwrap()`
// of a `vec!`, `name.as_ref().unwrap()` and `name.as_deref()` of an `Option<String>`, the
// rest of a `Chars` (`cs.as_str()`, through the iterator), a copy of a reference (`let
// alias = r;`). Each is limit 1's error on the user's borrow, not rustc's errors about the
// generator's state.
use gen_core::generator;

#[generator]
fn top_of_stack() -> impl Iterator<Item = u32> {
    let stack = vec![1u32, 2];
    let top = stack.last().unwrap();
    yield_!(0);
    yield_!(*top);
}

#[generator]
fn as_ref_unwrap() -> impl Iterator<Item = usize> {
    let name = Some(String::from("ab"));
    let r = name.as_ref().unwrap();
    yield_!(0);
    yield_!(r.len());
}

#[generator]
fn as_deref() -> impl Iterator<Item = usize> {
    let name = Some(String::from("ab"));
    let r = name.as_deref();
    yield_!(0);
    yield_!(r.map_or(0, str::len));
}

#[generator]
fn chars_rest() -> impl Iterator<Item = usize> {
    let s = String::from("abc");
    let mut cs = s.chars();
    cs.next();
    let rest = cs.as_str();
    yield_!(0);
    yield_!(rest.len());
}

#[generator]
fn alias_of_borrow() -> impl Iterator<Item = usize> {
    let v = vec![1u32];
    let r = &v;
    let alias = r;
    yield_!(0);
    yield_!(alias.len());
}

fn main() {
    let _ = (top_of_stack(), as_ref_unwrap(), as_deref(), chars_rest(), alias_of_borrow());
}
