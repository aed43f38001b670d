//! Async workloads: `0..100_000` with no await (`none`), the same with
//! `std::future::ready(x).await` per item (`ready`), and items received from a
//! `tokio::sync::mpsc` channel fed by a producer task on a current-thread runtime (`mpsc`).
//! Each is polled two ways: `inline` (the concrete stream, `poll_next` inlinable into the
//! driver) and `dyn` (through `Pin<Box<dyn Stream>>`, as an executor or `BoxStream` does).
//! `none`/`ready` are driven by a plain poll loop with a no-op waker.

use std::hint::black_box;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

use futures::{Stream, StreamExt};
use tokio::sync::mpsc::{self, Receiver};

use gen_benches::{Case, Workload};

/// Items per run.
pub const N: u64 = 100_000;
/// Channel capacity of the `mpsc` workload.
pub const CAP: usize = 256;

/// No await between items.
pub mod none {
    use super::*;
    use gen_core::generator;

    /// Hand-written baseline.
    #[derive(Debug)]
    pub struct Count {
        cur: u64,
        limit: u64,
    }

    impl Stream for Count {
        type Item = u64;

        #[inline]
        fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u64>> {
            if self.cur < self.limit {
                let c = self.cur;
                self.cur += 1;
                Poll::Ready(Some(c))
            } else {
                Poll::Ready(None)
            }
        }
    }

    /// Hand-written baseline.
    pub fn hand<const V: u8>(limit: u64) -> Count {
        Count { cur: 0, limit }
    }

    /// `#[generator]` stream.
    #[generator]
    pub fn gen_stream<const V: u8>(limit: u64) -> impl Stream<Item = u64> {
        let mut i = 0;
        while i < limit {
            yield_!(i);
            i += 1;
        }
    }

    /// async-stream.
    pub fn async_stream<const V: u8>(limit: u64) -> impl Stream<Item = u64> {
        ::async_stream::stream! {
            let mut i = 0;
            while i < limit {
                yield i;
                i += 1;
            }
        }
    }

    /// asynk-strim.
    pub fn asynk_strim<const V: u8>(limit: u64) -> impl Stream<Item = u64> {
        ::asynk_strim::stream_fn(move |mut y| async move {
            let mut i = 0;
            while i < limit {
                y.yield_item(i).await;
                i += 1;
            }
        })
    }

    /// `futures::stream::unfold`.
    pub fn unfold<const V: u8>(limit: u64) -> impl Stream<Item = u64> {
        futures::stream::unfold(0, move |i| async move { (i < limit).then_some((i, i + 1)) })
    }

    /// genawaiter (`rc::Gen` as a `Stream`, feature `futures03`).
    pub fn genawaiter<const V: u8>(limit: u64) -> impl Stream<Item = u64> {
        genawaiter::rc::Gen::new(move |co| async move {
            let mut i = 0;
            while i < limit {
                co.yield_(i).await;
                i += 1;
            }
        })
    }
}

/// One `std::future::ready(x).await` per item.
pub mod ready {
    use super::*;
    use gen_core::generator;
    use std::future::{Future, Ready, ready};

    /// Hand-written baseline: polls a stored `Ready` future per item.
    #[derive(Debug)]
    pub struct ReadyCount {
        cur: u64,
        limit: u64,
        fut: Option<Ready<u64>>,
    }

    impl Stream for ReadyCount {
        type Item = u64;

        #[inline]
        fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u64>> {
            loop {
                if let Some(f) = &mut self.fut {
                    let v = std::task::ready!(Pin::new(f).poll(cx));
                    self.fut = None;
                    return Poll::Ready(Some(v));
                }
                if self.cur >= self.limit {
                    return Poll::Ready(None);
                }
                self.fut = Some(ready(self.cur));
                self.cur += 1;
            }
        }
    }

    /// Hand-written baseline.
    pub fn hand<const V: u8>(limit: u64) -> ReadyCount {
        ReadyCount {
            cur: 0,
            limit,
            fut: None,
        }
    }

    /// `#[generator]` stream.
    #[generator]
    pub fn gen_stream<const V: u8>(limit: u64) -> impl Stream<Item = u64> {
        let mut i = 0;
        while i < limit {
            let v = ready(i).await;
            yield_!(v);
            i += 1;
        }
    }

    /// async-stream.
    pub fn async_stream<const V: u8>(limit: u64) -> impl Stream<Item = u64> {
        ::async_stream::stream! {
            let mut i = 0;
            while i < limit {
                let v = ready(i).await;
                yield v;
                i += 1;
            }
        }
    }

    /// asynk-strim.
    pub fn asynk_strim<const V: u8>(limit: u64) -> impl Stream<Item = u64> {
        ::asynk_strim::stream_fn(move |mut y| async move {
            let mut i = 0;
            while i < limit {
                let v = ready(i).await;
                y.yield_item(v).await;
                i += 1;
            }
        })
    }

