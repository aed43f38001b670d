//! Where rustc reports an item of the wrong type: at the yielded value, not at the macro (an
//! `iter!` has no item type to check it against, so the mismatch shows at the hidden local
//! that hands the item over, located at the value).

use proc_macro2::{TokenStream, TokenTree};

/// The line and column of every `__gen_v` in `tokens`.
fn item_locations(tokens: TokenStream, out: &mut Vec<(usize, usize)>) {
    for tree in tokens {
        match tree {
            TokenTree::Ident(ident) if ident == "__gen_v" => {
                let start = ident.span().start();
                out.push((start.line, start.column));
            }
            TokenTree::Group(group) => item_locations(group.stream(), out),
            _ => {}
        }
    }
}

#[test]
fn the_hidden_item_local_stands_at_the_yielded_value() {
    let item: TokenStream =
        "fn f() -> impl Iterator<Item = u8> {\n    yield_!(1u8);\n    yield_!(\"two\");\n}"
            .parse()
            .expect("the item lexes");
    let expanded = crate::expand::generator(TokenStream::new(), item);
    let mut found = Vec::new();
    item_locations(expanded, &mut found);
    // Line 3, column 12: `"two"` (both the state machine's and the fold copy's hand-over).
    assert!(
        found.iter().filter(|&&at| at == (3, 12)).count() >= 2,
        "the item local of the second yield is not at its value: {found:?}"
    );
    assert!(found.contains(&(2, 12)), "nor the first: {found:?}");
}
