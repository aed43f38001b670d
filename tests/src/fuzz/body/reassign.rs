//! Struct-like values moved out of in a loop and assigned a whole new value again, and
//! reassignments of a partly moved local (see `places.rs` for the values themselves).

use super::{Field, Gen, MAX_LOOPS, Ty};

impl Gen {
    /// A loop that moves a field of `s` (declared outside it) and assigns the whole of `s`
    /// again before the next iteration; sometimes it leaves by a `break` in between (then
    /// the field counts as moved after the loop).
    pub(super) fn move_and_reassign_loop(
        &mut self,
        depth: usize,
        s: &str,
        ty: Ty,
        parts: u8,
    ) -> String {
        let k = self.rng.below(4);
        let (head, counter, index) = if self.rng.chance(1, 2) {
            let i = self.fresh("i");
            (format!("for {i} in 0..{k}u64 "), String::new(), Some(i))
        } else {
            let c = self.fresh("c");
            self.declare(c.clone(), Ty::Counter);
            let head = format!("let mut {c} = 0u64;\nwhile {c} < {k} ");
            (head, format!("{c} += 1;\n"), None)
        };
        self.loops.push(super::LoopCtx {
            label: None,
            needs_value: false,
        });
        self.scopes.push(Vec::new());
        if let Some(i) = index {
            self.declare(i, Ty::Int);
        }
        let field = if parts & Field::G as u8 == 0 && self.rng.chance(1, 2) {
            Field::G
        } else if parts & Field::Items as u8 == 0 {
            Field::Items
        } else {
            Field::G
        };
        let inner = self.loops.len() < MAX_LOOPS;
        self.var_mut(s).expect("visible").parts |= field as u8;
        let mut body = counter;
        // The other fields, named before the move (those of `parts` were named by their
        // own moves).
        body += &self.name_fields(s, ty, field);
        match field {
            Field::G => {
                let e = format!("{s}.{}", ty.field(Some(Field::G)));
                body += &match self.rng.below(2) {
                    0 => format!("consume({e});\n"),
                    _ => {
                        let h = self.fresh("g");
                        self.declare(h.clone(), Ty::Guard);
                        format!("let {h} = {e};\n{};\n", self.yield_expr())
                    }
                };
            }
            Field::Items if inner => {
                let v = self.fresh("v");
                let b = self.loop_body(depth, None, false, "", Some((v.clone(), Ty::Int)));
                body += &format!("for {v} in {s}.{} {b}\n", ty.field(Some(Field::Items)));
            }
            Field::Items => {
                let v = self.fresh("st");
                self.declare(v.clone(), Ty::Stack);
                body += &format!(
                    "let mut {v} = {s}.{};\n{};\n",
                    ty.field(Some(Field::Items)),
                    self.yield_expr()
                );
            }
        }
        let breaks = self.rng.chance(1, 3);
        if breaks {
            body += &format!("if {} {{ break; }}\n", self.cond(1));
        }
        if self.rng.chance(1, 2) {
            self.partly_moved(s);
            let e = self.int(1);
            body += &self.yield_of(&format!("wadd({s}.{}, {e})", ty.field(None)));
            body.push('\n');
        }
        let again = self.fresh_value(ty);
        body += &format!("{s} = {again};\n");
        self.scopes.pop();
        self.loops.pop();
        if !breaks {
            self.var_mut(s).expect("visible").parts = parts;
        }
        format!("{head}{{\n{body}}}\n")
    }

    /// A new value of the struct-like type `ty` (or `Box<G>`), for an assignment.
    pub(super) fn fresh_value(&mut self, ty: Ty) -> String {
        let (_, g) = self.new_guard("r");
        let label = g
            .trim_start_matches("G::new(")
            .trim_end_matches(')')
            .to_string();
        let n = self.int(1);
        match ty {
            Ty::Struct => format!("S::new({label}, {n})"),
            Ty::Tuple => format!("({g}, vec![{n}], 1u64)"),
            Ty::BoxS => format!("Box::new(S::new({label}, {n}))"),
            _ => format!("Box::new({g})"),
        }
    }

    /// The whole of a struct-like local (or a `Box<G>`) assigned again, typically after a
    /// move out of it; in its declaring block the assignment makes it whole again.
    pub(super) fn reassign_place(&mut self) -> Option<String> {
        let found: Vec<(String, Ty)> = self
            .visible_vars()
            .into_iter()
            .filter(|v| v.ty.has_fields() || v.ty == Ty::BoxG)
            .map(|v| (v.name.clone(), v.ty))
            .collect();
        if found.is_empty() {
            return None;
        }
        let (s, ty) = self.rng.pick(&found).clone();
        Some(self.reassign(&s, ty))
    }

    /// `s = <new value>;` for the visible struct-like local `s` of type `ty`.
    pub(super) fn reassign(&mut self, s: &str, ty: Ty) -> String {
        let e = self.fresh_value(ty);
        let scope = self.scopes.len();
        if self.var_mut(s).is_some_and(|v| v.parts != 0) {
            // A value a struct update took fields from, given a new value (maybe on some paths
            // only): recorded as partly moved, for the field naming of `Gen::name_fields`.
            self.partly_moved(s);
        }
        let v = self.var_mut(s).expect("visible");
        if v.scope_depth == scope {
            v.moved = false;
            v.parts = 0;
        }
        format!("{s} = {e};\n")
    }
}
