//! The twin of a `#[generator(boxed)]` body shared by the boxed generator tests
//! (`boxed_behaviour.rs`, `boxed_bodies_as_plain_functions.rs`): the same body as a plain
//! function pushing into a `Vec`, and a driver that logs the items as that function does.

use gen_tests::log;

/// Declares a module `name` holding one body twice: `name::generator` (`#[generator(boxed)]`)
/// and `name::plain_until` (a plain function in which `yield_!(v)` logs `yield <v:?>`, pushes,
/// and returns after the `budget`-th item, like a generator dropped there).
#[allow(
    unused_macros,
    reason = "each test crate uses only some of the shared helpers"
)]
macro_rules! boxed_twin {
    (
        fn $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $item:ty { $($body:tt)* }
    ) => {
        #[allow(dead_code)]
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            // The arguments go through one tuple: a compiler-backed generator whose
            // parameter names come from a macro's caller does not compile (see the report:
            // the argument re-binding resolves the names at the attribute's call site).
            #[generator(boxed)]
            fn inner(__args: ($($ty,)*)) -> impl Iterator<Item = $item> {
                let ($($arg,)*) = __args;
                $($body)*
            }

            pub fn generator($($arg: $ty),*)
                -> impl ::std::iter::FusedIterator<Item = $item>
            {
                inner(($($arg,)*))
            }

            #[allow(unused_mut, unused_variables, unreachable_code, clippy::all)]
            fn body(__budget: Option<usize>, __out: &mut Vec<$item>, $($arg: $ty),*) {
                #[allow(unused_macros)]
                macro_rules! yield_ {
                    ($e:expr) => {
                        match $e {
                            __v => {
                                log(format!("yield {:?}", __v));
                                __out.push(__v);
                                if Some(__out.len()) == __budget {
                                    return;
                                }
                            }
                        }
                    };
                }
                $($body)*
            }

            pub fn plain_until(__budget: Option<usize>, $($arg: $ty),*) -> Vec<$item> {
                let mut __out = Vec::new();
                body(__budget, &mut __out, $($arg),*);
                __out
            }

            pub fn plain($($arg: $ty),*) -> Vec<$item> {
                plain_until(None, $($arg),*)
            }
        }
    };
}

#[allow(
    unused_imports,
    reason = "each test crate uses only some of the shared helpers"
)]
pub(crate) use boxed_twin;

/// Drives `g`, logging each item as `yield <item:?>` the way the plain function does, and
/// drops it after `budget` items.
pub fn drive<I: Iterator>(g: I, budget: Option<usize>) -> Vec<I::Item>
where
    I::Item: std::fmt::Debug,
{
    let mut out = Vec::new();
    let mut g = g;
    while Some(out.len()) != budget {
        let Some(v) = g.next() else { break };
        log(format!("yield {v:?}"));
        out.push(v);
    }
    drop(g);
    out
}
