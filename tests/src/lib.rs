//! Quality suite of gen: shared helpers for the tests in `tests/tests/`.
//!
//! - [`twin!`] writes one body twice: as a `#[generator]` function (and its `no_fold`
//!   variant) and as a plain function in which `yield_!(v)` pushes into a `Vec`. The plain
//!   function is the oracle every behaviour test compares the generator with.
//! - [`check!`] / [`check_iter`] drive a generator every way the `Iterator` contract allows
//!   (`next()` loops, `fold`, `for_each`, `collect`, `count`, `last`, after taking a few
//!   items, after the end) and compare each result with the oracle.
//! - [`Noisy`] is a drop-recording value: it logs `drop <name>` into a per-thread log and
//!   counts live instances, for the drop-order and leak tests; [`NoisyIter`] is an iterator
//!   that does the same, and [`same_drops!`] compares a generator's log with the plain
//!   function's.

use std::cell::{Cell, RefCell};
use std::fmt::Debug;

#[doc(hidden)]
pub use std::vec::Vec;

thread_local! {
    static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static LIVE: Cell<usize> = const { Cell::new(0) };
}

/// Appends an event to this thread's log (each `#[test]` runs on its own thread).
pub fn log(event: impl Into<String>) {
    let event = event.into();
    LOG.with(|l| l.borrow_mut().push(event));
}

/// Takes (and clears) this thread's log.
#[must_use]
pub fn take_log() -> Vec<String> {
    LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

/// Number of [`Noisy`] values alive on this thread.
#[must_use]
pub fn live() -> usize {
    LIVE.with(Cell::get)
}

/// A value that logs `drop <name>` when dropped and counts live instances. It holds only a
/// `String`, so it is `Send + Sync + Unpin`.
#[derive(Debug)]
pub struct Noisy {
    name: String,
}

impl Noisy {
    /// Creates a live value named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        LIVE.with(|c| c.set(c.get() + 1));
        Noisy { name: name.into() }
    }

    /// The name given at creation.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Drop for Noisy {
    fn drop(&mut self) {
        LIVE.with(|c| c.set(c.get() - 1));
        log(format!("drop {}", self.name));
    }
}

/// A tuple struct of a constant that logs `drop tag <name>` when dropped: built by its
/// constructor (`&Tag("t")`, which rustc cannot promote, its type having a `Drop`), and
/// `Clone` (`Noisy` is not), for copies of a local's elements.
#[derive(Debug, Clone)]
pub struct Tag(pub &'static str);

impl Drop for Tag {
    fn drop(&mut self) {
        log(format!("drop tag {}", self.0));
    }
}

/// An iterator over `0..len` that logs `drop <name>` when dropped: the `for` loop iterator a
/// drop-order test can watch.
#[derive(Debug)]
pub struct NoisyIter {
    items: std::ops::Range<u32>,
    _noisy: Noisy,
}

impl NoisyIter {
    /// Yields `0..len`; dropping it logs `drop <name>`.
    pub fn new(name: impl Into<String>, len: u32) -> Self {
        NoisyIter {
            items: 0..len,
            _noisy: Noisy::new(name),
        }
    }
}

impl Iterator for NoisyIter {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        self.items.next()
    }
}

/// Drives fresh generators from `make` every way the `Iterator` contract allows and checks
/// each result against `expected` (the plain function's output):
/// - a `next()` loop, then `next()` after the end stays `None` (fused);
/// - `collect`, `fold`, `for_each`, `count`, `last` on a fresh generator (the fold fast path);
/// - for every `k`, `k` items by `next()` and then the rest by `fold`, `for_each`, `collect`
///   and `count` (internal iteration on a generator that has started);
/// - `fold` after the end yields nothing.
///
/// # Panics
/// When any of the results differs from `expected`.
pub fn check_iter<T, I>(expected: &[T], make: impl Fn() -> I)
where
    T: PartialEq + Debug,
    I: Iterator<Item = T>,
{
    let mut g = make();
    let mut got = Vec::new();
    for v in g.by_ref() {
        got.push(v);
        assert!(got.len() <= expected.len() + 1000, "runaway generator");
    }
    assert_eq!(got, expected, "next() loop");
    for _ in 0..3 {
        assert!(g.next().is_none(), "next() after the end must stay None");
    }
    assert!(g.fold(0, |n, _| n + 1) == 0, "fold after the end");

    assert_eq!(
        make().collect::<Vec<_>>(),
        expected,
        "collect on a fresh generator"
    );
    let folded = make().fold(Vec::new(), |mut acc, v| {
        acc.push(v);
        acc
    });
    assert_eq!(folded, expected, "fold on a fresh generator");
    let mut each = Vec::new();
    make().for_each(|v| each.push(v));
    assert_eq!(each, expected, "for_each on a fresh generator");
    assert_eq!(make().count(), expected.len(), "count on a fresh generator");
    assert_eq!(
        make().last().as_ref(),
        expected.last(),
        "last on a fresh generator"
    );

    for k in 0..=expected.len() {
        let mut g = make();
        let head: Vec<T> = g.by_ref().take(k).collect();
        assert_eq!(head, expected[..k], "first {k} items by next()");
        let rest = g.fold(Vec::new(), |mut acc, v| {
            acc.push(v);
            acc
        });
        assert_eq!(rest, expected[k..], "fold after {k} items");

        let mut g = make();
        for _ in 0..k {
            g.next();
        }
        let mut rest = Vec::new();
        g.for_each(|v| rest.push(v));
        assert_eq!(rest, expected[k..], "for_each after {k} items");

        let mut g = make();
        for _ in 0..k {
            g.next();
        }
        assert_eq!(
            g.collect::<Vec<_>>(),
            expected[k..],
            "collect after {k} items"
        );

        let mut g = make();
        for _ in 0..k {
            g.next();
        }
        assert_eq!(g.count(), expected.len() - k, "count after {k} items");
    }
}

