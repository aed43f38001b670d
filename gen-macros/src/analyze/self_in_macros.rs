//! `self` in the input of std's macros, in a flat generator, which binds the receiver under
//! another name (`parse::choose_self_name`) and renames the body's `self` tokens to it:
//! - desugar a format string's `{self}` / `{self:?}` into the renamed receiver's
//!   `{self_:?}`: an implicit capture is resolved from the literal's text, and `{self}` left
//!   as written would read the method's own `self` (a copy taken when the generator was
//!   made, or a value the generator moved);
//! - `stringify!(self.n)` keeps its tokens as written (nothing in it runs);
//! - desugar `assert!(self.n < 2)` into `assert!(self_.n < 2, concat!("assertion failed: ",
//!   stringify!(self.n < 2)))`, so that the panic message names what the user wrote (with
//!   braces in it, `matches!(self, A { .. })`, as the argument of a `"{}"`).

use proc_macro2::{Literal, TokenStream, TokenTree};
use quote::quote;

/// Which argument of macro `name` is its format string: a position, or the first argument
/// that is a lone string literal (the logging macros, after an optional `target: ..`).
enum FormatString {
    At(usize),
    FirstLiteral,
}

fn format_string(name: &str) -> Option<FormatString> {
    Some(match name {
        "format" | "format_args" | "print" | "println" | "eprint" | "eprintln" | "panic"
        | "unreachable" | "todo" | "unimplemented" => FormatString::At(0),
        "write" | "writeln" | "assert" | "debug_assert" => FormatString::At(1),
        "assert_eq" | "assert_ne" | "debug_assert_eq" | "debug_assert_ne" => FormatString::At(2),
        "trace" | "debug" | "info" | "warn" | "error" => FormatString::FirstLiteral,
        _ => return None,
    })
}

/// Desugar `dbg!(self.n)` (its `self` renamed in `renamed`) into
/// `gen_core::__dbg_as_written!(stringify!(self.n), self_.n)`: `dbg!` prints its input's
/// text, which would name the renamed receiver. `None` for a `dbg!` that names no `self`.
pub(super) fn dbg_as_written(original: &TokenStream, renamed: TokenStream) -> Option<TokenStream> {
    if !names_self(original) {
        return None;
    }
    let originals = split_args(original.clone());
    let renamed = split_args(renamed);
    if originals.len() != renamed.len() || originals.is_empty() {
        return None;
    }
    let pairs = originals.into_iter().zip(renamed).map(|(text, value)| {
        let (text, value): (TokenStream, TokenStream) =
            (text.into_iter().collect(), value.into_iter().collect());
        quote!(::core::stringify!(#text), #value)
    });
    Some(quote!(#(#pairs),*))
}

/// Whether `self` is kept as written in the input of macro `name`.
pub(super) fn keeps_self(name: &str) -> bool {
    name == "stringify"
}

/// The input of macro `name` after its `self` tokens were renamed to `renamed_self`
/// (`renamed`), made to mean what `original` means (module docs).
pub(super) fn rewrite(
    name: &str,
    original: &TokenStream,
    renamed: TokenStream,
    renamed_self: &str,
) -> TokenStream {
    let mut args = split_args(renamed);
    if let Some(at) = format_string(name) {
        let index = match at {
            FormatString::At(i) => Some(i),
            FormatString::FirstLiteral => args.iter().position(|a| string_literal(a).is_some()),
        };
        if let Some(arg) = index.and_then(|i| args.get_mut(i))
            && let Some(lit) = string_literal(arg)
            && let Some(text) = renamed_placeholders(&lit.to_string(), renamed_self)
            && let Ok(mut new) = text.parse::<Literal>()
        {
            new.set_span(lit.span());
            *arg = vec![TokenTree::Literal(new)];
        }
    }
    let unmessaged_assert = matches!(name, "assert" | "debug_assert") && args.len() == 1;
    let mut out = join_args(args);
    if unmessaged_assert && names_self(original) {
        let text = quote!(::core::concat!(
            "assertion failed: ",
            ::core::stringify!(#original)
        ));
        if has_braces(original) {
            // Braces in the text would be placeholders of a format string.
            out.extend(quote!(, "{}", #text));
        } else {
            out.extend(quote!(, #text));
        }
    }
    out
}

/// The top-level arguments of a macro input, split at its commas (without them; a trailing
/// comma leaves no empty argument).
fn split_args(tokens: TokenStream) -> Vec<Vec<TokenTree>> {
    let mut args = vec![Vec::new()];
    for tree in tokens {
        match &tree {
            TokenTree::Punct(p) if p.as_char() == ',' => args.push(Vec::new()),
            _ => args.last_mut().expect("one argument at least").push(tree),
        }
    }
    if args.last().is_some_and(Vec::is_empty) {
        args.pop();
    }
    args
}

fn join_args(args: Vec<Vec<TokenTree>>) -> TokenStream {
    let mut out = TokenStream::new();
    for (i, arg) in args.into_iter().enumerate() {
        if i > 0 {
            out.extend(quote!(,));
        }
        out.extend(arg);
    }
    out
}

/// The argument's string literal, if the argument is one alone.
fn string_literal(arg: &[TokenTree]) -> Option<&Literal> {
    match arg {
        [TokenTree::Literal(lit)] => {
            let text = lit.to_string();
            (text.starts_with('"') || text.starts_with("r\"") || text.starts_with("r#"))
                .then_some(lit)
        }
        _ => None,
    }
}

/// The literal's source text with every placeholder that names `self` (`{self}`,
/// `{self:?}`) naming `renamed_self` instead; `None` when it has none.
fn renamed_placeholders(source: &str, renamed_self: &str) -> Option<String> {
    let mut out = String::with_capacity(source.len());
    let mut changed = false;
    let mut rest = source;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..=open]);
        rest = &rest[open + 1..];
        if let Some(after) = rest.strip_prefix('{') {
            // `{{`: an escaped brace.
            out.push('{');
            rest = after;
            continue;
        }
        if let Some(after) = rest.strip_prefix("self")
            && (after.starts_with('}') || after.starts_with(':'))
        {
            out.push_str(renamed_self);
            rest = after;
            changed = true;
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

fn names_self(tokens: &TokenStream) -> bool {
    tokens.clone().into_iter().any(|t| match t {
        TokenTree::Ident(i) => i == "self",
        TokenTree::Group(g) => names_self(&g.stream()),
        _ => false,
    })
}

/// Whether the tokens' text would hold a `{` or `}` (a format string may not, unescaped).
fn has_braces(tokens: &TokenStream) -> bool {
    tokens.clone().into_iter().any(|t| match t {
        TokenTree::Group(g) => {
            g.delimiter() == proc_macro2::Delimiter::Brace || has_braces(&g.stream())
        }
        TokenTree::Literal(l) => {
            let text = l.to_string();
            text.contains('{') || text.contains('}')
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::renamed_placeholders;

    #[test]
    fn placeholders_naming_self_are_renamed_and_nothing_else() {
        let r = |s: &str| renamed_placeholders(s, "self_");
        assert_eq!(r(r#""{self:?} {}""#).as_deref(), Some(r#""{self_:?} {}""#));
        assert_eq!(r(r#""{self}""#).as_deref(), Some(r#""{self_}""#));
        assert_eq!(r(r#""{{self}} {selfish}""#), None);
        assert_eq!(r(r#""{{{self}}}""#).as_deref(), Some(r#""{{{self_}}}""#));
        assert_eq!(r(r#""self {x}""#), None);
    }
}
