use futures::Stream;

fn leak() -> impl Stream<Item = &'static String> {
    gen_core::stream! {
        let local = String::from("local");
        yield_!(&local);
    }
}

fn main() {}
