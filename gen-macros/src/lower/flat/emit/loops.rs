//! Lowered loops: a head state whose arm holds the loop.
//!
//! Desugar `'l: while c { body }` into a jump to `H` and the arm
//! `H => 'l: while c { body } <exit>`; `for p in e { body }` into
//! `let mut iter = IntoIterator::into_iter(e);`, a jump to `H` and
//! `H => 'l: while let Some(p) = Iterator::next(&mut iter) { body } <exit>`. Inside the head's
//! arm the loop is native: its back edges are plain `continue`s. A loop whose back edges would
//! bring a kept place back in another form than its head received it (the plan says so) runs
//! one pass per visit of its head instead: `H => if c { body; <jump to H> } else { <exit> }`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::{Cont, Emitter, LoopCtx};
use crate::lower::flat::ir::{Expr, ExprKind, LoopBody};
use crate::lower::flat::names;

impl Emitter<'_> {
    pub(crate) fn loop_expr(&mut self, e: &Expr, cont: &Cont) -> TokenStream {
        let ExprKind::Loop {
            label,
            loop_id,
            kind,
            body,
            enter,
            exit,
        } = &e.kind
        else {
            unreachable!("a loop")
        };
        let head = self.ir.loops[*loop_id]
            .head
            .expect("a lowered loop has a head state");
        let user_label = label.as_ref().map(|l| l.name.clone());
        let native_label = user_label.unwrap_or_else(|| {
            let n = self.fresh();
            let mut label = names::loop_label(n);
            label.set_span(in_the_expansion(e.spans.0));
            label
        });
        let mut prelude = TokenStream::new();
        if let LoopBody::For { iter, iterable, .. } = kind {
            // The head's own parentheses (`for x in (Countdown { left: n })`) are needless
            // around a call's argument (rustc's `unused_parens` on the user's tokens).
            let unparenthesized = match &iterable.kind {
                ExprKind::Op {
                    syn: syn::Expr::Paren(_),
                    operands,
                    ..
                } => &operands[0],
                _ => &**iterable,
            };
            let code = self.verbatim(unparenthesized);
            let ident = &self.ir.bindings[*iter].ident;
            // At the iterable: a value that is no iterator is reported there, once.
            let into_iter = quote_spanned!(iterable.span=> ::core::iter::IntoIterator::into_iter);
            prelude = quote!(let mut #ident = #into_iter(#code););
            prelude.extend(self.declared(*iter));
        }
        self.loops.push(LoopCtx {
            id: *loop_id,
            native: native_label.clone(),
            is_block: false,
            head: Some(head),
            exit: cont.clone(),
        });
        let index = self.loops.len() - 1;
        let enter = self.jump(head, None, *enter);
        let (loop_id, exit) = (*loop_id, *exit);
        // At the user's loop but in the expansion's context: rustc's "inside of this loop"
        // walk stops at the loop that declares a local, as for the user's; clippy still
        // knows the loop for generated code.
        let (keyword, braces_span) = (in_the_expansion(e.spans.0), in_the_expansion(e.spans.1));
        self.arm(head, |this| {
            let native = this.plan.native[loop_id];
            if native {
                this.arm.native.push(loop_id);
            }
            let visible = this.arm.visible.len();
            let (header, declared) = match kind {
                LoopBody::Loop => (
                    if native {
                        quote_spanned!(keyword=> loop)
                    } else {
                        quote!()
                    },
                    quote!(),
                ),
                LoopBody::While(cond) => {
                    let cond_tokens = this.verbatim_cond(cond);
                    let declared = this.declared_cond(cond);
                    let keyword = if native {
                        quote_spanned!(keyword=> while)
                    } else {
                        quote_spanned!(keyword=> if)
                    };
                    (quote!(#keyword #cond_tokens), declared)
                }
                LoopBody::For {
                    pat,
                    iter,
                    bindings,
                    iterable,
                    desugared,
                    ..
                } => {
                    let name = this.name_of(*iter, None);
                    // A resident iterator is already a `&mut` into the stored state.
                    let next = if this.arm.resident == Some(*iter) {
                        quote!(#name)
                    } else {
                        quote!(&mut #name)
                    };
                    // After the re-binding of a `mut` pattern binding (`let mut x = x;`), the
                    // capture macros name it, not the pattern's binding it moved out of.
                    let remut = this.remut(bindings);
                    let declared = this.declared_all(bindings);
                    let declared = quote!(#remut #declared);
                    let keyword = if native {
                        quote_spanned!(keyword=> while)
                    } else {
                        quote_spanned!(keyword=> if)
                    };
                    let pat = this.pattern_pat(pat, bindings);
                    let next_fn = quote_spanned!(iterable.span=> ::core::iter::Iterator::next);
                    // The head ends at the user's iterable (rustc's loop span runs to the
                    // head's end); not for `yield_from!`, whose errors are on its operand.
                    let mut next =
                        proc_macro2::Group::new(proc_macro2::Delimiter::Parenthesis, next);
                    if !*desugared {
                        next.set_span(in_the_expansion(iterable.span));
                    }
                    (
                        quote!(#keyword let ::core::option::Option::Some(#pat) = #next_fn #next),
                        declared,
                    )
                }
            };
            let body = this.block(body, &Cont::Continue(index));
            this.forget_after(visible);
            let after = match kind {
                LoopBody::Loop => quote!(),
                _ => this.perform(cont, None, exit),
            };
            // The user's label is used by `break`s that became jumps, not by the native loop.
            let allow = this.ir.loops[loop_id]
                .label_used
                .then(|| quote!(#[allow(unused_labels)]));
            let mut braces =
                proc_macro2::Group::new(proc_macro2::Delimiter::Brace, quote!(#declared #body));
            braces.set_span(braces_span);
            match (native, kind) {
                (true, _) => quote!(#allow #native_label: #header #braces #after),
                (false, LoopBody::Loop) => quote!({ #declared #body }),
                (false, _) => quote!(#header { #declared #body } else { #after }),
            }
        });
        self.loops.pop();
        quote!({ #prelude #enter })
    }
}

/// `span`'s location in the macro's context.
fn in_the_expansion(span: proc_macro2::Span) -> proc_macro2::Span {
    proc_macro2::Span::mixed_site().located_at(span)
}
