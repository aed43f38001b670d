use futures::Stream;
use gen_core::generator;

#[generator]
fn in_closure(v: Vec<u32>) -> impl Stream<Item = u32> {
    std::future::ready(()).await;
    v.iter().for_each(|x| {
        yield_!(*x);
    });
}

fn main() {}
