// A struct update after a yield across which `base` is kept partly moved (its label moved
// out before): a flat generator keeps a partly moved value only by the fields the body
// names, so the fields the update takes would be gone. The error is on the `..base`.
use gen_core::generator;

pub struct Config {
    pub dedup: bool,
    pub label: String,
    pub notes: Vec<String>,
}

#[generator]
fn after_a_partial_move(base: Config) -> impl Iterator<Item = usize> {
    let label = base.label;
    yield_!(label.len());
    let cfg = Config { label: String::new(), ..base };
    yield_!(cfg.notes.len());
}

fn main() {
    let _ = after_a_partial_move;
}
