//! A greedy test-case reducer for failing programs.
//!
//! Each round builds every one-step reduction of the current body as one batch (a
//! statement or a whole compound statement removed, a compound statement replaced by its
//! body, a run of top-level statements removed) and keeps the smallest variant whose plain
//! version still compiles and which still shows the symptom. Ends when no variant does.

use std::collections::BTreeMap;

use super::driver::{Summary, run_programs};
use super::program::Program;

/// What a failing program must keep doing while it is reduced.
#[derive(Debug, Clone)]
pub enum Symptom {
    /// The generator alone fails to compile with a message containing this text.
    GenError(String),
    /// A behaviour difference whose description contains this text.
    Mismatch(String),
}

impl Symptom {
    fn holds(&self, s: &Summary, index: usize) -> bool {
        match self {
            Symptom::GenError(key) => s
                .gen_errors
                .iter()
                .any(|f| f.index == index && f.detail.contains(key.as_str())),
            Symptom::Mismatch(key) => s
                .mismatches
                .iter()
                .any(|f| f.index == index && f.detail.contains(key.as_str())),
        }
    }
}

fn delta(line: &str) -> i32 {
    line.chars()
        .map(|c| i32::from(c == '{') - i32::from(c == '}'))
        .sum()
}

fn continues(line: Option<&&str>) -> bool {
    line.is_some_and(|l| {
        let t = l.trim_start();
        t.starts_with("else") || t.starts_with(';')
    })
}

/// Removable line ranges `[start, end)`, and whether each is a compound statement whose
/// body (lines `start + 1 .. end - 1`) may replace it.
fn units(lines: &[&str]) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    for (l, line) in lines.iter().enumerate() {
        let d = delta(line);
        let t = line.trim_start();
        // Loop counters keep every variant terminating.
        let counter = t.starts_with('c') && (t.ends_with("+= 1;") || t.contains(">= "));
        let counter = counter || (t.starts_with("if c") && t.contains(">= "));
        if counter || t.starts_with('}') || t.starts_with("else") || t.starts_with(';') || d < 0 {
            continue;
        }
        if d == 0 {
            out.push((l, l + 1, false));
            continue;
        }
        let mut depth = 0;
        let mut m = l;
        let mut extended = false;
        while m < lines.len() {
            depth += delta(lines[m]);
            if depth <= 0 {
                if continues(lines.get(m + 1)) {
                    extended = true;
                } else {
                    break;
                }
            }
            m += 1;
        }
        if m < lines.len() {
            out.push((l, m + 1, !extended && lines[m].trim() == "}"));
        }
    }
    out
}

fn top_level(units: &[(usize, usize, bool)]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &(s, e, _) in units {
        if out.last().is_none_or(|&(_, pe)| s >= pe) {
            out.push((s, e));
        }
    }
    out
}

fn variants(body: &str) -> Vec<String> {
    let lines: Vec<&str> = body.lines().collect();
    let join = |parts: &[&[&str]]| {
        let mut s = String::new();
        for p in parts {
            for l in *p {
                s.push_str(l);
                s.push('\n');
            }
        }
        s
    };
    let us = units(&lines);
    let mut out = Vec::new();
    let top = top_level(&us);
    let mut size = top.len() / 2;
    while size >= 2 {
        for chunk in top.chunks(size) {
            let (s, e) = (chunk[0].0, chunk[chunk.len() - 1].1);
            out.push(join(&[&lines[..s], &lines[e..]]));
        }
        size /= 2;
    }
    for &(s, e, unwrap) in &us {
        out.push(join(&[&lines[..s], &lines[e..]]));
        if unwrap && e - s > 2 {
            out.push(join(&[&lines[..s], &lines[s + 1..e - 1], &lines[e..]]));
        }
    }
    out
}

/// Reduces `program` while `symptom` holds; prints one line per round.
///
/// # Errors
/// When a batch cannot be built at all.
pub fn minimize(program: &Program, symptom: &Symptom) -> Result<Program, String> {
    let mut cur = program.clone();
    loop {
        let mut batch = BTreeMap::new();
        for (i, body) in variants(&cur.body).into_iter().enumerate() {
            // The final yield (always the last line) keeps the body non-trivial.
            if body.trim().is_empty() {
                continue;
            }
            batch.insert(
                i,
                Program {
                    flavor: cur.flavor,
                    body,
                },
            );
        }
        let s = run_programs(batch.clone())?;
        let best = batch
            .iter()
            .filter(|(i, _)| symptom.holds(&s, **i))
            .min_by_key(|(_, p)| p.body.len())
            .map(|(_, p)| p.clone());
        match best {
            Some(p) => {
                eprintln!(
                    "minimize: {} -> {} lines",
                    cur.body.lines().count(),
                    p.body.lines().count()
                );
                cur = p;
            }
            None => return Ok(cur),
        }
    }
}
