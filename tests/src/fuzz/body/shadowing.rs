//! Every shape of shadowing (`let x = x + 1`, in a nested block, an `if let`/`match` binding,
//! a `let` in a loop body), each followed by a use of the outer local.

use super::{Gen, MAX_LOOPS, Ty};

impl Gen {
    /// A visible, unmoved integer or guard local (its name and type) to shadow.
    pub(super) fn shadow_target(&mut self) -> Option<(String, Ty)> {
        let found: Vec<(String, Ty)> = self
            .visible_vars()
            .into_iter()
            .filter(|v| matches!(v.ty, Ty::Int | Ty::MutInt | Ty::Guard) && !v.moved)
            .map(|v| (v.name.clone(), v.ty))
            .collect();
        (!found.is_empty()).then(|| self.rng.pick(&found).clone())
    }

    /// A use of `x` of type `ty` as an item, unless it was moved.
    pub(super) fn use_of(&mut self, x: &str, ty: Ty) -> String {
        let moved = self.var_mut(x).is_none_or(|v| v.moved);
        let e = self.int(1);
        let v = match ty {
            _ if moved => e,
            Ty::Guard => format!("wadd({x}.id(), {e})"),
            _ => format!("wadd({x}, {e})"),
        };
        self.yield_of(&v) + "\n"
    }

    /// The new value of a shadowing `let` of `x` (`extra`: an integer to mix in).
    pub(super) fn shadow_value(&mut self, x: &str, ty: Ty, extra: &str) -> String {
        if ty == Ty::Guard {
            let label = self.fresh("n");
            return format!("G::new(\"{x}.{label}\")");
        }
        match self.rng.below(3) {
            0 => format!("wadd({x}, {extra})"),
            1 => format!("{x} % 1000 + 1"),
            _ => format!("wadd({x}, 1u64)"),
        }
    }

    /// `let x = x + 1;` (or a new guard of the same name), then often a yield of the new one.
    pub(super) fn shadow_let(&mut self) -> Option<String> {
        let (x, ty) = self.shadow_target()?;
        let e = self.int(1);
        let v = self.shadow_value(&x, ty, &e);
        self.declare(x.clone(), if ty == Ty::Guard { ty } else { Ty::Int });
        let after = if self.rng.chance(1, 2) {
            self.use_of(&x, ty)
        } else {
            String::new()
        };
        Some(format!("let {x} = {v};\n{after}"))
    }

    /// `{ let x = ..; ..; yield_!(x); }` and then a use of the outer `x`.
    pub(super) fn shadow_block(&mut self, depth: usize) -> Option<String> {
        let (x, ty) = self.shadow_target()?;
        let e = self.int(1);
        let v = self.shadow_value(&x, ty, &e);
        self.scopes.push(Vec::new());
        self.declare(x.clone(), if ty == Ty::Guard { ty } else { Ty::Int });
        let mut s = format!("{{\nlet {x} = {v};\n");
        for _ in 0..self.rng.index(3) {
            if self.budget == 0 {
                break;
            }
            s += &self.stmt(depth + 1);
        }
        s += &self.use_of(&x, ty);
        s += "}\n";
        self.scopes.pop();
        s += &self.use_of(&x, ty);
        Some(s)
    }

    /// An `if let Some(x) = ..` or a `match` binding that reuses the name of an outer local,
    /// and then a use of the outer one.
    pub(super) fn shadow_binding(&mut self, depth: usize) -> Option<String> {
        let (x, ty) = self.shadow_target()?;
        let xs = [x.clone()];
        let mut s = match self.rng.below(6) {
            4 | 5 => self.mut_binding_shadowed(depth, &x),
            3 => self.or_binding(depth, &x),
            0 => {
                let o = match self.pick_var(Ty::Opt) {
                    Some(o) => o,
                    None => format!("Some({})", self.int(1)),
                };
                let then = self.arm_block(depth, &xs);
                let other = if self.rng.chance(1, 2) {
                    format!(" else {}", self.block(depth, None))
                } else {
                    "\n".to_string()
                };
                format!("if let Some({x}) = {o} {}{other}", then.trim_end())
            }
            1 => {
                let e = self.int(2);
                let mut s = format!("match {e} % 3 {{\n0 => ");
                s += &self.arm(depth, &[]);
                s += &format!("{x} => ");
                s += &self.arm(depth, &xs);
                s + "}\n"
            }
            _ => {
                let e = self.int(1);
                let c = self.fresh("c");
                self.declare(c.clone(), Ty::Counter);
                let first = format!("if {c} >= 2 {{ break; }}\n{c} += 1;\n");
                let body = if self.loops.len() < MAX_LOOPS {
                    self.loops.push(super::LoopCtx {
                        label: None,
                        needs_value: false,
                    });
                    let b = self.arm_block(depth, &xs);
                    self.loops.pop();
                    b
                } else {
                    self.arm_block(depth, &xs)
                };
                let o = format!("(if {c} < 2 {{ Some(wadd({e}, {c})) }} else {{ None }})");
                if self.loops.len() < MAX_LOOPS {
                    format!("let mut {c} = 0u64;\nwhile let Some({x}) = {o} {{\n{first}{body}}}\n")
                } else {
                    format!("let mut {c} = 0u64;\nif let Some({x}) = {o} {body}")
                }
            }
        };
        s += &self.use_of(&x, ty);
        Some(s)
    }

