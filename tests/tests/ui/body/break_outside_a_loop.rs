// `break` or `continue` in a generator's own code outside of every loop (rustc's E0268 in a
// plain function): the macro's error, on the user's token, naming `return;`. A `break` in a
// closure's own loop, and a labeled `break` out of a labeled block, are fine.
use gen_core::generator;

#[generator]
fn stop_after_one() -> impl Iterator<Item = u32> {
    yield_!(1);
    break;
}

#[generator]
fn skip_large(n: u32) -> impl Iterator<Item = u32> {
    yield_!(1);
    if n > 2 {
        continue;
    }
    let first_odd = |v: &[u32]| {
        let mut found = None;
        for &x in v {
            if x % 2 == 1 {
                found = Some(x);
                break;
            }
        }
        found
    };
    'block: {
        if n == 1 {
            break 'block;
        }
        yield_!(first_odd(&[2, 3]).unwrap_or(0));
    }
}

fn main() {}
