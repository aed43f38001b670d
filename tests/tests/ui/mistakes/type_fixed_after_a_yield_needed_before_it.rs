// Limit 10: `open`'s element type is fixed by the `push` after the first arm's yield, a later
// arm of the state machine than the second arm's `open[i].len()`, which needs it first:
// rustc's E0282 on the `let`, whose fix (writing the type) compiles.
use gen_core::generator;

#[generator]
fn lengths(events: Vec<Result<String, usize>>) -> impl Iterator<Item = usize> {
    let mut open = Vec::new();
    for event in events {
        match event {
            Ok(name) => {
                yield_!(name.len());
                open.push(name);
            }
            Err(i) => {
                let len = open[i].len();
                yield_!(len);
            }
        }
    }
}

// The fix.
#[generator]
fn lengths_typed(events: Vec<Result<String, usize>>) -> impl Iterator<Item = usize> {
    let mut open: Vec<String> = Vec::new();
    for event in events {
        match event {
            Ok(name) => {
                yield_!(name.len());
                open.push(name);
            }
            Err(i) => {
                let len = open[i].len();
                yield_!(len);
            }
        }
    }
}

fn main() {
    let _ = lengths;
    let _ = lengths_typed;
}
