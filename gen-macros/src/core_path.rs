//! The name generated code gives `gen-core`. The expansions name its runtime as
//! `::gen_core::..`, the name of its library; a crate that renames the dependency
//! (`generators = { package = "gen-core", .. }`, or `generators = { workspace = true }` with
//! that rename in `[workspace.dependencies]`) knows it as `::generators` instead. The crate's
//! manifest (`CARGO_MANIFEST_DIR/Cargo.toml`, and its workspace's) says which: desugar every
//! `::gen_core` of an expansion into `::<that name>`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use proc_macro2::{Group, Ident, TokenStream, TokenTree};

/// The package users depend on (change together with `gen-core/Cargo.toml`'s `name`).
const CORE_PACKAGE: &str = "gen-core";
/// Its library's name, which the expansions spell.
const CORE_LIB: &str = "gen_core";

/// `tokens` with `::gen_core` spelled as the crate being compiled names `gen-core`.
pub(crate) fn as_named_by_the_crate(tokens: TokenStream) -> TokenStream {
    match dependency_name() {
        Some(name) if name != CORE_LIB => rename(tokens, &name),
        _ => tokens,
    }
}

/// The name the crate being compiled gives `gen-core`, when its manifest renames it; read
/// once per manifest (a proc-macro server of an IDE expands for many crates).
fn dependency_name() -> Option<String> {
    static NAMES: OnceLock<Mutex<HashMap<PathBuf, Option<String>>>> = OnceLock::new();
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR")?);
    let names = NAMES.get_or_init(Default::default);
    let mut names = names
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    names
        .entry(dir)
        .or_insert_with_key(|dir| renamed_in(dir))
        .clone()
}

/// The key under which the manifest in `dir` (or, for `{ workspace = true }`, its
/// workspace's) depends on `gen-core` under another name, as a crate name.
fn renamed_in(dir: &Path) -> Option<String> {
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).ok()?;
    let deps = dependencies(&manifest, false);
    if let Some(d) = deps
        .iter()
        .find(|d| d.package.as_deref() == Some(CORE_PACKAGE))
    {
        return Some(d.key.replace('-', "_"));
    }
    let inherited: Vec<&str> = deps
        .iter()
        .filter(|d| d.workspace)
        .map(|d| d.key.as_str())
        .collect();
    if inherited.is_empty() {
        return None;
    }
    let root = dir.ancestors().skip(1).find_map(|d| {
        let text = std::fs::read_to_string(d.join("Cargo.toml")).ok()?;
        text.lines()
            .any(|l| l.trim() == "[workspace]")
            .then_some(text)
    })?;
    dependencies(&root, true)
        .into_iter()
        .find(|d| d.package.as_deref() == Some(CORE_PACKAGE) && inherited.contains(&&*d.key))
        .map(|d| d.key.replace('-', "_"))
}

/// One dependency of a manifest: its key, its `package = ".."` and whether it is
/// `workspace = true`.
#[derive(Debug, Default)]
struct Dependency {
    key: String,
    package: Option<String>,
    workspace: bool,
}

/// The dependencies a manifest declares in its dependency tables (`[dependencies]`,
/// `[dev-dependencies]`, `[build-dependencies]`, their `[target.'..'.*]` forms, or
/// `[workspace.dependencies]` when `workspace`), as one-line inline tables or as tables of
/// their own (`[dependencies.generators]`).
fn dependencies(manifest: &str, workspace: bool) -> Vec<Dependency> {
    let is_table = |name: &str| {
        let name = name.trim();
        if workspace {
            name == "workspace.dependencies"
        } else {
            ["dependencies", "dev-dependencies", "build-dependencies"]
                .iter()
                .any(|t| name == *t || (name.starts_with("target.") && name.ends_with(t)))
        }
    };
    let mut out = Vec::new();
    // The table the lines are in: a dependency table, or one dependency's own table.
    let mut in_table = false;
    let mut own: Option<usize> = None;
    for line in manifest.lines() {
        let line = without_comment(line).trim();
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            in_table = is_table(header);
            own = None;
            // `[dependencies.generators]`: the dependency's own table.
            if !in_table
                && let Some((table, key)) = header.trim().rsplit_once('.')
                && is_table(table)
            {
                out.push(Dependency {
                    key: unquoted(key).to_owned(),
                    ..Dependency::default()
                });
                own = Some(out.len() - 1);
            }
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let (key, value) = (unquoted(key.trim()), value.trim());
        if let Some(i) = own {
            match key {
                "package" => out[i].package = Some(unquoted(value).to_owned()),
                "workspace" => out[i].workspace = value == "true",
                _ => {}
            }
        } else if in_table {
            out.push(Dependency {
                key: key.to_owned(),
                package: inline_value(value, "package").map(str::to_owned),
                workspace: inline_value(value, "workspace") == Some("true"),
            });
        }
    }
    out
}

