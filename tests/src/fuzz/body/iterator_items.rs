//! Items of iterators over a local, and values read through references into locals:
//! - `for x in &mut it` over an iterator a function makes (`make_iter(..)`), used after;
//! - `parts.next()` of `let mut parts = text.split(',')`: `if let`, `unwrap_or`, a pair;
//! - `stack.push(*m)` of items borrowed from a `Vec` local, popped across yields;
//! - `&Tag("t")` temporaries a `let` extends (a constructor of a type with a `Drop`);
//! - an array of guards destructured by a pattern that leaves elements (`[a, _, _]`);
//! - values of their own made from a borrow, dead at the yield: a `move` closure owning a
//!   guard, `Rc::clone(&r)`, `iter().cloned().collect()` of values with a `Drop`;
//! - a `match`/`if let`/`while let` scrutinee that reads through a temporary it makes
//!   (`G::new("t").id()`, `vec![..].as_slice()`, `format!(..).split(',').next()`, a
//!   function's value made from a borrow of a local, `hold(&t).len()`, or behind a `?`,
//!   `made("t", x)?.id()`), with yields in the arm, and a part of a borrow of a text local
//!   read after a yield;
//! - a yield's operand reading through a function's value made from a borrow of a local
//!   (`yield_!(hold(&t).len())`), a `String` moved into a range, `lines()` of text of a
//!   type the macro cannot see (`text_of(n)`) kept across the loop's yields, and a `while
//!   let` scrutinee's guard of the generator's own lock;
//! - a guard moved by an operator on some paths (`acc = acc + m;`), a loop over a borrow of
//!   a local left right after its yield (`yield_!(..); break;`), an owned value an
//!   `Option::map` makes of an element (`.map(str::len)`), a `macro_rules!` of the body that
//!   changes or moves a local;
//! - `move` closures kept across yields that call a local closure or read through a box
//!   they own (`move |x| dbl(dbl(x))`, `move |x| wadd(x, bx.id())`), and a borrow of a
//!   temporary in a call whose later argument yields (`id_plus(&G::new(..), { yield; k })`);
//! - guards gathered through a `filter` whose closure reads a local (`.filter(|g| g.id() >=
//!   lim).collect()`, `.max_by_key(..)`), owned items looped over or kept across yields;
//! - a `match` on a borrow of a field of a value a function made (`match &cfg.mode`), whose
//!   bindings are read after the arm's yields;
//! - `ref` bindings into values that are no locals (`if let Some(ref g) = ..`, `while let
//!   Some(ref mut g) = stack.pop()`, `let Some(ref g) = .. else`, `for ref g in ..`).

use super::{Gen, Ty};

impl Gen {
    pub(super) fn iterator_items(&mut self) -> String {
        match self.rng.below(10) {
            9 => self.ref_bindings(),
            8 => self.owned_and_moved(),
            7 => self.borrowing_temporary(),
            6 => self.scrutinee_temporary(),
            0 => self.step_unknown_iterator(),
            1 => self.split_items(),
            2 => self.push_copies(),
            3 => self.constructed_temporary(),
            4 => self.array_pattern(),
            _ => self.owned_copies(),
        }
    }

    /// `for x in &mut it` over `make_iter(..)`, then `it.count()`.
    fn step_unknown_iterator(&mut self) -> String {
        let (it, x) = (self.fresh("it"), self.fresh("x"));
        let (e1, e2, stop) = (self.int(1), self.int(1), self.int(1));
        let yield_x = self.yield_of(&x);
        let count = self.yield_of(&format!("({it}.count() as u64)"));
        format!(
            "let mut {it} = make_iter({e1}, {e2});\nfor {x} in &mut {it} {{\n{yield_x}\nif {x} == {stop} {{ break; }}\n}}\n{count}\n"
        )
    }

