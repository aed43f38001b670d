//! Regression tests for the bugs the differential fuzzer found (RELIABILITY.md). Each is
//! the reduced program, run through the fuzz driver: built as a `#[generator]` and as its
//! plain twin, and compared (items and drop logs: to the end, `fold`, dropped after `k`
//! items, `k` items then `fold`). The bodies use the fuzz runtime: `a`, `b` (`u64`) and `p`,
//! `q` (`G`, a guard that logs its drop) are the arguments, `chk(x)` is `Err(x)` when
//! `x % 7 == 3`, `S` is a struct of a guard `g`, a `Vec<u64>` `items` and a `u64` `n`.

use std::collections::BTreeMap;

use gen_tests::fuzz::driver::run_programs;
use gen_tests::fuzz::{Flavor, Program};

fn check(flavor: Flavor, body: &str) {
    let p = Program {
        flavor,
        body: body.to_string(),
    };
    let s = run_programs(BTreeMap::from([(0, p)])).expect("the batch builds");
    assert!(s.clean(), "{}\n{}", s.line(), s.report());
}

/// A guard moved on only one path drops at the end of its scope on the other path (rustc's
/// drop flag), not when the generator next suspends.
#[test]
fn guard_moved_on_one_path_drops_at_the_end_of_its_scope() {
    check(
        Flavor::Sync,
        "let g1 = p;\nif b % 2 == 0 { drop(g1); }\nyield_!(1u64);\nyield_!(2u64);\n",
    );
}

/// A `Copy` local used by value (call argument, `let` initializer, yield operand) in one
/// branch inside a loop was taken for moved: E0308 on the next iteration's use.
#[test]
fn copy_local_used_by_value_in_a_branch_inside_a_loop() {
    check(
        Flavor::Sync,
        "for y in 0..2u64 {\nif y == 0 { yield_!(y); } else { yield_!(a); }\n}\n",
    );
}

/// On the `fold` path, the `?` error reached the consumer before the locals and arguments
/// were dropped; `next()` and the plain function drop them first.
#[test]
fn fold_drops_locals_before_yielding_the_question_mark_error() {
    check(
        Flavor::Fallible,
        "let g1 = G::new(\"g1\");\nyield_!(Ok(1u64));\nchk(3u64)?;\nyield_!(Ok(2u64));\n",
    );
}

/// `?` inside the operand of `yield_from!` in a fallible generator met the lowering's
/// closure (E0277 "the `?` operator can only be used on `Option`s ... in a closure"); the
/// program is unreduced (the simplest forms compiled).
#[test]
fn question_mark_inside_a_yield_from_operand() {
    check(
        Flavor::Fallible,
        "let x1 = {\nmatch wmul(p.id(), a) % 3 {\n0 => {\nyield_from!((vec![Ok::<u64, u64>(9u64), \
         Ok::<u64, u64>(chk(3u64)?), Ok::<u64, u64>(1u64)]));\n4u64\n}\n_ => {\n\
         yield_from!((vec![Ok::<u64, u64>(chk(b)?)]));\n5u64\n}\n}\n};\nyield_!(Ok(x1));\n",
    );
}

/// A `let` in a loop body that shadows a local kept across a later yield (here the argument
/// `p`, read after the loop) was reported as a limitation; it compiles and behaves.
#[test]
fn let_in_a_loop_body_shadows_a_local_kept_across_a_yield() {
    check(
        Flavor::Sync,
        "for i in 0..2u64 {\nlet p = G::new(\"p2\");\nyield_!(wadd(i, p.id()));\n}\n\
         yield_!(p.id());\n",
    );
}

/// `?` at the start of a block's tail expression, followed by an operator, was printed as
/// the start of a statement: "expected expression, found `%`".
#[test]
fn question_mark_at_the_start_of_a_block_tail() {
    check(
        Flavor::Fallible,
        "let x = { chk(9u64)? % 2 };\nyield_!(Ok(x));\n",
    );
}

