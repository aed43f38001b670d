//! Compound statements: `if`, `match`, `let .. else`, loops, value-producing expressions.

use super::{Gen, MAX_LOOPS, Ty, Var};

impl Gen {
    pub(super) fn if_stmt(&mut self, depth: usize) -> String {
        if self.rng.chance(1, 7) {
            return self.moving_chain(depth);
        }
        if self.rng.chance(1, 6)
            && let Some(o) = self.pick_var(Ty::Opt)
        {
            // The unbound half of the `if let`'s temporary drops at the end of the `if`.
            let y = self.fresh("y");
            let (_, guard) = self.new_guard("t");
            let then = self.arm_block(depth, std::slice::from_ref(&y));
            let yield_y = self.yield_of(&y);
            return format!("if let (Some({y}), _) = ({o}, {guard}) {{\n{yield_y}\n{then}\n}}\n");
        }
        let head = match (self.rng.below(4), self.pick_var(Ty::Opt)) {
            (0, Some(o)) => {
                let y = self.fresh("y");
                let then = self.arm_block(depth, std::slice::from_ref(&y));
                format!("if let Some({y}) = {} {then}", o)
            }
            (1, Some(o)) => {
                let y = self.fresh("y");
                let c = self.cond(1);
                self.scopes.push(vec![self.int_var(&y)]);
                let extra = format!("{y} % 3 != {}", self.rng.below(3));
                self.scopes.pop();
                let then = self.arm_block(depth, std::slice::from_ref(&y));
                format!("if {c} && let Some({y}) = {} && {extra} {then}", o)
            }
            _ => {
                let c = self.cond(2);
                let then = self.block(depth, None);
                format!("if {c} {then}")
            }
        };
        match self.rng.below(3) {
            0 => format!("{head}\n"),
            1 => format!("{head} else {}", self.block(depth, None)),
            _ => {
                let c = self.cond(1);
                let b1 = self.block(depth, None);
                let b2 = self.block(depth, None);
                format!("{head} else if {c} {b1} else {b2}")
            }
        }
    }

    /// `if let Some(y) = o && c { .. } else { .. }` whose pattern moves a guard out of the
    /// local `o` before a later part may fail: the `else` and what follows have `o` moved on
    /// some paths only; `y` drops before `else` when `c` is false. Also as a value.
    fn moving_chain(&mut self, depth: usize) -> String {
        let o = self.fresh("o");
        let y = self.fresh("y");
        let (_, guard) = self.new_guard("m");
        let some = self.cond(1);
        let decl = format!("let {o} = if {some} {{ Some({guard}) }} else {{ None }};\n");
        let k = self.rng.below(3);
        let chain = match self.rng.below(3) {
            0 => format!("let Some({y}) = {o} && {y}.id() % 3 != {k}"),
            1 => format!(
                "{} && let Some({y}) = {o} && {y}.id() % 3 != {k}",
                self.cond(1)
            ),
            _ => format!("let Some({y}) = {o} && {}", self.cond(1)),
        };
        let y_var = Var {
            ty: Ty::Guard,
            ..self.int_var(&y)
        };
        if self.rng.chance(1, 3) {
            // The chain's value.
            let v = self.fresh("x");
            let other = self.int(1);
            self.declare(v.clone(), Ty::Int);
            return format!(
                "{decl}let {v} = if {chain} {{ {y}.id() }} else {{ {other} }};\n{}\n",
                self.yield_of(&v)
            );
        }
        self.scopes.push(vec![y_var]);
        let yield_y = self.yield_of(&format!("{y}.id()"));
        let then = self.block(depth, None);
        self.scopes.pop();
        let otherwise = match self.rng.below(3) {
            0 => String::new(),
            1 => format!(" else {}", self.block(depth, None)),
            _ => {
                let c = self.cond(1);
                let b1 = self.block(depth, None);
                let b2 = self.block(depth, None);
                format!(" else if {c} {b1} else {b2}")
            }
        };
        format!("{decl}if {chain} {{\n{yield_y}\n{then}\n}}{otherwise}\n")
    }

