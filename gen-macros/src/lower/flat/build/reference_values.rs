//! Whether an expression's value is made of references (`&x`, `x.iter()`, `"lit"`), so that
//! bindings matched against it are references, judged from its syntax.

use syn::Expr as SynExpr;

use super::methods::BORROWING;

/// Bindings matched against it are references: `&x`, `x.iter()`, `x.as_ref()`, ...
pub(crate) fn yields_references(e: &SynExpr) -> bool {
    match e {
        SynExpr::Reference(_) => true,
        // A string literal is a `&'static str`.
        SynExpr::Lit(l) => matches!(l.lit, syn::Lit::Str(_) | syn::Lit::ByteStr(_)),
        // `if f { &a } else { &b }` (an extended temporary's hidden local, `extended_temps.rs`):
        // every branch's value, or a branch that diverges.
        SynExpr::Block(b) => tail_yields_references(&b.block),
        SynExpr::If(i) => {
            tail_yields_references(&i.then_branch)
                && i.else_branch
                    .as_ref()
                    .is_some_and(|(_, other)| yields_references(other) || diverges(other))
        }
        SynExpr::Match(m) => {
            m.arms.iter().any(|arm| yields_references(&arm.body))
                && m.arms
                    .iter()
                    .all(|arm| yields_references(&arm.body) || diverges(&arm.body))
        }
        // `parts.next().unwrap_or("")`: of the argument's type.
        SynExpr::MethodCall(m) if m.method == "unwrap_or" => {
            m.args.first().is_some_and(yields_references)
        }
        SynExpr::Paren(p) => yields_references(&p.expr),
        SynExpr::Tuple(t) => !t.elems.is_empty() && t.elems.iter().all(yields_references),
        // `v.iter().rev()`, `next.iter().skip(1)`: an adapter that hands the items on.
        SynExpr::MethodCall(m)
            if super::methods::HANDS_ITEMS_ON.contains(&m.method.to_string().as_str()) =>
        {
            yields_references(&m.receiver)
        }
        // `v.iter().enumerate()`, `v.iter().zip(0..)`, `a.iter().zip(b.iter())`: pairs of
        // references and numbers.
        SynExpr::MethodCall(m) if m.method == "enumerate" && m.args.is_empty() => {
            yields_references(&m.receiver)
        }
        SynExpr::MethodCall(m) if m.method == "zip" && m.args.len() == 1 => {
            yields_references(&m.receiver)
                && (yields_references(&m.args[0]) || matches!(&m.args[0], SynExpr::Range(_)))
        }
        SynExpr::MethodCall(m) => {
            let name = m.method.to_string();
            BORROWING.contains(&name.as_str()) && name != "split_once" && name != "split_at"
        }
        _ => false,
    }
}

fn tail_yields_references(block: &syn::Block) -> bool {
    matches!(block.stmts.last(), Some(syn::Stmt::Expr(tail, None)) if yields_references(tail))
}

/// `return`, `break`, `continue`, `panic!(..)`, `unreachable!()`: no value.
fn diverges(e: &SynExpr) -> bool {
    match e {
        SynExpr::Return(_) | SynExpr::Break(_) | SynExpr::Continue(_) => true,
        SynExpr::Macro(m) => m
            .mac
            .path
            .get_ident()
            .is_some_and(|i| matches!(i.to_string().as_str(), "panic" | "unreachable" | "todo")),
        SynExpr::Block(b) => {
            matches!(b.block.stmts.last(), Some(syn::Stmt::Expr(tail, _)) if diverges(tail))
        }
        _ => false,
    }
}