    /// An item of `text.split(',')` bound by a `let` iterator, dead at the next yield.
    fn split_items(&mut self) -> String {
        let (pre, t) = self.text_local();
        let (p, m, m2) = (self.fresh("parts"), self.fresh("m"), self.fresh("m"));
        let take = match self.rng.below(3) {
            0 => {
                let y = self.yield_of(&format!("({m}.len() as u64)"));
                format!("if let Some({m}) = {p}.next() {{\n{y}\n}}\n")
            }
            1 => {
                let y = self.yield_of(&format!("({m}.len() as u64)"));
                format!("let {m} = {p}.next().unwrap_or(\"\");\n{y}\n")
            }
            _ => {
                let y = self.yield_of(&format!(
                    "({m}.map_or(0, str::len) + {m2}.map_or(0, str::len)) as u64"
                ));
                format!("let ({m}, {m2}) = ({p}.next(), {p}.next());\n{y}\n")
            }
        };
        let after = self.yield_of(&format!("({t}.len() as u64)"));
        format!("{pre}let mut {p} = {t}.split(',');\n{take}{after}\n")
    }

    /// Numbers copied out through references into a `Vec` local onto a stack, popped across
    /// yields.
    fn push_copies(&mut self) -> String {
        let (v, st, m, k) = (
            self.fresh("v"),
            self.fresh("stack"),
            self.fresh("m"),
            self.fresh("k"),
        );
        let (e1, e2) = (self.int(1), self.int(1));
        let y = self.yield_of(&k);
        let rest = self.yield_of(&format!("({v}.len() as u64)"));
        format!(
            "let {v} = vec![{e1}, {e2}, 3u64];\nlet mut {st}: Vec<u64> = Vec::new();\nfor {m} in {v}.iter().rev() {{\n{st}.push(*{m});\n}}\nwhile let Some({k}) = {st}.pop() {{\n{y}\n}}\n{rest}\n"
        )
    }

    /// `let r = &Tag("t");` (or a pair, or `&Some(Tag(..))`) read after a yield.
    fn constructed_temporary(&mut self) -> String {
        let (r, t) = (self.fresh("r"), self.fresh("tag"));
        let (init, read) = match self.rng.below(3) {
            0 => (format!("&Tag(\"{t}\")"), format!("{r}.id()")),
            1 => (
                format!("(&Tag(\"{t}.a\"), &Tag(\"{t}.b\"))"),
                format!("wadd({r}.0.id(), {r}.1.id())"),
            ),
            _ => (
                format!("&Some(Tag(\"{t}\"))"),
                format!("{r}.as_ref().map_or(0, Tag::id)"),
            ),
        };
        let x = self.fresh("x");
        self.declare(x.clone(), Ty::Int);
        let y = self.yield_expr();
        format!("let {r} = {init};\nlet {x} = {read};\n{y};\n")
    }

    /// `let [first, _, last] = arr;` of guards: the elements left drop with `arr`.
    fn array_pattern(&mut self) -> String {
        let (arr, a, b) = (self.fresh("arr"), self.fresh("g"), self.fresh("g"));
        let label = self.fresh("n");
        let pat = match self.rng.below(3) {
            0 => format!("[{a}, _, _]"),
            1 => format!("[{a}, _, {b}]"),
            _ => format!("[_, {a}, ..]"),
        };
        let bound_b = pat.contains(&b);
        self.declare(a.clone(), Ty::Guard);
        if bound_b {
            self.declare(b.clone(), Ty::Guard);
        }
        let y = self.yield_expr();
        format!(
            "let {arr} = [G::new(\"{label}.0\"), G::new(\"{label}.1\"), G::new(\"{label}.2\")];\nlet {pat} = {arr};\n{y};\n"
        )
    }

