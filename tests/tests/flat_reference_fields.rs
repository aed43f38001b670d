//! A number read out of a field (`total += node.size`, `bytes = bytes + node.size`,
//! `let add = node.size;`, `count = node.size;`) next to a field borrowed for the item, where
//! the value is a reference popped off a stack (a tree walk) or an owned value whose other
//! fields drop at the end of their scope. The number is a copy: the value is neither split
//! into its fields (which cannot move out of a reference) nor dropped early. Every twin is
//! compared with the plain function, for items and for drop order and timing.

// The styles under test are the point: `x = x + y` as well as `x += y`.
#![allow(clippy::assign_op_pattern)]

use gen_tests::{Noisy, check, same_drops, twin};

#[derive(Debug)]
pub struct Dir {
    name: String,
    size: u64,
    children: Vec<Dir>,
}

fn dir(name: &str, size: u64, children: Vec<Dir>) -> Dir {
    Dir {
        name: name.to_string(),
        size,
        children,
    }
}

/// A small tree that lives for the whole test run (the generators borrow it).
fn tree() -> &'static Dir {
    Box::leak(Box::new(dir(
        "root",
        1,
        vec![
            dir("bin", 10, vec![dir("ls", 100, vec![])]),
            dir("etc", 20, vec![]),
        ],
    )))
}

// `+=` of a field of a popped reference, the name borrowed for the item.
twin! {
    fn walk_add_assign(root: &'static Dir) -> (&'static str, u64) {
        let mut stack = vec![root];
        let mut bytes = 0u64;
        while let Some(node) = stack.pop() {
            bytes += node.size;
            yield_!((node.name.as_str(), node.size));
            for child in &node.children {
                stack.push(child);
            }
        }
        yield_!(("total", bytes));
    }
}

// `bytes = bytes + node.size`, the field again in the item.
twin! {
    fn walk_sum(root: &'static Dir) -> (&'static str, u64) {
        let mut stack: Vec<&Dir> = Vec::new();
        stack.extend([root]);
        let mut bytes = 0;
        while let Some(node) = stack.pop() {
            bytes = bytes + node.size;
            yield_!((node.name.as_str(), bytes));
            stack.extend(node.children.iter());
        }
    }
}

// `let add = node.size;` used only as a number, then a `match` on the popped pair.
twin! {
    #[allow(clippy::while_let_loop)]
    fn walk_let_copy(root: &'static Dir) -> String {
        let mut stack = vec![(0usize, root)];
        let mut total = 0;
        loop {
            let (depth, node) = match stack.pop() {
                Some(entry) => entry,
                None => break,
            };
            let add = node.size;
            total += add;
            yield_!(format!("{}{} {}", " ".repeat(depth), node.name, total));
            for child in node.children.iter().rev() {
                stack.push((depth + 1, child));
            }
        }
    }
}

// `largest = node.size;` into a plain local, under a condition.
twin! {
    fn walk_largest(root: &'static Dir) -> &'static str {
        let mut queue = std::collections::VecDeque::from([root]);
        let mut largest = 0u64;
        while let Some(node) = queue.pop_front() {
            if node.size > largest {
                largest = node.size;
                yield_!(node.name.as_str());
            }
            queue.extend(&node.children);
        }
    }
}

#[derive(Debug)]
pub struct Job {
    cost: u32,
    label: String,
    _guard: Noisy,
}

fn jobs(spec: Vec<(u32, &str)>) -> Vec<Job> {
    spec.into_iter()
        .map(|(cost, label)| Job {
            cost,
            label: label.to_string(),
            _guard: Noisy::new(format!("job {label}")),
        })
        .collect()
}

// An owned value: the guard the body never names drops at the end of each iteration, after
// the items that follow the read, as in the plain function.
twin! {
    fn owned_costs(spec: Vec<(u32, &'static str)>) -> String {
        let mut spent = 0u32;
        let mut last = 0;
        for job in jobs(spec) {
            yield_!(format!("before {last}"));
            spent += job.cost;
            last = job.cost;
            let cost = job.cost;
            spent = spent + cost;
            yield_!(format!("{} {}", job.label, spent));
            yield_!(format!("last {last}"));
        }
    }
}

#[test]
fn fields_of_references_popped_off_a_stack() {
    let root = tree();
    assert_eq!(
        check!(walk_add_assign(root)),
        [
            ("root", 1),
            ("etc", 20),
            ("bin", 10),
            ("ls", 100),
            ("total", 131)
        ]
    );
    assert_eq!(
        check!(walk_sum(root)),
        [("root", 1), ("etc", 21), ("bin", 31), ("ls", 131)]
    );
    assert_eq!(
        check!(walk_let_copy(root)),
        ["root 1", " bin 11", "  ls 111", " etc 131"]
    );
    assert_eq!(check!(walk_largest(root)), ["root", "bin", "etc", "ls"]);
}

#[test]
fn numbers_read_out_of_an_owned_value_keep_its_guard_until_the_end_of_the_iteration() {
    let spec = vec![(3, "a"), (4, "b")];
    assert_eq!(
        check!(owned_costs(spec.clone())),
        ["before 0", "a 6", "last 3", "before 3", "b 14", "last 4"]
    );
    let log = same_drops!(owned_costs(spec.clone()));
    assert!(log.iter().any(|e| e.contains("job a")), "{log:?}");
}
