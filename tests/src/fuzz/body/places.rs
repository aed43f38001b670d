//! Struct-like values whose fields are moved out one at a time (the runtime's `S`, a
//! `(G, Vec<u64>, u64)` tuple, `Box<S>`, `Box<G>`); the other owned values are in
//! `values.rs`.
//!
//! Every value here that is not `Copy` follows the guard rule of `super`: it is moved only in
//! the loop nesting that declared it (or right before a jump out of its scope), and a move
//! in one branch counts as a move for the rest of its scope.
//!
//! In half the programs, a struct-like local that the body partly moves has every field
//! named in the body: at its declaration and around each move ([`Gen::declare_fielded`],
//! [`Gen::name_fields`]); in the other half a field may be left unnamed. (The flat lowering
//! keeps a partly moved tuple built from a literal in parts; a body keeping any other
//! partly moved value across a yield is lowered `boxed`, README "How it works".)

use std::fmt::Write as _;

use super::{Field, Gen, Ty, Var};

/// The marker of [`Gen::declare_fielded`]: `@FIELDS:<name>@`.
const FIELDS: &str = "@FIELDS:";

/// A guard-valued place that can be moved out: a guard local, the guard field of a
/// struct-like local, or the guard in a `Box<G>`.
#[derive(Debug, Clone)]
pub(super) struct Place {
    /// The local.
    pub(super) name: String,
    /// The local's type.
    pub(super) ty: Ty,
    /// `Some(Field::G)` for a field move; `None` for the whole local.
    pub(super) field: Option<Field>,
}

impl Place {
    /// The place as an expression that moves it (`g`, `s.g`, `t.0`, `*bg`).
    pub(super) fn expr(&self) -> String {
        match (self.ty, self.field) {
            (Ty::BoxG, _) => format!("*{}", self.name),
            (ty, Some(f)) => format!("{}.{}", self.name, ty.field(Some(f))),
            (_, None) => self.name.clone(),
        }
    }
}

impl Gen {
    /// The visible locals (the innermost of each name), moved or not.
    pub(super) fn visible_vars(&self) -> Vec<&Var> {
        let mut seen = std::collections::HashSet::new();
        self.scopes
            .iter()
            .flatten()
            .rev()
            .filter(|v| seen.insert(v.name.clone()))
            .collect()
    }

    /// A visible, unmoved local of one of `tys` that may be moved here: declared in this loop
    /// nesting, or anywhere when `any_depth` (the move is followed by a `return`).
    pub(super) fn pick_movable(&mut self, tys: &[Ty], any_depth: bool) -> Option<(String, Ty, u8)> {
        let depth = self.loops.len();
        let found: Vec<(String, Ty, u8)> = self
            .visible_vars()
            .into_iter()
            .filter(|v| tys.contains(&v.ty) && !v.moved && (any_depth || v.loop_depth == depth))
            .map(|v| (v.name.clone(), v.ty, v.parts))
            .collect();
        (!found.is_empty()).then(|| self.rng.pick(&found).clone())
    }

    /// A guard-valued place that may be moved here (see [`Gen::pick_movable`]); not marked.
    pub(super) fn guard_place(&mut self, any_depth: bool) -> Option<Place> {
        let tys = [
            Ty::Guard,
            Ty::Guard,
            Ty::Struct,
            Ty::Tuple,
            Ty::BoxS,
            Ty::BoxG,
        ];
        let ty = *self.rng.pick(&tys);
        let (name, ty, parts) = self.pick_movable(&[ty], any_depth)?;
        let field = ty.has_fields().then_some(Field::G);
        if field.is_some() && parts & Field::G as u8 != 0 {
            return None;
        }
        Some(Place { name, ty, field })
    }

    /// Records that `place` was moved (for the rest of its scope).
    pub(super) fn mark(&mut self, place: &Place) {
        if let Some(v) = self.var_mut(&place.name) {
            match place.field {
                Some(f) => v.parts |= f as u8,
                None => v.moved = true,
            }
        }
    }

    /// A name for a new guard, with a unique drop label: `("g7", "G::new(\"g7.n8\")")`.
    pub(super) fn new_guard(&mut self, prefix: &str) -> (String, String) {
        let g = self.fresh(prefix);
        let label = self.fresh("n");
        let e = format!("G::new(\"{g}.{label}\")");
        (g, e)
    }

    /// Declares the struct-like local `name` (a unique name) of type `ty` and returns the
    /// marker that ends its declaration line: [`Gen::resolve_fields`] turns it into `let _ =
    /// (&s.g, &s.items, &s.n);` when the body moves a field out of `name` (the never-named
    /// field rule, see [`Gen::name_fields`]), and removes it otherwise.
    pub(super) fn declare_fielded(&mut self, name: &str, ty: Ty) -> String {
        self.declare(name.to_string(), ty);
        self.fielded.insert(name.to_string(), (ty, false));
        format!(" {FIELDS}{name}@")
    }