/// A field of a partly moved value used by value on the right of `&&` in a match guard had
/// no drop flag: "the flat generator lost track of `bs9` here; please report this".
#[test]
fn field_used_by_value_on_the_right_of_and_in_a_match_guard() {
    check(
        Flavor::Sync,
        "let mut bs9 = Box::new(S::new(\"bs9.n10\", a)); let _ = (&bs9.g, &bs9.items, &bs9.n);\n\
         let g11 = bs9.g;\nyield_!(wadd(bs9.n, 7u64));\nmatch wadd(8u64, 6u64) % 4 {\n\
         n14 if n14 > 2 && wadd(a, bs9.n) % 2 == 0 => (),\nn14 => {}\n}\nyield_!(b % 3);\n",
    );
}

/// The fuzzer's own smoke test: a body mixing the supported constructs passes.
#[test]
fn mixed_constructs_pass() {
    check(
        Flavor::Sync,
        "let g1 = G::new(\"g1\");\n'l1: for i in 0..3u64 {\nlet o = if i % 2 == 0 { Some(i) } \
         else { None };\nmatch o {\nSome(y) if y > 0 => yield_!(wadd(y, 10u64)),\nSome(y) => \
         { let g2 = G::new(\"g2\"); yield_!(wadd(y, 0u64)); }\nNone => continue 'l1,\n}\n\
         let x = loop { yield_!(7u64); break 3u64; };\nyield_!(wadd(x, i));\n}\nyield_!(g1.id());\n",
    );
}

/// A field of a partly moved value used by value (`wadd(s.n, ..)`: the macro cannot tell a
/// `Copy` field from a move) on only some paths (the right of `&&`, an `if` branch) between
/// two yields: "the flat generator lost track of `s` here; please report this".
#[test]
fn field_used_by_value_on_the_right_of_and_in_an_if_condition() {
    check(
        Flavor::Sync,
        "let s = S::new(\"s\", a);\nlet _ = &s.items;\nlet h = s.g;\nyield_!(1u64);\n\
         if b > 2 && wadd(s.n, 0u64) == 0 {}\nyield_!(2u64);\n",
    );
}

/// A guard moved in an `if` whose condition yields, then a yield: E0382 "use of moved value".
#[test]
fn move_under_a_condition_that_yields() {
    check(
        Flavor::Sync,
        "if { yield_!(4u64); a % 2 == 0 } {\ndrop(p);\n}\nyield_!(5u64);\n",
    );
}

/// A guard moved in an `if` whose condition reads, on one branch of an `if` expression, a
/// local initialized with `?`, then a yield: E0382.
#[test]
fn move_under_a_condition_reading_a_question_mark_local_on_one_branch() {
    check(
        Flavor::Fallible,
        "let x = chk(a)?;\nlet g = G::new(\"g\");\n\
         if (if b > 6 { x } else { b }) < 6 { drop(g); }\nyield_!(Ok(1u64));\n",
    );
}

/// A guard moved in an `if` whose condition passes a shadowed argument by value on the right
/// of `&&`, then a yield: E0382.
#[test]
fn move_under_a_condition_passing_a_shadowed_argument_on_the_right_of_and() {
    check(
        Flavor::Sync,
        "let g = G::new(\"g\");\nlet h = G::new(\"h\");\nlet b = wadd(b, 8u64);\n\
         if a % 2 == 0 && wadd(b, h.id()) > 1u64 { drop(g); }\nyield_!(8u64);\n",
    );
}

/// A field of a partly moved value used by value in one branch of an `if` inside a match
/// guard: "the flat generator lost track of `s` here; please report this".
#[test]
fn field_used_by_value_in_an_if_inside_a_match_guard() {
    check(
        Flavor::Sync,
        "let s = S::new(\"s\", a);\nlet h = s.g;\nyield_!(1u64);\nmatch b % 3 {\n\
         n if n > 0 && (if b > 2 { s.n } else { 7u64 }) > 1 => yield_!(2u64),\n_ => (),\n}\n\
         yield_!(wadd(3u64, h.id()));\n",
    );
}

