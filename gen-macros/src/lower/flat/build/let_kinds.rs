//! What a `let`'s initializer (or its written type) says about the binding: a reader, text,
//! a lock's or `RefCell`'s guard, a box, a value made by a method on a place, the hidden local
//! of a yield's temporary, its type (written, or spelled by a number), a builder's shadowed
//! receiver, no value yet. Judged from syntax, for the analyses, the arms that re-declare a
//! binding, and the error messages.

use super::Builder;
use super::written_types::is_text;
use crate::lower::flat::ir::{BindingId, ExprKind};

impl Builder<'_> {
    /// Notes the kinds of the bindings of `local` (each only when the pattern binds one).
    pub(super) fn note_initializer_kinds(&mut self, local: &syn::Local, bindings: &[BindingId]) {
        let init = local.init.as_ref();
        let reader = match &local.pat {
            syn::Pat::Type(t) => super::readers::reader_type(&t.ty, None),
            _ => init.is_some_and(|i| super::readers::reader_value(&i.expr)),
        };
        if reader && bindings.len() == 1 {
            self.ir.readers.insert(bindings[0]);
        }
        let text = match &local.pat {
            syn::Pat::Type(t) => is_text(&t.ty),
            _ => init.is_some_and(|i| makes_text(&i.expr)),
        };
        if text && bindings.len() == 1 {
            self.ir.texts.insert(bindings[0]);
        }
        if let (syn::Pat::Ident(_), [binding], Some(init)) = (&local.pat, bindings, init)
            && let syn::Expr::MethodCall(m) = &*init.expr
            && let Some(receiver) = super::syntax_facts::place_text(&m.receiver)
        {
            let args = if m.args.is_empty() { "()" } else { "(..)" };
            self.ir
                .by_method
                .insert(*binding, (format!("{}{args}", m.method), receiver));
        }
        // `let cb: Box<dyn FnOnce() -> u32> = ..`: its call moves it (`Ir::once_closures`).
        if let (syn::Pat::Type(t), [binding]) = (&local.pat, bindings)
            && super::written_types::fn_once(&t.ty, None)
        {
            self.ir.once_closures.insert(*binding);
        }
        if let ([binding], Some(init)) = (bindings, init)
            && let Some(source) = super::syntax_facts::loop_source(&init.expr)
        {
            self.ir.let_sources.insert(*binding, source);
        }
        // `let it = words(&text);` (`Ir::function_values`).
        if let (syn::Pat::Ident(_), [binding], Some(init)) = (&local.pat, bindings, init)
            && super::syntax_facts::own_function_of_a_borrow(&init.expr)
        {
            self.ir.function_values.insert(*binding);
        }
        // `let lines: Vec<&str> = ..`: a collection of references (`Ir::likely_views`).
        if let (syn::Pat::Type(t), [binding]) = (&local.pat, bindings)
            && super::written_types::reference_items(&t.ty)
        {
            self.ir.likely_views.insert(*binding);
        }
        if let (syn::Pat::Ident(p), [binding]) = (&local.pat, bindings)
            && crate::lower::flat::is_yield_temporary(&p.ident)
        {
            self.ir.yield_temps.insert(*binding);
        }
        // `let g = m.lock().unwrap();`, or a guard moved into another binding.
        let moves_a_guard = init
            .and_then(|i| self.place_of(&i.expr))
            .is_some_and(|p| p.path.is_empty() && self.ir.guards.contains(&p.binding));
        if (init.is_some_and(|i| makes_guard(&i.expr)) || moves_a_guard) && bindings.len() == 1 {
            self.ir.guards.insert(bindings[0]);
        }
        // `let g = m.lock().unwrap();`, `let b = cell.borrow_mut();`: held for its drop to the
        // end of its block, whatever its name (`Ir::held_guards`).
        if init.is_some_and(|i| certain_guard(&i.expr)) && bindings.len() == 1 {
            self.ir.held_guards.insert(bindings[0]);
        }
        // `let v = vec![..];`, `let s: String = ..`, `let head = first;` with `first` not
        // `Copy`: certainly not `Copy` (`Ir::not_copy`).
        let not_copy = match &local.pat {
            syn::Pat::Type(t) => not_copy_type(&t.ty),
            _ => init.is_some_and(|i| {
                makes_a_collection(&i.expr)
                    || self
                        .place_of(&i.expr)
                        .is_some_and(|p| p.path.is_empty() && self.ir.not_copy.contains(&p.binding))
            }),
        };
        // A value of a constructor of the user's, or one moved out of a local holding one
        // (`let g = q;` of a parameter `q: G`).
        if let (syn::Pat::Ident(_), [binding], Some(init)) = (&local.pat, bindings, init)
            && (users_constructor(&init.expr)
                || self.place_of(&init.expr).is_some_and(|p| {
                    p.path.is_empty() && p.binding != *binding && self.users_value(p.binding)
                }))
        {
            self.ir.constructed.insert(*binding);
        }
        // `let (g, n) = (G::new("g"), 1);`: element by element.
        if let (syn::Pat::Tuple(pats), Some(init)) = (&local.pat, init)
            && let syn::Expr::Tuple(values) = &*init.expr
        {
            for (pat, value) in pats.elems.iter().zip(&values.elems) {
                if let syn::Pat::Ident(p) = pat
                    && p.subpat.is_none()
                    && users_constructor(value)
                    && let Some(b) = self.resolve(&p.ident)
                {
                    self.ir.constructed.insert(b);
                }
            }
        }
        if not_copy && bindings.len() == 1 {
            self.ir.not_copy.insert(bindings[0]);
        }
        // `let b = Box::new(..)`, `let b: Box<T> = ..`: a box (see `Ir::boxes`).
        let boxed = match &local.pat {
            syn::Pat::Type(t) => super::is_box_type(&t.ty),
            _ => init.is_some_and(|i| is_box_constructor(&i.expr)),
        };
        if boxed && bindings.len() == 1 {
            self.ir.boxes.insert(bindings[0]);
        }
    }

    /// What the macro notes about a `let`'s bindings for later arms and the plan: a written
    /// or spelled type, a builder's shadowed receiver, a binding without a value.
    pub(super) fn note_let_facts(
        &mut self,
        local: &syn::Local,
        bindings: &[BindingId],
        init: Option<&crate::lower::flat::ir::Expr>,
    ) {
        // `let v: Vec<u32>;` or `let mut last: u64 = 0;`, assigned after a yield: the arm
        // that assigns it declares it with its type (`emit/arm.rs`), which may be all that
        // types the value (`last = line.parse().unwrap();`).
        if let (syn::Pat::Type(t), [binding]) = (&local.pat, bindings)
            && matches!(&*t.pat, syn::Pat::Ident(_))
            && crate::parse::nameable(&t.ty)
        {
            self.ir.declared_types.insert(*binding, (*t.ty).clone());
        }
        // `let mut last = 0u64;`, `let mut x = 0 as u32;`: the type the value spells.
        if let (syn::Pat::Ident(_), [binding], Some(init)) = (&local.pat, bindings, &local.init)
            && let Some(ty) = spelled_type(&init.expr)
        {
            self.ir.declared_types.insert(*binding, ty);
        }
        // `let r = r.header("k", "v");`: a builder method of the user's, which may take the
        // shadowed `r` by value (`plan/inexact.rs`).
        if let (syn::Pat::Ident(p), Some(syn_init), Some(built)) = (&local.pat, &local.init, init)
            && shadows_a_builder(&p.ident, &syn_init.expr)
            && let Some(old) = receiver_root(built)
        {
            self.ir.builder_receivers.insert(old);
        }
        // `let a;`: what it holds is judged where it is assigned (`assign.rs`).
        if local.init.is_none() {
            self.ir.deferred.extend(bindings.iter().copied());
        }
    }
}

