// `.await` inside `iter! { .. }`: the async form is `stream! { .. }`.
async fn fetch(i: u32) -> u32 {
    i
}

fn main() {
    let _items = gen_core::iter! {
        for i in 0..3 {
            yield fetch(i).await;
        }
    };
}
