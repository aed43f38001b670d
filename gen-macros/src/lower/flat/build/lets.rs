//! `let` statements: each binding declared with what it borrows, whether it is plain data
//! and which parts of the initializer it moves (`pattern_bindings.rs` declares a pattern's
//! bindings).

use super::written_types::owned_type;
use super::{Builder, pattern};
use crate::lower::flat::ir::{BindingId, Borrows, ExprKind, Let, Proj, StateKind};

impl Builder<'_> {
    /// `let P = init [else { .. }];`
    pub(super) fn local(&mut self, local: &syn::Local) -> Let {
        let init_syn = local.init.as_ref();
        let user_made = init_syn.is_some_and(|i| self.may_hold_user_values(&i.expr));
        let payload = init_syn.and_then(|i| self.reference_payload(&i.expr));
        // `let conn = pool.get();` of `pool: &Pool`: kept like an owned value, borrow or not.
        let kept_whatever = init_syn.is_some_and(|i| self.kept_whatever_it_is(&i.expr));
        let taken_for_a_borrow =
            !kept_whatever && init_syn.is_some_and(|i| self.borrowed_by_name(&i.expr));
        // `let tx = conn.begin();` of the user's `conn`, `let mut stats: Stats = ..;`: a value
        // of the user's type, whose methods of std's consuming names may take `self`.
        let method_made = init_syn.is_some_and(|i| self.made_by_a_users_method(&i.expr))
            || matches!(&local.pat, syn::Pat::Type(t) if super::written_types::users_type(
                super::written_types::referent(&t.ty),
                self.generics,
            ));
        let lending_capture = init_syn.and_then(|i| self.capture_lending_to(&i.expr));
        let references_a_capture = init_syn.is_some_and(|i| self.references_a_capture(&i.expr));
        let place = init_syn.and_then(|i| self.place_of(&i.expr));
        // The initializer is read in place when the pattern destructures a place (its
        // by-value bindings move out of it, `moves`), used by value otherwise.
        let how = if place.is_some() {
            crate::lower::flat::ir::Use::Read
        } else {
            crate::lower::flat::ir::Use::Value
        };
        let init = init_syn.map(|i| self.expr_in(&i.expr, how, true));
        let diverge = init_syn
            .and_then(|i| i.diverge.as_ref())
            .map(|(_, e)| self.expr_in(e, crate::lower::flat::ir::Use::Value, false));
        // The join that receives a lowered initializer comes before the bindings it declares
        // (its arm declares them). None when only the initializer's native paths deliver its
        // value (`let k = match v { Some(k) => k, None => { yield_!(e); continue } };`): the
        // value is bound in the same arm, as the plain function binds it, so that a borrow it
        // holds never passes through a state.
        let join = init
            .as_ref()
            .is_some_and(|e| e.split && !super::nodes::falls_through(e))
            .then(|| self.new_state(StateKind::Join { value: true }));
        if let Some(init) = init_syn {
            self.note_ref_mut_into(&local.pat, place.as_ref(), &init.expr);
        }
        // Desugar `let x = r.f;` of a field known to be `Copy` (a plain type annotation, or
        // `x` used later as only a `Copy` value can be: `Ir::copied_lets`) into a read of it.
        let field_init =
            place.as_ref().is_some_and(|p| !p.path.is_empty()) && whole_pattern(&local.pat);
        // `let v = *x;` the plan took for a copy out of a `Deref` value (`Ir::deref_lets`): a
        // read the compiler must confirm (`copied_deref`).
        let checked = field_init && self.copied_fields.contains(&super::site(local));
        let copied = field_init
            && (matches!(&local.pat, syn::Pat::Type(t) if crate::parse::is_plain(&t.ty))
                || self.copied.contains(&super::site(local))
                || checked);
        if copied && let Some(init) = &init {
            self.note_copy_read(init);
            if checked && let ExprKind::Place { id, .. } = &init.kind {
                self.ir.copy_checked.insert(*id);
                self.ir.checked_lets.insert(*id);
            }
        }
        let moves = match &place {
            Some(p) if !copied => match &init {
                Some(init) => self.pattern_moves(&local.pat, p, init),
                None => pattern::moves(&local.pat, p, &self.ir),
            },
            _ => Vec::new(),
        };
        self.note_closure_moves(&moves);
        if field_init && !moves.is_empty() {
            // `let x = v.f;` moves a field out of `v` (see `Ir::bundles`).
            self.ir.bundles.extend(moves.iter().map(|m| m.binding));
        }
        let parts = match &place {
            Some(p) if !moves.is_empty() => pattern::parts(&local.pat, p),
            _ => Vec::new(),
        };
        // A copy of a reference is one; what a reference points to is read through it (a
        // destructured part is a reference by match ergonomics, or a copy of a `Copy` part).
        // (`let mut d = v.drain(..);` is an iterator with drop glue: its drop removes what it
        // did not hand out.)
        let through_ref = !kept_whatever
            && init_syn.is_some_and(|i| {
                (self.through_reference(&i.expr)
                    && super::syntax_facts::drained_receiver(&i.expr).is_none())
                    || crate::lower::flat::extended_temps::borrows_a_temporary(&i.expr)
            });
        // A value annotated with a type that owns all its data (`let names: Vec<String> =
        // v.iter().map(..).collect();`) borrows nothing, whatever made it.
        let borrowed = match (&local.pat, init.as_ref()) {
            (syn::Pat::Type(t), _) if owned_type(&t.ty) => Borrows::Nothing,
            // `let key = part;`, `let x = s.f;`: the value moved or copied out of an owned
            // place carries what the place borrows (read through a reference, `*r`, what the
            // referent's data borrows: not known); so do the parts a pattern takes out of it
            // (`let Some(name) = name else { .. }` of `name = line.split(':').next()`).
            (
                _,
                Some(crate::lower::flat::ir::Expr {
                    kind: ExprKind::Place { place, .. },
                    ..
                }),
            ) if !place.path.contains(&Proj::Deref) && !self.ir.bindings[place.binding].by_ref => {
                let of_binding = self.ir.bindings[place.binding].borrows.clone();
                if place.path.is_empty() {
                    of_binding
                } else {
                    super::borrows::likely(of_binding)
                }
            }
            (_, init) => init.map_or(Borrows::Nothing, |e| self.borrows_of(e)),
        };
        let references_out = init_syn.is_some_and(|i| references_out(&i.expr));
        let bindings = match self.element_borrows(&local.pat, init.as_ref()) {
            // `let (g, x) = (G::new(), f(&v));`: each binding carries what its own element
            // borrows, not the whole tuple's.
            Some(elements) if !through_ref && place.is_none() => {
                let syn::Pat::Tuple(tuple) = &local.pat else {
                    unreachable!("element_borrows matched a tuple pattern")
                };
                let mut all = Vec::new();
                for (pat, borrows) in tuple.elems.iter().zip(&elements) {
                    all.extend(self.bind_pattern_in(pat, false, borrows, None, references_out));
                }
                all
            }
            _ => self.bind_pattern_in(
                &local.pat,
                through_ref,
                &borrowed,
                place.as_ref(),
                references_out,
            ),
        };
        // `let one = &r.buf[i..j];` through `r: &mut Bytes<'a>`: a shared borrow.
        if let (Some(i), [binding]) = (init_syn, &bindings[..])
            && matches!(&*i.expr, syn::Expr::Reference(r) if r.mutability.is_none())
            && matches!(self.ir.bindings[*binding].borrows, Borrows::MutThrough(..))
        {
            self.ir.shared_through_mut.insert(*binding);
        }
        // `let mut out: Vec<u8> = Vec::new();`: what it stores later is owned too
        // (`out.extend(data.iter())` copies).
        if let (syn::Pat::Type(t), [binding]) = (&local.pat, &bindings[..])
            && owned_type(&t.ty)
        {
            self.ir.owned_by_type.insert(*binding);
        }
        // `let it = v.into_iter().map(scale);`: an adapter holding a closure that captures a
        // local by reference borrows that local.
        if let (Some(e), [binding]) = (&init, &bindings[..])
            && let ExprKind::Op {
                syn: syn::Expr::MethodCall(m),
                operands,
                ..
            } = &e.kind
            && super::methods::ADAPTERS.contains(&m.method.to_string().as_str())
            && self.over_an_iterator(&operands[0])
            && let Some((owner, spans)) = self.captured_by_reference(e)
        {
            self.ir.bindings[*binding].borrows = Borrows::Definitely(owner, spans);
            self.ir.borrowing_closures.insert(*binding);
        }
        // `let mut d = v.drain(..);`: its items are elements taken out of `v` by value.
        if let (Some(init), [binding]) = (init_syn, &bindings[..])
            && let Some(container) = super::syntax_facts::drained_receiver(&init.expr)
            && let Some(owner) = self.place_of(container)
        {
            let taken = crate::lower::flat::ir::ItemKind::Taken(Some(owner.binding));
            self.ir.item_iterators.insert(*binding, taken);
        }
        // `let mut parts = line.split(',');`: its items borrow what it borrows (or are plain
        // data, `text.chars()`, or values a closure builds, `v.iter().map(|&n| Thing(n))`);
        // `let mut it = xs.iter();` of a reference argument: its items are references too.
        if let (Some(e), [binding]) = (&init, &bindings[..])
            && (matches!(self.ir.bindings[*binding].borrows, Borrows::Definitely(..))
                || (self.ir.bindings[*binding].by_ref
                    && matches!(
                        e.kind,
                        ExprKind::Op {
                            syn: syn::Expr::MethodCall(_),
                            ..
                        }
                    )))
        {
            use crate::lower::flat::ir::ItemKind;
            let kind = if super::item_chains::builds_items(e) {
                Some(ItemKind::Built)
            } else if super::item_chains::yields_plain_items(e)
                || super::item_chains::maps_to_owned_items(e)
            {
                Some(ItemKind::Plain)
            } else if super::item_chains::yields_borrowed_items(e) {
                Some(ItemKind::Borrowed)
            } else {
                None
            };
            if let Some(kind) = kind {
                self.ir.item_iterators.entry(*binding).or_insert(kind);
            }
        }
        if let (Some(e), [binding]) = (&init, &bindings[..])
            && let ExprKind::Closure { captures, .. } = &e.kind
            && !matches!(borrowed, Borrows::Nothing)
        {
            self.ir.borrowing_closures.insert(*binding);
            let mut captured: Vec<BindingId> = Vec::new();
            for (p, _) in captures {
                if !captured.contains(&p.binding) {
                    captured.push(p.binding);
                }
            }
            self.ir.closure_captures.insert(*binding, captured);
        }
        if let [binding] = &bindings[..] {
            self.note_fn_closure(*binding, init.as_ref());
        }
        // A closure that moves out something it captures (`move || drop(s)`) is `FnOnce`:
        // calling it moves it.
        if let (Some(e), [binding]) = (&init, &bindings[..])
            && let ExprKind::Closure { moved_out, .. } = &e.kind
            && moved_out.iter().any(|p| {
                let b = &self.ir.bindings[p.binding];
                p.path.is_empty()
                    && !b.plain
                    && !b.by_ref
                    && !self.ir.copy_used.contains(&p.binding)
            })
        {
            self.ir.once_closures.insert(*binding);
        }
        let plain = copied
            || match &local.pat {
                syn::Pat::Type(t) => crate::parse::is_plain(&t.ty),
                // The empty `Option` that holds a temporary a `let` extends from an `if`
                // branch (`extended_temps.rs`) is filled later: it has drop glue.
                syn::Pat::Ident(p) if crate::lower::flat::extended_temps::is_extended(&p.ident) => {
                    false
                }
                syn::Pat::Ident(_) => init.as_ref().is_some_and(|e| self.plain_value(e)),
                _ => false,
            };
        self.mark_plain(&bindings, plain);
        let whole = match &local.pat {
            syn::Pat::Type(t) => matches!(&*t.pat, syn::Pat::Ident(_)),
            pat => matches!(pat, syn::Pat::Ident(_)),
        };
        if let ([binding], true) = (&bindings[..], whole) {
            self.ir.whole_lets.insert(*binding);
            // `let mut lines = text.lines();` of a local that may be text or a reader.
            if init.as_ref().is_some_and(|e| self.text_or_reader_view(e)) {
                self.ir.likely_views.insert(*binding);
                self.ir.reader_views.insert(*binding);
            }
            // `let first = v.first().map(|s| s.as_str());` of a local that may itself be a
            // reference (`let v = self.words.clone();`): a view of it, or of what it points
            // to; kept beside it, only `boxed` holds either.
            if matches!(self.ir.bindings[*binding].borrows, Borrows::Likely(_))
                && init.as_ref().is_some_and(super::readers::view_of_a_local)
            {
                self.ir.likely_views.insert(*binding);
            }
            // `let mut stack = shapes;` of a `Vec<&Shape>`, `let v: Vec<&str> = ..`: a
            // collection of references.
            let annotated = matches!(&local.pat, syn::Pat::Type(t)
                if super::written_types::reference_items(&t.ty));
            let moved = matches!(init.as_ref().map(|e| &e.kind), Some(ExprKind::Place { place, .. })
                if place.path.is_empty() && self.ir.reference_items.contains(&place.binding));
            if annotated || moved {
                self.ir.reference_items.insert(*binding);
            }
        }
        if let ([binding], true, false) = (&bindings[..], field_init, copied) {
            self.field_lets.insert(*binding, super::site(local));
            if let (Some(p), Some(ExprKind::Place { id, .. })) =
                (&place, init.as_ref().map(|e| &e.kind))
                && matches!(p.path.last(), Some(Proj::Field(_)))
            {
                self.ir.field_let_moves.push((*id, super::site(local)));
            }
            // `let v = *x;` out of a binding not known to be a box: a move or a copy, which
            // the plan decides.
            if let (Some(p), Some(ExprKind::Place { id, .. })) =
                (&place, init.as_ref().map(|e| &e.kind))
                && p.path.last() == Some(&Proj::Deref)
                && !self.ir.boxes.contains(&p.binding)
                && !matches!(&local.pat, syn::Pat::Type(_))
            {
                self.ir.deref_lets.push((*id, super::site(local), *binding));
            }
        }
        let owns = match &local.pat {
            syn::Pat::Type(t) => {
                !matches!(&*t.ty, syn::Type::Reference(_) | syn::Type::Ptr(_))
                    && !super::written_types::wraps_a_reference(&t.ty)
            }
            // The temporary a `let` extends (`extended_temps.rs`): the user borrowed it, so a
            // borrow of it is one of the local itself.
            syn::Pat::Ident(p) if crate::lower::flat::extended_temps::is_extended(&p.ident) => true,
            syn::Pat::Ident(p) if p.by_ref.is_none() => {
                init.as_ref().is_some_and(|e| self.owning_value(e))
            }
            _ => false,
        };
        if owns && bindings.len() == 1 {
            self.ir.bindings[bindings[0]].owns = true;
        }
        // `let (list, n) = (vec![1, 2], 5);`: each name owns what its element owns.
        if let (
            syn::Pat::Tuple(pat),
            Some(ExprKind::Op {
                syn: syn::Expr::Tuple(_),
                operands,
                ..
            }),
        ) = (&local.pat, init.as_ref().map(|e| &e.kind))
            && pat.elems.len() == operands.len()
            && bindings.len() == operands.len()
            && pat.elems.iter().all(
                |p| matches!(p, syn::Pat::Ident(i) if i.subpat.is_none() && i.by_ref.is_none()),
            )
        {
            for (binding, element) in bindings.iter().zip(operands) {
                if self.owning_value(element) {
                    self.ir.bindings[*binding].owns = true;
                }
            }
        }
        self.note_initializer_kinds(local, &bindings);
        self.note_let_facts(local, &bindings, init.as_ref());
        // A struct or tuple literal spells out every field of the value.
        let field = |binding: BindingId, name: String| {
            let mut place = crate::lower::flat::ir::Place::whole(binding);
            place.path.push(crate::lower::flat::ir::Proj::Field(name));
            place
        };
        let shape = match (init_syn.map(|i| &*i.expr), &bindings[..]) {
            (Some(syn::Expr::Struct(s)), [binding])
                if s.rest.is_none() && whole_pattern(&local.pat) =>
            {
                s.fields
                    .iter()
                    .map(|f| {
                        field(
                            *binding,
                            match &f.member {
                                syn::Member::Named(n) => n.to_string(),
                                syn::Member::Unnamed(i) => i.index.to_string(),
                            },
                        )
                    })
                    .collect()
            }
            (Some(syn::Expr::Tuple(t)), [binding]) if whole_pattern(&local.pat) => {
                (0..t.elems.len())
                    .map(|i| field(*binding, i.to_string()))
                    .collect()
            }
            _ => Vec::new(),
        };
        self.note_reference_payload(local, &bindings, payload);
        self.note_reference_fields(local, &bindings);
        if let ([binding], Some(init)) = (&bindings[..], init_syn) {
            let tuple = matches!(&*init.expr, syn::Expr::Tuple(_));
            if !shape.is_empty() {
                self.ir.spelled_out.insert(*binding, (tuple, shape.len()));
            }
        }
        if user_made {
            self.ir.user_made.extend(bindings.iter().copied());
        }
        if let (Some(capture), [binding]) = (lending_capture, &bindings[..]) {
            self.ir.lent_by_captures.insert(*binding, capture);
        }
        if method_made && whole_pattern(&local.pat) {
            self.ir.users_type_values.extend(bindings.iter().copied());
        }
        if taken_for_a_borrow {
            self.ir.borrowed_by_name.extend(bindings.iter().copied());
        }
        if references_a_capture {
            self.ir.capture_referenced.extend(bindings.iter().copied());
        }
        if join.is_some()
            && init
                .as_ref()
                .is_some_and(|i| self.borrows_on_some_branch(i))
        {
            self.ir.borrow_handed_to_a_join = true;
        }
        Let {
            span: local.let_token.span,
            attrs: local.attrs.clone(),
            pat: local.pat.clone(),
            bindings,
            init,
            diverge,
            tie: init_syn.is_some_and(|i| super::join_ties::safe(&i.expr)),
            join,
            moves,
            parts,
            shape,
        }
    }

    /// What each element of a tuple literal borrows, when a tuple pattern without `..`
    /// destructures it element by element.
    fn element_borrows(
        &self,
        pat: &syn::Pat,
        init: Option<&crate::lower::flat::ir::Expr>,
    ) -> Option<Vec<Borrows>> {
        let syn::Pat::Tuple(tuple) = pat else {
            return None;
        };
        let mut init = init?;
        // A tuple with a yield in it: `{ let t1 = a(); let t2 = yield_!(x); (t1, t2, b()) }`
        // (`spill.rs`), whose hidden locals carry what their operands borrow.
        while let ExprKind::Block { block, .. } = &init.kind {
            match block.stmts.last() {
                Some(crate::lower::flat::ir::Stmt::Expr {
                    expr, semi: false, ..
                }) => init = expr,
                _ => return None,
            }
        }
        let ExprKind::Op {
            syn: syn::Expr::Tuple(_),
            operands,
            ..
        } = &init.kind
        else {
            return None;
        };
        let rest = tuple.elems.iter().any(|p| matches!(p, syn::Pat::Rest(_)));
        (!rest && tuple.elems.len() == operands.len())
            .then(|| operands.iter().map(|o| self.borrows_of(o)).collect())
    }
}

