//! Statement and expression lowering of the flat state machine (see `emit.rs` for the model).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit::Visit as _;
use syn::{Block, Expr, ExprIf, ExprMatch, ExprYield, Local, Pat, Stmt, parse_quote};

use super::emit::{Cont, Emitter, LoopCtx};
use super::facts::{LocalId, LoopFact, RegionFact, Use};
use super::names;
use super::verbatim::{Scope, is_compound};
use crate::analyze::{YieldKind, yield_kind, yield_value};
use crate::parse::pat_bindings;

/// Whether an expression (outside closures, async blocks and items) contains a yield.
pub(crate) fn contains_yield(expr: &Expr) -> bool {
    first_yield(expr).is_some()
}

fn first_yield(expr: &Expr) -> Option<proc_macro2::Span> {
    struct Find(Option<proc_macro2::Span>);
    impl<'a> syn::visit::Visit<'a> for Find {
        fn visit_expr_yield(&mut self, y: &'a ExprYield) {
            self.0.get_or_insert(y.yield_token.span);
        }
        fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'a syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    let mut find = Find(None);
    find.visit_expr(expr);
    find.0
}

fn local_yields(local: &Local) -> (bool, bool) {
    let init = local.init.as_ref();
    (
        init.is_some_and(|i| contains_yield(&i.expr)),
        init.and_then(|i| i.diverge.as_ref())
            .is_some_and(|(_, e)| contains_yield(e)),
    )
}

fn binds_by_value(pat: &Pat) -> bool {
    let mut bindings = Vec::new();
    pat_bindings(pat, &mut bindings);
    bindings.iter().any(|b| !b.by_ref)
}

pub(super) enum LoopKind<'a> {
    Loop,
    While(&'a Expr),
    For(&'a Pat, &'a Expr),
}

impl Emitter<'_> {
    /// Lowers a block: a scope of its own around its statement list.
    pub(crate) fn block(&mut self, block: &Block, cont: &Cont) -> TokenStream {
        self.push_scope();
        let code = self.list(&block.stmts, cont);
        self.pop_scope();
        quote!({ #code })
    }

    /// Lowers a statement list whose end (or tail value) goes to `cont`.
    pub(crate) fn list(&mut self, stmts: &[Stmt], cont: &Cont) -> TokenStream {
        self.list_from(stmts, cont, None)
    }

    /// `origin`: the list these statements are the rest of (a resume or join arm), so a
    /// `return;` in them also bounds the states placed in the earlier part.
    fn list_from(
        &mut self,
        stmts: &[Stmt],
        cont: &Cont,
        origin: Option<(usize, u32)>,
    ) -> TokenStream {
        let mut out = TokenStream::new();
        let origin = origin.unwrap_or((self.facts.states.len(), self.pos));
        let (first_state, start) = origin;
        for (i, stmt) in stmts.iter().enumerate() {
            let rest = &stmts[i + 1..];
            match stmt {
                Stmt::Local(local) => match local_yields(local) {
                    (true, _) => {
                        // Desugar `let P = <yielding expr>;` into a join that receives the value.
                        let init = &local.init.as_ref().expect("checked").expr;
                        let join = self.new_state(true);
                        out.extend(self.tail(init, &Cont::Deliver(join)));
                        self.arm(join, |this| {
                            let val = names::val();
                            let bind = this.bind_let(local, Some(quote!(#val)));
                            let rest = this.list_from(rest, cont, Some(origin));
                            quote!(#bind #rest)
                        });
                        return out;
                    }
                    (false, _) => {
                        let init = local.init.as_ref().map(|init| {
                            let how = if binds_by_value(&local.pat) {
                                Use::Move
                            } else {
                                Use::Keep
                            };
                            self.verbatim_expr(&init.expr, how)
                        });
                        out.extend(self.bind_let(local, init));
                    }
                },
                Stmt::Expr(expr, semi) => {
                    let tail = semi.is_none() && rest.is_empty();
                    if !contains_yield(expr) {
                        let code = self.verbatim_expr(expr, Use::Move);
                        if tail {
                            out.extend(self.perform(cont, Some(code)));
                            return out;
                        }
                        out.extend(quote!(#code #semi));
                        if matches!(expr, Expr::Return(_)) {
                            // The rest of the list is dead code: the fold copy keeps it.
                            self.set_horizon(first_state, start);
                            return out;
                        }
                        continue;
                    }
                    if rest.is_empty() && (tail || !matches!(cont, Cont::Deliver(_))) {
                        out.extend(self.tail(expr, cont));
                        return out;
                    }
                    if let Expr::Yield(y) = expr
                        && yield_kind(y) == YieldKind::One
                    {
                        // Desugar `yield_!(v);` into a suspension; the resume arm runs the rest.
                        let next = self.rest_jump(rest);
                        out.extend(self.suspend(y, next.as_ref(), |this| {
                            this.list_from(rest, cont, Some(origin))
                        }));
                        return out;
                    }
                    // Desugar a yielding compound statement into a jump to a join after it.
                    let join = self.new_state(false);
                    out.extend(self.tail(expr, &Cont::Goto(join)));
                    self.arm(join, |this| this.list_from(rest, cont, Some(origin)));
                    return out;
                }
                // Items are visible in their whole block, which the arms split up: hoist them.
                Stmt::Item(item) => self.items.extend(quote!(#item)),
                Stmt::Macro(mac) => {
                    let expr = Expr::Macro(syn::ExprMacro {
                        attrs: mac.attrs.clone(),
                        mac: mac.mac.clone(),
                    });
                    let code = self.verbatim_expr(&expr, Use::Keep);
                    let semi = &mac.semi_token;
                    if semi.is_none() && rest.is_empty() {
                        out.extend(self.perform(cont, Some(code)));
                        return out;
                    }
                    out.extend(quote!(#code;));
                }
            }
        }
        out.extend(self.perform(cont, None));
        out
    }

    /// A `return;` statement of this list ends every path of the states placed since the
    /// list began: mentions after it, and the loops around the list, are out of their reach.
    fn set_horizon(&mut self, first_state: usize, start: u32) {
        let horizon = self.tick();
        let loops = &self.facts.loops;
        for state in &mut self.facts.states[first_state..] {
            if state.pos > start && state.horizon.is_none() {
                state.horizon = Some(horizon);
                state.loops.retain(|&l| loops[l].start > start);
            }
        }
    }

    /// `let P = init [else { .. }];` with the new bindings declared after the initializer.
    /// A local this `let` shadows that a later state still saves is first moved into a hidden
    /// alias, so the state machine can still name it.
    fn bind_let(&mut self, local: &Local, init: Option<TokenStream>) -> TokenStream {
        let attrs = &local.attrs;
        let pat = &local.pat;
        let diverge = local
            .init
            .as_ref()
            .and_then(|i| i.diverge.as_ref())
            .map(|(_, e)| {
                let code = if contains_yield(e) {
                    self.tail(e, &Cont::Diverge)
                } else {
                    self.verbatim_expr(e, Use::Move)
                };
                quote!(else #code)
            });
        let aliases = self.alias_shadowed(pat, true);
        let init_expr = local.init.as_ref().map(|i| &*i.expr);
        let through_ref = init_expr.is_some_and(borrows);
        let owner = init_expr.and_then(|e| self.borrowed_owned_local(e));
        let mut slots = TokenStream::new();
        for new in self.declare_pat(pat, through_ref) {
            self.locals[new].borrows.clone_from(&owner);
            slots.extend(self.alias_slot(self.current_arm, new));
        }
        let statement = match init {
            Some(init) if !aliases.is_empty() => {
                let tmp = names::init();
                quote!(let #tmp = #init; #aliases #(#attrs)* let #pat = #tmp #diverge;)
            }
            Some(init) => quote!(#(#attrs)* let #pat = #init #diverge;),
            None => quote!(#(#attrs)* let #pat;),
        };
        quote!(#statement #slots)
    }

    /// Before `pat` shadows a local that a later state still saves, moves that local into a
    /// hidden alias so the state machine can still name it. A lowered block only ever leaves by
    /// a jump or a suspension, which carries the alias along; but a `let` (`in_block`) inside
    /// the native loop of this arm would run again on the native back edge and move the local
    /// twice, so there a state that still needs the local reports the shadowing on the user's
    /// binding instead. A `for` pattern aliases before its native loop starts.
    pub(super) fn alias_shadowed(&mut self, pat: &Pat, in_block: bool) -> TokenStream {
        let mut new_names = Vec::new();
        pat_bindings(pat, &mut new_names);
        let mut aliases = TokenStream::new();
        for binding in &new_names {
            let shadowed = self.resolve(&binding.ident.to_string());
            let repeated = shadowed.is_some_and(|old| {
                self.loops.iter().any(|l| {
                    !l.is_block
                        && self.arm.native.contains(&l.id)
                        && l.level > self.locals[old].level
                })
            });
            let lives_as_long = !in_block || !repeated;
            if let Some(old) = shadowed
                && lives_as_long
                && !self.arm.aliases.contains_key(&old)
                && self.kept_later(old)
            {
                let alias = names::alias(old);
                let ident = self.name_of(old);
                self.aliased.insert((self.current_arm, old));
                if self.arm.slots.contains(&old) {
                    aliases.extend(quote!(#alias = #ident;));
                } else {
                    aliases.extend(quote!(let #alias = #ident;));
                }
                self.arm.aliases.insert(old, alias);
                self.scopes
                    .last_mut()
                    .expect("a scope is open")
                    .aliases
                    .push(old);
            }
        }
        aliases
    }

    /// Whether a state reachable from here saves `local`: a later one, or the head of an
    /// enclosing loop (reached again by its back edge).
    fn kept_later(&self, local: LocalId) -> bool {
        let Some(prior) = self.prior else {
            return false;
        };
        prior.saved_after(local, self.pos)
            || self
                .loops
                .iter()
                .filter_map(|l| l.head)
                .any(|head| prior.saved(head).contains(&local))
    }

    /// Desugar `yield_!(v)` into `let v = ..; <save state>; return Some(v)`; `then` emits the
    /// resume arm's code. `next`: where the resume arm goes straight to, when it does nothing
    /// else (see `store_next`).
    fn suspend(
        &mut self,
        y: &ExprYield,
        next: Option<&Cont>,
        then: impl FnOnce(&mut Self) -> TokenStream,
    ) -> TokenStream {
        let value = self.verbatim_expr(&yield_value(y), Use::Move);
        let resume = self.new_state(false);
        let span = y.yield_token.span;
        let mut save = self.store(resume, None, Some(span));
        if let Some(next) = next {
            save = self.store_next(resume, next, save);
        }
        let v = names::v();
        let ty = self.item_ty.as_ref().map(|ty| quote!(: #ty));
        let code = quote_spanned! {span=>
            { let #v #ty = #value; #save return ::core::option::Option::Some(#v); }
        };
        self.arm(resume, then);
        code
    }

    /// The jump a statement list consists of, when it is one bare `return;`, `continue;` or
    /// `break;`: a yield followed by it resumes only to jump (see `store_next`).
    fn rest_jump(&self, rest: &[Stmt]) -> Option<Cont> {
        let [Stmt::Expr(expr, _)] = rest else {
            return None;
        };
        match expr {
            Expr::Return(r) if r.expr.is_none() && r.attrs.is_empty() => Some(Cont::Finish),
            Expr::Continue(c) if c.attrs.is_empty() => {
                let (index, _) = self.target(c.label.as_ref(), true)?;
                (!self.loops[index].is_block).then_some(Cont::Continue(index))
            }
            Expr::Break(b) if b.expr.is_none() && b.attrs.is_empty() => {
                let (index, _) = self.target(b.label.as_ref(), false)?;
                Some(self.loops[index].exit.clone())
            }
            _ => None,
        }
    }

    /// A resume arm that only jumps on (a yield at the end of a loop body, of a branch, of the
    /// body, or followed by a bare `return;`/`continue;`/`break;`) re-binds its locals just to drop them at the jump. When none of the locals it
    /// saves beyond the target's has drop glue, dropping them at the yield instead is
    /// unobservable: desugar `st = Resume(..)` into
    /// `if needs_drop(&a) || .. { st = Resume(..) } else { st = Target(..) }`, a constant
    /// branch that stores the target directly (the loop head resumes its native loop in place
    /// instead of moving its locals through the resume arm). The resume arm stays for types
    /// with drop glue; with nothing to drop the condition is `false`, and the dead store still
    /// gives rustc the resume state's type.
    fn store_next(&mut self, resume: usize, next: &Cont, save: TokenStream) -> TokenStream {
        let target = match next {
            Cont::Goto(state) => Some(*state),
            Cont::Continue(index) => Some(self.loops[*index].head.expect("a loop has a head")),
            Cont::Finish => None,
            Cont::Deliver(_) | Cont::Diverge => return save,
        };
        let kept = self.saved(resume);
        let target_kept = target.map(|t| self.saved(t)).unwrap_or_default();
        if !target_kept.iter().all(|local| kept.contains(local)) {
            return save;
        }
        let dropped: Vec<TokenStream> = kept
            .into_iter()
            .filter(|local| !target_kept.contains(local))
            .map(|local| self.drop_probe(local))
            .collect();
        let cond = if dropped.is_empty() {
            quote!(false)
        } else {
            quote!(#(::gen_core::__private::needs_drop(#dropped))||*)
        };
        let store = match target {
            Some(t) => self.store(t, None, None),
            // Finishing: a resident iterator drops here, with the guard.
            None => self.release_all(),
        };
        quote!(if #cond { #save } else { #store })
    }

    /// Lowers an expression whose value goes to `cont`. The result is one expression.
    pub(crate) fn tail(&mut self, expr: &Expr, cont: &Cont) -> TokenStream {
        if !contains_yield(expr) {
            let code = self.verbatim_expr(expr, Use::Move);
            return self.perform(cont, Some(code));
        }
        match expr {
            Expr::Yield(y) => match yield_kind(y) {
                YieldKind::One => self.suspend(y, Some(cont), |this| this.perform(cont, None)),
                YieldKind::From => {
                    // Desugar `yield_from!(e)` into `for item in e { yield item }`.
                    let item = names::item();
                    let iterable = yield_value(y);
                    let one = Expr::Yield(ExprYield {
                        attrs: Vec::new(),
                        yield_token: y.yield_token,
                        expr: Some(Box::new(parse_quote!(#item))),
                    });
                    let desugared: Expr = parse_quote!(for #item in #iterable { #one; });
                    self.tail(&desugared, cont)
                }
            },
            Expr::Block(b) if b.label.is_none() => self.block(&b.block, cont),
            Expr::Block(b) => {
                // A labelled block: `break 'label value` goes to the block's continuation.
                let id = self.facts.loops.len();
                let start = self.tick();
                self.facts.loops.push(LoopFact { start, end: 0 });
                let label = b.label.as_ref().map(|l| l.name.clone());
                self.loops.push(LoopCtx {
                    level: self.scopes.len(),
                    native: label.clone().unwrap_or_else(|| names::loop_label(0)),
                    label,
                    is_block: true,
                    head: None,
                    exit: cont.clone(),
                    id,
                });
                let code = self.block(&b.block, cont);
                self.loops.pop();
                self.facts.loops[id].end = self.tick();
                code
            }
            Expr::If(i) => self.if_expr(i, cont),
            Expr::Match(m) => self.match_expr(m, cont),
            Expr::Loop(l) => self.loop_expr(l.label.as_ref(), LoopKind::Loop, &l.body, cont),
            Expr::While(w) => {
                self.loop_expr(w.label.as_ref(), LoopKind::While(&w.cond), &w.body, cont)
            }
            Expr::ForLoop(f) => self.loop_expr(
                f.label.as_ref(),
                LoopKind::For(&f.pat, &f.expr),
                &f.body,
                cont,
            ),
            Expr::Paren(p) => self.tail(&p.expr, cont),
            Expr::Break(b) if b.expr.as_deref().is_some_and(contains_yield) => {
                // Desugar `break 'l <yielding expr>` into the value going to the loop's exit.
                let value = b.expr.as_deref().expect("checked");
                match self.target(b.label.as_ref(), false) {
                    Some((index, _)) => {
                        let exit = self.loops[index].exit.clone();
                        self.tail(value, &exit)
                    }
                    None => self.unsupported(value, "in this `break`"),
                }
            }
            Expr::Assign(a) if !contains_yield(&a.left) => {
                // Desugar `place = <yielding expr>` into a join that assigns the value.
                let join = self.new_state(true);
                let code = self.tail(&a.right, &Cont::Deliver(join));
                self.arm(join, |this| {
                    let left = this.verbatim_expr(&a.left, Use::Keep);
                    let val = names::val();
                    let end = this.perform(cont, None);
                    quote!(#left = #val; #end)
                });
                code
            }
            Expr::Binary(b) if is_compound(&b.op) && !contains_yield(&b.left) => {
                let join = self.new_state(true);
                let code = self.tail(&b.right, &Cont::Deliver(join));
                self.arm(join, |this| {
                    let left = this.verbatim_expr(&b.left, Use::Keep);
                    let (val, op) = (names::val(), &b.op);
                    let end = this.perform(cont, None);
                    quote!(#left #op #val; #end)
                });
                code
            }
            _ => self.unsupported(expr, "inside this expression"),
        }
    }

    pub(super) fn unsupported(&mut self, expr: &Expr, place: &str) -> TokenStream {
        let span = first_yield(expr).unwrap_or_else(|| expr.span());
        self.errors.push(syn::Error::new(
            span,
            format!(
                "a flat generator cannot yield {place}; give the yield its own statement \
                 (`let v = ..; yield_!(v);`) or use `#[generator(boxed)]`"
            ),
        ));
        quote!({ ::core::unreachable!() })
    }

    /// `if` / `if let` / let-chains: the condition's bindings scope the `then` branch.
    fn if_expr(&mut self, i: &ExprIf, cont: &Cont) -> TokenStream {
        if contains_yield(&i.cond) {
            return self.unsupported(&i.cond, "in the condition of an `if`");
        }
        let start = self.tick();
        let then_region = self.open_region(start);
        self.push_scope();
        let cond = self.cond(&i.cond);
        let then = self.block(&i.then_branch, cont);
        self.pop_scope();
        self.close_region(then_region);
        let else_region = self.open_region(start);
        let otherwise = match &i.else_branch {
            Some((_, e)) => self.tail(e, cont),
            None => self.perform(cont, None),
        };
        self.close_region(else_region);
        let end = self.tick();
        self.facts.regions[then_region].compound_end = end;
        self.facts.regions[else_region].compound_end = end;
        quote!(if #cond #then else #otherwise)
    }

    /// A condition, with `let` parts declaring their bindings in order.
    pub(super) fn cond(&mut self, cond: &Expr) -> TokenStream {
        match cond {
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                let left = self.cond(&b.left);
                let right = self.cond(&b.right);
                let op = &b.op;
                quote!(#left #op #right)
            }
            Expr::Let(l) => {
                let how = if binds_by_value(&l.pat) {
                    Use::Move
                } else {
                    Use::Keep
                };
                let scrutinee = self.verbatim_expr(&l.expr, how);
                self.declare_pat(&l.pat, borrows(&l.expr));
                let pat = &l.pat;
                quote!(let #pat = #scrutinee)
            }
            other => self.verbatim_expr(other, Use::Keep),
        }
    }

    fn match_expr(&mut self, m: &ExprMatch, cont: &Cont) -> TokenStream {
        if contains_yield(&m.expr) {
            return self.unsupported(&m.expr, "in a `match` scrutinee");
        }
        let by_value = m.arms.iter().any(|arm| binds_by_value(&arm.pat));
        let scrutinee = self.verbatim_expr(&m.expr, if by_value { Use::Move } else { Use::Keep });
        let start = self.tick();
        let mut arms = Vec::new();
        let mut regions = Vec::new();
        for arm in &m.arms {
            let region = self.open_region(start);
            self.push_scope();
            self.declare_pat(&arm.pat, borrows(&m.expr));
            let guard = arm.guard.as_ref().map(|(_, g)| {
                let g = self.verbatim_expr(g, Use::Keep);
                quote!(if #g)
            });
            let body = self.tail(&arm.body, cont);
            self.pop_scope();
            self.close_region(region);
            regions.push(region);
            let (attrs, pat) = (&arm.attrs, &arm.pat);
            arms.push(quote!(#(#attrs)* #pat #guard => #body,));
        }
        let end = self.tick();
        for region in regions {
            self.facts.regions[region].compound_end = end;
        }
        quote!(match #scrutinee { #(#arms)* })
    }

    fn open_region(&mut self, compound_start: u32) -> usize {
        let branch_start = self.tick();
        self.facts.regions.push(RegionFact {
            compound_start,
            branch_start,
            ..RegionFact::default()
        });
        let id = self.facts.regions.len() - 1;
        self.regions.push(id);
        id
    }

    fn close_region(&mut self, region: usize) {
        self.regions.pop();
        self.facts.regions[region].branch_end = self.tick();
    }
}

/// A scrutinee or iterable whose bindings are syntactically references: `&x`, `x.iter()`.
pub(super) fn borrows(expr: &Expr) -> bool {
    match expr {
        Expr::Reference(_) => true,
        Expr::Paren(p) => borrows(&p.expr),
        Expr::MethodCall(m) => matches!(
            m.method.to_string().as_str(),
            "iter"
                | "iter_mut"
                | "keys"
                | "values"
                | "values_mut"
                | "as_ref"
                | "as_mut"
                | "as_deref"
                | "get"
                | "get_mut"
                | "first"
                | "last"
                | "windows"
                | "chunks"
        ),
        _ => false,
    }
}
