//! Code without yields is emitted as written, after one visit that
//! - records every mention of a tracked local (and whether it may move it),
//! - desugars generator-level `e?` into `match e { Ok(v) => v, Err(e) => return Some(Err(e.into())) }`
//!   and `return;` into `return None` (the stored state is already `Done`),
//! - desugars a `break`/`continue` that leaves the verbatim code for a lowered loop into
//!   `break '__gen_w ControlFlow::Break(k)` out of a labelled block around the expression, so
//!   the jump itself is emitted where the generator's own names are in scope (see
//!   `Emitter::verbatim_expr`). A `continue` of the loop that is native in the current arm
//!   stays a native `continue 'label`.
//!
//! It does not rewrite inside closures, async blocks or nested items, where `?`, `return`,
//! `break` and `continue` keep their own meaning.

use std::collections::HashSet;

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Ident, Lifetime, Pat};

use super::facts::{LocalId, Use};
use crate::lower::macro_input::{has_question_mark, rewrite_exprs};
use crate::parse::{Binding, pat_bindings};

/// What the visitor needs from the emitter.
pub(crate) trait Scope {
    /// The tracked local a name refers to here, if any.
    fn resolve(&self, name: &str) -> Option<LocalId>;
    fn mention(&mut self, local: LocalId, how: Use);
    /// A name that is neither tracked nor bound inside the verbatim code.
    fn free(&mut self, name: &Ident);
    /// The lowered loop (index into the emitter's loop stack) a `break`/`continue` with this
    /// label targets, and whether a `continue` of it is native here (its label).
    fn target(
        &self,
        label: Option<&Lifetime>,
        is_continue: bool,
    ) -> Option<(usize, Option<Lifetime>)>;
}

/// A jump out of verbatim code that the emitter must perform.
pub(crate) struct Escape {
    pub target: usize,
    pub is_continue: bool,
    /// For `break 'l value`: the hidden slot the value is stored in before leaving.
    pub value_slot: Option<Ident>,
}

pub(crate) struct Visit<'a> {
    scope: &'a mut dyn Scope,
    pub escapes: Vec<Escape>,
    pub errors: Vec<syn::Error>,
    pub wrapper: Lifetime,
    /// Names bound inside the verbatim code itself (closure parameters, inner `let`s, arm
    /// patterns), innermost last: they shadow tracked locals.
    inner: Vec<HashSet<String>>,
    /// Inside a closure or async block: no rewriting of control flow.
    closures: usize,
    /// Labels of verbatim loops and blocks we are inside, and the number of verbatim loops.
    labels: Vec<String>,
    loop_depth: usize,
    how: Use,
    callee: bool,
    /// Inside a verbatim branch, loop or closure: an assignment there may not run.
    conditional: usize,
    /// Inside a `move` closure: every mention of an outer local moves it.
    moving: usize,
}

impl<'a> Visit<'a> {
    pub(crate) fn new(scope: &'a mut dyn Scope, wrapper: Lifetime) -> Self {
        Visit {
            scope,
            escapes: Vec::new(),
            errors: Vec::new(),
            wrapper,
            inner: Vec::new(),
            closures: 0,
            labels: Vec::new(),
            loop_depth: 0,
            how: Use::Move,
            callee: false,
            conditional: 0,
            moving: 0,
        }
    }

    pub(crate) fn expr(&mut self, expr: &mut Expr, how: Use) {
        self.how = how;
        self.visit_expr_mut(expr);
    }

    fn bind(&mut self, pat: &Pat) {
        let mut bindings: Vec<Binding> = Vec::new();
        pat_bindings(pat, &mut bindings);
        if let Some(frame) = self.inner.last_mut() {
            frame.extend(bindings.iter().map(|b| b.ident.to_string()));
        } else {
            self.inner
                .push(bindings.iter().map(|b| b.ident.to_string()).collect());
        }
    }

    fn with_frame(&mut self, f: impl FnOnce(&mut Self)) {
        self.inner.push(HashSet::new());
        f(self);
        self.inner.pop();
    }

