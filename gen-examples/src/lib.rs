//! The two Python tutorials "Iterators (Python 3.14)" and "Async Iterators (Python 3.14)",
//! recreated scenario by scenario with `gen` generators, as a user of the crate writes them.
//!
//! Each scenario is a module named after its section (`iterators::s09_counter_generator`,
//! `async_iterators::s08_stream_response`, ...). A module holds the library code of the
//! scenario, a `demo` that runs it and writes what it shows into a [`Transcript`], and tests
//! that check the real output. The `tour` binary runs every demo in the document's order:
//!
//! ```text
//! cargo run -p gen-examples --bin tour
//! ```
//!
//! The rules the examples follow: generators are written with `#[generator]` and `yield_!`,
//! bad input (a missing file, a refused connection, a malformed row, an HTTP error status) is
//! an error *value* in the stream, never a panic, and everything that needs a server, a file
//! or a database makes its own on loopback or in a temporary directory.

pub mod async_iterators;
pub mod iterators;

use std::fmt;

/// What a tour section shows: lines of text, printed as they come when the tour runs and kept
/// so that tests can check them.
#[derive(Debug, Default)]
pub struct Transcript {
    lines: Vec<String>,
    echo: bool,
}

impl Transcript {
    /// A transcript that only records (for tests).
    pub fn capturing() -> Self {
        Self::default()
    }

    /// A transcript that also prints every line to stdout as it is written (for the tour).
    pub fn printing() -> Self {
        Self {
            lines: Vec::new(),
            echo: true,
        }
    }

    /// Records one line.
    pub fn line(&mut self, line: impl fmt::Display) {
        let line = line.to_string();
        if self.echo {
            println!("    {line}");
        }
        self.lines.push(line);
    }

    /// Every line recorded so far.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// Whether some line contains `needle` (a test helper).
    pub fn contains(&self, needle: &str) -> bool {
        self.lines.iter().any(|l| l.contains(needle))
    }

    /// Forgets the recorded lines (the tour calls this between sections).
    pub fn clear(&mut self) {
        self.lines.clear();
    }
}

/// Writes one formatted line into a [`Transcript`]: `say!(t, "value = {v}")`.
#[macro_export]
macro_rules! say {
    ($t:expr, $($arg:tt)*) => {
        $t.line(::std::format_args!($($arg)*))
    };
}
