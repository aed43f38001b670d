//! Resume arms dispatched before the state machine's loop.
//!
//! `next()` runs the state machine as `'sm: loop { match cur { .. } }`, whose arms jump to
//! one another with `cur = S(..); continue 'sm;`: the dispatch is the header of a loop.
//! Inlined into a consumer's `for` loop, the state a suspension stores is a constant that the
//! next call dispatches on, but LLVM does not thread a jump through a loop header, so every
//! item pays an indirect jump through the state's table, and a loop resumed after its yield
//! (`while j < n { yield_!(x); j += 1; }`) costs twice the hand-written iterator. Desugar
//! ```text
//! 'sm: loop { match cur { <arms> } }
//! ```
//! into
//! ```text
//! let machine = gen_core::__private::machine(&cur, |mut cur| 'sm: loop { match cur { <other arms> } });
//! cur = 'sm: loop { match cur { <resume arms moved here>, other => break 'sm other } };
//! machine(cur)
//! ```
//! The first `match` is no loop header: a moved arm that jumps re-enters it with a state it
//! does not hold, which leaves at once for the machine. Only states no arm jumps to are moved
//! (a suspension's resume state), so the machine is never entered with one of them. Each arm
//! is emitted once, so every lint and error of the user's code is reported once, as written.
//!
//! The machine comes first in the text, and rustc infers the state types from the arms in the
//! order it reads them; a moved arm is read after every other arm. Only an arm that cannot
//! change what rustc knows when it reads the others is moved: one whose code has no method
//! call, field access, indexing, dereference, call of a local, macro, `?`, closure or plain
//! assignment (`j += 1`, comparisons, arithmetic, the generated rebinding and jumps only),
//! since each of those needs a type known where it stands or may fix one. Moved, too, are
//! only arms resumed inside a loop that run its head (an item of the loop enters there), and
//! none that writes the stored state before a jump (a jump into a resident loop head), which
//! the machine borrows.

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;

use super::Emitter;
use crate::lower::flat::ir::{Ir, StateId, StateKind};
use crate::lower::flat::names;

/// Takes out of `arms` (`(state, pattern, body)`) the resume arms worth dispatching before
/// the machine (see the module docs), returned as `pattern => body`; each leaves an
/// `S(..) => unreachable!()` arm in the machine.
pub(crate) fn take_entry_arms(
    ir: &Ir,
    arms: &mut [(StateId, TokenStream, TokenStream)],
    em: &Emitter<'_>,
) -> Vec<TokenStream> {
    let mut entry = Vec::new();
    for (s, pattern, body) in arms.iter_mut() {
        let moved = ir.states[*s].kind == StateKind::Resume
            && !em.jump_targets.contains(s)
            && !em.jump_only.contains(s)
            && runs_a_loop_head(body.clone())
            && no_done(body.clone())
            && inference_neutral(body.clone());
        if !moved {
            continue;
        }
        let (ty, variant) = (names::state_enum(), names::variant(*s));
        let unreachable = quote!(#ty::#variant { .. });
        let pattern = std::mem::replace(pattern, unreachable);
        let body = std::mem::replace(body, quote!({ ::core::unreachable!() }));
        entry.push(quote!(#pattern => #body));
    }
    entry
}

/// Whether the arm runs the head of the loop it resumes in (`inline_heads.rs`): the arm an
/// item of a loop enters through, where threading the state pays; straight-line arms keep
/// their single copy, so a long body's expansion does not double.
fn runs_a_loop_head(tokens: TokenStream) -> bool {
    let label = names::arm_label().ident.to_string();
    tokens.into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => ident == label,
        TokenTree::Group(group) => runs_a_loop_head(group.stream()),
        _ => false,
    })
}

/// No `__gen_Done`: a jump into a resident head writes the stored state first.
fn no_done(tokens: TokenStream) -> bool {
    let done = names::done().to_string();
    tokens.into_iter().all(|tree| match tree {
        TokenTree::Ident(ident) => ident != done,
        TokenTree::Group(group) => no_done(group.stream()),
        _ => true,
    })
}

/// Keywords that a parenthesized group may follow without a call.
const KEYWORDS: &[&str] = &[
    "if", "while", "match", "return", "in", "let", "break", "else", "for", "loop", "mut", "as",
];

/// Whether `tokens` (an arm) is free of what makes rustc's inference depend on the order it
/// reads the arms in (see the module docs).
fn inference_neutral(tokens: TokenStream) -> bool {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (k, tree) in trees.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| &trees[p]);
        let next = trees.get(k + 1);
        let ok = match tree {
            // An attribute (`#[allow(..)]` on the generated rebinding).
            TokenTree::Group(group)
                if group.delimiter() == proc_macro2::Delimiter::Bracket
                    && matches!(prev, Some(TokenTree::Punct(p)) if p.as_char() == '#') =>
            {
                true
            }
            // The stored state, `(*generator_state)`: a generated place.
            TokenTree::Group(_) if names::is_st_place(tree) => true,
            TokenTree::Group(group) => {
                let opens_call = group.delimiter() == proc_macro2::Delimiter::Parenthesis
                    && matches!(prev, Some(TokenTree::Ident(i)) if !callable(i, k - 1, &trees));
                let indexes = group.delimiter() == proc_macro2::Delimiter::Bracket;
                !opens_call && !indexes && inference_neutral(group.stream())
            }
            TokenTree::Ident(ident) => {
                let name = ident.to_string();
                let macro_call = matches!(next, Some(TokenTree::Punct(p)) if p.as_char() == '!')
                    && matches!(trees.get(k + 2), Some(TokenTree::Group(_)))
                    && name != "unreachable";
                !macro_call && name != "async" && name != "await"
            }
            TokenTree::Punct(p) => match p.as_char() {
                // `..` is a range; any other `.` a method call or a field.
                '.' => {
                    p.spacing() == proc_macro2::Spacing::Joint
                        && matches!(next, Some(TokenTree::Punct(n)) if n.as_char() == '.')
                        || matches!(prev, Some(TokenTree::Punct(n)) if n.as_char() == '.')
                }
                '?' | '|' => false,
                // A dereference, not a product: no operand before it.
                '*' => !matches!(prev, None | Some(TokenTree::Punct(_))),
                // `=` alone: an assignment, except the generated ones (to the stored state,
                // `cur`) and the generated rebinding `let x = __gen_fN;`.
                '=' => {
                    let joined = p.spacing() == proc_macro2::Spacing::Joint
                        || matches!(prev, Some(TokenTree::Punct(q))
                            if q.spacing() == proc_macro2::Spacing::Joint);
                    joined || generated_assignment(k, &trees)
                }
                _ => true,
            },
            TokenTree::Literal(_) => true,
        };
        if !ok {
            return false;
        }
    }
    true
}

