//! Statement shapes around moves, shadowing and yields:
//! - a guard moved on only some paths (`if c { consume(g) }`);
//! - `yield_!(..); continue;` with a local used on the fall-through path, and moves right
//!   before `break`/`continue`/`return`/`?`;
//! - deferred initialization (`let w; if c { w = .. } else { .. }`);
//! - yields inside expressions (`let _ = yield_!(..)`, a call argument, a tuple element, a
//!   `match` scrutinee, an `if` condition, an operand in a block);
//! - every shape of shadowing (`let x = x + 1`, in a nested block, an `if let`/`match`
//!   binding, a `let` in a loop body), each followed by a use of the outer local;
//! - std macros: `assert!`, `format!` (borrows), `vec![x, y]`;
//! - now and then what a `#[generator]` lowers `boxed`: a yield inside another macro's input,
//!   `#[cfg]` on a `let` or a yield.

use super::{Gen, Ty};

impl Gen {
    /// A read of some local (an integer, a guard's id, a field, ...), a literal if none.
    pub(super) fn local_read(&mut self) -> String {
        for _ in 0..8 {
            let a = self.atom(false);
            if !(a.ends_with("u64") && a.len() == 4) {
                return a;
            }
        }
        self.int(1)
    }

    /// Saves the move state of `name` (to undo a move on a path that leaves its scope).
    pub(super) fn state_of(&mut self, name: &str) -> (bool, u8) {
        self.var_mut(name)
            .map_or((false, 0), |v| (v.moved, v.parts))
    }

    pub(super) fn restore(&mut self, name: &str, state: (bool, u8)) {
        if let Some(v) = self.var_mut(name) {
            (v.moved, v.parts) = state;
        }
    }

    /// A guard place moved on only one path: `if c { consume(g); }`, in one branch of an
    /// `if`/`else` or in one `match` arm. It counts as moved for the rest of its scope.
    pub(super) fn cond_move(&mut self, depth: usize) -> Option<String> {
        let place = self.guard_place(false)?;
        let c = self.cond(1);
        let form = self.rng.below(4);
        let other = (form == 1 || form == 2).then(|| self.block(depth, None));
        self.scopes.push(Vec::new());
        let mv = self.move_guard_place(&place);
        self.mark(&place);
        let post = if self.rng.chance(1, 3) && self.budget > 0 {
            self.stmt(depth + 1)
        } else {
            String::new()
        };
        self.scopes.pop();
        let other = other.unwrap_or_default();
        Some(match form {
            0 => format!("if {c} {{\n{mv}{post}}}\n"),
            1 => format!("if {c} {{\n{mv}{post}}} else {other}"),
            2 => format!("if {c} {other} else {{\n{mv}{post}}}\n"),
            _ => {
                let e = self.int(1);
                format!("match {e} % 3 {{\n1 => {{\n{mv}{post}}}\n_ => {{}}\n}}\n")
            }
        })
    }

    /// In a loop: `if c { yield_!(..); continue; }` and then code that uses a local on the
    /// fall-through path.
    pub(super) fn yield_continue(&mut self) -> Option<String> {
        if self.loops.is_empty() {
            return None;
        }
        let c = self.cond(1);
        let y = self.yield_expr();
        let x = self.local_read();
        let after = self.yield_of(&x);
        Some(match self.rng.below(6) {
            0 => format!("if {c} {{\n{y};\ncontinue;\n}}\n{after}\n"),
            // A loop that advances an iterator local, used after it (`&mut it`, `it.by_ref()`,
            // `it.by_ref().take(n)`).
            5 => {
                let (it, x) = (self.fresh("it"), self.fresh("x"));
                let (e1, e2) = (self.int(1), self.int(1));
                let init = match self.rng.below(3) {
                    0 => format!("Vec::<u64>::from([{e1}, {e2}, 3u64]).into_iter()"),
                    1 => format!("({e1} % 4)..6u64"),
                    _ => {
                        format!("Vec::<u64>::from([{e1}, {e2}]).into_iter().map(|v| wadd(v, 1u64))")
                    }
                };
                let head = match self.rng.below(3) {
                    0 => format!("&mut {it}"),
                    1 => format!("{it}.by_ref()"),
                    _ => format!("{it}.by_ref().take(({} % 3) as usize)", self.int(1)),
                };
                let yield_x = self.yield_of(&x);
                let stop = self.int(1);
                let count = self.yield_of(&format!("({it}.count() as u64)"));
                format!(
                    "let mut {it} = {init};\nfor {x} in {head} {{\n{yield_x}\nif {x} == {stop} {{ break; }}\n}}\n{count}\n{after}\n"
                )
            }
            // A `let` whose value comes from the arms that do not yield, the other arm
            // yielding and leaving; the value may borrow a local.
            3 => {
                let (pre, w, after) = match self.pick_var(Ty::Words) {
                    Some(w) => (String::new(), w, after),
                    None => {
                        // The declaration may move a `String` that `after` reads: read again.
                        let decl = self.words_decl();
                        let x = self.local_read();
                        (decl, self.last_declared(), self.yield_of(&x))
                    }
                };
                // The arm's yield, made after the declaration, reads no `String` it moved.
                let y = self.yield_expr();
                let (r, v) = (self.fresh("r"), self.fresh("x"));
                self.declare(v.clone(), Ty::Int);
                let yield_v = self.yield_of(&v);
                format!(
                    "{pre}let {r} = match {w}.first() {{\nSome(s) if s.len() < 4 => s,\n_ => {{\n{y};\ncontinue;\n}}\n}};\nlet {v} = {r}.len() as u64;\n{yield_v}\n{after}\n"
                )
            }
            4 => {
                let (e, v) = (self.int(1), self.fresh("x"));
                self.declare(v.clone(), Ty::Int);
                format!(
                    "let {v} = if {c} {{\n{y};\ncontinue;\n}} else {{\nwadd({e}, {x})\n}};\n{after}\n"
                )
            }
            1 => {
                let y2 = self.yield_expr();
                format!("if {c} {{\n{y2};\n}} else {{\n{y};\ncontinue;\n}}\n{after}\n")
            }
            _ => {
                let jump = self.jump().unwrap_or_else(|| "continue;".to_string());
                format!("if {c} {{\n{y};\n{jump}\n}}\n{after}\n")
            }
        })
    }

