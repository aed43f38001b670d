//! `#[generator]` on methods (inherent, trait and generic impls; `&self`, `&mut self`, `self`,
//! associated functions), borrowing through `&self` across yields (also in closures of a loop's
//! head), a method calling a free generator of its name; a local that a `&mut self` method (a
//! slice's `rotate_left`) changes keeps its `mut`. Expected outputs are computed by plain code.

use std::collections::BTreeMap;
use std::fmt::Display;

use gen_core::generator;
use gen_tests::check_iter;

#[derive(Debug, Clone)]
struct Bag {
    items: Vec<u32>,
    name: String,
}

impl Bag {
    fn new(items: &[u32]) -> Self {
        Bag {
            items: items.to_vec(),
            name: "bag".to_string(),
        }
    }

    /// Borrows through `&self` across yields.
    #[generator]
    fn evens(&self) -> impl Iterator<Item = &u32> + '_ {
        for x in &self.items {
            if x % 2 == 0 {
                yield_!(x);
            }
        }
    }

    #[generator]
    fn labelled<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = String> + 'a {
        for (i, x) in self.items.iter().enumerate() {
            yield_!(format!("{prefix}{}[{i}]={x}", self.name));
        }
    }

    /// Mutates through `&mut self` across yields.
    #[generator]
    fn drain_odd(&mut self) -> impl Iterator<Item = u32> + '_ {
        let mut i = 0;
        while i < self.items.len() {
            if self.items[i] % 2 == 1 {
                let x = self.items.remove(i);
                yield_!(x);
            } else {
                i += 1;
            }
        }
        self.name.push_str("-drained");
    }

    /// Consumes `self`.
    #[generator]
    fn into_doubled(self) -> impl Iterator<Item = u32> {
        let Bag { items, name } = self;
        for x in items {
            yield_!(x * 2);
        }
        yield_!(name.len() as u32);
    }

    #[generator]
    fn count_to(limit: u32) -> impl Iterator<Item = u32> {
        let mut i = 0;
        while i < limit {
            yield_!(i);
            i += 1;
        }
    }
}

#[test]
fn method_borrowing_self() {
    let bag = Bag::new(&[1, 2, 3, 4]);
    check_iter(&[&2, &4], || bag.evens());
    let odd = Bag::new(&[1]);
    check_iter(&[] as &[&u32], || odd.evens());
    let two = Bag::new(&[1, 2]);
    let pre = String::from(">");
    check_iter(&[">bag[0]=1".to_string(), ">bag[1]=2".to_string()], || {
        two.labelled(&pre)
    });
}

#[test]
fn method_mutating_self() {
    let mut bag = Bag::new(&[1, 2, 3, 5, 6, 7]);
    {
        let mut g = bag.drain_odd();
        assert_eq!(g.next(), Some(1));
        assert_eq!(g.next(), Some(3));
        // Dropping the generator part-way keeps the mutations done so far.
    }
    assert_eq!(bag.items, [2, 5, 6, 7]);
    assert_eq!(bag.name, "bag");
    assert_eq!(bag.drain_odd().collect::<Vec<_>>(), [5, 7]);
    assert_eq!(bag.items, [2, 6]);
    assert_eq!(bag.name, "bag-drained");
    let mut sum = 0;
    Bag::new(&[3, 4, 5]).drain_odd().for_each(|x| sum += x);
    assert_eq!(sum, 8);
}

#[test]
fn method_consuming_self_and_associated_fn() {
    check_iter(&[2, 8, 3], || Bag::new(&[1, 4]).into_doubled());
    check_iter(&[3], || Bag::new(&[]).into_doubled());
    check_iter(&[0, 1, 2], || Bag::count_to(3));
    check_iter(&[], || Bag::count_to(0));
}

trait Source {
    fn values(&self) -> impl Iterator<Item = u32>;
    fn values_mut(&mut self, n: u32) -> impl Iterator<Item = u32>;
    fn into_values(self) -> impl Iterator<Item = String>;
}

#[derive(Debug, Clone)]
struct Fib {
    a: u32,
    b: u32,
}

impl Source for Fib {
    #[generator]
    fn values(&self) -> impl Iterator<Item = u32> {
        let (mut a, mut b) = (self.a, self.b);
        while a < 50 {
            yield_!(a);
            (a, b) = (b, a + b);
        }
    }

    #[generator]
    fn values_mut(&mut self, n: u32) -> impl Iterator<Item = u32> {
        for _ in 0..n {
            yield_!(self.a);
            (self.a, self.b) = (self.b, self.a + self.b);
        }
    }

    #[generator]
    fn into_values(self) -> impl Iterator<Item = String> {
        let Fib { a, b } = self;
        yield_!(a.to_string());
        yield_!(b.to_string());
    }
}

#[test]
fn trait_impl_methods() {
    let f = Fib { a: 1, b: 1 };
    check_iter(&[1, 1, 2, 3, 5, 8, 13, 21, 34], || f.values());
    check_iter(&[], || Fib { a: 60, b: 1 }.values());
    let mut m = f.clone();
    assert_eq!(m.values_mut(4).collect::<Vec<_>>(), [1, 1, 2, 3]);
    assert_eq!((m.a, m.b), (5, 8));
    assert_eq!(m.values_mut(0).count(), 0);
    check_iter(&["5".to_string(), "8".to_string()], || {
        m.clone().into_values()
    });
    // Through a generic bound, not only on the concrete type.
    fn first_two<S: Source>(s: &S) -> Vec<u32> {
        s.values().take(2).collect()
    }
    assert_eq!(first_two(&f), [1, 1]);
}