    pub(super) fn match_stmt(&mut self, depth: usize) -> String {
        let mut s;
        if self.rng.chance(1, 6) {
            // A place matched in place (`ref` into an element), with a yield in the arm.
            let (pre, w) = match self.pick_var(Ty::Words) {
                Some(w) => (String::new(), w),
                None => {
                    let decl = self.words_decl();
                    (decl, self.last_declared())
                }
            };
            let y = self.fresh("y");
            let yield_len = self.yield_of(&format!("({y}.len() as u64)"));
            let arm = self.arm_block(depth, &[]);
            return format!(
                "{pre}if !{w}.is_empty() {{\nmatch {w}[0] {{\nref {y} => {{\n{yield_len}\n{arm}\n}}\n}}\n}}\n"
            );
        }
        if self.rng.chance(1, 6) {
            // A place a lock's guard holds, matched while the arms yield: the guard lives
            // until the `match` (the `if let` block) ends.
            let y = self.fresh("y");
            let scrutinee = [
                "*SHARED.lock()",
                "SHARED.lock().get()",
                "SHARED.lock().pair.0",
            ][self.rng.below(3) as usize];
            let yield_y = self.yield_of(&y);
            let arm = self.arm_block(depth, std::slice::from_ref(&y));
            let other = self.arm(depth, &[]);
            return if self.rng.chance(1, 2) {
                format!(
                    "match {scrutinee} {{\n{y} if {y} % 2 == 0 => {{\n{yield_y}\n{arm}\n}}\n_ => {other}}}\n"
                )
            } else {
                let other = other.trim_end().trim_end_matches(',');
                let other = if other.starts_with('{') {
                    other.to_owned()
                } else {
                    format!("{{ {other}; }}")
                };
                format!("if let {y} @ 0..=2 = {scrutinee} {{\n{yield_y}\n{arm}\n}} else {other}\n")
            };
        }
        if self.rng.chance(1, 5) {
            // A temporary matched by an enum pattern that leaves a guard unbound: it drops at
            // the end of the arm, after the binding.
            let y = self.fresh("y");
            let (_, guard) = self.new_guard("m");
            // The closure captures nothing: one that borrows a local makes the macro take the
            // value for a possible borrow of it (README, limit 5).
            let k = self.rng.below(9);
            s = format!(
                "match ({k}u64 % 3 != 0).then(|| ({k}u64, {guard})) {{\nSome(({y}, _)) => "
            );
            let yield_y = self.yield_of(&y);
            let arm = self.arm_block(depth, std::slice::from_ref(&y));
            s += &format!("{{\n{yield_y}\n{arm}\n}}\n");
            s += "None => ";
            s += &self.arm(depth, &[]);
            return s + "}\n";
        }
        match (self.rng.below(3), self.pick_var(Ty::Opt)) {
            (0, Some(o)) => {
                let y = self.fresh("y");
                let ys = [y.clone()];
                s = format!(
                    "match {} {{\nSome({y}) if {y} > {} => ",
                    o,
                    self.rng.below(6)
                );
                s += &self.arm(depth, &ys);
                s += &format!("Some({y}) => ");
                s += &self.arm(depth, &ys);
                s += "None => ";
                s += &self.arm(depth, &[]);
            }
            (1, Some(o)) => {
                let (y, k) = (self.fresh("y"), self.fresh("k"));
                s = format!("match ({} % 3, {}) {{\n(0, Some({y})) => ", self.int(1), o);
                s += &self.arm(depth, std::slice::from_ref(&y));
                s += &format!("({k}, None) if {k} > 0 => ");
                s += &self.arm(depth, std::slice::from_ref(&k));
                s += "_ => ";
                s += &self.arm(depth, &[]);
            }
            _ => {
                let n = self.fresh("n");
                let ns = [n.clone()];
                s = format!("match {} % 4 {{\n0 => ", self.int(2));
                s += &self.arm(depth, &[]);
                s += "1 | 2 => ";
                s += &self.arm(depth, &[]);
                self.scopes.push(vec![self.int_var(&n)]);
                let guard = format!("{n} > {} && {}", self.rng.below(4), self.cond(0));
                self.scopes.pop();
                s += &format!("{n} if {guard} => ");
                s += &self.arm(depth, &ns);
                s += &format!("{n} => ");
                s += &self.arm(depth, &ns);
            }
        }
        s + "}\n"
    }

    pub(super) fn let_else(&mut self) -> Option<String> {
        let o = self.pick_var(Ty::Opt)?;
        let y = self.fresh("y");
        let pre = if self.rng.chance(1, 2) {
            self.yield_expr() + ";"
        } else {
            String::new()
        };
        let d = self.diverge();
        self.declare(y.clone(), Ty::Int);
        Some(format!("let Some({y}) = {} else {{ {pre} {d} }};\n", o))
    }