    /// A move right before leaving: `if c { consume(g); break; }` (a guard of the innermost
    /// loop's body), `if c { drop(g); return; }` (any guard), or `consume(g); chk(x)?;`.
    /// Only the `?` form counts as a move afterwards: the others leave on that path.
    pub(super) fn move_before_exit(&mut self) -> Option<String> {
        let fallible = self.flavor == super::Flavor::Fallible;
        let kind = self.rng.below(if fallible { 4 } else { 3 });
        let jump = kind < 2 && !self.loops.is_empty();
        let place = self.guard_place(!jump && kind != 3)?;
        let c = self.cond(1);
        let before = self.state_of(&place.name);
        self.mark(&place);
        self.scopes.push(Vec::new());
        let mv = self.move_guard_place(&place);
        self.scopes.pop();
        if kind == 3 {
            let e = self.int(1);
            return Some(match self.rng.below(4) {
                0 => format!("{mv}chk({e})?;\n"),
                1 => format!("if {c} {{\n{mv}chk({e})?;\n}}\n"),
                // `Err(e)?` always leaves; the value path of the `match` goes on.
                2 => format!(
                    "if {c} {{\n{mv}let _ = match {e} % 3 {{\n0 => Err({e})?,\nn => n,\n}};\n}}\n"
                ),
                // `return Err(e)`: the error is the last item; the place stays whole after
                // the `if`, as on the path that does not leave.
                _ => {
                    self.restore(&place.name, before);
                    format!("if {c} {{\n{mv}return Err({e});\n}}\n")
                }
            });
        }
        let exit = if jump { self.jump() } else { None };
        let exit = exit.unwrap_or_else(|| "@RET@".to_string());
        self.restore(&place.name, before);
        Some(format!("if {c} {{\n{mv}{exit}\n}}\n"))
    }

