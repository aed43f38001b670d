//! The user documents say the same thing in every place a user may read it: the first example
//! of the repository's README, gen-core's README (the crates.io page) and gen-core's crate docs
//! (docs.rs) is one program, and the table of forms is the same in both READMEs. The examples
//! themselves run as doctests (`gen-core`'s crate docs, and the READMEs through `readme_doctests`
//! in this crate's library).

use std::fs;
use std::path::Path;

fn read(relative: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    fs::read_to_string(root.join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// The lines of the first fenced code block, with `//! ` prefixes of crate docs removed.
fn first_code_block(text: &str) -> Vec<String> {
    let lines: Vec<String> = text
        .lines()
        .map(|l| match l.strip_prefix("//!") {
            Some(doc) => doc.strip_prefix(' ').unwrap_or(doc).to_string(),
            None => l.to_string(),
        })
        .collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("```"))
        .expect("a code block")
        + 1;
    let len = lines[start..]
        .iter()
        .position(|l| l.starts_with("```"))
        .expect("a closed code block");
    lines[start..start + len].to_vec()
}

/// The rows of the "you write | you get" table.
fn forms_table(text: &str) -> Vec<&str> {
    let start = text
        .find("| you write | you get |")
        .expect("the table of forms");
    text[start..]
        .lines()
        .take_while(|l| l.starts_with('|'))
        .collect()
}

#[test]
fn the_first_example_is_the_same_everywhere() {
    let readme = first_code_block(&read("README.md"));
    assert_eq!(readme, first_code_block(&read("gen-core/README.md")));
    assert_eq!(readme, first_code_block(&read("gen-core/src/lib.rs")));
}

#[test]
fn the_table_of_forms_is_the_same_in_both_readmes() {
    let readme = read("README.md");
    let core = read("gen-core/README.md");
    assert_eq!(forms_table(&readme), forms_table(&core));
}
