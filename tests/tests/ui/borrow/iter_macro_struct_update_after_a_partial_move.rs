// In an `iter!` block, a struct update after a yield across which `base` is kept partly
// moved (its label moved out before): the block keeps a partly moved value only by the
// fields it names, so the fields the update takes would be gone. The error is on the
// `..base`.
use gen_core::iter;

pub struct Config {
    pub dedup: bool,
    pub label: String,
    pub notes: Vec<String>,
}

fn after_a_partial_move(base: Config) -> impl Iterator<Item = usize> {
    iter! {
        let label = base.label;
        yield label.len();
        let cfg = Config { label: String::new(), ..base };
        yield cfg.notes.len() + usize::from(cfg.dedup);
    }
}

fn main() {
    let _ = after_a_partial_move;
}
