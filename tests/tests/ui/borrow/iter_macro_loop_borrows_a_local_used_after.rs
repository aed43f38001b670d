// `iter!` blocks have no `boxed` attribute: the borrow error names the `#[generator(boxed)]`
// function instead, and, since the buffer is used again after the loop, the owned
// alternatives that keep it usable.
use gen_core::iter;

fn main() {
    let lines = vec!["a".to_string(), "b".to_string()];
    let with_context = iter! {
        let mut before: Vec<String> = Vec::new();
        for line in lines {
            before.push(line);
            if before.len() == 2 {
                for held in before.drain(..) {
                    yield held;
                }
            }
        }
        yield format!("{} left", before.len());
    };
    let _ = with_context.count();
}
