//! The flat generator's body expression: the state enum, the start state built from the
//! arguments, the resume closure around the arms (and the fold copy when there is one).

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};

use super::emit::{self, Emitter};
use super::{fold, ir, names, plan, returns_clone};
use crate::parse::{Binding, GenFn};

/// The whole body expression around the arms.
pub(super) fn assemble(
    func: &GenFn,
    args: &[Binding],
    ir: &ir::Ir,
    plan: &plan::Plan,
    mut em: Emitter<'_>,
    fold: bool,
) -> TokenStream {
    let state_enum = em.state_enum(returns_clone(func));
    let (ty, done) = (names::state_enum(), names::done());
    let (st, cur, sm, sink) = (names::st(), names::cur(), names::sm_label(), names::sink());
    let s0 = names::variant(0);
    // The start state holds the arguments it keeps; the outer function still calls the
    // receiver `self`.
    let mut mutation_checks = TokenStream::new();
    let initial: Vec<(usize, TokenStream)> = plan.kept[0]
        .iter()
        .rev()
        .map(|k| {
            let binding = plan.cfg.places.list[k.place].binding;
            let ident = &ir.bindings[binding].ident;
            let value = if crate::parse::is_self_ident(ident) {
                // `self.n += 1` in the block: `mut self` is needed, as by a `move` closure.
                match &ir.assigned_self_place {
                    Some(place) => {
                        let place = names::with_self_keyword(place.to_token_stream());
                        quote!({ let _ = &mut #place; self })
                    }
                    None => quote!(self),
                }
            } else if let Some(checks) = ir
                .inline
                .then(|| mutating_calls_checked(ir, binding))
                .flatten()
            {
                // Checked on the captured variable before the block's `move` closure, where
                // rustc's error names it.
                mutation_checks.extend(checks);
                let mut name = ident.clone();
                if crate::written_in_the_call::written_in_the_call(ident.span()) {
                    name.set_span(Span::call_site().located_at(ident.span()));
                }
                name.to_token_stream()
            } else if let Some(&at) = ir.mutated.get(&binding).filter(|_| ir.inline) {
                // A captured variable the body mutates needs the user's `mut`, as in a
                // closure (and so the user's `mut` counts as used).
                let mut name = ident.clone();
                name.set_span(at);
                quote_spanned!(at=> { let _ = &mut #name; #ident })
            } else if ir.inline {
                // At the user's token in the expansion's context (see `start` below), unless
                // another macro handed the token over, whose context is not the user's.
                let mut name = ident.clone();
                if crate::written_in_the_call::written_in_the_call(ident.span()) {
                    name.set_span(Span::call_site().located_at(ident.span()));
                }
                name.to_token_stream()
            } else {
                ident.to_token_stream()
            };
            (k.place, em.wrap_kept(k.place, k.keep, value))
        })
        .collect();
    // The start state: its payload, or an empty variant in the frame holding the arguments.
    let start = match &em.frame {
        Some(frame) => em.frame_init(
            frame,
            &initial.iter().cloned().collect(),
            quote!(#ty::#s0()),
        ),
        None => {
            let values = initial.iter().map(|(_, v)| v);
            quote!(#ty::#s0(#(#values),*))
        }
    };
    // Desugar a parameter's needless `mut` into `let mut x = x;` before the state takes it:
    // rustc reports the `mut` on the user's token, as for a plain fn.
    let needless_mut: TokenStream = args
        .iter()
        .zip(&ir.params)
        .filter(|(arg, id)| arg.mutable && !ir.maybe_mutated.contains(id))
        .filter_map(|(arg, _)| {
            let (ident, at) = (&arg.ident, arg.mut_span?);
            Some(quote_spanned!(at=> let mut #ident = #ident;))
        })
        .collect();
    let mut arms = std::mem::take(&mut em.arms);
    emit::inline_heads::inline_back_edges(&mut arms, std::mem::take(&mut em.back_edges));
    arms.sort_by_key(|(state, _, _)| (ir.states[*state].seq, *state));
    // A state whose suspension is dead code (after a `return`) is never entered.
    let unentered: Vec<_> = (0..ir.states.len())
        .filter(|&s| !arms.iter().any(|(state, _, _)| *state == s) && em.resident[s].is_none())
        .map(names::variant)
        .collect();
    // Resume arms dispatched before the machine (`emit/entry.rs`).
    let entry_arms = match em.frame {
        None => emit::entry::take_entry_arms(ir, &mut arms, &em),
        Some(_) => Vec::new(),
    };
    let arms = arms
        .into_iter()
        .map(|(_, pattern, body)| quote!(#pattern => #body));
    let turbofish = func.item_ty.as_ref().map(|ty| quote!(::<#ty>));
    // A macro that declares a `static` would declare it again in the fold copy; a closure
    // yielded as an unnamed item type would be another type in it.
    let fold_path =
        (fold && !ir.macro_statics && !fold::copy_may_change_the_item_type(func)).then(|| {
            let count = if em.frame.is_some() {
                0
            } else {
                plan.kept[0].len()
            };
            let fields: Vec<_> = (0..count).map(names::field).collect();
            let rebind: TokenStream = plan.kept[0]
                .iter()
                .enumerate()
                .map(|(i, k)| {
                    let id = plan.cfg.places.list[k.place].binding;
                    let b = &ir.bindings[id];
                    let field = em.unwrap_kept(k.place, k.keep, em.field_of(0, i));
                    let (ident, mutability) = (
                        &b.ident,
                        b.mutable.then(|| quote_spanned!(b.ident.span()=> mut)),
                    );
                    let ty = em.param_type(id);
                    emit::arm::fold_param_rebinding(mutability, ident, ty, &field)
                })
                .collect();
            fold::fold_path(
                ir,
                em.items,
                func.item_ty.clone(),
                rebind,
                quote!(#ty::#s0(#(#fields),*)),
            )
        });
    let resident: Vec<_> = (0..ir.states.len())
        .filter(|&s| em.resident[s].is_some())
        .map(names::variant)
        .collect();
    let st_place = names::st_place();
    let take = quote!(::core::mem::replace(&mut #st_place, #ty::#done));
    let f0 = names::field(0);
    let (entry, park) = if resident.is_empty() {
        (take, quote!())
    } else {
        (
            quote! {
                if ::core::matches!(#st_place, #(#ty::#resident(..))|*) {
                    #ty::#done
                } else {
                    #take
                }
            },
            quote!(#(#ty::#resident(#f0) => {
                #st_place = #ty::#resident(#f0);
                #cur = #ty::#done;
                continue #sm;
            })*),
        )
    };
    let machine = quote! {
        #sm: loop {
            match #cur {
                #(#arms)*
                #ty::#done => break #sm (::core::option::Option::None),
                #park
                #(#ty::#unentered { .. } => ::core::unreachable!(),)*
            }
        }
    };
    let dispatch = emit::entry::dispatch(machine, entry_arms);
    let frame_entry = em.frame.as_ref().map(|f| em.frame_destructure(f));
    // With a fold copy, which holds the user's code as written, clippy reports the user's
    // lints there, once, as for the plain function; in the state machine the same code is
    // split up around glue (a kept local read from its slot, an `_x` rebound), where a lint
    // would come a second time with another suggestion, or about the glue.
    let only_in_the_copy = fold_path
        .as_ref()
        .map(|_| quote!(#[allow(clippy::all, clippy::pedantic, clippy::nursery)]));
    let items = &em.items.top;
    let generator = names::generator();
    let mutability = ir.inline.then(|| quote!(mut));
    let flat = if ir.inline {
        // One closure that captures the state and what the body only reads (`InlineGen`).
        let turbofish = func.item_ty.as_ref().map(|ty| quote!(::<#ty, _>));
        let fold_path = fold_path
            .map(|path| quote!(if let ::core::option::Option::Some(#sink) = #sink { #path }));
        let capture_checks = super::capture_checks::capture_checks(ir, plan);
        let capture_checks =
            (!capture_checks.is_empty()).then(|| quote!(if false { #(#capture_checks)* }));
        // The item type, for an item of another type (`fold::typed_item`).
        let item_type = func.item_ty.is_none().then(|| {
            let name = names::item_type();
            // (Its name starts with `_`: unused, it draws no lint.)
            quote! {
                let #name = ::gen_core::__private::item_type(&#sink);
            }
        });
        // Desugar the drop order of a `move` closure's captures: those named before every
        // moved one, mentioned first, drop before the state (`plan/captures.rs`).
        let mentions = plan::captures::named_before_the_moved(ir, plan)
            .into_iter()
            .map(|b| {
                // Resolved as the user's token (which another macro may have handed over),
                // at the block's site.
                let user = &ir.bindings[b].ident;
                let name = proc_macro2::Ident::new(
                    &user.to_string(),
                    user.span().located_at(Span::call_site()),
                );
                quote!(let _ = &#name;)
            });
        quote! {
            ::gen_core::__private::InlineGen #turbofish ::new(move |#sink| {
                #(#mentions)*
                #item_type
                #capture_checks
                let #st = &mut #st;
                #frame_entry
                #fold_path
                #only_in_the_copy
                {
                    #[allow(unused_mut)]
                    let mut #cur = #entry;
                    #dispatch
                }
            })
        }
    } else {
        let resume = quote! {
            move |#st| {
                #only_in_the_copy
                {
                    #frame_entry
                    #[allow(unused_mut)]
                    let mut #cur = #entry;
                    #dispatch
                }
            }
        };
        let fold = match fold_path {
            Some(path) => quote!(move |#st, #sink| {
                #frame_entry
                #path
                false
            }),
            None => quote!(|_, _| false),
        };
        quote!(::gen_core::__private::FlatGen::new #turbofish (#st, #fold, #resume))
    };
    // A frame's generator drops its state when `next()` unwinds (see `emit/frame.rs`).
    let generator_value = match em.frame {
        Some(_) => quote!(::gen_core::__private::FramedGen::new(#flat)),
        None => flat,
    };
    let cloners = em.cloners();
    // Desugar an `iter!`'s start into `(move || S0(captures..))()`: a use of a capture after
    // the block is rustc's "value moved into closure here", whose suggestion (clone it before
    // the block) applies. The closure stands at the block's first token, in the expansion's
    // context: rustc labels the loops around the expression at the move's span, which must
    // be this closure and nothing in the state machine.
    let start = if ir.inline {
        let at = func
            .block
            .stmts
            .first()
            .map_or_else(Span::call_site, syn::spanned::Spanned::span);
        let at = Span::mixed_site().located_at(at);
        quote_spanned!(at=> (move || #start)())
    } else {
        start
    };
    quote! {
        #items
        #state_enum
        #needless_mut
        #cloners
        #mutation_checks
        let #mutability #st = #start;
        let #generator = #generator_value;
        #generator
    }
}

/// Desugar the calls `log.push(x)` by which an `iter!` block mutates its capture `log`, each of
/// a method named like a std mutating one, into `let _ = |a| log.push(a);` on the captured
/// variable, before the block takes it: a closure never called, which needs the variable's
/// `mut` exactly when the method takes `&mut self`, as the `move` closure of the plain code
/// would (a method of the user's of that name may take `&self`). An argument that takes
/// nothing by value is passed as written (`"after"`, `&x`, `format!(..)`, a closure that is
/// no `move` one), a place as a value of its type (`value_like(&name)`, no move), so that a
/// generic parameter (`impl Into<String>`) gets its type; any other becomes a parameter of
/// the closure, which takes its type from the method's. `None` when the binding is mutated
/// otherwise too, or when such a parameter would go to a std method with a generic parameter
/// (`extend`, `retain`, a map's `remove`), whose type it could not infer: the variable's `mut`
/// is then required as before.
fn mutating_calls_checked(ir: &ir::Ir, binding: ir::BindingId) -> Option<TokenStream> {
    if ir.mutated_otherwise.contains(&binding) {
        return None;
    }
    let calls = ir.mutated_by_methods.get(&binding)?;
    if calls.iter().any(|c| {
        c.turbofish.is_none()
            && GENERIC_MUTATORS.contains(&c.method.to_string().as_str())
            && c.args.iter().any(|a| checked_argument(ir, a).is_none())
    }) {
        return None;
    }
    let ident = &ir.bindings[binding].ident;
    let checks = calls.iter().map(|call| {
        let at = syn::spanned::Spanned::span(&call.receiver);
        let mut name = ident.clone();
        name.set_span(at);
        let (method, turbofish) = (&call.method, &call.turbofish);
        let mut params = Vec::new();
        let args: Vec<TokenStream> = call
            .args
            .iter()
            .enumerate()
            .map(|(i, arg)| {
                checked_argument(ir, arg).unwrap_or_else(|| {
                    let param = proc_macro2::Ident::new(&format!("__gen_a{i}"), Span::mixed_site());
                    params.push(param.clone());
                    param.to_token_stream()
                })
            })
            .collect();
        quote_spanned!(at=> let _ = |#(#params),*| #name.#method #turbofish (#(#args),*);)
    });
    Some(quote!(#(#checks)*))
}

/// The tokens that give a checked call's argument its type without taking anything by value
/// (see `mutating_calls_checked`), if there are such: the argument names none of the block's
/// own locals (the check stands before the block).
fn checked_argument(ir: &ir::Ir, arg: &syn::Expr) -> Option<TokenStream> {
    if let syn::Expr::Macro(m) = arg
        && m.mac.path.is_ident("format")
    {
        // A `String` whatever it names: one that names nothing, in the expansion (no lint
        // on a `format!("")` the user did not write).
        let path = m.mac.path.to_token_stream().into_iter().map(|mut t| {
            t.set_span(Span::mixed_site().located_at(t.span()));
            t
        });
        let path: TokenStream = path.collect();
        return Some(quote!(#path!("")));
    }
    if names_a_binding(ir, arg.to_token_stream(), false) {
        return None;
    }
    if !names_a_binding(ir, arg.to_token_stream(), true) {
        // Literals, constants and calls of functions (`["a", "b"]`, `String::from("x")`).
        return Some(arg.to_token_stream());
    }
    match arg {
        syn::Expr::Lit(_) | syn::Expr::Reference(_) => Some(arg.to_token_stream()),
        syn::Expr::Closure(c) if c.capture.is_none() => Some(arg.to_token_stream()),
        syn::Expr::Macro(m)
            if m.mac.path.is_ident("concat") || m.mac.path.is_ident("stringify") =>
        {
            Some(arg.to_token_stream())
        }
        syn::Expr::Paren(p) => checked_argument(ir, &p.expr),
        syn::Expr::MethodCall(m)
            if is_place(&m.receiver)
                && READ_THROUGH_SELF.contains(&m.method.to_string().as_str())
                && m.args.is_empty() =>
        {
            let at = Span::mixed_site().located_at(syn::spanned::Spanned::span(arg));
            Some(quote_spanned!(at=> ::gen_core::__private::value_like(&#arg)))
        }
        _ if is_place(arg) => {
            let at = Span::mixed_site().located_at(syn::spanned::Spanned::span(arg));
            Some(quote_spanned!(at=> ::gen_core::__private::value_like(&#arg)))
        }
        _ => None,
    }
}

/// Whether `tokens` name a binding the body declares (or, with `captures`, any binding,
/// captures included), by its name, in the code or in a format string's `{name}`.
fn names_a_binding(ir: &ir::Ir, tokens: TokenStream, captures: bool) -> bool {
    let named = |name: &str| {
        ir.bindings
            .iter()
            .any(|b| (captures || b.kind != ir::BindingKind::Param) && b.ident == name)
    };
    tokens.into_iter().any(|tree| match tree {
        proc_macro2::TokenTree::Ident(i) => named(&i.to_string()),
        proc_macro2::TokenTree::Literal(l) => match syn::parse2::<syn::LitStr>(l.to_token_stream())
        {
            Ok(text) => super::build::format_strings::format_captures(&text.value())
                .iter()
                .any(|n| named(n)),
            Err(_) => false,
        },
        proc_macro2::TokenTree::Group(g) => names_a_binding(ir, g.stream(), captures),
        proc_macro2::TokenTree::Punct(_) => false,
    })
}

/// std methods without arguments that take `&self` on every type that has them
/// (`tag.clone()`): a call of one borrows its receiver.
const READ_THROUGH_SELF: &[&str] = &[
    "clone",
    "to_string",
    "to_owned",
    "to_vec",
    "to_lowercase",
    "to_uppercase",
    "len",
    "is_empty",
    "as_str",
    "trim",
];

/// `x`, `x.f`, `x.0.name`, `x[i]`: a place, which `&place` borrows without moving.
fn is_place(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Path(p) => p.qself.is_none(),
        syn::Expr::Field(f) => is_place(&f.base),
        syn::Expr::Index(i) => is_place(&i.expr),
        syn::Expr::Paren(p) => is_place(&p.expr),
        _ => false,
    }
}

/// std's mutating methods with a generic parameter: a closure's parameter passed to them has
/// no type to take.
const GENERIC_MUTATORS: &[&str] = &[
    "extend",
    "remove",
    "get_mut",
    "retain",
    "retain_mut",
    "sort_by",
    "sort_by_key",
    "sort_by_cached_key",
    "sort_unstable_by",
    "sort_unstable_by_key",
    "dedup_by",
    "dedup_by_key",
    "drain",
    "splice",
    "resize_with",
    "get_or_insert_with",
    "extract_if",
    "fill_with",
];

/// A field of a place, named (`data`) or by position (`0`), at `span`.
pub(super) fn member(name: &str, span: Span) -> syn::Member {
    match name.parse::<u32>() {
        Ok(index) => syn::Member::Unnamed(syn::Index { index, span }),
        Err(_) => syn::Member::Named(proc_macro2::Ident::new(name, span)),
    }
}
