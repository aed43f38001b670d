//! A local copied out of an `Option<&T>` or `Result<&T, E>` (a parameter or a typed local)
//! by `unwrap`, `expect`, `unwrap_or(..)` or `unwrap_or_default()` is a reference: a loop
//! over `v.iter()` or `s.split(',')` borrows what it points to, not the generator's local,
//! and compiles flat as the plain function does. So does a loop through a reference field of
//! a struct literal local (`let v = View { data, scale }; for x in v.data.iter()`), and one
//! through a reference field of an `iter!` block's capture (`v.data.iter()` of a captured
//! `View<'a>`, `pair.0.iter()` of a captured tuple). Against the plain twin.

use gen_core::generator;
use gen_tests::{check, twin};

twin! {
    fn words_or_all(filter: Option<&'static str>) -> &'static str {
        let pattern = filter.unwrap_or("all");
        for w in pattern.split(',') {
            yield_!(w);
        }
    }
}

twin! {
    fn doubled(o: Option<&'static [u32]>, r: Result<&'static str, String>) -> u32 {
        let v = o.expect("set");
        for x in v.iter() {
            yield_!(*x * 2);
        }
        let s = r.unwrap_or_default();
        for w in s.split(' ') {
            yield_!(w.len() as u32);
        }
    }
}

twin! {
    fn typed_local(text: &'static str) -> usize {
        let first: Option<&str> = text.split(' ').next();
        let w = first.unwrap_or("none");
        for part in w.split('-') {
            yield_!(part.len());
        }
    }
}

#[test]
fn a_reference_unwrapped_from_an_argument_is_looped_over_flat() {
    assert_eq!(check!(words_or_all(Some("a,bc"))), ["a", "bc"]);
    assert_eq!(check!(words_or_all(None)), ["all"]);
    assert_eq!(check!(doubled(Some(&[1, 2]), Ok("ab c"))), [2, 4, 2, 1]);
    assert_eq!(check!(doubled(Some(&[]), Err("e".into()))), [0]);
    assert_eq!(check!(typed_local("ab-c d")), [2, 1]);
}

/// The same with a lifetime parameter, as a user writes it.
#[generator]
fn unwrapped<'a>(o: Option<&'a [u32]>) -> impl Iterator<Item = u32> + 'a {
    let v = o.unwrap();
    for x in v.iter() {
        yield_!(*x + 1);
    }
}

#[test]
fn a_borrowed_payload_with_the_callers_lifetime() {
    let data = vec![1, 2];
    assert_eq!(unwrapped(Some(&data)).collect::<Vec<_>>(), [2, 3]);
}

/// A view of the caller's data, built in the body.
#[derive(Debug)]
pub struct View<'a> {
    pub data: &'a [u32],
    pub scale: u32,
    pub guard: gen_tests::Noisy,
}

twin! {
    fn through_a_reference_field(data: &'static [u32], scale: u32) -> u32 {
        let v = View { data, scale, guard: gen_tests::Noisy::new("view") };
        for x in v.data.iter() {
            yield_!(*x * v.scale);
        }
        yield_!(v.guard.name().len() as u32);
    }
}

#[test]
fn a_loop_through_a_reference_field_of_a_local_borrows_what_it_points_to() {
    assert_eq!(check!(through_a_reference_field(&[1, 2], 3)), [3, 6, 4]);
    gen_tests::same_drops!(through_a_reference_field(&[1, 2], 3));
}

/// A view of the caller's data that a block captures by move.
#[derive(Clone, Copy)]
struct Slice<'a> {
    data: &'a [u32],
}

fn plus_one<'a>(v: Slice<'a>, pair: (&'a [u32], &'a str)) -> impl Iterator<Item = u32> + 'a {
    gen_core::iter! {
        for x in v.data.iter() {
            yield *x + 1;
        }
        for x in pair.0.iter() {
            yield *x + pair.1.len() as u32;
        }
    }
}

#[test]
fn an_iter_block_borrows_through_a_reference_field_of_a_capture() {
    let data = vec![1, 2];
    let items: Vec<u32> = plus_one(Slice { data: &data }, (&data, "ab")).collect();
    assert_eq!(items, [2, 3, 3, 4]);
}

/// A configuration of the caller's.
#[derive(Debug)]
pub struct Cfg {
    pub data: &'static [u32],
    pub items: Vec<u32>,
}

twin! {
    // Views built from references unwrapped from arguments, or borrowed through one.
    fn views_of_unwrapped_references(
        cfg: Option<&'static Cfg>,
        fallback: &'static Cfg,
        slice: Option<&'static [u32]>
    ) -> u32 {
        let cfg = cfg.unwrap_or(fallback);
        let view = View { data: cfg.data, scale: 2, guard: gen_tests::Noisy::new("first") };
        for x in view.data.iter() {
            yield_!(*x * view.scale);
        }
        let data = slice.unwrap_or(fallback.data);
        let short = View { data, scale: 3, guard: gen_tests::Noisy::new("second") };
        for x in short.data.iter() {
            yield_!(*x * short.scale);
        }
        let borrowed = View { data: &fallback.items, scale: 1, guard: gen_tests::Noisy::new("third") };
        for x in borrowed.data.iter() {
            yield_!(*x);
        }
    }
}

twin! {
    fallible fn unwrapped_by_question_mark(cfg: Option<&'static Cfg>) -> Result<u32, String> {
        let cfg = cfg.ok_or_else(|| "no config".to_string())?;
        let view = View { data: cfg.data, scale: 10, guard: gen_tests::Noisy::new("view") };
        for x in view.data.iter() {
            yield_!(Ok(*x * view.scale));
        }
    }
}

#[test]
fn views_of_references_unwrapped_from_arguments_are_looped_over_flat() {
    let cfg: &'static Cfg = Box::leak(Box::new(Cfg {
        data: &[1, 2],
        items: vec![7],
    }));
    let fallback: &'static Cfg = Box::leak(Box::new(Cfg {
        data: &[5],
        items: vec![8, 9],
    }));
    assert_eq!(
        check!(views_of_unwrapped_references(
            Some(cfg),
            fallback,
            Some(cfg.data)
        )),
        [2, 4, 3, 6, 8, 9]
    );
    check!(views_of_unwrapped_references(None, fallback, None));
    gen_tests::same_drops!(views_of_unwrapped_references(Some(cfg), fallback, None));
    check!(unwrapped_by_question_mark(Some(cfg)));
    check!(unwrapped_by_question_mark(None));
}
