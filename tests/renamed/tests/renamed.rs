//! Every form of the macros in a crate whose manifest renames the dependency
//! (`generators = { package = "gen-core", .. }`): flat, `boxed` and async generators, `iter!`
//! and `stream!` blocks, `yield_from!`, `?`, a method. Each compiles (no `::gen_core` in an
//! expansion) and yields what the plain code computes.

use futures::executor::block_on;
use futures::{Stream, StreamExt};
use generators::generator;

#[generator]
fn counter(n: u32) -> impl Iterator<Item = u32> {
    for i in 0..n {
        yield_!(i);
    }
    yield_from!([10, 11]);
}

#[generator]
fn parsed(lines: Vec<&'static str>) -> impl Iterator<Item = Result<u32, std::num::ParseIntError>> {
    for line in lines {
        let n: u32 = line.parse()?;
        yield_!(Ok(n));
    }
}

#[generator(boxed)]
fn words(text: String) -> impl Iterator<Item = String> {
    for w in text.split(' ') {
        yield_!(w.to_uppercase());
    }
}

#[generator]
fn ticks(n: u32) -> impl Stream<Item = u32> {
    for i in 0..n {
        std::future::ready(()).await;
        yield_!(i);
    }
}

struct Deck {
    cards: Vec<u8>,
}

impl Deck {
    #[generator]
    fn pairs(&self) -> impl Iterator<Item = (u8, u8)> + '_ {
        for w in self.cards.windows(2) {
            yield_!((w[0], w[1]));
        }
    }
}

#[test]
fn every_form_expands_under_the_renamed_dependency() {
    assert_eq!(counter(2).collect::<Vec<_>>(), [0, 1, 10, 11]);
    let parsed: Vec<_> = parsed(vec!["1", "x", "3"]).collect();
    assert_eq!(parsed.len(), 2);
    assert_eq!(parsed[0], Ok(1));
    assert!(parsed[1].is_err());
    assert_eq!(words("a b".into()).collect::<Vec<_>>(), ["A", "B"]);
    assert_eq!(block_on(ticks(3).collect::<Vec<_>>()), [0, 1, 2]);
    let deck = Deck {
        cards: vec![1, 2, 3],
    };
    assert_eq!(deck.pairs().collect::<Vec<_>>(), [(1, 2), (2, 3)]);
    let v = vec![1u32, 2];
    let doubled = generators::iter! {
        for x in v {
            yield x * 2;
        }
    };
    assert_eq!(doubled.collect::<Vec<_>>(), [2, 4]);
    let s = generators::stream! {
        yield 1u32;
        yield_from!(ticks(2));
    };
    assert_eq!(block_on(s.collect::<Vec<_>>()), [1, 0, 1]);
}
