use gen_core::generator;

fn pair() -> (String, u32) {
    ("ab".into(), 1)
}

// `kept` borrows the value of the `match` scrutinee, which the generator holds in a hidden
// local: the error describes it instead of naming that local.
#[generator]
fn lengths() -> impl Iterator<Item = usize> {
    match pair() {
        (ref s, n) => {
            let mut kept: Vec<&str> = Vec::new();
            kept.push(s.as_str());
            yield_!(n as usize);
            yield_!(kept.len());
        }
    }
}

fn main() {}