/// Declares a module `name` holding one body written three times:
/// `name::generator` (`#[generator]`), `name::no_fold` (`#[generator(no_fold)]`),
/// `name::plain` (returns the `Vec` of items) and `name::plain_until` (stops after the
/// `budget`-th item, like a generator dropped there; every item is also logged as
/// `yield <item:?>`).
///
/// `fallible fn name(..) -> Result<T, E> { .. }` is the form for bodies using `?`: the plain
/// function returns `Result<(), E>` and an `Err` becomes the last item, as the contract says.
/// Such bodies may not use `return;` (use the non-fallible form for that).
#[macro_export]
macro_rules! twin {
    (
        $(#[$attr:meta])*
        fallible fn $name:ident ( $($arg:ident : $ty:ty),* $(,)? )
            -> Result<$ok:ty, $err:ty> { $($body:tt)* }
    ) => {
        $(#[$attr])*
        #[allow(dead_code)]
        pub mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[::gen_core::generator]
            pub fn generator($($arg: $ty),*)
                -> impl ::core::iter::Iterator<Item = ::core::result::Result<$ok, $err>>
            { $($body)* }

            #[::gen_core::generator(no_fold)]
            pub fn no_fold($($arg: $ty),*)
                -> impl ::core::iter::Iterator<Item = ::core::result::Result<$ok, $err>>
            { $($body)* }

            #[allow(unused_mut, unused_variables, unreachable_code, clippy::all)]
            fn body(
                __budget: ::core::option::Option<usize>,
                __out: &mut $crate::Vec<::core::result::Result<$ok, $err>>,
                $($arg: $ty),*
            ) -> ::core::result::Result<(), $err> {
                let mut __left = __budget;
                #[allow(unused_macros)]
                macro_rules! yield_ {
                    // The operand's temporaries live while the item is handed over, as
                    // a statement's do (`sink(log.guard().len())`).
                    ($e:expr) => {
                        match $e {
                            __v => {
                                $crate::log(::std::format!("yield {:?}", __v));
                                __out.push(__v);
                                if let ::core::option::Option::Some(__n) = __left.as_mut() {
                                    *__n -= 1;
                                    if *__n == 0 {
                                        return ::core::result::Result::Ok(());
                                    }
                                }
                            }
                        }
                    };
                }
                #[allow(unused_macros)]
                macro_rules! yield_from {
                    ($e:expr) => {
                        for __w in ::core::iter::IntoIterator::into_iter($e) {
                            yield_!(__w);
                        }
                    };
                }
                $($body)*
                ;
                ::core::result::Result::Ok(())
            }

            pub fn plain_until(
                __budget: ::core::option::Option<usize>,
                $($arg: $ty),*
            ) -> $crate::Vec<::core::result::Result<$ok, $err>> {
                let mut __out = $crate::Vec::new();
                if let ::core::result::Result::Err(__e) = body(__budget, &mut __out, $($arg),*) {
                    $crate::log(::std::format!(
                        "yield {:?}",
                        ::core::result::Result::<(), _>::Err(&__e)
                    ));
                    __out.push(::core::result::Result::Err(__e));
                }
                __out
            }

            pub fn plain($($arg: $ty),*) -> $crate::Vec<::core::result::Result<$ok, $err>> {
                plain_until(::core::option::Option::None, $($arg),*)
            }
        }
    };
    (
        $(#[$attr:meta])*
        fn $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $item:ty { $($body:tt)* }
    ) => {
        $(#[$attr])*
        #[allow(dead_code)]
        pub mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[::gen_core::generator]
            pub fn generator($($arg: $ty),*) -> impl ::core::iter::Iterator<Item = $item> {
                $($body)*
            }

            #[::gen_core::generator(no_fold)]
            pub fn no_fold($($arg: $ty),*) -> impl ::core::iter::Iterator<Item = $item> {
                $($body)*
            }

            #[allow(unused_mut, unused_variables, unreachable_code, clippy::all)]
            fn body(
                __budget: ::core::option::Option<usize>,
                __out: &mut $crate::Vec<$item>,
                $($arg: $ty),*
            ) {
                let mut __left = __budget;
                #[allow(unused_macros)]
                macro_rules! yield_ {
                    // The operand's temporaries live while the item is handed over, as
                    // a statement's do (`sink(log.guard().len())`).
                    ($e:expr) => {
                        match $e {
                            __v => {
                                $crate::log(::std::format!("yield {:?}", __v));
                                __out.push(__v);
                                if let ::core::option::Option::Some(__n) = __left.as_mut() {
                                    *__n -= 1;
                                    if *__n == 0 {
                                        return;
                                    }
                                }
                            }
                        }
                    };
                }
                #[allow(unused_macros)]
                macro_rules! yield_from {
                    ($e:expr) => {
                        for __w in ::core::iter::IntoIterator::into_iter($e) {
                            yield_!(__w);
                        }
                    };
                }
                $($body)*
            }

            pub fn plain_until(
                __budget: ::core::option::Option<usize>,
                $($arg: $ty),*
            ) -> $crate::Vec<$item> {
                let mut __out = $crate::Vec::new();
                body(__budget, &mut __out, $($arg),*);
                __out
            }

            pub fn plain($($arg: $ty),*) -> $crate::Vec<$item> {
                plain_until(::core::option::Option::None, $($arg),*)
            }
        }
    };
}

/// `check!(name(args..))`: runs [`check_iter`] on `name::generator(args..)` and
/// `name::no_fold(args..)` against `name::plain(args..)`, and returns the plain output so
/// the test can also compare it with a hand-checked value. The arguments are evaluated
/// once per fresh generator.
#[macro_export]
macro_rules! check {
    ($name:ident ( $($arg:expr),* $(,)? )) => {{
        let expected = $name::plain($($arg),*);
        $crate::check_iter(&expected, || $name::generator($($arg),*));
        $crate::check_iter(&expected, || $name::no_fold($($arg),*));
        expected
    }};
}

/// `same_drops!(name(args..))`: runs [`same_drops()`] on `name::generator(args..)` and
/// `name::no_fold(args..)` against `name::plain_until`, checks the two logs agree, and
/// returns the full log.
#[macro_export]
macro_rules! same_drops {
    ($name:ident ( $($arg:expr),* $(,)? )) => {{
        let full = $crate::same_drops(|| $name::generator($($arg),*), |k| {
            let _ = $name::plain_until(k, $($arg),*);
        });
        let no_fold = $crate::same_drops(|| $name::no_fold($($arg),*), |k| {
            let _ = $name::plain_until(k, $($arg),*);
        });
        assert_eq!(full, no_fold);
        full
    }};
}

/// `assert_not_impl!(value, Trait)`: fails to compile when the type of `value` implements
/// `Trait` (an auto trait such as `Send` or `Sync`). Stable Rust has no negative bound; the
/// check makes `T: Trait` select between two impls, which is ambiguous (a compile error)
/// exactly when `T` implements `Trait`. The ui case `auto_traits/not_impl_detects_send.rs`
/// shows that it does fail on a `Send` value.
#[macro_export]
macro_rules! assert_not_impl {
    ($value:expr, $trait:path) => {{
        trait AmbiguousIfImpl<A> {}
        impl<T: ?Sized> AmbiguousIfImpl<()> for T {}
        #[allow(dead_code)]
        struct Implemented;
        impl<T: ?Sized + $trait> AmbiguousIfImpl<Implemented> for T {}
        fn check<T: ?Sized + AmbiguousIfImpl<A>, A>(_: &T) {}
        check(&$value);
    }};
}

mod drop_oracle;
pub mod fuzz;

pub use drop_oracle::same_drops;

/// The examples of the READMEs and of LIMITS.md, run as doctests (`tests/docs_in_sync.rs`
/// keeps their first example identical to gen-core's crate docs).
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

#[cfg(doctest)]
#[doc = include_str!("../../gen-core/README.md")]
pub struct CoreReadmeDoctests;

#[cfg(doctest)]
#[doc = include_str!("../../LIMITS.md")]
pub struct LimitsDoctests;

#[cfg(doctest)]
#[doc = include_str!("../../gen-macros/README.md")]
pub struct MacrosReadmeDoctests;
