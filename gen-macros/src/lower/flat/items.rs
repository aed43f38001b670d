//! Items declared in the body (statics, functions, types, impls, modules) are declared once,
//! outside the state machine, and seen exactly where the plain function sees them.
//!
//! An item of a block is visible in the whole block. The state machine splits a block over
//! several arms, and the fold copy holds the body a second time, so an item left where it
//! stands would be declared more than once (two `static`s where the user wrote one) or be
//! missing from arms that re-open its block. So:
//! - the items of the body's own block are declared at the top of the function, visible in
//!   the whole body as before;
//! - when a nested block declares items, every block's items move into a tree of hidden
//!   modules that mirrors the blocks
//!   (`mod __gen_items0 { use super::*; <body items>; mod __gen_items1 { use super::*; .. } }`),
//!   and every printed copy of a block opens with `use <its module>::*;`. Glob imports shadow
//!   outer names like the block's own items did, and `use super::*` lets inner items see outer
//!   ones. Items keep their names (`Debug` output, `type_name`) and their identity; what was
//!   private to the function becomes visible to the function (`pub(super)` and its deeper
//!   forms), and `self::`/`super::` paths inside them are rewritten for the deeper module.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote};
use syn::visit_mut::{self, VisitMut};

use super::ir::{Ir, ScopeId};

/// Where the items of each scope are declared.
pub(crate) struct Items {
    /// The tokens to put at the top of the function.
    pub top: TokenStream,
    /// For a scope whose items moved into a module: the path to import from.
    imports: HashMap<ScopeId, TokenStream>,
}

