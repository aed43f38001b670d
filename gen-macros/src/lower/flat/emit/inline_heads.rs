//! Back edges that run their loop head's arm in place instead of jumping to it.
//!
//! The arm of a state resumed inside a lowered loop (after a yield in its body) ends with the
//! loop's back edge: `cur = H(..); continue 'sm;`, and the dispatcher's next round enters the
//! head's arm, which holds the loop as a native loop. LLVM does not thread that jump through
//! the dispatcher (the target is the dispatch loop's header), so each item of such a loop
//! costs two dispatches. Desugar the back edge instead into
//! ```text
//! S(..) => { cur = 'arm: { <the arm of S, its back edge `break 'arm H(..);`> };
//!            match cur { H(f0, ..) => { <the arm of H> } _ => unreachable!() } }
//! ```
//! run after the arm (the back edge is a `break` out of a labelled block around it, so its
//! locals drop where the jump drops them): the same payload moved into the same bindings, with
//! the head's code copied, and one dispatch per item instead of two. The copy is made only for
//! small head arms with no such back edge of their own and nothing whose copy would have a
//! type of its own (closures, `async` blocks), so the expansion still grows linearly with the
//! body and means the same.

use std::collections::HashMap;

use proc_macro2::{Delimiter, Group, Ident, TokenStream, TokenTree};
use quote::quote;

use super::Emitter;
use crate::lower::flat::ir::{MarkId, StateId};
use crate::lower::flat::names;

/// The largest head arm (in tokens) that a back edge copies.
const MAX_HEAD_TOKENS: usize = 400;

/// A back edge whose jump may become a copy of its head's arm.
pub(crate) struct BackEdge {
    marker: Ident,
    head: StateId,
    payload: TokenStream,
    /// The plain jump, if the arm is not copied.
    jump: TokenStream,
}

impl Emitter<'_> {
    /// The back edge of a lowered loop to its head `head`, from an arm where the loop is not
    /// native: a marker that `inline_back_edges` replaces, or the plain jump.
    pub(crate) fn back_edge(&mut self, head: StateId, mark: MarkId) -> TokenStream {
        let jump = self.jump(head, None, mark);
        let copyable = self.plan.cfg.marks[mark].is_some()
            && self.frame.is_none()
            && self.arm.resident.is_none()
            && self.resident[head].is_none()
            && !self.value_params.contains_key(&head)
            && !self.ir.macro_statics;
        if !copyable {
            return jump;
        }
        let payload = self.payload(head, None, mark, None);
        let marker = names::inline_marker(self.back_edges.len());
        self.back_edges.push(BackEdge {
            marker: marker.clone(),
            head,
            payload,
            jump,
        });
        quote!(#marker)
    }
}

