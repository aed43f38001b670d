//! Lowered statements and expressions: statement lists, suspensions, `let`, `if`, `match`,
//! blocks and assignments whose value is lowered (see `mod.rs` for the model).

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use super::{Cont, Emitter, LoopCtx};
use crate::lower::flat::ir::{Block, Expr, ExprKind, ItemRef, Let, MarkId, StateId, Stmt};
use crate::lower::flat::names;
use crate::lower::flat::plan::Keep;

impl Emitter<'_> {
    /// A lowered block: `{ statements }` in its own scope.
    pub(crate) fn block(&mut self, block: &Block, cont: &Cont) -> TokenStream {
        let visible = self.arm.visible.len();
        let prelude = self.items.prelude(block.scope);
        let code = self.list(block, 0, cont);
        self.forget_after(visible);
        let scope = &self.ir.scopes[block.scope];
        let (attrs, unsafety) = (&scope.attrs, scope.unsafety.then(|| quote!(unsafe)));
        quote!(#(#attrs)* #unsafety { #prelude #code })
    }

    /// Statements `from..` of `block`; its end (or its tail value) goes to `cont`.
    pub(crate) fn list(&mut self, block: &Block, from: usize, cont: &Cont) -> TokenStream {
        let mut out = TokenStream::new();
        for (i, stmt) in block.stmts.iter().enumerate().skip(from) {
            let rest = i + 1;
            let last = rest == block.stmts.len();
            match stmt {
                Stmt::Let(l) => {
                    if let (Some(join), Some(init)) = (l.join, &l.init) {
                        // Desugar `let P = <lowered value>;` into a join that receives it.
                        if let syn::Pat::Type(typed) = &l.pat {
                            self.join_types.insert(join, (*typed.ty).clone());
                        }
                        out.extend(self.tail(init, &Cont::Deliver(join), block.end));
                        self.arm(join, |this| {
                            let val = names::val();
                            let bind = this.bind_let(l, Some(quote!(#val)));
                            let rest = this.list(block, rest, cont);
                            quote!(#bind #rest)
                        });
                        return out;
                    }
                    let init = l.init.as_ref().map(|i| match i.split {
                        // Only the initializer's native paths deliver its value
                        // (`build::nodes::falls_through`).
                        true => self.tail(i, &Cont::Value, block.end),
                        false => self.verbatim(i),
                    });
                    out.extend(self.bind_let(l, init));
                }
                Stmt::Expr { expr, semi, join } => {
                    if !expr.split {
                        let code = self.verbatim(expr);
                        if last && !semi && !jumps(expr) {
                            out.extend(self.perform(cont, Some(code), block.end));
                            return out;
                        }
                        let semi = semi.then(|| quote_spanned!(expr.spans.1=> ;));
                        out.extend(quote!(#code #semi));
                        if jumps(expr) {
                            // The rest of the list is dead code after a `return`, `break` or
                            // `continue` (the fold copy keeps it, and rustc's warning with it).
                            return out;
                        }
                        continue;
                    }
                    if let Some(join) = join {
                        // Desugar a lowered statement into a jump to a join after it.
                        out.extend(self.tail(expr, &Cont::Goto(*join), block.end));
                        self.arm(*join, |this| this.list(block, rest, cont));
                        return out;
                    }
                    if let ExprKind::Yield { .. } = expr.kind {
                        // Desugar `yield_!(v);` into a suspension; the resume arm runs the rest.
                        let next = self.rest_jump(block, rest, cont);
                        out.extend(
                            self.suspend(expr, next.as_ref(), |this| this.list(block, rest, cont)),
                        );
                        return out;
                    }
                    if !last {
                        // Only the statement's native paths reach its end: the rest of the
                        // list runs on in this arm (`build::nodes::falls_through`).
                        let code = self.tail(expr, &Cont::FallThrough, block.end);
                        let semi = semi.then(|| quote_spanned!(expr.spans.1=> ;));
                        out.extend(quote!(#code #semi));
                        continue;
                    }
                    out.extend(self.tail(expr, cont, block.end));
                    return out;
                }
                Stmt::Item(item) => out.extend(self.item_in_place(block.scope, *item)),
            }
        }
        out.extend(self.perform(cont, None, block.end));
        out
    }

    /// An item statement where it stands.
    pub(crate) fn item_in_place(&self, scope: usize, item: ItemRef) -> TokenStream {
        match item {
            ItemRef::Reusable(i) => {
                let item = &self.ir.scopes[scope].reusable[i].item;
                if crate::lower::flat::items::hoisted_use(self.ir, scope, item) {
                    return TokenStream::new();
                }
                // A `use` of a scope the arm resumes inside: already at the arm's top.
                if matches!(item, syn::Item::Use(_)) && self.arm.resumed_in.contains(&scope) {
                    return TokenStream::new();
                }
                crate::lower::flat::items::copy_of_import(item)
            }
            // Declared once elsewhere (`items.rs`).
            ItemRef::Declared => TokenStream::new(),
        }
    }

    /// `let P = init [else { .. }];`, its bindings declared for the glue after it.
    fn bind_let(&mut self, l: &Let, init: Option<TokenStream>) -> TokenStream {
        let used = &self.plan.used[self.arm.state];
        if init.is_none() && l.diverge.is_none() && !l.bindings.iter().any(|b| used.contains(b)) {
            // `let x;` assigned only after a yield: the arm that assigns it declares it (an
            // unused declaration here would leave its type to infer from nothing).
            return TokenStream::new();
        }
        let diverge = l.diverge.as_ref().map(|d| {
            let code = if d.split {
                self.tail(d, &Cont::Diverge, 0)
            } else {
                self.verbatim(d)
            };
            quote!(else #code)
        });
        let (attrs, span) = (&l.attrs, l.span);
        let pat = self.arm_pat(&l.pat, &l.bindings);
        let init = init.map(|i| quote_spanned!(span=> = #i));
        let declared = self.declared_all(&l.bindings);
        let allow = self.mut_elsewhere(&l.bindings);
        // The `;` on the initializer's last token, as in the fold copy (`print.rs`).
        let semi_at = match (&l.init, &l.diverge) {
            (Some(value), None) if init.is_some() => value.spans.1,
            _ => span,
        };
        let semi = quote_spanned!(semi_at=> ;);
        let stmt = quote_spanned!(span=> #(#attrs)* #allow let #pat #init #diverge #semi);
        let touched = init
            .is_some()
            .then(|| self.used_elsewhere_only(&l.bindings));
        quote!(#stmt #touched #declared)
    }

    /// The continuation a statement list from `from` consists of, when it is nothing (the
    /// list's own continuation), or one bare `return;`, `continue;` or `break;`: a yield
    /// followed by it resumes only to jump (see `store_next`).
    fn rest_jump(&self, block: &Block, from: usize, cont: &Cont) -> Option<Cont> {
        match &block.stmts[from..] {
            [] => Some(cont.clone()),
            [Stmt::Expr { expr, .. }] => match &expr.kind {
                ExprKind::Return { value: None, .. } => Some(Cont::Finish),
                ExprKind::Continue {
                    target: Some(t), ..
                } => {
                    let index = self.loops.iter().rposition(|c| c.id == *t)?;
                    (!self.loops[index].is_block).then_some(Cont::Continue(index))
                }
                ExprKind::Break {
                    target: Some(t),
                    value: None,
                    ..
                } => {
                    let index = self.loops.iter().rposition(|c| c.id == *t)?;
                    Some(self.loops[index].exit.clone())
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Desugar `yield_!(v)` into `let v = ..; <save state>; return Some(v)`; `then` emits the
    /// resume arm's code. `next`: where the resume arm goes straight to, when it does nothing
    /// else (see `store_next`).
    pub(crate) fn suspend(
        &mut self,
        y: &Expr,
        next: Option<&Cont>,
        then: impl FnOnce(&mut Self) -> TokenStream,
    ) -> TokenStream {
        let ExprKind::Yield {
            value,
            token,
            resume,
            mark,
            ..
        } = &y.kind
        else {
            unreachable!("a suspension is a yield")
        };
        let value_span = value.span;
        let value = self.verbatim(value);
        let mut save = self.store(*resume, None, *mark, Some(*token));
        if let Some(next) = next {
            save = self.store_next(*resume, next, *mark, save, *token);
        }
        // At the value: an item of another type than the first is reported there.
        let mut v = names::v();
        v.set_span(v.span().located_at(value_span));
        let ty = self.item_ty.as_ref().map(|ty| quote!(: #ty));
        let item =
            crate::lower::flat::fold::typed_item(&v, self.item_ty.is_none() && self.ir.inline);
        let code = quote_spanned! {*token=>
            {
                // Deferred, as in the fold copy (`fold.rs`): rustc's help is `.clone()`.
                let #v #ty;
                #v = #value;
                #[allow(unreachable_code)]
                { #save return ::core::option::Option::Some(#item); };
            }
        };
        self.arm(*resume, then);
        code
    }

    /// A resume arm that only jumps on (a yield at the end of a loop body, of a branch, of the
    /// body, or followed by a bare `return;`/`continue;`/`break;`) binds its locals just to
    /// drop them at the jump. When none of the places it keeps beyond the target's has drop
    /// glue, dropping them at the yield instead is unobservable: desugar `st = Resume(..)`
    /// into `if needs_drop(&a) || .. { st = Resume(..) } else { st = Target(..) }`, a constant
    /// branch that stores the target directly (a loop head resumes its native loop in place).
    /// The resume arm stays for types with drop glue; with nothing to drop the condition is
    /// `false`, and the dead store still gives rustc the resume state's type.
    fn store_next(
        &mut self,
        resume: StateId,
        next: &Cont,
        mark: MarkId,
        save: TokenStream,
        at: Span,
    ) -> TokenStream {
        if self.frame.is_some() {
            // A frame's resume arm touches only what it drops: nothing to spare.
            return save;
        }
        let target = match next {
            Cont::Goto(state) => Some(*state),
            Cont::Continue(index) => Some(self.loops[*index].head.expect("a loop has a head")),
            Cont::Finish => None,
            Cont::Deliver(_) | Cont::Diverge | Cont::FallThrough | Cont::Value => return save,
        };
        let Some(node) = self.plan.cfg.marks[mark] else {
            return save;
        };
        let kept = self.plan.kept[resume].clone();
        let target_kept = target
            .map(|t| self.plan.kept[t].clone())
            .unwrap_or_default();
        let same = |a: &crate::lower::flat::plan::Kept, b: &crate::lower::flat::plan::Kept| {
            a.place == b.place && a.keep == b.keep
        };
        if !target_kept.iter().all(|t| kept.iter().any(|k| same(k, t))) {
            return save;
        }
        let mut probes = Vec::new();
        for k in kept
            .iter()
            .filter(|k| !target_kept.iter().any(|t| same(k, t)))
        {
            if k.keep != Keep::Whole {
                return save;
            }
            let probe = match self.plan.now(node, k.place) {
                crate::lower::flat::plan::Now::Bound => self.drop_probe(k.place, at),
                crate::lower::flat::plan::Now::Held(h) => self.held_tokens(h, k.place),
                _ => return save,
            };
            probes.push(quote_spanned!(at=> ::gen_core::__private::needs_drop(&#probe)));
        }
        self.jump_only.insert(resume);
        let cond = if probes.is_empty() {
            quote!(false)
        } else {
            quote!(#(#probes)||*)
        };
        let store = match target {
            Some(t) => self.store(t, None, mark, None),
            // Finishing: a resident iterator drops here, with the guard.
            None => self.release_all(),
        };
        quote!(if #cond { #save } else { #store })
    }

    /// `#[allow(unused_mut)]` for a declaration whose `mut` the body may need in another arm
    /// (rustc sees one arm at a time). A `mut` the body surely does not need is left to rustc,
    /// which reports it as in the plain function.
    pub(crate) fn mut_elsewhere(
        &self,
        bindings: &[crate::lower::flat::ir::BindingId],
    ) -> Option<TokenStream> {
        let used = &self.plan.used[self.arm.state];
        // A binding this arm only hands on loses its `mut` here instead (`mut_patterns.rs`).
        let elsewhere = bindings
            .iter()
            .any(|&b| used.contains(&b) && self.mut_needed_elsewhere(b));
        elsewhere.then(|| quote!(#[allow(unused_mut)]))
    }

    /// Whether `b` is declared `mut`, may be mutated, and lives on in another arm.
    pub(crate) fn mut_needed_elsewhere(&self, b: crate::lower::flat::ir::BindingId) -> bool {
        let arm = self.arm.state;
        self.ir.bindings[b].mutable
            && self.ir.maybe_mutated.contains(&b)
            && (self.plan.kept_bindings.contains(&b)
                || self
                    .plan
                    .used
                    .iter()
                    .enumerate()
                    .any(|(s, used)| s != arm && used.contains(&b)))
    }

    /// What to ask `needs_drop` of for a kept place: a resident iterator is a `&mut` to it.
    /// The place `needs_drop` looks at, named with the yield's span `at` (a local moved by
    /// a method the macro does not know is then reported at the yield, by name).
    fn drop_probe(&mut self, place: usize, at: Span) -> TokenStream {
        let tokens = self.place_tokens(place, Some(at));
        let binding = self.plan.cfg.places.list[place].binding;
        if self.arm.resident == Some(binding) {
            quote!(*#tokens)
        } else {
            tokens
        }
    }

    /// Lowers an expression whose value goes to `cont`; `end`: the mark after it, for code
    /// that is not lowered.
    pub(crate) fn tail(&mut self, e: &Expr, cont: &Cont, end: MarkId) -> TokenStream {
        if !e.split {
            let code = self.verbatim(e);
            if jumps(e) {
                // Control never reaches the continuation (and binding a `break` to a value
                // would make a lint fire on the user's `break`).
                return quote!({ #code; });
            }
            return self.perform(cont, Some(code), end);
        }
        match &e.kind {
            ExprKind::Yield { resumed, token, .. } => {
                let resumed = *resumed;
                // The yield's own value, `()`, where one is used (`let y: u32 = yield_!(1);`):
                // the fold copy's call (`fold::Fold::yield_`) on the same spans, so that rustc
                // reports a type error on it once.
                let unit = matches!(cont, Cont::Deliver(_)).then(|| {
                    let mut args = proc_macro2::Group::new(
                        proc_macro2::Delimiter::Parenthesis,
                        quote::quote_spanned!(*token=> ()),
                    );
                    args.set_span(e.spans.1);
                    quote::quote_spanned!(*token=> ::gen_core::__private::resumed #args)
                });
                self.suspend(e, Some(cont), |this| this.perform(cont, unit, resumed))
            }
            ExprKind::Block {
                block,
                label,
                loop_id,
                ..
            } => match (label, loop_id) {
                (Some(label), Some(id)) => {
                    // A labelled block: `break 'label value` goes to the block's continuation.
                    self.loops.push(LoopCtx {
                        id: *id,
                        native: label.name.clone(),
                        is_block: true,
                        head: None,
                        exit: cont.clone(),
                    });
                    let code = self.block(block, cont);
                    self.loops.pop();
                    code
                }
                _ => self.block(block, cont),
            },
            ExprKind::If {
                cond,
                then,
                otherwise,
                else_mark,
                ..
            } => {
                let visible = self.arm.visible.len();
                let cond_tokens = self.verbatim_cond(cond);
                let declared = self.declared_cond(cond);
                let else_value = super::glue::missing_else(then, cont, e.spans.0);
                let then = self.block(then, cont);
                self.forget_after(visible);
                let otherwise = match otherwise {
                    Some(o) => self.tail(o, cont, *else_mark),
                    None => {
                        let value = else_value;
                        self.perform(cont, value, *else_mark)
                    }
                };
                quote!(if #cond_tokens { #declared #then } else { #otherwise })
            }
            ExprKind::Match { scrutinee, arms } => {
                let scrutinee = self.verbatim(scrutinee);
                let mut out = Vec::new();
                for arm in arms {
                    let visible = self.arm.visible.len();
                    let guard = arm.guard.as_ref().map(|g| {
                        let g = self.verbatim(g);
                        quote!(if #g)
                    });
                    let remut = self.remut(&arm.bindings);
                    let declared = self.declared_all(&arm.bindings);
                    let declared = quote!(#remut #declared);
                    let body = self.tail(&arm.body, cont, arm.end);
                    self.forget_after(visible);
                    let attrs = &arm.attrs;
                    let pat = self.pattern_pat(&arm.pat, &arm.bindings);
                    // On the end of the user's arm: an error on the whole `match` (a missing
                    // arm is suggested after the last) points where it points in the plain
                    // function.
                    // (A block body is that block, on the user's braces, not a block in one:
                    // rustc suggests no arm after a last arm that is not the user's.)
                    let mut body = match super::glue::single_block(&body) {
                        Some(block) if declared.is_empty() => block,
                        _ => proc_macro2::Group::new(
                            proc_macro2::Delimiter::Brace,
                            quote!(#declared #body),
                        ),
                    };
                    body.set_span(arm.body.spans.1);
                    out.push(quote!(#(#attrs)* #pat #guard => #body));
                }
                let mut arms =
                    proc_macro2::Group::new(proc_macro2::Delimiter::Brace, quote!(#(#out)*));
                arms.set_span(e.spans.1);
                quote_spanned!(e.spans.0=> match #scrutinee #arms)
            }
            ExprKind::Loop { .. } => self.loop_expr(e, cont),
            ExprKind::Break {
                target: Some(t),
                value: Some(value),
                mark,
                ..
            } => {
                // Desugar `break 'l <lowered value>` into the value going to the loop's exit.
                let index = self
                    .loops
                    .iter()
                    .rposition(|c| c.id == *t)
                    .expect("a lowered break targets a lowered loop");
                let exit = self.loops[index].exit.clone();
                self.tail(value, &exit, *mark)
            }
            ExprKind::Assign {
                lhs,
                rhs,
                op,
                join: Some(join),
                mark,
            } => {
                // Desugar `place = <lowered value>` into a join that assigns the value.
                let code = self.tail(rhs, &Cont::Deliver(*join), *mark);
                let (join, mark) = (*join, *mark);
                self.arm(join, |this| {
                    let val = names::val();
                    let assign = this.assign_value(lhs, quote!(#val), op.as_ref());
                    let end = this.perform(cont, None, mark);
                    quote!(#assign; #end)
                });
                code
            }
            _ => {
                self.errors.push(syn::Error::new(
                    e.span,
                    "the flat generator cannot lower this expression; please report this",
                ));
                quote!(::core::unreachable!())
            }
        }
    }
}

/// `break`, `continue` or `return`: control leaves for somewhere else.
fn jumps(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Break { .. } | ExprKind::Continue { .. } | ExprKind::Return { .. }
    )
}
