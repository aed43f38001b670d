//! Large differential-fuzzing runs of `#[generator]`:
//!
//! ```text
//! cargo run -p gen-tests --bin fuzz -- --programs 10000 --seed 1 [--batch 500] \
//!     [--first 0] [--flavor sync|fallible|boxed|stream] [--print N] [--minimize N]
//! ```
//!
//! Programs are built `--batch` at a time (one crate per batch, dependencies cached under
//! `target/fuzz-batch`). `--print N` only prints program `N` of the seed (both versions);
//! `--minimize N` reduces failing program `N` of the seed and prints the reduced program.
//! `--body FILE` runs one hand-written body (markers as in `fuzz::program`) in `--flavor`
//! (with `--minimize 0`, reduces it).
//! `--malformed N` builds `N` mutated (malformed) generators instead and reports any macro
//! panic; `--print-malformed N` only prints mutant `N` of the seed. Exit status 1 when any
//! program mismatched or failed to compile.
//! `GEN_FLAT_LAYOUT=frame` in the environment builds every flat generator in the frame layout
//! (the macro otherwise takes it only for large state machines).

use std::collections::BTreeMap;

use gen_tests::fuzz::driver::run_programs;
use gen_tests::fuzz::minimize::{Symptom, minimize};
use gen_tests::fuzz::{Flavor, Options, Program, Summary, rng::program_seed, run_batch};

fn main() {
    let mut programs = 1000;
    let mut seed = 1;
    let mut batch = 500;
    let mut first = 0;
    let mut only = None;
    let mut print = None;
    let mut print_mutant = None;
    let mut reduce = None;
    let mut mutants = None;
    let mut body_file = None;
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let value = pair.get(1).map(String::as_str).unwrap_or_default();
        let num = || value.parse::<usize>().expect("a number");
        match pair[0].as_str() {
            "--programs" => programs = num(),
            "--seed" => seed = value.parse().expect("a seed"),
            "--batch" => batch = num().max(1),
            "--first" => first = num(),
            "--print" => print = Some(num()),
            "--print-malformed" => print_mutant = Some(num()),
            "--minimize" => reduce = Some(num()),
            "--malformed" => mutants = Some(num()),
            "--body" => body_file = Some(value.to_string()),
            "--flavor" => {
                only = Some(match value {
                    "sync" => Flavor::Sync,
                    "fallible" => Flavor::Fallible,
                    "boxed" => Flavor::Boxed,
                    "stream" => Flavor::Stream,
                    other => panic!("unknown flavour {other}"),
                });
            }
            other => panic!("unknown argument {other}"),
        }
    }
    if let Some(i) = print_mutant {
        println!("{}", gen_tests::fuzz::malformed::mutant(seed, i));
        return;
    }
    if let Some(i) = print {
        let flavor = only.unwrap_or_else(|| Flavor::for_index(i));
        let p = Program::generate(program_seed(seed, i), flavor);
        println!("{}\n{}", p.generator_fn(), p.plain_fn());
        return;
    }
    if let Some(path) = body_file {
        let body = std::fs::read_to_string(path).expect("read the body");
        let p = Program {
            flavor: only.unwrap_or(Flavor::Sync),
            body,
        };
        if reduce.is_some() {
            minimize_one(p);
            return;
        }
        let s = run_programs(BTreeMap::from([(0, p)])).expect("a batch");
        println!("{}\n{}", s.line(), s.report());
        return;
    }
    if let Some(i) = reduce {
        let flavor = only.unwrap_or_else(|| Flavor::for_index(i));
        let p = Program::generate(program_seed(seed, i), flavor);
        minimize_one(p);
        return;
    }
    println!("FUZZ SEED={seed}");
    if let Some(count) = mutants {
        let mut panics = 0;
        let mut start = first;
        while start < first + count {
            let n = batch.min(first + count - start);
            let o = gen_tests::fuzz::malformed::run(seed, start, n);
            println!("mutants {start}..{}: {}", start + n, o.line());
            for p in &o.panics {
                println!("PANIC: {p}");
            }
            panics += o.panics.len();
            start += n;
        }
        std::process::exit(i32::from(panics > 0));
    }
    let mut total = Summary::default();
    let mut start = first;
    while start < first + programs {
        let n = batch.min(first + programs - start);
        let t = std::time::Instant::now();
        let opts = Options {
            seed,
            first: start,
            programs: n,
            only,
            frame_layout: false,
        };
        let s = run_batch(&opts).unwrap_or_else(|e| panic!("batch at {start}: {e}"));
        print!("{}", s.report());
        println!(
            "batch {start}..{}: {} ({:.0?})",
            start + n,
            s.line(),
            t.elapsed()
        );
        total.absorb(s);
        start += n;
    }
    println!("{}", total.line());
    if !total.clean() {
        std::process::exit(1);
    }
}

fn minimize_one(p: Program) {
    let s = run_programs(BTreeMap::from([(0, p.clone())])).expect("a batch");
    let symptom = if let Some(f) = s.gen_errors.first() {
        // `error[E0382]` when the error has a code; otherwise its first line up to the first
        // name (`error: the flat generator lost track of `), which does not mention the file.
        let first = f.detail.lines().next().unwrap_or_default();
        let code = match first.split_once(']') {
            Some((code, _)) if first.starts_with("error[") => code,
            _ => first.split('`').next().unwrap_or_default(),
        };
        Symptom::GenError(code.to_string())
    } else if let Some(f) = s.mismatches.first() {
        let what = f.detail.split_once("), ").map_or("", |(_, w)| w);
        Symptom::Mismatch(what.split(':').next().unwrap_or_default().to_string())
    } else {
        println!("program passes");
        return;
    };
    println!("symptom: {symptom:?}");
    let m = minimize(&p, &symptom).expect("a batch");
    let s = run_programs(BTreeMap::from([(0, m.clone())])).expect("a batch");
    println!("{}\n{}", m.generator_fn(), s.report());
}
