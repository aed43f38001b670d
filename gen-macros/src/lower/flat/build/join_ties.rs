//! Whether the fold copy may tie a joined `let`'s type to the join's value in the state
//! (`fold.rs`): not when that value may be a closure (or an `async` block) of one branch,
//! whose type is the copy's own. With two or more branches giving values, a closure among
//! them makes the `let` a function pointer (their common type), the same in both copies.

use syn::Expr;

/// Whether tying the type of `init`'s value is sound (see the module doc).
pub(super) fn safe(init: &Expr) -> bool {
    let mut tails = Vec::new();
    value_tails(init, &mut tails);
    let unique_type =
        |e: &Expr| crate::lower::flat::holds(e, |x| matches!(x, Expr::Closure(_) | Expr::Async(_)));
    !tails.iter().any(|t| unique_type(t)) || tails.len() >= 2
}

/// The expressions whose value `e` takes, through blocks, `if`/`else` and `match` arms,
/// leaving out those that diverge (`return`, `break`, `continue`, `panic!`-like macros).
fn value_tails<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
    match e {
        Expr::Paren(p) => value_tails(&p.expr, out),
        Expr::Block(b) => block_tail(&b.block, out),
        Expr::Unsafe(u) => block_tail(&u.block, out),
        Expr::If(i) => {
            block_tail(&i.then_branch, out);
            if let Some((_, other)) = &i.else_branch {
                value_tails(other, out);
            }
        }
        Expr::Match(m) => m.arms.iter().for_each(|a| value_tails(&a.body, out)),
        Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => {}
        Expr::Macro(m)
            if m.mac.path.segments.last().is_some_and(|s| {
                matches!(
                    s.ident.to_string().as_str(),
                    "panic" | "unreachable" | "todo" | "unimplemented"
                )
            }) => {}
        _ => out.push(e),
    }
}

fn block_tail<'a>(block: &'a syn::Block, out: &mut Vec<&'a Expr>) {
    if let Some(syn::Stmt::Expr(tail, None)) = block.stmts.last() {
        value_tails(tail, out);
    }
}
