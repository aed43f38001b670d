//! Batch driver: writes a batch of programs as one crate, builds it once, runs it, and
//! collects the results.
//!
//! Programs whose *plain* version does not compile are fuzzer bugs (counted, reported, left
//! out); programs whose generator alone does not compile are findings (`gen_errors`). Both
//! are removed and the crate rebuilt, so one bad program does not hide the others. Every
//! mismatch and every generator compile error is a failure; none is set aside.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::program::{Flavor, Program};
use super::rng::program_seed;

/// What to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Batch seed (program `i` uses `program_seed(seed, i)`).
    pub seed: u64,
    /// Index of the first program (a large run is several batches of one seed).
    pub first: usize,
    /// Number of programs.
    pub programs: usize,
    /// Only programs of this flavour (all flavours, by index, when `None`).
    pub only: Option<Flavor>,
    /// Build every flat generator in the frame layout (`GEN_FLAT_LAYOUT=frame`), which the
    /// macro otherwise takes only for large state machines.
    pub frame_layout: bool,
}

/// One program that did not behave.
#[derive(Debug, Clone)]
pub struct Failure {
    /// Its index in the seed's sequence.
    pub index: usize,
    /// Its flavour.
    pub flavor: Flavor,
    /// What went wrong (the first differing event, or the compiler's message).
    pub detail: String,
    /// The `#[generator]` source.
    pub generator: String,
}

/// Counts and failures of one or more batches.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Programs generated.
    pub programs: usize,
    /// Programs whose both versions compiled.
    pub compiled: usize,
    /// Programs whose comparison ran to completion (ok or mismatch).
    pub compared: usize,
    /// Behaviour differences.
    pub mismatches: Vec<Failure>,
    /// Programs whose generator version alone failed to compile.
    pub gen_errors: Vec<Failure>,
    /// Programs whose plain version failed to compile (bugs of the program generator).
    pub plain_errors: Vec<Failure>,
}

impl Summary {
    /// Adds the counts and failures of `other`.
    pub fn absorb(&mut self, other: Summary) {
        self.programs += other.programs;
        self.compiled += other.compiled;
        self.compared += other.compared;
        self.mismatches.extend(other.mismatches);
        self.gen_errors.extend(other.gen_errors);
        self.plain_errors.extend(other.plain_errors);
    }

    /// `fuzz: programs=.. compiled=.. compared=.. mismatches=.. rejected=..
    /// plain_compile_errors=..`: `rejected` counts the generators that failed to compile
    /// while their plain twin compiled.
    #[must_use]
    pub fn line(&self) -> String {
        format!(
            "fuzz: programs={} compiled={} compared={} mismatches={} rejected={} \
             plain_compile_errors={}",
            self.programs,
            self.compiled,
            self.compared,
            self.mismatches.len(),
            self.gen_errors.len(),
            self.plain_errors.len()
        )
    }

    /// Every failure with its program, for a log.
    #[must_use]
    pub fn report(&self) -> String {
        let mut s = String::new();
        for (kind, list) in [
            ("MISMATCH", &self.mismatches),
            ("REJECTED (generator compile error)", &self.gen_errors),
            ("PLAIN COMPILE ERROR (fuzzer bug)", &self.plain_errors),
        ] {
            for f in list {
                let _ = writeln!(
                    s,
                    "==== {kind}: program {} ({:?})\n{}\n---- program\n{}",
                    f.index, f.flavor, f.detail, f.generator
                );
            }
        }
        s
    }

    /// True when there is no failure: every mismatch and every compile error counts.
    #[must_use]
    pub fn clean(&self) -> bool {
        self.mismatches.is_empty() && self.gen_errors.is_empty() && self.plain_errors.is_empty()
    }
}

/// The workspace root (`tests/..`).
#[must_use]
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The persistent target directory shared by all batches (dependencies build once):
/// `target/fuzz-batch`, or `GEN_FUZZ_BATCH_DIR` when set (so two runs can build at the same
/// time instead of waiting for each other's lock on the target directory).
#[must_use]
pub fn batch_target() -> PathBuf {
    match std::env::var_os("GEN_FUZZ_BATCH_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => workspace().join("target/fuzz-batch"),
    }
}

