//! The random generator-program generator.
//!
//! A program is one body, written once with markers (`@RET@`, `@AW(..)AW@`, `@SLEEP@`,
//! `@YF(..)YF@`) and rendered twice: as a `#[generator]` function and as a plain function in
//! which a local `macro_rules! yield_` pushes into a `Vec` and logs `yield <item>`. Both share
//! the drop-recording guard type `G` of the batch runtime (`rt.rs` of the generated crate).
//!
//! Validity rules the generator keeps (so every program is valid Rust that terminates):
//! - every loop is bounded: `for` over a range/`vec!`/array, `while`/`loop` on a counter that
//!   is incremented first thing in the body (so `continue` cannot skip it), `while let` over
//!   a `Vec::pop` or a range iterator nobody else touches;
//! - a guard is moved only in the loop nesting where it was declared, and never used after
//!   a move on any path (a move in one branch counts as a move for the rest of the scope);
//! - integer literals carry `u64`, arithmetic wraps (`wadd`/`wmul`), so nothing panics;
//! - no reference to a local is held across a yield (DESIGN 2.1 documented limitation):
//!   `for` loops iterate owned values, closures are `move` and capture integers only.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::rng::Rng;

/// Which kind of generator a program is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// `#[generator] -> impl Iterator<Item = u64>` (flat lowering).
    Sync,
    /// `#[generator] -> impl Iterator<Item = Result<u64, u64>>` with `?` (flat lowering).
    Fallible,
    /// `#[generator(boxed)] -> impl Iterator<Item = u64>` (compiler-backed).
    Boxed,
    /// `#[generator] -> impl Stream<Item = u64>` with `.await`s (compiler-backed).
    Stream,
}

impl Flavor {
    /// The flavour of program `index` in a batch: mostly flat sync ones, the lowering
    /// under test, with a share of the others.
    #[must_use]
    pub fn for_index(index: usize) -> Flavor {
        match index % 10 {
            0..=4 => Flavor::Sync,
            5..=6 => Flavor::Fallible,
            7 => Flavor::Boxed,
            _ => Flavor::Stream,
        }
    }

    fn item(self) -> &'static str {
        match self {
            Flavor::Fallible => "Result<u64, u64>",
            _ => "u64",
        }
    }
}

/// One generated program.
#[derive(Debug, Clone)]
pub struct Program {
    /// Its flavour.
    pub flavor: Flavor,
    /// The body with markers (see the module docs).
    pub body: String,
}

