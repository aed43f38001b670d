//! The expressions of generated bodies: integer leaves and expressions, conditions, items and
//! yields of the flavour, and the operands of `yield_from!`.

use super::{Flavor, Gen, Ty};

impl Gen {
    pub(super) fn lit(&mut self) -> String {
        format!("{}u64", self.rng.below(10))
    }

    /// An integer-valued leaf: a literal or a read of a visible local.
    pub(super) fn atom(&mut self, ints_only: bool) -> String {
        let choice = self.rng.below(if ints_only { 5 } else { 18 });
        let found = match choice {
            0 => None,
            1..=4 | 12.. => {
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
            8 => self.pick_var(Ty::Func).map(|f| {
                let x = self.atom(true);
                format!("{f}({x})")
            }),
            9 => self.field_atom(),
            10 => self.owned_atom(),
            _ => self.last_atom(),
        };
        found.unwrap_or_else(|| self.lit())
    }

    /// An integer expression of nesting `d`.
    pub(super) fn int(&mut self, d: u32) -> String {
        if d == 0 || self.rng.chance(1, 2) {
            return self.atom(false);
        }
        match self.rng.below(8) {
            0 | 1 => format!("wadd({}, {})", self.int(d - 1), self.int(d - 1)),
            2 => format!("wmul({}, {})", self.int(d - 1), self.int(d - 1)),
            3 => format!("({} % {})", self.int(d - 1), 1 + self.rng.below(6)),
            4 => format!("({} ^ {})", self.int(d - 1), self.int(d - 1)),
            5 if self.flavor == Flavor::Fallible => {
                format!("chk({})?", self.int(d - 1))
            }
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

    pub(super) fn cond(&mut self, d: u32) -> String {
        match self.rng.below(if d == 0 { 3 } else { 5 }) {
            0 => format!("{} % 2 == 0", self.int(1)),
            1 => format!("{} > {}", self.int(1), self.int(1)),
            2 => format!("{} < {}", self.int(1), self.rng.below(8)),
            3 => format!("({} && {})", self.cond(d - 1), self.cond(d - 1)),
            _ => format!("!({})", self.cond(d - 1)),
        }
    }

    pub(super) fn item(&mut self, v: &str) -> String {
        match self.flavor {
            Flavor::Fallible if self.rng.chance(1, 12) => format!("Err({v})"),
            Flavor::Fallible => format!("Ok({v})"),
            _ => v.to_string(),
        }
    }

    /// A yield written as a statement, a block's tail or a `match` arm.
    pub(super) fn yield_expr(&mut self) -> String {
        self.yield_with(true)
    }

    /// A yield inside another expression (`f(yield_!(..))`, `let _ = yield_!(..)`), whose
    /// operand's temporaries a flat generator drops before the item (README limit 4).
    pub(super) fn yield_in_expression(&mut self) -> String {
        self.yield_with(false)
    }

    fn yield_with(&mut self, temporaries: bool) -> String {
        // A temporary the operand reads in place (a field's base, the receiver of a std
        // method that borrows it) lives until the generator resumes.
        let v = if temporaries && self.rng.chance(1, 6) {
            // (Made from numbers: a value made by a function from what an unknown method
            // returns may borrow, and is not kept, README limit 5. No closure in the operand:
            // async and `boxed` generators type such an operand by the item type instead.)
            let t = self.fresh("tmp");
            let (n, x) = (self.lit(), self.atom(true));
            match self.rng.index(3) {
                0 => format!("wadd(S::new(\"{t}\", {n}).n, {x})"),
                1 => format!("(S::new(\"{t}\", {n}).items.len() as u64)"),
                _ => format!("wadd(Some(S::new(\"{t}\", {n}).items.len() as u64).unwrap(), {x})"),
            }
        } else {
            self.int(2)
        };
        self.yield_of(&v).trim_end_matches(';').to_string()
    }

    /// An enum value matched by arms that bind its number and leave its guard in it
    /// (`E::A { n, .. }`, `E::A { n, g: _ }`, `E::B(k, _)`), for a value or with a yield in
    /// the arms: the guard drops with the value, at the end of its scope.
    pub(super) fn variant_match(&mut self, compound: bool) -> String {
        if compound && self.rng.chance(1, 4) {
            // An arm that moves an owned field out (`M::Put { key, .. }`, the key read in
            // place) and leaves the guard in the value, which stays in scope after the yields.
            // Or moves it into a call (`keep(key)`), the binding's only use.
            let m = self.fresh("m");
            let v = self.int(1);
            let (y1, y2) = if self.rng.chance(1, 2) {
                (self.yield_of("(key.len() as u64)"), self.yield_of("1u64"))
            } else {
                (self.yield_of("keep(key)"), self.yield_of("2u64"))
            };
            return format!(
                "let {m} = M::new(\"{m}\", {v});\nmatch {m} {{\nM::Put {{ key, .. }} => {{ {y1}\n{y2} }}\nM::Stop => {{}}\n}}\n"
            );
        }
        let e = self.fresh("e");
        let v = self.int(1);
        let decl = format!("let {e} = E::new(\"{e}\", {v});\n");
        let a = if self.rng.chance(1, 2) {
            "E::A { n, .. }"
        } else {
            "E::A { n, g: _ }"
        };
        if compound && self.rng.chance(2, 3) {
            let (ya, yb) = (self.yield_of("n"), self.yield_of("wadd(k, 1u64)"));
            return match self.rng.index(4) {
                0 | 1 => format!(
                    "{decl}match {e} {{\n{a} => {{ {ya} }}\nE::B(k, _) => {{ {yb} }}\nE::C => {{}}\n}}\n"
                ),
                // The same patterns in `if let` and `else if let`.
                2 => format!(
                    "{decl}if let {a} = {e} {{ {ya} }} else if let E::B(k, _) = {e} {{ {yb} }}\n"
                ),
                // `while let` over a value the body replaces (`E::new` of the next number
                // makes the next variant: `B` then `C` ends the loop).
                _ => {
                    let decl = decl.replacen("let ", "let mut ", 1);
                    format!(
                        "{decl}while let E::B(k, _) = {e} {{\n{yb}\n{e} = E::new(\"{e}.r\", wadd(k, 1u64));\n}}\n"
                    )
                }
            };
        }
        if self.rng.chance(1, 4) {
            // `let .. else` that leaves the guard in the value.
            let x = self.fresh("x");
            self.declare(x.clone(), Ty::Int);
            return format!(
                "{decl}let {x} = {{\nlet {a} = {e} else {{ @RET@ }};\nwadd(n, 1u64)\n}};\n"
            );
        }
        let x = self.fresh("x");
        self.declare(x.clone(), Ty::Int);
        format!(
            "{decl}let {x} = match {e} {{\n{a} => wadd(n, 1u64),\nE::B(k, _) => k,\nE::C => 0u64,\n}};\n"
        )
    }

    pub(super) fn yield_of(&mut self, v: &str) -> String {
        let v = self.item(v);
        format!("yield_!({v});")
    }

    pub(super) fn yield_from_operand(&mut self) -> String {
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
}
