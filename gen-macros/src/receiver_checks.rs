//! `self` in a generator that takes no `self` parameter (rustc's E0424 would name what the
//! lowering calls the receiver, `__gen_self`), and an assignment to a field of `self` in a
//! generator method that takes `&self` (`self.count += 1;`), reported on the user's assignment as rustc reports it for the plain
//! method, naming the fix. rustc's own error would name the receiver as the flat lowering
//! binds it again in every state (`self_`) and suggest fixes that do not apply (a
//! `#[derive(Clone)]`, `&self: &mut Counter`); in an async or `boxed` generator it points at
//! the macro.

use syn::visit::{self, Visit};
use syn::{Block, Expr, Signature};

use crate::lower::flat::build::operands::is_compound;

/// The errors for `block`, the body of a generator with signature `sig`.
pub(crate) fn check(block: &Block, sig: &Signature) -> Vec<syn::Error> {
    let Some(receiver) = sig.receiver() else {
        let mut find = SelfWithoutReceiver(Vec::new());
        find.visit_block(block);
        return find.0;
    };
    let shared = receiver.reference.is_some() && receiver.mutability.is_none();
    // `self: &Self` is the same receiver written out.
    let written = receiver.colon_token.is_some()
        && matches!(&*receiver.ty, syn::Type::Reference(r) if r.mutability.is_none());
    if !(shared || written) {
        return Vec::new();
    }
    let mut find = Assignments(Vec::new());
    find.visit_block(block);
    find.0
}

struct Assignments(Vec<syn::Error>);

impl Assignments {
    fn assigned(&mut self, place: &Expr, assignment: &Expr) {
        let Some(shown) = field_of_self(place) else {
            return;
        };
        self.0.push(syn::Error::new_spanned(
            assignment,
            format!(
                "cannot assign to `{shown}`, which is behind a `&` reference: this method takes \
                 `&self`; take `&mut self` to change a field"
            ),
        ));
    }
}

impl<'ast> Visit<'ast> for Assignments {
    fn visit_expr(&mut self, e: &'ast Expr) {
        match e {
            Expr::Assign(a) => self.assigned(&a.left, e),
            Expr::Binary(b) if is_compound(&b.op) => self.assigned(&b.left, e),
            _ => {}
        }
        visit::visit_expr(self, e);
    }

    // A nested item has its own `self`.
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// The uses of `self` in the body of a generator without a `self` parameter.
struct SelfWithoutReceiver(Vec<syn::Error>);

impl SelfWithoutReceiver {
    fn found(&mut self, at: proc_macro2::Span) {
        self.0.push(syn::Error::new(
            at,
            "`self` value is a keyword only available in methods with a `self` parameter; \
             this generator takes none (add `&self`, `&mut self` or `self` to the parameters \
             of a method, or pass the value as an argument)",
        ));
    }

    /// A macro's input (`yield_!(self.x)`, `format!("{}", self.n)`): `self` not before `::`.
    fn tokens(&mut self, tokens: proc_macro2::TokenStream) {
        let trees: Vec<_> = tokens.into_iter().collect();
        for (i, tree) in trees.iter().enumerate() {
            match tree {
                proc_macro2::TokenTree::Group(g) => self.tokens(g.stream()),
                proc_macro2::TokenTree::Ident(ident) if ident == "self" => {
                    let path = matches!(trees.get(i + 1),
                        Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == ':');
                    let after_path = i > 0
                        && matches!(&trees[i - 1],
                            proc_macro2::TokenTree::Punct(p) if p.as_char() == ':');
                    if !path && !after_path {
                        self.found(ident.span());
                    }
                }
                _ => {}
            }
        }
    }
}

impl<'ast> Visit<'ast> for SelfWithoutReceiver {
    fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
        if p.qself.is_none() && p.path.is_ident("self") {
            self.found(syn::spanned::Spanned::span(p));
        }
        visit::visit_expr_path(self, p);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.tokens(mac.tokens.clone());
    }

    // A nested item has its own `self`.
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// `self.a.b` (fields only) as written, if `place` is one.
fn field_of_self(place: &Expr) -> Option<String> {
    match place {
        Expr::Field(f) => {
            let base = match &*f.base {
                Expr::Path(p) if p.path.is_ident("self") => "self".to_owned(),
                other => field_of_self(other)?,
            };
            let member = match &f.member {
                syn::Member::Named(n) => n.to_string(),
                syn::Member::Unnamed(i) => i.index.to_string(),
            };
            Some(format!("{base}.{member}"))
        }
        Expr::Paren(p) => field_of_self(&p.expr),
        _ => None,
    }
}
