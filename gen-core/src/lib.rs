//! Generators for stable Rust.
//!
//! Write a function with yield points; `#[generator]` rewrites it into a state machine that
//! implements [`Iterator`] (sync) or `futures_core::Stream` (async), as fast as one written by
//! hand.
//!
//! ```
//! use gen_core::generator;
//!
//! #[generator]
//! fn counter(limit: u32) -> impl Iterator<Item = u32> {
//!     let mut current = 0;
//!     while current < limit {
//!         yield_!(current);
//!         current += 1;
//!     }
//! }
//!
//! assert_eq!(counter(3).collect::<Vec<_>>(), [0, 1, 2]);
//! ```
//!
//! Async generators return `impl Stream<Item = T>` and may `.await` (feature `stream`, on by
//! default); `#[generator(boxed)]` sync generators may borrow their own locals across yields;
//! `iter! { .. }` and `stream! { .. }` are the expression forms.
//!
//! ```
//! # use gen_core::generator;
//! #[generator]
//! fn parse_all(lines: Vec<&'static str>) -> impl Iterator<Item = Result<i64, std::num::ParseIntError>> {
//!     for line in lines {
//!         yield_!(Ok(line.trim().parse::<i64>()?)); // an error is the last item
//!     }
//! }
//! let items: Vec<_> = parse_all(vec!["1", "x", "3"]).collect();
//! assert!(matches!(items.as_slice(), [Ok(1), Err(_)]));
//! ```
//!
//! # Limitations, each a compile error on your code
//!
//! A flat (default) sync generator cannot keep a borrow of its own local across a yield
//! (neither can nightly `gen` blocks); borrowing through an argument or `&self` is fine:
//!
//! ```compile_fail
//! # use gen_core::generator;
//! #[generator]
//! fn bad() -> impl Iterator<Item = u32> {
//!     let v = vec![1, 2];
//!     for x in &v {
//!         yield_!(*x); // error: `v` is borrowed by this loop across a yield, ...
//!     }
//! }
//! ```
//!
//! Own the data (`for x in v`), take it as an argument, or use `#[generator(boxed)]`:
//!
//! ```
//! # use gen_core::generator;
//! #[generator(boxed)]
//! fn fine() -> impl Iterator<Item = u32> {
//!     let v = vec![1, 2];
//!     for x in &v {
//!         yield_!(*x);
//!     }
//! }
//! assert_eq!(fine().collect::<Vec<_>>(), [1, 2]);
//! ```
//!
//! A yield belongs to the generator's own body, not to a closure or another macro's input:
//!
//! ```compile_fail
//! # use gen_core::generator;
//! #[generator]
//! fn bad() -> impl Iterator<Item = u32> {
//!     (0..3).for_each(|i| yield_!(i)); // error: `yield_!` may not be used inside a closure
//! }
//! ```
//!
//! `.await` needs an async generator:
//!
//! ```compile_fail
//! # use gen_core::generator;
//! #[generator]
//! fn bad() -> impl Iterator<Item = u32> {
//!     core::future::ready(1).await; // error: `.await` is only allowed in an async generator
//! }
//! ```
//!
//! # `unsafe fn` generators
//!
//! `#[generator]` accepts an `unsafe fn`, with the contract of an `async unsafe fn`: calling
//! it needs `unsafe`, and the body runs later, inside the safe `next()`/`poll_next()` calls.
//! So the function's safety preconditions must hold **until the generator is dropped**, not
//! just during the call; write them that way in its `# Safety` section. As in any `unsafe fn`
//! of edition 2024, the body is not an unsafe block: each unsafe operation needs its own.
//!
//! ```
//! # use gen_core::generator;
//! /// # Safety
//! /// `p` must point to `n` readable `u32`s until the generator is dropped.
//! #[generator]
//! unsafe fn read_raw(p: *const u32, n: usize) -> impl Iterator<Item = u32> {
//!     for i in 0..n {
//!         // SAFETY: the caller keeps the `n` values readable while the generator lives.
//!         yield_!(unsafe { *p.add(i) });
//!     }
//! }
//! let v = [1, 2, 3];
//! // SAFETY: `v` outlives the generator, consumed on this line.
//! assert_eq!(unsafe { read_raw(v.as_ptr(), v.len()) }.sum::<u32>(), 6);
//! ```
//!
//! # Performance
//!
//! A flat generator keeps the locals it needs after a yield in its state and resumes in
//! place. One pattern costs speed. Keeping a value and a view derived from it across a yield
//! (`text` and `bytes = text.as_bytes()`) hides their relation from the optimizer, so bounds
//! and boundary checks are done twice. Derive the view after the yield instead, for example
//! with `let bytes = text.as_bytes();` at the top of the loop body.
//!
//! See the repository README for the design, the benchmarks and the full list of errors.
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(any(test, feature = "std"))]
extern crate std;