impl Items {
    pub(crate) fn plan(ir: &Ir) -> Items {
        let root = ir.root.scope;
        if !ir.nested_items {
            let info = &ir.scopes[root];
            let items = &info.items;
            if items.is_empty() {
                return Items {
                    top: TokenStream::new(),
                    imports: HashMap::new(),
                };
            }
            // The items see the body's imports (`use std::fmt::Write as _;` for an `impl`
            // that writes), as in the plain function: its `use`s are declared here, once, as
            // written (so rustc judges whether they are used), and not in the body's copies.
            let uses = info.reusable.iter().filter_map(|r| match &r.item {
                syn::Item::Use(u) => Some(u),
                _ => None,
            });
            return Items {
                top: quote!(#(#uses)* #(#items)*),
                imports: HashMap::new(),
            };
        }
        let mut builder = Tree {
            ir,
            imports: HashMap::new(),
        };
        let module = builder.module(root, &[], 1);
        // The body's own items are visible in the whole function, as before.
        let top_import = builder.imports.remove(&root);
        Items {
            top: quote!(#module #[allow(unused_imports)] use #top_import::*;),
            imports: builder.imports,
        }
    }

    /// What opens every printed copy of `scope`'s block.
    pub(crate) fn prelude(&self, scope: ScopeId) -> TokenStream {
        match self.imports.get(&scope) {
            Some(path) => quote!(#[allow(unused_imports)] use #path::*;),
            None => TokenStream::new(),
        }
    }
}

/// Whether the `use` declarations of `scope` are declared once at the top of the function
/// (with the body's items, which must see them), not where the block's code is.
/// So are those of a nested block whose items moved into a module: they are declared there
/// (visible to the block's code through its glob import), once, so that rustc judges whether
/// the block's code or its items use them, as in the plain function.
pub(crate) fn hoisted_use(ir: &Ir, scope: ScopeId, item: &syn::Item) -> bool {
    matches!(item, syn::Item::Use(_)) && !ir.scopes[scope].items.is_empty()
}

/// A copy of a `use` (or `macro_rules!`) that is not the fold copy's: the code after it in
/// this copy may not need it, which is no sign that the user's body does not (the fold copy,
/// the body as written, reports an import or a macro the body never uses).
pub(crate) fn copy_of_import(item: &syn::Item) -> TokenStream {
    match item {
        syn::Item::Use(u) => quote!(#[allow(unused_imports)] #u),
        syn::Item::Macro(m) => quote!(#[allow(unused_macros)] #m),
        other => quote!(#other),
    }
}

struct Tree<'a> {
    ir: &'a Ir,
    imports: HashMap<ScopeId, TokenStream>,
}

impl Tree<'_> {
    /// The module of `scope` (at `depth` below the function's module) and of every scope
    /// inside it that declares items.
    fn module(&mut self, scope: ScopeId, path: &[proc_macro2::Ident], depth: usize) -> TokenStream {
        let name = format_ident!("__gen_items{}", scope, span = Span::call_site());
        let mut own = path.to_vec();
        own.push(name.clone());
        self.imports.insert(scope, quote!(#(#own)::*));
        let info = &self.ir.scopes[scope];
        let declares = !info.items.is_empty();
        let uses = info.reusable.iter().filter_map(|r| match &r.item {
            // The block's code imports them from here (`hoisted_use`): raised like its items,
            // and judged here alone.
            syn::Item::Use(u) if declares => {
                let mut u = u.clone();
                Rewrite { depth }.visit_item_use_mut(&mut u);
                Raise { depth }.raise(&mut u.vis);
                Some(quote!(#u))
            }
            syn::Item::Use(u) => {
                let mut u = u.clone();
                Rewrite { depth }.visit_item_use_mut(&mut u);
                Some(quote!(#[allow(unused_imports)] #u))
            }
            _ => None,
        });
        let items = info.items.iter().map(|item| {
            let mut item = item.clone();
            // Paths first: the raised visibilities are already written for the module.
            Rewrite { depth }.visit_item_mut(&mut item);
            Raise { depth }.visit_item_mut(&mut item);
            quote!(#item)
        });
        let children: Vec<TokenStream> = self
            .children(scope)
            .into_iter()
            .map(|child| self.module(child, &own, depth + 1))
            .collect();
        // The module itself is declared one level up (the body's own, in the function).
        let vis = (depth > 1).then(|| visibility(depth - 1));
        quote! {
            #vis mod #name {
                #[allow(unused_imports)]
                use super::*;
                #(#uses)*
                #(#items)*
                #(#children)*
            }
        }
    }

    /// The nearest scopes below `scope` that declare items (directly, or through scopes
    /// that declare none).
    fn children(&self, scope: ScopeId) -> Vec<ScopeId> {
        let mut out = Vec::new();
        for (id, s) in self.ir.scopes.iter().enumerate() {
            if id == scope || s.items.is_empty() {
                continue;
            }
            let mut up = s.parent;
            while let Some(p) = up {
                if p == scope {
                    out.push(id);
                    break;
                }
                if !self.ir.scopes[p].items.is_empty() {
                    break;
                }
                up = self.ir.scopes[p].parent;
            }
        }
        out
    }
}

/// Visible in the function's module from a module `depth` levels below it.
fn visibility(depth: usize) -> TokenStream {
    if depth <= 1 {
        return quote!(pub(super));
    }
    let supers = (0..depth).map(|_| quote!(super));
    quote!(pub(in #(#supers)::*))
}

/// Raises what is private to the function to visible in it: items, fields, inherent
/// associated items.
struct Raise {
    depth: usize,
}

impl Raise {
    fn raise(&self, vis: &mut syn::Visibility) {
        if matches!(vis, syn::Visibility::Inherited) {
            let tokens = visibility(self.depth);
            *vis = syn::parse_quote!(#tokens);
        }
    }
}

impl VisitMut for Raise {
    fn visit_item_mut(&mut self, item: &mut syn::Item) {
        match item {
            syn::Item::Const(i) => self.raise(&mut i.vis),
            syn::Item::Enum(i) => self.raise(&mut i.vis),
            syn::Item::ExternCrate(i) => self.raise(&mut i.vis),
            syn::Item::Fn(i) => self.raise(&mut i.vis),
            syn::Item::Mod(i) => self.raise(&mut i.vis),
            syn::Item::Static(i) => self.raise(&mut i.vis),
            syn::Item::Struct(i) => {
                self.raise(&mut i.vis);
                for f in &mut i.fields {
                    self.raise(&mut f.vis);
                }
            }
            syn::Item::Trait(i) => self.raise(&mut i.vis),
            syn::Item::Type(i) => self.raise(&mut i.vis),
            syn::Item::Union(i) => {
                self.raise(&mut i.vis);
                for f in &mut i.fields.named {
                    self.raise(&mut f.vis);
                }
            }
            // `thread_local! { static X: T = .. }`, `lazy_static! { static ref X: T = .. }`:
            // each `static` declared without a visibility gets one.
            syn::Item::Macro(m) if super::build::macros::declares_items(&m.mac) => {
                m.mac.tokens = raise_statics(&m.mac.tokens, &visibility(self.depth));
            }
            syn::Item::Impl(i) if i.trait_.is_none() => {
                for member in &mut i.items {
                    match member {
                        syn::ImplItem::Const(c) => self.raise(&mut c.vis),
                        syn::ImplItem::Fn(f) => self.raise(&mut f.vis),
                        syn::ImplItem::Type(t) => self.raise(&mut t.vis),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

/// `tokens` (a declaring macro's input) with `vis` before each `static` that starts a
/// declaration with no visibility of its own (after `;` or an attribute, or first).
fn raise_statics(tokens: &TokenStream, vis: &TokenStream) -> TokenStream {
    let mut out = TokenStream::new();
    // At a declaration's start: no visibility or other word written yet.
    let mut at_start = true;
    let mut after_pound = false;
    for tree in tokens.clone() {
        match &tree {
            TokenTree::Ident(i) if i == "static" && at_start => {
                out.extend(vis.clone());
                at_start = false;
            }
            TokenTree::Punct(p) if p.as_char() == ';' => at_start = true,
            TokenTree::Punct(p) if p.as_char() == '#' && at_start => after_pound = true,
            // An attribute's brackets (`#[allow(..)]`) keep the declaration's start.
            TokenTree::Group(_) if after_pound => after_pound = false,
            _ => at_start = false,
        }
        out.extend([tree]);
    }
    out
}

/// Rewrites `self::x` and `super::x` for an item moved `depth` modules down.
struct Rewrite {
    depth: usize,
}

impl Rewrite {
    fn supers(&self, extra: usize) -> Vec<syn::PathSegment> {
        (0..self.depth + extra)
            .map(|_| syn::PathSegment::from(syn::Ident::new("super", Span::call_site())))
            .collect()
    }

    /// The same rewrite in another macro's input: `self ::` / `super ::` where a path starts.
    fn tokens(&self, tokens: TokenStream) -> TokenStream {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out: Vec<TokenTree> = Vec::new();
        for (i, tree) in trees.iter().enumerate() {
            match tree {
                TokenTree::Ident(ident)
                    if (ident == "self" || ident == "super")
                        && matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':')
                        && !matches!(out.last(), Some(TokenTree::Punct(p)) if p.as_char() == ':') =>
                {
                    let count = self.depth + usize::from(ident == "super");
                    for k in 0..count {
                        if k > 0 {
                            out.extend(quote!(::));
                        }
                        out.push(TokenTree::Ident(syn::Ident::new("super", ident.span())));
                    }
                }
                TokenTree::Group(g) => {
                    let mut new = proc_macro2::Group::new(g.delimiter(), self.tokens(g.stream()));
                    new.set_span(g.span());
                    out.push(TokenTree::Group(new));
                }
                other => out.push(other.clone()),
            }
        }
        out.into_iter().collect()
    }
}

impl VisitMut for Rewrite {
    fn visit_path_mut(&mut self, path: &mut syn::Path) {
        if path.leading_colon.is_none()
            && path.segments.len() > 1
            && let Some(first) = path.segments.first()
            && (first.ident == "self" || first.ident == "super")
        {
            let extra = usize::from(first.ident == "super");
            let rest: Vec<syn::PathSegment> = path.segments.iter().skip(1).cloned().collect();
            let mut segments = self.supers(extra);
            segments.extend(rest);
            path.segments = segments.into_iter().collect();
        }
        visit_mut::visit_path_mut(self, path);
    }

    fn visit_use_tree_mut(&mut self, tree: &mut syn::UseTree) {
        if let syn::UseTree::Path(p) = tree
            && (p.ident == "self" || p.ident == "super")
        {
            let extra = usize::from(p.ident == "super");
            let mut inner = (*p.tree).clone();
            for _ in 1..self.depth + extra {
                inner = syn::UseTree::Path(syn::UsePath {
                    ident: syn::Ident::new("super", Span::call_site()),
                    colon2_token: Default::default(),
                    tree: Box::new(inner),
                });
            }
            p.ident = syn::Ident::new("super", p.ident.span());
            *p.tree = inner;
            return;
        }
        visit_mut::visit_use_tree_mut(self, tree);
    }

    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        mac.tokens = self.tokens(std::mem::take(&mut mac.tokens));
    }
}

/// Whether a block other than the body's own declares an item (a `const`, `static`, `fn` or
/// `use`) named like a local of the body (`{ const limit: u32 = 100; .. }` beside `let limit
/// = k;`): the glue the state machine adds inside that block (a kept local stored before a
/// yield) would name the item instead of the local. Such a body is lowered `boxed` (`mod.rs`),
/// where the block is as written.
pub(crate) fn shadows_a_local(ir: &Ir) -> bool {
    let root = ir.root.scope;
    let mut names = std::collections::HashSet::new();
    for (id, scope) in ir.scopes.iter().enumerate() {
        if id == root {
            continue;
        }
        for item in &scope.items {
            match item {
                syn::Item::Const(c) => {
                    names.insert(c.ident.to_string());
                }
                syn::Item::Static(s) => {
                    names.insert(s.ident.to_string());
                }
                syn::Item::Fn(f) => {
                    names.insert(f.sig.ident.to_string());
                }
                _ => {}
            }
        }
        for r in &scope.reusable {
            if let syn::Item::Use(u) = &r.item {
                use_names(&u.tree, &mut names);
            }
        }
    }
    !names.is_empty()
        && ir
            .bindings
            .iter()
            .any(|b| names.contains(&b.ident.to_string()))
}

/// The names a `use` tree brings into scope (`a::b` gives `b`, `a::b as c` gives `c`).
fn use_names(tree: &syn::UseTree, out: &mut std::collections::HashSet<String>) {
    match tree {
        syn::UseTree::Path(p) => use_names(&p.tree, out),
        syn::UseTree::Name(n) => {
            out.insert(n.ident.to_string());
        }
        syn::UseTree::Rename(r) => {
            out.insert(r.rename.to_string());
        }
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| use_names(t, out)),
        syn::UseTree::Glob(_) => {}
    }
}