/// `String`, `Vec`, a map or a set, `Box`, `Rc`, `Arc`: a type name that is never `Copy`.
fn never_copy(name: &str) -> bool {
    super::written_types::STD_CONTAINERS.contains(&name) || matches!(name, "Box" | "Rc" | "Arc")
}

/// `String`, `Vec<T>`, a map or a set, `Box<T>`: a type that is never `Copy`.
pub(super) fn not_copy_type(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.qself.is_none() && p.path.segments.last().is_some_and(
        |s| never_copy(&s.ident.to_string())))
}

/// `Big(vec![])`, `Money { cents: 0 }`, `Total::new()`: a constructor of a type of the
/// user's (a path whose type segment is capitalized and no std type).
pub(super) fn users_constructor(e: &syn::Expr) -> bool {
    let capitalized = |s: &str| s.starts_with(|c: char| c.is_ascii_uppercase());
    let users = |ty: &str| {
        capitalized(ty) && !never_copy(ty) && !super::user_values::STD_CONSTRUCTORS.contains(&ty)
    };
    match e {
        syn::Expr::Paren(p) => users_constructor(&p.expr),
        syn::Expr::Struct(s) => s
            .path
            .segments
            .last()
            .is_some_and(|seg| users(&seg.ident.to_string())),
        syn::Expr::Call(_) => {
            super::syntax_facts::callee_segments(e).is_some_and(|segs| match &segs[..] {
                [.., ty] if capitalized(ty) => users(ty),
                [.., ty, _] => users(ty),
                _ => false,
            })
        }
        _ => false,
    }
}

