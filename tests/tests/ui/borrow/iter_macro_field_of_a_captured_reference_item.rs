// In `iter!`, the items of a captured collection may be references (a captured `&[Task]`):
// the macro cannot see it, takes `t` for an owned item, and `yield t.id` for a move out of it
// (README limit 4). Iterating `tasks.iter()` makes the items references.
struct Task {
    id: u32,
    deps: Vec<u32>,
}

fn ids(tasks: &[Task]) -> impl Iterator<Item = u32> + '_ {
    gen_core::iter! {
        for t in tasks {
            for _d in &t.deps {}
            yield t.id;
        }
    }
}

fn ids_fixed(tasks: &[Task]) -> impl Iterator<Item = u32> + '_ {
    gen_core::iter! {
        for t in tasks.iter() {
            for _d in &t.deps {}
            yield t.id;
        }
    }
}

fn main() {
    let _ = ids(&[]);
    let _ = ids_fixed(&[]);
}
