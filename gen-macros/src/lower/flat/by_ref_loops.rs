//! `for` loops over `it.by_ref()` whose body yields.
//!
//! `for line in lines.by_ref() { .. }` advances `lines` and leaves it usable after the loop
//! (a parser reading a header, then the rest). The loop's iterator is a `&mut` borrow of the
//! local, which a flat generator cannot keep across the body's yields. Advancing the local
//! itself is the same loop: desugar
//!
//! ```text
//! 'l: for P in it.by_ref() { body }
//! ```
//! into
//! ```text
//! 'l: while let Some(P) = Iterator::next(it.by_ref()) { body }
//! ```
//! when `it` is a place (a local, a field of one); a `for` loop's pattern is irrefutable, so
//! `Some(P)` matches every item, and each item drops at the end of its iteration either way.
//! `it.by_ref().take(n)` (a header read off a stream, then the rest) counts down as `Take`
//! does (`Desugar::take_of_by_ref`). `yield_from!(it.by_ref())` and
//! `yield_from!(it.by_ref().take(n))` are such a loop with `yield_!(x)` for its body.
//! The same for `for P in &mut it` when `it` is certainly an iterator: every binding of that
//! name in the body is a `let` of an iterator (`let mut it = data.iter();`, an adapter, a
//! range, an element of a tuple literal), or
//! a parameter the body does not bind again whose type is `impl Iterator<..>` or a type
//! parameter bounded by `Iterator`; `&mut v` of a collection iterates it by reference, which
//! this is not. When the macro cannot tell (`let mut it = tokens(src);`, a parameter of the
//! user's type), desugar
//! ```text
//! 'l: for P in &mut it { body }
//! ```
//! into
//! ```text
//! 'l: while let Some(P) = gen_core::checks::step_in_place(&mut it) { body }
//! ```
//! which is `Iterator::next` for an iterator, and for a collection (whose loop would keep a
//! borrow of the local across the yields) an error on `&mut it` that says so. A local that
//! is certainly a collection (`vec![..]`, `collect()`, a `Vec<T>` annotation or parameter)
//! keeps its loop, and the macro's own error that names it.

use syn::visit_mut::{self, VisitMut};

use super::build::receiver_methods::{ADAPTS_ITERATOR, MAKES_ITERATOR};
use syn::{Block, Expr};

/// `block` with such loops desugared, or `None` when there are none.
pub(crate) fn desugar(func: &crate::parse::GenFn) -> Option<Block> {
    let block = &func.block;
    let mut iterators = iterator_locals(block);
    iterators.extend(iterator_params(func, block));
    let mut d = Desugar {
        changed: false,
        taken: 0,
        iterators,
        collections: collection_names(func, block),
    };
    let mut out = block.clone();
    d.visit_block_mut(&mut out);
    d.changed.then_some(out)
}

struct Desugar {
    changed: bool,
    /// How many `for .. in it.by_ref().take(n)` loops were desugared (their counters' names).
    taken: usize,
    /// Names every binding of which in the body is a `let` of an iterator.
    iterators: std::collections::HashSet<String>,
    /// Names a binding of which is certainly a collection (`collection_names`).
    collections: std::collections::HashSet<String>,
}