#[derive(Debug)]
struct Table<K, V> {
    rows: BTreeMap<K, V>,
}

impl<K: Ord + Clone, V> Table<K, V>
where
    V: Display,
{
    #[generator]
    fn render<'s>(&'s self, sep: &'s str) -> impl Iterator<Item = String> + 's
    where
        K: Display,
    {
        for (k, v) in &self.rows {
            yield_!(format!("{k}{sep}{v}"));
        }
    }

    #[generator]
    fn keys_where(&self, mut keep: impl FnMut(&V) -> bool) -> impl Iterator<Item = K> {
        for (k, v) in &self.rows {
            if keep(v) {
                yield_!(k.clone());
            }
        }
    }
}

#[test]
fn methods_of_generic_impls() {
    let t = Table {
        rows: BTreeMap::from([(2, "b"), (1, "a"), (3, "cc")]),
    };
    check_iter(
        &["1=a".to_string(), "2=b".to_string(), "3=cc".to_string()],
        || t.render("="),
    );
    check_iter(&[3], || t.keys_where(|v| v.len() > 1));
}

/// A method that delegates to a free generator function of the same name: the bare call is
/// the free function's, no recursion.
mod same_name_delegation {
    use gen_core::generator;

    #[generator]
    pub fn walk(depth: u32) -> impl Iterator<Item = u32> {
        for d in 0..depth {
            yield_!(d);
        }
    }

    pub struct Tree {
        pub depth: u32,
    }

    impl Tree {
        #[generator]
        pub fn walk(&self) -> impl Iterator<Item = u32> + '_ {
            for d in walk(self.depth) {
                yield_!(d * 10);
            }
            yield_from!(walk(1));
        }
    }

    #[test]
    fn a_method_calling_a_free_function_of_its_name() {
        assert_eq!(Tree { depth: 3 }.walk().collect::<Vec<_>>(), [0, 10, 20, 0]);
    }
}

struct Tally {
    items: Vec<u32>,
    resets: u32,
}

impl Tally {
    /// A shared borrow through `&mut self` kept across the yields, `self` not used again after
    /// the loop: fine (the state keeps only the borrow).
    #[generator]
    fn reset_then_list(&mut self) -> impl Iterator<Item = u32> + '_ {
        self.resets += 1;
        for x in self.items.iter() {
            yield_!(*x);
        }
    }
}

#[test]
fn a_shared_borrow_through_mut_self_not_used_again() {
    let mut t = Tally {
        items: vec![4, 5],
        resets: 0,
    };
    assert_eq!(t.reset_then_list().collect::<Vec<_>>(), [4, 5]);
    assert_eq!(t.resets, 1);
}

impl Bag {
    /// A loop whose iterator holds a closure that reads through `&self` (and through a
    /// reference argument): the closure borrows what they point to, not the generator's
    /// locals, so the iterator may be kept across the yields.
    #[generator]
    fn missing_from<'a>(&'a self, wanted: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
        for w in wanted.iter().filter(|w| !self.items.contains(w)) {
            yield_!(*w);
        }
        for i in (0..wanted.len()).filter(|&i| wanted[i] > self.items.len() as u32) {
            yield_!(wanted[i]);
        }
    }

    fn missing_from_plain(&self, wanted: &[u32]) -> Vec<u32> {
        let mut out = Vec::new();
        for w in wanted.iter().filter(|w| !self.items.contains(w)) {
            out.push(*w);
        }
        for i in (0..wanted.len()).filter(|&i| wanted[i] > self.items.len() as u32) {
            out.push(wanted[i]);
        }
        out
    }
}

#[test]
fn closures_reading_through_self_in_a_loop_head() {
    let bag = Bag::new(&[1, 4]);
    let wanted = [1, 2, 3, 4, 5];
    check_iter(&bag.missing_from_plain(&wanted), || {
        bag.missing_from(&wanted)
    });
}

// A slice's `rotate_left`/`rotate_right` take `&mut self` (an integer's take `self`): the
// local's `mut` is needed, and no `unused_mut` warning may say otherwise.
#[deny(unused_mut)]
#[generator]
fn rotations(values: Vec<u32>, turns: usize) -> impl Iterator<Item = u32> {
    let mut cur = values;
    for _ in 0..turns {
        yield_!(cur[0]);
        cur.rotate_left(1);
    }
    let mut back = [1u32, 2, 3];
    yield_!(back[0]);
    back.rotate_right(1);
    yield_!(back[0]);
}

#[test]
fn rotating_a_local_after_a_yield_needs_its_mut() {
    let mut want = Vec::new();
    let mut cur = [1, 2, 3];
    for _ in 0..4 {
        want.push(cur[0]);
        cur.rotate_left(1);
    }
    want.extend([1, 3]);
    assert_eq!(rotations(vec![1, 2, 3], 4).collect::<Vec<_>>(), want);
}
