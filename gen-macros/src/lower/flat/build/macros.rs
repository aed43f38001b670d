//! Other macros' invocations. A macro whose input is expressions and whose meaning the lowering
//! knows (std's format-like macros, `assert!`, `vec!`, `dbg!`) has its input parsed and built
//! like any other code: its `?` and its moves are seen, format arguments are read in place,
//! `vec!` moves its elements. Any other macro's input stays tokens: each name of a local in it
//! counts as a read in place (never as a move), and a nested `iter!`/`stream!` moves what it
//! names (it captures by move).

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr as SynExpr, Macro, Token};

use super::Builder;
use super::expr::leaf;
use super::format_strings::{capture_ident, format_captures, single_capture};
use crate::lower::flat::ir::{Expr, ExprKind, MacroArgs, MacroShape, Place, Use};
use crate::lower::macro_input::has_question_mark;

/// A known macro's input, parsed once before the first build, so its expressions keep their
/// identity (`build::site`) from one build to the next.
pub(crate) struct Parsed {
    exprs: Vec<SynExpr>,
    repeat: bool,
    trailing: bool,
}

/// The parsed inputs of the known macros of a body, by the identity of their invocation.
#[derive(Default)]
pub(crate) struct Macros {
    parsed: Vec<Parsed>,
    by_site: std::collections::HashMap<usize, usize>,
}

impl Macros {
    /// Parses the input of every known macro in `block`, and of the known macros inside
    /// those inputs.
    pub(crate) fn parse(block: &syn::Block) -> Macros {
        struct Find(Vec<(usize, Parsed)>);
        impl<'ast> syn::visit::Visit<'ast> for Find {
            fn visit_macro(&mut self, mac: &'ast Macro) {
                if known(mac).is_some()
                    && let Some(parsed) = parse_input(mac)
                {
                    self.0.push((super::site(mac), parsed));
                }
            }
        }
        let mut macros = Macros::default();
        let mut find = Find(Vec::new());
        syn::visit::Visit::visit_block(&mut find, block);
        let mut next = 0;
        loop {
            for (site, parsed) in std::mem::take(&mut find.0) {
                macros.by_site.insert(site, macros.parsed.len());
                macros.parsed.push(parsed);
            }
            if next == macros.parsed.len() {
                return macros;
            }
            for expr in &macros.parsed[next].exprs {
                syn::visit::Visit::visit_expr(&mut find, expr);
            }
            next += 1;
        }
    }

    fn get(&self, mac: &Macro) -> Option<&Parsed> {
        self.by_site
            .get(&super::site(mac))
            .map(|&i| &self.parsed[i])
    }
}

/// A known macro's input as a list of expressions (`a, b, c` or `v; n`).
fn parse_input(mac: &Macro) -> Option<Parsed> {
    let list = |input: ParseStream<'_>| Punctuated::<SynExpr, Token![,]>::parse_terminated(input);
    let repeat = |input: ParseStream<'_>| {
        let value: SynExpr = input.parse()?;
        input.parse::<Token![;]>()?;
        let count: SynExpr = input.parse()?;
        Ok(vec![value, count])
    };
    match list.parse2(mac.tokens.clone()) {
        Ok(p) => {
            let trailing = p.trailing_punct();
            Some(Parsed {
                exprs: p.into_iter().collect(),
                repeat: false,
                trailing,
            })
        }
        Err(_) => Some(Parsed {
            exprs: repeat.parse2(mac.tokens.clone()).ok()?,
            repeat: true,
            trailing: false,
        }),
    }
}

/// How a known macro uses its arguments.
#[derive(Clone, Copy)]
enum Known {
    /// Every argument read in place (a format string and its arguments).
    Format,
    /// The first argument by value (a condition), the rest a format.
    Assert,
    /// Every argument by value (`vec![a, b]`, `vec![v; n]`, `dbg!(..)`).
    Values,
}

fn known(mac: &Macro) -> Option<Known> {
    let name = mac.path.segments.last()?.ident.to_string();
    Some(match name.as_str() {
        "format" | "print" | "println" | "eprint" | "eprintln" | "format_args" | "panic"
        | "unreachable" | "todo" | "unimplemented" | "write" | "writeln" | "assert_eq"
        | "assert_ne" | "debug_assert_eq" | "debug_assert_ne" => Known::Format,
        "assert" | "debug_assert" => Known::Assert,
        // `__dbg_as_written!`: `dbg!` of `self` (`analyze/self_in_macros.rs`).
        "vec" | "dbg" | "__dbg_as_written" => Known::Values,
        _ => return None,
    })
}

/// A nested generator: `iter! { .. }` / `stream! { .. }`.
fn nested_generator(mac: &Macro) -> bool {
    mac.path
        .segments
        .last()
        .is_some_and(|s| s.ident == "iter" || s.ident == "stream")
}

