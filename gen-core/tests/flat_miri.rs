//! Flat generators under Miri (`.ci/miri.sh` runs every gen-core test): early drop, panics
//! and fold, with a counting allocator proving that early drop leaks nothing.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use gen_core::generator;

/// Bytes currently allocated by this thread (allocations minus frees): tests run in parallel.
struct Counting;
thread_local! {
    static LIVE_BYTES: Cell<isize> = const { Cell::new(0) };
}

fn count(delta: isize) {
    let _ = LIVE_BYTES.try_with(|bytes| bytes.set(bytes.get() + delta));
}

fn live_bytes() -> isize {
    LIVE_BYTES.with(Cell::get)
}

// SAFETY: forwards to the system allocator unchanged and only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as isize);
        // SAFETY: same layout contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-(layout.size() as isize));
        // SAFETY: `ptr` was allocated by `System.alloc` with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

type Log = Rc<RefCell<Vec<String>>>;

struct Noisy(&'static str, Log);
impl Drop for Noisy {
    fn drop(&mut self) {
        self.1.borrow_mut().push(format!("drop {}", self.0));
    }
}

#[generator]
fn guarded(log: Log, n: u32, panic_at: Option<u32>) -> impl Iterator<Item = String> {
    let outer = Noisy("outer", log.clone());
    for i in 0..n {
        let inner = Noisy("inner", log.clone());
        if panic_at == Some(i) {
            panic!("boom at {i}");
        }
        yield_!(format!("item {i} {}", inner.0));
    }
    yield_!(format!("end {}", outer.0));
}

fn run(n_taken: usize, n: u32, panic_at: Option<u32>) -> Vec<String> {
    let log: Log = Rc::default();
    let mut g = guarded(log.clone(), n, panic_at);
    for _ in 0..n_taken {
        let Ok(item) = catch_unwind(AssertUnwindSafe(|| g.next())) else {
            log.borrow_mut().push("panicked".into());
            assert_eq!(g.next(), None, "a panicked generator is finished");
            break;
        };
        let Some(item) = item else { break };
        log.borrow_mut().push(item);
    }
    drop(g);
    log.borrow().clone()
}

#[test]
fn early_drop_drops_live_locals_in_reverse_order_and_leaks_nothing() {
    let before = live_bytes();
    let log = run(2, 5, None);
    assert_eq!(
        log,
        [
            "item 0 inner",
            "drop inner",
            "item 1 inner",
            "drop inner",
            "drop outer"
        ]
    );
    drop(log);
    assert_eq!(live_bytes(), before, "early drop leaked");
}

#[test]
fn a_panic_unwinds_the_live_locals_and_finishes_the_generator() {
    // The default hook prints (and may cache what it needs to): silence it before counting.
    std::panic::set_hook(Box::new(|_| {}));
    let before = live_bytes();
    let log = run(10, 5, Some(1));
    assert_eq!(
        log,
        [
            "item 0 inner",
            "drop inner",
            "drop inner",
            "drop outer",
            "panicked"
        ]
    );
    drop(log);
    assert_eq!(live_bytes(), before, "the panic leaked");
}

#[test]
fn fold_and_next_agree() {
    let log: Log = Rc::default();
    let folded: Vec<String> = guarded(log.clone(), 3, None).collect();
    let mut g = guarded(log.clone(), 3, None);
    let first = g.next().expect("an item");
    let rest: Vec<String> = g.collect();
    assert_eq!(folded[0], first);
    assert_eq!(folded[1..], rest[..]);
}

/// A `+ Send` generator holds the locals it keeps across a yield as `checks::Sent` (the one
/// `unsafe impl Send`, made only after the compiler confirmed each local is `Send`): one
/// stepped on this thread, moved to another mid-way, finishes there and drops its locals
/// there.
#[generator]
fn sent_across_threads(words: Vec<String>, tail: String) -> impl Iterator<Item = String> + Send {
    let mut seen = Vec::new();
    for w in words {
        seen.push(w.len());
        yield_!(w);
    }
    let total: usize = seen.iter().sum();
    yield_!(format!("{tail}{total}"));
}

#[test]
fn a_send_generator_moves_to_another_thread_between_steps() {
    let mut g = sent_across_threads(vec!["ab".into(), "cde".into()], String::from("n="));
    assert_eq!(g.next().as_deref(), Some("ab"));
    let rest = std::thread::spawn(move || g.collect::<Vec<_>>())
        .join()
        .unwrap();
    assert_eq!(rest, ["cde", "n=5"]);
    let early = sent_across_threads(vec!["x".into()], String::from("t"));
    std::thread::spawn(move || drop(early)).join().unwrap();
}

/// A temporary of a yield's operand that a `+ Send` generator keeps until it resumes (the
/// `Vec` that `yield_!(vec![..].len())` reads in place), held as `checks::Sent` made by
/// `Sent::new_temporary`: the generator moves to another thread while it holds one.
#[generator]
fn temporaries_across_threads(words: Vec<String>) -> impl Iterator<Item = usize> + Send {
    for w in words {
        yield_!(vec![w.clone(), w].len());
        yield_!(String::from("held").len());
    }
}

#[test]
fn a_send_generator_moves_to_another_thread_holding_a_temporary() {
    let mut g = temporaries_across_threads(vec!["ab".into(), "c".into()]);
    assert_eq!(g.next(), Some(2));
    let rest = std::thread::spawn(move || g.collect::<Vec<_>>())
        .join()
        .unwrap();
    assert_eq!(rest, [4, 2, 4]);
}
