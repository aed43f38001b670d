//! Blocks and statement lists: desugar each statement into its IR form, give a lowered
//! statement the join its successors resume at, and sort the block's items.

use syn::{Item, Stmt as SynStmt};

use super::{Builder, macros};
use crate::lower::flat::ir::{Block, ItemRef, Mark, Reusable, StateKind, Stmt};

impl Builder<'_> {
    /// Builds a block: its own scope around its statements. `value`: its value goes to a join
    /// (which decides whether its last lowered statement needs a join of its own). `top`: the
    /// body's own block, whose items are visible in the whole function.
    pub(crate) fn block(&mut self, block: &syn::Block, value: bool, top: bool) -> Block {
        self.block_after(None, block, value, top)
    }

    /// `{ prefix; <block's statements> }` of a block that yields no value: `block`'s own
    /// statements are built from the user's syntax (the builder knows some nodes by address:
    /// a macro's parsed input, the compounds a round asks to lower), not from a copy.
    pub(crate) fn block_with_prefix(&mut self, prefix: &SynStmt, block: &syn::Block) -> Block {
        self.block_after(Some(prefix), block, false, false)
    }

    fn block_after(
        &mut self,
        prefix: Option<&SynStmt>,
        block: &syn::Block,
        value: bool,
        top: bool,
    ) -> Block {
        let scope = self.push_scope();
        let mut stmts = match prefix {
            Some(prefix) => self.stmts(std::slice::from_ref(prefix), false, false),
            None => Vec::new(),
        };
        stmts.extend(self.stmts(&block.stmts, value, top));
        let end = self.mark(Mark::End);
        self.pop_scope(scope);
        let split = stmts.iter().any(Stmt::split);
        Block {
            scope,
            stmts,
            end,
            split,
        }
    }

    fn stmts(&mut self, stmts: &[SynStmt], value: bool, top: bool) -> Vec<Stmt> {
        let mut out = Vec::new();
        for (i, stmt) in stmts.iter().enumerate() {
            let last = i + 1 == stmts.len();
            if let Some(conditional) = self.conditional_stmt(stmt) {
                out.push(conditional);
                continue;
            }
            match stmt {
                SynStmt::Local(local) => {
                    // Desugar `let P = v [else { .. }];` whose variant bindings are copies
                    // into `<check of P>; let P = v [else { .. }];` (`variant_moves.rs`).
                    if let Some(init) = &local.init {
                        out.extend(self.variant_check(&local.pat, &init.expr));
                    }
                    out.push(Stmt::Let(Box::new(self.local(local))));
                }
                SynStmt::Expr(expr, semi) => {
                    let tail_value = value && semi.is_none() && last;
                    let built = self.expr_in(expr, crate::lower::flat::ir::Use::Value, tail_value);
                    // A plain yield statement resumes into the rest of the list.
                    let is_yield =
                        matches!(built.kind, crate::lower::flat::ir::ExprKind::Yield { .. });
                    // A lowered statement jumps to a join after it, unless its end is the
                    // block's end (it is last, and its value is the block's, or the block
                    // delivers nothing), it is a plain yield (its resume state runs on), or
                    // only its native paths reach its end (`if c { yield_!(x); continue; }`:
                    // the code after it runs on in the same arm, `super::nodes::falls_through`).
                    let tail = last && (semi.is_none() || !value);
                    let falls_through = !last && super::nodes::falls_through(&built);
                    let join = (built.split && !tail && !is_yield && !falls_through)
                        .then(|| self.new_state(StateKind::Join { value: false }));
                    out.push(Stmt::Expr {
                        expr: built,
                        semi: semi.is_some(),
                        join,
                    });
                }
                SynStmt::Item(item) => {
                    let item = self.item(item, top);
                    out.push(Stmt::Item(item));
                }
                SynStmt::Macro(mac) => {
                    if macros::declares_items(&mac.mac) {
                        let item = self.item(
                            &Item::Macro(syn::ItemMacro {
                                attrs: mac.attrs.clone(),
                                ident: None,
                                mac: mac.mac.clone(),
                                semi_token: mac.semi_token,
                            }),
                            top,
                        );
                        out.push(Stmt::Item(item));
                        continue;
                    }
                    let built = self.macro_expr(&mac.mac);
                    out.push(Stmt::Expr {
                        expr: built,
                        semi: mac.semi_token.is_some(),
                        join: None,
                    });
                }
            }
        }
        out
    }

    /// Sorts an item of the current block: `use` and `macro_rules!` are emitted wherever the
    /// block's code is; anything else is declared once (`items.rs`).
    fn item(&mut self, item: &Item, top: bool) -> ItemRef {
        let scope = self.scope();
        let reusable = match item {
            Item::Use(_) => true,
            Item::Macro(m) => m.mac.path.is_ident("macro_rules"),
            _ => false,
        };
        if let Item::Macro(m) = item
            && macros::mentions_static(&m.mac.tokens)
        {
            self.ir.macro_statics = true;
        }
        if reusable {
            let seq = self.next_seq();
            self.ir.scopes[scope].reusable.push(Reusable {
                item: item.clone(),
                seq,
            });
            return ItemRef::Reusable(self.ir.scopes[scope].reusable.len() - 1);
        }
        if !top {
            self.ir.nested_items = true;
        }
        self.ir.scopes[scope].items.push(item.clone());
        ItemRef::Declared
    }
}

impl Stmt {
    pub(crate) fn split(&self) -> bool {
        match self {
            Stmt::Let(l) => {
                l.init.as_ref().is_some_and(|e| e.split)
                    || l.diverge.as_ref().is_some_and(|e| e.split)
            }
            Stmt::Expr { expr, .. } => expr.split,
            Stmt::Item(_) => false,
        }
    }
}
