//! A type parameter that only the item type names, with a lifetime bound on the returned type
//! (`fn column<T: FromStr>(text: &str) -> impl Iterator<Item = Result<T, T::Err>> + '_`): `+ '_`
//! asks only what the generator keeps to outlive the borrow, as an adapter chain's does. Free
//! functions, methods, named lifetimes and `where` clauses, each against its plain twin.

use std::fmt::Debug;
use std::str::FromStr;

use gen_core::generator;

#[generator]
fn column<T: FromStr>(text: &str) -> impl Iterator<Item = Result<T, T::Err>> + '_ {
    for line in text.lines() {
        let cell = line.split(',').next().unwrap_or("").trim();
        yield_!(cell.parse::<T>());
    }
}

fn column_adapters<T: FromStr>(text: &str) -> impl Iterator<Item = Result<T, T::Err>> + '_ {
    text.lines()
        .map(|line| line.split(',').next().unwrap_or("").trim().parse::<T>())
}

#[test]
fn a_free_function_parses_a_column_like_its_adapter_chain() {
    let text = "1,a\n 2 ,b\nx,c\n40";
    let got: Vec<Result<u8, _>> = column(text).collect();
    let want: Vec<Result<u8, _>> = column_adapters(text).collect();
    assert_eq!(got, want);
    let floats: Vec<f64> = column::<f64>(text).filter_map(Result::ok).collect();
    assert_eq!(floats, [1.0, 2.0, 40.0]);
}

/// A table borrowed from the caller, read in typed rows.
struct Table<'a> {
    rows: Vec<&'a str>,
}

impl<'a> Table<'a> {
    #[generator]
    fn cells<T>(&self, col: usize) -> impl Iterator<Item = T> + '_
    where
        T: FromStr,
        T::Err: Debug,
    {
        for row in &self.rows {
            let Some(cell) = row.split(';').nth(col) else {
                continue;
            };
            if let Ok(value) = cell.parse::<T>() {
                yield_!(value);
            }
        }
    }

    #[generator]
    fn converted<T: From<&'a str>>(&'a self) -> impl Iterator<Item = T> + 'a {
        let rows = self.rows.clone();
        for row in rows {
            yield_!(T::from(row));
        }
    }
}

#[test]
fn methods_with_a_type_parameter_only_in_the_item() {
    let table = Table {
        rows: vec!["1;x;2.5", "3;y", "z;5;7"],
    };
    let ints: Vec<i64> = table.cells(0).collect();
    assert_eq!(ints, [1, 3]);
    let floats: Vec<f32> = table.cells(2).collect();
    assert_eq!(floats, [2.5, 7.0]);
    let owned: Vec<String> = table.converted().collect();
    assert_eq!(owned, ["1;x;2.5", "3;y", "z;5;7"]);
}

#[generator]
fn defaults<'a, T: Default>(names: &'a [&'a str]) -> impl Iterator<Item = (&'a str, T)> + 'a {
    for name in names {
        yield_!((*name, T::default()));
    }
}

#[test]
fn a_named_lifetime_bound() {
    let names = ["a", "b"];
    let got: Vec<(&str, Vec<u8>)> = defaults(&names).collect();
    assert_eq!(got, [("a", vec![]), ("b", vec![])]);
    // `fold` runs the plain copy of the body.
    assert_eq!(defaults::<u32>(&names).map(|(_, v)| v + 1).sum::<u32>(), 2);
}