impl VisitMut for Desugar {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        match e {
            // The generator's own level only.
            Expr::Closure(_) | Expr::Async(_) | Expr::Macro(_) => return,
            _ => visit_mut::visit_expr_mut(self, e),
        }
        // Desugar `yield_from!(it.by_ref())` and `yield_from!(it.by_ref().take(n))` into
        // `for x in it.by_ref() { yield_!(x) }`, the loop below.
        if let Expr::Yield(y) = e
            && crate::analyze::yield_kind(y) == crate::analyze::YieldKind::From
            && let Some(iterable) = y.expr.as_deref()
            && adapts_by_ref(iterable)
        {
            let item = syn::Ident::new("__gen_from_item", proc_macro2::Span::mixed_site());
            let one = crate::analyze::yield_one_of(y, syn::parse_quote!(#item));
            let iterable = iterable.clone();
            *e = syn::parse_quote_spanned!(y.yield_token.span=> for #item in #iterable { #one; });
        }
        let Expr::ForLoop(f) = e else {
            return;
        };
        if let Some(desugared) = self.take_of_by_ref(f) {
            *e = desugared;
            self.changed = true;
            return;
        }
        // The `&mut` borrow each step takes: `it.by_ref()` as written (of a `&mut I`
        // parameter it reborrows, with no `mut` needed, as in the plain function), or `&mut it`.
        let step = match &*f.expr {
            Expr::MethodCall(m)
                if m.method == "by_ref" && m.args.is_empty() && is_place(&m.receiver) =>
            {
                let it = &m.receiver;
                syn::parse_quote_spanned!(m.method.span()=> #it.by_ref())
            }
            Expr::Reference(r)
                if r.mutability.is_some()
                    && matches!(&*r.expr, Expr::Path(p)
                        if p.path.get_ident().is_some_and(|i| self.iterators.contains(&i.to_string()))) =>
            {
                (*f.expr).clone()
            }
            // `&mut it` of a local the macro cannot tell: `step_in_place(&mut it)`.
            Expr::Reference(r)
                if r.mutability.is_some()
                    && matches!(&*r.expr, Expr::Path(p)
                        if p.path.get_ident().is_some_and(|i| !self.collections.contains(&i.to_string()))) =>
            {
                let borrow = &f.expr;
                syn::parse_quote_spanned!(r.and_token.span=>
                    ::gen_core::checks::step_in_place(#borrow))
            }
            _ => return,
        };
        let step: Expr = step;
        if !crate::lower::flat::build::for_head_temps::yields_in(&f.body) {
            return;
        }
        let (attrs, label, pat, body) = (&f.attrs, &f.label, &f.pat, &f.body);
        let next: Expr = match step {
            Expr::Call(_) => step,
            _ => syn::parse_quote_spanned!(f.for_token.span=> ::core::iter::Iterator::next(#step)),
        };
        *e = syn::parse_quote_spanned! {f.for_token.span=>
            #(#attrs)* #label while let ::core::option::Option::Some(#pat) = #next #body
        };
        self.changed = true;
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

impl Desugar {
    /// Desugar `'l: for P in it.by_ref().take(n) { body }` (a header read off a stream of
    /// lines, then the rest) into
    /// ```text
    /// { let mut left: usize = n;
    ///   'l: while left > 0 { left -= 1; let Some(P) = Iterator::next(it.by_ref()) else { break }; body } }
    /// ```
    /// `Take` counts down the same way and stops without asking `it` once `n` items came.
    fn take_of_by_ref(&mut self, f: &syn::ExprForLoop) -> Option<Expr> {
        let Expr::MethodCall(take) = &*f.expr else {
            return None;
        };
        let Expr::MethodCall(by_ref) = &*take.receiver else {
            return None;
        };
        let [n] = take.args.iter().collect::<Vec<_>>()[..] else {
            return None;
        };
        if take.method != "take"
            || by_ref.method != "by_ref"
            || !by_ref.args.is_empty()
            || !is_place(&by_ref.receiver)
            || !crate::lower::flat::build::for_head_temps::yields_in(&f.body)
        {
            return None;
        }
        let it = &by_ref.receiver;
        let left = quote::format_ident!(
            "__gen_left{}",
            self.taken,
            span = proc_macro2::Span::mixed_site()
        );
        self.taken += 1;
        let (attrs, label, pat, body) = (&f.attrs, &f.label, &f.pat, &f.body);
        let step: Expr = syn::parse_quote_spanned!(by_ref.method.span()=> #it.by_ref());
        Some(syn::parse_quote_spanned! {f.for_token.span=>
            #(#attrs)* {
                let mut #left: usize = #n;
                #label while #left > 0 {
                    #left -= 1;
                    let ::core::option::Option::Some(#pat) = ::core::iter::Iterator::next(#step) else {
                        break;
                    };
                    #body
                }
            }
        })
    }
}

/// A local or a field of one (`lines`, `self.tokens`).
fn is_place(e: &Expr) -> bool {
    match e {
        Expr::Path(p) => p.qself.is_none() && p.path.get_ident().is_some(),
        Expr::Field(f) => is_place(&f.base),
        Expr::Paren(p) => is_place(&p.expr),
        _ => false,
    }
}

/// The parameters of an iterator type (`impl Iterator<..>`, `I` with `I: Iterator<..>`) that
/// `block` does not bind again.
fn iterator_params(func: &crate::parse::GenFn, block: &Block) -> std::collections::HashSet<String> {
    let rebound = bound_names(block);
    iterator_typed_params(func)
        .into_iter()
        .filter(|name| !rebound.contains_key(name))
        .collect()
}

/// The parameters of an iterator type, by name, whether the body binds the name again or not.
pub(crate) fn iterator_typed_params(
    func: &crate::parse::GenFn,
) -> std::collections::HashSet<String> {
    let Some(sig) = &func.sig else {
        return Default::default();
    };
    let is_iterator_bound = |b: &syn::TypeParamBound| {
        matches!(b, syn::TypeParamBound::Trait(t)
            if t.path.segments.last().is_some_and(|s| s.ident == "Iterator"))
    };
    let bounded: std::collections::HashSet<String> = sig
        .generics
        .type_params()
        .filter(|t| t.bounds.iter().any(is_iterator_bound))
        .map(|t| t.ident.to_string())
        .chain(sig.generics.where_clause.iter().flat_map(|w| {
            w.predicates.iter().filter_map(|p| match p {
                syn::WherePredicate::Type(t) if t.bounds.iter().any(is_iterator_bound) => {
                    match &t.bounded_ty {
                        syn::Type::Path(p) => p.path.get_ident().map(|i| i.to_string()),
                        _ => None,
                    }
                }
                _ => None,
            })
        }))
        .collect();
    func.args
        .iter()
        .filter(|a| {
            a.ty.as_deref()
                .is_some_and(|ty| iterator_type(ty, &bounded, &is_iterator_bound))
        })
        .map(|a| a.ident.to_string())
        .collect()
}

/// `impl Iterator<..>`, a type parameter bounded by `Iterator`, `Box<dyn Iterator<..>>`, or a
/// std iterator type (`vec::IntoIter<T>`, `Peekable<..>`, `Chars<'_>`, `Range<usize>`, ..).
fn iterator_type(
    ty: &syn::Type,
    bounded: &std::collections::HashSet<String>,
    is_iterator_bound: &dyn Fn(&syn::TypeParamBound) -> bool,
) -> bool {
    const STD_ITERATORS: &[&str] = &[
        "IntoIter",
        "Peekable",
        "Chars",
        "CharIndices",
        "Bytes",
        "Lines",
        "SplitWhitespace",
        "Enumerate",
        "Rev",
        "Skip",
        "StepBy",
        "Chain",
        "Fuse",
        "Range",
        "RangeInclusive",
        "RangeFrom",
    ];
    match ty {
        syn::Type::ImplTrait(t) => t.bounds.iter().any(is_iterator_bound),
        syn::Type::TraitObject(t) => t.bounds.iter().any(is_iterator_bound),
        syn::Type::Paren(p) => iterator_type(&p.elem, bounded, is_iterator_bound),
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            match &last.arguments {
                syn::PathArguments::None if p.path.segments.len() == 1 => {
                    bounded.contains(&name) || STD_ITERATORS.contains(&name.as_str())
                }
                syn::PathArguments::AngleBracketed(args) if name == "Box" => {
                    matches!(args.args.first(), Some(syn::GenericArgument::Type(t))
                        if iterator_type(t, bounded, is_iterator_bound))
                }
                _ => STD_ITERATORS.contains(&name.as_str()),
            }
        }
        _ => false,
    }
}

/// How many times each name is bound by a pattern in `block` (outside nested items).
fn bound_names(block: &Block) -> std::collections::HashMap<String, usize> {
    use syn::visit::Visit;
    struct Names(std::collections::HashMap<String, usize>);
    impl<'a> Visit<'a> for Names {
        fn visit_pat_ident(&mut self, p: &'a syn::PatIdent) {
            *self.0.entry(p.ident.to_string()).or_default() += 1;
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    let mut names = Names(Default::default());
    names.visit_block(block);
    names.0
}

/// The names that every binding in `block` (outside nested items) binds by a `let` whose
/// value is an iterator (see `MAKES_ITERATOR`, or a range).
fn iterator_locals(block: &Block) -> std::collections::HashSet<String> {
    use syn::visit::Visit;
    #[derive(Default)]
    struct Names {
        iterators: Vec<String>,
    }
    impl<'a> Visit<'a> for Names {
        fn visit_local(&mut self, l: &'a syn::Local) {
            let ident = match &l.pat {
                syn::Pat::Ident(p) => Some(&p.ident),
                syn::Pat::Type(t) => match &*t.pat {
                    syn::Pat::Ident(p) => Some(&p.ident),
                    _ => None,
                },
                _ => None,
            };
            if let (Some(ident), Some(init)) = (ident, &l.init)
                && init.diverge.is_none()
                && makes_iterator(&init.expr)
            {
                self.iterators.push(ident.to_string());
            }
            // `let (mut it, n) = (data.iter(), 0);`
            if let (syn::Pat::Tuple(pat), Some(init)) = (&l.pat, &l.init)
                && let Expr::Tuple(values) = &*init.expr
                && init.diverge.is_none()
                && pat.elems.len() == values.elems.len()
            {
                for (p, v) in pat.elems.iter().zip(&values.elems) {
                    if let syn::Pat::Ident(p) = p
                        && p.subpat.is_none()
                        && makes_iterator(v)
                    {
                        self.iterators.push(p.ident.to_string());
                    }
                }
            }
            syn::visit::visit_local(self, l);
        }
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    let mut names = Names::default();
    names.visit_block(block);
    let count = bound_names(block);
    let mut lets: std::collections::HashMap<String, usize> = Default::default();
    for n in names.iterators {
        *lets.entry(n).or_default() += 1;
    }
    lets.into_iter()
        .filter(|(n, k)| count.get(n) == Some(k))
        .map(|(n, _)| n)
        .collect()
}

fn makes_iterator(e: &Expr) -> bool {
    match e {
        Expr::Paren(p) => makes_iterator(&p.expr),
        Expr::Range(_) => true,
        Expr::MethodCall(m) => {
            let name = m.method.to_string();
            MAKES_ITERATOR.contains(&name.as_str())
                || (ADAPTS_ITERATOR.contains(&name.as_str()) && makes_iterator(&m.receiver))
        }
        Expr::Call(c) => matches!(&*c.func, Expr::Path(p)
            if p.path.segments.last().is_some_and(
                |s| MAKES_ITERATOR.contains(&s.ident.to_string().as_str()))),
        _ => false,
    }
}

/// The std types whose `&mut` a `for` loop iterates by reference.
fn collection(name: &str) -> bool {
    super::build::written_types::STD_CONTAINERS.contains(&name)
        || matches!(name, "Option" | "Result")
}

/// Names a binding of which is certainly a collection: a parameter or an annotated `let` of
/// a collection type (`Vec<T>`, an array), a `let` of a macro's value (`vec![..]`), of an
/// array, or of `collect()`, `to_vec()`, `Vec::new()`, `Some(..)`.
fn collection_names(
    func: &crate::parse::GenFn,
    block: &Block,
) -> std::collections::HashSet<String> {
    use syn::visit::Visit;
    struct Names(std::collections::HashSet<String>);
    impl<'a> Visit<'a> for Names {
        fn visit_local(&mut self, l: &'a syn::Local) {
            let (ident, ty) = match &l.pat {
                syn::Pat::Ident(p) => (Some(&p.ident), None),
                syn::Pat::Type(t) => match &*t.pat {
                    syn::Pat::Ident(p) => (Some(&p.ident), Some(&*t.ty)),
                    _ => (None, None),
                },
                _ => (None, None),
            };
            if let Some(ident) = ident
                && (ty.is_some_and(collection_type)
                    || l.init.as_ref().is_some_and(|i| makes_collection(&i.expr)))
            {
                self.0.insert(ident.to_string());
            }
            syn::visit::visit_local(self, l);
        }
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    let mut names = Names(Default::default());
    names.visit_block(block);
    names.0.extend(
        func.args
            .iter()
            .filter(|a| a.ty.as_deref().is_some_and(collection_type))
            .map(|a| a.ident.to_string()),
    );
    names.0
}

fn collection_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Array(_) | syn::Type::Slice(_) => true,
        syn::Type::Paren(p) => collection_type(&p.elem),
        syn::Type::Path(p) => p
            .path
            .segments
            .last()
            .is_some_and(|s| collection(&s.ident.to_string())),
        _ => false,
    }
}

fn makes_collection(e: &Expr) -> bool {
    match e {
        Expr::Paren(p) => makes_collection(&p.expr),
        Expr::Macro(_) | Expr::Array(_) | Expr::Repeat(_) | Expr::Lit(_) => true,
        Expr::MethodCall(m) => ["collect", "to_vec", "to_owned", "into_vec", "split_off"]
            .contains(&m.method.to_string().as_str()),
        Expr::Call(c) => matches!(&*c.func, Expr::Path(p) if p.path.segments.iter().any(|s| {
            let s = s.ident.to_string();
            collection(&s) || s == "Some" || s == "Ok"
        })),
        _ => false,
    }
}

/// `it.by_ref()` or `it.by_ref().take(n)` of a place.
fn adapts_by_ref(e: &Expr) -> bool {
    let by_ref = match e {
        Expr::MethodCall(take) if take.method == "take" && take.args.len() == 1 => &*take.receiver,
        other => other,
    };
    matches!(by_ref, Expr::MethodCall(m)
        if m.method == "by_ref" && m.args.is_empty() && is_place(&m.receiver))
}