    /// Records that the body moves a field out of the struct-like local `name`, as the
    /// macro sees it: a field used by value (`s.n` as a call argument is a move to the
    /// macro, which does not know that it is `Copy`).
    pub(super) fn partly_moved(&mut self, name: &str) {
        if let Some(entry) = self.fielded.get_mut(name) {
            entry.1 = true;
        }
    }

    /// `body` with the markers of [`Gen::declare_fielded`] resolved.
    pub(super) fn resolve_fields(&self, body: &str) -> String {
        let mut out = String::with_capacity(body.len());
        let mut rest = body;
        while let Some(at) = rest.find(FIELDS) {
            out.push_str(rest[..at].trim_end_matches(' '));
            let tail = &rest[at + FIELDS.len()..];
            let end = tail.find('@').expect("a marker's end");
            let name = &tail[..end];
            if let (Some(&(ty, true)), true) = (self.fielded.get(name), self.name_every_field) {
                let fields: Vec<String> = [Some(Field::G), Some(Field::Items), None]
                    .into_iter()
                    .map(|f| format!("&{name}.{}", ty.field(f)))
                    .collect();
                let _ = write!(out, " let _ = ({});", fields.join(", "));
            }
            rest = &tail[end + 1..];
        }
        out.push_str(rest);
        out
    }

    /// `let mut s = S::new(..)`, a tuple, a `Box<S>` or a `Box<G>` (declared by a `let` or
    /// by a macro that expands to one).
    pub(super) fn decl_place(&mut self) -> String {
        match self.rng.below(6) {
            0 | 1 => {
                let (s, g) = self.new_guard("s");
                let n = self.int(1);
                let init = if self.rng.chance(1, 2) {
                    let label = g.trim_start_matches("G::new(").trim_end_matches(')');
                    format!("S::new({label}, {n})")
                } else {
                    let len = 1 + self.rng.index(3);
                    let items = self.int_list(len);
                    format!("S {{ g: {g}, items: vec![{items}], n: {n} }}")
                };
                let named = self.declare_fielded(&s, Ty::Struct);
                format!("let mut {s} = {init};{named}\n")
            }
            2 => {
                let (t, g) = self.new_guard("t");
                let n = 1 + self.rng.index(3);
                let items = self.int_list(n);
                let n = self.int(1);
                let named = self.declare_fielded(&t, Ty::Tuple);
                format!("let mut {t} = ({g}, vec![{items}], {n});{named}\n")
            }
            3 => {
                let (b, g) = self.new_guard("bs");
                let label = g.trim_start_matches("G::new(").trim_end_matches(')');
                let n = self.int(1);
                let named = self.declare_fielded(&b, Ty::BoxS);
                format!("let mut {b} = Box::new(S::new({label}, {n}));{named}\n")
            }
            4 => {
                let (b, g) = self.new_guard("bg");
                self.declare(b.clone(), Ty::BoxG);
                format!("let mut {b} = Box::new({g});\n")
            }
            _ => {
                let (b, g) = self.new_guard("bg");
                self.declare(b.clone(), Ty::BoxG);
                format!("boxed_guard!({b}, {g});\n")
            }
        }
    }

    /// `n` integer expressions, comma-separated.
    pub(super) fn int_list(&mut self, n: usize) -> String {
        let items: Vec<String> = (0..n).map(|_| self.int(1)).collect();
        items.join(", ")
    }

    /// A read of a field of a struct-like local: `s.n` (whatever was moved out of the
    /// others), `s.g.id()`, `s.items.len()`, `s.items.last()`.
    pub(super) fn field_atom(&mut self) -> Option<String> {
        let found: Vec<(String, Ty, u8)> = self
            .visible_vars()
            .into_iter()
            .filter(|v| v.ty.has_fields() && !v.moved)
            .map(|v| (v.name.clone(), v.ty, v.parts))
            .collect();
        if found.is_empty() {
            return None;
        }
        let (s, ty, parts) = self.rng.pick(&found).clone();
        let (g, items, n) = (
            ty.field(Some(Field::G)),
            ty.field(Some(Field::Items)),
            ty.field(None),
        );
        Some(match self.rng.below(4) {
            0 if parts & Field::G as u8 == 0 => format!("{s}.{g}.id()"),
            1 if parts & Field::Items as u8 == 0 => format!("({s}.{items}.len() as u64)"),
            2 if parts & Field::Items as u8 == 0 => {
                format!("{s}.{items}.last().copied().unwrap_or(0u64)")
            }
            _ => {
                self.partly_moved(&s);
                format!("{s}.{n}")
            }
        })
    }