impl Program {
    /// Generates the program of `seed` in `flavor`.
    #[must_use]
    pub fn generate(seed: u64, flavor: Flavor) -> Program {
        let mut g = Gen {
            rng: Rng::new(seed),
            flavor,
            scopes: vec![Vec::new()],
            loops: Vec::new(),
            next: 0,
            budget: 0,
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
        while g.budget > 0 {
            body.push_str(&g.stmt(0));
        }
        let last = g.int(1);
        let _ = writeln!(body, "{}", g.yield_of(&last));
        Program { flavor, body }
    }

    fn render(&self, plain: bool) -> String {
        let stream = self.flavor == Flavor::Stream && !plain;
        let ret = match (plain, self.flavor) {
            (true, Flavor::Fallible) => "return Ok(());",
            _ => "return;",
        };
        let pairs: [(&str, &str); 6] = [
            ("@RET@", ret),
            ("@AW(", if stream { "std::future::ready(" } else { "(" }),
            (")AW@", if stream { ").await" } else { ")" }),
            (
                "@SLEEP@",
                if stream {
                    "tokio::time::sleep(std::time::Duration::from_millis(3)).await;"
                } else {
                    ";"
                },
            ),
            (
                "@YF(",
                if stream {
                    "futures::stream::iter("
                } else {
                    "("
                },
            ),
            (")YF@", ")"),
        ];
        let mut s = self.body.clone();
        for (from, to) in pairs {
            s = s.replace(from, to);
        }
        s
    }

    /// The `#[generator]` function `run(a, b, p, q)`.
    #[must_use]
    pub fn generator_fn(&self) -> String {
        let (attr, ret) = match self.flavor {
            Flavor::Sync => ("#[generator]", "impl Iterator<Item = u64>"),
            Flavor::Fallible => ("#[generator]", "impl Iterator<Item = Result<u64, u64>>"),
            Flavor::Boxed => ("#[generator(boxed)]", "impl Iterator<Item = u64>"),
            Flavor::Stream => ("#[generator]", "impl futures::Stream<Item = u64>"),
        };
        format!(
            "{attr}\npub fn run(a: u64, b: u64, p: G, q: G) -> {ret} {{\n{}}}\n",
            self.render(false)
        )
    }

    /// The plain oracle `run(cap, a, b, p, q) -> Vec<Item>`: returns right after the
    /// `cap`-th item, as if the generator were dropped there.
    #[must_use]
    pub fn plain_fn(&self) -> String {
        let item = self.flavor.item();
        let fallible = self.flavor == Flavor::Fallible;
        let (call, res, ok, stop) = if fallible {
            (
                "if let Err(e) = body(&mut out, cap, a, b, p, q) {\n        \
                 let e = Err(e);\n        log(format!(\"yield {e:?}\"));\n        out.push(e);\n    }",
                " -> Result<(), u64>",
                "    Ok(())\n",
                "return Ok(());",
            )
        } else {
            ("body(&mut out, cap, a, b, p, q);", "", "", "return;")
        };
        format!(
            "pub fn run(cap: Option<usize>, a: u64, b: u64, p: G, q: G) -> Vec<{item}> {{\n    \
             let mut out = Vec::new();\n    {call}\n    out\n}}\n\n\
             fn body(out: &mut Vec<{item}>, cap: Option<usize>, a: u64, b: u64, p: G, q: G){res} {{\n    \
             macro_rules! yield_ {{\n        ($e:expr) => {{{{\n            let __v = $e;\n            \
             log(format!(\"yield {{:?}}\", __v));\n            out.push(__v);\n            \
             if cap == Some(out.len()) {{ {stop} }}\n        }}}};\n    }}\n    \
             macro_rules! yield_from {{\n        ($e:expr) => {{ for __w in $e {{ yield_!(__w); }} }};\n    }}\n\
             {}{ok}}}\n",
            self.render(true)
        )
    }
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
}

#[derive(Debug)]
struct Var {
    name: String,
    ty: Ty,
    moved: bool,
    loop_depth: usize,
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
}

impl Gen {
    fn fresh(&mut self, prefix: &str) -> String {
        self.next += 1;
        format!("{prefix}{}", self.next)
    }

