//! Unit tests of the compiler-backed lowering: what the expansion of small bodies contains.

use super::*;
use crate::analyze::{Lowering, normalize};

fn lowered(item: syn::ItemFn, boxed: bool) -> String {
    let mut func = GenFn::from_item(item).unwrap();
    let lowering = if boxed {
        Lowering::Boxed
    } else {
        Lowering::Stream
    };
    normalize(&mut func.block, lowering, func.item_is_result, false).unwrap();
    lower(&func, boxed, true).unwrap().to_string()
}

#[test]
fn yields_become_handle_awaits() {
    let out = lowered(
        syn::parse_quote! {
            fn f(mut n: u32) -> impl Stream<Item = u32> {
                yield_!(n);
                n += 1;
                yield_from!(other(n));
            }
        },
        false,
    );
    assert!(
        out.contains("__private :: stream (move | mut yield_"),
        "{out}"
    );
    assert!(out.contains("Yielder < u32 >"), "{out}");
    assert!(out.contains("let mut n = n ;"), "{out}");
    assert!(
        out.contains("{ let __gen_v : u32 ; __gen_v = n ; yield_ . yield_ (__gen_v) . await }"),
        "{out}"
    );
    assert!(
        out.contains(
            "(yield_) . yield_from (__gen_source , :: gen_core :: __private :: poll_source :: < _ , u32 >) . await"
        ),
        "{out}"
    );
    assert!(!out.contains("yield_ !"), "{out}");
}

#[test]
fn yields_inside_macro_input_are_rewritten() {
    let out = lowered(
        syn::parse_quote! {
            fn f(mut rx: Rx) -> impl Stream<Item = u32> {
                tokio::select! {
                    v = rx.recv() => { yield_!(v) }
                    w = rx.recv() => yield w + 1,
                }
            }
        },
        false,
    );
    assert!(
        out.contains("{ { let __gen_v : u32 ; __gen_v = v ; yield_ . yield_ (__gen_v) . await } }"),
        "{out}"
    );
    // An operand that may make temporaries: handed over from a `match`, whose scrutinee
    // keeps them until the resume.
    assert!(
        out.contains(
            "match (:: gen_core :: __private :: Handed :: < u32 > { value : w + 1 }) { \
             :: gen_core :: __private :: Handed { value : __gen_v } => { yield_ . yield_ \
             (__gen_v) . await } } ,"
        ),
        "{out}"
    );
}

#[test]
fn nested_generators_keep_their_yields() {
    let out = lowered(
        syn::parse_quote! {
            fn f() -> impl Stream<Item = u32> {
                let inner = gen_core::stream! { yield 1; };
                m! { iter! { yield_!(2) } }
                yield_from!(inner);
            }
        },
        false,
    );
    assert!(out.contains("stream ! { yield 1 ; }"), "{out}");
    assert!(out.contains("iter ! { yield_ ! (2) }"), "{out}");
    assert!(out.contains("match inner { __gen_source =>"), "{out}");
    assert!(
        out.contains(
            "(yield_) . yield_from (__gen_source , :: gen_core :: __private :: poll_source :: < _ , u32 >) . await"
        ),
        "{out}"
    );
}

#[test]
fn fallible_body_returns_ok() {
    let out = lowered(
        syn::parse_quote! {
            fn f(v: Vec<String>) -> impl Stream<Item = Result<u8, E>> {
                for s in v {
                    if s.is_empty() { return; }
                    m! { return, |x| x }
                    yield_!(Ok(s.parse()?));
                }
            }
        },
        false,
    );
    assert!(out.contains("__private :: stream_fallible"), "{out}");
    assert!(
        out.contains("{ return :: core :: result :: Result :: Ok (()) ; }"),
        "{out}"
    );
    assert!(
        out.contains("m ! { return :: core :: result :: Result :: Ok (()) ,"),
        "{out}"
    );
}

#[test]
fn result_item_without_try_is_infallible() {
    let out = lowered(
        syn::parse_quote! {
            fn f() -> impl Iterator<Item = Result<u8, E>> {
                yield_!(Ok(1));
                let _ = || -> Result<(), E> { g()?; Ok(()) };
                return;
            }
        },
        true,
    );
    assert!(
        out.contains("__private :: boxed :: < _ , _ , _ , true > (move"),
        "{out}"
    );
    assert!(!out.contains("fold_fallible"), "{out}");
    assert!(out.contains("return ;"), "{out}");
}

#[test]
fn boxed_yield_from_takes_an_iterable_and_self_is_bound() {
    let out = lowered(
        syn::parse_quote! {
            fn f(&self) -> impl Iterator<Item = &u32> + '_ {
                yield_from!(self.items.iter());
            }
        },
        true,
    );
    assert!(!out.contains("__gen_self"), "{out}");
    assert!(out.contains("let _ = (& self ,) ;"), "{out}");
    assert!(out.contains("Entry < '_ , _ >"), "{out}");
    assert!(
        out.contains("yield_from_iter (self . items . iter ())"),
        "{out}"
    );
}

#[test]
fn a_boxed_body_has_a_plain_copy_whose_yields_call_the_sink() {
    let out = lowered(
        syn::parse_quote! {
            fn f(n: u32) -> impl Iterator<Item = u32> {
                for i in 0..n {
                    yield_!(i);
                }
                yield_from!(0..n);
            }
        },
        true,
    );
    assert!(
        out.contains("__private :: boxed :: < _ , _ , _ , true >"),
        "{out}"
    );
    assert!(out.contains("Entry :: Resume (mut yield_)"), "{out}");
    assert!(out.contains("fold_infallible (__gen_sink"), "{out}");
    assert!(
        out.contains(
            "{ let __gen_v : u32 ; __gen_v = i ; '__gen_hand : { break '__gen_hand __gen_sink (__gen_v) } }"
        ),
        "{out}"
    );
    assert!(
        out.contains("{ let __gen_v : u32 ; __gen_v = i ; yield_ . yield_ (__gen_v) . await }"),
        "{out}"
    );
    assert!(
        out.contains(
            "for __gen_item in 0 .. n { let __gen_v : u32 = __gen_item ; '__gen_hand : { break \
             '__gen_hand __gen_sink (__gen_v) } ; }"
        ),
        "{out}"
    );
}
