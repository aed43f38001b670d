//! An unused local is reported inside `iter!`.
#![deny(warnings)]

fn main() {
    let limit = 3u32;
    let before_yield = gen_core::iter! {
        let doubled = limit * 2;
        for i in 0..limit {
            yield i;
        }
    };
    let across_yield = gen_core::iter! {
        let label = String::from("numbers");
        yield limit;
        yield limit + 1;
    };
    let _ = before_yield.count() + across_yield.count();
}