    /// A read of another owned local: a `String`'s or `Vec`'s length, the items a receiver
    /// got so far, a `Box<G>`'s id, an element of a tuple built around a yield.
    pub(super) fn owned_atom(&mut self) -> Option<String> {
        let tys = [
            Ty::Text,
            Ty::Words,
            Ty::Guards,
            Ty::Receiver,
            Ty::BoxG,
            Ty::Trio,
        ];
        let ty = *self.rng.pick(&tys);
        let v = self.pick_var(ty)?;
        Some(match ty {
            Ty::Text | Ty::Words | Ty::Guards => format!("({v}.len() as u64)"),
            Ty::Receiver => format!("(({v}.try_iter().count() as u64) % 5)"),
            Ty::BoxG => format!("{v}.id()"),
            _ if self.rng.chance(1, 2) => format!("{v}.0"),
            _ => format!("{v}.2"),
        })
    }

    /// `.last()` on a slice (a `Vec<u64>` local, an array, `&v[..]`), or on a `Vec<String>`.
    pub(super) fn last_atom(&mut self) -> Option<String> {
        match self.rng.below(5) {
            0 => self
                .pick_var(Ty::Stack)
                .map(|v| format!("{v}.last().copied().unwrap_or(0u64)")),
            1 => self
                .pick_var(Ty::Stack)
                .map(|v| format!("{v}[..].last().map_or(1u64, |x| x % 4)")),
            2 => self
                .pick_var(Ty::Words)
                .map(|w| format!("{w}.last().map_or(0u64, |s| s.len() as u64)")),
            3 if self.rng.chance(1, 2) => {
                let (x, y) = (self.atom(true), self.atom(true));
                Some(format!("[{x}, {y}].last().copied().unwrap_or(0u64)"))
            }
            _ => self.field_atom(),
        }
    }

    /// A move out of a struct-like local or a `Box<G>` (declared first when there is none):
    /// a field (`let h = s.g;`, `consume(t.0)`, `for v in s.items { .. }`, `let mut v =
    /// bs.items;`, a struct update `S { g: .., ..s }`), the whole value when nothing was moved out yet, or, in a loop, a field
    /// moved and the whole value assigned again before the next iteration. Often followed by
    /// a yield that reads a field left in place (`s.n`).
    pub(super) fn partial_move(&mut self, depth: usize, loops_ok: bool) -> String {
        let tys = [Ty::Struct, Ty::Tuple, Ty::BoxS, Ty::BoxG];
        let mut pre = String::new();
        let picked = match self.pick_movable(&tys, false) {
            Some(p) => p,
            None => {
                pre = self.decl_place();
                let v = self.scopes.last().and_then(|s| s.last()).expect("declared");
                (v.name.clone(), v.ty, 0)
            }
        };
        let (s, ty, parts) = picked;
        if ty == Ty::BoxG {
            let place = Place {
                name: s.clone(),
                ty,
                field: None,
            };
            self.mark(&place);
            return pre + &self.move_guard_place(&place);
        }
        let (itf, nf) = (ty.field(Some(Field::Items)), ty.field(None));
        let g_in = parts & Field::G as u8 == 0;
        let items_in = parts & Field::Items as u8 == 0;
        let mut out = pre;
        match self.rng.below(7) {
            0 | 1 if g_in => {
                let place = Place {
                    name: s.clone(),
                    ty,
                    field: Some(Field::G),
                };
                self.mark(&place);
                out += &self.move_guard_place(&place);
            }
            2 if items_in && loops_ok => {
                self.var_mut(&s).expect("visible").parts |= Field::Items as u8;
                let (lab, label) = self.label();
                let v = self.fresh("v");
                let body = self.loop_body(depth, label, false, "", Some((v.clone(), Ty::Int)));
                let mv = format!("{lab}for {v} in {s}.{itf} {body}\n");
                out += &self.around(mv, &s, ty, Field::Items);
            }
            2 | 3 if items_in => {
                self.var_mut(&s).expect("visible").parts |= Field::Items as u8;
                let v = self.fresh("st");
                self.declare(v.clone(), Ty::Stack);
                let mv = format!("let mut {v} = {s}.{itf};\n");
                out += &self.around(mv, &s, ty, Field::Items);
            }
            4 if parts == 0 => {
                self.var_mut(&s).expect("visible").moved = true;
                match self.rng.below(3) {
                    0 => out += &format!("drop({s});\n"),
                    1 if ty == Ty::BoxS => {
                        let s2 = self.fresh("s");
                        let named = self.declare_fielded(&s2, Ty::Struct);
                        out += &format!("let mut {s2} = *{s};{named}\n");
                    }
                    _ => {
                        let s2 = self.fresh(if ty == Ty::Tuple { "t" } else { "s" });
                        let named = self.declare_fielded(&s2, ty);
                        out += &format!("let mut {s2} = {s};{named}\n");
                    }
                }
                return out;
            }
            // A struct update: the fields the literal does not list move out of `s`, the
            // listed ones stay in it (never named otherwise) until its scope ends.
            6 if ty == Ty::Struct && parts == 0 => {
                let s2 = self.fresh("s");
                let (lit, taken) = if self.rng.chance(1, 2) {
                    let (_, g) = self.new_guard("u");
                    (format!("S {{ g: {g}, ..{s} }}"), Field::Items)
                } else {
                    let (x, n) = (self.int(1), self.int(1));
                    (format!("S {{ items: vec![{x}], n: {n}, ..{s} }}"), Field::G)
                };
                self.var_mut(&s).expect("visible").parts |= taken as u8;
                let named = self.declare_fielded(&s2, Ty::Struct);
                out += &format!("let mut {s2} = {lit};{named}\n");
            }
            5 if (g_in || items_in) && loops_ok => {
                out += &self.move_and_reassign_loop(depth, &s, ty, parts);
            }
            _ => {
                out += &format!("{};\n", self.yield_expr());
            }
        }
        if self.rng.chance(1, 2) && !self.var_mut(&s).is_some_and(|v| v.moved) {
            self.partly_moved(&s);
            let e = self.int(1);
            out += &self.yield_of(&format!("wadd({s}.{nf}, {e})"));
            out.push('\n');
        }
        if self.rng.chance(1, 4) {
            out += &self.reassign(&s, ty);
        }
        out
    }