    fn declare(&mut self, name: String, ty: Ty) {
        let loop_depth = self.loops.len();
        let scope = self.scopes.last_mut().expect("a scope");
        scope.push(Var {
            name,
            ty,
            moved: false,
            loop_depth,
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

    fn lit(&mut self) -> String {
        format!("{}u64", self.rng.below(10))
    }

    /// An integer-valued leaf: a literal or a read of a visible local.
    fn atom(&mut self, ints_only: bool) -> String {
        let choice = self.rng.below(if ints_only { 5 } else { 9 });
        let found = match choice {
            0 => None,
            1..=4 => {
                let ty = *self.rng.pick(&[Ty::Int, Ty::Int, Ty::MutInt, Ty::Counter]);
                self.pick_var(ty)
            }
            5 => self.pick_var(Ty::Guard).map(|g| format!("{g}.id()")),
            6 => {
                let o = self.pick_var(Ty::Opt);
                o.map(|o| format!("{o}.unwrap_or({})", self.rng.below(5)))
            }
            7 => self
                .pick_var(Ty::Stack)
                .map(|s| format!("({s}.len() as u64)")),
            _ => self.pick_var(Ty::Func).map(|f| {
                let x = self.atom(true);
                format!("{f}({x})")
            }),
        };
        found.unwrap_or_else(|| self.lit())
    }

    /// An integer expression of nesting `d`.
    fn int(&mut self, d: u32) -> String {
        if d == 0 || self.rng.chance(1, 2) {
            return self.atom(false);
        }
        match self.rng.below(8) {
            0 | 1 => format!("wadd({}, {})", self.int(d - 1), self.int(d - 1)),
            2 => format!("wmul({}, {})", self.int(d - 1), self.int(d - 1)),
            3 => format!("({} % {})", self.int(d - 1), 1 + self.rng.below(6)),
            4 => format!("({} ^ {})", self.int(d - 1), self.int(d - 1)),
            5 if self.flavor == Flavor::Fallible => format!("chk({})?", self.int(d - 1)),
            5 if self.flavor == Flavor::Stream => format!("@AW({})AW@", self.int(d - 1)),
            6 => format!(
                "(if {} {{ {} }} else {{ {} }})",
                self.cond(0),
                self.int(d - 1),
                self.int(d - 1)
            ),
            _ => self.atom(false),
        }
    }

    fn cond(&mut self, d: u32) -> String {
        match self.rng.below(if d == 0 { 3 } else { 5 }) {
            0 => format!("{} % 2 == 0", self.int(1)),
            1 => format!("{} > {}", self.int(1), self.int(1)),
            2 => format!("{} < {}", self.int(1), self.rng.below(8)),
            3 => format!("({} && {})", self.cond(d - 1), self.cond(d - 1)),
            _ => format!("!({})", self.cond(d - 1)),
        }
    }

    fn item(&mut self, v: &str) -> String {
        match self.flavor {
            Flavor::Fallible if self.rng.chance(1, 12) => format!("Err({v})"),
            Flavor::Fallible => format!("Ok({v})"),
            _ => v.to_string(),
        }
    }

    fn yield_expr(&mut self) -> String {
        let v = self.int(2);
        let v = self.item(&v);
        format!("yield_!({v})")
    }

    fn yield_of(&mut self, v: &str) -> String {
        let v = self.item(v);
        format!("yield_!({v});")
    }

    /// Statements of a new block scope, `{ .. }` included; `tail` is an optional tail
    /// expression generated inside the scope.
    fn block(&mut self, depth: usize, tail: Option<fn(&mut Gen) -> String>) -> String {
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
    fn arm_block(&mut self, depth: usize, bindings: &[String]) -> String {
        self.scopes
            .push(bindings.iter().map(|n| self.int_var(n)).collect());
        let b = self.block(depth, None);
        self.scopes.pop();
        b
    }

    fn int_var(&self, name: &str) -> Var {
        Var {
            name: name.to_string(),
            ty: Ty::Int,
            moved: false,
            loop_depth: self.loops.len(),
        }
    }

    /// An arm body of a statement `match`: a yield, a block, or `()`.
    fn arm(&mut self, depth: usize, bindings: &[String]) -> String {
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
    fn value_arm(&mut self, depth: usize, bindings: &[String]) -> String {
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
    fn jump(&mut self) -> Option<String> {
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

    fn diverge(&mut self) -> String {
        if self.rng.chance(1, 4) {
            return "@RET@".to_string();
        }
        self.jump().unwrap_or_else(|| "@RET@".to_string())
    }

    fn label(&mut self) -> (String, Option<String>) {
        if self.rng.chance(1, 2) {
            let l = self.fresh("'l");
            (format!("{l}: "), Some(l))
        } else {
            (String::new(), None)
        }
    }

    /// A loop (`head` is its text up to the body) whose body is a fresh block.
    fn loop_body(
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

    fn stmt(&mut self, depth: usize) -> String {
        self.budget = self.budget.saturating_sub(1);
        let compound = depth < MAX_DEPTH && self.budget > 0;
        let loops_ok = compound && self.loops.len() < MAX_LOOPS;
        loop {
            let k = self.rng.below(40);
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
                8 => self
                    .pick_var(Ty::MutInt)
                    .map(|x| format!("{x} = {};\n", self.int(2))),
                9 | 10 => {
                    let shadow = self.pick_var(Ty::Guard).filter(|_| self.rng.chance(1, 3));
                    let g = shadow.unwrap_or_else(|| self.fresh("g"));
                    let label = self.fresh("n");
                    self.declare(g.clone(), Ty::Guard);
                    Some(format!("let {g} = G::new(\"{g}.{label}\");\n"))
                }
                11 => self.move_guard(),
                12 => self.pick_var(Ty::Guard).map(|g| format!("let _ = {g};\n")),
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
                    self.declare(x.clone(), Ty::Int);
                    Some(format!("let {x} = G::new(\"{t}\").id();\n"))
                }
                16 => Some(format!(
                    "yield_from!(@YF({})YF@);\n",
                    self.yield_from_operand()
                )),
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
                _ => None,
            };
            if let Some(s) = s {
                return s;
            }
        }
    }

    fn yield_from_operand(&mut self) -> String {
        let wrap = |g: &mut Gen, v: String| match g.flavor {
            Flavor::Fallible => format!("Ok::<u64, u64>({v})"),
            _ => v,
        };
        if self.rng.chance(1, 2) {
            let n = 1 + self.rng.index(3);
            let items: Vec<String> = (0..n)
                .map(|_| {
                    let v = self.int(1);
                    wrap(self, v)
                })
                .collect();
            format!("vec![{}]", items.join(", "))
        } else {
            let v = self.int(1);
            let map = if self.flavor == Flavor::Fallible {
                ".map(Ok::<u64, u64>)"
            } else {
                ""
            };
            format!("(0..({v} % 3)){map}")
        }
    }

    fn move_guard(&mut self) -> Option<String> {
        let depth = self.loops.len();
        let g = self.pick_var(Ty::Guard)?;
        let var = self.var_mut(&g)?;
        if var.loop_depth != depth {
            return None;
        }
        var.moved = true;
        Some(match self.rng.below(4) {
            0 => format!("drop({g});\n"),
            1 => format!("consume({g});\n"),
            2 => format!("{g};\n"),
            _ => {
                let h = self.fresh("g");
                self.declare(h.clone(), Ty::Guard);
                format!("let {h} = {g};\n")
            }
        })
    }

    fn if_stmt(&mut self, depth: usize) -> String {
        let head = match (self.rng.below(4), self.pick_var(Ty::Opt)) {
            (0, Some(o)) => {
                let y = self.fresh("y");
                let then = self.arm_block(depth, std::slice::from_ref(&y));
                format!("if let Some({y}) = {o} {then}")
            }
            (1, Some(o)) => {
                let y = self.fresh("y");
                let c = self.cond(1);
                self.scopes.push(vec![self.int_var(&y)]);
                let extra = format!("{y} % 3 != {}", self.rng.below(3));
                self.scopes.pop();
                let then = self.arm_block(depth, std::slice::from_ref(&y));
                format!("if {c} && let Some({y}) = {o} && {extra} {then}")
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

    fn match_stmt(&mut self, depth: usize) -> String {
        let mut s;
        match (self.rng.below(3), self.pick_var(Ty::Opt)) {
            (0, Some(o)) => {
                let y = self.fresh("y");
                let ys = [y.clone()];
                s = format!("match {o} {{\nSome({y}) if {y} > {} => ", self.rng.below(6));
                s += &self.arm(depth, &ys);
                s += &format!("Some({y}) => ");
                s += &self.arm(depth, &ys);
                s += "None => ";
                s += &self.arm(depth, &[]);
            }
            (1, Some(o)) => {
                let (y, k) = (self.fresh("y"), self.fresh("k"));
                s = format!("match ({} % 3, {o}) {{\n(0, Some({y})) => ", self.int(1));
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

    fn let_else(&mut self) -> Option<String> {
        let o = self.pick_var(Ty::Opt)?;
        let y = self.fresh("y");
        let pre = if self.rng.chance(1, 2) {
            self.yield_expr() + ";"
        } else {
            String::new()
        };
        let d = self.diverge();
        self.declare(y.clone(), Ty::Int);
        Some(format!("let Some({y}) = {o} else {{ {pre} {d} }};\n"))
    }

    fn loop_stmt(&mut self, depth: usize) -> String {
        let (lab, label) = self.label();
        let k = self.rng.below(4);
        match self.rng.below(6) {
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

    /// `let x = <expression that yields>;` or an assignment of one to a `mut` local.
    fn value_let(&mut self, depth: usize) -> String {
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
