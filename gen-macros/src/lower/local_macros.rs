//! A `macro_rules!` of the body that names a local of the body, a parameter or `self` in its
//! expansion (`macro_rules! cur { () => { self.src[self.pos] } }`, `macro_rules! done { () =>
//! { drop(guard) } }`, `macro_rules! add { ($x:expr) => { total += $x } }`).
//!
//! The flat lowering sees a macro's invocation, not its expansion: the moves, the changes and
//! the reads of locals the expansion makes are invisible to it, and the flat state machine
//! binds `self` under another name, which the expansion (resolved where the macro is
//! defined) does not see. So such a body is lowered `boxed`, where the body runs as written
//! and the macro means what it means in the plain function.

use std::collections::HashSet;

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// Whether `block`, with parameters `inputs`, defines a `macro_rules!` whose expansion names
/// one of its locals, one of its parameters or `self` (module docs).
pub(crate) fn names_a_local<'a>(
    inputs: impl IntoIterator<Item = &'a syn::FnArg>,
    block: &syn::Block,
) -> bool {
    let mut find = Find {
        bound: HashSet::from(["self".to_owned()]),
        macros: Vec::new(),
    };
    for input in inputs {
        if let syn::FnArg::Typed(t) = input {
            find.visit_pat(&t.pat);
        }
    }
    find.visit_block(block);
    find.macros.iter().any(|tokens| names(tokens, &find.bound))
}

struct Find {
    /// Every name a pattern of the function binds.
    bound: HashSet<String>,
    /// The tokens of each `macro_rules!` of the body.
    macros: Vec<TokenStream>,
}

impl<'ast> Visit<'ast> for Find {
    fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
        self.bound.insert(p.ident.to_string());
        syn::visit::visit_pat_ident(self, p);
    }

    fn visit_item(&mut self, item: &'ast syn::Item) {
        if let syn::Item::Macro(m) = item
            && m.mac.path.is_ident("macro_rules")
        {
            self.macros.push(m.mac.tokens.clone());
        }
        // Other items have locals of their own.
    }
}

/// Whether `tokens` name one of `bound` as a value: not a fragment (`$x`), a field or a
/// method (`.len`), a path segment (`io::`, `::new`) or a macro (`name!`).
fn names(tokens: &TokenStream, bound: &HashSet<String>) -> bool {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    trees.iter().enumerate().any(|(i, tree)| match tree {
        TokenTree::Group(g) => names(&g.stream(), bound),
        TokenTree::Ident(ident) => {
            let prev = i.checked_sub(1).map(|p| &trees[p]);
            let after_punct =
                matches!(prev, Some(TokenTree::Punct(p)) if matches!(p.as_char(), '$' | '.' | ':'));
            let before_punct = matches!(trees.get(i + 1), Some(TokenTree::Punct(p))
                if p.as_char() == '!' || (p.as_char() == ':' && p.spacing() == proc_macro2::Spacing::Joint));
            !after_punct && !before_punct && bound.contains(&ident.to_string())
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::names_a_local;

    fn body(tokens: &str) -> syn::ItemFn {
        syn::parse_str(tokens).expect("a function")
    }

    #[test]
    fn a_macro_naming_a_local_a_parameter_or_self_is_found() {
        for source in [
            "fn f() { let d = 1; macro_rules! done { () => { drop(d) } } }",
            "fn f(v: Vec<u8>) { macro_rules! at { ($i:expr) => { v[$i] } } }",
            "fn f(&self) { macro_rules! cur { () => { self.pos } } }",
            "fn f() { let mut total = 0; macro_rules! add { ($x:expr) => { total += $x } } }",
        ] {
            let f = body(source);
            assert!(names_a_local(&f.sig.inputs, &f.block), "{source}");
        }
    }

    #[test]
    fn a_macro_of_fragments_fields_and_paths_only_is_not() {
        for source in [
            "fn f() { let len = 1; macro_rules! twice { ($x:expr) => { $x.len() * 2 } } }",
            "fn f() { let x = 1; macro_rules! sq { ($x:expr) => { $x * $x } } }",
            "fn f() { let io = 1; macro_rules! open { () => { std::io::stdin() } } }",
            "fn f() { let v = 1; macro_rules! v { () => { 0 } } }",
        ] {
            let f = body(source);
            assert!(!names_a_local(&f.sig.inputs, &f.block), "{source}");
        }
    }
}