/// A box named through auto-deref (`bs.n`) across a yield, then moved out of (`*bs`): the
/// fields and the box's value were two places, so the payload moved both (E0382).
#[test]
fn box_named_through_auto_deref_then_moved_out_of() {
    check(
        Flavor::Sync,
        "let bs = Box::new(S::new(\"bs\", b));\nlet _ = (&bs.g, &bs.items, &bs.n);\n\
         yield_!(wadd(bs.n, a));\nlet s = *bs;\nlet _ = (&s.g, &s.items);\nyield_!(s.n);\n\
         yield_!(1u64);\n",
    );
}

/// A box whose field is moved out through auto-deref (`bs.g`), kept across a yield, then
/// replaced: the old box's remaining fields drop at the assignment, as in the plain function.
#[test]
fn box_field_moved_through_auto_deref_then_the_box_replaced() {
    check(
        Flavor::Sync,
        "let mut bs = Box::new(S::new(\"bs\", b));\nconsume(bs.g);\nyield_!(bs.n);\n\
         bs = Box::new(S::new(\"bs2\", a));\nyield_!(bs.n);\nlet s = *bs;\nlet _ = (&s.g, &s.items);\n\
         yield_!(s.n);\nyield_!(1u64);\n",
    );
}

/// A `Copy` field of a partly moved tuple used by value in one branch of an `if` inside
/// `format!`'s input (emitted as written, like a guard): "the flat generator lost track".
#[test]
fn field_used_by_value_in_an_if_inside_a_format_argument() {
    check(
        Flavor::Sync,
        "let t = (G::new(\"t\"), vec![8u64], 7u64); let _ = (&t.0, &t.1, &t.2);\n\
         consume(t.0);\nyield_!(3u64);\nif a % 4 == 1 {\n\
         let text = format!(\"{},{}\", (if b % 2 == 0 { t.2 } else { a }), b);\n\
         yield_!(text.len() as u64);\n}\n",
    );
}

/// A `let mut` whose initializer is lowered into a join, assigned again in the join's arm:
/// the arm declared the binding twice, once without a value (E0282 "type annotations
/// needed" on `#[generator]`).
#[test]
fn let_with_a_lowered_initializer_assigned_again_before_a_yield() {
    check(
        Flavor::Sync,
        "let f3 = move |v: u64| wadd(v, a);\nlet o4 = Some(b);\n\
         if 8u64 > (o4.unwrap_or(0) ^ q.id()) && let Some(y5) = o4 && y5 % 3 != 0 {\n}\n\
         else {\nlet x17 = wadd(5u64, { yield_!(9u64); 1u64 });\nif wmul(9u64, 5u64) < 2 {\n\
         let mut s18 = S::new(\"s18\", (if wadd(x17, 9u64) > 5u64 { f3(x17) } else { q.id() })); \
         let _ = (&s18.g, &s18.items, &s18.n);\ns18 = S::new(\"r20\", wadd(a, a));\n\
         yield_!(b);\n}\n}\n",
    );
}

/// A part of a partly moved box, held by the arm in a hidden local, was read inside a loop
/// nested in a loop that later gives the box a whole new value: the read was printed as
/// written (`bs4.n`, the binding declared without a value in that arm), E0282. The loop that
/// joins the two forms is now lowered. Found by the frame-layout fuzz run (seed 2).
#[test]
fn held_part_read_in_a_loop_that_reassigns_the_whole_value() {
    check(
        Flavor::Sync,
        "let mut bs4 = Box::new(S::new(\"bs4.n5\", 4u64)); let _ = (&bs4.g, &bs4.items, &bs4.n);\n\
         consume(bs4.g);\nif a % 2 == 0 {\nyield_!(wadd(bs4.n, 4u64));\nlet mut c10 = 0u64;\n\
         'l9: loop {\nif c10 >= 1 { break; }\nc10 += 1;\n\
         let mut st12 = Vec::<u64>::from([c10, wadd(a, a)]);\n\
         'l11: while let Some(y13) = st12.pop() {\nlet y13 = wadd(y13, bs4.n);\n}\n\
         bs4 = Box::new(S::new(\"r18.n19\", wadd(b, 5u64)));\n}\n}\n",
    );
}