    /// `match (if .. { Ok(G::new(..)) } else { Err(G::new(..)) }) { Ok(x) | Err(x) => .. }`:
    /// an or-pattern binding a guard named `x`, one binding whichever alternative matched.
    fn or_binding(&mut self, depth: usize, x: &str) -> String {
        let e = self.int(1);
        let (ok, err) = (self.fresh("ok"), self.fresh("err"));
        let mut guard = self.int_var(x);
        guard.ty = Ty::Guard;
        self.scopes.push(vec![guard]);
        let body = self.block(depth, None);
        self.scopes.pop();
        format!(
            "match (if {e} % 2 == 0 {{ Ok(G::new(\"{x}.{ok}\")) }} else {{ Err(G::new(\"{x}.{err}\")) }}) {{\nOk({x}) | Err({x}) => {}}}\n",
            body.trim_end()
        )
    }

    /// `if let Some(mut x) = ..` or `for mut x in [..]` of a guard reusing the name of an
    /// outer local: the binding is changed on one path and shadowed by an inner `let` that
    /// yields on the other, then used.
    fn mut_binding_shadowed(&mut self, depth: usize, x: &str) -> String {
        let ty = Ty::Guard;
        let e = self.int(1);
        let value = self.shadow_value(x, ty, &e);
        let in_loop = self.loops.len() < super::MAX_LOOPS && self.rng.chance(1, 2);
        if in_loop {
            self.loops.push(super::LoopCtx {
                label: None,
                needs_value: false,
            });
        }
        self.scopes.push(Vec::new());
        self.declare(x.to_string(), ty);
        let cond = self.int(1);
        let label = self.fresh("n");
        let change = format!("{x} = G::new(\"{x}.{label}\");\n");
        let c = self.int(1);
        let inner_value = self.shadow_value(x, ty, &c);
        self.scopes.push(Vec::new());
        self.declare(x.to_string(), ty);
        let mut inner = format!("let {x} = {inner_value};\n");
        if self.budget > 0 && self.rng.chance(1, 2) {
            inner += &self.stmt(depth + 1);
        }
        inner += &self.use_of(x, ty);
        self.scopes.pop();
        let after = self.use_of(x, ty);
        self.scopes.pop();
        let body = format!("if {cond} % 2 == 0 {{\n{inner}}} else {{\n{change}}}\n{after}");
        if in_loop {
            self.loops.pop();
            format!("for mut {x} in [{value}] {{\n{body}}}\n")
        } else {
            format!("if let Some(mut {x}) = Some({value}) {{\n{body}}}\n")
        }
    }

    /// A loop whose body starts with a `let` that shadows an outer local and yields, and
    /// then a use of the outer local after the loop.
    pub(super) fn shadow_loop(&mut self, depth: usize) -> Option<String> {
        let (x, ty) = self.shadow_target()?;
        let k = self.rng.below(4);
        let (lab, label) = self.label();
        let (head, first, index) = if self.rng.chance(1, 2) {
            let i = self.fresh("i");
            (format!("{lab}for {i} in 0..{k}u64 "), String::new(), i)
        } else {
            let c = self.fresh("c");
            self.declare(c.clone(), Ty::Counter);
            (
                format!("let mut {c} = 0u64;\n{lab}while {c} < {k} "),
                format!("{c} += 1;\n"),
                c,
            )
        };
        self.loops.push(super::LoopCtx {
            label,
            needs_value: false,
        });
        self.scopes.push(Vec::new());
        if first.is_empty() {
            self.declare(index.clone(), Ty::Int);
        }
        let v = self.shadow_value(&x, ty, &index);
        self.declare(x.clone(), if ty == Ty::Guard { ty } else { Ty::Int });
        let mut body = format!("{first}let {x} = {v};\n");
        if self.rng.chance(1, 2) {
            body += &format!("{};\n", self.yield_expr());
        }
        body += &self.block(depth, None);
        body += &self.use_of(&x, ty);
        self.scopes.pop();
        self.loops.pop();
        let after = self.use_of(&x, ty);
        Some(format!("{head}{{\n{body}}}\n{after}"))
    }
}
