//! `self` and the body's locals inside macros, in generators that are methods:
//! - a format string that captures `self` (`"{self:?}"`) reads the receiver as it is now
//!   (it read a copy made when the generator was created, or failed with E0382);
//! - `stringify!(self.n)`, `assert!(self.n < 2)`'s panic message and what `dbg!(self.n)`
//!   prints show the code as written;
//! - a `macro_rules!` of the body that names `self` or a local (`cur!()` reading
//!   `self.pos`, `done!()` dropping a local, `add!(x)` changing one) means what it means in
//!   the plain function: the value it reads is current, and what it drops drops there.
//!
//! Each is compared with the same body as a plain method or function.

use std::fmt::{self, Write as _};
use std::panic::{AssertUnwindSafe, catch_unwind};

use gen_core::generator;
use gen_tests::{Noisy, log, same_drops, take_log};

#[derive(Debug, Clone, Copy)]
pub struct Counter {
    n: u32,
}

impl fmt::Display for Counter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.n)
    }
}

impl Counter {
    #[generator]
    fn states(mut self) -> impl Iterator<Item = String> {
        for _ in 0..3 {
            self.n += 1;
            yield_!(format!("{self:?} {}", self.n));
        }
    }

    fn states_plain(mut self) -> Vec<String> {
        let mut out = Vec::new();
        for _ in 0..3 {
            self.n += 1;
            out.push(format!("{self:?} {}", self.n));
        }
        out
    }

    #[generator]
    fn written(&mut self) -> impl Iterator<Item = String> + '_ {
        let mut text = String::new();
        write!(text, "{self}").unwrap();
        yield_!(text.clone());
        self.n += 10;
        let line = format!("{self:>5}|{self:?}");
        yield_!(line);
        writeln!(text, "then {self}").unwrap();
        yield_!(text);
    }

    fn written_plain(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        let mut text = String::new();
        write!(text, "{self}").unwrap();
        out.push(text.clone());
        self.n += 10;
        let line = format!("{self:>5}|{self:?}");
        out.push(line);
        writeln!(text, "then {self}").unwrap();
        out.push(text);
        out
    }

    #[generator]
    fn named(&mut self) -> impl Iterator<Item = String> + '_ {
        yield_!(stringify!(self.n).to_owned());
        for _ in 0..3 {
            self.n += 1;
            yield_!(format!("n={}", self.n));
            assert!(self.n < 2);
        }
    }

    fn named_plain(&mut self, out: &mut Vec<String>) {
        out.push(stringify!(self.n).to_owned());
        for _ in 0..3 {
            self.n += 1;
            out.push(format!("n={}", self.n));
            assert!(self.n < 2);
        }
    }

    #[generator]
    fn nested(&mut self) -> impl Iterator<Item = String> + '_ {
        yield_!(format!("n: {}", stringify!(self.n)));
        self.n += 1;
        yield_!(concat!("x:", stringify!(self)).to_owned());
        assert!(matches!(self, Counter { n: 0 }));
    }

    fn nested_plain(&mut self, out: &mut Vec<String>) {
        out.push(format!("n: {}", stringify!(self.n)));
        self.n += 1;
        out.push(concat!("x:", stringify!(self)).to_owned());
        assert!(matches!(self, Counter { n: 0 }));
    }

    #[generator]
    fn cursor(mut self) -> impl Iterator<Item = u32> {
        macro_rules! cur {
            () => {
                self.n
            };
        }
        for _ in 0..3 {
            self.n += 1;
            yield_!(cur!());
        }
    }

    fn cursor_plain(mut self) -> Vec<u32> {
        macro_rules! cur {
            () => {
                self.n
            };
        }
        let mut out = Vec::new();
        for _ in 0..3 {
            self.n += 1;
            out.push(cur!());
        }
        out
    }
}

#[test]
fn a_format_string_reads_the_receiver_as_it_is_now() {
    let c = Counter { n: 0 };
    assert_eq!(c.states().collect::<Vec<_>>(), c.states_plain());
    let mut items = Vec::new();
    c.states().for_each(|s| items.push(s));
    assert_eq!(items, c.states_plain());
    let (mut a, mut b) = (Counter { n: 1 }, Counter { n: 1 });
    assert_eq!(a.written().collect::<Vec<_>>(), b.written_plain());
    assert_eq!(a.n, b.n);
}

