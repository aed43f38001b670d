//! `#[generator]` on generic free functions (type parameters with where-clauses, lifetimes,
//! `impl Trait` arguments, const generics), borrowing through an argument across a yield; the
//! visibility, attributes, `Send`/`FusedIterator` bounds and argument patterns of a signature
//! are kept. Expected outputs are computed by hand-written plain code next to each test.

use std::fmt::Display;

use gen_core::generator;
use gen_tests::check_iter;

#[generator]
fn repeat_each<T, I>(items: I, times: usize) -> impl Iterator<Item = T>
where
    I: IntoIterator<Item = T>,
    T: Clone,
{
    for x in items {
        for _ in 0..times {
            yield_!(x.clone());
        }
    }
}

#[test]
fn generic_fn_with_where_clause() {
    check_iter(&['a', 'a', 'b', 'b'], || repeat_each("ab".chars(), 2));
    check_iter(&[] as &[String], || repeat_each(vec!["x".to_string()], 0));
    check_iter(&[vec![1], vec![1], vec![1]], || repeat_each([vec![1]], 3));
}

#[generator]
fn words<'a>(text: &'a str, min: usize) -> impl Iterator<Item = &'a str> + 'a {
    for w in text.split_whitespace() {
        if w.len() >= min {
            yield_!(w);
        }
    }
}

#[generator]
fn longest_first<'a, 'b: 'a>(a: &'a str, b: &'b str) -> impl Iterator<Item = &'a str> + 'a {
    if a.len() >= b.len() {
        yield_!(a);
        yield_!(b);
    } else {
        yield_!(b);
        yield_!(a);
    }
}

#[test]
fn lifetimes_borrowing_through_arguments() {
    let text = String::from("a bb ccc dd e");
    check_iter(&["bb", "ccc", "dd"], || words(&text, 2));
    check_iter(&[], || words("", 0));
    let owned = String::from("long");
    check_iter(&["long", "ab"], || longest_first("ab", &owned));
}

#[generator]
fn evens_of(it: impl Iterator<Item = u32>, label: impl Display) -> impl Iterator<Item = String> {
    for x in it {
        if x % 2 == 0 {
            yield_!(format!("{label}{x}"));
        }
    }
}

#[test]
fn impl_trait_arguments() {
    check_iter(&["#0".to_string(), "#2".to_string()], || {
        evens_of(0..4, '#')
    });
    check_iter(&[], || evens_of(std::iter::empty(), "x"));
}

#[generator]
fn chunks<const N: usize>(v: Vec<u32>) -> impl Iterator<Item = [u32; N]> {
    let mut buf = [0; N];
    let mut len = 0;
    for x in v {
        buf[len] = x;
        len += 1;
        if len == N {
            yield_!(buf);
            len = 0;
        }
    }
}

#[test]
fn const_generics() {
    check_iter(&[[1, 2], [3, 4]], || chunks::<2>(vec![1, 2, 3, 4, 5]));
    check_iter(&[[1, 2, 3]], || chunks::<3>(vec![1, 2, 3]));
    check_iter(&[] as &[[u32; 4]], || chunks::<4>(vec![1]));
}

mod kept {
    use gen_core::generator;

    /// A documented, public, `Send` generator.
    #[generator]
    #[inline]
    pub fn send_counter(n: u8) -> impl Iterator<Item = u8> + Send {
        for i in 0..n {
            yield_!(i);
        }
    }

    #[generator]
    pub(crate) fn fused(n: u8) -> impl std::iter::FusedIterator<Item = u8> {
        for i in (0..n).rev() {
            yield_!(i);
        }
    }

    #[allow(clippy::needless_lifetimes)]
    #[generator]
    pub fn mixed_args<'a, T: Copy + 'a>(
        mut skip: usize,
        xs: &'a [T],
        (lo, hi): (usize, usize),
    ) -> impl Iterator<Item = T> + 'a {
        for x in xs.iter().take(hi).skip(lo) {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            yield_!(*x);
        }
    }
}

#[test]
fn visibility_bounds_and_argument_patterns_are_kept() {
    fn needs_send<T: Send>(t: T) -> T {
        t
    }
    check_iter(&[0, 1, 2], || needs_send(kept::send_counter(3)));
    fn needs_fused<I: std::iter::FusedIterator>(i: I) -> I {
        i
    }
    check_iter(&[2, 1, 0], || needs_fused(kept::fused(3)));
    check_iter(&[4, 5], || kept::mixed_args(1, &[1, 2, 3, 4, 5, 6], (2, 5)));
    check_iter(&[], || kept::mixed_args(9, &['a'], (0, 1)));
}
