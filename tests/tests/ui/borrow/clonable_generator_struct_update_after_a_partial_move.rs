// A generator declared `+ Clone` stays flat: a struct update after a yield across which
// `base` is kept partly moved (its label moved out before) would take fields the state did
// not keep. The error is on the `..base`.
use gen_core::generator;

#[derive(Clone)]
pub struct Config {
    pub dedup: bool,
    pub label: String,
    pub notes: Vec<String>,
}

#[generator]
fn after_a_partial_move(base: Config) -> impl Iterator<Item = usize> + Clone {
    let label = base.label;
    yield_!(label.len());
    let cfg = Config { label: String::new(), ..base };
    yield_!(cfg.notes.len() + usize::from(cfg.dedup));
}

fn main() {
    let _ = after_a_partial_move;
}