/// A struct update whose literal is lowered (a listed field's value is an `if` that reads a
/// local kept in a drop-flag slot): the `..s` built by the lowering's spill path moved all of
/// `s`, and a later read of `s.n` turned that move into a copy, so `s` was kept whole while
/// partly moved (E0382 "use of partially moved value").
#[test]
fn struct_update_whose_literal_is_lowered() {
    check(
        Flavor::Sync,
        "let mut st5 = 0..2u64;\nwhile let Some(y6) = st5.next() {\n\
         match wmul(8u64, y6) % 4 {\nn14 => {\n\
         let mut s15 = S { g: G::new(\"s15\"), items: vec![b], n: wadd(y6, y6) }; \
         let _ = (&s15.g, &s15.items, &s15.n);\n\
         let mut s17 = S { items: vec![a], n: (if b % 2 == 0 { y6 } else { n14 }), ..s15 }; \
         let _ = (&s17.g, &s17.items, &s17.n);\n\
         yield_!(wadd(s15.n, 1u64));\n}\n}\n}\n",
    );
}

/// A box partly moved on one path (its `Copy` field yielded in an `Ok`, a by-value use the
/// macro takes for a move), whole on another and moved whole (`let s = *b;`) on a third,
/// then joined: the join kept the box's value in one `Option` slot that the partly moved
/// path could not fill (E0282 on `#[generator]`). A place a part of which the body moves on
/// its own is now kept in parts, each in its own slot. Found with seed 901 (program 266).
#[test]
fn box_partly_moved_on_one_path_and_moved_whole_on_another() {
    check(
        Flavor::Fallible,
        "let mut bs1 = Box::new(S::new(\"bs1\", 3u64)); \
         let _ = (&bs1.g, &bs1.items, &bs1.n);\n\
         if a % 3 == 0 {\nmatch b % 3 {\n1 => {\nyield_!(Ok(bs1.n));\n}\n_ => {}\n}\n\
         yield_!(Err(1u64));\n}\nelse if a % 3 == 1 {\n\
         yield_!(Ok(wadd(bs1.n, 1u64)));\n}\nelse {\nlet mut s17 = *bs1;\n}\n\
         yield_!(Ok(b));\n",
    );
}

/// A `Copy` field that a later struct update lists (`S { n: .., ..s }` keeps `s.n` in `s`),
/// passed by value before a yield while the body borrows it elsewhere: taken for a move, it
/// left `s` partly moved across the yield, and the update's spanned error rejected a body the
/// plain function compiles. A listed field is now taken for a (checked) copy. Found with
/// seed 3 (program 8126).
#[test]
fn field_a_later_struct_update_lists_used_by_value_before_a_yield() {
    check(
        Flavor::Fallible,
        "let mut s9 = S { g: G::new(\"s9\"), items: vec![a], n: wmul(8u64, a) }; \
         let _ = (&s9.g, &s9.items, &s9.n);\n\
         yield_!(Ok(wadd(s9.n, b)));\n\
         let mut s18 = S { items: vec![p.id()], n: 81u64, ..s9 }; \
         let _ = (&s18.g, &s18.items, &s18.n);\n",
    );
}