    /// A value of its own made from a borrow and dead at the next yield: it drops at the end
    /// of its block.
    fn owned_copies(&mut self) -> String {
        let (v, x, label) = (self.fresh("v"), self.fresh("x"), self.fresh("own"));
        // (The initializers below must not read `x`: it is declared after them.)
        let e = self.int(1);
        self.declare(x.clone(), Ty::Int);
        let y = self.yield_expr();
        match self.rng.below(3) {
            0 => {
                let g = self.fresh("g");
                format!(
                    "let {v} = {{\nlet {g} = G::new(\"{label}\");\nmove |w: u64| wadd(w, {g}.id())\n}};\nlet {x} = {v}({e});\n{y};\n"
                )
            }
            1 => {
                let c = self.fresh("c");
                let after = self.yield_of(&format!("(std::rc::Rc::strong_count(&{v}) as u64)"));
                format!(
                    "let {v} = std::rc::Rc::new(G::new(\"{label}\"));\nlet {c} = std::rc::Rc::clone(&{v});\nlet {x} = {c}.id();\n{y};\n{after}\n"
                )
            }
            _ => {
                let c = self.fresh("c");
                format!(
                    "let {v} = vec![Tag(\"{label}.a\"), Tag(\"{label}.b\")];\nlet {c}: Vec<Tag> = {v}.iter().cloned().collect();\nlet {x} = {c}.len() as u64;\n{y};\n"
                )
            }
        }
    }

    /// A scrutinee that reads through a temporary it makes, an arm that yields twice (the
    /// temporary lives until the construct ends), or a part of a borrow of a text local
    /// read after a yield.
    fn scrutinee_temporary(&mut self) -> String {
        let (k, t) = (self.fresh("k"), self.fresh("t"));
        let (e1, e2) = (self.int(1), self.int(1));
        let first = self.yield_of(&k);
        let second = self.yield_expr();
        match self.rng.below(5) {
            0 => format!(
                "match G::new(\"{t}\").id().checked_add({e1}) {{\nSome({k}) => {{\n{first}\n{second};\n}}\nNone => {{}}\n}}\n"
            ),
            // A function's value behind a `?`, which lives until the construct ends.
            4 if self.flavor == super::Flavor::Fallible => format!(
                "match made(\"{t}\", {e2})?.id().checked_add({e1}) {{\nSome({k}) => {{\n{first}\n{second};\n}}\nNone => {{}}\n}}\n"
            ),
            1 => format!(
                "match vec![{e1}, {e2}].as_slice() {{\n[{k}, ..] => {{\nlet {k} = *{k};\n{first}\n{second};\n}}\n[] => {{}}\n}}\n"
            ),
            2 => {
                let w = self.fresh("w");
                let y = self.yield_of(&format!("({w}.len() as u64)"));
                format!(
                    "while let Some({w}) = format!(\"{{}},{{}}\", {e1}, {e2}).split(',').next() {{\n{y}\n{second};\nbreak;\n}}\n"
                )
            }
            _ => {
                let (pre, t) = self.text_local();
                let w = self.fresh("w");
                let y = self.yield_of(&format!("({w}.len() as u64)"));
                format!("{pre}if let Some({w}) = {t}.split(',').next() {{\n{second};\n{y}\n}}\n")
            }
        }
    }

    /// A value of a function made from a borrow of a text local, read in place by a yield's
    /// operand or a scrutinee; a `String` moved into a range; `lines()` of unseen-type text;
    /// a guard of the generator's own lock in a `while let` scrutinee.
    fn borrowing_temporary(&mut self) -> String {
        let (pre, t) = self.text_local();
        let second = self.yield_expr();
        let k = self.fresh("k");
        let body = match self.rng.below(5) {
            0 => {
                let y = self.yield_of(&format!("hold(&{t}).len()"));
                format!("{y}\n")
            }
            1 => {
                let first = self.yield_of(&k);
                format!(
                    "match hold(&{t}).len() {{\n0 => {{}}\n{k} => {{\n{first}\n{second};\n}}\n}}\n"
                )
            }
            2 => {
                let r = self.fresh("r");
                let y = self.yield_of(&format!("({r}.start.len() as u64)"));
                format!("let {k} = {t}.clone();\nlet {r} = {k}..;\n{y}\n{second};\n")
            }
            3 => {
                let (u, l) = (self.fresh("u"), self.fresh("l"));
                let e = self.int(1);
                let y = self.yield_of(&format!("({l}.len() as u64)"));
                format!("let {u} = text_of({e});\nfor {l} in {u}.lines() {{\n{y}\n}}\n{second};\n")
            }
            _ => {
                // Held through the body, as Rust holds a scrutinee's temporaries.
                let (q, g) = (self.fresh("q"), self.fresh("g"));
                let y = self.yield_of(&format!("{g}.id()"));
                format!(
                    "let {q} = ::std::sync::Mutex::new(vec![G::new(\"{q}.a\"), G::new(\"{q}.b\")]);\nwhile let Some({g}) = {q}.lock().unwrap().pop() {{\n{y}\n{second};\n}}\n"
                )
            }
        };
        format!("{pre}{body}")
    }

