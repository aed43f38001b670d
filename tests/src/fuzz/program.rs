//! The random generator-program generator.
//!
//! A program is one body, written once with markers (`@RET@`, `@AW(..)AW@`, `@SLEEP@`,
//! `@YF(..)YF@`) and rendered twice: as a `#[generator]` function and as a plain function in
//! which a local `macro_rules! yield_` pushes into a `Vec` and logs `yield <item>`. Both share
//! the batch runtime (`rt.rs` of the generated crate): the drop-recording guard type `G`, the
//! struct `S` (a guard, a `Vec<u64>` and a `u64`, for partial moves) and helpers (`consume`,
//! `wadd`, `wmul`, `chk`, `tick(())`).
//! The statements themselves come from `super::body`.

use super::body;

/// Which kind of generator a program is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// `#[generator] -> impl Iterator<Item = u64>` (flat lowering).
    Sync,
    /// `#[generator] -> impl Iterator<Item = Result<u64, u64>>` with `?` (flat lowering).
    Fallible,
    /// `#[generator(boxed)] -> impl Iterator<Item = u64>` (compiler-backed).
    Boxed,
    /// `#[generator] -> impl Stream<Item = u64>` with `.await`s (compiler-backed).
    Stream,
}

impl Flavor {
    /// The flavour of program `index` in a batch: mostly flat sync ones, the lowering
    /// under test, with a share of the others.
    #[must_use]
    pub fn for_index(index: usize) -> Flavor {
        match index % 10 {
            0..=4 => Flavor::Sync,
            5..=6 => Flavor::Fallible,
            7 => Flavor::Boxed,
            _ => Flavor::Stream,
        }
    }

    fn item(self) -> &'static str {
        match self {
            Flavor::Fallible => "Result<u64, u64>",
            _ => "u64",
        }
    }
}

/// One generated program.
#[derive(Debug, Clone)]
pub struct Program {
    /// Its flavour.
    pub flavor: Flavor,
    /// The body with markers (see the module docs).
    pub body: String,
}

impl Program {
    /// Generates the program of `seed` in `flavor`.
    #[must_use]
    pub fn generate(seed: u64, flavor: Flavor) -> Program {
        Program {
            flavor,
            body: body::generate(seed, flavor),
        }
    }

    fn render(&self, plain: bool) -> String {
        let stream = self.flavor == Flavor::Stream && !plain;
        let ret = match (plain, self.flavor) {
            (true, Flavor::Fallible) => "return Ok(());",
            _ => "return;",
        };
        let pairs: [(&str, &str); 6] = [
            ("@RET@", ret),
            ("@AW(", if stream { "std::future::ready(" } else { "(" }),
            (")AW@", if stream { ").await" } else { ")" }),
            (
                "@SLEEP@",
                if stream {
                    "tokio::time::sleep(std::time::Duration::from_millis(3)).await;"
                } else {
                    ";"
                },
            ),
            (
                "@YF(",
                if stream {
                    "futures::stream::iter("
                } else {
                    "("
                },
            ),
            (")YF@", ")"),
        ];
        let mut s = self.body.clone();
        for (from, to) in pairs {
            s = s.replace(from, to);
        }
        s
    }

    /// The `#[generator]` function `run(a, b, p, q)`.
    #[must_use]
    pub fn generator_fn(&self) -> String {
        let (attr, ret) = match self.flavor {
            Flavor::Sync => ("#[generator]", "impl Iterator<Item = u64>"),
            Flavor::Fallible => ("#[generator]", "impl Iterator<Item = Result<u64, u64>>"),
            Flavor::Boxed => ("#[generator(boxed)]", "impl Iterator<Item = u64>"),
            Flavor::Stream => ("#[generator]", "impl futures::Stream<Item = u64>"),
        };
        format!(
            "{attr}\npub fn run(a: u64, b: u64, p: G, q: G) -> {ret} {{\n{}}}\n",
            self.render(false)
        )
    }

    /// The plain oracle `run(cap, a, b, p, q) -> Vec<Item>`: returns right after the
    /// `cap`-th item, as if the generator were dropped there.
    #[must_use]
    pub fn plain_fn(&self) -> String {
        let item = self.flavor.item();
        let fallible = self.flavor == Flavor::Fallible;
        let (call, res, ok, stop) = if fallible {
            (
                "if let Err(e) = body(&mut out, cap, a, b, p, q) {\n        \
                 let e = Err(e);\n        log(format!(\"yield {e:?}\"));\n        out.push(e);\n    }",
                " -> Result<(), u64>",
                "    Ok(())\n",
                "return Ok(());",
            )
        } else {
            ("body(&mut out, cap, a, b, p, q);", "", "", "return;")
        };
        format!(
            "pub fn run(cap: Option<usize>, a: u64, b: u64, p: G, q: G) -> Vec<{item}> {{\n    \
             let mut out = Vec::new();\n    {call}\n    out\n}}\n\n\
             fn body(out: &mut Vec<{item}>, cap: Option<usize>, a: u64, b: u64, p: G, q: G){res} {{\n    \
             macro_rules! yield_ {{\n        ($e:expr) => {{ match $e {{ __v => {{\n            \
             log(format!(\"yield {{:?}}\", __v));\n            out.push(__v);\n            \
             if cap == Some(out.len()) {{ {stop} }}\n        }} }} }};\n    }}\n    \
             macro_rules! yield_from {{\n        ($e:expr) => {{ for __w in $e {{ yield_!(__w); }} }};\n    }}\n\
             {}{ok}}}\n",
            self.render(true)
        )
    }
}