/// `matches!(x, n if n > lo)` whose scrutinee and guard change nothing (no assignment, no
/// `&mut`, no call but of a method that never changes its receiver): the names in it are
/// read, never changed.
fn matches_reads_only(mac: &Macro) -> bool {
    use syn::visit::Visit;
    struct Changes(bool);
    impl<'a> Visit<'a> for Changes {
        fn visit_expr(&mut self, e: &'a SynExpr) {
            match e {
                SynExpr::Assign(_) | SynExpr::Call(_) | SynExpr::Macro(_) => self.0 = true,
                SynExpr::Binary(b) if super::operands::is_compound(&b.op) => self.0 = true,
                SynExpr::Reference(r) if r.mutability.is_some() => self.0 = true,
                SynExpr::MethodCall(m)
                    if !super::receiver_methods::never_mutates(
                        &m.method.to_string(),
                        m.args.len(),
                    ) =>
                {
                    self.0 = true
                }
                _ => syn::visit::visit_expr(self, e),
            }
        }
    }
    let is_matches = mac
        .path
        .segments
        .last()
        .is_some_and(|s| s.ident == "matches");
    let parse = |input: ParseStream<'_>| {
        let scrutinee: SynExpr = input.parse()?;
        input.parse::<Token![,]>()?;
        let _pattern = syn::Pat::parse_multi_with_leading_vert(input)?;
        let guard = if input.parse::<Option<Token![if]>>()?.is_some() {
            Some(input.parse::<SynExpr>()?)
        } else {
            None
        };
        input.parse::<Option<Token![,]>>()?;
        Ok((scrutinee, guard))
    };
    is_matches
        && parse
            .parse2(mac.tokens.clone())
            .is_ok_and(|(scrutinee, guard)| {
                let mut changes = Changes(false);
                changes.visit_expr(&scrutinee);
                if let Some(guard) = &guard {
                    changes.visit_expr(guard);
                }
                !changes.0
            })
}

/// A statement macro that declares items (`thread_local! { static .. }`).
pub(crate) fn declares_items(mac: &Macro) -> bool {
    mac.path
        .segments
        .last()
        .is_some_and(|s| s.ident == "thread_local" || s.ident == "lazy_static")
}

/// Whether the tokens hold the `static` keyword (a macro that may declare one).
pub(crate) fn mentions_static(tokens: &TokenStream) -> bool {
    tokens.clone().into_iter().any(|tree| match tree {
        TokenTree::Ident(i) => i == "static" || i == "thread_local",
        TokenTree::Group(g) => mentions_static(&g.stream()),
        _ => false,
    })
}

