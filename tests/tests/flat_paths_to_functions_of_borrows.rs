//! A loop over (or a `yield_from!` of) what a function of the crate makes of a borrow of a
//! local, the function named by a path (`lexer::words(&line)`, `crate::lexer::words(&src)`,
//! `Lexer::new(&src)`), kept across the yields beside that local: it may borrow the local,
//! as `words(&line)` named alone may, and runs as the plain function does.

use gen_tests::{Noisy, check, same_drops, twin};

pub mod lexer {
    /// The lengths of the space-separated words of `s`, borrowing it.
    pub fn words(s: &str) -> impl Iterator<Item = usize> + '_ {
        s.split(' ').map(str::len)
    }

    /// The same as an iterator type of the user's, holding the borrow.
    #[derive(Debug)]
    pub struct Lexer<'a> {
        words: std::str::Split<'a, char>,
    }

    impl<'a> Lexer<'a> {
        pub fn new(s: &'a str) -> Self {
            Lexer {
                words: s.split(' '),
            }
        }
    }

    impl Iterator for Lexer<'_> {
        type Item = usize;

        fn next(&mut self) -> Option<usize> {
            self.words.next().map(str::len)
        }
    }
}

use lexer::Lexer;

twin! {
    fn words_by_path(lines: Vec<String>) -> usize {
        let guard = Noisy::new("guard");
        for line in lines.clone() {
            for n in lexer::words(&line) {
                yield_!(n);
            }
        }
        drop(guard);
        let src = lines.join(" ");
        yield_from!(crate::lexer::words(&src));
        let it = lexer::words(&src);
        for n in it {
            yield_!(n + 10);
        }
        for n in lexer::words(&src).map(|n| n * 2) {
            yield_!(n);
        }
        yield_!(src.len());
    }
}

twin! {
    fn iterator_types_made_by_path(lines: Vec<String>) -> usize {
        for line in lines {
            for n in Lexer::new(&line) {
                yield_!(n);
            }
            for n in lexer::Lexer::new(&line) {
                yield_!(n + 100);
            }
            yield_!(line.len());
        }
    }
}

#[test]
fn functions_of_a_borrow_named_by_a_path() {
    assert_eq!(
        check!(words_by_path(vec!["a bb".into(), "ccc".into()])),
        [1, 2, 3, 1, 2, 3, 11, 12, 13, 2, 4, 6, 8]
    );
    same_drops!(words_by_path(vec!["a bb".into()]));
    same_drops!(words_by_path(vec![]));
    assert_eq!(
        check!(iterator_types_made_by_path(vec!["a bb".into()])),
        [1, 2, 101, 102, 4]
    );
}

/// A transaction whose rows borrow it, opened fallibly.
#[derive(Debug)]
pub struct Tx(pub u32);

#[derive(Debug)]
pub struct Rows<'t>(&'t Tx, u32);

impl Tx {
    pub fn query(&self) -> Result<Rows<'_>, String> {
        Ok(Rows(self, 0))
    }
}

impl Iterator for Rows<'_> {
    type Item = Result<u32, String>;

    fn next(&mut self) -> Option<Self::Item> {
        self.1 += 1;
        (self.1 < 3).then_some(Ok(self.1 + self.0.0))
    }
}

fn rows_of(tx: &Tx) -> Result<Rows<'_>, String> {
    tx.query()
}

twin! {
    fallible fn rows_through_a_question_mark(base: u32) -> Result<u32, String> {
        let tx = Tx(base);
        for row in Tx::query(&tx)? {
            yield_!(row);
        }
        let rows = rows_of(&tx)?;
        for row in rows {
            yield_!(Ok(row? * 10));
        }
    }
}

#[test]
fn a_function_of_a_borrow_behind_a_question_mark() {
    assert_eq!(
        check!(rows_through_a_question_mark(1)),
        [Ok(2), Ok(3), Ok(20), Ok(30)]
    );
}
