//! A temporary that a `let` keeps alive to the end of its block (`let tag = &make();`, `let
//! buf = &mut Vec::new();`, `let name = &row().name;`) drops where the plain function drops
//! it, also when the block yields after the `let`: at the end of the block, after the locals
//! declared after it, and when the generator is dropped early. Against the plain function:
//! items, and drops at every early stop.

use gen_tests::{Noisy, Tag, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

/// A row with a guard: `&row(..).name` extends the whole row.
#[derive(Debug)]
pub struct Row {
    pub name: String,
    pub _guard: Noisy,
}

fn row(i: u32) -> Row {
    Row {
        name: format!("row{i}"),
        _guard: n(&format!("guard{i}")),
    }
}

fn rows(count: u32) -> Vec<Noisy> {
    (0..count).map(|i| n(&format!("r{i}"))).collect()
}

twin! {
    fn borrowed_call_result(count: u32) -> String {
        let tag = &n("tag");
        yield_!(tag.name().to_owned());
        let _later = n("later");
        for i in 0..count {
            yield_!(format!("item{i}"));
        }
        yield_!(String::from("end"));
    }
}

#[test]
fn a_borrowed_call_result_lives_to_the_end_of_the_block() {
    assert_eq!(
        check!(borrowed_call_result(2)),
        ["tag", "item0", "item1", "end"]
    );
    same_drops!(borrowed_call_result(3));
}

twin! {
    fn borrowed_field_of_a_temporary(count: u32) -> String {
        for i in 0..count {
            let name = &row(i).name;
            let copy = name.clone();
            yield_!(copy);
            yield_!(String::from("after"));
        }
    }
}

#[test]
fn a_field_borrowed_out_of_a_temporary_keeps_the_whole_temporary() {
    assert_eq!(
        check!(borrowed_field_of_a_temporary(2)),
        ["row0", "after", "row1", "after"]
    );
    same_drops!(borrowed_field_of_a_temporary(3));
}

twin! {
    fn borrowed_index_and_mutable_temporary(count: u32) -> usize {
        let first = &rows(count)[0];
        let len = first.name().len();
        let buf = &mut Vec::new();
        buf.push(n("pushed"));
        buf.push(n("again"));
        let held = buf.len();
        {
            let inner = &(n("inner"));
            let _ = inner;
            yield_!(len);
        }
        yield_!(held);
        yield_!(0);
    }
}

#[test]
fn an_indexed_temporary_and_a_mutable_one_drop_in_declaration_order() {
    assert_eq!(check!(borrowed_index_and_mutable_temporary(2)), [2, 2, 0]);
    same_drops!(borrowed_index_and_mutable_temporary(3));
}

twin! {
    fn in_a_loop_with_early_exits(count: u32) -> u32 {
        let mut i = 0;
        loop {
            let step = &n(&format!("step{i}"));
            if i == count {
                break;
            }
            let odd = step.name().ends_with('1');
            yield_!(i);
            if odd {
                i += 2;
                continue;
            }
            i += 1;
        }
        yield_!(100);
    }
}

#[test]
fn a_loop_iteration_drops_its_extended_temporary_at_every_exit() {
    assert_eq!(check!(in_a_loop_with_early_exits(4)), [0, 1, 3, 100]);
    same_drops!(in_a_loop_with_early_exits(5));
}

fn weight(noisy: &Noisy) -> u64 {
    noisy.name().len() as u64
}

twin! {
    fn tuple_let_with_a_yield_in_it(count: u64) -> u64 {
        let tag = &n("tag");
        let w = weight(tag);
        // Each binding carries what its own element borrows: `g` is owned, and drops at the
        // end of the block although `w` (from a call on a borrow) might borrow.
        #[allow(unused_variables)]
        let (g, (), total) = (n("g"), yield_!(1), w + count);
        yield_!(total);
        yield_!(0);
        let _after = n("after");
        yield_!(2);
    }
}

#[test]
fn each_binding_of_a_tuple_let_carries_what_its_element_borrows() {
    assert_eq!(check!(tuple_let_with_a_yield_in_it(4)), [1, 7, 0, 2]);
    same_drops!(tuple_let_with_a_yield_in_it(4));
}

/// A value with a guard, made from a number.
#[derive(Debug)]
pub struct Rec {
    pub id: u64,
    pub _guard: Noisy,
}

impl Rec {
    fn new(id: u64) -> Rec {
        Rec {
            id,
            _guard: n(&format!("rec{id}")),
        }
    }
}

/// A method the macro does not know.
trait Weigh {
    fn weigh(&self) -> u64;
}

impl Weigh for Noisy {
    fn weigh(&self) -> u64 {
        self.name().len() as u64
    }
}

twin! {
    fn method_of_a_reference_to_a_local(count: u64) -> u64 {
        let owned = n("owned");
        let by_ref = &owned;
        let extended = &n("extended");
        // `by_ref.weigh()` is the same call as `owned.weigh()`: kept like an owned value, not
        // a borrow that rules out keeping `x` across the yields.
        let x = by_ref.weigh() + extended.weigh();
        let rec = Rec::new(x + count);
        yield_!(rec.id);
        yield_!(x);
        yield_!(1);
        let mutable = &mut n("mutable");
        let w = mutable.weigh();
        let rec2 = Rec::new(w);
        let id2 = rec2.id;
        yield_!(id2);
        yield_!(2);
    }
}

#[test]
fn a_value_from_a_method_of_a_reference_is_kept_like_an_owned_one() {
    assert_eq!(
        check!(method_of_a_reference_to_a_local(1)),
        [14, 13, 1, 7, 2]
    );
    same_drops!(method_of_a_reference_to_a_local(1));
}

twin! {
    fn other_extending_shapes(flag: bool) -> usize {
        let pair = &(n("p0"), n("p1"));
        let a = pair.0.name().len();
        yield_!(a);
        let arr = &[n("a0")];
        let b = arr.len();
        yield_!(b);
        let chosen = &if flag { n("if-yes") } else { n("if-no") };
        let c = chosen.name().len();
        yield_!(c);
        let matched = &match flag {
            true => n("match-t"),
            false => n("match-f"),
        };
        let d = matched.name().len();
        yield_!(d);
        let block = &{ n("block") };
        let e = block.name().len();
        yield_!(e);
        let field = &(n("tuple-field"), 1).0;
        let f = field.name().len();
        yield_!(f);
        let boxed = &*Box::new(n("boxed"));
        let g = boxed.name().len();
        yield_!(g);
        // Each element's temporary is extended: made in order, dropped in reverse.
        let both = (&n("first"), n("second").name().len());
        let h = both.0.name().len() + both.1;
        yield_!(h);
        // A constant is promoted to a `'static`: still usable after a yield.
        let table = &[1usize, 2, 3];
        yield_!(table[0]);
        yield_!(table[2]);
    }
}

#[test]
fn temporaries_extended_through_tuples_arrays_blocks_and_projections() {
    assert_eq!(
        check!(other_extending_shapes(true)),
        [2, 1, 6, 7, 5, 11, 5, 11, 1, 3]
    );
    same_drops!(other_extending_shapes(true));
    same_drops!(other_extending_shapes(false));
}

/// A record made to be borrowed.
#[derive(Debug)]
pub struct Computed {
    pub field: String,
    pub _guard: Noisy,
}

fn compute(i: u32) -> Computed {
    Computed {
        field: format!("f{i}"),
        _guard: n(&format!("computed{i}")),
    }
}

twin! {
    fn constructor_and_let_else(count: u32) -> usize {
        for i in 0..count {
            let Some(r) = Some(&compute(i).field) else {
                return;
            };
            let len = r.len();
            yield_!(len);
            yield_!(i as usize);
        }
    }
}

#[test]
fn a_constructor_argument_and_a_let_else_extend_their_temporaries() {
    assert_eq!(check!(constructor_and_let_else(2)), [2, 0, 2, 1]);
    same_drops!(constructor_and_let_else(3));
}

twin! {
    fn borrowed_in_a_branch(count: u32) -> usize {
        for i in 0..count {
            // A temporary made in one branch only: the value is a reference, read before the
            // yield (its temporary drops before the consumer sees the item: README limit 4).
            let maybe = if i % 2 == 0 { Some(&compute(i + 10).field) } else { None };
            let Some(m) = maybe else {
                continue;
            };
            let m_len = m.len();
            yield_!(m_len);
        }
    }
}

#[test]
fn a_reference_to_a_temporary_made_in_a_branch_compiles() {
    assert_eq!(check!(borrowed_in_a_branch(3)), [3, 3]);
}

// The tails of an `if`'s branches and a `match`'s arms are extending too (Rust 1.79): the
// temporary made on the path taken lives to the end of the block.
twin! {
    fn made_in_a_branch(flag: bool, k: u32) -> String {
        let picked = if flag { &n("then") } else { &n("else") };
        let first = picked.name().to_owned();
        yield_!(first);
        let row_name = match k {
            0 => &row(0).name,
            1 => &row(1).name,
            _ => &String::new(),
        };
        yield_!(row_name.clone());
        let pair = if k > 0 { (&n("left"), 1) } else { (&n("right"), 2) };
        yield_!(format!("{}", pair.1));
        yield_!(String::from("end"));
    }
}

#[test]
fn a_temporary_made_in_a_branch_lives_to_the_end_of_the_block() {
    let log = same_drops!(made_in_a_branch(true, 1));
    assert_eq!(
        log,
        [
            "yield \"then\"",
            "yield \"row1\"",
            "yield \"1\"",
            "yield \"end\"",
            "drop left",
            "drop guard1",
            "drop then"
        ]
    );
    same_drops!(made_in_a_branch(false, 0));
    same_drops!(made_in_a_branch(false, 2));
}

twin! {
    fn constructed_temporaries(flag: bool) -> usize {
        let r = &Tag("ext");
        yield_!(r.0.len());
        let pair = (&Tag("a"), &Tag("bb"));
        yield_!(pair.0 .0.len() + pair.1 .0.len());
        let maybe = &Some(Tag("opt"));
        yield_!(maybe.as_ref().map_or(0, |t| t.0.len()));
        let picked = if flag { &Tag("yes") } else { &Tag("no") };
        yield_!(picked.0.len());
        let many = &[Tag("x"), Tag("y")];
        yield_!(many.len());
        // std's variants of constants are promoted: usable after a yield.
        let fallback = &Some(7usize);
        yield_!(0);
        yield_!(fallback.unwrap_or(0));
    }
}

#[test]
fn temporaries_built_by_constructors_are_extended() {
    assert_eq!(check!(constructed_temporaries(true)), [3, 3, 3, 3, 2, 0, 7]);
    assert_eq!(
        check!(constructed_temporaries(false)),
        [3, 3, 3, 2, 2, 0, 7]
    );
    same_drops!(constructed_temporaries(true));
    same_drops!(constructed_temporaries(false));
}

// An extended temporary in the branches of an `if` whose condition holds another `if`, in
// an arm of a `match` that yields in another arm: the analysis lowers the inner `if` into a
// join, and the branches' temporaries must still live to the end of the arm's block.
twin! {
    fn branch_temporary_behind_a_nested_condition(c: u64) -> u64 {
        let w = c;
        let mut stack = vec![1u64, 2, 3, 4];
        while let Some(y) = stack.pop() {
            let x = match y % 3 {
                0 => {
                    let _tag = if (if c < 1 { w } else { y }) > w { &n("big") } else { &n("small") };
                    5
                }
                k if k > 1 => {
                    yield_!(k);
                    2
                }
                k => k,
            };
            yield_!(x);
        }
    }
}

#[test]
fn a_branch_temporary_behind_a_nested_condition_lives_to_the_end_of_its_block() {
    assert_eq!(
        check!(branch_temporary_behind_a_nested_condition(1)),
        [1, 5, 2, 2, 1]
    );
    let log = same_drops!(branch_temporary_behind_a_nested_condition(1));
    let at = |e: &str| log.iter().position(|x| x == e).expect(e);
    assert!(at("drop big") < at("yield 5"), "{log:?}");
}
