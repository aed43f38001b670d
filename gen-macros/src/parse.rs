//! The signature side of `#[generator]`: which flavour the return type asks for, the item
//! type, and the bindings the parameters introduce.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::visit::Visit;
use syn::{
    Attribute, Block, FnArg, GenericArgument, Ident, ItemFn, Pat, PathArguments, ReturnType,
    Signature, Type, TypeImplTrait, TypeParamBound, Visibility, parse_quote, parse_quote_spanned,
};

use crate::error::bail;
use crate::type_facts::{is_mut_ref, is_ref, mentions_impl};
pub(crate) use crate::type_facts::{is_plain, is_result, nameable};

/// Sync (`Iterator`) or async (`Stream`) generator.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Flavour {
    Iter,
    Stream,
}

/// A local introduced by a parameter or a pattern.
#[derive(Clone)]
pub(crate) struct Binding {
    pub ident: Ident,
    pub mutable: bool,
    /// The user's `mut` on a parameter: a re-binding that spells it there lets rustc report
    /// it as needless, on the user's token.
    pub mut_span: Option<Span>,
    /// The type is syntactically a reference (`&T`, `&self`): it has no drop glue, so it is
    /// only saved across a yield when it is used later.
    pub by_ref: bool,
    /// The type is syntactically `&mut T` (`&mut self`).
    pub mut_ref: bool,
    /// The type is syntactically plain data (a primitive, a reference, tuples of them): no
    /// drop glue.
    pub plain: bool,
    /// A parameter's declared type.
    pub ty: Option<Box<syn::Type>>,
}

/// Everything the lowerings need to know about one generator.
#[derive(Clone)]
pub(crate) struct GenFn {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    /// The signature as emitted: the user's, with `mut` dropped from parameter patterns (the
    /// state machine re-binds them) and `+ FusedIterator`/`+ FusedStream` added. `None` for
    /// the expression forms.
    pub sig: Option<Signature>,
    pub block: Block,
    pub flavour: Flavour,
    /// `T` of `Item = T`, when it can be written in expression position.
    pub item_ty: Option<Type>,
    /// The item is written as `Result<..>` (or the expression form, which allows `?`).
    pub item_is_result: bool,
    /// What the generator moves in, one per parameter in declaration order: the parameter's
    /// own name for a plain `x`/`mut x` (`self` is `self_`, see `choose_self_name`), a hidden `__gen_arg<i>`
    /// for any other pattern.
    pub args: Vec<Binding>,
    /// `let <pattern> = __gen_arg<i>;` for each parameter written as a pattern other than a
    /// plain identifier, in order: the body binds it, as `async fn` does, so its `_` parts
    /// and the rest of the argument live until the body ends.
    pub prelude: Vec<syn::Stmt>,
    /// The refutability checks of parameters written as patterns that may be refutable
    /// (`param_patterns`), for the function itself, before its body.
    pub pattern_checks: Vec<TokenStream>,
}

thread_local! {
    /// The name `self` gets in the expansion under way (`choose_self_name`).
    static SELF_NAME: std::cell::Cell<&'static str> = const { std::cell::Cell::new("__gen_self") };
}

/// Chooses the name the flat lowering gives `self` in this expansion: `self_`, so that
/// rustc's messages about the receiver (`self_` is a `&` reference, use of moved value
/// `self_`) read as being about `self`; or the reserved `__gen_self`, which no user code can
/// name, when the function has no receiver or itself names `self_` (in its parameters or
/// body), which the renamed receiver would then capture or shadow. (Identifiers a macro
/// expands to later are hygienic: they cannot meet the user's `self_`.)
pub(crate) fn choose_self_name(item: Option<&ItemFn>) {
    let readable = item.is_some_and(|item| {
        item.sig.receiver().is_some()
            && !names(item.sig.inputs.to_token_stream(), "self_")
            && !names(item.block.to_token_stream(), "self_")
    });
    let name = if readable { "self_" } else { "__gen_self" };
    SELF_NAME.with(|n| n.set(name));
}

/// Whether `tokens` name the identifier `name` anywhere.
fn names(tokens: TokenStream, name: &str) -> bool {
    tokens.into_iter().any(|t| match t {
        proc_macro2::TokenTree::Ident(i) => i == name,
        proc_macro2::TokenTree::Group(g) => names(g.stream(), name),
        _ => false,
    })
}