/// `[G::new("a"), G::new("b")]`, `vec![Job { .. }]`: a list of values of constructors of the
/// user's, whose items a `for` loop binds.
pub(super) fn lists_users_constructions(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Paren(p) => lists_users_constructions(&p.expr),
        syn::Expr::Array(a) => !a.elems.is_empty() && a.elems.iter().all(users_constructor),
        syn::Expr::Macro(m) if m.mac.path.is_ident("vec") => m
            .mac
            .parse_body_with(
                syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated,
            )
            .is_ok_and(|elems| !elems.is_empty() && elems.iter().all(users_constructor)),
        _ => false,
    }
}

/// `vec![..]`, `format!(..)`, `Vec::new()`, `String::from(..)`, `x.to_string()`,
/// `.to_vec()`, `.collect::<Vec<_>>()`: a value of a type that is never `Copy`.
fn makes_a_collection(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Paren(p) => makes_a_collection(&p.expr),
        syn::Expr::Macro(m) => m.mac.path.is_ident("vec") || m.mac.path.is_ident("format"),
        syn::Expr::MethodCall(m) => match m.method.to_string().as_str() {
            "to_string" | "to_vec" => m.args.is_empty(),
            "collect" => m.turbofish.as_ref().is_some_and(|t| {
                matches!(t.args.last(), Some(syn::GenericArgument::Type(ty)) if not_copy_type(ty))
            }),
            _ => false,
        },
        syn::Expr::Call(_) => {
            super::syntax_facts::callee_segments(e).is_some_and(|segs| match &segs[..] {
                [.., ty, f] => {
                    never_copy(ty)
                        && matches!(f.as_str(), "new" | "from" | "with_capacity" | "default")
                }
                _ => false,
            })
        }
        _ => false,
    }
}

/// `Box::new(..)`, `Box::from(..)`, `Box::default()`.
fn is_box_constructor(e: &syn::Expr) -> bool {
    super::syntax_facts::callee_segments(e).is_some_and(|segments| {
        matches!(
            segments
                .iter()
                .rev()
                .take(2)
                .map(String::as_str)
                .collect::<Vec<_>>()[..],
            ["new" | "from" | "default", "Box"]
        )
    })
}

/// `m.lock().unwrap()`, `cell.borrow_mut()`, `rw.read()?`: a lock or `RefCell` guard.
pub(crate) fn makes_guard(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Try(t) => makes_guard(&t.expr),
        syn::Expr::Paren(p) => makes_guard(&p.expr),
        syn::Expr::MethodCall(m) => match m.method.to_string().as_str() {
            "unwrap" | "expect" => makes_guard(&m.receiver),
            "lock" | "read" | "write" | "borrow" | "borrow_mut" => m.args.is_empty(),
            _ => false,
        },
        _ => false,
    }
}

/// `m.lock().unwrap()`, `rw.read().expect(..)`, `m.lock()` (a lock that returns its guard),
/// `cell.borrow()`, `cell.borrow_mut()`: a guard whose drop releases a lock or a borrow.
/// (`sensor.read()` alone may be a method of the user's that returns data.)
fn certain_guard(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Paren(p) => certain_guard(&p.expr),
        syn::Expr::MethodCall(m) => match m.method.to_string().as_str() {
            "unwrap" | "expect" => matches!(&*m.receiver, syn::Expr::MethodCall(inner)
                if inner.args.is_empty()
                    && matches!(inner.method.to_string().as_str(), "lock" | "read" | "write")),
            "lock" | "borrow" | "borrow_mut" => m.args.is_empty(),
            _ => false,
        },
        _ => false,
    }
}