#[cfg(feature = "alloc")]
mod boxed;
pub mod checks;
mod framed;
mod hand_over;
mod inline;
mod iter;
mod resident;
mod stream;
mod yielder;

/// The types behind the `impl Iterator` or `impl Stream` a generator function returns.
///
/// You meet their names in compiler errors about what a generator keeps across a yield (a
/// local that is not `Send`, or not `Clone`): `FlatGen<GeneratorState<..>, ..>` is a flat
/// generator, whose `GeneratorState` lists the types of the locals it keeps; `GenStream<T,
/// {async block}>` is an async generator, built by `stream` or `stream_fallible` (a body that
/// uses `?`), whose body yields through its `Yielder`; `BoxedGen` is a `boxed` generator;
/// `InlineGen<T, ..>` is an `iter!` block yielding `T` (which the context decides when the
/// block yields nothing, as for a `gen` block: `let it = iter! {};` alone needs a type).
/// They are built only by the macros.
pub mod machines {
    #[cfg(feature = "alloc")]
    pub use crate::boxed::BoxedGen;
    pub use crate::inline::InlineGen;
    pub use crate::iter::FlatGen;
    pub use crate::stream::{GenStream, Yielder, stream, stream_fallible};
}

#[cfg(feature = "stream")]
pub use gen_macros::stream;
pub use gen_macros::{generator, iter};

/// Yields one item from a generator.
///
/// Only meaningful inside a `#[generator]` function or an `iter!`/`stream!` block, where the
/// macro rewrites it before this definition is ever reached. Anywhere else it is an error:
///
/// ```compile_fail
/// gen_core::yield_!(1);
/// ```
#[macro_export]
macro_rules! yield_ {
    ($($tt:tt)*) => {
        ::core::compile_error!(
            "`yield_!` may only be used directly in the body of a `#[generator]` function or \
             an `iter!`/`stream!` block"
        )
    };
}

/// Yields every item of an iterable (sync generators) or of a `Stream` (async generators).
///
/// Only meaningful inside a `#[generator]` function or an `iter!`/`stream!` block:
///
/// ```compile_fail
/// gen_core::yield_from!(0..3);
/// ```
#[macro_export]
macro_rules! yield_from {
    ($($tt:tt)*) => {
        ::core::compile_error!(
            "`yield_from!` may only be used directly in the body of a `#[generator]` function \
             or an `iter!`/`stream!` block"
        )
    };
}

/// `dbg!` of expressions that name `self` in a flat generator, whose receiver the macro binds
/// under another name: prints each expression as written (`$text`, before the renamed one,
/// `$val`) and evaluates the renamed one, as `dbg!` does. Used by the macros' expansions; not public API.
#[doc(hidden)]
#[macro_export]
macro_rules! __dbg_as_written {
    ($text:expr, $val:expr $(,)?) => {
        match $val {
            tmp => {
                ::std::eprintln!(
                    "[{}:{}:{}] {} = {:#?}",
                    ::core::file!(),
                    ::core::line!(),
                    ::core::column!(),
                    $text,
                    &tmp
                );
                tmp
            }
        }
    };
    ($($text:expr, $val:expr),+ $(,)?) => {
        ($($crate::__dbg_as_written!($text, $val)),+,)
    };
}

