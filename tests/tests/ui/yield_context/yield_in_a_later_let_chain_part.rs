use gen_core::generator;

#[generator]
fn pairs(items: Vec<Option<u32>>) -> impl Iterator<Item = u32> {
    let mut it = items.into_iter();
    if let Some(Some(first)) = it.next()
        && let Some(second) = {
            yield_!(first);
            it.next()
        }
    {
        yield_!(second.unwrap_or(0));
    }
    while let Some(Some(x)) = it.next()
        && let Some(y) = {
            yield_!(x);
            it.next()
        }
    {
        yield_!(y.unwrap_or(0));
    }
}

fn main() {}
