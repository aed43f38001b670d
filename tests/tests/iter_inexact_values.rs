//! `iter!` blocks whose values the macro cannot keep exactly in a flat state (a partly moved
//! value across a yield, a value moved out of an item it cannot see is a reference): lowered
//! like an `async move` block instead, they behave as a `gen move` block does, each against
//! the plain loop that computes the same items and drops.

use gen_core::iter;
use gen_tests::{Noisy, log, take_log};

#[derive(Debug)]
struct Task {
    id: u32,
    deps: Vec<u32>,
}

// The items of a captured `&[Task]` are references: `yield t.id` copies the id out of one.
fn ids(tasks: &[Task]) -> impl Iterator<Item = u32> + '_ {
    iter! {
        for t in tasks {
            let mut deps = 0;
            for _d in &t.deps {
                deps += 1;
            }
            if deps > 0 {
                yield t.id;
            }
        }
    }
}

#[test]
fn ids_out_of_the_items_of_a_captured_slice() {
    let tasks = [
        Task {
            id: 1,
            deps: vec![2],
        },
        Task {
            id: 2,
            deps: vec![],
        },
        Task {
            id: 3,
            deps: vec![1, 2],
        },
    ];
    let want: Vec<u32> = tasks
        .iter()
        .filter(|t| !t.deps.is_empty())
        .map(|t| t.id)
        .collect();
    assert_eq!(ids(&tasks).collect::<Vec<_>>(), want);
}

#[derive(Debug)]
struct Slot {
    id: u32,
    cur: String,
}

// A field moved out of a capture, a yield, the field assigned again and the capture used.
fn rotate(mut s: Slot) -> impl Iterator<Item = String> {
    iter! {
        let old = s.cur;
        yield old;
        s.cur = String::from("new");
        yield format!("{} {}", s.id, s.cur);
    }
}

#[test]
fn a_field_moved_out_of_a_capture_and_assigned_again() {
    let s = Slot {
        id: 7,
        cur: "old".into(),
    };
    assert_eq!(rotate(s).collect::<Vec<_>>(), ["old", "7 new"]);
}

#[derive(Debug)]
struct Config {
    dedup: bool,
    label: String,
    notes: Vec<String>,
}

// A struct update after a yield across which the capture was kept partly moved.
fn relabelled(base: Config) -> impl Iterator<Item = String> {
    iter! {
        let label = base.label;
        yield label;
        let cfg = Config { label: String::from("new"), ..base };
        yield format!("{} {} {}", cfg.label, cfg.dedup, cfg.notes.len());
    }
}

#[test]
fn a_struct_update_of_a_capture_kept_partly_moved() {
    let base = Config {
        dedup: true,
        label: "l".into(),
        notes: vec!["a".into()],
    };
    assert_eq!(relabelled(base).collect::<Vec<_>>(), ["l", "new true 1"]);
}

#[derive(Debug)]
struct Packet {
    seq: u32,
    payload: Vec<u8>,
    _buf: Noisy,
}

fn packets() -> Vec<Packet> {
    (1..=2)
        .map(|seq| Packet {
            seq,
            payload: vec![7; seq as usize],
            _buf: Noisy::new(format!("buf{seq}")),
        })
        .collect()
}

// A popped packet whose payload moves into the item: its buffer, never named, drops at the
// end of the iteration, after the consumer had the item.
fn sent(mut q: Vec<Packet>) -> impl Iterator<Item = (u32, Vec<u8>)> {
    iter! {
        while let Some(p) = q.pop() {
            let len = p.payload.len();
            yield (p.seq, p.payload);
            log(format!("sent {len}"));
        }
    }
}

fn sent_plain(mut q: Vec<Packet>, stop_after: usize) {
    let mut n = 0;
    while let Some(p) = q.pop() {
        let len = p.payload.len();
        log(format!("item {}", p.seq));
        let _item = (p.seq, p.payload);
        n += 1;
        if n == stop_after {
            return;
        }
        log(format!("sent {len}"));
    }
}

