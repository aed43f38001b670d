//! An `iter!` block captures like a `move` closure: a capture needs `mut` exactly when the
//! block calls a method on it that takes `&mut self`. A type of the user's may name `&self`
//! methods like std's mutating ones (`push`, `insert`, `clear` on a shared log): calling them
//! on a capture needs no `mut`, as in a `move` closure
//! (`ui/lints/iter_macro_capture_pushed_without_mut.rs`: one that takes `&mut self` does).

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

/// A log shared through `Rc`, written through `&self`.
#[derive(Debug, Clone, Default)]
struct Log(Rc<RefCell<Vec<String>>>);

impl Log {
    fn push(&self, line: String) {
        self.0.borrow_mut().push(line);
    }

    fn len(&self) -> usize {
        self.0.borrow().len()
    }

    fn clear(&self) {
        self.0.borrow_mut().clear();
    }

    fn lines(&self) -> Vec<String> {
        self.0.borrow().clone()
    }
}

/// A set of seen values behind a `RefCell`, with an `&self` `insert`.
#[derive(Debug, Default)]
struct Seen(RefCell<HashSet<u32>>);

impl Seen {
    fn insert(&self, x: u32) -> bool {
        self.0.borrow_mut().insert(x)
    }

    fn len(&self) -> usize {
        self.0.borrow().len()
    }
}

fn logged(log: Log, items: Vec<u32>) -> impl Iterator<Item = usize> {
    gen_core::iter! {
        let before = log.len();
        for x in items {
            log.push(format!("item {x}"));
            yield before + log.len();
        }
        log.clear();
    }
}

/// The same body as a `move` closure handing each item to `sink`.
fn logged_plain(log: Log, items: Vec<u32>, mut sink: impl FnMut(usize)) {
    let run = move || {
        let before = log.len();
        for x in items {
            log.push(format!("item {x}"));
            sink(before + log.len());
        }
        log.clear();
    };
    run();
}

fn distinct(seen: &Seen, items: Vec<u32>) -> impl Iterator<Item = u32> + '_ {
    gen_core::iter! {
        let before = seen.len() as u32;
        for x in items {
            if seen.insert(x) {
                yield x + before;
            }
        }
    }
}

#[test]
fn a_shared_log_written_through_self_methods_needs_no_mut() {
    let log = Log::default();
    log.push("start".to_string());
    let mut items = logged(log.clone(), vec![7, 8]);
    // One line before the block, one more per item.
    assert_eq!(items.next(), Some(1 + 2));
    assert_eq!(log.lines(), ["start", "item 7"]);
    assert_eq!(items.next(), Some(1 + 3));
    assert_eq!(items.next(), None);
    assert!(log.lines().is_empty());

    let plain_log = Log::default();
    plain_log.push("start".to_string());
    let mut plain = Vec::new();
    logged_plain(plain_log.clone(), vec![7, 8], |n| plain.push(n));
    let log = Log::default();
    log.push("start".to_string());
    assert_eq!(logged(log.clone(), vec![7, 8]).collect::<Vec<_>>(), plain);
    assert_eq!(log.lines(), plain_log.lines());
}

#[test]
fn a_set_behind_a_reference_inserts_through_self() {
    let seen = Seen::default();
    seen.insert(100);
    assert_eq!(
        distinct(&seen, vec![1, 2, 1, 3, 2]).collect::<Vec<_>>(),
        [2, 3, 4]
    );
    assert_eq!(seen.len(), 4);
}

/// A journal whose `&self` methods take generic arguments (`impl Into<String>`,
/// `impl IntoIterator`) and are named like std's mutating methods with generic parameters
/// (`extend`, `append`).
#[derive(Debug, Clone, Default)]
struct Journal(Rc<RefCell<Vec<String>>>);

impl Journal {
    fn push(&self, line: impl Into<String>) {
        self.0.borrow_mut().push(line.into());
    }

    fn extend<S: AsRef<str>>(&self, lines: impl IntoIterator<Item = S>) {
        for line in lines {
            self.push(line.as_ref());
        }
    }

    fn append(&self, line: &str) {
        self.push(format!("+{line}"));
    }

    fn scope(&self, name: &str) -> Scope {
        self.push(format!("enter {name}"));
        Scope(self.clone(), name.to_string())
    }

    fn lines(&self) -> Vec<String> {
        self.0.borrow().clone()
    }
}

/// Logs its exit on drop.
struct Scope(Journal, String);

impl Drop for Scope {
    fn drop(&mut self) {
        self.0.push(format!("exit {}", self.1));
    }
}

/// Every argument shape: a literal, a place (a capture read after the call), `format!`, a
/// reference, a closure's value, an array.
fn journaled(journal: Journal, items: Vec<u32>, tag: String) -> impl Iterator<Item = u32> {
    gen_core::iter! {
        let _scope = journal.scope("items");
        for x in items {
            yield x * 2;
            journal.push("after");
            journal.push(tag.clone());
            journal.push(format!("{tag} {x}"));
            journal.append(&tag);
            journal.extend(["a", "b"]);
        }
        journal.push(tag);
    }
}

/// The same body as a `move` closure handing each item to `sink`.
fn journaled_plain(journal: Journal, items: Vec<u32>, tag: String, mut sink: impl FnMut(u32)) {
    let run = move || {
        let _scope = journal.scope("items");
        for x in items {
            sink(x * 2);
            journal.push("after");
            journal.push(tag.clone());
            journal.push(format!("{tag} {x}"));
            journal.append(&tag);
            journal.extend(["a", "b"]);
        }
        journal.push(tag);
    };
    run();
}

#[test]
fn self_methods_with_generic_parameters_on_a_capture_need_no_mut() {
    let (journal, plain_journal) = (Journal::default(), Journal::default());
    let got: Vec<u32> = journaled(journal.clone(), vec![1, 2], "t".into())
        .inspect(|x| journal.push(format!("got {x}")))
        .collect();
    let mut plain = Vec::new();
    journaled_plain(plain_journal.clone(), vec![1, 2], "t".into(), |x| {
        plain_journal.push(format!("got {x}"));
        plain.push(x);
    });
    assert_eq!(got, plain);
    assert_eq!(journal.lines(), plain_journal.lines());
    assert!(journal.lines().contains(&"exit items".to_string()));
}
