// A capture an `iter!` block moves into a loop (`for n in names`) and reads again after the
// loop: one error at the loop, as a `move` closure's E0382 is one, naming the fixes that
// apply in the block (a loop over `&names`, or over a clone), with no error on the
// macro's internals (an `FnMut` closure) and nothing about a nameless "value".
fn report(names: Vec<String>) -> impl Iterator<Item = String> {
    gen_core::iter! {
        for n in names {
            yield n;
        }
        yield format!("{} total", names.len());
    }
}

fn main() {
    let _ = report(vec![]);
}