/// Whether the identifier at `k`, followed by `(..)`, is no call of a local: a keyword, a
/// constructor (`Some`, `S3`) or the last segment of a path (`::core::..::Some`).
fn callable(ident: &proc_macro2::Ident, k: usize, trees: &[TokenTree]) -> bool {
    let name = ident.to_string();
    KEYWORDS.contains(&name.as_str())
        || name.starts_with(|c: char| c.is_ascii_uppercase())
        || matches!(k.checked_sub(1).map(|p| &trees[p]), Some(TokenTree::Punct(p)) if p.as_char() == ':')
}

/// An `=` at `k` that the emitter wrote: `(*generator_state) = ..`, `cur = ..`, `let x =
/// __gen_f0` (a state field bound to the user's name) or `__gen_v = ..` (the value a yield
/// hands over, declared of the item's type just before).
fn generated_assignment(k: usize, trees: &[TokenTree]) -> bool {
    let binds_generated = trees[..k]
        .iter()
        .rposition(|t| matches!(t, TokenTree::Ident(i) if i == "let"))
        .and_then(|l| {
            trees[l + 1..k].iter().find_map(|t| match t {
                TokenTree::Ident(i) if i != "mut" => Some(i.to_string()),
                _ => None,
            })
        })
        .is_some_and(|name| name.starts_with("__gen_"))
        && !trees[..k]
            .iter()
            .rev()
            .take_while(|t| !matches!(t, TokenTree::Ident(i) if i == "let"))
            .any(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ';'));
    if binds_generated {
        return true;
    }
    let name = |t: Option<&TokenTree>| match t {
        Some(TokenTree::Ident(i)) => i.to_string(),
        _ => String::new(),
    };
    let before_tree = k.checked_sub(1).map(|p| &trees[p]);
    let before = name(before_tree);
    let after = name(trees.get(k + 1));
    before_tree.is_some_and(names::is_st_place)
        || names::cur() == before
        || names::v() == before
        || after.starts_with("__gen_")
}

/// The dispatch: `machine` (`'sm: loop { match cur { .. } }`) alone, or run after the arms
/// taken out of it (`take_entry_arms`).
pub(crate) fn dispatch(machine: TokenStream, entry: Vec<TokenStream>) -> TokenStream {
    if entry.is_empty() {
        return machine;
    }
    let (cur, sm, run, other) = (
        names::cur(),
        names::sm_label(),
        names::machine(),
        names::other_state(),
    );
    quote! {
        let #run = ::gen_core::__private::machine(&#cur, |#[allow(unused_mut)] mut #cur| #machine);
        #cur = #sm: loop {
            match #cur {
                #(#entry)*
                #other => break #sm #other,
            }
        };
        #run(#cur)
    }
}
