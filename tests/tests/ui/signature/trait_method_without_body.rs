use gen_core::generator;

trait Source {
    #[generator]
    fn values(&self) -> impl Iterator<Item = u32>;
}

fn main() {}