fn message(e: Box<dyn std::any::Any + Send>) -> String {
    e.downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| e.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

#[test]
fn stringify_and_an_assertion_show_the_code_as_written() {
    let mut plain = Vec::new();
    let want = catch_unwind(AssertUnwindSafe(|| {
        Counter { n: 0 }.named_plain(&mut plain);
    }))
    .unwrap_err();
    let mut items = Vec::new();
    let mut c = Counter { n: 0 };
    let got = catch_unwind(AssertUnwindSafe(|| {
        for s in c.named() {
            items.push(s);
        }
    }))
    .unwrap_err();
    assert_eq!(items, plain);
    assert_eq!(items[0], "self.n");
    assert_eq!(message(got), message(want));
}

#[test]
fn stringify_inside_another_macro_and_an_assertion_with_braces_show_the_code_as_written() {
    let mut plain = Vec::new();
    let want = catch_unwind(AssertUnwindSafe(|| {
        Counter { n: 0 }.nested_plain(&mut plain);
    }))
    .unwrap_err();
    let mut items = Vec::new();
    let mut c = Counter { n: 0 };
    let got = catch_unwind(AssertUnwindSafe(|| {
        for s in c.nested() {
            items.push(s);
        }
    }))
    .unwrap_err();
    assert_eq!(items, plain);
    assert_eq!(message(got), message(want));
}

#[test]
fn a_macro_of_the_body_naming_self_reads_it_as_it_is_now() {
    let c = Counter { n: 5 };
    assert_eq!(c.cursor().collect::<Vec<_>>(), c.cursor_plain());
}

#[generator]
fn dropped_by_a_macro(n: u32) -> impl Iterator<Item = u32> {
    let guard = Noisy::new("guard");
    let mut total = 0;
    macro_rules! add {
        ($x:expr) => {
            total += $x
        };
    }
    macro_rules! done {
        () => {
            drop(guard)
        };
    }
    for i in 0..n {
        add!(i);
        yield_!(total);
    }
    done!();
    yield_!(total * 10);
}

fn dropped_by_a_macro_plain(n: u32, stop: Option<usize>) {
    let guard = Noisy::new("guard");
    let mut total = 0;
    let mut left = stop.unwrap_or(usize::MAX);
    macro_rules! add {
        ($x:expr) => {
            total += $x
        };
    }
    macro_rules! done {
        () => {
            drop(guard)
        };
    }
    macro_rules! item {
        ($v:expr) => {{
            log(format!("yield {:?}", $v));
            left -= 1;
            if left == 0 {
                return;
            }
        }};
    }
    for i in 0..n {
        add!(i);
        item!(total);
    }
    done!();
    item!(total * 10);
}

#[test]
fn a_macro_of_the_body_that_moves_or_changes_a_local_does_it_where_it_is_called() {
    let _ = take_log();
    let log = same_drops(
        || dropped_by_a_macro(3),
        |stop| dropped_by_a_macro_plain(3, stop),
    );
    assert_eq!(
        log,
        ["yield 0", "yield 1", "yield 3", "drop guard", "yield 30"]
    );
}

#[derive(Debug)]
pub struct Named {
    n: u32,
    name: String,
}

impl Named {
    #[generator]
    fn debugged(&mut self) -> impl Iterator<Item = u32> {
        self.n += 1;
        let v = dbg!(self.n);
        yield_!(v);
        let (a, b) = dbg!(self.n + 1, self.name.len());
        yield_!(a + b as u32);
    }

    fn debugged_plain(&mut self) -> Vec<u32> {
        let mut out = Vec::new();
        self.n += 1;
        let v = dbg!(self.n);
        out.push(v);
        let (a, b) = dbg!(self.n + 1, self.name.len());
        out.push(a + b as u32);
        out
    }

    #[generator]
    fn debugged_by_value(mut self) -> impl Iterator<Item = String> {
        self.n += 1;
        yield_!(dbg!(self.name));
        yield_!(self.n.to_string());
    }
}

/// What `dbg!` printed, `[file:line:col] ` cut off, when this test binary ran `test` alone
/// with `GEN_TESTS_DBG_CHILD` set (`dbg!` writes to the process's stderr).
fn dbg_lines(test: &str) -> Vec<String> {
    let out = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env("GEN_TESTS_DBG_CHILD", "1")
        .output()
        .expect("the test binary runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter_map(|l| l.split_once("] ").map(|(_, rest)| rest.to_string()))
        .collect()
}

#[test]
fn dbg_of_self_prints_the_code_as_written() {
    if std::env::var_os("GEN_TESTS_DBG_CHILD").is_some() {
        let mut n = Named {
            n: 1,
            name: "ab".into(),
        };
        assert_eq!(n.debugged().collect::<Vec<_>>(), [2, 5]);
        let items: Vec<String> = Named {
            n: 1,
            name: "ab".into(),
        }
        .debugged_by_value()
        .collect();
        assert_eq!(items, ["ab", "2"]);
        return;
    }
    let printed = dbg_lines("dbg_of_self_prints_the_code_as_written");
    assert_eq!(
        printed,
        [
            "self.n = 2",
            "self.n + 1 = 3",
            "self.name.len() = 2",
            "self.name = \"ab\""
        ]
    );
    // What the plain method prints for the same code.
    let printed_plain = dbg_lines("dbg_of_self_in_the_plain_method");
    assert_eq!(printed[..3], printed_plain[..]);
}

#[test]
fn dbg_of_self_in_the_plain_method() {
    if std::env::var_os("GEN_TESTS_DBG_CHILD").is_some() {
        let mut n = Named {
            n: 1,
            name: "ab".into(),
        };
        assert_eq!(n.debugged_plain(), [2, 5]);
    }
}