    pub(super) fn loop_stmt(&mut self, depth: usize) -> String {
        let (lab, label) = self.label();
        let k = self.rng.below(4);
        match self.rng.below(7) {
            6 => {
                // What the pattern leaves unbound in the popped element drops at the end of
                // the iteration, after the binding.
                let (s, y) = (self.fresh("ps"), self.fresh("y"));
                let items: Vec<String> = (0..k)
                    .map(|j| format!("({}, G::new(\"{s}.{j}\"))", self.int(1)))
                    .collect();
                let first = self.yield_of(&y);
                let body = self.loop_body(depth, label, false, &first, Some((y.clone(), Ty::Int)));
                format!(
                    "let mut {s} = Vec::<(u64, G)>::from([{}]);\n{lab}while let Some(({y}, _)) = {s}.pop() {body}\n",
                    items.join(", ")
                )
            }
            0 => {
                let i = self.fresh("i");
                let body = self.loop_body(depth, label, false, "", Some((i.clone(), Ty::Int)));
                format!("{lab}for {i} in 0..{k}u64 {body}\n")
            }
            1 => {
                let i = self.fresh("i");
                let items: Vec<String> = (0..k).map(|_| self.int(1)).collect();
                let body = self.loop_body(depth, label, false, "", Some((i.clone(), Ty::Int)));
                format!(
                    "{lab}for {i} in Vec::<u64>::from([{}]) {body}\n",
                    items.join(", ")
                )
            }
            2 => {
                let g = self.fresh("g");
                let items: Vec<String> = (0..=k).map(|j| format!("G::new(\"{g}.{j}\")")).collect();
                let body = self.loop_body(depth, label, false, "", Some((g.clone(), Ty::Guard)));
                format!("{lab}for {g} in [{}] {body}\n", items.join(", "))
            }
            3 => {
                let c = self.fresh("c");
                self.declare(c.clone(), Ty::Counter);
                let first = format!("{c} += 1;\n");
                let body = self.loop_body(depth, label, false, &first, None);
                format!("let mut {c} = 0u64;\n{lab}while {c} < {k} {body}\n")
            }
            4 => {
                let c = self.fresh("c");
                self.declare(c.clone(), Ty::Counter);
                let first = format!("if {c} >= {k} {{ break; }}\n{c} += 1;\n");
                let body = self.loop_body(depth, label, false, &first, None);
                format!("let mut {c} = 0u64;\n{lab}loop {body}\n")
            }
            _ => {
                let (s, y) = (self.fresh("st"), self.fresh("y"));
                let items: Vec<String> = (0..k).map(|_| self.int(1)).collect();
                let stack = self.rng.chance(1, 2);
                let (init, next) = if stack {
                    self.declare(s.clone(), Ty::Stack);
                    (
                        format!("let mut {s} = Vec::<u64>::from([{}]);\n", items.join(", ")),
                        "pop",
                    )
                } else {
                    self.declare(s.clone(), Ty::Iter);
                    (format!("let mut {s} = 0..{k}u64;\n"), "next")
                };
                let body = self.loop_body(depth, label, false, "", Some((y.clone(), Ty::Int)));
                format!("{init}{lab}while let Some({y}) = {s}.{next}() {body}\n")
            }
        }
    }

    /// `let f = <branches of functions or closures, one yielding>;` and a call of `f`: two
    /// functions or closures join into a function pointer; one closure is its own type.
    fn function_let(&mut self) -> String {
        let f = self.fresh("f");
        let c = self.cond(1);
        let y = self.yield_expr();
        // (A `move` closure must not capture a local the body uses again: a literal.)
        let (k, lit, arg) = (self.int(1), self.lit(), self.int(1));
        let (init, call) = match self.rng.below(3) {
            0 => (
                format!("if {c} {{ {y}; wadd }} else {{ wmul }}"),
                format!("{f}({arg}, 3u64)"),
            ),
            1 => (
                format!("{{ {y}; move |v: u64| wadd(v, {lit}) }}"),
                format!("{f}({arg})"),
            ),
            _ => (
                format!(
                    "match {k} % 2 {{ 0 => |v: u64| wadd(v, 1u64), _ => {{ {y}; |v: u64| wmul(v, 2u64) }} }}"
                ),
                format!("{f}({arg})"),
            ),
        };
        let out = self.yield_of(&call);
        format!(
            "let {f} = {init};
{out}
"
        )
    }

    /// `let x = <expression that yields>;` or an assignment of one to a `mut` local.
    pub(super) fn value_let(&mut self, depth: usize) -> String {
        if self.rng.chance(1, 6) {
            return self.function_let();
        }
        let mut pre = String::new();
        let e = match self.rng.below(4) {
            0 => {
                let c = self.cond(1);
                let t = self.value_arm(depth, &[]);
                let f = self.value_arm(depth, &[]);
                format!("if {c} {} else {}", brace(&t), brace(&f))
            }
            1 => {
                let n = self.fresh("n");
                let mut s = format!("match {} % 3 {{\n0 => ", self.int(2));
                s += &self.value_arm(depth, &[]);
                s += &format!("{n} if {n} > 1 => ");
                s += &self.value_arm(depth, std::slice::from_ref(&n));
                s += &format!("{n} => ");
                s += &self.value_arm(depth, std::slice::from_ref(&n));
                s + "}"
            }
            2 if self.loops.len() < MAX_LOOPS => {
                let c = self.fresh("c");
                let (lab, label) = self.label();
                self.declare(c.clone(), Ty::Counter);
                let k = self.rng.below(4);
                let v = self.int(1);
                pre = format!("let mut {c} = 0u64;\n");
                let first = format!("if {c} >= {k} {{ break {v}; }}\n{c} += 1;\n");
                let body = self.loop_body(depth, label, true, &first, None);
                format!("{lab}loop {body}")
            }
            _ => self.block(depth, Some(|g: &mut Gen| g.int(2))),
        };
        let assign = self.pick_var(Ty::MutInt).filter(|_| self.rng.chance(1, 3));
        if let Some(x) = assign {
            return format!("{pre}{x} = {e};\n");
        }
        let x = self.fresh("x");
        self.declare(x.clone(), Ty::Int);
        format!("{pre}let {x} = {e};\n")
    }
}

/// Wraps a value arm (`expr,\n` or a block) as a block for an `if` branch.
fn brace(arm: &str) -> String {
    match arm.strip_suffix(",\n") {
        Some(e) => format!("{{ {e} }}"),
        None => arm.to_string(),
    }
}
