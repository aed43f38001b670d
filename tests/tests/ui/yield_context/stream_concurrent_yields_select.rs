use futures::Stream;
use gen_core::generator;

#[generator]
fn race() -> impl Stream<Item = u32> {
    tokio::select! {
        _ = async { yield_!(1) } => {}
        _ = async { yield_!(2) } => {}
    }
}

fn main() {}