/// Writes a crate named `<name>-<pid>-<n>` (so concurrent runs do not share a binary) with
/// `files` (paths under `src/`) into a fresh directory under the batch target, and returns
/// its path (whose last component is the crate name). It depends on the workspace's
/// `gen-core`, or on the one at `GEN_FUZZ_GEN_CORE` when set.
///
/// # Panics
/// When the directory cannot be written.
#[must_use]
pub fn write_crate(name: &str, files: &[(String, String)]) -> PathBuf {
    let root = workspace();
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("{name}-{}-{n}", std::process::id());
    let dir = batch_target().join("crates").join(&name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).expect("create the batch crate");
    // `GEN_FUZZ_GEN_CORE`: another copy of `gen-core` (e.g. a snapshot of the macro taken
    // while the workspace's copy is being edited).
    let core = std::env::var_os("GEN_FUZZ_GEN_CORE")
        .filter(|p| !p.is_empty())
        .map_or_else(|| root.join("gen-core"), PathBuf::from);
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\ngen-core = {{ path = {:?} }}\nfutures = \"0.3\"\n\
         tokio = {{ version = \"1\", features = [\"full\", \"test-util\"] }}\n\n\
         [profile.dev]\ndebug = 0\n\n[workspace]\n",
        core.canonicalize().unwrap_or(core).display().to_string()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("write Cargo.toml");
    if let Ok(lock) = std::fs::read(root.join("Cargo.lock")) {
        std::fs::write(dir.join("Cargo.lock"), lock).expect("write Cargo.lock");
    }
    for (path, text) in files {
        std::fs::write(dir.join("src").join(path), text).expect("write a source file");
    }
    dir
}

