//! `#[generator]` methods whose receiver is a pointer (`self: Box<Self>`, `self: Pin<&mut
//! Self>`, `self: Rc<Self>`): a box moved out of while in scope at the yields, a pinned
//! reference, and borrows through the pointer kept across yields, each as the caller has them.

use gen_core::generator;

struct Node {
    v: u32,
    kids: Vec<Node>,
    log: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
}

impl Drop for Node {
    fn drop(&mut self) {
        self.log.borrow_mut().push(format!("drop {}", self.v));
    }
}

impl Node {
    /// A `self: Box<Self>` receiver moved out of its box (`*self`) while still in scope at
    /// the yields: the macro sees the box in the signature.
    #[generator]
    fn into_walk(self: Box<Self>) -> impl Iterator<Item = u32> {
        let mut stack = vec![*self];
        let log = stack[0].log.clone();
        while let Some(mut n) = stack.pop() {
            log.borrow_mut().push(format!("yield {}", n.v));
            yield_!(n.v);
            stack.extend(std::mem::take(&mut n.kids).into_iter().rev());
        }
    }

    // The plain twin of `into_walk`, with its signature.
    #[allow(clippy::boxed_local)]
    fn into_walk_plain(self: Box<Self>) {
        let mut stack = vec![*self];
        let log = stack[0].log.clone();
        while let Some(mut n) = stack.pop() {
            log.borrow_mut().push(format!("yield {}", n.v));
            stack.extend(std::mem::take(&mut n.kids).into_iter().rev());
        }
    }
}

fn tree(log: &std::rc::Rc<std::cell::RefCell<Vec<String>>>) -> Box<Node> {
    let node = |v, kids| Node {
        v,
        kids,
        log: log.clone(),
    };
    Box::new(node(
        1,
        vec![node(2, vec![]), node(3, vec![node(4, vec![])])],
    ))
}

#[test]
fn a_box_self_receiver_moved_out_of_its_box() {
    let log = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    assert_eq!(tree(&log).into_walk().collect::<Vec<_>>(), [1, 2, 3, 4]);
    let got = std::mem::take(&mut *log.borrow_mut());
    tree(&log).into_walk_plain();
    assert_eq!(got, *log.borrow());
}

struct Pinned {
    items: Vec<u32>,
}

impl Pinned {
    /// A `self: Pin<&mut Self>` receiver is a reference: what `get_mut` returns borrows the
    /// caller's value, not a local of the generator.
    #[generator]
    fn doubled(self: std::pin::Pin<&mut Self>) -> impl Iterator<Item = u32> + '_ {
        let this = self.get_mut();
        for i in 0..this.items.len() {
            this.items[i] *= 2;
            yield_!(this.items[i]);
        }
    }
}

#[test]
fn a_pinned_mut_self_receiver_is_a_reference() {
    let mut p = Pinned { items: vec![1, 2] };
    assert_eq!(
        std::pin::Pin::new(&mut p).doubled().collect::<Vec<_>>(),
        [2, 4]
    );
    assert_eq!(p.items, [2, 4]);
}

struct Shared {
    items: Vec<u32>,
    kids: Vec<Shared>,
}

impl Shared {
    /// A loop over a borrow through a receiver of a pointer type (`self: Rc<Self>`), and a
    /// stack of borrows through `self: Box<Self>` (`stack.push(&*self)`), kept across yields:
    /// the state cannot hold the borrow beside the pointer, lowered `boxed`, which holds both
    /// as the caller would.
    #[generator]
    fn shifted(self: std::rc::Rc<Self>) -> impl Iterator<Item = u32> {
        for v in self.items.iter() {
            yield_!(*v + 3);
        }
    }

    #[generator]
    fn depth_first(self: Box<Self>) -> impl Iterator<Item = u32> {
        let mut stack: Vec<&Shared> = Vec::new();
        stack.push(&*self);
        while let Some(n) = stack.pop() {
            yield_!(n.items.iter().sum());
            for k in &n.kids {
                stack.push(k);
            }
        }
    }
}

#[test]
fn borrows_through_pointer_receivers_kept_across_yields() {
    let leaf = |v| Shared {
        items: vec![v],
        kids: Vec::new(),
    };
    let shared = std::rc::Rc::new(leaf(1));
    assert_eq!(shared.clone().shifted().collect::<Vec<_>>(), [4]);
    let tree = Box::new(Shared {
        items: vec![1, 2],
        kids: vec![leaf(3), leaf(4)],
    });
    assert_eq!(tree.depth_first().collect::<Vec<_>>(), [3, 4, 3]);
}