/// The other side of the test above: a field a struct update lists, moved out after the
/// update (`consume(s.g)`), is a move, not a copy (E0277 for a field that is not `Copy`).
/// Found with seed 4 (program 73).
#[test]
fn field_a_struct_update_listed_moved_after_the_update() {
    check(
        Flavor::Sync,
        "let mut s1 = S::new(\"s1\", a); let _ = (&s1.g, &s1.items, &s1.n);\n\
         let mut s2 = S { g: G::new(\"s2\"), ..s1 }; let _ = (&s2.g, &s2.items, &s2.n);\n\
         yield_!(s2.n);\nconsume(s1.g);\nyield_!(b);\n",
    );
}

/// Two struct updates of the same value listing different fields (`S { g: .., ..s }`, later
/// `S { items: .., n: .., ..s }`) shared one "fields it takes" place, so the first update
/// also took `s.g`, which the macro then dropped at the next yield instead of at the
/// reassignment of `s`. Each update has its own place. Found in CI's frame-layout batch
/// (seed 670474111, program 110).
#[test]
fn two_struct_updates_of_one_value_listing_different_fields() {
    check(
        Flavor::Sync,
        "let mut s1 = S { g: G::new(\"s1\"), items: vec![a], n: a }; \
         let _ = (&s1.g, &s1.items, &s1.n);\n\
         let mut s3 = S { g: G::new(\"s3\"), ..s1 }; let _ = (&s3.g, &s3.items, &s3.n);\n\
         yield_!(wadd(s1.n, (if a % 2 == 0 { b } else { s1.g.id() })));\n\
         s1 = S::new(\"r6\", b);\n\
         let mut s9 = S { items: vec![b], n: 6u64, ..s1 }; let _ = (&s9.g, &s9.items, &s9.n);\n",
    );
}

/// A box whose field the macro took for moved (`wadd(bs.n, ..)` with `bs.n` also borrowed),
/// so the state held its other parts in hidden locals, then given a whole new value in a
/// loop that does not yield: the first assignment must drop the held parts (the old value)
/// and later ones the previous new value. The parts dropped at the end of the scope instead.
/// Found by a 10,000-program run (seed 7, program 4524).
#[test]
fn partly_moved_box_assigned_again_in_a_loop_without_a_yield() {
    check(
        Flavor::Sync,
        "let x1 = wadd(G::new(\"t\").id(), 2u64);\n\
         match 6u64 % 4 {\n1 | 2 => {\nif x1 < 7 {\n} else {\n\
         let mut bs = Box::new(S::new(\"bs\", wmul(b, 8u64))); \
         let _ = (&bs.g, &bs.items, &bs.n);\n\
         yield_!(wadd(bs.n, wadd(p.id(), 2u64)));\n\
         for i in 0..2u64 {\nbs = Box::new(S::new(\"r\", wmul(4u64, 7u64)));\n}\n\
         }\n}\nn => (),\n}\n",
    );
    check(
        Flavor::Sync,
        "let mut s = S::new(\"s\", a); let _ = &s.n;\n\
         yield_!(wadd(s.n, 1u64));\n\
         let mut k = 0u64;\nwhile k < 3 {\ns = S::new(\"r\", k);\nk += 1;\n}\n\
         yield_!(s.n);\n",
    );
}

/// A struct update takes `s1.g`; `s1` then gets a whole new value on one path only and is
/// kept across a yield. The fuzzer's program did not name `s1.g` anywhere (README limit 3:
/// such a field drops at the next suspension), so the new value's guard dropped early; the
/// fuzzer now names every field of a value a struct update took fields from once it is given
/// a new value, as the README's fix says, and the program then behaves like the plain
/// function (frame-layout run, seed 9, program 3873).
#[test]
fn struct_update_base_given_a_new_value_on_one_path() {
    check(
        Flavor::Sync,
        "let mut s1 = S::new(\"s1\", b); let _ = (&s1.g, &s1.items, &s1.n);\n\
         let mut s3 = S { items: vec![3u64], n: 2u64, ..s1 }; \
         let _ = (&s3.g, &s3.items, &s3.n);\n\
         match b % 4 {\nn4 if n4 > 0 && wadd(3u64, n4) > b => {\ns1 = S::new(\"r\", 4u64);\n}\n\
         n4 => (),\n}\n\
         yield_!(b);\n",
    );
}

