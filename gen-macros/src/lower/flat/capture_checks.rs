//! The checks an `iter!` block asks of its captures, in code that is only type-checked
//! (`if false { .. }` in the block's closure): what its flat lowering assumes of a capture's
//! type, which the macro cannot see, the compiler confirms, each failure one error on the
//! user's token naming the fix (`gen_core::checks`).

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use super::assemble::member;
use super::{ir, plan};

/// Each check, in order: a capture a kept value probably borrows is a shared reference (or,
/// through a field, the field is); a capture a yielded item borrows is one too; a capture a
/// loop moves and a later use reads again is `Copy`.
pub(super) fn capture_checks(ir: &ir::Ir, plan: &plan::Plan) -> Vec<TokenStream> {
    // Each capture a kept value probably borrows must be a shared reference (its error
    // is on the capture's first use in the block).
    let capture_checks = plan.borrowed_captures.iter().map(|&b| {
        let name = &ir.bindings[b].ident;
        let checked = borrowed_capture_places(ir, b)
            .into_iter()
            .map(|(fields, at)| {
                let ident = proc_macro2::Ident::new(&name.to_string(), at);
                if fields.is_empty() {
                    return quote_spanned!(at=> ::gen_core::checks::borrowed_capture(&#ident););
                }
                // Either the capture or the field must be a shared reference
                // (`gen_core::checks::CaptureField`); one of the two traits serves, the import
                // of the other is unused.
                let members = fields.iter().map(|name| member(name, at));
                quote_spanned!(at=> {
                    #[allow(unused_imports)]
                    use ::gen_core::checks::{
                        FieldOfACaptureIsAReference as _, WholeCaptureIsAReference as _,
                    };
                    (&::gen_core::checks::CaptureField::new(&#ident, &#ident #(.#members)*))
                        .check_borrowed_field();
                })
            });
        quote!(#(#checked)*)
    });
    // Each capture a yielded item borrows must be a shared reference too.
    // (Not one the first check asks already: one error per capture.)
    let item_checks = ir
        .yielded_captures
        .iter()
        .filter(|(b, _)| !plan.borrowed_captures.contains(b))
        .map(|&(b, at)| {
            let ident = proc_macro2::Ident::new(&ir.bindings[b].ident.to_string(), at);
            quote_spanned!(at=> ::gen_core::checks::yielded_capture(&#ident);)
        });
    // Each capture a loop moves and a later use reads again must be `Copy`.
    let copy_checks = plan.looped_copies.iter().map(|&(b, at)| {
        let ident = proc_macro2::Ident::new(&ir.bindings[b].ident.to_string(), at);
        quote_spanned!(at=> ::gen_core::checks::looped_capture(&#ident);)
    });
    capture_checks
        .chain(item_checks)
        .chain(copy_checks)
        .collect()
}

/// The places of capture `b` that `gen_core::checks` checks, each with where the body first
/// borrows it: each field path the body borrows it through (`v.data` of `v.data.iter()`: a
/// reference field borrows what it points to), or the capture itself when some borrow takes
/// it whole.
fn borrowed_capture_places(ir: &ir::Ir, b: ir::BindingId) -> Vec<(Vec<String>, Span)> {
    let mut places: Vec<(Vec<String>, Span)> = Vec::new();
    for (binding, path, at) in ir.capture_borrow_paths.borrow().iter() {
        if *binding == b && !places.iter().any(|(p, _)| p == path) {
            places.push((path.clone(), *at));
        }
    }
    match places.iter().find(|(path, _)| path.is_empty()) {
        Some(whole) => vec![whole.clone()],
        None if places.is_empty() => vec![(Vec::new(), ir.bindings[b].ident.span())],
        None => places,
    }
}
