//! The statement and expression generator behind [`super::program::Program::generate`].
//!
//! Validity rules it keeps, so every program is valid Rust that terminates:
//! - every loop is bounded: `for` over a range/`Vec`/array, `while`/`loop` on a counter that
//!   is incremented first thing in the body (so `continue` cannot skip it), `while let` over
//!   a `Vec::pop` or a range iterator nobody else touches;
//! - a guard (or another owned value: a struct, a field of one, a `Box`, a `String`) is
//!   moved only in the loop nesting where it was declared (or right before a `return`, or a
//!   `break`/`continue` that leaves its scope), and never used after a move on any path (a
//!   move in one branch counts as a move for the rest of the scope: that branch may be the
//!   only one that moves it);
//! - integer literals carry `u64`, arithmetic wraps (`wadd`/`wmul`), so nothing panics;
//! - no reference to a local is held across a yield (a documented limit of the flat
//!   lowering, README "Limits"): `for` loops iterate owned values, closures are `move` and
//!   capture integers only, and a local that borrows another (`let s = text.trim();`) is
//!   used only before the next yield;
//! - in half the programs, when a field of a struct-like local is moved out, every other
//!   field of it is named in the body, see `places::Gen::name_fields` (the flat lowering
//!   keeps a partly moved tuple built from a literal in parts; a body keeping any other
//!   partly moved value across a yield is lowered `boxed`, README "How it works").
//!
//! Besides plain statements it writes partial moves (`s.g`, `t.0`, `*boxed`), locals that
//! borrow other locals and die before the next yield, every shape of shadowing, moves and
//! borrows inside std macros (`vec!`, `assert!`, `format!`), moves right before a jump,
//! deferred initialization (`let w;`), yields inside expressions, and by-reference method
//! calls whose names are also by-value methods elsewhere (`send`, `last`, `join`); see
//! `places` and `shapes`.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::program::Flavor;
use super::rng::Rng;

mod blocks;
mod compound;
mod exprs;
mod iterator_items;
mod places;
mod reassign;
mod shadowing;
mod shapes;
mod values;

/// The body of the program of `seed` in `flavor`, with the markers of [`super::program`].
pub fn generate(seed: u64, flavor: Flavor) -> String {
    let mut g = Gen {
        rng: Rng::new(seed),
        flavor,
        scopes: vec![Vec::new()],
        loops: Vec::new(),
        next: 0,
        budget: 0,
        fielded: HashMap::new(),
        // Half the programs name every field of a partly moved local, half leave fields
        // unnamed (dropped where the plain function drops them either way).
        name_every_field: seed.is_multiple_of(2),
    };
    g.budget = 8 + g.rng.index(30);
    for (name, ty) in [
        ("a", Ty::Int),
        ("b", Ty::Int),
        ("p", Ty::Guard),
        ("q", Ty::Guard),
    ] {
        g.declare(name.to_string(), ty);
    }
    let mut body = String::new();
    if g.rng.chance(1, 4) {
        // A lean program: no argument is kept, so a `for` loop whose body uses only its own
        // locals saves nothing but its iterator (a resident loop head).
        body.push_str("consume(p);\nconsume(q);\nlet _ = (a, b);\n");
        for v in g.scopes.iter_mut().flatten() {
            v.moved = true;
        }
    }
    while g.budget > 0 {
        body.push_str(&g.stmt(0));
    }
    let last = g.int(1);
    let _ = writeln!(body, "{}", g.yield_of(&last));
    g.resolve_fields(&body)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    Int,
    MutInt,
    Counter,
    Guard,
    Opt,
    Stack,
    Iter,
    Func,
    /// `S { g: G, items: Vec<u64>, n: u64 }` (runtime), declared `mut`.
    Struct,
    /// `(G, Vec<u64>, u64)`, declared `mut`.
    Tuple,
    /// `Box<S>`, declared `mut`.
    BoxS,
    /// `Box<G>`, declared `mut`.
    BoxG,
    /// An owned `String`, declared `mut`.
    Text,
    /// `Vec<String>`, declared `mut`.
    Words,
    /// `Vec<G>`.
    Guards,
    /// `std::sync::mpsc::Sender<u64>`.
    Sender,
    /// `std::sync::mpsc::Receiver<u64>`.
    Receiver,
    /// `(u64, (), u64)`: a tuple built around a yield.
    Trio,
}