    /// `futures::stream::unfold`.
    pub fn unfold<const V: u8>(limit: u64) -> impl Stream<Item = u64> {
        futures::stream::unfold(0, move |i| async move {
            if i < limit {
                Some((ready(i).await, i + 1))
            } else {
                None
            }
        })
    }

    /// genawaiter (`rc::Gen` as a `Stream`, feature `futures03`).
    pub fn genawaiter<const V: u8>(limit: u64) -> impl Stream<Item = u64> {
        genawaiter::rc::Gen::new(move |co| async move {
            let mut i = 0;
            while i < limit {
                let v = ready(i).await;
                co.yield_(v).await;
                i += 1;
            }
        })
    }
}

/// Items from a `tokio::sync::mpsc` channel.
pub mod chan {
    use super::*;
    use gen_core::generator;

    /// Hand-written baseline (what `tokio_stream::wrappers::ReceiverStream` does).
    #[derive(Debug)]
    pub struct Recv(Receiver<u64>);

    impl Stream for Recv {
        type Item = u64;

        #[inline]
        fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u64>> {
            self.0.poll_recv(cx)
        }
    }

    /// Hand-written baseline.
    pub fn hand<const V: u8>(rx: Receiver<u64>) -> Recv {
        Recv(rx)
    }

    /// `#[generator]` stream.
    #[generator]
    pub fn gen_stream<const V: u8>(mut rx: Receiver<u64>) -> impl Stream<Item = u64> {
        while let Some(x) = rx.recv().await {
            yield_!(x);
        }
    }

    /// async-stream.
    pub fn async_stream<const V: u8>(mut rx: Receiver<u64>) -> impl Stream<Item = u64> {
        ::async_stream::stream! {
            while let Some(x) = rx.recv().await {
                yield x;
            }
        }
    }

    /// asynk-strim.
    pub fn asynk_strim<const V: u8>(mut rx: Receiver<u64>) -> impl Stream<Item = u64> {
        ::asynk_strim::stream_fn(move |mut y| async move {
            while let Some(x) = rx.recv().await {
                y.yield_item(x).await;
            }
        })
    }

    /// `futures::stream::unfold`.
    pub fn unfold<const V: u8>(rx: Receiver<u64>) -> impl Stream<Item = u64> {
        futures::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|x| (x, rx)) })
    }

    /// genawaiter (`rc::Gen` as a `Stream`, feature `futures03`).
    pub fn genawaiter<const V: u8>(mut rx: Receiver<u64>) -> impl Stream<Item = u64> {
        genawaiter::rc::Gen::new(move |co| async move {
            while let Some(x) = rx.recv().await {
                co.yield_(x).await;
            }
        })
    }
}

/// Polls `s` to the end with a no-op waker, summing the items through `black_box`.
#[inline(always)]
fn poll_loop(mut s: Pin<&mut (impl Stream<Item = u64> + ?Sized)>) -> u64 {
    let mut cx = Context::from_waker(Waker::noop());
    let mut acc = 0u64;
    loop {
        match s.as_mut().poll_next(&mut cx) {
            Poll::Ready(Some(x)) => acc = acc.wrapping_add(black_box(x)),
            Poll::Ready(None) => return acc,
            Poll::Pending => {}
        }
    }
}

/// `none`/`ready`, polled inline.
#[inline(always)]
pub fn drive_inline<S: Stream<Item = u64>>(make: impl FnOnce(u64) -> S) -> u64 {
    poll_loop(pin!(make(black_box(N))))
}

/// `none`/`ready`, polled through `Pin<Box<dyn Stream>>` (hidden behind `black_box`, so the
/// call cannot be devirtualised).
#[inline(always)]
pub fn drive_dyn<S: Stream<Item = u64> + 'static>(make: impl FnOnce(u64) -> S) -> u64 {
    let mut s: Pin<Box<dyn Stream<Item = u64>>> = black_box(Box::pin(make(black_box(N))));
    poll_loop(s.as_mut())
}

thread_local! {
    /// The current-thread runtime of the tokio workloads (here and in `consumers.rs`).
    pub static RT: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("current-thread runtime");
}

/// `mpsc`: a producer task sends `0..N` into a channel; the stream under test receives them.
#[inline(always)]
fn with_channel<F: Future<Output = u64>>(consume: impl FnOnce(Receiver<u64>) -> F) -> u64 {
    RT.with(|rt| {
        rt.block_on(async {
            let (tx, rx) = mpsc::channel(CAP);
            let producer = tokio::spawn(async move {
                for i in 0..black_box(N) {
                    if tx.send(i).await.is_err() {
                        break;
                    }
                }
            });
            let acc = consume(rx).await;
            producer.await.expect("producer task");
            acc
        })
    })
}

/// `mpsc`, polled inline.
#[inline(always)]
pub fn mpsc_inline<S: Stream<Item = u64>>(make: fn(Receiver<u64>) -> S) -> u64 {
    with_channel(|rx| async move {
        let mut s = pin!(make(rx));
        let mut acc = 0u64;
        while let Some(x) = s.next().await {
            acc = acc.wrapping_add(black_box(x));
        }
        acc
    })
}

