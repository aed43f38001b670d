//! Section 15, "If you want to keep climbing": `itertools` power tools and custom lazy
//! pipelines, both fed by generators.
//!
//! Generators are plain `Iterator`s, so every `Iterator`/`Itertools` adaptor applies, and a
//! generator can itself be a pipeline stage: it accepts `impl IntoIterator` and returns
//! `impl Iterator` (the rule of section 11), and nothing runs until the end of the pipeline
//! pulls.

use std::cell::Cell;

use gen_core::generator;
use itertools::Itertools;

use crate::{Transcript, say};

/// One parsed access-log record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Request path.
    pub path: String,
    /// HTTP status.
    pub status: u16,
}

/// Stage 1: parses `"<path> <status>"` lines, skipping blank and unparsable ones, and counts
/// how many lines it has pulled in `pulled`.
#[generator]
pub fn parse_hits<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    pulled: &Cell<usize>,
) -> impl Iterator<Item = Hit> {
    for line in lines {
        pulled.set(pulled.get() + 1);
        let mut parts = line.split_whitespace();
        if let (Some(path), Some(code), None) = (parts.next(), parts.next(), parts.next())
            && let Ok(status) = code.parse::<u16>()
        {
            yield_!(Hit {
                path: path.to_owned(),
                status,
            });
        }
    }
}

/// A reusable stage: the running total of its input.
#[generator]
pub fn running_total(values: impl IntoIterator<Item = u64>) -> impl Iterator<Item = u64> {
    let mut total = 0;
    for v in values {
        total += v;
        yield_!(total);
    }
}

/// A reusable stage: groups its input into `Vec`s of `size` (the last may be shorter).
#[generator]
pub fn batched<T>(
    values: impl IntoIterator<Item = T>,
    size: usize,
) -> impl Iterator<Item = Vec<T>> {
    let size = size.max(1);
    let mut batch = Vec::with_capacity(size);
    for v in values {
        batch.push(v);
        if batch.len() == size {
            yield_!(std::mem::replace(&mut batch, Vec::with_capacity(size)));
        }
    }
    if !batch.is_empty() {
        yield_!(batch);
    }
}

/// Hits per status class (`"2xx"`, `"4xx"`, ...), sorted, with `itertools::counts`.
pub fn status_classes(hits: impl IntoIterator<Item = Hit>) -> Vec<(String, usize)> {
    hits.into_iter()
        .map(|h| format!("{}xx", h.status / 100))
        .counts()
        .into_iter()
        .sorted()
        .collect()
}

/// Runs of consecutive hits with the same status (`chunk_by`), as `(status, run length)`.
pub fn status_runs(hits: impl IntoIterator<Item = Hit>) -> Vec<(u16, usize)> {
    let chunks = hits.into_iter().chunk_by(|h| h.status);
    chunks
        .into_iter()
        .map(|(status, run)| (status, run.count()))
        .collect()
}

const LOG: &str = "/ 200\n/a 200\n/a 404\nbroken line here\n/b 500\n\n/c 200\n/d 200\n/e 301";

/// Runs the section.
pub fn demo(t: &mut Transcript) {
    let pulled = Cell::new(0);
    let hits = parse_hits(LOG.lines(), &pulled);
    say!(t, "pipeline built, lines pulled so far: {}", pulled.get());
    say!(
        t,
        "status classes (counts + sorted): {:?}",
        status_classes(hits)
    );
    say!(t, "lines pulled after it ran: {}", pulled.get());
    let pulled = Cell::new(0);
    let first_error = parse_hits(LOG.lines(), &pulled).find(|h| h.status >= 400);
    say!(
        t,
        "first error {first_error:?} after pulling only {} lines",
        pulled.get()
    );
    say!(
        t,
        "runs (chunk_by): {:?}",
        status_runs(parse_hits(LOG.lines(), &Cell::new(0)))
    );
    let paths = parse_hits(LOG.lines(), &Cell::new(0))
        .map(|h| h.path)
        .unique()
        .join(" ");
    say!(t, "unique paths (unique + join): {paths}");
    let totals: Vec<u64> = running_total([3, 1, 4, 1, 5]).collect();
    say!(t, "running_total([3, 1, 4, 1, 5]) = {totals:?}");
    let batches: Vec<Vec<u64>> = batched(running_total(1..=7), 3).collect();
    say!(t, "batched(running_total(1..=7), 3) = {batches:?}");
    let pairs: Vec<(u64, u64)> = running_total(1..=4).tuple_windows().collect();
    say!(t, "running_total(1..=4).tuple_windows() = {pairs:?}");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits() -> Vec<Hit> {
        parse_hits(LOG.lines(), &Cell::new(0)).collect()
    }

    #[test]
    fn parses_and_skips_bad_lines() {
        let statuses: Vec<u16> = hits().into_iter().map(|h| h.status).collect();
        assert_eq!(statuses, [200, 200, 404, 500, 200, 200, 301]);
    }

    #[test]
    fn pipelines_are_lazy() {
        let pulled = Cell::new(0);
        let mut it = parse_hits(LOG.lines(), &pulled);
        assert_eq!(pulled.get(), 0);
        assert_eq!(it.find(|h| h.status == 404).unwrap().path, "/a");
        assert_eq!(pulled.get(), 3);
    }

    #[test]
    fn itertools_adaptors_on_generators() {
        assert_eq!(
            status_classes(hits()),
            [
                ("2xx".to_owned(), 4),
                ("3xx".to_owned(), 1),
                ("4xx".to_owned(), 1),
                ("5xx".to_owned(), 1)
            ]
        );
        assert_eq!(
            status_runs(hits()),
            [(200, 2), (404, 1), (500, 1), (200, 2), (301, 1)]
        );
    }

    #[test]
    fn custom_stages_compose() {
        assert_eq!(running_total([1, 2, 3]).collect::<Vec<_>>(), [1, 3, 6]);
        assert_eq!(
            batched(1..=5, 2).collect::<Vec<_>>(),
            [vec![1, 2], vec![3, 4], vec![5]]
        );
        assert_eq!(batched(0..0, 2).count(), 0);
        assert_eq!(
            batched(running_total(1..=4), 4).collect::<Vec<_>>(),
            [vec![1, 3, 6, 10]]
        );
    }

    #[test]
    fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t);
        assert!(t.contains("pipeline built, lines pulled so far: 0"));
        assert!(t.contains("lines pulled after it ran: 9"));
        assert!(t.contains("path: \"/a\", status: 404 }) after pulling only 3 lines"));
        assert!(t.contains("unique paths (unique + join): / /a /b /c /d /e"));
        assert!(t.contains("= [[1, 3, 6], [10, 15, 21], [28]]"));
    }
}
