//! An `iter!` block keeping, across a yield, what a method of the user's made of a capture
//! (`let mut tx = conn.begin();`): it may borrow the capture, through a captured `&mut` or
//! out of one the block owns. The block runs as the `move` closure holding the same body
//! does, with the same items, writes and drops.

use gen_core::iter;
use gen_tests::{Noisy, log, take_log};

/// A store whose transactions borrow it mutably and log their commit and drop.
#[derive(Debug)]
pub struct Store {
    pub rows: Vec<u32>,
}

#[derive(Debug)]
pub struct Tx<'s> {
    store: &'s mut Store,
    staged: Vec<u32>,
    _noisy: Noisy,
}

impl Store {
    pub fn begin(&mut self) -> Tx<'_> {
        Tx {
            store: self,
            staged: Vec::new(),
            _noisy: Noisy::new("tx"),
        }
    }
}

impl Tx<'_> {
    pub fn insert(&mut self, row: u32) {
        self.staged.push(row);
    }

    pub fn commit(self) {
        log(format!("commit {:?}", self.staged));
        self.store.rows.extend(self.staged.iter().copied());
    }
}

fn import(store: &mut Store, batches: Vec<Vec<u32>>) -> impl Iterator<Item = usize> + '_ {
    iter! {
        for batch in batches {
            let mut tx = store.begin();
            for row in batch {
                tx.insert(row);
                yield row as usize;
            }
            tx.commit();
        }
    }
}

fn import_plain(store: &mut Store, batches: Vec<Vec<u32>>, out: &mut Vec<usize>) {
    for batch in batches {
        let mut tx = store.begin();
        for row in batch {
            tx.insert(row);
            log(format!("yield {row}"));
            out.push(row as usize);
        }
        tx.commit();
    }
}

#[test]
fn a_transaction_of_a_captured_mutable_reference_lives_across_yields() {
    let batches = vec![vec![1, 2], vec![3]];
    let mut plain_store = Store { rows: vec![] };
    let mut plain = Vec::new();
    import_plain(&mut plain_store, batches.clone(), &mut plain);
    let plain_log = take_log();

    let mut store = Store { rows: vec![] };
    let items: Vec<usize> = import(&mut store, batches.clone())
        .inspect(|v| log(format!("yield {v}")))
        .collect();
    assert_eq!(items, plain);
    assert_eq!(take_log(), plain_log);
    assert_eq!(store.rows, plain_store.rows);

    // Stopped after the first item: the open transaction drops uncommitted.
    let mut store = Store { rows: vec![] };
    let first: Vec<usize> = import(&mut store, batches).take(1).collect();
    assert_eq!(first, [1]);
    assert_eq!(take_log(), ["drop tx"]);
    assert!(store.rows.is_empty());
}

#[test]
fn a_transaction_of_an_owned_capture_lives_across_yields() {
    let mut store = Store { rows: vec![7] };
    let it = iter! {
        for n in 0..2 {
            let mut tx = store.begin();
            yield n;
            tx.insert(n);
            tx.commit();
        }
        yield store.rows.len() as u32;
    };
    assert_eq!(it.collect::<Vec<_>>(), [0, 1, 3]);
    assert_eq!(
        take_log(),
        ["commit [0]", "drop tx", "commit [1]", "drop tx"]
    );
}
