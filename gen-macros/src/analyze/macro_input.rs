//! Yields written as macros: desugar `yield_!(e)` / `yield_from!(e)` into the yield
//! expression, and check another macro's input for yields the generator cannot see there
//! (renaming `self` inside it as in the rest of the body).

use super::*;

impl Normalize {
    /// Desugar `yield_!(e)` into `yield e` and `yield_from!(e)` into the marked form.
    pub(super) fn desugar_yield_macro(&mut self, mac: &Macro, kind: YieldKind) -> Option<Expr> {
        let name = if kind == YieldKind::One {
            "yield_"
        } else {
            "yield_from"
        };
        if !self.at_body_level() {
            let place = self.place();
            self.error(format_err!(
                mac,
                "`{name}!` may not be used {place}; a yield suspends the generator itself, so \
                 it must be written directly in the generator's body"
            ));
            return None;
        }
        if mac.tokens.is_empty() {
            self.error(format_err!(
                mac,
                "`{name}!` needs a value: write `{name}!(expr)` (`{name}!(())` yields a unit)"
            ));
            return None;
        }
        // `yield_!(#[attr] e)`: an attribute on an expression is unstable, and checked under
        // the item type the lowering gives the value it crashes rustc's type check: report it
        // here and leave the yield out.
        let mut trees = mac.tokens.clone().into_iter();
        if let (Some(TokenTree::Punct(hash)), Some(TokenTree::Group(attr))) =
            (trees.next(), trees.next())
            && hash.as_char() == '#'
            && attr.delimiter() == proc_macro2::Delimiter::Bracket
        {
            self.error(syn::Error::new(
                attr.span(),
                format!(
                    "attributes on expressions are experimental, and `{name}!` takes an \
                     expression; put the attribute on a `let` of the value before the yield \
                     (`#[..] let v = ..; {name}!(v);`)"
                ),
            ));
            return None;
        }
        let value: Option<Expr> = {
            match syn::parse2(mac.tokens.clone()) {
                Ok(value) => Some(value),
                Err(error) => {
                    let comma = mac
                        .tokens
                        .clone()
                        .into_iter()
                        .find(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ','));
                    // `yield_!(x,)`: one expression and a trailing comma.
                    let tokens: Vec<TokenTree> = mac.tokens.clone().into_iter().collect();
                    let trailing = match tokens.split_last() {
                        Some((TokenTree::Punct(p), rest)) if p.as_char() == ',' => {
                            syn::parse2::<Expr>(rest.iter().cloned().collect()).is_ok()
                        }
                        _ => false,
                    };
                    self.error(match comma {
                        Some(_) if trailing => format_err!(
                            tokens.last().expect("a trailing comma"),
                            "`{name}!` takes one expression, with no comma after it: remove \
                             this comma"
                        ),
                        Some(comma) => format_err!(
                            comma,
                            "`{name}!` takes one expression; to yield a tuple, write its \
                             parentheses: `{name}!(({}))`",
                            mac.tokens
                        ),
                        None => error,
                    });
                    return None;
                }
            }
        };
        let span = mac
            .path
            .segments
            .last()
            .map_or_else(Span::call_site, |s| s.ident.span());
        let mut attrs: Vec<Attribute> = match kind {
            YieldKind::One => Vec::new(),
            YieldKind::From => {
                let marker = Ident::new(FROM_MARKER, Span::mixed_site());
                vec![parse_quote!(#[#marker])]
            }
        };
        // The end of the user's call (its closing delimiter), where an error on the whole
        // yield points (a missing `match` arm is suggested after it).
        // (Its `#[..]` on the `yield_`, which stays the yield's first token.)
        let end = Ident::new(END_MARKER, mac.delimiter.span().join());
        let mut end: Attribute = syn::parse_quote_spanned!(span=> #[#end]);
        end.pound_token.span = span;
        attrs.push(end);
        let mut expr = ExprYield {
            attrs,
            yield_token: syn::token::Yield { span },
            expr: value.map(Box::new),
        };
        if let Some(inner) = &mut expr.expr {
            self.visit_expr_mut(inner);
        }
        Some(Expr::Yield(expr))
    }

    /// Checks (and, where the lowering can, rewrites) the tokens of another macro's input.
    pub(super) fn visit_macro_tokens(&mut self, tokens: TokenStream) -> TokenStream {
        let mut out = Vec::new();
        let mut iter = tokens.into_iter().peekable();
        while let Some(tree) = iter.next() {
            match tree {
                // `stringify!(self.n)` inside another macro's input keeps `self` as written
                // (`self_in_macros.rs`).
                TokenTree::Group(group)
                    if out.len() >= 2
                        && matches!(&out[out.len() - 1], TokenTree::Punct(p) if p.as_char() == '!')
                        && matches!(&out[out.len() - 2], TokenTree::Ident(i)
                            if super::self_in_macros::keeps_self(&i.to_string())) =>
                {
                    let rename_self = std::mem::replace(&mut self.rename_self, false);
                    let inner = self.visit_macro_tokens(group.stream());
                    self.rename_self = rename_self;
                    let mut new = Group::new(group.delimiter(), inner);
                    new.set_span(group.span());
                    out.push(TokenTree::Group(new));
                }
                TokenTree::Group(group) => {
                    // `iter! { .. }` / `gen_core::stream! { .. }` inside another macro's input
                    // is a generator of its own.
                    let nested = out.len() >= 2
                        && matches!(&out[out.len() - 1], TokenTree::Punct(p) if p.as_char() == '!')
                        && matches!(&out[out.len() - 2], TokenTree::Ident(i) if i == "iter" || i == "stream");
                    let outer = self.nested_generator;
                    self.nested_generator |= nested;
                    let inner = self.visit_macro_tokens(group.stream());
                    self.nested_generator = outer;
                    let mut new = Group::new(group.delimiter(), inner);
                    new.set_span(group.span());
                    out.push(TokenTree::Group(new));
                }
                TokenTree::Ident(ident) => {
                    let name = ident.to_string();
                    let is_bang =
                        matches!(iter.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '!');
                    if (name == "yield_" || name == "yield_from") && is_bang || name == "yield" {
                        self.yield_in_macro(&ident, &name);
                    }
                    if name.starts_with("__gen_") {
                        self.reserved(&ident);
                    }
                    let is_path =
                        matches!(iter.peek(), Some(TokenTree::Punct(p)) if p.as_char() == ':');
                    if name == "self"
                        && self.rename_self
                        && self.context != Context::NestedItem
                        && !is_path
                    {
                        out.push(TokenTree::Ident(self_ident(ident.span())));
                    } else {
                        out.push(TokenTree::Ident(ident));
                    }
                }
                other => out.push(other),
            }
        }
        out.into_iter().collect()
    }

    fn yield_in_macro(&mut self, ident: &Ident, name: &str) {
        if self.nested_generator {
            return;
        }
        let shown = if name == "yield" {
            "yield".to_owned()
        } else {
            format!("{name}!")
        };
        if !self.at_body_level() {
            let place = self.place();
            self.error(format_err!(
                ident,
                "`{shown}` may not be used {place}; a yield suspends the generator itself, so \
                 it must be written directly in the generator's body"
            ));
        } else if self.lowering == Lowering::Flat {
            self.flat_error(format_err!(
                ident,
                "`{shown}` may not be used inside another macro's input in a flat generator: \
                 the generator cannot see it there; compute the value in a `let` first and \
                 yield it as its own statement, or use `#[generator(boxed)]`"
            ));
        }
    }
}
