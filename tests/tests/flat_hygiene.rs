//! Hygiene and spans of the expansion: generated code reaches the runtime only through
//! absolute paths (it works in a module that shadows `core`, `std`, `Option`, `Some`, ...),
//! user locals with names a lowering might use do not collide with generated ones, the user's
//! tokens keep their spans (`line!()`, `column!()`), and the expansion of ordinary bodies is
//! warning-free under strict lints.
#![deny(
    unused,
    unreachable_code,
    unused_qualifications,
    unused_parens,
    unused_braces,
    non_snake_case,
    non_camel_case_types,
    clippy::all
)]

use gen_tests::check_iter;

#[allow(dead_code, unused_macros, non_camel_case_types, clippy::all)]
mod shadowing {
    use gen_core::generator;

    mod core {}
    mod std {}
    mod gen_macros {}
    mod __private {}
    struct Option;
    struct Some;
    struct None;
    struct Result;
    struct Ok;
    struct Err;
    struct Iterator;
    struct FnMut;
    struct Box;
    struct Vec;
    struct String;
    struct From;
    struct Into;
    struct Default;
    struct Drop;
    struct Sized;
    fn drop() {}
    fn replace() {}
    fn take() {}
    macro_rules! unreachable {
        () => {
            "shadowed unreachable"
        };
    }
    macro_rules! panic {
        () => {
            "shadowed panic"
        };
    }

    #[generator]
    pub fn counter(limit: u32) -> impl ::core::iter::Iterator<Item = u32> {
        let mut current = 0;
        while current < limit {
            yield_!(current);
            current += 1;
        }
    }

    #[generator]
    pub fn parse(
        v: ::std::vec::Vec<&'static str>,
    ) -> impl ::core::iter::Iterator<Item = ::core::result::Result<u32, ::std::string::String>>
    {
        for s in v {
            let n: u32 = s.parse::<u32>().map_err(|e| e.to_string())?;
            yield_!(::core::result::Result::Ok(n));
        }
    }

    pub fn inline(n: u32) -> impl ::core::iter::Iterator<Item = u32> {
        gen_core::iter! {
            for i in 0..n {
                yield i * 2;
            }
        }
    }
}

#[test]
fn expansion_uses_absolute_paths_only() {
    check_iter(&[0, 1, 2], || shadowing::counter(3));
    check_iter(
        &[Ok(1), Err("invalid digit found in string".to_string())],
        || shadowing::parse(vec!["1", "x", "2"]),
    );
    check_iter(&[0, 2, 4], || shadowing::inline(3));
}

mod user_names {
    use gen_core::generator;

    /// User locals and labels named like a lowering's internals (but not `__gen_*`, which is
    /// reserved) must not collide with the generated ones.
    #[generator]
    pub fn busy_names(n: u32) -> impl Iterator<Item = u32> {
        let __cur = 100;
        let __state = 200;
        let state = 1;
        let resume = 2;
        let sink = 3;
        let __v = 4;
        let __sm = 5;
        let cb = 6;
        'outer: for i in 0..n {
            '__sm: for j in 0..2 {
                if j > 0 {
                    break '__sm;
                }
                yield_!(i + __cur + __state + state + resume + sink + __v + __sm + cb);
            }
            if i > 5 {
                break 'outer;
            }
        }
    }
}

#[test]
fn user_locals_do_not_collide_with_generated_ones() {
    let base = 100 + 200 + 1 + 2 + 3 + 4 + 5 + 6;
    check_iter(&[base, base + 1], || user_names::busy_names(2));
}

mod spans {
    use gen_core::generator;

    #[rustfmt::skip]
    #[generator]
    pub fn lines() -> impl Iterator<Item = (u32, u32)> {
        yield_!((line!(), column!()));
        let l = (line!(), column!());
        yield_!(l);
    }

    pub const FIRST_LINE: u32 = line!() - 5;
}

#[test]
fn user_tokens_keep_their_spans() {
    let v: Vec<(u32, u32)> = spans::lines().collect();
    assert_eq!(v, [(spans::FIRST_LINE, 27), (spans::FIRST_LINE + 1, 27)]);
}

mod strict_lints {
    use gen_core::generator;

    #[generator]
    pub fn typical(v: Vec<Option<u32>>, limit: u32) -> impl Iterator<Item = u32> {
        let mut seen = 0;
        'items: for o in v {
            let Some(x) = o else { continue };
            match x {
                0 => continue 'items,
                n if n > limit => break,
                n => {
                    seen += 1;
                    yield_!(n);
                }
            }
        }
        if seen == 0 {
            return;
        }
        yield_!(seen);
    }
}

