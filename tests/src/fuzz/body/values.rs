//! Owned values beyond guards, integers and struct-like values: `String`s and the locals that
//! borrow them until the next yield, `Vec<String>` (`join`), `Vec<G>` (`vec![g]`), an mpsc
//! channel (`send` by reference, the receiver counts) and the `Rec` record whose `Copy` id is
//! used by value next to a guard the body never names; a guard's own methods named like std
//! ones (`g.count()`, `g.get(..)`).
//!
//! Every value here that is not `Copy` follows the guard rule of `super`: it is moved only in
//! the loop nesting that declared it (or right before a jump out of its scope), and a move in
//! one branch counts as a move for the rest of its scope.

use super::{Gen, Ty};

impl Gen {
    /// The name of the local declared last in the innermost scope.
    pub(super) fn last_declared(&self) -> String {
        self.scopes
            .last()
            .and_then(|s| s.last())
            .expect("declared")
            .name
            .clone()
    }

    /// `let mut text = ..;`: an owned `String`, often of comma-separated numbers.
    pub(super) fn text_decl(&mut self) -> String {
        let t = self.fresh("text");
        let init = match (self.rng.below(5), self.pick_var(Ty::Int)) {
            (0, _) => {
                let (x, y, z) = (self.int(1), self.int(1), self.int(1));
                format!("format!(\" {{}} ,{{}}, {{}} \", {x}, {y}, {z})")
            }
            (1, _) => {
                let (x, y) = (self.int(1), self.int(1));
                format!("format!(\"{{}},{{}}\", {x}, {y})")
            }
            (2, _) => format!("{}.to_string()", self.int(1)),
            (3, Some(x)) => format!("format!(\"{{{x}}}, {{{x}:?}}\")"),
            _ => "String::from(\" 1, 22 ,3 \")".to_string(),
        };
        self.declare(t.clone(), Ty::Text);
        format!("let mut {t} = {init};\n")
    }

    /// A local that borrows a `String` local and is dead at the next yield:
    /// `let s = text.trim(); let n = s.len() as u64; yield_!(n);` and the like (the `String`
    /// is declared first when there is none).
    pub(super) fn borrow_dead(&mut self) -> String {
        let mut out = String::new();
        let text = match self.pick_var(Ty::Text) {
            Some(t) => t,
            None => {
                out += &self.text_decl();
                self.last_declared()
            }
        };
        let r = self.fresh("r");
        let n = self.fresh("x");
        out += &match self.rng.below(5) {
            0 => format!("let {r} = {text}.trim();\nlet {n} = {r}.len() as u64;\n"),
            1 => format!(
                "let {r}: Vec<&str> = {text}.split(',').collect();\nlet {n} = {r}.len() as u64;\n"
            ),
            2 => format!(
                "let {r} = {text}.split(',').map(str::trim).next().unwrap_or(\"\");\n\
                 let {n} = wadd({r}.len() as u64, {r}.parse::<u64>().unwrap_or(7u64));\n"
            ),
            3 => format!(
                "let {r} = {text}.as_bytes();\nlet {n} = {r}.iter().filter(|c| **c == b',').count() as u64;\n"
            ),
            _ => format!("let {r} = &{text}[..];\nlet {n} = ({r}.len() as u64) % 7;\n"),
        };
        self.declare(n.clone(), Ty::Int);
        if self.rng.chance(3, 4) {
            let y = self.yield_of(&n);
            out += &format!("{y}\n");
        }
        out
    }

    /// `text.push_str(..)` on a `String` local (a `&mut` borrow that ends at once).
    pub(super) fn text_mut(&mut self) -> Option<String> {
        let t = self.pick_var(Ty::Text)?;
        Some(match self.rng.below(2) {
            0 => format!("{t}.push_str(&format!(\",{{}}\", {}));\n", self.int(1)),
            _ => format!("{t}.push(',');\n"),
        })
    }

    /// A `Vec<String>` (declared when there is none, from a moved `String` local, a clone
    /// or `format!`) and `words.join(",")`, a `&self` method named like a by-value one.
    pub(super) fn words_stmt(&mut self) -> String {
        let mut pre = String::new();
        let w = match self.pick_var(Ty::Words) {
            Some(w) => w,
            None if self.rng.chance(1, 2) => {
                pre = self.words_decl();
                self.last_declared()
            }
            None => return self.words_decl(),
        };
        pre + &match self.rng.below(3) {
            0 => {
                let x = self.int(1);
                format!("{w}.push({x}.to_string());\n")
            }
            _ => {
                let j = self.fresh("text");
                let e = self.int(1);
                let y = self.yield_of(&format!("wadd({j}.len() as u64, {e})"));
                self.declare(j.clone(), Ty::Text);
                format!("let mut {j} = {w}.join(\",\");\n{y}\n")
            }
        }
    }