    /// Deferred initialization: `let w;` assigned in every branch of an `if`/`match`, in one
    /// branch while the other leaves, or after a yield; then `w` is used.
    pub(super) fn deferred_init(&mut self) -> String {
        let w = self.fresh("w");
        let ty_ann = if self.rng.chance(1, 4) { ": u64" } else { "" };
        let (text, ty) = match self.rng.below(5) {
            0 | 1 => {
                let c = self.cond(1);
                let pre = if self.rng.chance(1, 2) {
                    format!("{};\n", self.yield_expr())
                } else {
                    String::new()
                };
                let (e1, e2) = (self.int(2), self.int(2));
                (
                    format!(
                        "let {w}{ty_ann};\nif {c} {{\n{pre}{w} = {e1};\n}} else {{\n{w} = {e2};\n}}\n"
                    ),
                    Ty::Int,
                )
            }
            2 => {
                let e = self.int(1);
                let (e1, e2, e3) = (self.int(1), self.int(1), self.int(1));
                let y = self.yield_expr();
                (
                    format!(
                        "let {w}{ty_ann};\nmatch {e} % 3 {{\n0 => {w} = {e1},\n1 => {{\n{y};\n{w} = {e2};\n}}\n_ => {w} = {e3},\n}}\n"
                    ),
                    Ty::Int,
                )
            }
            3 => {
                let c = self.cond(1);
                let label = self.fresh("n");
                let d = if self.loops.is_empty() {
                    self.diverge()
                } else {
                    "continue;".to_string()
                };
                let d = if self.rng.chance(1, 2) {
                    d
                } else {
                    self.diverge()
                };
                let pre = if self.rng.chance(1, 2) {
                    format!("{};\n", self.yield_expr())
                } else {
                    String::new()
                };
                (
                    format!(
                        "let {w};\nif {c} {{\n{w} = G::new(\"{w}.{label}\");\n}} else {{\n{pre}{d}\n}}\n"
                    ),
                    Ty::Guard,
                )
            }
            _ => {
                let y = self.yield_expr();
                if self.rng.chance(1, 2) {
                    let label = self.fresh("n");
                    (
                        format!("let {w};\n{y};\n{w} = G::new(\"{w}.{label}\");\n"),
                        Ty::Guard,
                    )
                } else {
                    let e = self.int(2);
                    (format!("let {w}{ty_ann};\n{y};\n{w} = {e};\n"), Ty::Int)
                }
            }
        };
        self.declare(w.clone(), ty);
        let usage = if self.rng.chance(1, 2) {
            let e = self.int(1);
            let x = if ty == Ty::Guard {
                format!("{w}.id()")
            } else {
                w.clone()
            };
            self.yield_of(&format!("wadd({x}, {e})")) + "\n"
        } else {
            String::new()
        };
        text + &usage
    }

    /// What a `#[generator]` lowers `boxed` (README "How it works"): a yield inside another
    /// macro's input (`vec![a, { yield_!(..); b }]`, `format!`, `assert_eq!`), `#[cfg]` on
    /// a `let` or a yield (`cfg(all())` holds, `cfg(any())` does not).
    fn boxed_by_the_macro(&mut self, y: &str) -> String {
        let (e1, e2) = (self.int(1), self.int(1));
        let x = self.fresh("x");
        let s = match self.rng.below(5) {
            0 => format!(
                "let {x} = vec![{e1}, {{ {y}; {e2} }}].iter().fold(0u64, |a, b| wadd(a, *b));\n"
            ),
            1 => format!("let {x} = format!(\"{{:?}}-{{}}\", {y}, {e1}).len() as u64;\n"),
            2 => format!("assert_eq!({y}, ());\nlet {x} = {e1};\n"),
            3 => format!("#[cfg(all())]\nlet {x} = {e1};\n#[cfg(any())]\nlet {x} = {e2};\n"),
            _ => format!(
                "#[cfg(any())]\n{y};\n#[cfg(all())]\n{y};\n#[cfg(all())]\nlet {x} = {e1};\n"
            ),
        };
        self.declare(x, Ty::Int);
        s
    }

    /// A guard a statement macro declares (`boxed_guard!(x, G::new(..));`, its `let` out of
    /// the generator macro's sight), then a yield: the body may read or move it after the
    /// yield, and it drops where its block ends (README "How it works": lowered `boxed`).
    pub(super) fn macro_declared_guard(&mut self) -> String {
        let x = self.fresh("mg");
        let label = self.fresh("n");
        let y = self.yield_expr();
        let s = format!("boxed_guard!({x}, G::new(\"{x}.{label}\"));\n{y};\n");
        self.declare(x, Ty::BoxG);
        s
    }

