// An item that borrows a local of the generator (`&owned`, `text.as_str()`, `s.trim()` of an
// owned `String`, `&s[..]`, `&v[i]`): the item must outlive the step that yields it. The macro's error is on the
// yielded value (the plain function's is rustc's "does not live long enough").
use gen_core::generator;

#[generator]
fn labels<'a>(prefix: &'a str) -> impl Iterator<Item = &'a str> {
    yield_!(prefix);
    let owned = format!("{prefix}-2");
    yield_!(&owned);
}

#[generator]
fn trimmed(lines: Vec<String>) -> impl Iterator<Item = &'static str> {
    for line in lines {
        let text = line.to_string();
        yield_!(text.as_str());
    }
}

#[generator]
fn upper<'a>(words: &'a [&'a str]) -> impl Iterator<Item = &'a str> {
    for w in words {
        let s = w.to_uppercase();
        yield_!(&s[..]);
    }
}

fn main() {}
