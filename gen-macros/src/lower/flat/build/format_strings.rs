//! The names a format string captures (`{name}`, `{x:>width$}`), read from its text.

/// The placeholders of a format string, each split into what it names (before any `:`,
/// possibly empty or a position) and its spec (after the `:`); `{{` is no placeholder.
fn placeholders(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '{' {
            continue;
        }
        if chars.peek() == Some(&'{') {
            chars.next();
            continue;
        }
        let inner: String = std::iter::from_fn(|| chars.next_if(|c| *c != '}')).collect();
        let (named, spec) = inner.split_once(':').unwrap_or((&inner, ""));
        out.push((named.to_string(), spec.to_string()));
    }
    out
}

fn is_name(text: &str) -> bool {
    text.starts_with(|c: char| c.is_alphabetic() || c == '_')
        && text.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// The names a format spec captures (`width$`, `prec$` in `>width$.prec$`).
fn spec_captures(spec: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut word = String::new();
    for c in spec.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        if c == '$' && is_name(&word) {
            names.push(word.clone());
        }
        word.clear();
    }
    names
}

/// The one name every placeholder of a format string captures (`"{x}"`, `"{x:?} and {x}"`):
/// none for a positional placeholder (`{}`, `{0}`), another name, or a `width$` in a spec.
pub(super) fn single_capture(text: &str) -> Option<String> {
    let mut name: Option<String> = None;
    for (named, spec) in placeholders(text) {
        if !is_name(&named)
            || !spec_captures(&spec).is_empty()
            || name.as_ref().is_some_and(|n| *n != named)
        {
            return None;
        }
        name = Some(named);
    }
    name
}

/// The identifier a format string's `{name}` captures: `r#type` for `{type}`, a keyword
/// (which only a raw identifier can name as a variable).
pub(crate) fn capture_ident(name: &str, span: proc_macro2::Span) -> syn::Ident {
    let keyword = syn::parse_str::<syn::Ident>(name).is_err();
    if keyword && !matches!(name, "self" | "Self" | "super" | "crate" | "_") {
        syn::Ident::new_raw(name, span)
    } else {
        syn::Ident::new(name, span)
    }
}

/// Names captured by a format string: `{name}`, `{name:..}`, and `width$` / `prec$` inside a
/// format spec (`{x:>width$.prec$}`).
pub(crate) fn format_captures(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (named, spec) in placeholders(text) {
        if is_name(&named) {
            names.push(named);
        }
        names.extend(spec_captures(&spec));
    }
    names
}
