// A generator keeps its arguments until it runs, so an argument whose reference has a
// lifetime of its own must outlive the returned type's lifetime bound: the macro's error on
// the argument, naming the fix (was rustc's "lifetime may not live long enough" on
// `#[generator]`, for a signature that compiles as a plain function reading it at once).
use gen_core::generator;

struct Table {
    rows: Vec<u32>,
}

impl Table {
    #[generator]
    fn pages(&self, header: &str) -> impl Iterator<Item = String> + '_ {
        let header = header.to_uppercase();
        for r in self.rows.iter() {
            yield_!(format!("{header}: {r}"));
        }
    }
}

#[generator]
fn labelled<'a>(rows: &'a [u32], label: &str) -> impl Iterator<Item = String> + 'a {
    for r in rows {
        yield_!(format!("{label}{r}"));
    }
}

// The receiver too: `&self` under `+ 'static` (the fixes: `+ '_`, `&'static self`, `self`).
impl Table {
    #[generator]
    fn rows_forever(&self) -> impl Iterator<Item = u32> + 'static {
        for r in self.rows.iter() {
            yield_!(*r);
        }
    }
}

// The same in an async generator: the macro's error only (no second one on the signature).
#[generator]
fn word_lengths(text: &str) -> impl futures::Stream<Item = usize> + 'static {
    for w in text.split(' ') {
        yield_!(w.len());
    }
}

fn main() {
    let _ = word_lengths("a b");
    let t = Table { rows: vec![1] };
    let _ = t.pages("h").count();
    let _ = labelled(&[1], "x").count();
}
