//! A value that probably borrows a local (a part of a borrow made through calls whose types
//! the macro cannot see: `Some(w)` of `text.split(' ').next()`, the pieces of a collected
//! `split`) and is read after a yield that keeps that local too: valid Rust, which a flat
//! state could not hold, so the generator is lowered `boxed` and behaves as the plain
//! function, items and drop timing. (A copy out of a reference, `Some(&m)`, borrows no
//! container and stays flat: `alloc.rs`.)

use gen_tests::{Noisy, check, same_drops, twin};

twin! {
    fn first_word_then_its_length(lines: Vec<String>) -> usize {
        for line in lines {
            let text = line.to_uppercase();
            if let Some(w) = text.split(' ').next() {
                yield_!(0);
                yield_!(w.len());
            }
        }
    }
}

twin! {
    fn fields_read_after_a_yield(line: String) -> String {
        let owner = Noisy::new("owner");
        let fields = line.split(',').map(str::trim).filter(|f| !f.is_empty());
        let first = fields.clone().next();
        yield_!(owner.name().to_owned());
        if let Some(f) = first {
            yield_!(f.to_owned());
        }
        gen_tests::log("end");
    }
}

twin! {
    fn scrutinee_temporary_read_after_a_yield(s: String) -> usize {
        if let Some(w) = s.to_uppercase().split(' ').next() {
            yield_!(0);
            yield_!(w.len());
        }
        yield_!(s.len());
    }
}

#[test]
fn a_part_of_a_borrow_read_after_a_yield_keeps_its_local() {
    assert_eq!(
        check!(first_word_then_its_length(vec![
            "ab cd".into(),
            "xyz".into()
        ])),
        [0, 2, 0, 3]
    );
    assert_eq!(
        check!(scrutinee_temporary_read_after_a_yield("ab c".into())),
        [0, 2, 4]
    );
    check!(scrutinee_temporary_read_after_a_yield(String::new()));
}

#[test]
fn the_local_drops_where_the_plain_function_drops_it() {
    let log = same_drops!(fields_read_after_a_yield(" a, b".into()));
    assert_eq!(log, ["yield \"owner\"", "yield \"a\"", "end", "drop owner"]);
    same_drops!(fields_read_after_a_yield(",,".into()));
}