    /// A yield inside an expression: `let _ = yield_!(..);`, an argument of a function taking
    /// `()`, a tuple element, a `match` scrutinee, in an `if` condition, an operand.
    pub(super) fn yield_in_expr(&mut self, depth: usize, compound: bool) -> Option<String> {
        let y = self.yield_in_expression();
        if self.rng.chance(1, 20) {
            return Some(self.boxed_by_the_macro(&y));
        }
        Some(match self.rng.below(9) {
            0 => format!("let _ = {y};\n"),
            1 => {
                let e = self.int(1);
                let x = self.fresh("x");
                let s = match self.rng.below(3) {
                    0 => return Some(format!("tick({y});\n")),
                    1 => format!("let {x} = wadd(tick({y}), {e});\n"),
                    _ => format!("let {x} = wmul({e}, tick({y}));\n"),
                };
                self.declare(x, Ty::Int);
                s
            }
            2 => {
                let (e1, e2) = (self.int(1), self.int(1));
                let t = self.fresh("t");
                self.declare(t.clone(), Ty::Trio);
                format!("let {t} = ({e1}, {y}, {e2});\n")
            }
            3 => {
                let e = self.int(1);
                let (h, g) = self.new_guard("g");
                let x = self.fresh("x");
                self.declare(h.clone(), Ty::Guard);
                self.declare(x.clone(), Ty::Int);
                format!("let ({h}, (), {x}) = ({g}, {y}, {e});\n")
            }
            4 if compound => {
                let body = self.block(depth, None);
                format!("match {y} {{\n() => {body}}}\n")
            }
            5 if compound => {
                let c = self.cond(1);
                let head = if self.rng.chance(1, 2) {
                    format!("if {{ {y}; {c} }}")
                } else {
                    let c0 = self.cond(0);
                    format!("if {c0} && {{ {y}; {c} }}")
                };
                let then = self.block(depth, None);
                if self.rng.chance(1, 2) {
                    let other = self.block(depth, None);
                    format!("{head} {then} else {other}")
                } else {
                    format!("{head} {then}")
                }
            }
            6 | 7 => {
                let (e1, e2) = (self.int(1), self.int(1));
                let x = self.fresh("x");
                self.declare(x.clone(), Ty::Int);
                match self.rng.below(3) {
                    0 => format!("let {x} = {e1} ^ {{ {y}; {e2} }};\n"),
                    1 => format!("let {x} = {{ {y}; {e2} }} % 5;\n"),
                    _ => format!("let {x} = ({e1} | {{ {y}; {e2} }}) % 100;\n"),
                }
            }
            _ => {
                let e = self.int(1);
                let x = self.fresh("x");
                self.declare(x.clone(), Ty::Int);
                format!("let {x} = wadd({e}, {{ {y}; 1u64 }});\n")
            }
        })
    }

    /// `assert!`/`assert_eq!`/`debug_assert!` of something true, reading locals. Its
    /// operands are evaluated twice, so they must give the same value twice: a receiver's
    /// count (`rx.try_iter().count()`) does not (the first read drains it), so a form that
    /// reads one is drawn again.
    pub(super) fn assert_stmt(&mut self) -> String {
        for _ in 0..4 {
            let s = self.assert_form();
            if !s.contains("try_iter") {
                return s;
            }
        }
        "assert!(a == a);\n".to_string()
    }

    pub(super) fn assert_form(&mut self) -> String {
        match self.rng.below(5) {
            0 => {
                let e = self.int(1);
                format!("assert!({e} == {e});\n")
            }
            1 => {
                let x = self.local_read();
                format!("assert_eq!({x}, {x});\n")
            }
            2 => match self.pick_var(Ty::Guard) {
                Some(g) => format!("assert!({g}.id() < 10, \"{{:?}}\", {g});\n"),
                None => {
                    let x = self.local_read();
                    format!("assert!({x} <= {x});\n")
                }
            },
            3 => {
                let x = self.local_read();
                format!("assert_ne!(wadd({x}, 1u64), {x});\n")
            }
            _ => {
                let x = self.local_read();
                format!("debug_assert!({x} % 2 < 2, \"{{}}\", {x});\n")
            }
        }
    }

    /// `format!` borrowing locals (`{x}`, `{}`, `{:?}` of a guard) into a `String` local, or
    /// its length into an integer.
    pub(super) fn format_stmt(&mut self) -> String {
        let arg = match (
            self.rng.below(3),
            self.pick_var(Ty::Int),
            self.pick_var(Ty::Guard),
        ) {
            (0, Some(x), _) => format!("\"{{{x}}}\""),
            (1, _, Some(g)) => format!("\"{{:?}}/{{}}\", {g}, {}", self.int(1)),
            _ => {
                let x = self.local_read();
                format!("\"{{}}\", {x}")
            }
        };
        if self.rng.chance(1, 3) {
            let x = self.fresh("x");
            self.declare(x.clone(), Ty::Int);
            return format!("let {x} = format!({arg}).len() as u64;\n");
        }
        let t = self.fresh("text");
        self.declare(t.clone(), Ty::Text);
        format!("let mut {t} = format!({arg});\n")
    }

    /// `let mut v = vec![x, y];` (a `Vec<u64>` local).
    pub(super) fn vec_ints(&mut self) -> String {
        let v = self.fresh("st");
        let init = if self.rng.chance(1, 4) {
            format!("vec![{}; {}]", self.local_read(), 1 + self.rng.below(3))
        } else {
            let (x, y) = (self.local_read(), self.local_read());
            format!("vec![{x}, {y}]")
        };
        self.declare(v.clone(), Ty::Stack);
        format!("let mut {v} = {init};\n")
    }
}
