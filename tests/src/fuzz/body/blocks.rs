//! Block scopes, match arms and loop bodies (each a scope of its own, an arm's pattern
//! bindings declared in it), and the jumps out of them: `break`/`continue` to an enclosing
//! loop, or a `return`.

use std::fmt::Write as _;

use super::{Gen, LoopCtx, Ty, Var};

impl Gen {
    /// Statements of a new block scope, `{ .. }` included; `tail` is an optional tail
    /// expression generated inside the scope.
    pub(super) fn block(&mut self, depth: usize, tail: Option<fn(&mut Gen) -> String>) -> String {
        self.scopes.push(Vec::new());
        let mut s = String::from("{\n");
        let n = 1 + self.rng.index(3);
        for _ in 0..n {
            if self.budget == 0 {
                break;
            }
            s.push_str(&self.stmt(depth + 1));
        }
        if let Some(tail) = tail {
            let t = tail(self);
            let _ = writeln!(s, "{t}");
        }
        s.push_str("}\n");
        self.scopes.pop();
        s
    }

    /// A block with `bindings` declared in its scope first (pattern bindings of an arm).
    pub(super) fn arm_block(&mut self, depth: usize, bindings: &[String]) -> String {
        self.scopes
            .push(bindings.iter().map(|n| self.int_var(n)).collect());
        let b = self.block(depth, None);
        self.scopes.pop();
        b
    }

    pub(super) fn int_var(&self, name: &str) -> Var {
        Var {
            name: name.to_string(),
            ty: Ty::Int,
            moved: false,
            parts: 0,
            loop_depth: self.loops.len(),
            scope_depth: self.scopes.len() + 1,
        }
    }

    /// An arm body of a statement `match`: a yield, a block, or `()`.
    pub(super) fn arm(&mut self, depth: usize, bindings: &[String]) -> String {
        match self.rng.below(5) {
            0 | 1 => {
                self.scopes
                    .push(bindings.iter().map(|n| self.int_var(n)).collect());
                let y = self.yield_expr();
                self.scopes.pop();
                format!("{y},\n")
            }
            2 => "(),\n".to_string(),
            _ => self.arm_block(depth, bindings),
        }
    }

    /// A value-producing arm/branch: an expression, or a block with statements and a tail.
    pub(super) fn value_arm(&mut self, depth: usize, bindings: &[String]) -> String {
        self.scopes
            .push(bindings.iter().map(|n| self.int_var(n)).collect());
        let s = if self.rng.chance(1, 3) {
            format!("{},\n", self.int(2))
        } else {
            self.block(depth, Some(|g: &mut Gen| g.int(2)))
        };
        self.scopes.pop();
        s
    }

    /// `break`/`continue` to one of the enclosing loops (with a value when it needs one).
    pub(super) fn jump(&mut self) -> Option<String> {
        if self.loops.is_empty() {
            return None;
        }
        let i = self.rng.index(self.loops.len());
        let innermost = i + 1 == self.loops.len();
        let label = self.loops[i].label.clone();
        if !innermost && label.is_none() {
            return None;
        }
        let target = match (&label, innermost && self.rng.chance(1, 2)) {
            (Some(l), false) => format!(" {l}"),
            _ => String::new(),
        };
        if self.rng.chance(1, 2) {
            return Some(format!("continue{target};"));
        }
        if self.loops[i].needs_value {
            let v = self.int(1);
            Some(format!("break{target} {v};"))
        } else {
            Some(format!("break{target};"))
        }
    }

    pub(super) fn diverge(&mut self) -> String {
        if self.rng.chance(1, 4) {
            return "@RET@".to_string();
        }
        self.jump().unwrap_or_else(|| "@RET@".to_string())
    }

    pub(super) fn label(&mut self) -> (String, Option<String>) {
        if self.rng.chance(1, 2) {
            let l = self.fresh("'l");
            (format!("{l}: "), Some(l))
        } else {
            (String::new(), None)
        }
    }

    /// A loop (`head` is its text up to the body) whose body is a fresh block.
    pub(super) fn loop_body(
        &mut self,
        depth: usize,
        label: Option<String>,
        needs_value: bool,
        first: &str,
        bind: Option<(String, Ty)>,
    ) -> String {
        self.loops.push(LoopCtx { label, needs_value });
        self.scopes.push(Vec::new());
        if let Some((name, ty)) = bind {
            self.declare(name, ty);
        }
        let body = self.block(depth, None);
        self.scopes.pop();
        self.loops.pop();
        format!("{{\n{first}{body}}}")
    }
}
