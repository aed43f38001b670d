// `vec![(&root, ..)]` holds a borrow of the local `root`, and so does a stack that
// `push((&root, ..))` stored it in: a stack of references into a tree the generator owns,
// kept across a yield, is the flat generator's one limit.
use std::collections::BTreeMap;

use gen_core::generator;

#[derive(Default)]
struct Node {
    children: BTreeMap<char, Node>,
    end: bool,
}

fn trie(list: &[&str]) -> Node {
    let mut root = Node::default();
    for w in list {
        let mut n = &mut root;
        for c in w.chars() {
            n = n.children.entry(c).or_default();
        }
        n.end = true;
    }
    root
}

#[generator]
fn words(list: Vec<&'static str>) -> impl Iterator<Item = String> {
    let root: Node = trie(&list);
    let mut stack = vec![(&root, String::new())];
    while let Some((node, prefix)) = stack.pop() {
        if node.end {
            yield_!(prefix.clone());
        }
        for (c, child) in node.children.iter().rev() {
            stack.push((child, format!("{prefix}{c}")));
        }
    }
}

#[generator]
fn words_pushed(list: Vec<&'static str>) -> impl Iterator<Item = String> {
    let root: Node = trie(&list);
    let mut stack = Vec::new();
    stack.push((&root, String::new()));
    while let Some((node, prefix)) = stack.pop() {
        if node.end {
            yield_!(prefix);
        }
        for (c, child) in &node.children {
            stack.push((child, format!("{c}")));
        }
    }
}

fn main() {}