/// Implementation details used by the macros' expansions. Not public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::framed::FramedGen;
    pub use crate::inline::InlineGen;
    pub use crate::iter::{FlatGen, Moved, Sink};
    pub use crate::resident::Resident;
    pub use core;

    /// Whether dropping `value` runs any code: the flat lowering asks it of the locals a
    /// suspension would keep only so that they drop after the resume. When none of them has
    /// drop glue, dropping them at the suspension instead is unobservable, and the state
    /// after the resume can be stored directly. A constant after inlining.
    #[inline(always)]
    pub const fn needs_drop<T>(_value: &T) -> bool {
        core::mem::needs_drop::<T>()
    }

    /// A yielded value of a compiler-backed generator, as the scrutinee of the `match` that
    /// hands it over: the field gives the value the item type as its expected type, and the
    /// value's temporaries live until the generator resumes.
    #[derive(Debug)]
    pub struct Handed<T> {
        /// The value.
        pub value: T,
    }

    /// An item of an `iter!` block, whose type only the block's first yield fixes: the
    /// field `ty` (from [`item_type`]) gives `value` the item type as its expected type, so
    /// an item of another type is one plain "mismatched types" at the value, the same in
    /// the block's two copies (which rustc then prints once).
    #[derive(Debug)]
    pub struct ItemOf<T> {
        /// The item type.
        pub ty: core::marker::PhantomData<fn() -> T>,
        /// The item.
        pub value: T,
    }

    /// The item type of an `iter!` block, named by its closure's sink (see [`ItemOf`]).
    #[inline(always)]
    pub fn item_type<T>(_sink: &Option<Sink<'_, T>>) -> core::marker::PhantomData<fn() -> T> {
        core::marker::PhantomData
    }

    /// Drops a binding of a `let` chain before the chain's `else` runs, where the chain drops
    /// it (the flat lowering's desugar of a chain that moves out of a local into nested
    /// `if`s). Unlike `core::mem::drop`, a `Copy` binding draws no lint.
    #[inline(always)]
    pub fn drop<T>(_value: T) {}

    /// A value of the type of what `_of` points to, for an argument of a call that is only
    /// type-checked (the never-called closure by which an `iter!` block's capture is checked for
    /// `mut`): the argument gets its real type without the closure taking the value.
    ///
    /// # Panics
    /// Always: it is never meant to run.
    #[inline(always)]
    pub fn value_like<T>(_of: &T) -> T {
        unreachable!("gen-core: a type-only value was evaluated")
    }

    /// The value of `yield_!(v)` in a flat generator, `()`: a call spanned as the user's
    /// `yield_!(..)`, in both copies of the body, so that a `let` expecting another type
    /// (`let y: u32 = yield_!(1);`) draws the one error rustc gives the plain function.
    #[inline(always)]
    pub fn resumed(_yielded: ()) {}

    /// Ties the type of a join's value in a flat generator's state to the type of the `let`
    /// that receives it in the body's plain copy (dead code: `if false { .. }`).
    #[inline(always)]
    pub fn same_type<T: ?Sized>(_in_the_state: &T, _in_the_body: &T) {}

    /// Stores `state`, the state a flat generator resumes at, into `place` without dropping
    /// what `place` held: the flat lowering stores only where the stored state is finished
    /// (its arm took the state out, or a resident arm's guard was taken or dropped), and the
    /// finished state owns nothing. An assignment would drop the old value, and after an
    /// opaque call in the arm (an allocation, a user function) the optimizer can no longer
    /// tell that it is finished: an out-of-line drop of the whole state on every item.
    #[inline(always)]
    pub fn store<S>(state: S, place: &mut S) {
        core::mem::forget(core::mem::replace(place, state));
    }

    /// Drops `value` where a flat generator's state changes: a guard of one of its locals, or
    /// a hidden local of a yield's temporary, no longer used but still in scope, whose owner
    /// moves into the stored state. A function rather than `mem::drop`, which clippy reports
    /// for a value without drop glue.
    #[inline(always)]
    pub fn release<T>(_value: T) {}

    /// The `None` a flat generator's `return` desugars into: a call, so that clippy does not
    /// read the user's `let .. else { return; }` as a `?` it could rewrite.
    #[inline(always)]
    #[must_use]
    pub const fn finished<T>() -> Option<T> {
        None
    }

    /// The error a generator-level `e?` of a flat generator yields: `From::from(e)`, as the
    /// `?` operator converts it (a function, so that no lint about a conversion to the same
    /// type fires on the user's `?`).
    #[inline(always)]
    pub fn convert_err<E, F: From<E>>(error: E) -> F {
        F::from(error)
    }

    /// A local that a large flat generator keeps in its frame (a struct of `Option`s, one per
    /// kept local, that stays in place across suspensions) taken out when an arm uses it.
    /// The macro takes a local only where it holds a value; `None` would be a bug in the
    /// lowering, reported as one.
    #[inline(always)]
    pub fn frame_take<T>(slot: &mut Option<T>) -> T {
        match slot.take() {
            Some(value) => value,
            None => unreachable!("a flat generator's frame lost a local; please report this"),
        }
    }

    /// The state machine of a flat generator whose small resume arms run before it (see
    /// `emit/entry.rs` in gen-macros): `state` gives the closure's parameter its type before
    /// the closure's body is checked, so that rustc infers the states' types from the arms in
    /// source order.
    #[inline(always)]
    pub fn machine<S, R, F: FnOnce(S) -> R>(state: &S, machine: F) -> F {
        let _ = state;
        machine
    }

    /// Runs `body` once, at once: the copy of a generator's body that `fold` runs (see
    /// `fold.rs` in gen-macros), in a closure of its own whose type names no state. As an
    /// `FnOnce` it owns what it captured, so it may move it out or reborrow an argument's
    /// `&'a mut T` for all of `'a`, as the function's body does.
    #[inline(always)]
    pub fn run_once<R>(body: impl FnOnce() -> R) -> R {
        body()
    }

    #[cfg(feature = "alloc")]
    pub use crate::boxed::{
        BoxedGen, Entry, boxed, boxed_fallible, fold_fallible, fold_infallible,
    };

    /// The end of an `iter!` block's body lowered as an `async move` block: a future that
    /// never completes, so that the block's captures it did not move stay in the body future
    /// until the generator drops it, as a `move` closure keeps its captures ([`BoxedGen`]
    /// ends on it and keeps the body).
    #[cfg(feature = "alloc")]
    pub async fn park() {
        core::future::pending::<()>().await;
    }
    pub use crate::stream::{BodyOutput, GenStream, YieldFut, Yielder, stream, stream_fallible};
    #[cfg(feature = "stream")]
    pub use crate::yielder::poll_source;
    #[cfg(feature = "stream")]
    pub use futures_core::{FusedStream, Stream};

    /// The body a failed expansion of a stream generator gets, so that no secondary type
    /// errors follow the real one.
    #[cfg(feature = "stream")]
    pub fn empty_stream<T>() -> EmptyStream<T> {
        EmptyStream(core::marker::PhantomData)
    }

    /// A stream with no items and every trait a signature may ask for (`Clone`, `Send`,
    /// `Unpin`, ..), so that the error of a failed expansion is the only one.
    #[cfg(feature = "stream")]
    #[derive(Debug)]
    pub struct EmptyStream<T>(core::marker::PhantomData<fn() -> T>);

    #[cfg(feature = "stream")]
    impl<T> Clone for EmptyStream<T> {
        fn clone(&self) -> Self {
            EmptyStream(core::marker::PhantomData)
        }
    }

    #[cfg(feature = "stream")]
    impl<T> Stream for EmptyStream<T> {
        type Item = T;

        fn poll_next(
            self: core::pin::Pin<&mut Self>,
            _: &mut core::task::Context<'_>,
        ) -> core::task::Poll<Option<T>> {
            core::task::Poll::Ready(None)
        }
    }

    #[cfg(feature = "stream")]
    impl<T> FusedStream for EmptyStream<T> {
        fn is_terminated(&self) -> bool {
            true
        }
    }
}
