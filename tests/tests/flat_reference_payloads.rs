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
