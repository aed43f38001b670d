//! Items and kept bindings that borrow through an argument in ways the macro cannot judge
//! from the syntax: a method of the user's named like a std method that borrows (`peek` of a
//! lexer whose tokens borrow its input, not the lexer), a shared slice of a `&'a [u8]` field
//! through a `&mut` argument, bindings out of what a function returned in a `while let` or
//! `match` scrutinee (`mem::take(&mut rest).split_first_mut()`, `pick(xs, i).as_str()`).
//! Each compiles (lowered `boxed` where the flat state could not tell) and yields what the
//! plain function computes.

use gen_core::generator;

/// Words of an input, read through `&mut self`; `peek` returns a slice of the input.
#[derive(Debug)]
pub struct Words<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Words<'a> {
    pub fn peek(&self) -> Option<&'a str> {
        self.src[self.pos..].split_whitespace().next()
    }

    fn skip(&mut self, w: &str) {
        self.pos += self.src[self.pos..].find(w).unwrap() + w.len();
    }

    #[generator]
    pub fn words(&mut self) -> impl Iterator<Item = &'a str> + '_ {
        while let Some(w) = self.peek() {
            self.skip(w);
            yield_!(w);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tok<'a> {
    Word(&'a str),
    Punct(char),
}

/// A lexer whose `peek` returns a token borrowing the input, not the lexer.
#[derive(Debug)]
pub struct Lexer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Self {
        Lexer { src, pos: 0 }
    }

    pub fn peek(&self) -> Option<Tok<'a>> {
        let rest = &self.src[self.pos..];
        let c = rest.chars().next()?;
        if c.is_alphabetic() {
            let n = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            Some(Tok::Word(&rest[..n]))
        } else {
            Some(Tok::Punct(c))
        }
    }

    pub fn bump(&mut self) {
        match self.peek() {
            Some(Tok::Word(w)) => self.pos += w.len(),
            Some(Tok::Punct(c)) => self.pos += c.len_utf8(),
            None => {}
        }
    }
}

#[generator]
fn tokens<'a>(src: &'a str) -> impl Iterator<Item = Tok<'a>> + 'a {
    let mut lx = Lexer::new(src);
    while let Some(t) = lx.peek() {
        lx.bump();
        if t != Tok::Punct(' ') {
            yield_!(t);
        }
    }
}

#[test]
fn tokens_a_method_named_peek_returns_from_the_input() {
    let mut w = Words {
        src: " ab c  de ",
        pos: 0,
    };
    assert_eq!(w.words().collect::<Vec<_>>(), ["ab", "c", "de"]);
    assert_eq!(w.words().count(), 0);
    assert_eq!(
        tokens("ab, c").collect::<Vec<_>>(),
        [Tok::Word("ab"), Tok::Punct(','), Tok::Word("c")]
    );
    assert_eq!(tokens("x y").take(1).collect::<Vec<_>>(), [Tok::Word("x")]);
}

/// A zero-copy reader: a `&'a [u8]` and a position.
#[derive(Debug)]
pub struct Bytes<'a> {
    buf: &'a [u8],
    pos: usize,
}

#[generator]
fn singles<'r, 'a>(r: &'r mut Bytes<'a>) -> impl Iterator<Item = &'a [u8]> + 'r {
    while r.pos < r.buf.len() {
        let one = &r.buf[r.pos..r.pos + 1];
        r.pos += 1;
        yield_!(one);
    }
}

#[test]
fn a_shared_slice_of_a_reference_field_through_a_mut_argument() {
    let mut b = Bytes {
        buf: b"xyz",
        pos: 0,
    };
    let got: Vec<&[u8]> = singles(&mut b).take(2).collect();
    assert_eq!(got, [b"x", b"y"]);
    assert_eq!(b.pos, 2);
    assert_eq!(singles(&mut b).collect::<Vec<_>>(), [b"z"]);
}

#[generator]
fn prefix_sums<'a>(xs: &'a mut [i64]) -> impl Iterator<Item = i64> + 'a {
    let mut rest = xs;
    let mut acc = 0;
    while let Some((head, tail)) = std::mem::take(&mut rest).split_first_mut() {
        acc += *head;
        *head = acc;
        yield_!(*head);
        rest = tail;
    }
}

fn pick(xs: &[String], i: usize) -> &String {
    &xs[i]
}

#[generator]
fn lens<'a>(xs: &'a [String]) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    for i in 0..xs.len() {
        match pick(xs, i).as_str() {
            "" => continue,
            s => {
                yield_!((i, "start"));
                yield_!((i, s));
            }
        }
    }
}

#[test]
fn bindings_out_of_what_a_function_returned_in_a_scrutinee() {
    let mut v = vec![1, 2, 3];
    assert_eq!(prefix_sums(&mut v).collect::<Vec<_>>(), [1, 3, 6]);
    assert_eq!(v, [1, 3, 6]);
    let mut w = vec![5, 5];
    assert_eq!(prefix_sums(&mut w).take(1).collect::<Vec<_>>(), [5]);
    assert_eq!(w, [5, 5]);
    let xs = vec!["a".to_string(), String::new(), "bc".to_string()];
    assert_eq!(
        lens(&xs).collect::<Vec<_>>(),
        [(0, "start"), (0, "a"), (2, "start"), (2, "bc")]
    );
}
