//! What printing asks of where the code is printed: the fold copy or an arm of the state
//! machine.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;

use crate::lower::flat::ir::{LoopId, MarkId, Place, Use};

/// What printing depends on: the fold copy or an arm of the state machine.
pub(crate) trait Context {
    /// Tokens for a place the user names (use number `id`), when they are not the user's own.
    fn place(&mut self, place: &Place, how: Use, id: usize) -> Option<TokenStream>;
    /// Tokens for `place = value` (use number `id`), when the assignment needs more than that.
    fn assign(&mut self, place: &Place, value: TokenStream, id: usize) -> Option<TokenStream>;
    /// A yield (only the fold copy prints one).
    /// `span`: the user's `yield_`; `end`: the end of the user's call.
    fn yield_(&mut self, value: TokenStream, from: bool, span: Span, end: Span) -> TokenStream;
    /// `e?` of the generator.
    fn try_(&mut self, inner: TokenStream, question: Span) -> TokenStream;
    /// `return;` of the generator.
    fn return_(&mut self, span: Span) -> TokenStream;
    /// `return Err(e)` in a generator of `Result` items: the error is the last item.
    fn return_error(&mut self, value: TokenStream, span: Span) -> TokenStream;
    /// A `break`/`continue` to a loop outside the printed code (`None`: leave it as written).
    fn jump(
        &mut self,
        target: LoopId,
        is_continue: bool,
        value: Option<TokenStream>,
        mark: MarkId,
        span: Span,
    ) -> Option<TokenStream>;
    /// What opens every printed block of `scope`: its `use` declarations when they are not
    /// printed where they stand, re-imports of items declared elsewhere.
    fn block_prelude(&mut self, scope: crate::lower::flat::ir::ScopeId) -> TokenStream;
    /// Bindings the printed code declares (they shadow outer names for glue printed after
    /// them); `forget(n)` ends the ones declared since `declared(&[])` returned `n`.
    fn declared(&mut self, bindings: &[crate::lower::flat::ir::BindingId]) -> usize;
    fn forget(&mut self, mark: usize);
    /// Whether this is the one copy of the body that holds every statement where the user
    /// wrote it (the fold copy): only there does an unused `use` warn.
    fn exact(&self) -> bool;
    /// After `let binding = <init>;` whose value the state machine hands to `join`: what
    /// this copy writes to say so (the fold copy: `fold.rs`'s type tie).
    fn joined(
        &mut self,
        _join: crate::lower::flat::ir::StateId,
        _binding: crate::lower::flat::ir::BindingId,
    ) -> TokenStream {
        TokenStream::new()
    }
    /// A pattern that binds `bindings`, as this copy of the body writes it.
    fn pat(
        &mut self,
        pat: &syn::Pat,
        bindings: &[crate::lower::flat::ir::BindingId],
    ) -> TokenStream {
        let _ = bindings;
        pat.to_token_stream()
    }
}
