//! Malformed-input fuzzing of the macro: the macro must answer every input with compile
//! errors (spanned, from `syn` or its own checks), never a panic.
//!
//! Mutants are valid generated programs with one to three token-tree edits (delete,
//! duplicate, swap, replace or insert a snippet, truncate a group), so delimiters stay
//! balanced and most mutants still reach the macro. Each mutant is a module of one crate with
//! a `compile_error!("reached <i>")` marker, so the count of mutants the compiler actually
//! expanded is known; the build output must contain no proc-macro panic and no ICE.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::process::Command;
use std::str::FromStr;

use proc_macro2::{Group, TokenStream, TokenTree};

use super::driver::{batch_target, remove_crate, write_crate};
use super::program::{Flavor, Program};
use super::rng::{Rng, program_seed};

/// Token snippets mutations insert: yields in odd places, unsupported constructs, stray
/// punctuation and keywords.
const SNIPPETS: &[&str] = &[
    "yield_!(1u64);",
    "yield_!()",
    "yield_!(1u64, 2u64)",
    "yield_from!()",
    "yield_from!(0..2u64);",
    "yield 1u64;",
    "yield",
    "return 1u64;",
    "return;",
    "break;",
    "continue 'nowhere;",
    "break 'l1 3u64;",
    "?",
    ".await",
    "async { yield_!(1u64) }",
    "|| yield_!(1u64)",
    "move || { yield_!(2u64); }",
    "fn inner() { yield_!(1u64); }",
    "vec![yield_!(1u64)]",
    "println!(\"{}\", { yield_!(1u64); 1 })",
    "let x = &a; yield_!(*x);",
    "let",
    "else",
    "match",
    "=>",
    ";",
    ",",
    "..",
    "'l1:",
    "loop",
    "impl",
    "self",
    "Self",
    "super",
    "#[inline]",
    "unsafe { }",
    "&mut",
    "_",
    "static S: u8 = 0;",
    "macro_rules! m { () => { yield_!(1u64) } }",
    "m!();",
    "'a: { break 'a; }",
    "gen { }",
    "try { }",
    "dyn",
    "-> u64",
    "impl Iterator<Item = u64>",
    "impl Stream<Item = u64>",
    "impl Iterator",
    "(boxed)",
    "(no_fold)",
    "(boxed, no_fold)",
    "(bogus = 1)",
];

fn snippet(rng: &mut Rng) -> Vec<TokenTree> {
    let s = rng.pick(SNIPPETS);
    TokenStream::from_str(s).map_or_else(|_| Vec::new(), |t| t.into_iter().collect())
}

/// One edit somewhere in `ts` (recursing into a random group most of the time).
fn mutate(ts: TokenStream, rng: &mut Rng) -> TokenStream {
    let mut trees: Vec<TokenTree> = ts.into_iter().collect();
    let groups: Vec<usize> = (0..trees.len())
        .filter(|&i| matches!(trees[i], TokenTree::Group(_)))
        .collect();
    if !groups.is_empty() && rng.chance(2, 3) {
        let i = *rng.pick(&groups);
        if let TokenTree::Group(g) = &trees[i] {
            let mut ng = Group::new(g.delimiter(), mutate(g.stream(), rng));
            ng.set_span(g.span());
            trees[i] = TokenTree::Group(ng);
        }
        return trees.into_iter().collect();
    }
    let n = trees.len();
    let j = if n == 0 { 0 } else { rng.index(n) };
    match rng.below(6) {
        0 if n > 0 => {
            trees.remove(j);
        }
        1 if n > 0 => {
            let t = trees[j].clone();
            trees.insert(j, t);
        }
        2 if n > 1 => trees.swap(j, (j + 1) % n),
        3 if n > 0 => {
            trees.splice(j..=j, snippet(rng));
        }
        4 => {
            trees.truncate(j);
        }
        _ => {
            let s = snippet(rng);
            trees.splice(j..j, s);
        }
    }
    // A lifetime or label is a `'` punct and an ident: a lone `'` would lex as the start of a
    // character literal and unbalance the file, so drop it.
    let lone = |i: usize, trees: &[TokenTree]| {
        matches!(&trees[i], TokenTree::Punct(p) if p.as_char() == '\'')
            && !matches!(trees.get(i + 1), Some(TokenTree::Ident(_)))
    };
    let mut i = 0;
    while i < trees.len() {
        if lone(i, &trees) {
            trees.remove(i);
        } else {
            i += 1;
        }
    }
    trees.into_iter().collect()
}

