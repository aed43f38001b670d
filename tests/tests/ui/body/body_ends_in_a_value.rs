// A body ported from a function that returned its count (or `Ok(())`) ends in a value: the
// error is on that value, for sync and async generators alike.
use futures::Stream;
use gen_core::generator;

#[generator]
fn counted(words: Vec<String>) -> impl Iterator<Item = String> {
    let mut count = 0;
    for w in words {
        count += 1;
        yield_!(w);
    }
    count
}

async fn get(i: u32) -> Result<u32, String> {
    Ok(i)
}

#[generator]
fn fetched(n: u32) -> impl Stream<Item = Result<u32, String>> {
    for i in 0..n {
        let v = get(i).await?;
        yield_!(Ok(v));
    }
    Ok(())
}

// An iterator at the end: its items are what the body was meant to yield.
#[generator]
fn all_of<I: Iterator>(it: I) -> impl Iterator<Item = I::Item> {
    let v: Vec<_> = it.collect();
    v.into_iter()
}

fn main() {}
