//! Large differential-fuzzing runs of `#[generator]`:
//!
//! ```text
//! cargo run -p gen-tests --bin fuzz -- --programs 10000 --seed 1 [--batch 500] \
//!     [--first 0] [--flavor sync|fallible|boxed|stream] [--print N]
//! ```
//!
//! Programs are built `--batch` at a time (one crate per batch, dependencies cached under
//! `target/fuzz-batch`). `--print N` only prints program `N` of the seed (both versions).
//! Exit status 1 when any program mismatched or its generator alone failed to compile.

use gen_tests::fuzz::{Flavor, Options, Program, Summary, rng::program_seed, run_batch};

fn main() {
    let mut programs = 1000;
    let mut seed = 1;
    let mut batch = 500;
    let mut first = 0;
    let mut only = None;
    let mut print = None;
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
    if let Some(i) = print {
        let flavor = only.unwrap_or_else(|| Flavor::for_index(i));
        let p = Program::generate(program_seed(seed, i), flavor);
        println!("{}\n{}", p.generator_fn(), p.plain_fn());
        return;
    }
    println!("FUZZ SEED={seed}");
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
    if !total.mismatches.is_empty() || !total.gen_errors.is_empty() {
        std::process::exit(1);
    }
}
