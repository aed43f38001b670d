//! A type parameter that only the item type names, with a lifetime bound on the returned type
//! (`fn column<T: FromStr>(text: &str) -> impl Iterator<Item = Result<T, T::Err>> + '_`):
//! the returned type of a `#[generator]` function names no item type, so `+ '_` asks only
//! what the generator keeps to outlive the borrow, as an adapter chain returning the same
//! signature does. Free functions, methods, named lifetimes, `where` clauses, a generator in
//! the frame layout, each against its plain twin.

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

/// Sixteen counters read after each of sixteen yields: the frame layout.
#[generator]
fn wide<T: FromStr>(text: &str) -> impl Iterator<Item = Result<T, T::Err>> + '_ {
    let mut fields = text.split(' ');
    let mut w0 = 0usize;
    let mut w1 = 1usize;
    let mut w2 = 2usize;
    let mut w3 = 3usize;
    let mut w4 = 4usize;
    let mut w5 = 5usize;
    let mut w6 = 6usize;
    let mut w7 = 7usize;
    let mut w8 = 8usize;
    let mut w9 = 9usize;
    let mut w10 = 10usize;
    let mut w11 = 11usize;
    let mut w12 = 12usize;
    let mut w13 = 13usize;
    let mut w14 = 14usize;
    let w15 = 15usize;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w0 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w1 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w2 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w3 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w4 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w5 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w6 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w7 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w8 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w9 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w10 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w11 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w12 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w13 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w14 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
}

fn wide_plain<T: FromStr>(text: &str) -> Vec<Result<T, T::Err>> {
    let mut out = Vec::new();
    let mut fields = text.split(' ');
    let mut w = [0usize; 16];
    for (j, slot) in w.iter_mut().enumerate() {
        *slot = j;
    }
    for t in 0..16 {
        let sum: usize = w.iter().sum();
        out.push(format!("{}", sum + fields.next().map_or(0, str::len)).parse::<T>());
        w[t] += 1;
    }
    out
}

#[test]
fn a_generator_in_the_frame_layout() {
    let text = "a bb ccc";
    let got: Vec<Result<u64, _>> = wide(text).collect();
    assert_eq!(got, wide_plain::<u64>(text));
    let bytes: Vec<Result<u8, _>> = wide(text).collect();
    assert_eq!(bytes, wide_plain::<u8>(text));
    assert_eq!(wide::<u64>(text).take(3).count(), 3);
}