    fn child(&mut self, expr: &mut Expr, how: Use) {
        let outer = std::mem::replace(&mut self.how, how);
        self.visit_expr_mut(expr);
        self.how = outer;
    }

    fn name(&mut self, ident: &Ident, how: Use) {
        let name = ident.to_string();
        if self.inner.iter().any(|frame| frame.contains(&name)) {
            return;
        }
        let how = if self.moving > 0 { Use::Move } else { how };
        match self.scope.resolve(&name) {
            Some(local) => self.scope.mention(local, how),
            None if !self.callee => self.scope.free(ident),
            None => {}
        }
    }

    /// Idents inside another macro's input, and `{name}` captures inside its string literals,
    /// count as uses (never as moves: format-like macros borrow).
    fn macro_tokens(&mut self, tokens: &TokenStream) {
        let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
        for (i, tree) in trees.iter().enumerate() {
            match tree {
                TokenTree::Group(group) => {
                    // A nested `iter!`/`stream!` captures what it mentions by move.
                    let nested = i >= 2
                        && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == '!')
                        && matches!(&trees[i - 2], TokenTree::Ident(m) if m == "iter" || m == "stream");
                    self.moving += usize::from(nested);
                    self.macro_tokens(&group.stream());
                    self.moving -= usize::from(nested);
                }
                TokenTree::Ident(ident) => {
                    let after_dot = i > 0
                        && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == '.' || p.as_char() == ':');
                    let name = ident.to_string();
                    if !after_dot
                        && !self.inner.iter().any(|f| f.contains(&name))
                        && let Some(local) = self.scope.resolve(&name)
                    {
                        let how = if self.moving > 0 {
                            Use::Move
                        } else {
                            Use::Keep
                        };
                        self.scope.mention(local, how);
                    }
                }
                TokenTree::Literal(lit) => {
                    for name in format_captures(&lit.to_string()) {
                        if !self.inner.iter().any(|f| f.contains(&name))
                            && let Some(local) = self.scope.resolve(&name)
                        {
                            self.scope.mention(local, Use::Keep);
                        }
                    }
                }
                TokenTree::Punct(_) => {}
            }
        }
    }

    /// Desugar a `break`/`continue` that leaves the verbatim code for a lowered loop.
    fn escape(&mut self, expr: &mut Expr) {
        let (label, is_continue, value) = match expr {
            Expr::Break(b) => (b.label.clone(), false, b.expr.take()),
            Expr::Continue(c) => (c.label.clone(), true, None),
            _ => return,
        };
        let Some((target, native)) = self.scope.target(label.as_ref(), is_continue) else {
            return;
        };
        let span = expr.span();
        if let (true, Some(native)) = (is_continue, native) {
            *expr = Expr::Verbatim(quote_spanned!(span=> continue #native));
            return;
        }
        let k = self.escapes.len() as u32;
        let wrapper = &self.wrapper;
        let value_slot = value
            .as_ref()
            .map(|_| format_ident!("__gen_break{}", k, span = Span::mixed_site()));
        let leave = quote_spanned!(span=> break #wrapper (::core::ops::ControlFlow::Break(#k)));
        *expr = Expr::Verbatim(match (&value_slot, value) {
            (Some(slot), Some(value)) => {
                quote!({ #slot = ::core::option::Option::Some(#value); #leave })
            }
            _ => leave,
        });
        self.escapes.push(Escape {
            target,
            is_continue,
            value_slot,
        });
    }
}

/// Desugar `e?` into an early end of the generator with `Err(From::from(e))` as last item.
pub(crate) fn try_to_match(expr: &Expr, question: Span) -> TokenStream {
    let ok = Ident::new("__gen_ok", Span::mixed_site());
    let err = Ident::new("__gen_err", Span::mixed_site());
    quote_spanned! {question=>
        match #expr {
            ::core::result::Result::Ok(#ok) => #ok,
            ::core::result::Result::Err(#err) => {
                return ::core::option::Option::Some(::core::result::Result::Err(
                    ::core::convert::From::from(#err),
                ));
            }
        }
    }
}

/// Names captured by `{name}` / `{name:..}` in a string literal's text.
pub(crate) fn format_captures(lit: &str) -> Vec<String> {
    if !lit.starts_with('"') && !lit.starts_with('r') {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut chars = lit.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '{' {
            continue;
        }
        if chars.peek() == Some(&'{') {
            chars.next();
            continue;
        }
        let name: String =
            std::iter::from_fn(|| chars.next_if(|c| c.is_alphanumeric() || *c == '_')).collect();
        if name.starts_with(|c: char| c.is_alphabetic() || c == '_')
            && matches!(chars.peek(), Some('}' | ':'))
        {
            names.push(name);
        }
    }
    names
}

/// Methods known to take `self` by value: the receiver may be moved.
fn consumes_receiver(method: &str, args: usize) -> bool {
    const CONSUMING: &[&str] = &[
        "unwrap",
        "expect",
        "unwrap_or",
        "unwrap_or_else",
        "unwrap_or_default",
        "unwrap_err",
        "expect_err",
        "ok",
        "err",
        "map",
        "map_err",
        "map_or",
        "map_or_else",
        "and_then",
        "or_else",
        "ok_or",
        "ok_or_else",
        "filter",
        "filter_map",
        "flat_map",
        "flatten",
        "zip",
        "chain",
        "enumerate",
        "skip",
        "step_by",
        "take_while",
        "skip_while",
        "map_while",
        "peekable",
        "fuse",
        "inspect",
        "rev",
        "cycle",
        "cloned",
        "copied",
        "collect",
        "sum",
        "product",
        "count",
        "last",
        "fold",
        "for_each",
        "max",
        "min",
        "max_by",
        "min_by",
        "max_by_key",
        "min_by_key",
        "partition",
        "unzip",
        "scan",
        "reduce",
        "lines",
        "bytes",
        "build",
        "finish",
        "commit",
        "join",
        "send",
        "wait",
        "then",
        "xor",
        "or",
        "and",
    ];
    method.starts_with("into") || CONSUMING.contains(&method) || (method == "take" && args == 1)
}

fn pat_binds_by_value(pat: &Pat) -> bool {
    let mut bindings = Vec::new();
    pat_bindings(pat, &mut bindings);
    bindings.iter().any(|b| !b.by_ref)
}

impl VisitMut for Visit<'_> {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        let how = std::mem::replace(&mut self.how, Use::Move);
        let callee = std::mem::take(&mut self.callee);
        let branches = matches!(
            expr,
            Expr::If(_)
                | Expr::Match(_)
                | Expr::While(_)
                | Expr::ForLoop(_)
                | Expr::Loop(_)
                | Expr::Closure(_)
                | Expr::Async(_)
                | Expr::Binary(_)
                | Expr::Block(_)
        );
        self.conditional += usize::from(branches);
        match expr {
            Expr::Path(path) => {
                if path.qself.is_none() && path.path.segments.len() == 1 {
                    let segment = &path.path.segments[0];
                    if segment.arguments.is_empty() {
                        self.callee = callee;
                        self.name(&segment.ident.clone(), how);
                        self.callee = false;
                    }
                }
            }
            Expr::Reference(r) => self.child(&mut r.expr, Use::Keep),
            Expr::Field(f) => self.child(&mut f.base, Use::Keep),
            Expr::Index(i) => {
                self.child(&mut i.expr, Use::Keep);
                self.child(&mut i.index, Use::Move);
            }
            Expr::MethodCall(m) => {
                let consumes = consumes_receiver(&m.method.to_string(), m.args.len());
                self.child(
                    &mut m.receiver,
                    if consumes { Use::Move } else { Use::Keep },
                );
                for arg in &mut m.args {
                    self.child(arg, Use::Move);
                }
            }
            Expr::Call(c) => {
                self.callee = true;
                self.child(&mut c.func, Use::Keep);
                self.callee = false;
                for arg in &mut c.args {
                    self.child(arg, Use::Move);
                }
            }
            Expr::Binary(b) => {
                use syn::BinOp::*;
                let operands = match b.op {
                    Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_) | AddAssign(_) | SubAssign(_)
                    | MulAssign(_) | DivAssign(_) | RemAssign(_) | BitXorAssign(_)
                    | BitAndAssign(_) | BitOrAssign(_) | ShlAssign(_) | ShrAssign(_) => Use::Keep,
                    _ => Use::Move,
                };
                self.child(&mut b.left, operands);
                self.child(
                    &mut b.right,
                    if matches!(operands, Use::Keep) && !is_compound(&b.op) {
                        Use::Keep
                    } else {
                        Use::Move
                    },
                );
            }
            Expr::Assign(a) => {
                self.child(&mut a.right, Use::Move);
                let whole = self.conditional == 0
                    && matches!(&*a.left, Expr::Path(p) if p.path.segments.len() == 1);
                self.child(&mut a.left, if whole { Use::Assign } else { Use::Keep });
            }
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                self.child(&mut u.expr, Use::Keep)
            }
            Expr::Paren(p) => self.child(&mut p.expr, how),
            Expr::Group(g) => self.child(&mut g.expr, how),
            Expr::Macro(m) => self.visit_macro_mut(&mut m.mac),
            Expr::Closure(c) => {
                let captures = if c.capture.is_some() {
                    Use::Move
                } else {
                    Use::Keep
                };
                let moving = usize::from(c.capture.is_some());
                self.moving += moving;
                self.closures += 1;
                self.with_frame(|v| {
                    for input in &c.inputs {
                        v.bind(input);
                    }
                    v.child(&mut c.body, captures);
                });
                self.closures -= 1;
                self.moving -= moving;
            }
            Expr::Async(a) => {
                let moving = usize::from(a.capture.is_some());
                self.moving += moving;
                self.closures += 1;
                self.with_frame(|v| v.visit_block_mut(&mut a.block));
                self.closures -= 1;
                self.moving -= moving;
            }
            Expr::Match(m) => {
                let by_value = m.arms.iter().any(|arm| pat_binds_by_value(&arm.pat));
                self.child(&mut m.expr, if by_value { Use::Move } else { Use::Keep });
                for arm in &mut m.arms {
                    self.with_frame(|v| {
                        v.bind(&arm.pat);
                        if let Some((_, guard)) = &mut arm.guard {
                            v.child(guard, Use::Keep);
                        }
                        v.child(&mut arm.body, how);
                    });
                }
            }
            Expr::Let(l) => {
                let how = if pat_binds_by_value(&l.pat) {
                    Use::Move
                } else {
                    Use::Keep
                };
                self.child(&mut l.expr, how);
                self.bind(&l.pat);
            }
            Expr::If(i) => {
                self.with_frame(|v| {
                    v.child(&mut i.cond, Use::Keep);
                    v.visit_block_mut(&mut i.then_branch);
                });
                if let Some((_, else_branch)) = &mut i.else_branch {
                    self.child(else_branch, how);
                }
            }
            Expr::While(w) => {
                self.labels
                    .extend(w.label.as_ref().map(|l| l.name.ident.to_string()));
                self.loop_depth += 1;
                self.with_frame(|v| {
                    v.child(&mut w.cond, Use::Keep);
                    v.visit_block_mut(&mut w.body);
                });
                self.loop_depth -= 1;
                if w.label.is_some() {
                    self.labels.pop();
                }
            }
            Expr::ForLoop(f) => {
                self.child(&mut f.expr, Use::Move);
                self.labels
                    .extend(f.label.as_ref().map(|l| l.name.ident.to_string()));
                self.loop_depth += 1;
                self.with_frame(|v| {
                    v.bind(&f.pat);
                    v.visit_block_mut(&mut f.body);
                });
                self.loop_depth -= 1;
                if f.label.is_some() {
                    self.labels.pop();
                }
            }
            Expr::Loop(l) => {
                self.labels
                    .extend(l.label.as_ref().map(|l| l.name.ident.to_string()));
                self.loop_depth += 1;
                self.visit_block_mut(&mut l.body);
                self.loop_depth -= 1;
                if l.label.is_some() {
                    self.labels.pop();
                }
            }
            Expr::Block(b) if b.label.is_some() => {
                let label = b.label.as_ref().map(|l| l.name.ident.to_string());
                self.labels.extend(label);
                self.visit_block_mut(&mut b.block);
                self.labels.pop();
            }
            Expr::Break(_) | Expr::Continue(_) if self.closures == 0 => {
                if let Expr::Break(b) = expr
                    && let Some(value) = &mut b.expr
                {
                    self.child(value, Use::Move);
                }
                let (label, is_continue) = match expr {
                    Expr::Break(b) => (b.label.as_ref(), false),
                    Expr::Continue(c) => (c.label.as_ref(), true),
                    _ => unreachable!(),
                };
                let local = match label {
                    Some(label) => self.labels.contains(&label.ident.to_string()),
                    None => self.loop_depth > 0,
                };
                if !local {
                    let _ = is_continue;
                    self.escape(expr);
                }
            }
            Expr::Return(r) if self.closures == 0 => {
                let span = r.return_token.span;
                *expr = Expr::Verbatim(quote_spanned!(span=> return ::core::option::Option::None));
            }
            Expr::Try(t) if self.closures == 0 => {
                self.child(&mut t.expr, Use::Move);
                let question = t.question_token.span;
                let inner = (*t.expr).clone();
                *expr = Expr::Verbatim(try_to_match(&inner, question));
            }
            _ => visit_mut::visit_expr_mut(self, expr),
        }
        self.conditional -= usize::from(branches);
        self.how = how;
    }

    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        self.with_frame(|v| {
            for stmt in &mut block.stmts {
                match stmt {
                    syn::Stmt::Local(local) => {
                        if let Some(init) = &mut local.init {
                            let how = if pat_binds_by_value(&local.pat) {
                                Use::Move
                            } else {
                                Use::Keep
                            };
                            v.child(&mut init.expr, how);
                            if let Some((_, diverge)) = &mut init.diverge {
                                v.child(diverge, Use::Move);
                            }
                        }
                        v.bind(&local.pat);
                    }
                    syn::Stmt::Macro(m) => v.visit_macro_mut(&mut m.mac),
                    syn::Stmt::Expr(e, _) => v.child(e, Use::Move),
                    syn::Stmt::Item(_) => {}
                }
            }
        });
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        let nested = mac
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "iter" || s.ident == "stream");
        if !nested && self.closures == 0 && has_question_mark(&mac.tokens) {
            // `vec![a, f()?]`: rewrite the `?` inside, where the input is expressions.
            let outer = std::mem::replace(&mut self.how, Use::Keep);
            let rewritten = rewrite_exprs(&mac.tokens, |expr| self.visit_expr_mut(expr));
            self.how = outer;
            match rewritten {
                Some(tokens) => mac.tokens = tokens,
                None => self.errors.push(syn::Error::new_spanned(
                    &*mac,
                    "a flat generator cannot see a `?` inside this macro's input; compute the \
                     value with `let v = expr?;` first",
                )),
            }
            return;
        }
        self.moving += usize::from(nested);
        self.macro_tokens(&mac.tokens);
        self.moving -= usize::from(nested);
    }
}

/// `+=`, `-=`, ...: a compound assignment operator.
pub(super) fn is_compound(op: &syn::BinOp) -> bool {
    use syn::BinOp::*;
    matches!(
        op,
        AddAssign(_)
            | SubAssign(_)
            | MulAssign(_)
            | DivAssign(_)
            | RemAssign(_)
            | BitXorAssign(_)
            | BitAndAssign(_)
            | BitOrAssign(_)
            | ShlAssign(_)
            | ShrAssign(_)
    )
}
