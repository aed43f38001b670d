//! Section 8's claim, measured: `read_lines` streams a 200 MB file in constant memory.
//!
//! Writes a 200 MB text file into a temporary directory (in 64 KiB writes), then streams it
//! with `read_lines`, printing the process's peak resident set size (`VmHWM` in
//! `/proc/self/status`) before and after, and what reading the whole file at once would cost.
//!
//! ```text
//! cargo run --release -p gen-examples --bin peak_rss [size_in_mb]
//! ```

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::time::Instant;

use gen_examples::iterators::s08_read_lines::{count, read_lines};

/// Peak resident set size in KiB, from `/proc/self/status` (Linux only).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn show(label: &str) -> Option<u64> {
    let kib = peak_rss_kib();
    match kib {
        Some(kib) => println!("{label:<34} peak RSS {:>8.1} MiB", kib as f64 / 1024.0),
        None => println!("{label:<34} peak RSS unavailable (no /proc/self/status)"),
    }
    kib
}

fn main() -> io::Result<()> {
    let mb: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("big.log");
    let target = mb * 1_000_000;
    let started = Instant::now();
    {
        let mut out = BufWriter::with_capacity(64 * 1024, File::create(&path)?);
        let mut written = 0u64;
        let mut n = 0u64;
        while written < target {
            let line = format!(
                "{n:012} INFO request served in {} ms by worker {}\n",
                n % 997,
                n % 16
            );
            out.write_all(line.as_bytes())?;
            written += line.len() as u64;
            n += 1;
        }
        out.flush()?;
    }
    let size = std::fs::metadata(&path)?.len();
    println!(
        "wrote {:.1} MB to {} in {:.1} s",
        size as f64 / 1e6,
        path.display(),
        started.elapsed().as_secs_f64()
    );
    let before = show("before streaming:");
    let started = Instant::now();
    let (lines, bytes) = count(read_lines(&path))?;
    println!(
        "read_lines: {lines} lines, {:.1} MB of text in {:.1} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let after = show("after streaming with read_lines:");
    if let (Some(before), Some(after)) = (before, after) {
        println!(
            "growth while streaming {size} bytes: {:.1} MiB",
            after.saturating_sub(before) as f64 / 1024.0
        );
    }
    let whole = std::fs::read_to_string(&path)?;
    let n = whole.lines().count();
    drop(whole);
    show(&format!("after read_to_string ({n} lines):"));
    Ok(())
}