/// `String::from(..)`, `String::new()`, `format!(..)`, `x.to_string()`, `s.to_lowercase()`,
/// `s.replace(a, b)`, `fs::read_to_string(..)?` (or `.unwrap_or_default()`): a `String`.
pub(super) fn makes_text(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Try(t) => makes_text(&t.expr),
        syn::Expr::Paren(p) => makes_text(&p.expr),
        syn::Expr::Macro(m) => m.mac.path.is_ident("format"),
        syn::Expr::MethodCall(m) => match m.method.to_string().as_str() {
            "unwrap" | "expect" | "unwrap_or_default" | "unwrap_or" | "unwrap_or_else" => {
                makes_text(&m.receiver)
            }
            "to_string" | "to_lowercase" | "to_uppercase" => m.args.is_empty(),
            "replace" | "replacen" => m.args.len() >= 2,
            // `words.join(" ")`: joined by text, a `String`.
            "join" => matches!(m.args.first(), Some(syn::Expr::Lit(l))
                if matches!(l.lit, syn::Lit::Str(_))),
            _ => false,
        },
        syn::Expr::Call(_) => {
            super::syntax_facts::callee_segments(e).is_some_and(|segs| match &segs[..] {
                [.., f] if f == "read_to_string" => true,
                [.., ty, f] => {
                    ty == "String" && matches!(f.as_str(), "from" | "new" | "with_capacity")
                }
                _ => false,
            })
        }
        _ => false,
    }
}

/// The type a number spells (`0u64`, `-1i32`, `1.5f32`, `0 as u64`), if any.
fn spelled_type(e: &syn::Expr) -> Option<syn::Type> {
    match e {
        syn::Expr::Paren(p) => spelled_type(&p.expr),
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => spelled_type(&u.expr),
        syn::Expr::Cast(c) if crate::parse::nameable(&c.ty) => Some((*c.ty).clone()),
        syn::Expr::Lit(l) => {
            let suffix = match &l.lit {
                syn::Lit::Int(i) => i.suffix(),
                syn::Lit::Float(f) => f.suffix(),
                _ => "",
            };
            if suffix.is_empty() {
                return None;
            }
            let ident = syn::Ident::new(suffix, l.lit.span());
            Some(syn::parse_quote!(#ident))
        }
        _ => None,
    }
}

/// Whether `init` is `name.m(..)..` (of `let name = ..`) whose first method is none the
/// macro knows from std: a builder's `self`-taking method, as likely as not.
fn shadows_a_builder(name: &syn::Ident, init: &syn::Expr) -> bool {
    let mut e = init;
    let mut first = None;
    while let syn::Expr::MethodCall(m) = e {
        first = Some(m.method.to_string());
        e = &m.receiver;
    }
    let (syn::Expr::Path(path), Some(first)) = (e, first) else {
        return false;
    };
    if path.path.get_ident() != Some(name) {
        return false;
    }
    let known = [
        super::methods::BORROWING,
        super::methods::ADAPTERS,
        super::methods::OWNED,
        super::methods::MAKES_VALUE,
        super::methods::ELEMENT_ACCESS,
        super::methods::PASS_ON,
        super::methods::PLAIN_RESULT,
        super::methods::REFERENCES_OUT,
        super::methods::NUMERIC,
        super::receiver_methods::KEEPS_RECEIVER,
        super::receiver_methods::MAKES_ITERATOR,
    ]
    .iter()
    .any(|list| list.contains(&first.as_str()));
    !known && !super::operands::consumes_receiver(&first, 0)
}

/// The local at the root of a method chain's receivers (a built expression).
fn receiver_root(e: &crate::lower::flat::ir::Expr) -> Option<BindingId> {
    match &e.kind {
        ExprKind::Op {
            syn: syn::Expr::MethodCall(_),
            operands,
            ..
        } => receiver_root(&operands[0]),
        ExprKind::Place { place, .. } if place.path.is_empty() => Some(place.binding),
        _ => None,
    }
}

impl Builder<'_> {
    /// `while let Some(c) = lx.peek()`, `match cfg.get(k) { .. }`: the bindings of a pattern
    /// matched against a method's value on a place, with the method's name (`Ir::by_method`),
    /// for the borrow error's fix (a `let`'s written type cannot be given here).
    pub(super) fn note_scrutinee_method(&mut self, scrutinee: &syn::Expr, bindings: &[BindingId]) {
        if let syn::Expr::MethodCall(m) = scrutinee
            && let Some(receiver) = super::syntax_facts::place_text(&m.receiver)
        {
            let args = if m.args.is_empty() { "()" } else { "(..)" };
            for binding in bindings {
                self.ir
                    .by_method
                    .entry(*binding)
                    .or_insert((format!("{}{args}", m.method), receiver.clone()));
            }
        }
    }
}