    /// A guard's `&self` methods named like std ones: `let x = g.count();` (a by-value name)
    /// and `let h = g.get("h");` (a borrowing name) returning an owned guard, read at once
    /// and dropped at the end of its scope; `g` lives on to the end of its scope.
    pub(super) fn users_named_like_std(&mut self) -> Option<String> {
        let g = self.pick_var(Ty::Guard)?;
        Some(match self.rng.below(2) {
            0 => {
                let x = self.fresh("x");
                self.declare(x.clone(), Ty::Int);
                let y = self.yield_of(&x);
                format!("let {x} = {g}.count();\n{y}\n")
            }
            // Read before the next yield only (one read after it is limit 5's error: the
            // macro takes `get` for std's borrow); it drops at the end of its scope.
            _ => {
                let (h, x) = (self.fresh("g"), self.fresh("x"));
                self.declare(x.clone(), Ty::Int);
                format!("let {h} = {g}.get(\"{h}\");\nlet {x} = {h}.id();\n")
            }
        })
    }

    /// `let mut words = vec![..];`: from a moved `String` local, a clone or `format!`.
    pub(super) fn words_decl(&mut self) -> String {
        let w = self.fresh("words");
        let first = match self.pick_movable(&[Ty::Text], false) {
            Some((t, _, _)) if self.rng.chance(1, 2) => {
                self.var_mut(&t).expect("visible").moved = true;
                t
            }
            _ => match self.pick_var(Ty::Text) {
                Some(t) => format!("{t}.clone()"),
                None => "String::from(\"w\")".to_string(),
            },
        };
        let x = self.int(1);
        self.declare(w.clone(), Ty::Words);
        format!("let mut {w} = vec![{first}, format!(\"{{}}\", {x})];\n")
    }

    /// An mpsc channel (declared when there is none) and `tx.send(..)`, a `&self` method
    /// named like a by-value one; the receiver's count is read by [`Gen::owned_atom`].
    pub(super) fn channel_stmt(&mut self) -> String {
        let mut pre = String::new();
        let tx = match self.pick_var(Ty::Sender) {
            Some(tx) => tx,
            None => {
                let (tx, rx) = (self.fresh("tx"), self.fresh("rx"));
                self.declare(tx.clone(), Ty::Sender);
                self.declare(rx.clone(), Ty::Receiver);
                pre = format!("let ({tx}, {rx}) = std::sync::mpsc::channel::<u64>();\n");
                tx
            }
        };
        let e = self.int(1);
        pre + &match self.rng.below(2) {
            0 => format!("{tx}.send({e}).unwrap();\n"),
            _ => format!("let _ = {tx}.send({e});\n"),
        }
    }

    /// `let gv = vec![g, ..];`: guards moved into `vec!` (a guard place that may be moved
    /// here, and new ones).
    pub(super) fn vec_guard(&mut self) -> String {
        let gv = self.fresh("gv");
        let mut items = Vec::new();
        let mut named = String::new();
        if let Some(place) = self.guard_place(false) {
            self.mark(&place);
            items.push(place.expr());
            if let Some(f) = place.field {
                named = self.name_fields(&place.name, place.ty, f);
            }
        }
        if items.is_empty() || self.rng.chance(1, 2) {
            let (_, g) = self.new_guard(&gv);
            items.push(g);
        }
        self.declare(gv.clone(), Ty::Guards);
        format!("{named}let {gv} = vec![{}];\n", items.join(", "))
    }

    /// A `Vec<G>` local moved: iterated by value (`for h in gv { .. }`) or dropped.
    pub(super) fn guards_use(&mut self, depth: usize, loops_ok: bool) -> Option<String> {
        let (gv, _, _) = self.pick_movable(&[Ty::Guards], false)?;
        self.var_mut(&gv).expect("visible").moved = true;
        if loops_ok && self.rng.chance(2, 3) {
            let (lab, label) = self.label();
            let h = self.fresh("g");
            let body = self.loop_body(depth, label, false, "", Some((h.clone(), Ty::Guard)));
            return Some(format!("{lab}for {h} in {gv} {body}\n"));
        }
        Some(format!("drop({gv});\n"))
    }

    /// `let r = Rec::new(..)` (a `Copy` id, an owned name and a guard the body never names)
    /// and its id used by value as a call argument, a tuple element, a yielded item, or
    /// through a `let` whose binding is then used in arithmetic, or its name moved into a
    /// call; the guard must drop at the end of the scope.
    pub(super) fn record_id(&mut self) -> String {
        let r = self.fresh("rec");
        let x = self.fresh("x");
        let n = self.int(1);
        let decl = format!("let {r} = Rec::new(\"{r}\", {n});\n");
        let k = self.int(1);
        let use_ = match self.rng.below(6) {
            // The owned field moved out by value while the record stays in scope: the
            // guard still drops at the end of the scope.
            5 => format!("let {x} = wadd(keep({r}.name), {r}.id);\n"),
            0 => format!("let {x} = wadd({r}.id, {k});\n"),
            1 => format!("let {x} = ({r}.id, {k}).0;\n"),
            2 => format!("let {x} = Some({r}.id).unwrap_or({k});\n"),
            3 => format!("let {x} = {r}.id;\nlet {x} = {x} + 1;\n"),
            _ => {
                let y = self.yield_of(&format!("{r}.id"));
                format!("{y}\nlet {x} = {k};\n")
            }
        };
        self.declare(x.clone(), Ty::Int);
        let y = self.yield_of(&x);
        format!("{decl}{use_}{y}\n")
    }
}