#[test]
fn ordinary_bodies_expand_without_warnings() {
    check_iter(&[1, 3, 2], || {
        strict_lints::typical(vec![Some(1), None, Some(0), Some(3), Some(9), Some(2)], 5)
    });
    check_iter(&[], || strict_lints::typical(vec![], 5));
}

/// `self_` is the name a flat generator's states give the receiver (so rustc's messages about
/// it read as being about `self`), unless the function names `self_` itself: a parameter, a
/// local or an `iter!` capture called `self_` is the user's.
mod self_underscore {
    use gen_core::generator;

    #[generator]
    fn parameter(self_: u32) -> impl Iterator<Item = u32> {
        yield_!(1);
        yield_!(self_);
    }

    pub struct S(pub u32);

    impl S {
        #[generator]
        pub fn with_parameter(&self, self_: u32) -> impl Iterator<Item = u32> + '_ {
            yield_!(self.0 + self_);
            yield_!(self_);
        }

        #[generator]
        pub fn with_local(&self) -> impl Iterator<Item = u32> + '_ {
            let self_ = 10;
            yield_!(self.0 + self_);
            yield_!(self_ + self.0);
        }
    }

    #[test]
    fn a_user_name_self_underscore_is_the_users() {
        assert_eq!(parameter(3).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(S(1).with_parameter(5).collect::<Vec<_>>(), [6, 5]);
        assert_eq!(S(1).with_local().collect::<Vec<_>>(), [11, 11]);
        let self_ = 7u32;
        let captured: Vec<u32> = gen_core::iter! { yield self_; yield self_ + 1; }.collect();
        assert_eq!(captured, [7, 8]);
    }
}

/// A `use` in the body is seen by the items declared in the body (a trait import an `impl`
/// needs, a renamed type, a glob of an enum's variants), as in the plain function; the crate
/// denies `unused`, so no copy of an import is reported unused.
mod imports_seen_by_body_items {
    use gen_core::generator;

    #[derive(Clone, Copy, Debug, PartialEq)]
    pub enum Dir {
        N,
        E,
        S,
        W,
    }

    #[generator]
    pub fn turns(names: Vec<&'static str>) -> impl Iterator<Item = String> {
        use Dir::*;
        use std::collections::BTreeSet as Set;
        use std::fmt::Write as _;
        struct Acc {
            out: String,
        }
        impl Acc {
            fn add(&mut self, s: &str) -> String {
                let _ = write!(self.out, "{s};");
                self.out.clone()
            }
        }
        fn distinct(v: &[&str]) -> usize {
            v.iter().collect::<Set<_>>().len()
        }
        fn turn(d: Dir) -> Dir {
            match d {
                N => E,
                E => S,
                S => W,
                W => N,
            }
        }
        let mut acc = Acc { out: String::new() };
        yield_!(distinct(&names).to_string());
        yield_!(format!("{:?}", turn(N)));
        for name in names {
            yield_!(acc.add(name));
        }
    }

    #[test]
    fn items_of_the_body_see_its_imports() {
        assert_eq!(
            turns(vec!["a", "b", "a"]).collect::<Vec<_>>(),
            ["2", "E", "a;", "a;b;", "a;b;a;"]
        );
    }
}

/// The stored state's type is `GeneratorState` in rustc's messages, unless the user's code
/// names a `GeneratorState` of its own, which the generated enum must not shadow.
mod a_user_type_named_like_the_state {
    use gen_core::generator;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct GeneratorState {
        pub step: u32,
    }

    #[generator]
    pub fn steps(n: u32) -> impl Iterator<Item = GeneratorState> {
        let mut state = GeneratorState { step: 0 };
        while state.step < n {
            yield_!(state);
            state.step += 1;
        }
    }

    #[generator]
    pub fn local_item(n: u32) -> impl Iterator<Item = u32> {
        enum GeneratorState {
            Running(u32),
            Done,
        }
        let mut s = GeneratorState::Running(0);
        while let GeneratorState::Running(i) = s {
            yield_!(i);
            s = if i + 1 < n {
                GeneratorState::Running(i + 1)
            } else {
                GeneratorState::Done
            };
        }
    }

    #[test]
    fn the_users_type_is_not_shadowed() {
        let got: Vec<u32> = steps(3).map(|s| s.step).collect();
        assert_eq!(got, [0, 1, 2]);
        assert_eq!(local_item(3).collect::<Vec<_>>(), [0, 1, 2]);
    }
}
