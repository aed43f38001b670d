//! A generator that holds a `!Send` or `!Sync` value across a yield or an await is itself
//! `!Send` or `!Sync`, in every flavour: flat, `boxed`, `Stream`, `iter!` and `stream!`. (A
//! generator crate whose generators are `Send` whatever they hold lets safe code race on an
//! `Rc`.) `assert_not_impl!` is a compile-time check; `ui/auto_traits/not_impl_detects_send.rs`
//! shows that it rejects a `Send` value.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Mutex;

use futures::Stream;
use gen_core::{generator, iter, stream};
use gen_tests::assert_not_impl;

fn assert_send<T: Send>(_: &T) {}

/// A `stream!` made in another function: the auto traits of an `async` block are known only
/// outside the function that writes it.
fn rc_inline_stream(n: u32) -> impl Stream<Item = u32> {
    stream! {
        let shared = Rc::new(n);
        yield_!(*shared);
        std::future::ready(()).await;
        yield_!(*shared + 1);
    }
}

#[generator]
fn rc_flat(n: u32) -> impl Iterator<Item = u32> {
    let shared = Rc::new(n);
    for i in 0..n {
        yield_!(i + *shared);
    }
}

#[generator(boxed)]
fn rc_boxed(n: u32) -> impl Iterator<Item = u32> {
    let shared = Rc::new(n);
    for i in 0..n {
        yield_!(i + *shared);
    }
}

#[generator]
fn rc_stream(n: u32) -> impl Stream<Item = u32> {
    let shared = Rc::new(n);
    for i in 0..n {
        std::future::ready(()).await;
        yield_!(i + *shared);
    }
}

#[generator]
fn rc_across_await(n: u32) -> impl Stream<Item = u32> {
    let shared = Rc::new(n);
    std::future::ready(()).await;
    yield_!(*shared);
}

#[test]
fn an_rc_across_a_yield_is_neither_send_nor_sync() {
    assert_not_impl!(rc_flat(2), Send);
    assert_not_impl!(rc_flat(2), Sync);
    assert_not_impl!(rc_boxed(2), Send);
    assert_not_impl!(rc_boxed(2), Sync);
    assert_not_impl!(rc_stream(2), Send);
    assert_not_impl!(rc_stream(2), Sync);
    assert_not_impl!(rc_across_await(2), Send);
    let n = 2u32;
    let inline = iter! {
        let shared = Rc::new(n);
        yield_!(*shared);
        yield_!(*shared + 1);
    };
    assert_not_impl!(inline, Send);
    assert_not_impl!(inline, Sync);
    assert_eq!(inline.collect::<Vec<_>>(), [2, 3]);
    let inline_stream = rc_inline_stream(n);
    assert_not_impl!(inline_stream, Send);
    assert_not_impl!(inline_stream, Sync);
    let items: Vec<u32> = futures::executor::block_on(futures::StreamExt::collect(inline_stream));
    assert_eq!(items, [2, 3]);
}

#[generator]
fn refcell_flat(n: u32) -> impl Iterator<Item = u32> {
    let total = RefCell::new(0);
    for i in 0..n {
        *total.borrow_mut() += i;
        yield_!(*total.borrow());
    }
}

#[generator(boxed)]
fn cell_boxed(n: u32) -> impl Iterator<Item = u32> {
    let total = Cell::new(0);
    for i in 0..n {
        total.set(total.get() + i);
        yield_!(total.get());
    }
}

#[generator]
fn cell_stream(n: u32) -> impl Stream<Item = u32> {
    let total = Cell::new(0);
    for i in 0..n {
        total.set(total.get() + i);
        yield_!(total.get());
    }
}

#[test]
fn a_cell_across_a_yield_is_send_but_not_sync() {
    let g = refcell_flat(3);
    assert_send(&g);
    assert_not_impl!(g, Sync);
    let g = cell_boxed(3);
    assert_send(&g);
    assert_not_impl!(g, Sync);
    let s = cell_stream(3);
    assert_send(&s);
    assert_not_impl!(s, Sync);
    let n = 3u32;
    let inline = iter! {
        let total = Cell::new(n);
        yield_!(total.get());
        total.set(0);
        yield_!(total.get());
    };
    assert_send(&inline);
    assert_not_impl!(inline, Sync);
}

#[generator]
fn guard_flat<'a>(m: &'a Mutex<Vec<u32>>) -> impl Iterator<Item = u32> + 'a {
    let guard = m.lock().unwrap();
    for i in 0..guard.len() {
        yield_!(guard[i]);
    }
}

#[allow(
    clippy::await_holding_lock,
    reason = "the guard across a yield is what is tested"
)]
#[generator(boxed)]
fn guard_boxed<'a>(m: &'a Mutex<Vec<u32>>) -> impl Iterator<Item = u32> + 'a {
    let guard = m.lock().unwrap();
    for x in guard.iter() {
        yield_!(*x);
    }
}

#[allow(
    clippy::await_holding_lock,
    reason = "the guard across an await is what is tested"
)]
#[generator]
fn guard_stream<'a>(m: &'a Mutex<Vec<u32>>) -> impl Stream<Item = u32> + 'a {
    let guard = m.lock().unwrap();
    for i in 0..guard.len() {
        std::future::ready(()).await;
        yield_!(guard[i]);
    }
}

#[test]
fn a_mutex_guard_across_a_yield_or_await_is_not_send() {
    let m = Mutex::new(vec![1, 2]);
    assert_not_impl!(guard_flat(&m), Send);
    assert_not_impl!(guard_boxed(&m), Send);
    assert_not_impl!(guard_stream(&m), Send);
    let shared = &m;
    let inline = iter! {
        let guard = shared.lock().unwrap();
        yield_!(guard[0]);
        yield_!(guard[1]);
    };
    assert_not_impl!(inline, Send);
    assert_eq!(inline.collect::<Vec<_>>(), [1, 2]);
    assert_eq!(guard_flat(&m).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(guard_boxed(&m).collect::<Vec<_>>(), [1, 2]);
}
