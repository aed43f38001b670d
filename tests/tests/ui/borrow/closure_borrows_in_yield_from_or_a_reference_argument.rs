// A closure kept across a yield that captures by reference a local the macro sees only used
// by value: a number in `yield_from!`'s iterator, and a `&str` argument (a shared reference is
// `Copy`, so the closure borrows the local holding it). The error names the `move` fix.
use gen_core::generator;

#[generator]
fn longer(words: Vec<String>) -> impl Iterator<Item = String> {
    let limit = 2;
    yield_from!(words.into_iter().filter(|w| w.len() > limit));
}

#[generator]
fn grep(lines: Vec<String>, needle: &str) -> impl Iterator<Item = String> {
    for l in lines.into_iter().filter(|l| l.contains(needle)) {
        yield_!(l);
    }
}

#[generator]
fn hits<'a>(lines: Vec<&'a str>, needle: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let is_hit = |l: &&str| *l == needle;
    for l in lines {
        if is_hit(&l) {
            yield_!(l);
        }
    }
}

fn main() {}
