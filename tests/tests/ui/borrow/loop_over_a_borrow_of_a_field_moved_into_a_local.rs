// `let columns = rows.columns;` then `for &c in &columns` across a yield: the macro cannot see
// the field's type, but `&&T` is no `IntoIterator`, so `columns` owns its collection and the
// loop keeps a borrow of it across the yield. The error is the macro's, on the borrow, with
// no other error after it (the stand-in body asks nothing of `T` despite `+ 'a`).
use std::str::FromStr;

use gen_core::generator;

pub struct Rows {
    pub columns: Vec<usize>,
    pub header: usize,
}

#[generator]
fn parse_all<'a, T: FromStr>(
    rows: Rows,
    text: &'a str,
) -> impl Iterator<Item = Result<T, T::Err>> + 'a {
    let columns = rows.columns;
    for line in text.lines().skip(rows.header) {
        for &c in &columns {
            yield_!(line[c..c + 1].parse::<T>());
        }
    }
}

fn main() {
    let _ = parse_all::<u32>;
}
