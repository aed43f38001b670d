//! An `iter!` block may yield borrows through a captured shared reference (`let name =
//! &name;` before the block, `yield name.as_str()`), as a `move` closure may return them:
//! the items outlive the block. (Through an owned capture it is the macro's check:
//! `ui/borrow/iter_yields_a_borrow_of_its_capture.rs`.)

use gen_core::iter;

#[test]
fn items_borrow_through_captured_references() {
    let (name, padded) = (String::from("ada"), String::from("  lovelace "));
    let words = vec![String::from("x"), String::from("yz")];
    let (name, padded, words) = (&name, &padded, &words);
    let it = iter! {
        yield name.as_str();
        yield padded.trim();
        yield padded.trim_start();
        for w in words {
            yield w.as_str();
        }
    };
    let items: Vec<&str> = it.collect();
    // The plain code: the same borrows, through the same references.
    let plain = vec![
        name.as_str(),
        padded.trim(),
        padded.trim_start(),
        words[0].as_str(),
        words[1].as_str(),
    ];
    assert_eq!(items, plain);
}

/// Borrowed items from a block returned by a function that takes the text by reference.
fn fields(line: &str) -> impl Iterator<Item = &str> {
    iter! {
        for f in line.split(',') {
            yield f.trim();
        }
        yield line.trim_end();
    }
}

#[test]
fn items_borrow_through_a_reference_argument() {
    let line = String::from(" a, b ,c ");
    let plain: Vec<&str> = line
        .split(',')
        .map(str::trim)
        .chain([line.trim_end()])
        .collect();
    assert_eq!(fields(&line).collect::<Vec<_>>(), plain);
}