#[test]
fn an_unnamed_field_of_a_popped_value_drops_at_the_end_of_its_iteration() {
    for stop_after in 1..=3 {
        let _ = take_log();
        let mut it = sent(packets());
        for _ in 0..stop_after {
            if let Some((seq, _)) = it.next() {
                log(format!("item {seq}"));
            }
        }
        drop(it);
        let got = take_log();
        sent_plain(packets(), stop_after);
        assert_eq!(got, take_log(), "stopped after {stop_after}");
    }
}

#[derive(Debug)]
struct Plan {
    tasks: Vec<u32>,
    n: u32,
    guard: Noisy,
}

impl Plan {
    fn new() -> Plan {
        Plan {
            tasks: vec![1, 2],
            n: 3,
            guard: Noisy::new("plan"),
        }
    }

    // `self.tasks` moved into the loop of a block in a method taking `self`: the block
    // captures the fields it uses, as a `move` closure (and a `gen move` block) does, so
    // the guard it never names stays in the method's `self` and drops when `run` returns.
    fn run(self) -> impl Iterator<Item = u32> {
        iter! {
            for t in self.tasks {
                yield t * 10;
            }
            yield self.n;
        }
    }

    // Reading fields through `&self` across yields, and using `self` whole after a yield.
    fn sums(&self) -> impl Iterator<Item = u32> + '_ {
        iter! {
            for x in &self.tasks {
                yield *x + self.n;
            }
        }
    }

    fn whole(self) -> impl Iterator<Item = String> {
        iter! {
            yield self.guard.name().to_string();
            let this = self;
            yield format!("{} tasks", this.tasks.len());
        }
    }
}

#[test]
fn a_block_in_a_method_moves_a_field_out_of_self() {
    let _ = take_log();
    let mut it = Plan::new().run();
    assert_eq!(take_log(), ["drop plan"]);
    assert_eq!(it.next(), Some(10));
    drop(it);
    assert_eq!(Plan::new().run().collect::<Vec<_>>(), [10, 20, 3]);
}

#[test]
fn a_block_reads_self_by_reference_and_moves_it_whole() {
    let plan = Plan::new();
    assert_eq!(plan.sums().collect::<Vec<_>>(), [4, 5]);
    let _ = take_log();
    assert_eq!(plan.whole().collect::<Vec<_>>(), ["plan", "2 tasks"]);
    assert_eq!(take_log(), ["drop plan"]);
}

/// A span entered through a borrow of a log, held for its drop.
#[derive(Debug)]
struct Span(&'static str, std::rc::Rc<std::cell::RefCell<Vec<String>>>);

impl Span {
    fn enter(name: &'static str, log: &std::rc::Rc<std::cell::RefCell<Vec<String>>>) -> Span {
        log.borrow_mut().push(format!("enter {name}"));
        Span(name, log.clone())
    }
}

impl Drop for Span {
    fn drop(&mut self) {
        self.1.borrow_mut().push(format!("exit {}", self.0));
    }
}

fn traced(trace: std::rc::Rc<std::cell::RefCell<Vec<String>>>) -> impl Iterator<Item = u32> {
    // A guard held for its drop, made from a borrow of a capture that owns its data: the
    // block holds it across its yields (an error asking for a reference capture before).
    iter! {
        let _span = Span::enter("numbers", &trace);
        yield 1;
        yield 2;
    }
}

#[test]
fn a_guard_held_for_its_drop_made_from_a_borrow_of_a_capture() {
    let trace = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let mut numbers = traced(trace.clone());
    for n in numbers.by_ref() {
        trace.borrow_mut().push(format!("got {n}"));
    }
    // The local drops when the body ends, as in a `move` closure.
    assert_eq!(
        *trace.borrow(),
        ["enter numbers", "got 1", "got 2", "exit numbers"]
    );
    // Dropped after one item: the span is still held until then.
    trace.borrow_mut().clear();
    let mut numbers = traced(trace.clone());
    assert_eq!(numbers.next(), Some(1));
    trace.borrow_mut().push("got 1".to_string());
    drop(numbers);
    assert_eq!(*trace.borrow(), ["enter numbers", "got 1", "exit numbers"]);
}
