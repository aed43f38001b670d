//! Yields: `yield_!(v)` and `yield_from!(e)` into suspensions.

use proc_macro2::Span;
use quote::format_ident;
use syn::spanned::Spanned;
use syn::{Expr as SynExpr, Ident};

use super::Builder;
use super::expr::*;
use crate::analyze::{YieldKind, yield_kind};
use crate::lower::flat::ir::{
    BindingKind, Block, Borrows, Expr, ExprKind, LoopBody, LoopKind, Mark, Spans, StateKind, Stmt,
    Use,
};

impl Builder<'_> {
    /// Desugar `yield_!(v)` into a suspension (`v` evaluated first), and `yield_from!(e)` into
    /// `for item in e { yield_!(item) }`.
    pub(super) fn yield_expr(&mut self, y: &syn::ExprYield) -> Expr {
        // The user's own syntax, not a copy: its compounds keep their identity (`site`).
        let unit: SynExpr = syn::parse_quote!(());
        let value_syn: &SynExpr = y.expr.as_deref().unwrap_or(&unit);
        if yield_kind(y) == YieldKind::From {
            return self.yield_from(y, value_syn);
        }
        if self.splits(value_syn) {
            let scope = self.push_scope();
            let temp = self.spill_temp(value_syn);
            let value = self.temp_place(&temp.1, Use::Value);
            let mut yielded = self.suspension(value, y.yield_token.span, y.span());
            yielded.spans = yield_spans(y);
            let stmts = followed_by(temp.0, yielded);
            return self.finish_block(scope, stmts, y.span());
        }
        // A yielded item of a plain type is `Copy`: a field yielded is read in place, not
        // moved out of its value (which keeps its drop timing).
        let how = match self.place_of(value_syn) {
            Some(p) if self.item_plain && !p.path.is_empty() => Use::Read,
            _ => Use::Value,
        };
        if self.item_plain {
            self.copy_evidence(value_syn);
        } else if let Some(place) = self.place_of(value_syn)
            && place.path.is_empty()
        {
            self.ir.owned_used.insert(place.binding);
        }
        // A field yielded as an item that is not plain data is moved out (`yield_!(msg.body)`).
        self.moving_next = !self.item_plain;
        self.yielded_borrow(value_syn);
        let reborrow = self
            .mutable_reborrow_through_reference(value_syn)
            .map(|b| (b, Spans::of(value_syn)))
            .or_else(|| self.yielded_reborrow_local(value_syn));
        if reborrow.is_none() && self.shared_borrow_through_a_mut_argument(value_syn) {
            self.ir.unsure_item_borrows = true;
        }
        // The parts of a plain item (`yield_!((e.ts, e.src))`) are copies.
        self.plain_parts = self.item_plain;
        let value = self.expr_in(value_syn, how, false);
        let mut suspension = self.suspension(value, y.yield_token.span, y.span());
        suspension.spans = yield_spans(y);
        if let (Some((binding, spans)), ExprKind::Yield { resume, .. }) =
            (reborrow, &suspension.kind)
        {
            let resume = *resume;
            self.ir.reborrowed_items.push((resume, binding, spans));
        }
        suspension
    }

    /// `let first = &mut self.items[0]; yield_!(first);`: a local holding a mutable reborrow
    /// through a `&mut` binding, yielded as the item: the binding and the borrow's spans.
    /// (A shared borrow, or one judged by a method's name, may borrow only the reference's
    /// referent: `Ir::unsure_item_borrows`.)
    fn yielded_reborrow_local(
        &mut self,
        value_syn: &SynExpr,
    ) -> Option<(crate::lower::flat::ir::BindingId, Spans)> {
        let SynExpr::Path(path) = value_syn else {
            return None;
        };
        let binding = self.resolve(path.path.get_ident()?)?;
        match &self.ir.bindings[binding].borrows {
            Borrows::MutThrough(..)
                if self.ir.shared_through_mut.contains(&binding)
                    || self.ir.borrowed_by_name.contains(&binding) =>
            {
                self.ir.unsure_item_borrows = true;
                None
            }
            Borrows::MutThrough(through, spans) => Some((*through, *spans)),
            _ => None,
        }
    }

    /// `yield_!(&mut node.value)` (`&mut self.items[i]`) through a binding `node` that may be
    /// a reference: the binding.
    fn mutable_reborrow_through_reference(
        &self,
        value_syn: &SynExpr,
    ) -> Option<crate::lower::flat::ir::BindingId> {
        let r = match value_syn {
            SynExpr::Reference(r) => r,
            SynExpr::Paren(p) => return self.mutable_reborrow_through_reference(&p.expr),
            SynExpr::Group(g) => return self.mutable_reborrow_through_reference(&g.expr),
            _ => return None,
        };
        r.mutability?;
        let mut borrowed = &*r.expr;
        while let SynExpr::Index(ix) = borrowed {
            borrowed = &ix.expr;
        }
        let (place, through) = self.place_and_ref(borrowed)?;
        let binding = &self.ir.bindings[place.binding];
        // Owning its value, the item would borrow a local (`yielded_borrow`'s error).
        ((through || !place.path.is_empty()) && !binding.owns).then_some(place.binding)
    }

    /// `yield_!(&st.words[i])` of `st: &'a mut St`: a shared borrow of a part of what a `&mut`
    /// argument points to, while the argument is kept (`Ir::unsure_item_borrows`).
    fn shared_borrow_through_a_mut_argument(&self, value_syn: &SynExpr) -> bool {
        let SynExpr::Reference(r) = value_syn else {
            return false;
        };
        let mut borrowed = &*r.expr;
        while let SynExpr::Index(ix) = borrowed {
            borrowed = &ix.expr;
        }
        r.mutability.is_none()
            && self
                .place_of(borrowed)
                .is_some_and(|p| !p.path.is_empty() && self.ir.bindings[p.binding].mut_ref)
    }

    /// `yield_!(&text)`, `yield_!(&text.name)`, `yield_!(text.as_str())` of a local known to
    /// own its value: the item would borrow the generator's own local, which it must outlive
    /// (rustc's error would point at the generated state machine).
    fn yielded_borrow(&mut self, value_syn: &SynExpr) {
        self.yielded_reference_to_a_local(value_syn);
        let borrowed = match value_syn {
            // `&s[..]`, `&v[i]`: a borrow of what the local owns.
            SynExpr::Reference(r) => match &*r.expr {
                SynExpr::Index(ix) if !self.inline => {
                    self.place_of(&ix.expr).filter(|p| p.path.is_empty())
                }
                _ => self.place_of(&r.expr),
            },
            SynExpr::MethodCall(m)
                if m.args.is_empty()
                    && matches!(
                        m.method.to_string().as_str(),
                        "as_str"
                            | "as_slice"
                            | "as_bytes"
                            | "as_path"
                            | "trim"
                            | "trim_start"
                            | "trim_end"
                    ) =>
            {
                self.place_of(&m.receiver).filter(|p| p.path.is_empty())
            }
            _ => None,
        };
        let Some(place) = borrowed else {
            return;
        };
        let owner = place.binding;
        if self.inline && place.path.is_empty() && matches!(value_syn, SynExpr::Reference(_)) {
            // In an `iter!` block, whose items take their type from the yields, `&a` is a
            // borrow of the block's own `a` (captured by move, or declared in it) whatever
            // `a` is: a reference to a reference is no reference into what `a` points to.
            let name = crate::lower::flat::plan::display_name(&self.ir, owner);
            let message = if self.ir.bindings[owner].kind == BindingKind::Param {
                format!(
                    "this item borrows `{name}`, which the `iter!` block owns (it captures by \
                     move), but an item must outlive the block's step that yields it; capture \
                     a reference and yield it (`let {name} = &{name};` before the block, \
                     `yield {name}`), or yield an owned value (`{name}.clone()`)"
                )
            } else {
                format!(
                    "this item borrows `{name}`, a local of the `iter!` block, but an item must \
                     outlive the block's step that yields it; yield `{name}` itself if it is a \
                     reference, or an owned value (`{name}.clone()`)"
                )
            };
            self.ir.error_in_any_lowering = true;
            self.errors
                .push(syn::Error::new_spanned(value_syn, message));
            return;
        }
        let info = &self.ir.bindings[owner];
        // `yield name.as_str()` of a capture of an `iter!` block: fine only through a captured
        // shared reference, which the compiler is asked to confirm (`Ir::yielded_captures`).
        if self.inline && info.kind == BindingKind::Param && place.path.is_empty() {
            if let SynExpr::MethodCall(m) = value_syn
                && !self.ir.yielded_captures.iter().any(|&(b, _)| b == owner)
            {
                self.ir.yielded_captures.push((owner, m.receiver.span()));
            }
            return;
        }
        // `yield s.as_str()` of `s` a view into a capture (`for s in &names`): the item
        // borrows the capture too.
        if self.inline
            && let (SynExpr::MethodCall(m), Borrows::Definitely(of, _) | Borrows::Likely(of)) =
                (value_syn, &info.borrows)
            && self.ir.bindings[*of].kind == BindingKind::Param
            && !self.ir.yielded_captures.iter().any(|&(b, _)| b == *of)
        {
            let of = *of;
            self.ir.yielded_captures.push((of, m.receiver.span()));
            return;
        }
        if !info.owns
            || info.by_ref
            || place
                .path
                .iter()
                .any(|p| !matches!(p, crate::lower::flat::ir::Proj::Field(_)))
        {
            return;
        }
        let name = crate::lower::flat::plan::display_name(&self.ir, owner);
        self.ir.error_in_any_lowering = true;
        self.errors.push(syn::Error::new_spanned(
            value_syn,
            format!(
                "this item borrows `{name}`, a local of the generator, but an item must outlive \
                 the generator's step that yields it; yield an owned value instead (for \
                 example `{name}.clone()` or `.to_string()`, with an owned `Item` type)"
            ),
        ));
    }

    /// `yield_!(w)` of a reference local that certainly borrows a local owning its value (`let
    /// w = up.split(' ').next().unwrap_or("");` of `let up = line.to_uppercase();`): the
    /// item would borrow that local, as `yield_!(up.as_str())` does (rustc's errors would
    /// point at the generated state machine).
    fn yielded_reference_to_a_local(&mut self, value_syn: &SynExpr) {
        // The name alone (`*w`, `w.0` read through it are copies or places of what it
        // points to).
        if !matches!(value_syn, SynExpr::Path(_)) {
            return;
        }
        let Some(place) = self.place_of(value_syn).filter(|p| p.path.is_empty()) else {
            return;
        };
        let reference = &self.ir.bindings[place.binding];
        let Borrows::Definitely(owner, _) = reference.borrows else {
            return;
        };
        // A borrow judged by a method's name alone (`let t = lx.peek();` of the user's
        // `Lexer`) may be a copy of what the local holds: `boxed` holds either.
        if self.ir.borrowed_by_name.contains(&place.binding) {
            self.ir.unsure_item_borrows = true;
            return;
        }
        let info = &self.ir.bindings[owner];
        // A loop's item that borrows a local has the loop's own error.
        if !reference.by_ref
            || !info.owns
            || info.by_ref
            || info.kind != BindingKind::User
            || owner == place.binding
            || self.ir.loop_items.contains(&place.binding)
        {
            return;
        }
        let (name, through) = (
            crate::lower::flat::plan::display_name(&self.ir, owner),
            crate::lower::flat::plan::display_name(&self.ir, place.binding),
        );
        let whose = if self.inline {
            "a local of the `iter!` block, but an item must outlive the block's step that \
             yields it"
        } else {
            "a local of the generator, but an item must outlive the generator's step that \
             yields it"
        };
        self.ir.error_in_any_lowering = true;
        self.errors.push(syn::Error::new_spanned(
            value_syn,
            format!(
                "this item is `{through}`, which borrows `{name}`, {whose}; yield an owned \
                 value instead (for example `{through}.to_owned()` or `.to_string()`, with an \
                 owned `Item` type)"
            ),
        ));
    }

    pub(super) fn suspension(&mut self, value: Expr, token: Span, span: Span) -> Expr {
        let mark = self.mark(Mark::Suspend);
        let resume = self.new_state(StateKind::Resume);
        let resumed = self.mark(Mark::End);
        Expr {
            spans: Spans(Span::call_site(), Span::call_site()),
            site: 0,
            kind: ExprKind::Yield {
                from: false,
                value: Box::new(value),
                token,
                resume,
                mark,
                resumed,
            },
            split: true,
            span,
        }
    }

    pub(super) fn yield_from(&mut self, y: &syn::ExprYield, iterable: &SynExpr) -> Expr {
        let iterable_syn = iterable;
        let span = y.span();
        let iterable_span = iterable.span();
        let outer = self.push_scope();
        self.check_iterated_temporary(iterable, true);
        let spilled = self.splits(iterable).then(|| self.spill_temp(iterable));
        let iterable = match &spilled {
            Some((_, temp)) => self.temp_place(temp, Use::Value),
            None => self.expr_in(iterable, Use::Value, false),
        };
        let loop_id = self.new_loop(LoopKind::For, None, false);
        // At the iterable: a value that is no iterator is reported there, not at the macro.
        let iter_ident = format_ident!(
            "__gen_iter{}",
            loop_id,
            span = Span::mixed_site().located_at(iterable_span)
        );
        let (iter, _) = self.declare_iterator(&iter_ident, &iterable);
        self.ir.yield_from_iterators.insert(iter);
        // `yield_from!(q.iter())` of a value of the user's type: a borrow judged by the
        // method's name alone (`Ir::borrowed_by_name`), as the `for` loop's.
        if self.borrowed_by_name(iterable_syn) {
            self.ir.borrowed_by_name.insert(iter);
        }
        // `yield_from!(words(&line))`: an iterator a function of the crate made of a borrow.
        if super::syntax_facts::own_function_of_a_borrow(iterable_syn) {
            self.ir.likely_views.insert(iter);
        }
        self.note_implicit_reborrow(iter, iterable_syn);
        // `yield_from!(it.by_ref().take(2))`: for the fix an error names.
        if let Some(start) = super::syntax_facts::loop_source(iterable_syn) {
            self.ir.loop_methods.insert(iter, start);
        }
        let head = self.new_state(StateKind::Head);
        self.ir.states[head].head_of = Some(loop_id);
        self.ir.loops[loop_id].head = Some(head);
        let enter = self.mark(Mark::LoopEnter);
        let pat_scope = self.push_scope();
        // At the iterable: an item of the wrong type is reported there.
        let item = Ident::new("__gen_item", Span::mixed_site().located_at(iterable_span));
        let bound = self.declare(&item, false, BindingKind::Temp, false, Borrows::Nothing);
        let body_scope = self.push_scope();
        let value = self.temp_place(&bound, Use::Value);
        let yielded = self.suspension(value, y.yield_token.span, span);
        let end = self.mark(Mark::End);
        self.pop_scope(body_scope);
        self.pop_scope(pat_scope);
        self.loops.pop();
        let exit = self.mark(Mark::LoopExit);
        let body = Block {
            scope: body_scope,
            stmts: vec![Stmt::Expr {
                expr: yielded,
                semi: true,
                join: None,
            }],
            end,
            split: true,
        };
        let pat: syn::Pat = syn::parse_quote!(#item);
        let for_loop = Expr {
            spans: Spans(Span::call_site(), Span::call_site()),
            site: 0,
            kind: ExprKind::Loop {
                label: None,
                loop_id,
                kind: LoopBody::For {
                    pat,
                    iter,
                    iterable: Box::new(iterable),
                    scope: pat_scope,
                    bindings: vec![bound],
                    desugared: true,
                },
                body,
                enter,
                exit,
            },
            split: true,
            span,
        };
        let mut stmts: Vec<Stmt> = spilled.map(|(s, _)| s).unwrap_or_default();
        stmts.push(expr_stmt(for_loop));
        self.finish_block(outer, stmts, span)
    }
}

/// The user's `yield_` and the end of the call (its `)`; the value's last token after the
/// keyword `yield`).
fn yield_spans(y: &syn::ExprYield) -> Spans {
    let start = y.yield_token.span;
    let end = crate::analyze::yield_end(y)
        .or_else(|| y.expr.as_deref().map(|v| Spans::of_expr(v).1))
        .unwrap_or(start);
    Spans(start, end)
}