/// A field passed by value (`wadd(s.n, 9)`, borrowed elsewhere, so taken for a move) before a
/// struct update that takes it (`S { g: .., ..s }` takes `s.n`): the update reads the field
/// again, so the use was a copy; it was taken for a move, and the update's error rejected the
/// body (frame-layout run, seed 13, program 5853).
#[test]
fn field_used_by_value_before_a_struct_update_that_takes_it() {
    check(
        Flavor::Sync,
        "let c = 1u64;\n\
         let mut s12 = S { g: G::new(\"s12\"), items: vec![a, 2u64], n: 35u64 };\n\
         let mut s14 = S { items: vec![b], n: 3u64, ..s12 }; \
         let _ = (&s14.g, &s14.items, &s14.n);\n\
         match 5u64 % 4 {\n\
         n15 if n15 > 2 && (if n15 < 5 { n15 } else { c }) < 3 => {\n\
         yield_from!((vec![(c ^ 3u64), wadd(s14.n, 9u64)]));\n\
         let mut s21 = S { g: G::new(\"u22\"), ..s14 };\n\
         }\n\
         n15 => yield_!(c),\n\
         }\n",
    );
}

/// A `while let` whose scrutinee holds an `if` expression the plan lowers was desugared into
/// `let t = let Some(q) = ..;`: "expected expression, found `let` statement". The scrutinee
/// is now evaluated into the temporary and the pattern kept (`if let Some(q) = t`).
#[test]
fn while_let_whose_scrutinee_is_lowered() {
    check(
        Flavor::Sync,
        "if b % 2 == 0 {\nlet mut x13 = a % 3;\nlet mut c14 = 0u64;\n\
         while let Some(q) = (if c14 < 2 { Some(wadd(x13, c14)) } else { None }) {\n\
         c14 += 1;\nx13 = a ^ c14;\nyield_!(wadd(p.id(), q));\n}\n}\n",
    );
}

/// A number copied out of a `Cell` (`c.get()`) was taken for a likely borrow of the cell, so
/// a tuple built from it with a guard, dead at the next yield, dropped before the consumer
/// saw the item. Found with seed 216 (program 1461).
#[test]
fn tuple_built_from_a_copy_out_of_a_cell() {
    check(
        Flavor::Sync,
        "let c1 = ::std::cell::Cell::new(a);\nlet x2 = c1.get();\n\
         let t19 = (G::new(\"t19\"), vec![x2, 9u64], 3u64); let _ = (&t19.0, &t19.1, &t19.2);\n\
         yield_!(wadd(t19.2, x2));\n",
    );
}

/// A `let` that extends the temporary of each branch (`&G::new(..)`), whose condition holds
/// a branch value beside a number (`if c { 0u64 } else { t.2 }`, `{ x }`): the value was
/// taken for a move on one path, the compound lowered into joins, and the extended
/// temporaries lost (E0505/E0716). Beside a number, it is a number: read in place.
#[test]
fn branch_value_beside_a_number_in_an_extending_let_condition() {
    check(
        Flavor::Sync,
        "let t3 = (a, G::new(\"t3\"), b);\nfor i in Vec::<u64>::from([a, 0u64]) {\n\
         let r = if (if a % 2 == i { 0u64 } else { t3.2 }) % 2 == 0 { &G::new(\"x\") } \
         else { &G::new(\"y\") };\nlet x = r.id();\nyield_!(x);\n\
         let r2 = if (if b > 3u64 { i } else { 9u64 }) > 4 { &G::new(\"u\") } \
         else { &G::new(\"v\") };\nyield_!(r2.id());\nif b < 2 { yield_!(0u64); continue; }\n\
         yield_!(t3.1.id());\n}\n",
    );
}