/// `mpsc`, polled through `Pin<Box<dyn Stream>>`.
#[inline(always)]
pub fn mpsc_dyn<S: Stream<Item = u64> + 'static>(make: fn(Receiver<u64>) -> S) -> u64 {
    with_channel(|rx| async move {
        let mut s: Pin<Box<dyn Stream<Item = u64>>> = black_box(Box::pin(make(rx)));
        let mut acc = 0u64;
        while let Some(x) = s.next().await {
            acc = acc.wrapping_add(black_box(x));
        }
        acc
    })
}

macro_rules! stream_workload {
    ($name:literal, $m:ident, $drive:ident, $v:literal) => {
        Workload {
            name: $name,
            items: N,
            cases: &[
                Case {
                    imp: "hand",
                    run: || $drive($m::hand::<$v>),
                },
                Case {
                    imp: "gen_stream",
                    run: || $drive($m::gen_stream::<$v>),
                },
                Case {
                    imp: "async_stream",
                    run: || $drive($m::async_stream::<$v>),
                },
                Case {
                    imp: "asynk_strim",
                    run: || $drive($m::asynk_strim::<$v>),
                },
                Case {
                    imp: "unfold",
                    run: || $drive($m::unfold::<$v>),
                },
                Case {
                    imp: "genawaiter",
                    run: || $drive($m::genawaiter::<$v>),
                },
                #[cfg(feature = "nightly")]
                Case {
                    imp: "nightly_async_gen",
                    run: || $drive(super::nightly::$m::<$v>),
                },
            ],
        }
    };
}

/// The six async workloads.
pub const WORKLOADS: &[Workload] = &[
    stream_workload!("stream_none_inline", none, drive_inline, 0),
    stream_workload!("stream_none_dyn", none, drive_dyn, 1),
    stream_workload!("stream_ready_inline", ready, drive_inline, 0),
    stream_workload!("stream_ready_dyn", ready, drive_dyn, 1),
    stream_workload!("stream_mpsc_inline", chan, mpsc_inline, 0),
    stream_workload!("stream_mpsc_dyn", chan, mpsc_dyn, 1),
];

/// `size_of_val` of each implementation's stream before the first poll.
pub fn sizes() -> Vec<(&'static str, usize)> {
    use std::mem::size_of_val;
    let rx = || mpsc::channel::<u64>(1).1;
    vec![
        ("none: hand", size_of_val(&none::hand::<0>(N))),
        ("none: gen_stream", size_of_val(&none::gen_stream::<0>(N))),
        (
            "none: async_stream",
            size_of_val(&none::async_stream::<0>(N)),
        ),
        ("none: asynk_strim", size_of_val(&none::asynk_strim::<0>(N))),
        ("none: unfold", size_of_val(&none::unfold::<0>(N))),
        ("none: genawaiter", size_of_val(&none::genawaiter::<0>(N))),
        #[cfg(feature = "nightly")]
        (
            "none: nightly_async_gen",
            size_of_val(&super::nightly::none::<0>(N)),
        ),
        ("ready: hand", size_of_val(&ready::hand::<0>(N))),
        ("ready: gen_stream", size_of_val(&ready::gen_stream::<0>(N))),
        (
            "ready: async_stream",
            size_of_val(&ready::async_stream::<0>(N)),
        ),
        (
            "ready: asynk_strim",
            size_of_val(&ready::asynk_strim::<0>(N)),
        ),
        ("ready: unfold", size_of_val(&ready::unfold::<0>(N))),
        ("ready: genawaiter", size_of_val(&ready::genawaiter::<0>(N))),
        #[cfg(feature = "nightly")]
        (
            "ready: nightly_async_gen",
            size_of_val(&super::nightly::ready::<0>(N)),
        ),
        ("mpsc: hand", size_of_val(&chan::hand::<0>(rx()))),
        (
            "mpsc: gen_stream",
            size_of_val(&chan::gen_stream::<0>(rx())),
        ),
        (
            "mpsc: async_stream",
            size_of_val(&chan::async_stream::<0>(rx())),
        ),
        (
            "mpsc: asynk_strim",
            size_of_val(&chan::asynk_strim::<0>(rx())),
        ),
        ("mpsc: unfold", size_of_val(&chan::unfold::<0>(rx()))),
        (
            "mpsc: genawaiter",
            size_of_val(&chan::genawaiter::<0>(rx())),
        ),
        #[cfg(feature = "nightly")]
        (
            "mpsc: nightly_async_gen",
            size_of_val(&super::nightly::chan::<0>(rx())),
        ),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_baseline_computes_the_workload() {
        assert_eq!(
            (super::WORKLOADS[0].cases[0].run)(),
            super::N * (super::N - 1) / 2
        );
    }
}
