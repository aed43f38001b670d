//! What a `let`'s initializer (or its written type) says about the binding: a reader, text,
//! a lock's or `RefCell`'s guard, a box, a value made by a method on a place, the hidden local
//! of a yield's temporary. Judged from syntax, for the analyses and the error messages.

use super::Builder;
use super::written_types::is_text;
use crate::lower::flat::ir::BindingId;

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
