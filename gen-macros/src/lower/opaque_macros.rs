//! Macros whose expansion the lowering cannot see: one of the user's (or another crate's)
//! may expand to `?`, `return`, `break` or `continue` (`bail!`, `try_or_skip!`), or to a
//! `let` that lives until its block ends (a guard, `defer!`). The flat state machine runs the
//! body inside closures and lowers the loops that yield into states, and the `boxed` plain
//! copy runs it inside a closure: there such an expansion would mean something else (a hang
//! on a `break` out of a lowered loop, a `?` of the closure's type). So a body with one,
//! outside closures and `async` blocks (whose control flow is their own), is lowered `boxed`
//! and driven through its coroutine alone, where the body is the body as written.
//!
//! Not opaque: std's macros that expand to an expression with no such control flow (the
//! format family, the asserts, `vec!`, `matches!`, `dbg!`, ..), the logging macros named
//! through their crate (`log::debug!`, `tracing::info!`), the generator's own (`yield_!`,
//! `yield_from!`, `iter!`, `stream!`), and a `macro_rules!` of the body whose expansions
//! have none of `?`, `return`, `break`, `continue`, `let`.

use std::collections::HashMap;

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// Std macros that expand to an expression without control flow out of it (`panic!` and the
/// like diverge, which any copy of the body does alike), and without a closure or an `async`
/// block (so a copy of one means the same, `emit/inline_heads.rs`).
pub(crate) const STD_EXPRESSIONS: &[&str] = &[
    "format",
    "format_args",
    "print",
    "println",
    "eprint",
    "eprintln",
    "write",
    "writeln",
    "panic",
    "unreachable",
    "todo",
    "unimplemented",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "vec",
    "dbg",
    "__dbg_as_written",
    "matches",
    "concat",
    "stringify",
    "line",
    "column",
    "file",
    "module_path",
    "cfg",
    "env",
    "option_env",
    "include_str",
    "include_bytes",
    "compile_error",
];

/// Macros known elsewhere: items, handled where items are, and the generator's own.
const HANDLED_ELSEWHERE: &[&str] = &[
    "thread_local",
    "macro_rules",
    "yield_",
    "yield_from",
    "iter",
    "stream",
];

/// A std macro of [`STD_EXPRESSIONS`] or one handled elsewhere.
fn known(name: &str) -> bool {
    STD_EXPRESSIONS.contains(&name) || HANDLED_ELSEWHERE.contains(&name)
}

/// Whether `block` invokes a macro whose expansion the lowering cannot see (module docs),
/// outside closures, `async` blocks and nested items.
pub(crate) fn has_opaque_macro(block: &syn::Block) -> bool {
    let mut find = Find {
        local: HashMap::new(),
        found: false,
    };
    find.visit_block(block);
    find.found
}

struct Find {
    /// The body's own `macro_rules!`, by name: whether their expansions are plain.
    local: HashMap<String, bool>,
    found: bool,
}

impl Find {
    fn invoked(&mut self, mac: &syn::Macro) {
        let segments: Vec<String> = mac
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        let plain = match &segments[..] {
            [name] => self.local.get(name).copied().unwrap_or_else(|| known(name)),
            [krate, name] if matches!(krate.as_str(), "std" | "core" | "alloc") => known(name),
            [krate, name] if matches!(krate.as_str(), "log" | "tracing") => matches!(
                name.as_str(),
                "trace" | "debug" | "info" | "warn" | "error" | "log" | "event"
            ),
            _ => false,
        };
        if !plain {
            self.found = true;
            return;
        }
        // Macros invoked in a plain macro's input are evaluated in the body too.
        self.tokens(&mac.tokens);
    }

    /// Finds `name!(..)` invocations in tokens.
    fn tokens(&mut self, tokens: &TokenStream) {
        let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
        for (i, tree) in trees.iter().enumerate() {
            match tree {
                TokenTree::Group(g) => self.tokens(&g.stream()),
                TokenTree::Ident(name)
                    if matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!')
                        && matches!(trees.get(i + 2), Some(TokenTree::Group(_)))
                        && !matches!(i.checked_sub(1).and_then(|j| trees.get(j)), Some(TokenTree::Punct(p)) if p.as_char() == ':') =>
                {
                    let name = name.to_string();
                    let plain = self
                        .local
                        .get(&name)
                        .copied()
                        .unwrap_or_else(|| known(&name));
                    if !plain {
                        self.found = true;
                    }
                }
                _ => {}
            }
        }
    }
}

impl<'ast> Visit<'ast> for Find {
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.invoked(mac);
    }

    fn visit_item(&mut self, item: &'ast syn::Item) {
        // A `macro_rules!` of the body: its expansions are plain when they hold no control
        // flow out of them and no `let`.
        if let syn::Item::Macro(m) = item
            && m.mac.path.is_ident("macro_rules")
            && let Some(name) = &m.ident
        {
            self.local
                .insert(name.to_string(), plain_expansion(&m.mac.tokens));
        }
        // Other items (and what they invoke) are their own code.
    }

    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}

    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
}

/// Whether a `macro_rules!` definition's tokens hold none of `?`, `return`, `break`,
/// `continue`, `let` (nor an invocation of a macro that is not plain: checked where it is
/// invoked, as other macros are).
fn plain_expansion(tokens: &TokenStream) -> bool {
    tokens.clone().into_iter().all(|tree| match tree {
        TokenTree::Group(g) => plain_expansion(&g.stream()),
        TokenTree::Ident(i) => !matches!(
            i.to_string().as_str(),
            "return" | "break" | "continue" | "let"
        ),
        TokenTree::Punct(p) => p.as_char() != '?',
        TokenTree::Literal(_) => true,
    })
}
