//! What a method of the user's returns, called on a value of the user's type (`let tx =
//! conn.begin();`), is a value of the user's type too: a method of it the macro does not know
//! (`tx.commit()`) may take `self`, on some paths only. And a method no std type has, called
//! on a capture of an `iter!` block (`client.send(req)`), may take the capture by value.
//! Items and drops are compared with the plain twin at every early stop.

use gen_core::iter;
use gen_tests::{Noisy, check, log, same_drops, twin};

/// A connection whose transactions log their commit and their drop.
#[derive(Debug)]
pub struct Conn(pub &'static str);

impl Conn {
    pub fn begin(&self) -> Tx {
        Tx {
            n: 0,
            _noisy: Noisy::new(format!("{} tx", self.0)),
        }
    }

    pub fn connect(&self) -> Result<Tx, String> {
        Ok(self.begin())
    }
}

#[derive(Debug)]
pub struct Tx {
    pub n: u32,
    _noisy: Noisy,
}

impl Tx {
    pub fn commit(self) -> u32 {
        log(format!("commit {}", self.n));
        self.n
    }

    pub fn rollback(self) {
        log(format!("rollback {}", self.n));
    }

    pub fn stage(&mut self, x: u32) {
        self.n += x;
    }
}

twin! {
    fn committed_on_some_paths(conn: Conn, n: u32) -> u32 {
        for i in 0..n {
            let mut tx = conn.begin();
            tx.stage(i);
            if i % 2 == 0 {
                tx.commit();
            }
            yield_!(i);
        }
    }
}

#[test]
fn a_transaction_committed_on_some_paths_drops_where_the_plain_function_drops_it() {
    let log = same_drops!(committed_on_some_paths(Conn("db"), 3));
    assert_eq!(
        log[..5],
        ["commit 0", "drop db tx", "yield 0", "yield 1", "drop db tx"]
    );
    same_drops!(committed_on_some_paths(Conn("db"), 0));
    check!(committed_on_some_paths(Conn("db"), 4));
}

twin! {
    fn committed_or_rolled_back(conn: Conn, n: u32) -> u32 {
        let tx = conn.connect().unwrap();
        yield_!(tx.n);
        let mut total = 0;
        for i in 0..n {
            let mut batch = conn.begin();
            batch.stage(i + 1);
            yield_!(batch.n);
            if batch.n > 2 {
                batch.rollback();
            } else {
                total += batch.commit();
            }
            yield_!(total);
        }
        // The outer transaction is consumed last, after every yield but one.
        let done = tx.commit();
        yield_!(done + total);
    }
}

#[test]
fn transactions_consumed_by_their_own_methods_drop_inside_the_call() {
    let log = same_drops!(committed_or_rolled_back(Conn("db"), 3));
    assert_eq!(log[..4], ["yield 0", "yield 1", "commit 1", "drop db tx"]);
    same_drops!(committed_or_rolled_back(Conn("db"), 0));
    check!(committed_or_rolled_back(Conn("db"), 2));
}

/// A client whose `send` takes it by value, as HTTP clients' request builders do.
#[derive(Debug)]
pub struct Client {
    pub name: String,
    _noisy: Noisy,
}

impl Client {
    pub fn new(name: &str) -> Client {
        Client {
            name: name.to_string(),
            _noisy: Noisy::new(format!("client {name}")),
        }
    }

    pub fn send(self, req: u32) -> Response {
        log(format!("send {req} by {}", self.name));
        Response(req * 10, Noisy::new("response"))
    }

    pub fn shutdown(self) {
        log(format!("shutdown {}", self.name));
    }
}

#[derive(Debug)]
pub struct Response(pub u32, pub Noisy);

fn send_between_yields(client: Client, req: u32) -> impl Iterator<Item = u32> {
    let tag = Noisy::new("tag");
    iter! {
        yield client.name.len() as u32;
        let resp = client.send(req);
        yield_!(resp.0);
        yield tag.name().len() as u32;
    }
}

/// The plain twin of [`send_between_yields`]: the same body in a `move` closure, stopping
/// after `budget` items.
fn send_between_yields_plain(client: Client, req: u32, budget: Option<usize>) {
    let tag = Noisy::new("tag");
    let body = move || {
        let mut left = budget;
        let mut item = |v: u32| {
            log(format!("yield {v:?}"));
            left.as_mut().is_some_and(|n| {
                *n -= 1;
                *n == 0
            })
        };
        if item(client.name.len() as u32) {
            return;
        }
        let resp = client.send(req);
        if item(resp.0) {
            return;
        }
        item(tag.name().len() as u32);
    };
    body();
}

#[test]
fn an_iter_block_sends_a_captured_client_by_value() {
    let log = gen_tests::same_drops(
        || send_between_yields(Client::new("c"), 3),
        |k| send_between_yields_plain(Client::new("c"), 3, k),
    );
    assert_eq!(
        log[..4],
        ["yield 1", "send 3 by c", "drop client c", "yield 30"]
    );
}

fn shut_down_after_its_items(client: Client, n: u32) -> impl Iterator<Item = u32> {
    iter! {
        for i in 0..n {
            yield_!(i + client.name.len() as u32);
        }
        client.shutdown();
        yield_!(n);
    }
}

fn shut_down_after_its_items_plain(client: Client, n: u32, budget: Option<usize>) {
    let mut left = budget;
    let mut item = |v: u32| {
        log(format!("yield {v:?}"));
        left.as_mut().is_some_and(|k| {
            *k -= 1;
            *k == 0
        })
    };
    for i in 0..n {
        if item(i + client.name.len() as u32) {
            return;
        }
    }
    client.shutdown();
    item(n);
}

#[test]
fn an_iter_block_consumes_a_capture_after_a_loop_over_its_items() {
    let log = gen_tests::same_drops(
        || shut_down_after_its_items(Client::new("c"), 2),
        |k| shut_down_after_its_items_plain(Client::new("c"), 2, k),
    );
    assert_eq!(log[2..], ["shutdown c", "drop client c", "yield 2"]);
}

/// A paginated client whose `next_page` takes it by value and hands back the next one.
#[derive(Debug)]
pub struct Pages {
    pub page: u32,
    _noisy: Noisy,
}

impl Pages {
    pub fn new(page: u32) -> Pages {
        Pages {
            page,
            _noisy: Noisy::new(format!("page {page}")),
        }
    }

    pub fn next_page(self) -> (u32, Option<Pages>) {
        let next = (self.page < 2).then(|| Pages::new(self.page + 1));
        (self.page, next)
    }
}

twin! {
    fn a_parameter_bound_again_under_its_name(client: Pages) -> u32 {
        // `let mut client = client;`: the same value of the user's type, whose `next_page`
        // may take it by value.
        let mut client = client;
        loop {
            let (item, next) = client.next_page();
            yield_!(item);
            match next {
                Some(c) => client = c,
                None => break,
            }
        }
    }
}

#[test]
fn a_parameter_bound_again_under_its_name_is_still_of_the_users_type() {
    let log = same_drops!(a_parameter_bound_again_under_its_name(Pages::new(0)));
    assert_eq!(log[..3], ["drop page 0", "yield 0", "drop page 1"]);
    check!(a_parameter_bound_again_under_its_name(Pages::new(1)));
}

/// A transaction whose `insert` reads its argument and stores nothing of it.
#[derive(Debug)]
pub struct Batch {
    pub ids: Vec<usize>,
    _noisy: Noisy,
}

impl Batch {
    pub fn insert(&mut self, line: &str) -> Result<usize, String> {
        self.ids.push(line.len());
        Ok(self.ids.len())
    }
}

twin! {
    fn a_method_named_insert_given_a_borrow(lines: Vec<String>) -> usize {
        let mut batch = Batch {
            ids: Vec::new(),
            _noisy: Noisy::new("batch"),
        };
        for line in lines {
            let id = batch.insert(&line).unwrap();
            yield_!(id);
        }
        yield_!(batch.ids.iter().sum());
    }
}

#[test]
fn a_method_of_the_users_named_like_a_storing_one() {
    let log = same_drops!(a_method_named_insert_given_a_borrow(vec![
        "ab".into(),
        "c".into()
    ]));
    assert_eq!(log, ["yield 1", "yield 2", "yield 3", "drop batch"]);
}
