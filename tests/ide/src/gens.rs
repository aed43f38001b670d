// Sample generators for check.sh. Layout rules (check.py relies on them):
// - `#[generator]` / `#[generator(boxed)]` on its own line, right above a one-line signature
//   that ends in `{`;
// - a sample's name starts with its flavour: `flat_`, `boxed_`, `stream_`, `iter_expr_`,
//   `stream_expr_`; the expression forms sit in plain functions without a return type and are
//   passed to `crate::sink`;
// - ASCII only, no `yield v` keyword form (the twin is plain Rust).
use futures_core::Stream;
use gen_core::{generator, iter, stream};

pub struct Words(pub Vec<String>);

/// Locals kept across yields, shadowing, a `for` variable, a `match` binding, a closure.
#[generator]
pub fn flat_locals(n: u32) -> impl Iterator<Item = u32> {
    let x = n * 2;
    let label = String::from("ab");
    yield_!(x);
    let x = x + 1;
    yield_!(x + label.len() as u32);
    for i in 0..n {
        let sq = i * i;
        yield_!(sq + x);
    }
    match n.checked_sub(1) {
        Some(m) => {
            yield_!(m);
        }
        None => {}
    }
    let add = move |a: u32| a + x;
    yield_!(add(1));
    yield_!(label.len() as u32 + n);
}

/// Parameters written as patterns and `mut` parameters; a `loop` with `break`; `if let`.
#[generator]
pub fn flat_params(mut start: u32, (lo, hi): (u32, u32)) -> impl Iterator<Item = u32> {
    loop {
        if start >= hi {
            break;
        }
        yield_!(start + lo);
        start += 1;
    }
    if let Some(rest) = hi.checked_sub(lo) {
        yield_!(rest);
    }
}

/// Patterns that leave part of a temporary unbound: `while let`, `if let` and `match` arms.
#[generator]
pub fn flat_unbound_parts(mut stack: Vec<(u32, String)>) -> impl Iterator<Item = u32> {
    while let Some((mut top, _)) = stack.pop() {
        top += 1;
        yield_!(top);
    }
    if let Some((_, depth)) = Some((String::new(), 3u32)) {
        yield_!(depth);
    }
    match Some((7u32, String::new(), 1u32)) {
        Some((first, _, last)) => yield_!(first + last),
        None => {}
    }
}

impl Words {
    /// A `&self` method: `self` and locals across yields.
    #[generator]
    pub fn flat_method(&self, min: usize) -> impl Iterator<Item = &str> + '_ {
        let count = self.0.len();
        for w in self.0.iter() {
            if w.len() >= min {
                yield_!(w.as_str());
            }
        }
        let last = if count > 0 { "some" } else { "none" };
        yield_!(last);
    }

    /// A boxed `&self` method.
    #[generator(boxed)]
    pub fn boxed_method(&self) -> impl Iterator<Item = usize> + '_ {
        let lens: Vec<usize> = self.0.iter().map(|w| w.len()).collect();
        for len in &lens {
            yield_!(*len);
        }
    }
}

/// Boxed: a borrow of its own local across yields.
#[generator(boxed)]
pub fn boxed_borrow(n: u32) -> impl Iterator<Item = u32> {
    let v: Vec<u32> = (0..n).collect();
    for x in &v {
        let y = *x + n;
        yield_!(y);
    }
    let total: u32 = v.iter().sum();
    let total = total + 1;
    yield_!(total);
}

/// Async generator: locals across yields and awaits.
#[generator]
pub fn stream_await(n: u32) -> impl Stream<Item = u32> {
    let base = core::future::ready(n).await;
    let mut acc = 0u32;
    for i in 0..base {
        acc += i;
        yield_!(acc);
        core::future::ready(()).await;
    }
    match acc.checked_sub(base) {
        Some(d) => yield_!(d),
        None => {}
    }
    let acc = acc + base;
    yield_!(acc);
}

/// `iter!`: a captured local, a local kept across yields, shadowing, a `for` variable.
pub fn iter_expr_body(n: u32) {
    let limit = n + 1;
    crate::sink(iter! {
        let mut k = 0u32;
        while k < limit {
            yield_!(k);
            k += 1;
        }
        let k = k * 2;
        for j in 0..k {
            yield_!(j + limit);
        }
    });
}

/// `stream!`: a captured local, awaits, an `if let` binding.
pub fn stream_expr_body(n: u32) {
    let step = n;
    crate::sink(stream! {
        let mut total = 0u32;
        for i in 0..3u32 {
            total += i * step;
            core::future::ready(()).await;
            yield_!(total);
        }
        if let Some(last) = total.checked_sub(step) {
            yield_!(last);
        }
    });
}