/// The fields of a [`Ty::Struct`], [`Ty::Tuple`] or [`Ty::BoxS`] that can be moved out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    /// The guard (`s.g`, `t.0`).
    G = 1,
    /// The `Vec<u64>` (`s.items`, `t.1`).
    Items = 2,
}

impl Ty {
    /// A struct-like value with movable fields.
    fn has_fields(self) -> bool {
        matches!(self, Ty::Struct | Ty::Tuple | Ty::BoxS)
    }

    /// The name of field `f` (`None`: the `u64` one) of a struct-like value.
    fn field(self, f: Option<Field>) -> &'static str {
        match (self, f) {
            (Ty::Tuple, Some(Field::G)) => "0",
            (Ty::Tuple, Some(Field::Items)) => "1",
            (Ty::Tuple, None) => "2",
            (_, Some(Field::G)) => "g",
            (_, Some(Field::Items)) => "items",
            (_, None) => "n",
        }
    }
}

#[derive(Debug)]
struct Var {
    name: String,
    ty: Ty,
    moved: bool,
    /// Fields moved out ([`Field`] bits) of a struct-like value.
    parts: u8,
    loop_depth: usize,
    scope_depth: usize,
}

#[derive(Debug)]
struct LoopCtx {
    label: Option<String>,
    needs_value: bool,
}

const MAX_DEPTH: usize = 4;
const MAX_LOOPS: usize = 3;

#[derive(Debug)]
struct Gen {
    rng: Rng,
    flavor: Flavor,
    scopes: Vec<Vec<Var>>,
    loops: Vec<LoopCtx>,
    next: usize,
    budget: usize,
    /// The struct-like locals (unique names) with their type, and whether the body moves a
    /// field out of them (as the macro sees it: a field used by value, `Copy` or not); see
    /// [`Gen::declare_fielded`].
    fielded: HashMap<String, (Ty, bool)>,
    /// Whether every field of a partly moved struct-like local is named in the body
    /// ([`Gen::name_fields`]).
    name_every_field: bool,
}

impl Gen {
    fn fresh(&mut self, prefix: &str) -> String {
        self.next += 1;
        format!("{prefix}{}", self.next)
    }

    fn declare(&mut self, name: String, ty: Ty) {
        let (loop_depth, scope_depth) = (self.loops.len(), self.scopes.len());
        let scope = self.scopes.last_mut().expect("a scope");
        scope.push(Var {
            name,
            ty,
            moved: false,
            parts: 0,
            loop_depth,
            scope_depth,
        });
    }