/// The name `self` is renamed to inside a generator body, at the user's `self` token (an IDE
/// maps the binding and its uses to it).
pub(crate) fn self_ident(span: Span) -> Ident {
    Ident::new(SELF_NAME.with(std::cell::Cell::get), span)
}

/// Whether `ident` is the renamed receiver.
pub(crate) fn is_self_ident(ident: &Ident) -> bool {
    SELF_NAME.with(|n| ident == n.get())
}

impl GenFn {
    /// Reads a `#[generator]` function.
    pub(crate) fn from_item(mut item: ItemFn) -> syn::Result<Self> {
        if let Some(asyncness) = &item.sig.asyncness {
            bail!(
                asyncness,
                "`#[generator]` functions are not `async fn`: remove `async` and return \
                 `impl Stream<Item = T>`, whose body may `.await`"
            );
        }
        if let Some(constness) = &item.sig.constness {
            bail!(
                constness,
                "`#[generator]` functions cannot be `const fn`: calling one builds its state \
                 machine at run time; remove `const`"
            );
        }
        if let Some(again) = item.attrs.iter().find(|a| is_generator_attribute(a)) {
            bail!(
                again,
                "`#[generator]` is applied to this function twice; remove one of them"
            );
        }
        ungroup_types(&mut item.sig);
        let (flavour, item_ty) = return_flavour(&item.sig)?;
        let first_step = match flavour {
            Flavour::Iter => "`next()`",
            Flavour::Stream => "`poll_next()`",
        };
        crate::lifetime_bound::check(&item.sig, first_step)?;
        let item_is_result = is_result(&item_ty);
        choose_self_name(Some(&item));
        let (args, prelude, pattern_checks) = move_params_in(&mut item.sig);
        add_fused_bound(&mut item.sig.output, flavour);
        Ok(GenFn {
            attrs: item.attrs,
            vis: item.vis,
            sig: Some(item.sig),
            block: *item.block,
            flavour,
            item_ty: nameable(&item_ty).then_some(item_ty),
            item_is_result,
            args,
            prelude,
            pattern_checks,
        })
    }

