// async-stream #107: items borrowed through a reference the stream captured must not outlive
// what the reference points to, even when the stream itself is dropped early.
use futures::StreamExt;

fn main() {
    let mut outer = vec![];
    {
        let v = vec![0u32; 10];
        let v_ref = &v;
        let mut s = Box::pin(gen_core::stream! {
            for x in v_ref {
                yield_!(x);
            }
        });
        while let Some(x) = futures::executor::block_on(s.next()) {
            outer.push(x);
        }
    }
    println!("{outer:?}");
}
