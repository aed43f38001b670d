//! IR -> tokens for code that is not lowered into states: the fold copy of the body, and the
//! verbatim parts of every arm. The user's syntax comes back as written, with the user's
//! spans; what depends on where the code is printed (a `?` of the generator, a `break` out of
//! the printed code, a place held in a hidden local of the arm) is asked of a [`Context`].

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::Expr as SynExpr;

mod context;
mod stmts;
pub(crate) use context::Context;

use super::build::operands::operands_mut;
use super::ir::{
    Arm, Block, Cond, CondPart, Expr, ExprKind, Ir, LoopBody, LoopId, MacroArgs, Stmt, Use,
};

/// Prints code of `ir` in a context.
pub(crate) struct Printer<'a, C: Context> {
    pub ir: &'a Ir,
    pub cx: C,
    /// Loops inside the printed code: a `break`/`continue` to them stays as written.
    inside: Vec<LoopId>,
    /// The values of scrutinee locals written back into their `match` (`Ir::scrutinee_temps`).
    scrutinees: std::collections::HashMap<super::ir::BindingId, TokenStream>,
}

impl<'a, C: Context> Printer<'a, C> {
    pub(crate) fn new(ir: &'a Ir, cx: C) -> Self {
        Printer {
            ir,
            cx,
            inside: Vec::new(),
            scrutinees: std::collections::HashMap::new(),
        }
    }

