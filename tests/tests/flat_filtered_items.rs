//! Items gathered through adapters that hand them on (`filter`, `skip_while`, `inspect`)
//! whose closures borrow a local (`|c| *c >= min`): what the items hold comes from the
//! iterator they come from (`counts.into_iter()`: owned values), not from the closures,
//! which `collect`, `max_by_key` or `find` has used up before the yield. Each body runs
//! against its plain twin (items, drops at every early stop).

use gen_core::iter;
use gen_tests::{Noisy, check, same_drops, twin};

#[derive(Debug, Clone)]
pub struct Person {
    name: String,
    age: u32,
}

fn people() -> Vec<Person> {
    [("ann", 31), ("bo", 9), ("cy", 18), ("di", 44)]
        .into_iter()
        .map(|(name, age)| Person {
            name: name.to_string(),
            age,
        })
        .collect()
}

twin! {
    fn at_least(counts: Vec<u32>) -> u32 {
        let min = 2;
        let v: Vec<_> = counts.into_iter().filter(|c| *c >= min).collect();
        for c in v {
            yield_!(c);
        }
    }
}

twin! {
    fn adults_by_name(people: Vec<Person>) -> String {
        let min = 18;
        let _guard = Noisy::new("guard");
        let adults: Vec<Person> = people
            .into_iter()
            .skip_while(|p| p.age < min)
            .filter(|p| p.age >= min)
            .collect();
        for p in adults {
            yield_!(p.name);
        }
    }
}

twin! {
    fn oldest_and_first(people: Vec<Person>) -> String {
        let min = 18;
        let seen = std::cell::Cell::new(0);
        let oldest = people
            .clone()
            .into_iter()
            .inspect(|_| seen.set(seen.get() + 1))
            .filter(|p| p.age >= min)
            .max_by_key(|p| p.age);
        yield_!(format!("looked at {}", seen.get()));
        let first = people.into_iter().find(|p| p.age >= min && p.name != "x");
        yield_!(String::from("found"));
        if let (Some(o), Some(f)) = (oldest, first) {
            yield_!(o.name);
            yield_!(f.name);
        }
    }
}

#[test]
fn collected_items_own_their_data_whatever_the_filter_borrows() {
    assert_eq!(check!(at_least(vec![1, 2, 3, 0, 5])), [2, 3, 5]);
    same_drops!(at_least(vec![1, 2, 3]));
    assert_eq!(check!(adults_by_name(people())), ["ann", "cy", "di"]);
    same_drops!(adults_by_name(people()));
    assert_eq!(
        check!(oldest_and_first(people())),
        ["looked at 4", "found", "di", "ann"]
    );
    same_drops!(oldest_and_first(people()));
}

/// The same in an `iter!` block, the bound captured by the block.
fn at_least_in_a_block(counts: Vec<u32>, min: u32) -> impl Iterator<Item = u32> {
    iter! {
        let v: Vec<u32> = counts.into_iter().filter(|c| *c >= min).collect();
        for c in v {
            yield c * 10;
        }
    }
}

#[test]
fn an_iter_block_collecting_through_a_filter_on_a_capture() {
    let counts = vec![4, 1, 7];
    let plain: Vec<u32> = counts.iter().filter(|&&c| c >= 2).map(|c| c * 10).collect();
    assert_eq!(at_least_in_a_block(counts, 2).collect::<Vec<_>>(), plain);
}
