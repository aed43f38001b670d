//! Fields and bindings of values a `#[generator]` cannot see the type of, used by value: a
//! variant pattern that moves one field out leaves the others to drop with the matched value,
//! and a field or binding passed by value is a move (the body lowers `boxed`). Each case runs
//! against its plain twin, for items and for the drop log after each item and an early drop.

use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

#[derive(Debug)]
pub enum Msg {
    Put { key: String, reply: Noisy },
    Stop,
}

pub fn msgs() -> Vec<Msg> {
    vec![
        Msg::Put {
            key: "k1".into(),
            reply: n("reply1"),
        },
        Msg::Put {
            key: "k2".into(),
            reply: n("reply2"),
        },
        Msg::Stop,
    ]
}

// A variant pattern that moves `key` out and leaves `reply` in the message: the reply's
// sender drops at the end of the iteration, after both items, as in the plain function.
twin! {
    fn variant_field_moved_out(msgs: Vec<Msg>) -> String {
        for m in msgs {
            match m {
                Msg::Put { key, .. } => {
                    yield_!(key);
                    yield_!("stored".to_string());
                }
                Msg::Stop => break,
            }
        }
    }
}

#[test]
fn fields_a_variant_pattern_leaves_drop_with_the_matched_value() {
    assert_eq!(
        check!(variant_field_moved_out(msgs())),
        ["k1", "stored", "k2", "stored"]
    );
    same_drops!(variant_field_moved_out(msgs()));
    let Msg::Put { reply, .. } = msgs().remove(0) else {
        unreachable!()
    };
    assert_eq!(reply.name(), "reply1");
}

// The same binding used only by value (`keys.push(key)`): nothing shows whether `key` is a
// copy or owns data, so the pattern is taken for a move and the body lowered `boxed`, where
// `reply` drops with its message, at the end of the iteration (a guess of a copy would be
// the compiler's error on a `String`).
twin! {
    fn variant_field_pushed(msgs: Vec<Msg>) -> usize {
        let mut keys = Vec::new();
        for m in msgs {
            match m {
                Msg::Put { key, .. } => keys.push(key),
                Msg::Stop => break,
            }
            yield_!(keys.len());
        }
        yield_!(keys.concat().len());
    }
}

#[test]
fn a_variant_field_used_only_by_value_is_a_move() {
    assert_eq!(check!(variant_field_pushed(msgs())), [1, 2, 4]);
    same_drops!(variant_field_pushed(msgs()));
}

#[derive(Debug)]
pub struct Task {
    id: u32,
    name: String,
    guard: Noisy,
}

pub fn tasks() -> Vec<Task> {
    (1..=2)
        .map(|id| Task {
            id,
            name: format!("job{id}"),
            guard: n(&format!("guard{id}")),
        })
        .collect()
}

// A field passed by value to a method (`names.push(job.name)`) with the value still in
// scope at the next yield: a move, as in the plain function (the body lowers `boxed`), so
// `guard` drops with the rest of `job` at the end of the iteration. Taken for a copy it
// was the compiler's error on a `String` field.
twin! {
    fn field_pushed_then_another_yielded(jobs: Vec<Task>) -> u32 {
        let mut names = Vec::new();
        for job in jobs {
            names.push(job.name);
            yield_!(job.id);
            yield_!(names.len() as u32);
        }
        yield_!(names.concat().len() as u32);
    }
}

#[test]
fn a_field_used_by_value_while_its_value_is_kept_is_a_move() {
    assert_eq!(
        check!(field_pushed_then_another_yielded(tasks())),
        [1, 1, 2, 2, 8]
    );
    same_drops!(field_pushed_then_another_yielded(tasks()));
    let first = tasks().remove(0);
    assert_eq!(first.guard.name(), "guard1");
}