/// `Err(e)?` in one arm of a `let`'s `match` always leaves; a `let` whose yielding arm
/// leaves binds the other arms' value in the same step; `return Err(e)` ends a generator of
/// `Result` items with its error.
#[test]
fn lets_whose_other_arms_leave_and_return_err() {
    check(
        Flavor::Fallible,
        "let mut words = vec![String::from(\"ab\"), format!(\"{}\", a)];\n\
         for i in 0..3u64 {\nlet x = match (a + i) % 3 {\n0 => Err(b)?,\nn => n,\n};\n\
         let r = match words.first() {\nSome(s) if s.len() < 4 => s,\n\
         _ => {\nyield_!(Ok(x));\ncontinue;\n}\n};\nyield_!(Ok(r.len() as u64));\n\
         words.push(p.id().to_string());\nif i == b { return Err(q.id()); }\n}\n",
    );
}

/// A temporary a `let` extends (`let r = if c { &G::new(..) } else { .. };`) in a block that
/// does not yield, followed by a compound the analysis lowers (an assignment from an `if`
/// that moves `q` on one branch): the block was split into states and the temporary dropped
/// at the first state change, before the compound's locals (10,000-program run, seed 9401,
/// program 4906). Such a block's extended temporaries are now hidden locals too.
#[test]
fn extended_temporary_before_a_compound_lowered_without_a_yield() {
    check(
        Flavor::Fallible,
        "let mut x14 = 7u64;\n\
         {\n\
         let r17 = if chk(9u64)? % 2 == 0 { &G::new(\"t16.a\") } else { &G::new(\"t16.b\") };\n\
         x14 = if wmul(q.id(), 2u64) < 6 { (wadd(6u64, 7u64) % 6) } else {\n\
         let gv18 = vec![q, G::new(\"gv1819.n20\")];\n\
         chk((if b < 1 { x14 } else { b }))?;\n\
         (if chk(0u64)? < 1 { wmul(b, 3u64) } else { a })\n\
         }\n\
         ;\n\
         }\n\
         let x21 = G::new(\"t22\").id();\n\
         if (x21 > 2u64 && b > (0u64 % 1)) {\n\
         for g23 in [G::new(\"g23.0\")] {\n\
         match wmul(wadd(2u64, 1u64), 3u64) % 4 {\n\
         n38 => yield_!(Ok(x14)),\n\
         }\n\
         }\n\
         }\n\
          else {\n\
         }\n",
    );
}

/// A guard made from a borrow of a local (`span_of(&q, ..)`, which the macro cannot tell
/// from a value holding the borrow) moved into a `vec!` that is dead at the yield: the vector
/// holds the guard, and both dropped at the yield instead of at the end of the body (seed
/// 12066, programs 3013, 3813, 3964).
#[test]
fn guard_made_from_a_borrow_moved_into_a_vec_dead_at_the_yield() {
    check(
        Flavor::Sync,
        "let sp4 = span_of(&q, \"sp4\");\nlet gv6 = vec![sp4, G::new(\"gv6\")];\nyield_!(wadd(5u64, a));\n",
    );
}

/// A slice pattern's binding used after a method named like a consuming std one
/// (`g9.count()`, `G::count` takes `&self`) was taken for a `Copy` value: a compile error
/// asking `G: Copy` (CI's seed 987684814, program 250).
#[test]
fn binding_used_after_a_method_named_like_a_consuming_one_is_no_copy() {
    check(
        Flavor::Sync,
        "let arr8 = [G::new(\"n0\"), G::new(\"n1\"), G::new(\"n2\")];\nlet [_, g9, ..] = arr8;\nlet x13 = { yield_!(3u64); 2u64 } % 5;\nlet x14 = g9.count();\nyield_!(x14 + x13 + g9.id());\n",
    );
}