    /// Names of the visible (innermost of each name), unmoved variables of type `ty`.
    fn visible(&self, ty: Ty) -> Vec<String> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for v in self.scopes.iter().flatten().rev() {
            if seen.insert(v.name.clone()) && v.ty == ty && !v.moved {
                out.push(v.name.clone());
            }
        }
        out
    }

    fn var_mut(&mut self, name: &str) -> Option<&mut Var> {
        self.scopes
            .iter_mut()
            .flatten()
            .rev()
            .find(|v| v.name == name)
    }

    fn pick_var(&mut self, ty: Ty) -> Option<String> {
        let vars = self.visible(ty);
        (!vars.is_empty()).then(|| self.rng.pick(&vars).clone())
    }

    fn stmt(&mut self, depth: usize) -> String {
        self.budget = self.budget.saturating_sub(1);
        let compound = depth < MAX_DEPTH && self.budget > 0;
        let loops_ok = compound && self.loops.len() < MAX_LOOPS;
        loop {
            // 0..=35: plain and compound statements; 36..=59: the constructs of `places` and
            // `shapes`; 60..=84 map back onto 0..=35, which weighs those more.
            let k = self.rng.below(85);
            let k = if k >= 60 { (k - 60) * 36 / 25 } else { k };
            let s = match k {
                0..=5 => Some(format!("{};\n", self.yield_expr())),
                6 | 7 => {
                    let v = self.int(2);
                    if let Some(x) = self.pick_var(Ty::Int).filter(|_| self.rng.chance(1, 3)) {
                        let v = format!("wadd({x}, {v})");
                        self.declare(x.clone(), Ty::Int);
                        Some(format!("let {x} = {v};\n"))
                    } else {
                        let mutable = self.rng.chance(1, 2);
                        let x = self.fresh("x");
                        self.declare(x.clone(), if mutable { Ty::MutInt } else { Ty::Int });
                        Some(format!(
                            "let {}{x} = {v};\n",
                            if mutable { "mut " } else { "" }
                        ))
                    }
                }
                // An assignment, or a compound one (`x ^= s.n;`: a field read by value).
                8 => self.pick_var(Ty::MutInt).map(|x| {
                    let op = ["=", "=", "^=", "|="][self.rng.below(4) as usize];
                    let field = self.rng.chance(1, 2).then(|| self.field_atom()).flatten();
                    let v = field.unwrap_or_else(|| self.int(2));
                    format!("{x} {op} {v};\n")
                }),
                9 | 10 => {
                    let shadow = self.pick_var(Ty::Guard).filter(|_| self.rng.chance(1, 3));
                    let g = shadow.unwrap_or_else(|| self.fresh("g"));
                    let label = self.fresh("n");
                    self.declare(g.clone(), Ty::Guard);
                    Some(format!("let {g} = G::new(\"{g}.{label}\");\n"))
                }
                11 => self.move_guard(),
                12 => self.pick_var(Ty::Guard).map(|g| match self.rng.below(5) {
                    0 => format!("let _ = {g};\n"),
                    4 => {
                        // Held for its drop while it holds a borrow of an owned local
                        // (`let _span = enter(&name);`), across the block's later yields.
                        let t = self.fresh("t");
                        let h = self.fresh("_h");
                        format!("let {t} = String::from(\"{t}\");\nlet {h} = hold(&{t});\n")
                    }
                    3 => {
                        // A loop over guards made by a function from a borrow of a local.
                        let s = self.fresh("sp");
                        let n = self.int(1);
                        let y = self.yield_of(&format!("{s}.id()"));
                        format!("for {s} in spans_of(&{g}, \"{s}\", {n}) {{\n{y}\n}}\n")
                    }
                    1 => {
                        // Held for its drop to the end of the block (`let _span = ..`).
                        let s = self.fresh("_s");
                        format!("let {s} = span_of(&{g}, \"{s}\");\n")
                    }
                    _ => {
                        // A guard made by a function from a borrow of a local, which the
                        // macro cannot tell from a value holding the borrow: it drops at the
                        // end of its block whether or not it is read again.
                        let s = self.fresh("sp");
                        self.declare(s.clone(), Ty::Guard);
                        format!("let {s} = span_of(&{g}, \"{s}\");\n")
                    }
                }),
                13 => {
                    let o = self.fresh("o");
                    let v = match self.rng.below(3) {
                        0 => format!("Some({})", self.int(1)),
                        1 => "None::<u64>".to_string(),
                        _ => format!(
                            "if {} {{ Some({}) }} else {{ None }}",
                            self.cond(1),
                            self.int(1)
                        ),
                    };
                    self.declare(o.clone(), Ty::Opt);
                    Some(format!("let {o} = {v};\n"))
                }
                14 => {
                    let f = self.fresh("f");
                    let c = self.atom(true);
                    self.declare(f.clone(), Ty::Func);
                    Some(format!("let {f} = move |v: u64| wadd(v, {c});\n"))
                }
                15 => {
                    let x = self.fresh("x");
                    let t = self.fresh("t");
                    // (The condition below must not read `x`.)
                    let c = self.cond(0);
                    self.declare(x.clone(), Ty::Int);
                    if self.rng.chance(1, 2) {
                        // A temporary the `let` extends to the end of the block, also when an
                        // `if` branch makes it.
                        let r = self.fresh("r");
                        let m = if self.rng.chance(1, 3) { "mut " } else { "" };
                        let init = if self.rng.chance(1, 3) {
                            format!(
                                "if {c} {{ &{m}G::new(\"{t}.a\") }} else {{ &{m}G::new(\"{t}.b\") }}"
                            )
                        } else {
                            format!("&{m}G::new(\"{t}\")")
                        };
                        Some(format!("let {r} = {init};\nlet {x} = {r}.id();\n"))
                    } else {
                        Some(format!("let {x} = G::new(\"{t}\").id();\n"))
                    }
                }
                16 => {
                    let v = self.yield_from_operand();
                    Some(format!("yield_from!(@YF({v})YF@);\n"))
                }
                17 if self.flavor == Flavor::Fallible => Some(format!("chk({})?;\n", self.int(1))),
                17 if self.flavor == Flavor::Stream => Some("@SLEEP@\n".to_string()),
                18 if !self.loops.is_empty() => {
                    let c = self.cond(1);
                    self.jump().map(|j| format!("if {c} {{ {j} }}\n"))
                }
                19 if self.rng.chance(1, 3) => Some(format!("if {} {{ @RET@ }}\n", self.cond(1))),
                20..=22 if compound => Some(self.if_stmt(depth)),
                23 | 24 if compound => Some(self.match_stmt(depth)),
                25 if compound => self.let_else(),
                26..=30 if loops_ok => Some(self.loop_stmt(depth)),
                31 | 32 if compound => Some(self.value_let(depth)),
                33 if compound => Some(self.block(depth, None)),
                34 if compound => Some(self.block(depth, Some(|g: &mut Gen| g.yield_expr()))),
                35 if compound => {
                    let c = self.cond(1);
                    let y1 = self.yield_expr();
                    let y2 = self.yield_expr();
                    Some(format!("if {c} {{ {y1} }} else {{ {y2} }}\n"))
                }
                // A guard moved on only some paths.
                36 if compound => self.cond_move(depth),
                // Partial moves (a struct-like local is declared first when there is none).
                37 | 38 => {
                    let loop_ok = loops_ok && self.rng.chance(1, 2);
                    Some(self.partial_move(depth, loop_ok))
                }
                39 => self.reassign_place(),
                // Strings, and locals that borrow them until the next yield.
                40 => self.text_mut(),
                41 if self.rng.chance(1, 2) => Some(self.iterator_items()),
                41 => Some(self.borrow_dead()),
                // Shadowing.
                42 => self.shadow_let(),
                43 if compound => self.shadow_block(depth),
                44 if compound => self.shadow_binding(depth),
                45 if loops_ok => self.shadow_loop(depth),
                // Std macros.
                46 if self.rng.chance(1, 4) => Some(self.macro_declared_guard()),
                46 => Some(self.vec_guard()),
                47 => Some(self.assert_stmt()),
                48 => Some(self.format_stmt()),
                49 => Some(self.vec_ints()),
                // Yields and moves right before jumps.
                50 => self.yield_continue(),
                51 => self.move_before_exit(),
                // Deferred initialization.
                52 => Some(self.deferred_init()),
                // Yields inside expressions.
                53 | 54 => self.yield_in_expr(depth, compound),
                // `&self` methods named like by-value ones: `send`, `join`, `last`, a guard's `count`
                // and `get`.
                55 => Some(self.channel_stmt()),
                56 if self.rng.chance(1, 3) => self.users_named_like_std(),
                56 => Some(self.words_stmt()),
                // A scrutinee that borrows a `Vec` local and is dead at the arm's yield
                // (`if let Some(l) = v.last()`), a number copied out of a `Cell`.
                57 if self.rng.chance(1, 3) => {
                    let (pre, v) = match self.pick_var(Ty::Stack) {
                        Some(v) => (String::new(), v),
                        None => {
                            let pre = self.vec_ints();
                            let v = self.pick_var(Ty::Stack).expect("declared");
                            (pre, v)
                        }
                    };
                    let (l, x) = (self.fresh("l"), self.fresh("x"));
                    let y = self.yield_of(&x);
                    Some(format!(
                        "{pre}if let Some({l}) = {v}.last() {{\nlet {x} = *{l};\n{y}\n}}\n"
                    ))
                }
                57 if self.rng.chance(1, 2) => {
                    let (c, x) = (self.fresh("c"), self.fresh("x"));
                    let v = self.int(1);
                    self.declare(x.clone(), Ty::Int);
                    Some(format!(
                        "let {c} = ::std::cell::Cell::new({v});\nlet {x} = {c}.get();\n{c}.set(wadd({x}, 1u64));\n"
                    ))
                }
                57 => self.last_atom().map(|e| {
                    let x = self.fresh("x");
                    self.declare(x.clone(), Ty::Int);
                    format!("let {x} = {e};\n")
                }),
                58 => self.guards_use(depth, loops_ok),
                // A `Copy` field read by value while a guard next to it lives on (a record's
                // field, or a number bound out of an enum variant).
                59 if self.rng.chance(1, 2) => Some(self.record_id()),
                59 => Some(self.variant_match(compound)),
                _ => None,
            };
            if let Some(s) = s {
                return s;
            }
        }
    }

    /// A guard (or the guard field of a struct-like local, or a `Box<G>`) moved, in the
    /// loop nesting that declared it, possibly inside a branch (a move on one path).
    fn move_guard(&mut self) -> Option<String> {
        let place = self.guard_place(false)?;
        self.mark(&place);
        Some(match self.rng.below(4) {
            0 if place.field.is_none() && place.ty == Ty::Guard => format!("{};\n", place.name),
            _ => self.move_guard_place(&place),
        })
    }
}
