//! Section 8, "File streaming": `read_lines(path)` yields one line at a time.
//!
//! The file is read through a `BufReader`, one line in memory at a time, so a huge file costs
//! constant memory (the `peak_rss` binary measures it on 200 MB). Where Python raises, the
//! generator yields an error *value*: a missing file or an invalid UTF-8 line becomes one
//! `Err` item (naming the path), and the generator ends there. `?` does that: the item type is
//! `io::Result<String>`, so the error is yielded last.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use gen_core::generator;

use crate::{Transcript, say};

/// Adds the path to an I/O error's message, keeping its kind.
fn with_path(path: &Path, err: io::Error) -> io::Error {
    io::Error::new(err.kind(), format!("{}: {err}", path.display()))
}

/// Streams the lines of the file at `path`, without their line endings (`\n` or `\r\n`).
#[generator]
pub fn read_lines(path: impl AsRef<Path>) -> impl Iterator<Item = io::Result<String>> {
    let path: PathBuf = path.as_ref().to_owned();
    let file = File::open(&path).map_err(|e| with_path(&path, e))?;
    for line in BufReader::new(file).lines() {
        let line = line.map_err(|e| with_path(&path, e))?;
        yield_!(Ok(line));
    }
}

/// Line and byte counts of a stream of lines, stopping at the first error.
pub fn count(lines: impl IntoIterator<Item = io::Result<String>>) -> io::Result<(u64, u64)> {
    let (mut n, mut bytes) = (0, 0);
    for line in lines {
        n += 1;
        bytes += line?.len() as u64;
    }
    Ok((n, bytes))
}

/// Runs the section on a file it writes into a temporary directory.
pub fn demo(t: &mut Transcript) {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => return say!(t, "cannot create a temp dir: {e}"),
    };
    let path = dir.path().join("app.log");
    let text = "INFO start\nWARN disk 91% full\r\nINFO done\n";
    if let Err(e) = std::fs::write(&path, text) {
        return say!(t, "cannot write {}: {e}", path.display());
    }
    say!(t, "read_lines(app.log):");
    for line in read_lines(&path) {
        match line {
            Ok(line) => say!(t, "  {line:?}"),
            Err(e) => say!(t, "  error: {e}"),
        }
    }
    let missing = dir.path().join("missing.log");
    let items: Vec<_> = read_lines(&missing).collect();
    say!(t, "read_lines(missing.log) yields {} item:", items.len());
    for item in items {
        match item {
            Ok(line) => say!(t, "  unexpected line {line:?}"),
            Err(e) => say!(t, "  Err(kind {:?}): {}", e.kind(), e),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn yields_each_line_without_its_ending() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "one\ntwo\r\n\nlast without newline").unwrap();
        let lines: Vec<String> = read_lines(&path).collect::<io::Result<_>>().unwrap();
        assert_eq!(lines, ["one", "two", "", "last without newline"]);
    }

    #[test]
    fn missing_file_is_one_error_item_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope.txt");
        let mut it = read_lines(&path);
        let err = it.next().unwrap().unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert!(err.to_string().contains("nope.txt"), "{err}");
        assert!(it.next().is_none());
    }

    #[test]
    fn invalid_utf8_ends_the_stream_with_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bin.txt");
        let mut f = File::create(&path).unwrap();
        f.write_all(b"fine\n\xff\xfe broken\nnever reached\n")
            .unwrap();
        drop(f);
        let items: Vec<_> = read_lines(&path).collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].as_ref().unwrap(), "fine");
        assert_eq!(
            items[1].as_ref().unwrap_err().kind(),
            io::ErrorKind::InvalidData
        );
    }

    #[test]
    fn is_lazy_opening_nothing_before_the_first_next() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("later.txt");
        let it = read_lines(&path);
        std::fs::write(&path, "created after the call\n").unwrap();
        assert_eq!(count(it).unwrap(), (1, 22));
    }

    #[test]
    fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t);
        assert!(t.contains("\"WARN disk 91% full\""));
        assert!(t.contains("Err(kind NotFound)"));
        assert!(t.contains("missing.log"));
    }
}