/// Replaces every back-edge marker in `arms` (`(state, pattern, body)`): with a `break` out
/// of its arm carrying the payload, the arm then followed by the head's code, or with its
/// plain jump.
pub(crate) fn inline_back_edges(
    arms: &mut [(StateId, TokenStream, TokenStream)],
    edges: Vec<BackEdge>,
) {
    if edges.is_empty() {
        return;
    }
    let heads: HashMap<StateId, (TokenStream, TokenStream)> = arms
        .iter()
        .map(|(s, pattern, body)| (*s, (pattern.clone(), body.clone())))
        .collect();
    let copyable = |head: StateId| {
        heads.get(&head).is_some_and(|(_, body)| {
            count_tokens(body.clone()) <= MAX_HEAD_TOKENS && copyable(body.clone())
        })
    };
    let (arm_label, cur) = (names::arm_label(), names::cur());
    let mut replacements: HashMap<String, TokenStream> = HashMap::new();
    let mut copied: HashMap<String, StateId> = HashMap::new();
    let mut payloads: HashMap<String, TokenStream> = HashMap::new();
    for edge in edges {
        let marker = edge.marker.to_string();
        if copyable(edge.head) {
            let payload = &edge.payload;
            replacements.insert(marker.clone(), quote!(break #arm_label #payload;));
            payloads.insert(marker.clone(), payload.clone());
            copied.insert(marker, edge.head);
        } else {
            replacements.insert(marker, edge.jump);
        }
    }
    for (_, _, body) in arms.iter_mut() {
        let mut targets = Vec::new();
        markers_in(body.clone(), &copied, &mut targets);
        let only_jump = only_the_jump(body.clone(), &payloads);
        let tokens = substitute(std::mem::take(body), &replacements);
        if targets.is_empty() {
            *body = tokens;
            continue;
        }
        targets.sort_unstable();
        targets.dedup();
        let copies = targets.iter().map(|head| {
            let (pattern, code) = &heads[head];
            quote!(#pattern => #code)
        });
        // An arm that is the jump alone (a loop's head right after its yield): the state
        // without the labelled block, whose lone `break` clippy would call a diverging
        // sub-expression of the assignment.
        if let Some(payload) = only_jump {
            *body = quote!({
                #cur = #payload;
                match #cur {
                    #(#copies)*
                    _ => ::core::unreachable!(),
                }
            });
            continue;
        }
        // The arm's own scopes end at the `break`, dropping what they still hold, as they
        // would at the jump; the head's code runs after them.
        *body = quote!({
            #cur = #arm_label: #tokens;
            match #cur {
                #(#copies)*
                _ => ::core::unreachable!(),
            }
        });
    }
}

/// The payload of the copied back edge that is all of `tokens` (an arm with no code but the
/// jump: nested blocks, attributes and `;` around one marker).
fn only_the_jump(
    tokens: TokenStream,
    payloads: &HashMap<String, TokenStream>,
) -> Option<TokenStream> {
    fn walk<'p>(
        tokens: TokenStream,
        payloads: &'p HashMap<String, TokenStream>,
        found: &mut Option<&'p TokenStream>,
    ) -> bool {
        let mut after_hash = false;
        for tree in tokens {
            let ok = match &tree {
                TokenTree::Ident(ident) => match payloads.get(&ident.to_string()) {
                    Some(payload) if found.is_none() => {
                        *found = Some(payload);
                        true
                    }
                    _ => false,
                },
                TokenTree::Punct(p) => p.as_char() == ';' || p.as_char() == '#',
                TokenTree::Group(g) => match g.delimiter() {
                    Delimiter::Brace => walk(g.stream(), payloads, found),
                    Delimiter::Bracket => after_hash,
                    _ => false,
                },
                TokenTree::Literal(_) => false,
            };
            if !ok {
                return false;
            }
            after_hash = matches!(&tree, TokenTree::Punct(p) if p.as_char() == '#');
        }
        true
    }
    let mut found = None;
    (walk(tokens, payloads, &mut found))
        .then_some(found.cloned())
        .flatten()
}

/// The heads of the copied back edges whose markers are in `tokens`.
fn markers_in(tokens: TokenStream, copied: &HashMap<String, StateId>, out: &mut Vec<StateId>) {
    for tree in tokens {
        match tree {
            TokenTree::Ident(ident) => out.extend(copied.get(&ident.to_string())),
            TokenTree::Group(group) => markers_in(group.stream(), copied, out),
            _ => {}
        }
    }
}

fn substitute(tokens: TokenStream, replacements: &HashMap<String, TokenStream>) -> TokenStream {
    tokens
        .into_iter()
        .flat_map(|tree| -> TokenStream {
            match tree {
                TokenTree::Ident(ident) => match replacements.get(&ident.to_string()) {
                    Some(tokens) => tokens.clone(),
                    None => TokenTree::Ident(ident).into(),
                },
                TokenTree::Group(group) => {
                    let mut new =
                        Group::new(group.delimiter(), substitute(group.stream(), replacements));
                    new.set_span(group.span());
                    TokenTree::Group(new).into()
                }
                other => other.into(),
            }
        })
        .collect()
}

fn count_tokens(tokens: TokenStream) -> usize {
    tokens
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Group(group) => 1 + count_tokens(group.stream()),
            _ => 1,
        })
        .sum()
}

/// Whether a copy of `tokens` means the same as the original: no back-edge marker of its own
/// (copies are one level deep), and no closure, `async` block or macro that may make one
/// (`iter! { .. }`, a macro of the user's; std's formatting and assertion macros make none),
/// whose every copy would be a type of its own (a `|` may also be a pattern's or an
/// operator's: those arms stay jumps).
fn copyable(tokens: TokenStream) -> bool {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    trees.iter().enumerate().all(|(i, tree)| match tree {
        TokenTree::Ident(ident) => {
            let name = ident.to_string();
            let macro_call = matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!')
                && matches!(trees.get(i + 2), Some(TokenTree::Group(_)));
            !name.starts_with("__gen_inline")
                && name != "async"
                && (!macro_call || crate::lower::opaque_macros::STD_EXPRESSIONS.contains(&name.as_str()))
        }
        TokenTree::Punct(punct) => punct.as_char() != '|',
        TokenTree::Group(group) => copyable(group.stream()),
        TokenTree::Literal(_) => true,
    })
}
