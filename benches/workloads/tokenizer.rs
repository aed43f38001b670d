//! `tokenizer`: the words (maximal runs of ASCII alphanumerics and `_`) of a generated ~1 MiB
//! ASCII text, yielded as `&str` borrowed from the text, consumed by a `for` loop.

use std::hint::black_box;
use std::sync::LazyLock;

use gen_core::generator;

use gen_benches::{Case, Rng, Workload};

/// Text size in bytes (approximately; the last word may run over).
pub const TEXT_LEN: usize = 1 << 20;

static TEXT: LazyLock<String> = LazyLock::new(|| {
    let mut rng = Rng::new(0x5eed);
    let mut s = String::with_capacity(TEXT_LEN + 16);
    const SEPS: &[&str] = &[
        " ", " ", " ", " ", ", ", ".\n", " (", ") ", " = ", ";\n    ",
    ];
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz_0123456789";
    while s.len() < TEXT_LEN {
        for _ in 0..1 + rng.below(10) {
            s.push(CHARS[rng.below(CHARS.len() as u64) as usize] as char);
        }
        s.push_str(SEPS[rng.below(SEPS.len() as u64) as usize]);
    }
    s
});

/// The generated text (built on first use).
pub fn text() -> &'static str {
    &TEXT
}

/// Words in the text.
pub static ITEMS: LazyLock<u64> = LazyLock::new(|| Words::new(text()).count() as u64);

#[inline(always)]
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Hand-written baseline.
#[derive(Debug)]
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Words<'a> {
    /// The words of `text`.
    pub fn new(text: &'a str) -> Self {
        Words { text, pos: 0 }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        while i < bytes.len() && !is_word(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && is_word(bytes[i]) {
            i += 1;
        }
        self.pos = i;
        (start < i).then(|| &self.text[start..i])
    }
}

/// Flat `#[generator]` (with the `fold` fast path).
#[generator]
pub fn gen_words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && !is_word(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && is_word(bytes[i]) {
            i += 1;
        }
        if start < i {
            yield_!(&text[start..i]);
        }
    }
}

/// Flat `#[generator(no_fold)]`.
#[generator(no_fold)]
pub fn gen_words_no_fold(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && !is_word(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && is_word(bytes[i]) {
            i += 1;
        }
        if start < i {
            yield_!(&text[start..i]);
        }
    }
}

/// Flat `#[generator]` that re-derives `bytes` from `text` in each pass of the outer loop
/// instead of keeping both across the yield (diagnostic: isolates the cost of carrying a
/// value and a view derived from it as two saved locals; BENCHMARKS.md, tokenizer).
#[generator]
pub fn gen_words_rederive(text: &str) -> impl Iterator<Item = &str> {
    let mut i = 0;
    while i < text.len() {
        let bytes = text.as_bytes();
        while i < bytes.len() && !is_word(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && is_word(bytes[i]) {
            i += 1;
        }
        if start < i {
            yield_!(&text[start..i]);
        }
    }
}

/// Compiler-backed `#[generator(boxed)]`.
#[generator(boxed)]
pub fn boxed_words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && !is_word(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && is_word(bytes[i]) {
            i += 1;
        }
        if start < i {
            yield_!(&text[start..i]);
        }
    }
}

/// `std::iter::from_fn` (the hand-written state in a closure).
pub fn from_fn_words(text: &str) -> impl Iterator<Item = &str> {
    let mut w = Words::new(text);
    std::iter::from_fn(move || w.next())
}

/// genawaiter (`rc`).
pub fn genawaiter_words(text: &str) -> impl Iterator<Item = &str> {
    genawaiter::rc::Gen::new(move |co| async move {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            while i < bytes.len() && !is_word(bytes[i]) {
                i += 1;
            }
            let start = i;
            while i < bytes.len() && is_word(bytes[i]) {
                i += 1;
            }
            if start < i {
                co.yield_(&text[start..i]).await;
            }
        }
    })
    .into_iter()
}

/// next-gen.
#[next_gen::generator(yield(&'a str))]
pub fn next_gen_words<'a>(text: &'a str) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && !is_word(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && is_word(bytes[i]) {
            i += 1;
        }
        if start < i {
            yield_!(&text[start..i]);
        }
    }
}

/// async-stream (the body of `gen_words`), polled synchronously with a no-op waker
/// (`styles::Polled`).
pub fn async_stream_words(text: &str) -> impl futures::Stream<Item = &str> {
    async_stream::stream! {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            while i < bytes.len() && !is_word(bytes[i]) {
                i += 1;
            }
            let start = i;
            while i < bytes.len() && is_word(bytes[i]) {
                i += 1;
            }
            if start < i {
                yield &text[start..i];
            }
        }
    }
}

/// The `for` consumer: checksum = bytes in words + number of words.
#[inline(always)]
pub fn consume_for<'a>(it: impl Iterator<Item = &'a str>) -> u64 {
    let mut acc = 0u64;
    for w in it {
        acc += black_box(w).len() as u64 + 1;
    }
    acc
}

fn t() -> &'static str {
    black_box(text())
}

/// `tokenizer_for`. `items` is filled in by [`super::all`] (it depends on the text).
pub const WORKLOADS: &[Workload] = &[Workload {
    name: "tokenizer_for",
    items: 0,
    cases: &[
        Case {
            imp: "hand",
            run: || consume_for(Words::new(t())),
        },
        Case {
            imp: "gen",
            run: || consume_for(gen_words(t())),
        },
        Case {
            imp: "gen_no_fold",
            run: || consume_for(gen_words_no_fold(t())),
        },
        Case {
            imp: "gen_rederive",
            run: || consume_for(gen_words_rederive(t())),
        },
        Case {
            imp: "gen_boxed",
            run: || consume_for(boxed_words(t())),
        },
        Case {
            imp: "from_fn",
            run: || consume_for(from_fn_words(t())),
        },
        Case {
            imp: "async_stream",
            run: || {
                consume_for(super::styles::Polled(std::pin::pin!(async_stream_words(
                    t()
                ))))
            },
        },
        Case {
            imp: "genawaiter",
            run: || consume_for(genawaiter_words(t())),
        },
        Case {
            imp: "next_gen",
            run: || {
                next_gen::mk_gen!(let g = next_gen_words(t()));
                consume_for(g)
            },
        },
        #[cfg(feature = "nightly")]
        Case {
            imp: "nightly_gen",
            run: || consume_for(super::nightly::words(t())),
        },
    ],
}];

/// `size_of_val` of each implementation's generator before the first `next()`.
pub fn sizes() -> Vec<(&'static str, usize)> {
    use std::mem::size_of_val;
    let t = text();
    vec![
        ("hand", size_of_val(&Words::new(t))),
        ("gen", size_of_val(&gen_words(t))),
        ("gen_no_fold", size_of_val(&gen_words_no_fold(t))),
        ("gen_rederive", size_of_val(&gen_words_rederive(t))),
        ("gen_boxed (handle)", size_of_val(&boxed_words(t))),
        ("from_fn", size_of_val(&from_fn_words(t))),
        ("genawaiter (handle)", size_of_val(&genawaiter_words(t))),
        #[cfg(feature = "nightly")]
        ("nightly_gen", size_of_val(&super::nightly::words(t))),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_baseline_computes_the_workload() {
        let direct: u64 = super::text()
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(|w| w.len() as u64 + 1)
            .sum();
        assert_eq!((super::WORKLOADS[0].cases[0].run)(), direct);
        assert!(*super::ITEMS > 100_000);
    }
}
