//! Parameters written as patterns that may be refutable (`Some(x): Option<u32>`,
//! `Point { x, .. }: Point`): the macro cannot tell an enum's variant from a struct, so it
//! leaves the judgement to rustc on a pattern in argument position, as the plain function's.
//!
//! Desugar `fn f(P: T)` into a check in the function, `let _ = |P_: T| ();` (`P` with every
//! binding made `_`: rustc's "refutable pattern" error on the user's pattern, and no unused
//! binding), and the body's binding into `let P = arg else { unreachable!() };`, which
//! compiles whether or not rustc accepts `P` and so adds no error of its own (its `else` is
//! dead: the check has proved `P` irrefutable).

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::spanned::Spanned;
use syn::{Ident, Pat, Type};

/// Whether `pat` names a path (a variant, a struct, a constant) or a literal, a range, a slice
/// or alternatives, any of which may fail to match; identifiers, tuples, references and `_`
/// cannot.
pub(crate) fn may_be_refutable(pat: &Pat) -> bool {
    match pat {
        Pat::Ident(p) => p.subpat.as_ref().is_some_and(|(_, s)| may_be_refutable(s)),
        Pat::Wild(_) | Pat::Rest(_) => false,
        Pat::Tuple(t) => t.elems.iter().any(may_be_refutable),
        Pat::Reference(r) => may_be_refutable(&r.pat),
        Pat::Paren(p) => may_be_refutable(&p.pat),
        Pat::Type(t) => may_be_refutable(&t.pat),
        _ => true,
    }
}

/// `let _ = |P_: T| ();`, spanned at the user's pattern.
pub(crate) fn refutability_check(pat: &Pat, ty: &Type) -> TokenStream {
    let wild = without_bindings(pat.clone());
    quote_spanned!(pat.span()=> let _ = |#wild: #ty| ();)
}

/// `let P = arg else { unreachable!() };` (see the module docs).
pub(crate) fn binding(pat: &Pat, arg: &Ident) -> syn::Stmt {
    syn::parse_quote! {
        #[allow(irrefutable_let_patterns)]
        let #pat = #arg else { ::core::unreachable!() };
    }
}

/// `pat` with every binding `_` (a binding with a subpattern, `x @ Some(_)`, its subpattern).
fn without_bindings(pat: Pat) -> Pat {
    let wild = |span| {
        Pat::Wild(syn::PatWild {
            attrs: Vec::new(),
            underscore_token: syn::Token![_](span),
        })
    };
    match pat {
        Pat::Ident(p) => match p.subpat {
            Some((_, sub)) => without_bindings(*sub),
            None => wild(p.ident.span()),
        },
        Pat::Tuple(mut t) => {
            t.elems = t.elems.into_iter().map(without_bindings).collect();
            Pat::Tuple(t)
        }
        Pat::TupleStruct(mut t) => {
            t.elems = t.elems.into_iter().map(without_bindings).collect();
            Pat::TupleStruct(t)
        }
        Pat::Struct(mut s) => {
            for field in s.fields.iter_mut() {
                // `Point { x, .. }`: the shorthand binds `x`; written out, `x: _`.
                field.colon_token.get_or_insert_with(Default::default);
                let inner = std::mem::replace(&mut *field.pat, wild(field.member.span()));
                *field.pat = without_bindings(inner);
            }
            Pat::Struct(s)
        }
        Pat::Slice(mut s) => {
            s.elems = s.elems.into_iter().map(without_bindings).collect();
            Pat::Slice(s)
        }
        Pat::Or(mut o) => {
            o.cases = o.cases.into_iter().map(without_bindings).collect();
            Pat::Or(o)
        }
        Pat::Reference(mut r) => {
            *r.pat = without_bindings(*r.pat);
            Pat::Reference(r)
        }
        Pat::Paren(mut p) => {
            *p.pat = without_bindings(*p.pat);
            Pat::Paren(p)
        }
        Pat::Type(mut t) => {
            *t.pat = without_bindings(*t.pat);
            Pat::Type(t)
        }
        other => other,
    }
}
