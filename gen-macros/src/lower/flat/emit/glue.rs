//! Leaving an arm: jumps to another state within one `next()`, suspensions, the end of the
//! generator, and the payloads they carry.
//!
//! A payload holds what the target state keeps, each place taken from where it stands at the
//! mark (`Plan::now`): through its binding, from the arm's hidden slot, or `None` for a place
//! kept in an `Option` and moved on this path.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use super::{Cont, Emitter};
use crate::lower::flat::ir::{Block, ExprKind, MarkId, Proj, StateId, Stmt};
use crate::lower::flat::names;
use crate::lower::flat::places::PlaceId;
use crate::lower::flat::plan::{Keep, Now};

impl Emitter<'_> {
    /// Desugar the end of a piece of code into what its continuation asks for: statements
    /// (the value's, then the glue's).
    pub(crate) fn perform(
        &mut self,
        cont: &Cont,
        value: Option<TokenStream>,
        mark: MarkId,
    ) -> TokenStream {
        let discard = value.as_ref().map(|v| quote!(#v;));
        let glue = match cont {
            Cont::Goto(state) => self.jump(*state, None, mark),
            Cont::Deliver(_) if self.plan.cfg.marks[mark].is_none() => {
                // Control never gets here (the code before jumped away): no value to bind,
                // and a `let` here would draw rustc's unreachable-code lint on glue.
                quote!(::core::unreachable!())
            }
            Cont::Deliver(state) => {
                let mut val = names::val();
                // At the value: one of another type than the join's is reported there.
                if let Some(at) = value.clone().and_then(|v| v.into_iter().next()) {
                    val.set_span(val.span().located_at(at.span()));
                }
                let value = value.unwrap_or_else(|| quote!(()));
                let jump = self.jump(*state, Some(quote!(#val)), mark);
                let ty = self.join_types.get(state).map(|ty| quote!(: #ty));
                return quote!(let #val #ty = #value; #[allow(unreachable_code)] { #jump };);
            }
            Cont::Finish => quote!(return ::core::option::Option::None;),
            Cont::Diverge => quote!(::core::unreachable!()),
            Cont::FallThrough => return discard.unwrap_or_default(),
            // (Without a value, the block that holds this is `()`.)
            Cont::Value => return value.unwrap_or_default(),
            Cont::Continue(index) => {
                let ctx = &self.loops[*index];
                if self.arm.native.contains(&ctx.id) {
                    let label = ctx.native.clone();
                    quote!(continue #label;)
                } else {
                    let head = ctx.head.expect("a lowered loop has a head state");
                    self.back_edge(head, mark)
                }
            }
        };
        // What follows user code that may diverge (`continue`, `break`, `return`) is glue.
        quote!(#discard #[allow(unreachable_code)] { #glue };)
    }

    /// Desugar a jump into `cur = S<k>(..); continue 'sm;` (see `resident.rs` for the arms of
    /// resident loop heads).
    pub(crate) fn jump(
        &mut self,
        state: StateId,
        value: Option<TokenStream>,
        mark: MarkId,
    ) -> TokenStream {
        if self.plan.cfg.marks[mark].is_none() {
            return quote!(::core::unreachable!());
        }
        self.jump_targets.insert(state);
        let (cur, sm) = (names::cur(), names::sm_label());
        if self.arm.resident.is_some() && self.resident_home(state) {
            let guard = names::guard();
            return quote!({ #guard.keep(); continue #sm; });
        }
        if self.arm.resident.is_none() && self.resident[state].is_some() {
            // Straight into the stored state; from a resident arm, through `cur` (parked by
            // the dispatcher) so that its guard drops first, in scope order.
            let store = self.store(state, value, mark, None);
            let (ty, done) = (names::state_enum(), names::done());
            return quote!({ #store #cur = #ty::#done; continue #sm; });
        }
        let payload = self.payload(state, value, mark, None);
        quote!({ #cur = #payload; continue #sm; })
    }

    /// Desugar storing the state to resume at into `store(S<k>(..), &mut st);`
    /// (`gen_core::__private::store`: the stored state is finished here, nothing to drop).
    pub(crate) fn store(
        &mut self,
        state: StateId,
        value: Option<TokenStream>,
        mark: MarkId,
        at: Option<Span>,
    ) -> TokenStream {
        if self.arm.resident.is_some() && self.resident_home(state) {
            let guard = names::guard();
            return quote!(#guard.keep(););
        }
        let st = names::st_place();
        let release = self.release(state);
        let payload = self.payload(state, value, mark, at);
        quote!(#release ::gen_core::__private::store(#payload, &mut #st);)
    }

    /// `GeneratorState::S<k>((value?, kept places in reverse order))`, each place from where it
    /// stands at `mark`. `at`: the suspension's span, which the saved names get, so that a
    /// borrow or move error about keeping a local across it points at the yield.
    pub(crate) fn payload(
        &mut self,
        state: StateId,
        value: Option<TokenStream>,
        mark: MarkId,
        at: Option<Span>,
    ) -> TokenStream {
        // A join's value may read a guard: no guard drops before it.
        let guards = match value {
            None => self.drop_dead_guards(state, mark),
            Some(_) => TokenStream::new(),
        };
        let payload = self.payload_of_kept(state, value, mark, at);
        if guards.is_empty() {
            return payload;
        }
        quote!({ #guards #payload })
    }

    fn payload_of_kept(
        &mut self,
        state: StateId,
        value: Option<TokenStream>,
        mark: MarkId,
        at: Option<Span>,
    ) -> TokenStream {
        if self.frame.is_some() {
            return self.frame_payload(state, value, mark, at);
        }
        let node = self.plan.cfg.marks[mark];
        let mut items: Vec<TokenStream> = value.into_iter().collect();
        let kept = self.plan.kept[state].clone();
        for k in kept.iter().rev() {
            let now = node.map_or(Now::Bound, |n| self.plan.now(n, k.place));
            // A value moved and used again is named at its next use (`plan/next_use.rs`).
            let next = match now {
                Now::Bound => self.plan.next_use(k.place, mark),
                _ => None,
            };
            let at = match now {
                Now::Bound => next
                    .map(|(span, _, _)| span)
                    .or_else(|| self.plan.next_use_if_uninit(k.place, mark))
                    .or(at),
                _ => at,
            };
            let value = self.kept_value(k.place, k.keep, now, at);
            match next {
                // Desugar saving a place whose next use borrows it into `{ let _ = &x; x }` at
                // that use: a use after move is then "borrow of moved value", as in the fold
                // copy, and rustc reports it once. (Not for plain data, a number: a copy.)
                // A use in a format string whose placeholders all name it (`"{x:?}"`) is
                // `format_args!` of the user's own string: rustc points inside it, as at
                // the plain function's `println!`.
                Some((at, true, id))
                    if k.keep == Keep::Whole
                        && !self.ir.bindings[self.plan.cfg.places.list[k.place].binding].plain =>
                {
                    // The `_` in the expansion: rustc suggests `ref` on a pattern at the
                    // moved value's token, which `yield_!(ref v)` is not.
                    let wild = proc_macro2::Ident::new("_", proc_macro2::Span::mixed_site());
                    if let Some(literal) = self.ir.format_literals.get(&id) {
                        items.push(quote_spanned! {at=>
                            { let #wild = ::core::format_args!(#literal); #value }
                        });
                    } else {
                        let b = self.place_tokens(k.place, Some(at));
                        items.push(quote_spanned!(at=> { let #wild = &#b; #value }));
                    }
                }
                _ => items.push(value),
            }
        }
        let (ty, variant) = (names::state_enum(), names::variant(state));
        // Desugar into `S<k> { 0: .., 1: .. }`: a join's value of the wrong type is then
        // rustc's plain "mismatched types" on the value, not a call of the variant whose
        // "argument influences the type of `S<k>`".
        let fields = items.iter().enumerate().map(|(i, item)| {
            let i = proc_macro2::Literal::usize_unsuffixed(i);
            quote!(#i: #item)
        });
        quote!(#ty::#variant { #(#fields),* })
    }

    /// The value a payload keeps for `place` (`keep`), given where the place stands (`now`).
    pub(crate) fn kept_value(
        &mut self,
        place: PlaceId,
        keep: Keep,
        now: Now,
        at: Option<Span>,
    ) -> TokenStream {
        if let Some(take) = self.take_resident(place) {
            return take;
        }
        let value = match now {
            Now::Bound => self.place_tokens(place, at),
            Now::Held(h) => self.held_tokens(h, place),
            Now::Slot(q) if q == place && keep == Keep::Slot => {
                let slot = names::slot(q);
                return quote!(#slot);
            }
            Now::Moved if keep == Keep::Slot => return quote!(::core::option::Option::None),
            // "Moved" on some paths only, in a way no lowering of a compound tells apart (a
            // `let` chain's parts): those moves were copies of a `Copy` value, or rustc says
            // the value is possibly moved here, on the user's code.
            Now::Conflict if keep == Keep::Slot => {
                let value = self.place_tokens(place, at);
                return quote!(::core::option::Option::Some(#value));
            }
            _ => {
                let p = &self.plan.cfg.places.list[place];
                let name = crate::lower::flat::plan::display_name(self.ir, p.binding);
                let span = at.unwrap_or_else(|| self.ir.bindings[p.binding].span);
                // This arm received the value in parts (a field moved out before a yield):
                // the fields the body never names are gone, so no whole value exists again.
                let in_parts = self.plan.kept[self.arm.state].iter().any(|k| {
                    k.place != place && self.plan.cfg.places.list[k.place].binding == p.binding
                });
                let message = if in_parts {
                    format!(
                        "`{name}` is needed whole here, but a field of it was moved out and \
                         `{name}` was kept across a yield in parts: a flat generator keeps only \
                         the fields the body names, so it cannot rebuild `{name}` when a field is \
                         assigned again; assign the whole value (`{name} = ..`), move the field \
                         out with a pattern that names every field, or use `#[generator(boxed)]`"
                    )
                } else {
                    format!(
                        "`{name}` is moved on some paths and not on others before this point, in \
                         a way the flat generator cannot follow; move it on every path, or in a \
                         block of its own"
                    )
                };
                self.errors.push(syn::Error::new(span, message));
                return quote!(::core::unreachable!());
            }
        };
        match keep {
            Keep::Whole => self.wrap_kept(place, keep, value),
            Keep::Slot => quote!(::core::option::Option::Some(#value)),
        }
    }

    /// A place through its binding's name: `x`, `x.f.0`, `(*x)`.
    pub(crate) fn place_tokens(&mut self, place: PlaceId, at: Option<Span>) -> TokenStream {
        let p = self.plan.cfg.places.list[place].clone();
        let base = self.name_of(p.binding, at);
        project(base, &p.path)
    }

    /// A place inside the hidden local of `held`.
    pub(crate) fn held_tokens(&self, held: PlaceId, place: PlaceId) -> TokenStream {
        let h = names::held(held);
        let from = self.plan.cfg.places.list[held].path.len();
        let path = self.plan.cfg.places.list[place].path[from..].to_vec();
        project(quote!(#h), &path)
    }

    /// How glue names binding `b` here: its own name, or its capture macro where a later
    /// binding shadows it.
    pub(crate) fn name_of(&mut self, b: usize, at: Option<Span>) -> TokenStream {
        let ident = &self.ir.bindings[b].ident;
        let text = ident.to_string();
        let position = self.arm.visible.iter().rposition(|&v| v == b);
        let shadowed = position.is_some_and(|i| {
            self.arm.visible[i + 1..]
                .iter()
                .any(|&later| self.ir.bindings[later].ident == text)
        });
        if position.is_some() && !shadowed {
            let mut ident = ident.clone();
            if let Some(at) = at {
                ident.set_span(ident.span().located_at(at));
            }
            return quote!(#ident);
        }
        if self.arm.captures.contains(&b) {
            // At `at`, as the name would be: an error on the glue's use of a shadowed local
            // (a borrow after a move) points at the user's code there.
            let mut name = names::capture(b);
            if let Some(at) = at {
                name.set_span(name.span().located_at(at));
                return quote::quote_spanned!(at=> #name!());
            }
            return quote!(#name!());
        }
        // A local used where it may not be initialized (`let x: u32; yield_!(1);
        // yield_!(x);`, rustc's E0381 in the plain function) is live where no path set it.
        self.lost = true;
        if self.ir.may_lower_boxed {
            return quote!(::core::unreachable!());
        }
        let name = crate::lower::flat::plan::display_name(self.ir, b);
        self.errors.push(syn::Error::new(
            at.unwrap_or_else(|| self.ir.bindings[b].span),
            format!("the flat generator lost track of `{name}` here; please report this"),
        ));
        quote!(::core::unreachable!())
    }

    /// A resident arm: `state` is its own head.
    pub(crate) fn resident_home(&self, state: StateId) -> bool {
        self.arm.state == state && self.arm.resident.is_some()
    }
}

/// `base` followed by field and deref projections.
pub(crate) fn project(base: TokenStream, path: &[Proj]) -> TokenStream {
    let mut out = base;
    for proj in path {
        out = match proj {
            Proj::Field(name) => match name.parse::<u32>() {
                Ok(index) => {
                    let index = syn::Index::from(index as usize);
                    quote!(#out.#index)
                }
                Err(_) => {
                    let field = proc_macro2::Ident::new(name, Span::call_site());
                    quote!(#out.#field)
                }
            },
            Proj::Deref => quote!((*#out)),
            // `..base` names the rest of `base` as `base`.
            Proj::Rest(_) => out,
        };
    }
    out
}

/// Desugar the error `err` of a generator-level `e?` into the item it yields last,
/// `Err(From::from(err))`, converted by a real `?` in a closure that returns the item type:
/// a conversion that does not exist is then rustc's own "`?` couldn't convert the error"
/// on the user's `?`, pointing at the item type. (Without a nameable item type, a function
/// does the conversion.)
pub(crate) fn yielded_error(
    err: &proc_macro2::Ident,
    item_ty: Option<&syn::Type>,
    question: Span,
) -> TokenStream {
    let Some(ty) = item_ty else {
        // The conversion by a real `?` too, into the error type of the items (inferred):
        // one that does not exist is rustc's "`?` couldn't convert the error" on the `?`.
        let (converted, never) = (names::converted(), names::ok());
        return quote::quote_spanned! {question=>
            {
                #[allow(clippy::redundant_closure_call)]
                let #converted = (move || -> ::core::result::Result<::core::convert::Infallible, _> {
                    ::core::result::Result::Err(#err)?
                })();
                ::gen_core::checks::error_item(match #converted {
                    ::core::result::Result::Err(#err) => #err,
                    ::core::result::Result::Ok(#never) => match #never {},
                })
            }
        };
    };
    let converted = names::converted();
    quote::quote_spanned! {question=>
        {
            #[allow(clippy::redundant_closure_call)]
            let #converted = (move || -> #ty {
                match ::core::result::Result::Err::<::core::convert::Infallible, _>(#err)? {}
            })();
            #converted
        }
    }
}

/// The value of the `else` an `if` without one delivers to its join (`let y = if c {
/// yield_!(1); v };`): desugar it into `gen_core::checks::missing_else()`, which is `()`
/// wherever the `if` compiles as written, and which takes the `then` block's type otherwise,
/// so that rustc's one error is E0317 on the copy that keeps the `if` whole. `None` (a plain
/// `()`) when the `then` block has no value of its own to give the join its type.
pub(crate) fn missing_else(then: &Block, cont: &Cont, span: Span) -> Option<TokenStream> {
    if !matches!(cont, Cont::Deliver(_)) {
        return None;
    }
    let Some(Stmt::Expr {
        expr, semi: false, ..
    }) = then.stmts.last()
    else {
        return None;
    };
    let diverges = matches!(
        expr.kind,
        ExprKind::Return { .. } | ExprKind::Break { .. } | ExprKind::Continue { .. }
    );
    (!diverges).then(|| quote_spanned!(span=> ::gen_core::checks::missing_else()))
}

/// The one brace-delimited group `tokens` consists of, if so.
pub(crate) fn single_block(tokens: &TokenStream) -> Option<proc_macro2::Group> {
    let mut trees = tokens.clone().into_iter();
    match (trees.next(), trees.next()) {
        (Some(proc_macro2::TokenTree::Group(g)), None)
            if g.delimiter() == proc_macro2::Delimiter::Brace =>
        {
            Some(g)
        }
        _ => None,
    }
}
