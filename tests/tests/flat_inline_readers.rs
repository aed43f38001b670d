//! An `iter!` block looping over `lines()`, `bytes()` or `split(b)` of what it captured: a
//! reader, which the loop takes by value, or text, which it borrows. The macro cannot see
//! which, so the block runs as the `move` closure that holds the same body does, either way.

use std::io::{BufRead, BufReader, Cursor, Read};

use gen_core::iter;

fn lines_of<R: BufRead>(reader: R) -> impl Iterator<Item = String> {
    iter! {
        for line in reader.lines() {
            let line = line.unwrap();
            if !line.is_empty() {
                yield line.to_uppercase();
            }
        }
    }
}

#[test]
fn a_captured_reader_is_taken_by_its_lines() {
    let reader = Cursor::new("a\n\nbc\n");
    let it = iter! {
        for line in reader.lines() {
            yield line.unwrap();
        }
    };
    assert_eq!(it.collect::<Vec<_>>(), ["a", "", "bc"]);
    let plain: Vec<String> = BufReader::new(Cursor::new(b"x\ny".to_vec()))
        .lines()
        .map(|l| l.unwrap().to_uppercase())
        .collect();
    assert_eq!(
        lines_of(BufReader::new(Cursor::new(b"x\ny".to_vec()))).collect::<Vec<_>>(),
        plain
    );
}

#[test]
fn bytes_and_byte_splits_of_a_captured_reader() {
    let data = Cursor::new(b"ab,c".to_vec());
    let bytes = iter! {
        let mut n = 0;
        for b in data.bytes() {
            n += 1;
            yield (n, b.unwrap());
        }
    };
    assert_eq!(
        bytes.collect::<Vec<_>>(),
        [(1, b'a'), (2, b'b'), (3, b','), (4, b'c')]
    );
    let data = Cursor::new(b"ab,c,".to_vec());
    let fields = iter! {
        for field in data.split(b',') {
            yield String::from_utf8(field.unwrap()).unwrap();
        }
    };
    assert_eq!(fields.collect::<Vec<_>>(), ["ab", "c"]);
}

#[test]
fn lines_of_captured_text_borrow_it() {
    let text = String::from("one\ntwo");
    let borrowed = text.as_str();
    let it = iter! {
        for line in borrowed.lines() {
            yield line.len();
        }
    };
    assert_eq!(it.collect::<Vec<_>>(), [3, 3]);
    let owned = String::from("a\nbb\nccc");
    let it = iter! {
        let mut total = 0;
        for line in owned.lines() {
            total += line.len();
            yield total;
        }
    };
    assert_eq!(it.collect::<Vec<_>>(), [1, 3, 6]);
}
