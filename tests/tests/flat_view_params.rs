//! A parameter whose type has a lifetime (`o: Lexer<'_>`, or `self` of `impl<'a> Lexer<'a>`)
//! may hold references in its fields: a loop over `o.src.split(',')` borrows through the
//! `&str` field, not the parameter, as in the plain function. Against the plain twin.

use gen_core::generator;
use gen_tests::{Noisy, check, same_drops, twin};

#[derive(Debug)]
pub struct Lexer<'a> {
    pub src: &'a str,
    pub guard: Noisy,
}

twin! {
    fn words(o: Lexer<'static>) -> usize {
        for w in o.src.split(',') {
            yield_!(w.len());
        }
        let after = o.src.lines().count();
        yield_!(after + o.guard.name().len());
    }
}

#[test]
fn loops_over_a_reference_field_of_a_parameter() {
    let lexer = || Lexer {
        src: "a,bb,ccc",
        guard: Noisy::new("lexer"),
    };
    assert_eq!(check!(words(lexer())), [1, 2, 3, 6]);
    same_drops!(words(lexer()));
}

#[derive(Debug)]
pub struct Tokens<'a> {
    src: &'a str,
    seen: usize,
}

impl<'a> Tokens<'a> {
    #[generator]
    fn split_by(mut self, sep: char) -> impl Iterator<Item = &'a str> {
        for t in self.src.split(sep) {
            self.seen += 1;
            yield_!(t);
        }
        if self.seen > 2 {
            yield_!("many");
        }
    }
}

#[test]
fn a_self_method_of_a_view_type_loops_over_its_field() {
    let t = Tokens {
        src: "x y z",
        seen: 0,
    };
    assert_eq!(t.split_by(' ').collect::<Vec<_>>(), ["x", "y", "z", "many"]);
}

// `self` taken by value, whose type the macro cannot see: a loop over a borrow of one of its
// fields may borrow through a reference field or `self` itself; the body is lowered `boxed`,
// which holds either, and runs as the plain method does.
#[derive(Debug)]
pub struct Doc {
    text: String,
}

impl Doc {
    #[gen_core::generator]
    pub fn words(self) -> impl Iterator<Item = String> {
        for w in self.text.split_whitespace() {
            yield_!(w.to_string());
        }
    }
}

#[derive(Debug)]
pub struct Dotted<'a> {
    src: &'a str,
}

impl Dotted<'_> {
    #[gen_core::generator]
    pub fn lens(self) -> impl Iterator<Item = usize> {
        for part in self.src.split('.') {
            yield_!(part.len());
        }
    }
}

#[test]
fn loops_over_a_field_of_self_by_value() {
    let doc = Doc {
        text: "a bb  ccc".into(),
    };
    assert_eq!(doc.words().collect::<Vec<_>>(), ["a", "bb", "ccc"]);
    assert_eq!(Dotted { src: "x.yy" }.lens().collect::<Vec<_>>(), [1, 2]);
}
