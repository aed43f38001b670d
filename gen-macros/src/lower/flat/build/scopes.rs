//! The builder's scope and loop stacks: declaring and resolving bindings (shadowing decided
//! by scope), and allocating states, marks and loops.

use syn::Ident;

use super::{Builder, LoopFrame};
use crate::lower::flat::ir::{
    Binding, BindingId, BindingKind, Borrows, LoopId, LoopInfo, LoopKind, Mark, MarkId, Scope,
    ScopeId, StateId, StateInfo, StateKind,
};

impl Builder<'_> {
    pub(super) fn push_scope(&mut self) -> ScopeId {
        let id = self.ir.scopes.len();
        self.ir.scopes.push(Scope {
            parent: self.scopes.last().copied(),
            bindings: Vec::new(),
            reusable: Vec::new(),
            unsafety: false,
            attrs: Vec::new(),
            items: Vec::new(),
        });
        self.scopes.push(id);
        id
    }

    pub(super) fn pop_scope(&mut self, id: ScopeId) {
        let popped = self.scopes.pop();
        debug_assert_eq!(popped, Some(id));
    }

    pub(super) fn scope(&self) -> ScopeId {
        *self.scopes.last().expect("a scope is open")
    }

    pub(super) fn in_closure(&self) -> bool {
        !self.closures.is_empty()
    }

    pub(crate) fn declare(
        &mut self,
        ident: &Ident,
        mutable: bool,
        kind: BindingKind,
        by_ref: bool,
        borrows: Borrows,
    ) -> BindingId {
        let id = self.ir.bindings.len();
        let scope = self.scope();
        let seq = self.next_seq();
        self.ir.bindings.push(Binding {
            ident: ident.clone(),
            mutable,
            kind,
            by_ref,
            mut_ref: false,
            owns: false,
            plain: false,
            scope,
            borrows,
            span: ident.span(),
            seq,
        });
        self.ir.scopes[scope].bindings.push(id);
        id
    }

    /// The binding `name` refers to here (`r#bar` is `bar`).
    pub(super) fn resolve(&self, name: &Ident) -> Option<BindingId> {
        use syn::ext::IdentExt;
        let text = name.unraw();
        for &scope in self.scopes.iter().rev() {
            let found = self.ir.scopes[scope]
                .bindings
                .iter()
                .rev()
                .copied()
                .find(|&b| self.ir.bindings[b].ident.unraw() == text);
            if found.is_some() {
                return found;
            }
        }
        None
    }

    pub(super) fn new_state(&mut self, kind: StateKind) -> StateId {
        let seq = self.next_seq();
        self.ir.states.push(StateInfo {
            kind,
            scope: self.scope(),
            head_of: None,
            seq,
        });
        self.ir.states.len() - 1
    }

    pub(super) fn next_seq(&mut self) -> usize {
        self.ir.seq += 1;
        self.ir.seq
    }

    pub(super) fn mark(&mut self, mark: Mark) -> MarkId {
        self.ir.marks.push(mark);
        self.ir.marks.len() - 1
    }

    pub(super) fn new_loop(
        &mut self,
        kind: LoopKind,
        label: Option<&syn::Label>,
        value: bool,
    ) -> LoopId {
        let id = self.ir.loops.len();
        self.ir.loops.push(LoopInfo {
            kind,
            site: 0,
            head: None,
            label_used: false,
        });
        self.loops.push(LoopFrame {
            id,
            label: label.map(|l| l.name.ident.to_string()),
            kind,
            value,
        });
        id
    }

    /// The loop a `break`/`continue` with `label` targets (noting that its label is used).
    pub(super) fn target_used(&mut self, label: Option<&syn::Lifetime>) -> Option<LoopId> {
        let Some(id) = self.target(label).map(|f| f.id) else {
            // A label no enclosing loop or block declares (`continue 'row` in `'rows: for`):
            // the plain function's error, which the `boxed` form reports as written, once,
            // with rustc's "similarly named label" (a loop the state machine lowered has no
            // label left to name).
            if label.is_some() {
                self.ir.inexpressible = true;
            }
            return None;
        };
        if label.is_some() {
            self.ir.loops[id].label_used = true;
        }
        Some(id)
    }

    /// The loop a `break`/`continue` with `label` targets.
    pub(super) fn target(&self, label: Option<&syn::Lifetime>) -> Option<&LoopFrame> {
        self.loops.iter().rev().find(|frame| match label {
            Some(label) => frame.label.as_deref() == Some(&label.ident.to_string()),
            None => frame.kind != LoopKind::Block,
        })
    }
}