    /// A text local in scope, or the `let` of a new one and its name.
    fn text_local(&mut self) -> (String, String) {
        if let Some(t) = self.pick_var(Ty::Text) {
            return (String::new(), t);
        }
        let t = self.fresh("text");
        let (e1, e2) = (self.int(1), self.int(1));
        self.declare(t.clone(), Ty::Text);
        let init = format!("let mut {t} = format!(\"{{}},{{}}\", {e1}, {e2});\n");
        (init, t)
    }

    /// A `ref` binding into a value that is no local, read by the yield's operand: `if let`,
    /// `while let` over a popped element, `let .. else`, `for ref` over guards.
    fn ref_bindings(&mut self) -> String {
        let (g, t) = (self.fresh("g"), self.fresh("t"));
        let e = self.int(1);
        let y = self.yield_of(&format!("{g}.id()"));
        let second = self.yield_expr();
        match self.rng.below(4) {
            // The bound is computed outside the closure (`e` may hold a `?` or an `.await`).
            0 => {
                let lim = self.fresh("lim");
                format!(
                    "let {lim} = {e} % 10;\nif let Some(ref {g}) = Some(G::new(\"{t}\")).filter(|x| x.id() <= {lim}) {{\n{y}\n{second};\n}} else {{\n{second};\n}}\n"
                )
            }
            1 => {
                let st = self.fresh("stack");
                format!(
                    "let mut {st} = vec![G::new(\"{st}.a\"), G::new(\"{st}.b\")];\nwhile let Some(ref mut {g}) = {st}.pop() {{\n{y}\n{second};\n}}\n"
                )
            }
            2 => format!(
                "let Some(ref {g}) = Some(G::new(\"{t}\")) else {{ @RET@ }};\n{y}\n{second};\n"
            ),
            _ => format!(
                "for ref {g} in [G::new(\"{t}.a\"), G::new(\"{t}.b\")] {{\n{y}\n{second};\n}}\n"
            ),
        }
    }