    /// `let h = <place>;`, `consume(<place>);` or `drop(<place>);` (the caller marks it).
    /// A field moved out comes with the other fields of its value named (see
    /// [`Gen::name_fields`]).
    pub(super) fn move_guard_place(&mut self, place: &Place) -> String {
        let e = place.expr();
        let mv = match self.rng.below(3) {
            0 => format!("consume({e});\n"),
            1 => format!("drop({e});\n"),
            _ => {
                let h = self.fresh("g");
                self.declare(h.clone(), Ty::Guard);
                format!("let {h} = {e};\n")
            }
        };
        match place.field {
            Some(f) => self.around(mv, &place.name, place.ty, f),
            None => mv,
        }
    }

    /// In the programs that name every field ([`Gen::name_every_field`], in the others only
    /// the moved one, before the move), whenever a field of the struct-like local `s` (of type
    /// `ty`) is moved out, every other field still in place is named right there too: `let _ = &s.g;`,
    /// `let _ = s.items.len();`, `let _ = s.n;` (fields already moved out, the local's
    /// `parts`, were named by their own move). This places reads of the fields left in a
    /// partly moved value before and after the move; the declaration of `s` names every
    /// field as well ([`Gen::declare_fielded`]), so the rule still holds when the reducer
    /// removes statements.
    pub(super) fn name_fields(&mut self, s: &str, ty: Ty, moved: Field) -> String {
        self.partly_moved(s);
        if !self.name_every_field {
            // Only the moved field is named, by a borrow to be placed before the move: a
            // field the body also borrows is moved by a by-value use (README limit 3), and
            // the value's other fields stay unnamed.
            return format!("let _ = &{s}.{};\n", ty.field(Some(moved)));
        }
        let parts = self.var_mut(s).map_or(0, |v| v.parts);
        let mut out = String::new();
        for f in [Some(Field::G), Some(Field::Items), None] {
            if f.is_some_and(|f| f == moved || parts & f as u8 != 0) {
                continue;
            }
            let e = format!("{s}.{}", ty.field(f));
            out += &match (f, self.rng.below(3)) {
                (Some(Field::G), 1) => format!("let _ = {e}.id();\n"),
                (Some(Field::Items), 1) => format!("let _ = {e}.len();\n"),
                (None, 1) => format!("let _ = {e};\n"),
                _ => format!("let _ = &{e};\n"),
            };
        }
        out
    }

    /// `mv`, a statement that moves field `moved` out of `s`, with the other fields of `s`
    /// named ([`Gen::name_fields`]) right before or right after it.
    pub(super) fn around(&mut self, mv: String, s: &str, ty: Ty, moved: Field) -> String {
        let named = self.name_fields(s, ty, moved);
        if !self.name_every_field || self.rng.chance(1, 2) {
            named + &mv
        } else {
            mv + &named
        }
    }
}