/// Removes a crate written by [`write_crate`] and what building it left in the batch target
/// (its binary, its `deps` and fingerprint entries), so that runs do not pile up a binary per
/// batch on the disk.
pub fn remove_crate(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    let Some(name) = dir.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let build = batch_target().join("target").join("debug");
    let unit = name.replace('-', "_");
    for (sub, prefix) in [
        ("", name.to_string()),
        ("deps", format!("{unit}-")),
        (".fingerprint", format!("{name}-")),
    ] {
        let Ok(entries) = std::fs::read_dir(build.join(sub)) else {
            continue;
        };
        for entry in entries.flatten() {
            let file = entry.file_name();
            let file = file.to_string_lossy();
            let ours = if sub.is_empty() {
                file == prefix
                    || file
                        .strip_prefix(&prefix)
                        .is_some_and(|r| r.starts_with('.'))
            } else {
                file.starts_with(&prefix)
            };
            if ours {
                let path = entry.path();
                let _ = std::fs::remove_dir_all(&path);
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

/// `cargo build --message-format=json` of the crate in `dir`: the JSON lines of the output.
///
/// # Panics
/// When cargo cannot be started.
#[must_use]
pub fn cargo_build(dir: &Path) -> (bool, Vec<serde_json::Value>) {
    cargo_build_in(dir, false)
}

/// [`cargo_build`], with every flat generator in the frame layout when `frame_layout` (else
/// in the layout the macro chooses, or the one `GEN_FLAT_LAYOUT` in this environment forces).
fn cargo_build_in(dir: &Path, frame_layout: bool) -> (bool, Vec<serde_json::Value>) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let mut command = Command::new(cargo);
    if frame_layout {
        command.env("GEN_FLAT_LAYOUT", "frame");
    }
    let out = command
        .args(["build", "--quiet", "--message-format=json"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", batch_target().join("target"))
        .env("CARGO_INCREMENTAL", "0")
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo");
    let msgs = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    if !out.status.success() && !out.stderr.is_empty() {
        let err = String::from_utf8_lossy(&out.stderr);
        if !err.contains("could not compile") {
            eprintln!("fuzz: cargo: {err}");
        }
    }
    (out.status.success(), msgs)
}

/// Every `src/<file>` a diagnostic mentions (spans, children, macro expansions).
fn files_of(v: &serde_json::Value, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::Object(m) => {
            if let Some(serde_json::Value::String(f)) = m.get("file_name") {
                out.insert(f.clone());
            }
            m.values().for_each(|x| files_of(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| files_of(x, out)),
        _ => {}
    }
}

/// The error messages of a build, with the files each one mentions.
#[must_use]
pub fn errors(msgs: &[serde_json::Value]) -> Vec<(BTreeSet<String>, String)> {
    msgs.iter()
        .filter(|m| m["reason"] == "compiler-message" && m["message"]["level"] == "error")
        .map(|m| {
            let mut files = BTreeSet::new();
            files_of(&m["message"], &mut files);
            let text = m["message"]["rendered"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            (files, text)
        })
        .collect()
}

fn index_of(file: &str, prefix: &str) -> Option<usize> {
    file.strip_prefix(prefix)?.strip_suffix(".rs")?.parse().ok()
}

fn sources(programs: &BTreeMap<usize, Program>) -> Vec<(String, String)> {
    let mut files = vec![("rt.rs".to_string(), include_str!("rt.rs.txt").to_string())];
    let mut main = String::from("#![allow(warnings)]\n#[macro_use]\nmod rt;\n");
    let mut table = String::new();
    for (&i, p) in programs {
        let check = match p.flavor {
            Flavor::Stream => format!(
                "check_stream(t, |a, b| run(a, b, G::new(\"p\"), G::new(\"q\")), \
                 |cap, a, b| {{ crate::o{i}::run(cap, a, b, G::new(\"p\"), G::new(\"q\")); }})"
            ),
            _ => format!(
                "check_sync(|a, b| run(a, b, G::new(\"p\"), G::new(\"q\")), \
                 |cap, a, b| {{ crate::o{i}::run(cap, a, b, G::new(\"p\"), G::new(\"q\")); }})"
            ),
        };
        let generator = format!(
            "#![allow(warnings)]\nuse crate::rt::*;\nuse gen_core::generator;\n\n{}\n\
             pub fn check(t: &Tokio) -> Result<(), String> {{\n    {check}\n}}\n",
            p.generator_fn()
        );
        let plain = format!("#![allow(warnings)]\nuse crate::rt::*;\n\n{}", p.plain_fn());
        files.push((format!("g{i}.rs"), generator));
        files.push((format!("o{i}.rs"), plain));
        let _ = writeln!(main, "mod g{i};\nmod o{i};");
        let _ = writeln!(table, "    ({i}, g{i}::check),");
    }
    let _ = write!(
        main,
        "\nconst CHECKS: &[(usize, fn(&rt::Tokio) -> Result<(), String>)] = &[\n{table}];\n\n\
         fn main() {{\n    std::panic::set_hook(Box::new(|_| {{}}));\n    \
         let only: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();\n    \
         let t = rt::Tokio::new();\n    rt::watchdog();\n    for &(i, check) in CHECKS {{\n        \
         if only.is_empty() || only.contains(&i) {{\n            rt::report(i, || check(&t));\n        }}\n    }}\n}}\n"
    );
    files.push(("main.rs".to_string(), main));
    files
}

fn failure(i: usize, p: &Program, detail: String) -> Failure {
    Failure {
        index: i,
        flavor: p.flavor,
        detail,
        generator: p.generator_fn(),
    }
}

/// Runs the built batch binary on `only` (all when empty); returns the result lines.
fn run_binary(dir: &Path, only: &[usize]) -> BTreeMap<usize, Option<String>> {
    let exe = batch_target()
        .join("target/debug")
        .join(dir.file_name().expect("a name"));
    let log = dir.join("results.txt");
    let file = std::fs::File::create(&log).expect("create the results file");
    let mut child = Command::new(exe)
        .args(only.iter().map(ToString::to_string))
        .stdout(file)
        .spawn()
        .expect("run the batch binary");
    // The batch's watchdog ends a program that runs over 5 s; this is the last resort: a
    // thread that kills the batch unless it is told, within the limit, that the batch ended.
    let limit = std::time::Duration::from_secs(900);
    let (ended, ended_rx) = std::sync::mpsc::channel::<()>();
    let pid = child.id().to_string();
    let watchdog = std::thread::spawn(move || {
        if ended_rx.recv_timeout(limit).is_err() {
            let _ = Command::new("kill").args(["-9", &pid]).status();
        }
    });
    let _ = child.wait();
    let _ = ended.send(());
    let _ = watchdog.join();
    let stdout = std::fs::read(&log).unwrap_or_default();
    let mut results = BTreeMap::new();
    for line in String::from_utf8_lossy(&stdout).lines() {
        let Some(rest) = line.strip_prefix("RESULT ") else {
            continue;
        };
        let mut parts = rest.splitn(3, ' ');
        let (Some(i), Some(kind)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Ok(i) = i.parse() else { continue };
        let detail = (kind != "ok").then(|| parts.next().unwrap_or("").replace("\\n", "\n"));
        results.insert(i, detail);
    }
    results
}

/// Generates, builds and runs one batch.
///
/// # Errors
/// When the batch cannot be built for a reason no single program explains (e.g. the
/// workspace itself does not compile).
pub fn run_batch(opts: &Options) -> Result<Summary, String> {
    let mut programs = BTreeMap::new();
    for i in opts.first..opts.first + opts.programs {
        let flavor = opts.only.unwrap_or_else(|| Flavor::for_index(i));
        programs.insert(i, Program::generate(program_seed(opts.seed, i), flavor));
    }
    run_programs_in(programs, opts.frame_layout)
}

/// Builds `programs` (by index) as one crate, runs them and collects the results.
///
/// # Errors
/// As [`run_batch`].
pub fn run_programs(programs: BTreeMap<usize, Program>) -> Result<Summary, String> {
    run_programs_in(programs, false)
}

/// [`run_programs`], with every flat generator in the frame layout when `frame_layout`.
///
/// # Errors
/// As [`run_batch`].
pub fn run_programs_in(
    mut programs: BTreeMap<usize, Program>,
    frame_layout: bool,
) -> Result<Summary, String> {
    let mut summary = Summary {
        programs: programs.len(),
        ..Summary::default()
    };
    let mut dir;
    loop {
        dir = write_crate("gen-fuzz-batch", &sources(&programs));
        let (ok, msgs) = cargo_build_in(&dir, frame_layout);
        if ok {
            break;
        }
        let mut culprits: BTreeMap<usize, (bool, String)> = BTreeMap::new();
        let errs = errors(&msgs);
        remove_crate(&dir);
        for (files, text) in &errs {
            for f in files {
                let (i, plain) = match (index_of(f, "src/o"), index_of(f, "src/g")) {
                    (Some(i), _) => (i, true),
                    (None, Some(i)) => (i, false),
                    (None, None) => continue,
                };
                let entry = culprits.entry(i).or_insert_with(|| (false, String::new()));
                entry.0 |= plain;
                entry.1 += text;
            }
        }
        if culprits.is_empty() {
            let all: Vec<&str> = errs.iter().map(|(_, t)| t.as_str()).collect();
            return Err(format!(
                "the batch crate does not build:\n{}",
                all.join("\n")
            ));
        }
        for (i, (plain, text)) in culprits {
            if let Some(p) = programs.remove(&i) {
                let list = if plain {
                    &mut summary.plain_errors
                } else {
                    &mut summary.gen_errors
                };
                list.push(failure(i, &p, text));
            }
        }
    }
    summary.compiled = programs.len();
    let mut results = run_binary(&dir, &[]);
    loop {
        // The binary stopped (a hung program hit the watchdog, an abort, a stack overflow)
        // before reporting these: run them again without the ones already reported.
        let missing: Vec<usize> = programs
            .keys()
            .filter(|i| !results.contains_key(i))
            .copied()
            .collect();
        let Some(&first) = missing.first() else { break };
        let more = run_binary(&dir, &missing);
        if more.is_empty() {
            results.insert(first, Some("the process died".to_string()));
        }
        results.extend(more);
    }
    for (i, detail) in results {
        let Some(p) = programs.get(&i) else { continue };
        summary.compared += 1;
        if let Some(d) = detail {
            summary.mismatches.push(failure(i, p, d));
        }
    }
    remove_crate(&dir);
    Ok(summary)
}
