//! A loop over a collection of views of another local (`lines: Vec<&str>` collected from
//! `text`) across a yield: iterating over the collection by value would still hold borrows of
//! `text`, so the error names owning the items and iterating by value, both needed.
use gen_core::generator;

#[generator]
fn numbered(parts: Vec<&'static str>) -> impl Iterator<Item = (usize, String)> {
    let text = parts.join("\n");
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    for (i, l) in lines.iter().enumerate() {
        yield_!((i + 1, l.to_string()));
    }
    yield_!((0, text.to_uppercase()));
}

// The fix the message names.
#[generator]
fn numbered_owned(parts: Vec<&'static str>) -> impl Iterator<Item = (usize, String)> {
    let text = parts.join("\n");
    let lines: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|x| x.to_owned())
        .collect::<Vec<_>>();
    for (i, l) in lines.into_iter().enumerate() {
        yield_!((i + 1, l));
    }
    yield_!((0, text.to_uppercase()));
}

fn main() {
    let _ = numbered;
    let _ = numbered_owned(vec!["a"]).count();
}
