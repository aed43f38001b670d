//! Section 14, "Infinite iterators": `infinite_ids` never ends, so the consumer decides how
//! much to take ("consume carefully").

use gen_core::generator;

use crate::{Transcript, say};

/// `start`, `start + 1`, ... forever (until `u64` wraps, which in practice is never).
#[generator]
pub fn infinite_ids(start: u64) -> impl Iterator<Item = u64> {
    let mut current = start;
    loop {
        yield_!(current);
        current = current.wrapping_add(1);
    }
}

/// Tags each message with the next event id: `zip` stops at the shorter side, so an infinite
/// id source is safe here.
pub fn tag_messages<'a>(messages: &[&'a str], start: u64) -> Vec<(u64, &'a str)> {
    infinite_ids(start).zip(messages.iter().copied()).collect()
}

/// Runs the section.
pub fn demo(t: &mut Transcript) {
    let first: Vec<u64> = infinite_ids(0).take(5).collect();
    say!(t, "infinite_ids(0).take(5) = {first:?}");
    let below: Vec<u64> = infinite_ids(1_000).take_while(|id| *id < 1_003).collect();
    say!(t, "infinite_ids(1000).take_while(< 1003) = {below:?}");
    let tagged = tag_messages(&["login", "click", "logout"], 500);
    say!(t, "zip with 3 messages: {tagged:?}");
    let millionth = infinite_ids(0).nth(999_999);
    say!(
        t,
        "infinite_ids(0).nth(999_999) = {millionth:?} (constant memory)"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn take_bounds_an_infinite_generator() {
        assert_eq!(infinite_ids(7).take(3).collect::<Vec<_>>(), [7, 8, 9]);
        assert_eq!(infinite_ids(0).nth(1_000_000), Some(1_000_000));
    }

    #[test]
    fn zip_stops_at_the_finite_side() {
        assert_eq!(tag_messages(&["a", "b"], 10), [(10, "a"), (11, "b")]);
    }

    #[test]
    fn wraps_instead_of_overflowing() {
        let ids: Vec<u64> = infinite_ids(u64::MAX).take(2).collect();
        assert_eq!(ids, [u64::MAX, 0]);
    }

    #[test]
    fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t);
        assert!(t.contains("take(5) = [0, 1, 2, 3, 4]"));
        assert!(t.contains("[(500, \"login\"), (501, \"click\"), (502, \"logout\")]"));
    }
}