    /// This file's last family (module docs), one shape at a time.
    fn owned_and_moved(&mut self) -> String {
        let second = self.yield_expr();
        match self.rng.below(8) {
            6 => {
                let (v, g, lim, best) = (
                    self.fresh("v"),
                    self.fresh("g"),
                    self.fresh("lim"),
                    self.fresh("best"),
                );
                let k = self.int(1);
                let items = format!(
                    "vec![G::new(\"{v}.a\"), G::new(\"{v}.b\"), G::new(\"{v}.c\")].into_iter()"
                );
                let y = self.yield_of(&format!("{g}.id()"));
                if self.rng.chance(1, 2) {
                    format!(
                        "let {lim} = {k} % 4;\nlet {v}: Vec<G> = {items}.filter(|x| x.id() >= {lim}).collect();\nfor {g} in {v} {{\n{y}\n}}\n{second};\n"
                    )
                } else {
                    format!(
                        "let {lim} = {k} % 4;\nlet {best} = {items}.filter(|x| x.id() >= {lim}).max_by_key(|x| x.id());\n{second};\nif let Some({g}) = {best} {{\n{y}\n}}\n"
                    )
                }
            }
            7 => {
                let (cfg, k) = (self.fresh("cfg"), self.fresh("k"));
                let e = self.int(1);
                let first = self.yield_of(&format!("*{k}"));
                let after = self.yield_of(&format!("wadd(*{k}, {cfg}.g.id())"));
                format!(
                    "let {cfg} = load(\"{cfg}\", {e});\nmatch &{cfg}.mode {{\nE::A {{ n: {k}, .. }} | E::B({k}, _) => {{\n{first}\n{second};\n{after}\n}}\nE::C => {{}}\n}}\n"
                )
            }
            4 => {
                let (dbl, quad, bx, plus, i) = (
                    self.fresh("dbl"),
                    self.fresh("quad"),
                    self.fresh("bx"),
                    self.fresh("plus"),
                    self.fresh("i"),
                );
                let k = self.lit();
                let y = self.yield_of(&format!("{plus}({quad}({i}))"));
                format!(
                    "let {dbl} = |x: u64| wadd(x, x);\nlet {quad} = move |x: u64| {dbl}({dbl}(x));\nlet {bx} = Box::new(G::new(\"{bx}\"));\nlet {plus} = move |x: u64| wadd(x, {bx}.id());\nfor {i} in 0..{k} % 4 {{\n{y}\n}}\n{second};\n"
                )
            }
            5 => {
                let n = self.fresh("n");
                let t = self.fresh("t");
                let first = self.yield_in_expression();
                let k = self.int(1);
                let y = self.yield_of(&n);
                format!(
                    "let {n} = id_plus(&G::new(\"{t}\"), {{\n{first};\n{k}\n}});\n{y}\n{second};\n"
                )
            }
            0 => {
                let (acc, m, i) = (self.fresh("acc"), self.fresh("m"), self.fresh("i"));
                let y = self.yield_of(&format!("{acc}.id()"));
                format!(
                    "let mut {acc} = G::new(\"{acc}\");\nfor ({i}, {m}) in vec![G::new(\"{m}.a\"), G::new(\"{m}.b\"), G::new(\"{m}.c\")].into_iter().enumerate() {{\nif {i} % 2 == 0 {{\n{acc} = {acc} + {m};\n}}\n{y}\n}}\n{second};\n"
                )
            }
            1 => {
                let (v, g) = (self.fresh("v"), self.fresh("g"));
                let k = self.int(1);
                let y = self.yield_of(&format!("{g}.id()"));
                let after = self.yield_of(&format!("({v}.len() as u64)"));
                format!(
                    "let {v} = vec![G::new(\"{v}.a\"), G::new(\"{v}.b\")];\nfor {g} in {v}.iter() {{\nif {g}.id() >= {k} % 10 {{\n{y}\nbreak;\n}}\n}}\n{after}\n"
                )
            }
            2 => {
                let (pre, t) = self.text_local();
                let n = self.fresh("n");
                let y = self.yield_of(&n);
                format!(
                    "{pre}let {n} = {t}.split(',').next().map(str::len).unwrap_or(0) as u64;\n{second};\n{y}\n"
                )
            }
            _ => {
                let (cnt, gx, add, fin) = (
                    self.fresh("cnt"),
                    self.fresh("gx"),
                    self.fresh("add"),
                    self.fresh("fin"),
                );
                let e = self.int(1);
                let y = self.yield_of(&cnt);
                format!(
                    "let mut {cnt} = 0u64;\nlet {gx} = G::new(\"{gx}\");\nmacro_rules! {add} {{ ($x:expr) => {{ {cnt} = wadd({cnt}, $x) }}; }}\nmacro_rules! {fin} {{ () => {{ drop({gx}) }}; }}\n{add}!({e});\n{y}\n{fin}!();\n{add}!(1);\n{y}\n{second};\n"
                )
            }
        }
    }
}