/// The mutant `index` of `seed`: a generated generator fn with one to three edits, as text.
#[must_use]
pub fn mutant(seed: u64, index: usize) -> String {
    let mut rng = Rng::new(program_seed(seed ^ 0x6D75_7461_6E74, index));
    let p = Program::generate(rng.next_u64(), Flavor::for_index(index));
    let text = p.generator_fn();
    let Ok(mut ts) = TokenStream::from_str(&text) else {
        return text;
    };
    // Rustc parses the item before the macro sees it, and a module that does not parse is
    // never expanded: so mostly edit the body only (whose macro-call arguments rustc does not
    // parse), and the signature and attribute in one mutant out of four.
    let body_only = !rng.chance(1, 4);
    for _ in 0..=rng.below(3) {
        if body_only {
            let mut trees: Vec<TokenTree> = ts.into_iter().collect();
            if let Some(TokenTree::Group(g)) = trees.last() {
                let mut ng = Group::new(g.delimiter(), mutate(g.stream(), &mut rng));
                ng.set_span(g.span());
                *trees.last_mut().expect("a body") = TokenTree::Group(ng);
            }
            ts = trees.into_iter().collect();
        } else {
            ts = mutate(ts, &mut rng);
        }
    }
    ts.to_string()
}

/// Counts of a malformed-input run.
#[derive(Debug, Default, Clone)]
pub struct Outcome {
    /// Mutants written.
    pub tried: usize,
    /// Mutants the compiler expanded (their `reached` marker was reported).
    pub reached: usize,
    /// Mutants that compiled without an error of their own (besides the marker).
    pub accepted: usize,
    /// Lines of the build output that report a panic or an ICE.
    pub panics: Vec<String>,
}

impl Outcome {
    /// `fuzz-malformed: tried=.. reached=.. accepted=.. panics=..`.
    #[must_use]
    pub fn line(&self) -> String {
        format!(
            "fuzz-malformed: tried={} reached={} accepted={} panics={}",
            self.tried,
            self.reached,
            self.accepted,
            self.panics.len()
        )
    }
}

const PANIC_MARKERS: &[&str] = &[
    "proc macro panicked",
    "internal compiler error",
    "unexpectedly panicked",
    "panicked at",
];

/// Builds `count` mutants of `seed` (starting at `first`) as one crate and checks the output.
///
/// # Panics
/// When cargo cannot be run.
#[must_use]
pub fn run(seed: u64, first: usize, count: usize) -> Outcome {
    let outcome = run_once(seed, first, count);
    if outcome.reached > 0 || count < 2 || !outcome.panics.is_empty() {
        return outcome;
    }
    // Some parse errors end rustc's run before macro expansion (a `macro_rules!` in a
    // closure's parameter list): one such mutant leaves the whole crate unexpanded. Build the
    // halves apart, so that it keeps only itself from reaching the macro.
    let half = count / 2;
    let mut outcome = run(seed, first, half);
    let rest = run(seed, first + half, count - half);
    outcome.tried += rest.tried;
    outcome.reached += rest.reached;
    outcome.accepted += rest.accepted;
    outcome.panics.extend(rest.panics);
    outcome
}

/// [`run`] as one crate, whatever it reaches.
fn run_once(seed: u64, first: usize, count: usize) -> Outcome {
    let mut files = vec![("rt.rs".to_string(), include_str!("rt.rs.txt").to_string())];
    let mut main = String::from("#![allow(warnings)]\n#[macro_use]\nmod rt;\n");
    for i in first..first + count {
        let body = format!(
            "#![allow(warnings)]\nuse crate::rt::*;\nuse gen_core::generator;\n\
             const _: () = {{ compile_error!(\"reached {i}\"); }};\n\n{}\n",
            mutant(seed, i)
        );
        files.push((format!("m{i}.rs"), body));
        let _ = writeln!(main, "mod m{i};");
    }
    main.push_str("fn main() {}\n");
    files.push(("main.rs".to_string(), main));
    let dir = write_crate("gen-fuzz-malformed", &files);
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let out = Command::new(cargo)
        .args(["build", "--message-format=json"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", batch_target().join("target"))
        .env("CARGO_INCREMENTAL", "0")
        .output()
        .expect("run cargo");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut outcome = Outcome {
        tried: count,
        ..Outcome::default()
    };
    let mut reached = BTreeSet::new();
    let mut failing = BTreeSet::new();
    for line in stdout.lines() {
        let Ok(m) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if m["reason"] != "compiler-message" {
            continue;
        }
        let text = m["message"]["rendered"].as_str().unwrap_or_default();
        if PANIC_MARKERS.iter().any(|p| text.contains(p)) {
            outcome.panics.push(text.to_string());
        }
        let msg = m["message"]["message"].as_str().unwrap_or_default();
        if let Some(i) = msg.strip_prefix("reached ") {
            reached.insert(i.to_string());
        } else if m["message"]["level"] == "error" {
            let file = m["message"]["spans"][0]["file_name"]
                .as_str()
                .unwrap_or_default();
            failing.insert(file.to_string());
        }
    }
    for line in stderr.lines() {
        if PANIC_MARKERS.iter().any(|p| line.contains(p)) {
            outcome.panics.push(line.to_string());
        }
    }
    outcome.reached = reached.len();
    outcome.accepted = (first..first + count)
        .filter(|i| reached.contains(&i.to_string()) && !failing.contains(&format!("src/m{i}.rs")))
        .count();
    if std::env::var_os("GEN_FUZZ_KEEP").is_none() {
        remove_crate(&dir);
    }
    outcome
}
