// A non-`move` closure kept across a yield that captures by reference a local closure it
// calls (`double(double(x))`, also through a closure it passes on), a local iterator it
// steps (`it.next()`), a number it reads through a box (`*b`), or a local it reads in a
// `matches!` guard: the macro's own error on the closure, naming the fix that applies.
use gen_core::generator;

#[generator]
fn quads() -> impl Iterator<Item = u32> {
    let double = |x: u32| x * 2;
    let quad = |x: u32| double(double(x));
    for i in 0..3 {
        yield_!(quad(i));
    }
}

#[generator]
fn sorted() -> impl Iterator<Item = String> {
    let key = |s: &str| s.len();
    let mut words = vec!["ccc", "a", "bb"];
    let sort = |w: &mut Vec<&str>| w.sort_by_key(|s| key(s));
    sort(&mut words);
    for w in words.clone() {
        yield_!(w.to_string());
        sort(&mut words);
    }
}

#[generator]
fn stepped() -> impl Iterator<Item = u32> {
    let mut it = 0..3u32;
    let mut next_quad = || it.next().map(|x| x * 4);
    while let Some(x) = next_quad() {
        yield_!(x);
    }
}

#[generator]
fn offset() -> impl Iterator<Item = u32> {
    let b = Box::new(1u32);
    let quad = |x: u32| x * 4 + *b;
    for i in 0..3 {
        yield_!(quad(i));
    }
}

#[generator]
fn above(lo: u32) -> impl Iterator<Item = bool> {
    let lo = lo + 1;
    let above = |x: u32| matches!(x, n if n > lo);
    for i in 0..3 {
        yield_!(above(i));
    }
}

// The fixes, which compile.
#[generator]
fn fixed() -> impl Iterator<Item = u32> {
    let double = |x: u32| x * 2;
    let quad = move |x: u32| double(double(x));
    let b = Box::new(1u32);
    let plus = move |x: u32| x + *b;
    let mut it = 0..3u32;
    let mut next = move || it.next();
    while let Some(x) = next() {
        yield_!(plus(quad(x)));
    }
}

fn main() {}