/// `recv.method(..)` of a method in `REFERENCES_OUT`: its value is references into what it
/// borrows.
pub(super) fn references_out(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Paren(p) => references_out(&p.expr),
        // `if let Some(b) = &mut best`: by match ergonomics every binding is a reference into
        // what the scrutinee borrows.
        syn::Expr::Reference(_) => true,
        syn::Expr::MethodCall(m) => {
            super::methods::REFERENCES_OUT.contains(&m.method.to_string().as_str())
        }
        _ => false,
    }
}

/// `x`, `mut x` or `x: T`: the pattern binds the whole value.
fn whole_pattern(pat: &syn::Pat) -> bool {
    match pat {
        syn::Pat::Ident(p) => p.subpat.is_none() && p.by_ref.is_none(),
        syn::Pat::Type(t) => whole_pattern(&t.pat),
        _ => false,
    }
}

impl Builder<'_> {
    /// `e` is used as only a `Copy` value can be: when it names a binding declared by
    /// `let x = r.f;` (or `let x = *r;`), that `let` copies (`Ir::copied_lets`). So are the
    /// elements of a tuple or array used that way (`yield_!((n, v))` of a plain item).
    pub(super) fn copy_evidence(&mut self, e: &syn::Expr) {
        match e {
            syn::Expr::Tuple(t) => t.elems.iter().for_each(|e| self.copy_evidence(e)),
            syn::Expr::Array(a) => a.elems.iter().for_each(|e| self.copy_evidence(e)),
            syn::Expr::Paren(p) => self.copy_evidence(&p.expr),
            syn::Expr::Group(g) => self.copy_evidence(&g.expr),
            _ => {}
        }
        if let Some(place) = self.place_of(e)
            && place.path.is_empty()
        {
            if let Some(&site) = self.field_lets.get(&place.binding) {
                self.ir.copied_lets.insert(site);
            }
            self.ir.copy_used.insert(place.binding);
        }
    }
}