    pub(crate) fn expr(&mut self, e: &Expr) -> TokenStream {
        let tokens = self.expr_alone(e);
        // The user's attributes on a compound statement (`#[allow(unreachable_code)] { .. }`).
        match self.ir.expr_attrs.get(&e.site) {
            Some(attrs) if is_compound(e) => quote!(#(#attrs)* #tokens),
            _ => tokens,
        }
    }

    fn expr_alone(&mut self, e: &Expr) -> TokenStream {
        match &e.kind {
            ExprKind::Place {
                place,
                how,
                syn,
                id,
            } => {
                if place.path.is_empty()
                    && let Some(value) = self.scrutinees.remove(&place.binding)
                {
                    return value;
                }
                let tokens = self
                    .cx
                    .place(place, *how, *id)
                    .unwrap_or_else(|| syn.to_token_stream());
                if self.ir.copy_checked.contains(id) {
                    // Desugar a field (or a dereference) taken for a copy into one the
                    // compiler must confirm (`plan/copied_fields.rs`).
                    let field = matches!(
                        place.path.last(),
                        Some(crate::lower::flat::ir::Proj::Field(_))
                    );
                    if self.ir.checked_lets.contains(id) && field {
                        quote_spanned!(e.span=> ::gen_core::checks::copied_field_let(&#tokens))
                    } else if self.ir.checked_lets.contains(id) {
                        quote_spanned!(e.span=> ::gen_core::checks::copied_deref_let(&#tokens))
                    } else if matches!(place.path.last(), Some(crate::lower::flat::ir::Proj::Deref))
                    {
                        quote_spanned!(e.span=> ::gen_core::checks::copied_deref(&#tokens))
                    } else {
                        quote_spanned!(e.span=> ::gen_core::checks::copied_field(&#tokens))
                    }
                } else {
                    tokens
                }
            }
            ExprKind::Yield {
                from, value, token, ..
            } => {
                let value = self.expr(value);
                self.cx.yield_(value, *from, *token, e.spans.1)
            }
            ExprKind::Block {
                block,
                label,
                unsafety,
                loop_id,
            } => {
                // Desugar `{ let t = e; match t { .. } }` back into the user's `match e { .. }`
                // in the exact copy (`Ir::scrutinee_temps`): no braces of ours around it, so
                // lints on the `match` (`single_match`) see it as written.
                if self.cx.exact()
                    && label.is_none()
                    && unsafety.is_none()
                    && loop_id.is_none()
                    && self.only_a_scrutinee_temp(block)
                    && self.ir.scopes[block.scope].attrs.is_empty()
                {
                    return self.stmts(block);
                }
                if let Some(id) = loop_id {
                    self.inside.push(*id);
                }
                let body = self.block(block);
                if loop_id.is_some() {
                    self.inside.pop();
                }
                let attrs = &self.ir.scopes[block.scope].attrs;
                quote!(#(#attrs)* #label #unsafety #body)
            }
            ExprKind::If {
                cond,
                then,
                otherwise,
                then_braces,
                ..
            } => {
                let mark = self.cx.declared(&[]);
                let cond_tokens = self.cond(cond);
                self.cx.declared(&cond_bindings(cond));
                // On the user's braces: an error on the whole `if` (E0317, a missing `else`;
                // "`if` and `else` have incompatible types") spans the user's `if`.
                let then = self.block_at(then, Some(*then_braces));
                self.cx.forget(mark);
                let cond = cond_tokens;
                let otherwise = otherwise.as_ref().map(|o| {
                    let o = self.braces_of_the_user(o);
                    quote!(else #o)
                });
                quote_spanned!(e.spans.0=> if #cond #then #otherwise)
            }
            ExprKind::Match { scrutinee, arms } => {
                let scrutinee = self.expr(scrutinee);
                let arms: TokenStream = arms.iter().map(|arm| self.arm(arm)).collect();
                // On the user's `match` and braces: rustc's errors on the whole `match`
                // ("`match` arms have incompatible types") point at them.
                let mut arms = proc_macro2::Group::new(proc_macro2::Delimiter::Brace, arms);
                arms.set_span(e.spans.1);
                quote_spanned!(e.spans.0=> match #scrutinee #arms)
            }
            ExprKind::Loop {
                label,
                loop_id,
                kind,
                body,
                ..
            } => {
                let mark = self.cx.declared(&[]);
                // On the user's keyword (or label) and braces: rustc's "this loop is expected
                // to be of type" and "inside of this loop" point at the user's loop.
                let keyword = e.spans.0;
                let head = match kind {
                    LoopBody::Loop => quote_spanned!(keyword=> loop),
                    LoopBody::While(cond) => {
                        let cond_tokens = self.cond(cond);
                        self.cx.declared(&cond_bindings(cond));
                        quote_spanned!(keyword=> while #cond_tokens)
                    }
                    LoopBody::For {
                        pat,
                        iterable,
                        desugared,
                        bindings,
                        ..
                    } => {
                        let span = iterable.span;
                        let mut iterable = self.expr(iterable);
                        if *desugared {
                            // At the iterable: a value that is no iterator is reported there.
                            let into_iter =
                                quote_spanned!(span=> ::core::iter::IntoIterator::into_iter);
                            iterable = quote_spanned!(span=> #into_iter(#iterable));
                        }
                        self.cx.declared(bindings);
                        quote_spanned!(keyword=> for #pat in #iterable)
                    }
                };
                self.inside.push(*loop_id);
                let body = match plain_inner_block(self.ir, body) {
                    // Desugar the loop's scope around the user's block back into that block
                    // (`loop { { match .. } }` into `loop { match .. }`): clippy reads the
                    // loop's body as written (`while_let_loop`).
                    Some(inner) => self.block_at(inner, Some(e.spans.1)),
                    None => self.block_at(body, Some(e.spans.1)),
                };
                self.inside.pop();
                self.cx.forget(mark);
                quote!(#label #head #body)
            }
            ExprKind::Break {
                label,
                target,
                value,
                mark,
            } => {
                let value = value.as_ref().map(|v| self.expr(v));
                if let Some(t) = target
                    && !self.inside.contains(t)
                    && let Some(jump) = self.cx.jump(*t, false, value.clone(), *mark, e.span)
                {
                    return jump;
                }
                // The user's span: rustc's "any code following this expression is
                // unreachable" points at it.
                quote_spanned!(e.span=> break #label #value)
            }
            ExprKind::Continue {
                label,
                target,
                mark,
            } => {
                if let Some(t) = target
                    && !self.inside.contains(t)
                    && let Some(jump) = self.cx.jump(*t, true, None, *mark, e.span)
                {
                    return jump;
                }
                quote_spanned!(e.span=> continue #label)
            }
            ExprKind::Return { token, value } => match value {
                Some(value) => {
                    let value = self.expr(value);
                    self.cx.return_error(value, *token)
                }
                None => self.cx.return_(*token),
            },
            ExprKind::Try {
                inner, question, ..
            } => {
                // Desugar `e?` into `(match e { .. })`: parenthesized, so that `e? * 2` at
                // the start of a statement or arm stays one expression (glue parentheses:
                // no `unused_parens` on the user's code).
                let inner = self.expr(inner);
                let code = self.cx.try_(inner, *question);
                let mut group = proc_macro2::Group::new(proc_macro2::Delimiter::Parenthesis, code);
                group.set_span(question.resolved_at(Span::mixed_site()));
                group.into_token_stream()
            }
            ExprKind::Assign { lhs, rhs, op, .. } => {
                let rhs = self.expr(rhs);
                if op.is_none()
                    && let ExprKind::Place {
                        place,
                        how: Use::Assign,
                        id,
                        ..
                    } = &lhs.kind
                    && let Some(tokens) = self.cx.assign(place, rhs.clone(), *id)
                {
                    return tokens;
                }
                let lhs_tokens = self.expr(lhs);
                match op {
                    Some(op) => quote!(#lhs_tokens #op #rhs),
                    // The `=` at the user's place: rustc's lints on the assignment (a value
                    // never read) are not reported on code a macro wrote.
                    None => quote_spanned!(e.span=> #lhs_tokens = #rhs),
                }
            }
            ExprKind::Closure { syn, body, .. } => {
                let loops = std::mem::take(&mut self.inside);
                let printed = self.expr(body);
                self.inside = loops;
                closure_with_body(syn, printed)
            }
            ExprKind::Macro { mac, args, .. } => match args {
                MacroArgs::Exprs { exprs, shape, .. } => {
                    let printed = exprs.iter().map(|x| self.expr(x)).collect();
                    let tokens = super::build::reassemble(shape, printed);
                    let mut mac = mac.clone();
                    mac.tokens = tokens;
                    mac.to_token_stream()
                }
                MacroArgs::Tokens { .. } => mac.to_token_stream(),
            },
            ExprKind::Op { syn, operands, .. } => {
                let mut skeleton = syn.clone();
                let printed: Vec<TokenStream> = operands.iter().map(|o| self.expr(o)).collect();
                for ((hole, _), tokens) in operands_mut(&mut skeleton).into_iter().zip(printed) {
                    *hole = SynExpr::Verbatim(tokens);
                }
                skeleton.to_token_stream()
            }
        }
    }

    pub(crate) fn cond(&mut self, cond: &Cond) -> TokenStream {
        let parts: Vec<TokenStream> = cond
            .parts
            .iter()
            .map(|part| match part {
                CondPart::Expr(e) => self.expr(e),
                CondPart::Let {
                    pat,
                    scrutinee,
                    bindings,
                    token,
                    ..
                } => {
                    let scrutinee = self.expr(scrutinee);
                    let pat = self.cx.pat(pat, bindings);
                    quote_spanned!(*token=> let #pat = #scrutinee)
                }
            })
            .collect();
        quote!(#(#parts)&&*)
    }

    fn arm(&mut self, arm: &Arm) -> TokenStream {
        let mark = self.cx.declared(&arm.bindings);
        let guard = arm.guard.as_ref().map(|g| {
            let g = self.expr(g);
            quote!(if #g)
        });
        // A block body on the user's braces: rustc suggests a missing arm after it, as for
        // the plain function.
        let body = match &arm.body.kind {
            ExprKind::Block {
                block,
                label: None,
                unsafety: None,
                loop_id: None,
            } if !self.ir.expr_attrs.contains_key(&arm.body.site) => {
                self.block_at(block, Some(arm.body.spans.1))
            }
            _ => self.expr(&arm.body),
        };
        self.cx.forget(mark);
        let attrs = &arm.attrs;
        let pat = self.cx.pat(&arm.pat, &arm.bindings);
        quote!(#(#attrs)* #pat #guard => #body,)
    }
}

/// The bindings of a condition's `let` parts.
fn cond_bindings(cond: &Cond) -> Vec<super::ir::BindingId> {
    cond.parts
        .iter()
        .flat_map(|part| match part {
            CondPart::Let { bindings, .. } => bindings.clone(),
            CondPart::Expr(_) => Vec::new(),
        })
        .collect()
}

/// The closure (or `async` block) `syn` with its body replaced by `body`.
fn closure_with_body(syn: &SynExpr, body: TokenStream) -> TokenStream {
    match syn {
        SynExpr::Closure(c) => {
            let mut c = c.clone();
            *c.body = SynExpr::Verbatim(body);
            c.to_token_stream()
        }
        SynExpr::Async(a) => {
            let (attrs, token, capture) = (&a.attrs, &a.async_token, &a.capture);
            quote!(#(#attrs)* #token #capture #body)
        }
        other => other.to_token_stream(),
    }
}

/// A block, `if`, `match` or loop: what a statement's attributes may stand on.
fn is_compound(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Block { .. }
            | ExprKind::If { .. }
            | ExprKind::Match { .. }
            | ExprKind::Loop { .. }
    )
}

/// The user's block a loop's body holds alone (a block statement without label, `unsafe` or
/// attributes, in a scope that binds nothing of its own), if it does.
fn plain_inner_block<'b>(ir: &Ir, body: &'b Block) -> Option<&'b Block> {
    let [Stmt::Expr { expr, .. }] = body.stmts.as_slice() else {
        return None;
    };
    match &expr.kind {
        ExprKind::Block {
            block,
            label: None,
            unsafety: None,
            loop_id: None,
        } if ir.scopes[block.scope].attrs.is_empty()
            && ir.scopes[body.scope].bindings.is_empty()
            && ir.scopes[body.scope].reusable.is_empty()
            && ir.scopes[body.scope].items.is_empty() =>
        {
            Some(block)
        }
        _ => None,
    }
}
