//! Views of a local whose type the macro cannot see, kept across a yield: a value a
//! function of the user's returned (`match &cfg.mode { Mode::Fast(k) => { yield_!(..); .. k
//! .. } }`, which may be a reference or own its data), or a line read from a generic reader
//! that an adapter's argument splits (`zip(line.split(','))`). Flat, a view of an owned value
//! would be a borrow of the generator's own local; such a body is lowered `boxed`, exact for
//! both. Each body runs against its plain twin (items, drop log at every early stop).

use gen_tests::{Noisy, check, same_drops, twin};

#[derive(Debug)]
pub enum Mode {
    Fast(u32),
    Slow { delay: u32, label: String },
}

#[derive(Debug)]
pub struct Config {
    mode: Mode,
    name: String,
    _guard: Noisy,
}

/// A configuration of the user's making: the macro cannot see whether it is a reference.
fn load(n: u32) -> Config {
    let mode = if n.is_multiple_of(2) {
        Mode::Fast(n)
    } else {
        Mode::Slow {
            delay: n * 10,
            label: format!("slow{n}"),
        }
    };
    Config {
        mode,
        name: format!("cfg{n}"),
        _guard: Noisy::new(format!("cfg{n}")),
    }
}

twin! {
    fn plans(ns: Vec<u32>) -> String {
        for n in ns {
            let cfg = load(n);
            match &cfg.mode {
                Mode::Fast(k) => {
                    yield_!(format!("fast {k}"));
                    yield_!(format!("after fast {k} for {}", cfg.name));
                }
                Mode::Slow { delay, label } => {
                    yield_!(format!("slow {delay}"));
                    yield_!(format!("{label} after {delay}"));
                }
            }
        }
    }
}

twin! {
    fn fast_plans(ns: Vec<u32>) -> String {
        for n in ns {
            let cfg = load(n);
            if let Mode::Fast(k) = &cfg.mode {
                yield_!(format!("fast {k}"));
                yield_!(format!("after fast {k} for {}", cfg.name));
            } else {
                yield_!(String::from("slow"));
            }
        }
    }
}

#[test]
fn a_match_on_a_borrowed_field_of_a_value_of_the_users_making() {
    assert_eq!(
        check!(fast_plans(vec![1, 2])),
        ["slow", "fast 2", "after fast 2 for cfg2"]
    );
    same_drops!(fast_plans(vec![2, 3, 4]));
    assert_eq!(
        check!(plans(vec![1, 2])),
        [
            "slow 10",
            "slow1 after 10",
            "fast 2",
            "after fast 2 for cfg2"
        ]
    );
    same_drops!(plans(vec![1, 2, 3]));
}

/// A CSV reader over any `BufRead`: the header's columns zipped with each line's cells. The
/// loop's iterator holds `line.split(',')`, a view of `line` (or, for all the macro can see,
/// a reader `split` takes): the body lowers `boxed`, where the view lives as in Rust.
#[gen_core::generator]
fn with_header<R: std::io::BufRead>(
    reader: R,
) -> impl Iterator<Item = std::io::Result<(String, String)>> {
    let mut lines = reader.lines();
    let Some(header) = lines.next() else { return };
    let cols: Vec<String> = header?.split(',').map(|s| s.trim().to_string()).collect();
    for line in lines {
        let line = line?;
        for (c, v) in cols.clone().into_iter().zip(line.split(',')) {
            yield_!(Ok((c, v.trim().to_string())));
        }
    }
}

fn with_header_plain<R: std::io::BufRead>(reader: R) -> std::io::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut lines = reader.lines();
    let Some(header) = lines.next() else {
        return Ok(out);
    };
    let cols: Vec<String> = header?.split(',').map(|s| s.trim().to_string()).collect();
    for line in lines {
        let line = line?;
        for (c, v) in cols.clone().into_iter().zip(line.split(',')) {
            out.push((c, v.trim().to_string()));
        }
    }
    Ok(out)
}

#[test]
fn a_loop_over_an_adapter_holding_a_view_of_a_line() {
    let text = "a, b\n1,2\n3, 4,5\n";
    let got: Vec<(String, String)> = with_header(text.as_bytes())
        .collect::<std::io::Result<_>>()
        .unwrap();
    assert_eq!(got, with_header_plain(text.as_bytes()).unwrap());
    assert_eq!(got.len(), 4);
    assert_eq!(with_header("".as_bytes()).count(), 0);
}