impl Builder<'_> {
    pub(crate) fn macro_expr(&mut self, mac: &Macro) -> Expr {
        if mentions_static(&mac.tokens) {
            self.ir.macro_statics = true;
        }
        let span = syn::spanned::Spanned::span(mac);
        if let Some(kind) = known(mac)
            && let Some(args) = self.parsed(mac, kind)
        {
            return leaf(
                ExprKind::Macro {
                    mac: mac.clone(),
                    args,
                },
                span,
            );
        }
        if !self.in_closure() && !nested_generator(mac) && has_question_mark(&mac.tokens) {
            self.errors.push(syn::Error::new_spanned(
                mac,
                "a flat generator cannot see a `?` inside this macro's input; compute the \
                 value with `let v = expr?;` first",
            ));
        }
        let how = if nested_generator(mac) {
            self.nested_block_captures(&mac.tokens);
            Use::Value
        } else {
            Use::Read
        };
        let mut uses = Vec::new();
        self.token_uses(&mac.tokens, how, &mut uses);
        if !matches_reads_only(mac) {
            for (place, _) in &uses {
                self.ir.maybe_mutated.insert(place.binding);
            }
        }
        leaf(
            ExprKind::Macro {
                mac: mac.clone(),
                args: MacroArgs::Tokens { uses },
            },
            span,
        )
    }

    /// A known macro's input as expressions, or `None` when it is not shaped like that.
    fn parsed(&mut self, mac: &Macro, kind: Known) -> Option<MacroArgs> {
        let macros = self.macros;
        let parsed = macros.get(mac)?;
        let (exprs, shape_repeat, trailing) = (&parsed.exprs, parsed.repeat, parsed.trailing);
        let mut prefixes = Vec::new();
        let mut built = Vec::new();
        let mut captures = Vec::new();
        for (i, expr) in exprs.iter().enumerate() {
            let how = match kind {
                Known::Values => Use::Value,
                Known::Assert if i == 0 => Use::Value,
                _ => Use::Read,
            };
            // A named format argument `name = value` is not an assignment.
            let (prefix, value) = match expr {
                SynExpr::Assign(a)
                    if matches!(kind, Known::Format | Known::Assert)
                        && matches!(&*a.left, SynExpr::Path(p) if p.path.get_ident().is_some()) =>
                {
                    let (left, eq) = (&a.left, &a.eq_token);
                    (quote::quote!(#left #eq), &*a.right)
                }
                other => (TokenStream::new(), other),
            };
            if let SynExpr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = value
            {
                let single = single_capture(&s.value());
                for name in format_captures(&s.value()) {
                    let ident = capture_ident(&name, s.span());
                    // Of no binding: a capture of `iter! { .. }` (`{prefix}`).
                    let Some(binding) = self.resolve(&ident) else {
                        self.free_name(&ident);
                        continue;
                    };
                    {
                        let place = Place::whole(binding);
                        self.record_use(&place, Use::Read);
                        let id = self.use_id();
                        if single.as_deref() == Some(name.as_str()) {
                            self.ir.format_literals.insert(id, s.token());
                        }
                        captures.push((place, id, s.span()));
                    }
                }
            }
            // `write!(out, ..)` writes through its first argument.
            let name = mac.path.segments.last().map(|s| s.ident.to_string());
            if i == 0
                && matches!(name.as_deref(), Some("write" | "writeln"))
                && let Some(binding) = self.root_binding(value)
            {
                self.ir.maybe_mutated.insert(binding);
            }
            prefixes.push(prefix);
            // Another macro's input is printed as it is: nothing in it is lowered.
            self.unlowered += 1;
            built.push(self.expr_in(value, how, false));
            self.unlowered -= 1;
        }
        Some(MacroArgs::Exprs {
            exprs: built,
            shape: MacroShape {
                prefixes,
                repeat: shape_repeat,
                trailing,
            },
            captures,
        })
    }

    /// The places a macro's tokens name (a name not after `.` or `::`, nor before `::` or
    /// `!`), and `{name}` captures in its string literals.
    fn token_uses(&mut self, tokens: &TokenStream, how: Use, out: &mut Vec<(Place, Use)>) {
        let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
        for (i, tree) in trees.iter().enumerate() {
            match tree {
                TokenTree::Group(g) => {
                    let nested = i >= 2
                        && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == '!')
                        && matches!(&trees[i - 2], TokenTree::Ident(m) if m == "iter" || m == "stream");
                    if nested {
                        self.nested_block_captures(&g.stream());
                    }
                    let how = if nested { Use::Value } else { how };
                    self.token_uses(&g.stream(), how, out);
                }
                TokenTree::Ident(ident) => {
                    // After `.` or `::` (a field, a method, a path), not after `..` (a range).
                    let range = i >= 2
                        && matches!(&trees[i - 2], TokenTree::Punct(p) if p.as_char() == '.');
                    let after = i > 0
                        && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == ':' || p.as_char() == '.' && !range);
                    let before = matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!' || p.as_char() == ':');
                    if !after
                        && !before
                        && let Some(binding) = self.resolve(ident)
                    {
                        // `guard.v` in a nested `iter!`/`stream!`: its `move` start captures
                        // the field alone when it is `Copy` (or `guard`'s type has no `Drop`),
                        // and then `guard` stays, to drop at the end of its scope; else all of
                        // `guard`. Which one, only rustc knows: the body lowers `boxed`.
                        let info = &self.ir.bindings[binding];
                        if how == Use::Value
                            && !info.by_ref
                            && !info.plain
                            && reads_a_field(&trees[i + 1..])
                        {
                            self.ir.inexpressible = true;
                        }
                        let place = Place::whole(binding);
                        self.record_use(&place, how);
                        out.push((place, how));
                    }
                }
                TokenTree::Literal(lit) => {
                    let text = lit.to_string();
                    if text.starts_with('"') || text.starts_with('r') {
                        for name in format_captures(&text) {
                            let ident = capture_ident(&name, lit.span());
                            // Read in place, unless a nested `iter!`/`stream!` captures it.
                            let Some(binding) = self.resolve(&ident) else {
                                self.free_name(&ident);
                                continue;
                            };
                            {
                                let place = Place::whole(binding);
                                self.record_use(&place, how);
                                out.push((place, how));
                            }
                        }
                    }
                }
                TokenTree::Punct(_) => {}
            }
        }
    }
}

/// Whether `rest`, the tokens after a name, start with a field access (`.v`, `.0`), not a
/// method call (`.len()`).
fn reads_a_field(rest: &[TokenTree]) -> bool {
    let dot = matches!(rest.first(), Some(TokenTree::Punct(p)) if p.as_char() == '.');
    let field = matches!(
        rest.get(1),
        Some(TokenTree::Ident(_) | TokenTree::Literal(_))
    );
    let call = matches!(rest.get(2), Some(TokenTree::Group(g))
        if g.delimiter() == proc_macro2::Delimiter::Parenthesis)
        || matches!(rest.get(2), Some(TokenTree::Punct(p)) if p.as_char() == ':' || p.as_char() == '!');
    dot && field && !call
}

/// Puts a parsed macro input back together around printed expressions.
pub(crate) fn reassemble(shape: &MacroShape, printed: Vec<TokenStream>) -> TokenStream {
    let mut out = TokenStream::new();
    let count = printed.len();
    for (i, (prefix, expr)) in shape.prefixes.iter().zip(printed).enumerate() {
        out.extend(prefix.clone());
        out.extend(expr);
        if i + 1 < count {
            if shape.repeat {
                <Token![;]>::default().to_tokens(&mut out);
            } else {
                <Token![,]>::default().to_tokens(&mut out);
            }
        } else if shape.trailing {
            <Token![,]>::default().to_tokens(&mut out);
        }
    }
    out
}