    /// Reads the body of an `iter! { .. }`/`stream! { .. }` expression. A block that names
    /// `self` (in a method) and not `self_` gets `self_` for it, as a generator does.
    pub(crate) fn from_inline(flavour: Flavour, body: TokenStream) -> syn::Result<Self> {
        let block: Block = syn::parse2(quote!({ #body }))?;
        choose_self_name(None);
        if names(body.clone(), "self") && !names(body, "self_") {
            SELF_NAME.with(|n| n.set("self_"));
        }
        Ok(GenFn {
            attrs: Vec::new(),
            vis: Visibility::Inherited,
            sig: None,
            block,
            flavour,
            item_ty: None,
            item_is_result: true,
            args: Vec::new(),
            prelude: Vec::new(),
            pattern_checks: Vec::new(),
        })
    }
}

/// Desugar the invisible groups a `macro_rules!` wraps around a `$t:ty` it forwards (`-> $ret`)
/// into the types they hold, so the signature reads as the user wrote it.
fn ungroup_types(sig: &mut Signature) {
    struct Ungroup;
    impl syn::visit_mut::VisitMut for Ungroup {
        fn visit_type_mut(&mut self, ty: &mut Type) {
            while let Type::Group(group) = ty {
                *ty = (*group.elem).clone();
            }
            syn::visit_mut::visit_type_mut(self, ty);
        }
    }
    syn::visit_mut::VisitMut::visit_signature_mut(&mut Ungroup, sig);
}

/// `#[generator]`, `#[generator(..)]`, `#[gen_core::generator]`.
pub(crate) fn is_generator_attribute(attr: &Attribute) -> bool {
    attr.path()
        .segments
        .last()
        .is_some_and(|s| s.ident == "generator")
}

/// Desugar the declared return type into the flavour and the item type:
/// `impl Iterator<Item = T> + ..` is sync, `impl <..>Stream<Item = T> + ..` is async.
fn return_flavour(sig: &Signature) -> syn::Result<(Flavour, Type)> {
    let expected = "`#[generator]` functions must return `impl Iterator<Item = T>` or \
                    `impl Stream<Item = T>`";
    let ReturnType::Type(_, ty) = &sig.output else {
        bail!(sig.ident, "{expected}: add a return type");
    };
    let Type::ImplTrait(TypeImplTrait { bounds, .. }) = &**ty else {
        bail!(ty, "{expected}");
    };
    let trait_names = bounds.iter().filter_map(|bound| match bound {
        TypeParamBound::Trait(bound) => bound.path.segments.last(),
        _ => None,
    });
    for last in trait_names.clone() {
        let name = last.ident.to_string();
        if matches!(name.as_str(), "DoubleEndedIterator" | "ExactSizeIterator") {
            bail!(
                last,
                "a generator cannot implement `{name}`: it makes its items front to back, one \
                 at a time, without knowing how many are left; return `impl Iterator<Item = T>` \
                 (and collect the items into a `Vec` where you need `.rev()` or `.len()`)"
            );
        }
    }
    for last in trait_names {
        let name = last.ident.to_string();
        let flavour = match name.as_str() {
            "Iterator" | "FusedIterator" => Flavour::Iter,
            _ if name.ends_with("Stream") => Flavour::Stream,
            _ => continue,
        };
        let item = match &last.arguments {
            PathArguments::AngleBracketed(args) => args.args.iter().find_map(|arg| match arg {
                GenericArgument::AssocType(assoc) if assoc.ident == "Item" => Some(&assoc.ty),
                _ => None,
            }),
            _ => None,
        };
        let Some(item) = item else {
            bail!(
                last,
                "{expected}: name the item type with `{name}<Item = T>`"
            );
        };
        return Ok((flavour, item.clone()));
    }
    bail!(ty, "{expected}")
}

/// Desugar `-> impl Iterator<..>` into `-> impl Iterator<..> + FusedIterator` (likewise
/// `FusedStream`) so callers can see that the generator is fused.
fn add_fused_bound(output: &mut ReturnType, flavour: Flavour) {
    let ReturnType::Type(_, ty) = output else {
        return;
    };
    let Type::ImplTrait(TypeImplTrait { bounds, .. }) = &mut **ty else {
        return;
    };
    let fused = match flavour {
        Flavour::Iter => "FusedIterator",
        Flavour::Stream => "FusedStream",
    };
    let has_fused = bounds.iter().any(|bound| {
        matches!(bound, TypeParamBound::Trait(t)
            if t.path.segments.last().is_some_and(|s| s.ident == fused))
    });
    if !has_fused {
        // Located at the end of the user's bounds: rustc's suggestions about the return type
        // (an added `+ '_`) then land after the user's own tokens, not after `#[generator]`;
        // still the macro's (no lint takes it for the user's, `refining_impl_trait`).
        let end = bounds.last().map_or_else(Span::call_site, |b| {
            b.to_token_stream()
                .into_iter()
                .last()
                .map_or_else(Span::call_site, |t| Span::call_site().located_at(t.span()))
        });
        bounds.push(match flavour {
            Flavour::Iter => parse_quote_spanned!(end=> ::core::iter::FusedIterator),
            Flavour::Stream => parse_quote_spanned!(end=> ::gen_core::__private::FusedStream),
        });
    }
}

/// Desugar each parameter into what the generator moves in (`args`) and the `let` that binds
/// the user's pattern inside the body (`prelude`): a plain `x` or `mut x` is moved in under its
/// own name (the state machine re-binds it with the user's `mut`); any other pattern (`_`,
/// `(a, _)`, `ref x`) becomes `__gen_arg<i>: T` in the signature and
/// `let __gen_arg<i> = __gen_arg<i>; let <pattern> = __gen_arg<i>;` first thing in the body, as
/// `async fn` desugars, so the whole argument lives (and drops) with the generator. From the
/// first such parameter on, a plain parameter is bound there too (`let mut x = x;`), in order:
/// a function drops each parameter's bindings, then the rest of that argument, parameter by
/// parameter from the last, and the body's locals drop in reverse order of declaration.
fn move_params_in(sig: &mut Signature) -> (Vec<Binding>, Vec<syn::Stmt>, Vec<TokenStream>) {
    if crate::ide::for_an_ide() {
        // The parameters stay as written: the body captures them (`crate::ide`).
        return (Vec::new(), Vec::new(), Vec::new());
    }
    let mut args = Vec::new();
    let mut prelude = Vec::new();
    let mut checks = Vec::new();
    for (index, input) in sig.inputs.iter_mut().enumerate() {
        match input {
            FnArg::Receiver(receiver) => {
                // `&mut self` keeps its `mut` (it is the reference's); `mut self` loses it.
                let mutable = receiver.reference.is_none() && receiver.mutability.take().is_some();
                args.push(Binding {
                    ident: self_ident(receiver.self_token.span),
                    mutable,
                    mut_span: None,
                    by_ref: receiver.reference.is_some() || is_ref(&receiver.ty),
                    mut_ref: receiver
                        .reference
                        .as_ref()
                        .map_or(is_mut_ref(&receiver.ty), |_| receiver.mutability.is_some()),
                    plain: false,
                    // `self: Box<Self>`, `self: Rc<Self>`: the written type, as a parameter's.
                    ty: receiver.colon_token.map(|_| receiver.ty.clone()),
                });
            }
            FnArg::Typed(pat_type) => {
                let by_ref = is_ref(&pat_type.ty);
                let mut_ref = is_mut_ref(&pat_type.ty);
                let plain = is_plain(&pat_type.ty);
                match &mut *pat_type.pat {
                    Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none() => {
                        let mutability = pat.mutability.take();
                        let ident = pat.ident.clone();
                        let in_prelude = !prelude.is_empty();
                        if in_prelude {
                            // After a pattern parameter: bound in order in the prelude, with
                            // the user's `mut` (and type, where a `let` may name it).
                            let ty = &pat_type.ty;
                            let annotation = (!mentions_impl(ty)).then(|| quote!(: #ty));
                            // The parameter's lint attributes cover the binding too.
                            let lints = lint_attributes(&pat_type.attrs);
                            prelude.push(parse_quote!(
                                #(#lints)* let #mutability #ident #annotation = #ident;
                            ));
                        }
                        let mut_span = mutability.filter(|_| !in_prelude).map(|m| m.span);
                        args.push(Binding {
                            ident,
                            mutable: mut_span.is_some(),
                            mut_span,
                            by_ref,
                            mut_ref,
                            plain,
                            ty: Some(pat_type.ty.clone()),
                        });
                    }
                    pat => {
                        let hidden = hidden_arg(index, pat);
                        let user = std::mem::replace(
                            pat,
                            Pat::Ident(syn::PatIdent {
                                attrs: Vec::new(),
                                by_ref: None,
                                mutability: None,
                                ident: hidden.clone(),
                                subpat: None,
                            }),
                        );
                        // Into a local first: what the pattern leaves in the argument drops
                        // with this parameter, before the parameters declared ahead of it.
                        prelude.push(parse_quote!(let #hidden = #hidden;));
                        if crate::param_patterns::may_be_refutable(&user) {
                            checks.push(crate::param_patterns::refutability_check(
                                &user,
                                &pat_type.ty,
                            ));
                            prelude.push(crate::param_patterns::binding(&user, &hidden));
                        } else {
                            prelude.push(parse_quote!(let #user = #hidden;));
                        }
                        args.push(Binding {
                            ident: hidden,
                            mutable: false,
                            mut_span: None,
                            by_ref,
                            mut_ref,
                            plain,
                            ty: Some(pat_type.ty.clone()),
                        });
                    }
                }
            }
        }
    }
    (args, prelude, checks)
}

/// `__gen_arg<i>`, located at the first token of the user's pattern (an opening delimiter
/// alone, so that an IDE does not take it for the bindings inside the pattern).
fn hidden_arg(index: usize, pat: &Pat) -> Ident {
    let span = match pat.to_token_stream().into_iter().next() {
        Some(proc_macro2::TokenTree::Group(g)) => g.span_open(),
        Some(token) => token.span(),
        None => Span::call_site(),
    };
    Ident::new(&format!("{HIDDEN_ARG}{index}"), span)
}

/// The prefix of [`hidden_arg`]'s names.
const HIDDEN_ARG: &str = "__gen_arg";

/// Whether `ident` is the hidden name of a parameter written as a pattern ([`hidden_arg`]).
pub(crate) fn is_hidden_arg(ident: &Ident) -> bool {
    ident.to_string().starts_with(HIDDEN_ARG)
}

thread_local! {
    /// Capitalized names the body being lowered binds where a pattern cannot be refutable
    /// (`let N = n * 2;`, `for (K, V) in v`, a closure's parameter): bindings there, as in
    /// Rust, where a constant or a unit struct would be a refutable pattern.
    static CAPITALIZED_BINDINGS: std::cell::RefCell<std::collections::HashSet<String>> =
        std::cell::RefCell::new(std::collections::HashSet::new());
}

/// Notes the capitalized names `block` binds in irrefutable patterns (see
/// [`pat_bindings`]), for the lowering that follows.
pub(crate) fn note_capitalized_bindings(block: &syn::Block) {
    struct Find(std::collections::HashSet<String>);
    impl Find {
        fn irrefutable(&mut self, pat: &Pat) {
            struct Idents<'a>(&'a mut std::collections::HashSet<String>);
            impl<'ast> Visit<'ast> for Idents<'_> {
                fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
                    let name = p.ident.to_string();
                    if p.subpat.is_none() && name.starts_with(|c: char| c.is_ascii_uppercase()) {
                        self.0.insert(name);
                    }
                    syn::visit::visit_pat_ident(self, p);
                }
            }
            Idents(&mut self.0).visit_pat(pat);
        }
    }
    impl<'ast> Visit<'ast> for Find {
        fn visit_local(&mut self, l: &'ast syn::Local) {
            if l.init.as_ref().is_none_or(|i| i.diverge.is_none()) {
                self.irrefutable(&l.pat);
            }
            syn::visit::visit_local(self, l);
        }
        fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
            self.irrefutable(&f.pat);
            syn::visit::visit_expr_for_loop(self, f);
        }
        fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
            c.inputs.iter().for_each(|p| self.irrefutable(p));
            syn::visit::visit_expr_closure(self, c);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut find = Find(std::collections::HashSet::new());
    find.visit_block(block);
    CAPITALIZED_BINDINGS.set(find.0);
}

/// Whether a lone capitalized identifier in a pattern names a unit struct, a variant or a
/// constant (not a binding): unless the body binds that name where a pattern cannot be
/// refutable ([`note_capitalized_bindings`]).
pub(crate) fn names_a_constant(ident: &syn::Ident) -> bool {
    let name = ident.to_string();
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && !CAPITALIZED_BINDINGS.with_borrow(|names| names.contains(&name))
}

/// The bindings a pattern introduces, in order. A lone identifier that starts with an
/// uppercase letter is a unit struct, variant or constant, not a binding (unless the body
/// binds it where no pattern is refutable, [`names_a_constant`]).
pub(crate) fn pat_bindings(pat: &Pat, out: &mut Vec<Binding>) {
    struct Collect<'a>(&'a mut Vec<Binding>, usize);
    impl<'ast> Visit<'ast> for Collect<'_> {
        fn visit_pat_ident(&mut self, pat: &'ast syn::PatIdent) {
            let constant = pat.subpat.is_none()
                && pat.by_ref.is_none()
                && pat.mutability.is_none()
                && names_a_constant(&pat.ident);
            // Each alternative of an or-pattern binds the same names: one binding each.
            let again = self.0[self.1..].iter().any(|b| b.ident == pat.ident);
            if !constant && !again {
                self.0.push(Binding {
                    ident: pat.ident.clone(),
                    mutable: pat.mutability.is_some(),
                    mut_span: pat.mutability.map(|m| m.span),
                    by_ref: pat.by_ref.is_some(),
                    mut_ref: pat.by_ref.is_some() && pat.mutability.is_some(),
                    plain: false,
                    ty: None,
                });
            }
            syn::visit::visit_pat_ident(self, pat);
        }
        // Paths, ranges and literals inside patterns bind nothing; types and expressions
        // (const blocks) are not patterns.
        fn visit_expr(&mut self, _: &'ast syn::Expr) {}
        fn visit_type(&mut self, _: &'ast Type) {}
    }
    let start = out.len();
    Collect(out, start).visit_pat(pat);
}

/// The lint attributes (`allow`, `expect`, `warn`, `deny`, `forbid`) among `attrs`: those of a
/// parameter cover the bindings that stand for it in the body.
pub(crate) fn lint_attributes(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| {
        ["allow", "expect", "warn", "deny", "forbid"]
            .iter()
            .any(|l| a.path().is_ident(l))
    })
}
