//! A `#[generator]` that calls itself and keeps the inner generator across a yield
//! (`yield_from!(walk(child))`, `for v in walk(child) { yield_!(v) }`, a method recursing on
//! a field): a flat state machine would contain itself, so the macro lowers it `boxed` (one
//! allocation per level), with the plain recursive function's items and drops.

use gen_core::generator;
use gen_tests::{Noisy, take_log};

struct Node {
    val: u32,
    /// Held for its drop: the log shows when each node goes.
    _tag: Noisy,
    kids: Vec<Node>,
}

fn node(val: u32, kids: Vec<Node>) -> Node {
    Node {
        val,
        _tag: Noisy::new(format!("n{val}")),
        kids,
    }
}

fn tree() -> Node {
    node(
        1,
        vec![
            node(2, vec![node(3, vec![]), node(4, vec![])]),
            node(5, vec![node(6, vec![])]),
        ],
    )
}

/// The plain recursive function, handing each item to `out` and returning where the
/// consumer stops (after `budget` items), as the generator is dropped there.
fn plain_walk(n: Node, out: &mut Vec<u32>, budget: &mut usize) -> bool {
    gen_tests::log(format!("yield {}", n.val));
    out.push(n.val);
    *budget -= 1;
    if *budget == 0 {
        return false;
    }
    for k in n.kids {
        if !plain_walk(k, out, budget) {
            return false;
        }
    }
    true
}

#[generator]
fn walk(n: Node) -> impl Iterator<Item = u32> {
    gen_tests::log(format!("yield {}", n.val));
    yield_!(n.val);
    for k in n.kids {
        yield_from!(walk(k));
    }
}

#[test]
fn yield_from_itself_walks_in_pre_order_with_the_plain_drops() {
    for stop in 1..=7 {
        let (mut plain, mut budget) = (Vec::new(), stop);
        let _ = take_log();
        plain_walk(tree(), &mut plain, &mut budget);
        let plain_log = take_log();
        let items: Vec<u32> = walk(tree()).take(stop).collect();
        assert_eq!(items, plain, "stop {stop}");
        assert_eq!(take_log(), plain_log, "stop {stop}");
    }
    assert_eq!(walk(tree()).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
    assert_eq!(walk(tree()).sum::<u32>(), 21);
}

#[generator]
fn odd_post_order(n: Node) -> impl Iterator<Item = u32> {
    for k in n.kids {
        for v in odd_post_order(k).filter(|v| v % 2 == 1) {
            yield_!(v);
        }
    }
    yield_!(n.val);
}

#[test]
fn a_loop_over_itself_through_an_adapter() {
    assert_eq!(odd_post_order(tree()).collect::<Vec<_>>(), [3, 5, 1]);
}

struct Dir {
    name: String,
    files: Vec<String>,
    dirs: Vec<Dir>,
}

impl Dir {
    #[generator]
    fn paths<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = String> + 'a {
        let here = format!("{prefix}{}/", self.name);
        for f in &self.files {
            yield_!(format!("{here}{f}"));
        }
        for d in &self.dirs {
            for p in d.paths(&here) {
                yield_!(p);
            }
        }
    }
}

#[test]
fn a_method_recursing_on_a_borrowed_field() {
    let root = Dir {
        name: "r".into(),
        files: vec!["a".into()],
        dirs: vec![Dir {
            name: "s".into(),
            files: vec!["b".into(), "c".into()],
            dirs: vec![],
        }],
    };
    assert_eq!(
        root.paths("/").collect::<Vec<_>>(),
        ["/r/a", "/r/s/b", "/r/s/c"]
    );
}

impl Dir {
    /// The files, depth first, through an adapter that keeps the inner generators.
    #[generator]
    fn files(&self) -> impl Iterator<Item = &str> + '_ {
        for f in &self.files {
            yield_!(f.as_str());
        }
        for f in self.dirs.iter().flat_map(|d| d.files()) {
            yield_!(f);
        }
    }
}

#[generator]
fn names(d: &Dir) -> impl Iterator<Item = &str> + '_ {
    yield_!(d.name.as_str());
    for n in d.dirs.iter().flat_map(names) {
        yield_!(n);
    }
}

#[test]
fn recursion_inside_an_adapter_kept_across_yields() {
    let root = Dir {
        name: "r".into(),
        files: vec!["a".into()],
        dirs: vec![
            Dir {
                name: "s".into(),
                files: vec!["b".into()],
                dirs: vec![],
            },
            Dir {
                name: "t".into(),
                files: vec!["c".into()],
                dirs: vec![],
            },
        ],
    };
    assert_eq!(root.files().collect::<Vec<_>>(), ["a", "b", "c"]);
    assert_eq!(names(&root).collect::<Vec<_>>(), ["r", "s", "t"]);
}

/// A generic tree whose walks yield references into it.
#[derive(Debug)]
pub struct Tree<T> {
    val: T,
    children: Vec<Tree<T>>,
}

impl<T> Tree<T> {
    /// A method named like std's `iter`, recursing through the children (not `self`'s
    /// fields, whose `iter()` is std's).
    #[generator]
    pub fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        yield_!(&self.val);
        for c in self.children.iter() {
            for x in c.iter() {
                yield_!(x);
            }
        }
    }
}

/// A type parameter and a lifetime bound on the returned type, the argument borrowed for
/// that lifetime (so `T: 'a` holds): lowered `boxed` like any recursive walk.
#[generator]
pub fn walk_refs<'a, T>(t: &'a Tree<T>) -> impl Iterator<Item = &'a T> + 'a {
    yield_!(&t.val);
    for c in &t.children {
        yield_from!(walk_refs(c));
    }
}

#[test]
fn recursive_walks_of_a_generic_tree_yielding_references() {
    let t = Tree {
        val: 1,
        children: vec![
            Tree {
                val: 2,
                children: vec![Tree {
                    val: 3,
                    children: vec![],
                }],
            },
            Tree {
                val: 4,
                children: vec![],
            },
        ],
    };
    assert_eq!(t.iter().copied().collect::<Vec<_>>(), [1, 2, 3, 4]);
    assert_eq!(walk_refs(&t).copied().collect::<Vec<_>>(), [1, 2, 3, 4]);
}
