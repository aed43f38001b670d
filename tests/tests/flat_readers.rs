//! `lines()`, `bytes()` and `split(b)` take a reader by value (`BufRead::lines(self)`) but
//! borrow text (`str::lines(&self)`): on a binding whose type implements `Read`/`BufRead`
//! (a parameter `R: BufRead` inline or in a where clause, `impl BufRead`, `impl Read`,
//! `BufReader<..>`, `Box<dyn BufRead>`; a `let` of `BufReader::new(..)`, `Cursor::new(..)`)
//! they move the reader into the iterator, as in the plain function. Compared with the plain
//! function, for items and for the drop of a reader that logs it.

use std::io::{self, BufRead, BufReader, Cursor, Read};

use gen_core::generator;
use gen_tests::{Noisy, check, same_drops, twin};

const TEXT: &[u8] = b"alpha\nbeta,gamma\n\ndelta";

/// A reader that logs its drop.
#[derive(Debug)]
pub struct NoisyReader {
    inner: Cursor<&'static [u8]>,
    _noisy: Noisy,
}

impl NoisyReader {
    fn new(name: &str) -> Self {
        NoisyReader {
            inner: Cursor::new(TEXT),
            _noisy: Noisy::new(name),
        }
    }
}

impl Read for NoisyReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf)
    }
}

impl BufRead for NoisyReader {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
    }
}

twin! {
    fallible fn impl_bufread_lines(reader: impl BufRead) -> Result<String, String> {
        let mut count = 0;
        for line in reader.lines() {
            let line = line.map_err(|e| e.to_string())?;
            if line.is_empty() {
                continue;
            }
            count += 1;
            yield_!(Ok(format!("{count}:{line}")));
        }
        yield_!(Ok(format!("{count} lines")));
    }
}

twin! {
    fn impl_read_bytes(reader: impl BufRead) -> u8 {
        for byte in reader.bytes() {
            let Ok(b) = byte else { break };
            if b == b'\n' {
                yield_!(b'|');
            } else if b.is_ascii_lowercase() && b < b'c' {
                yield_!(b);
            }
        }
    }
}

twin! {
    fn bufreader_let(data: &'static [u8]) -> String {
        let reader = BufReader::new(data);
        let mut lines = reader.lines();
        while let Some(Ok(line)) = lines.next() {
            yield_!(line);
        }
    }
}

twin! {
    fn cursor_split(data: &'static [u8]) -> Vec<u8> {
        let reader = Cursor::new(data);
        for part in reader.split(b',') {
            yield_!(part.unwrap_or_default());
        }
    }
}

twin! {
    fn boxed_dyn(reader: Box<dyn BufRead>) -> usize {
        for line in reader.lines().map_while(Result::ok) {
            yield_!(line.len());
        }
    }
}

/// Generic parameters bounded inline and in a where clause.
#[generator]
fn generic_inline<R: BufRead>(reader: R) -> impl Iterator<Item = io::Result<String>> {
    for line in reader.lines() {
        let line = line?;
        yield_!(Ok(line.to_uppercase()));
    }
}

// (A `Read` that may be unbuffered: the test reads a slice.)
#[allow(clippy::unbuffered_bytes)]
#[generator]
fn generic_where<R>(reader: R) -> impl Iterator<Item = usize>
where
    R: Read,
{
    let mut n = 0;
    for b in reader.bytes() {
        n += 1;
        if b.is_ok_and(|b| b == b'\n') {
            yield_!(n);
        }
    }
}

#[test]
fn a_reader_is_moved_into_its_lines() {
    let lines = check!(impl_bufread_lines(Cursor::new(TEXT)));
    assert_eq!(lines.len(), 4);
    assert_eq!(
        check!(impl_read_bytes(TEXT)),
        [b'a', b'a', b'|', b'b', b'a', b'a', b'a', b'|', b'|', b'a']
    );
    assert_eq!(
        check!(bufreader_let(TEXT)),
        ["alpha", "beta,gamma", "", "delta"]
    );
    assert_eq!(check!(cursor_split(TEXT)).len(), 2);
    let lens: Vec<usize> = boxed_dyn::generator(Box::new(TEXT)).collect();
    assert_eq!(lens, boxed_dyn::plain(Box::new(TEXT)));
    assert_eq!(lens, [5, 10, 0, 5]);
    let upper: Vec<String> = generic_inline(TEXT).map(Result::unwrap).collect();
    assert_eq!(upper, ["ALPHA", "BETA,GAMMA", "", "DELTA"]);
    assert_eq!(generic_where(TEXT).collect::<Vec<_>>(), [6, 17, 18]);
}

#[test]
fn the_reader_drops_with_its_iterator_as_in_the_plain_function() {
    let log = same_drops!(impl_bufread_lines(NoisyReader::new("reader")));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(at("drop reader") > at("yield Ok(\"3:delta\")"), "{log:?}");
    assert!(at("drop reader") < at("yield Ok(\"3 lines\")"), "{log:?}");
    same_drops!(impl_read_bytes(NoisyReader::new("bytes")));
}

/// Text made by a function of the caller's: the macro cannot see its type.
fn read_text() -> String {
    String::from_utf8(TEXT.to_vec()).expect("ASCII")
}

/// A reader made by a function of the caller's: the macro cannot see its type either.
fn open_reader(name: &str) -> NoisyReader {
    NoisyReader::new(name)
}

twin! {
    // `str::lines` of a local of unseen type, kept across the loop's yields beside it.
    fn lines_of_text_of_unseen_type(skip_empty: bool) -> usize {
        let text = read_text();
        for line in text.lines() {
            if skip_empty && line.is_empty() {
                continue;
            }
            yield_!(line.len());
        }
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                yield_!(i);
            }
        }
        yield_!(text.len());
    }
}

twin! {
    // A `let` of `split(..)` of such a local, kept across a yield beside it.
    fn split_of_text_of_unseen_type(n: usize) -> usize {
        let text = read_text();
        let mut parts = text.split(',');
        let first = parts.next();
        yield_!(first.map_or(0, str::len));
        yield_!(parts.nth(n).map_or(0, str::len));
    }
}

twin! {
    // `BufRead::lines` of a local of unseen type: the reader moves into its iterator (through
    // an adapter too).
    fn lines_of_a_reader_of_unseen_type(name: &'static str) -> usize {
        let reader = open_reader(name);
        for line in reader.lines() {
            yield_!(line.map_or(0, |l| l.len()));
        }
        gen_tests::log("after loop");
    }
}

twin! {
    // The same through an adapter.
    fn lines_of_a_reader_through_map_while(name: &'static str) -> usize {
        let again = open_reader(name);
        for line in again.lines().map_while(Result::ok) {
            yield_!(line.len() + 100);
        }
    }
}

#[test]
fn lines_of_a_value_of_unseen_type_are_texts_or_a_readers() {
    let lens = check!(lines_of_text_of_unseen_type(true));
    assert_eq!(lens[..3], [5, 10, 5]);
    check!(lines_of_text_of_unseen_type(false));
    assert_eq!(check!(split_of_text_of_unseen_type(0)), [10, 12]);
    check!(split_of_text_of_unseen_type(1));
    assert_eq!(check!(lines_of_a_reader_of_unseen_type("r")), [5, 10, 0, 5]);
    assert_eq!(
        check!(lines_of_a_reader_through_map_while("m")),
        [105, 110, 100, 105]
    );
    let log = same_drops!(lines_of_a_reader_of_unseen_type("r"));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(at("drop r") > at("yield 10"), "{log:?}");
    assert!(at("drop r") < at("after loop"), "{log:?}");
}