/// The value of `field` in a one-line inline table (`{ package = "gen-core", path = ".." }`),
/// unquoted.
fn inline_value<'v>(table: &'v str, field: &str) -> Option<&'v str> {
    let inner = table.strip_prefix('{')?.strip_suffix('}')?;
    inner.split(',').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (unquoted(k.trim()) == field).then(|| unquoted(v.trim()))
    })
}

/// `s` without the quotes of a TOML string or quoted key.
fn unquoted(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| s.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')))
        .unwrap_or(s)
}

/// `line` up to a `#` that is not inside a string.
fn without_comment(line: &str) -> &str {
    let mut quote = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '#') => return &line[..i],
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    line
}

/// `tokens` with each `::gen_core` path start spelled `::name`.
fn rename(tokens: TokenStream, name: &str) -> TokenStream {
    let mut out: Vec<TokenTree> = Vec::new();
    for tree in tokens {
        let tree = match tree {
            TokenTree::Group(g) => {
                let mut renamed = Group::new(g.delimiter(), rename(g.stream(), name));
                renamed.set_span(g.span());
                TokenTree::Group(renamed)
            }
            TokenTree::Ident(ident) if ident == CORE_LIB && after_path_separator(&out) => {
                TokenTree::Ident(Ident::new(name, ident.span()))
            }
            other => other,
        };
        out.push(tree);
    }
    out.into_iter().collect()
}

/// Whether `tokens` end with `::` that starts a path: no path segment before it (a keyword
/// such as `return` or `in` may be).
fn after_path_separator(tokens: &[TokenTree]) -> bool {
    const KEYWORDS: &[&str] = &[
        "as", "async", "await", "box", "break", "const", "continue", "dyn", "else", "for", "if",
        "impl", "in", "let", "loop", "match", "move", "mut", "ref", "return", "static", "unsafe",
        "use", "where", "while", "yield",
    ];
    let n = tokens.len();
    let colon = |t: &TokenTree| matches!(t, TokenTree::Punct(p) if p.as_char() == ':');
    n >= 2
        && colon(&tokens[n - 1])
        && colon(&tokens[n - 2])
        && match tokens.get(n.wrapping_sub(3)) {
            Some(TokenTree::Ident(i)) => KEYWORDS.iter().any(|k| i == k),
            // `Type::<..>::gen_core` cannot be; `a.b::` neither.
            _ => true,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_renamed_dependency_in_every_form() {
        let inline = "[package]\nname = \"app\"\n\n[dependencies]\nfutures = \"0.3\"\n\
                      generators = { package = \"gen-core\", path = \"../gen-core\" } # renamed\n";
        let deps = dependencies(inline, false);
        assert_eq!(deps[1].key, "generators");
        assert_eq!(deps[1].package.as_deref(), Some("gen-core"));
        let own = "[dev-dependencies.my-gen]\npackage = 'gen-core'\nversion = \"1\"\n";
        let deps = dependencies(own, false);
        assert_eq!(
            (deps[0].key.as_str(), deps[0].package.as_deref()),
            ("my-gen", Some("gen-core"))
        );
        let target = "[target.'cfg(unix)'.dependencies]\n\"g\" = { workspace = true }\n";
        let deps = dependencies(target, false);
        assert!(deps[0].workspace);
        assert_eq!(deps[0].key, "g");
        let root = "[workspace]\nmembers = [\"a\"]\n[workspace.dependencies]\n\
                    g = { package = \"gen-core\", path = \"gen-core\" }\n";
        let deps = dependencies(root, true);
        assert_eq!(deps[0].package.as_deref(), Some("gen-core"));
        assert!(dependencies(root, false).is_empty());
    }

    #[test]
    fn only_path_starts_are_renamed() {
        let tokens: TokenStream =
            "::gen_core::__private::store(a.gen_core, x::gen_core, { return ::gen_core::f() })"
                .parse()
                .unwrap();
        let renamed = rename(tokens, "generators").to_string();
        assert_eq!(
            renamed,
            ":: generators :: __private :: store (a . gen_core , x :: gen_core , { return :: \
             generators :: f () })"
        );
    }
}
