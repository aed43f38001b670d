fn main() {
    gen_core::yield_from!(0..3);
}
