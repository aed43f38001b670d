//! A field called as a function (`(job.run)()`): an `FnOnce` field is moved out by the call,
//! a `Fn` one borrowed. With the rest of the value still in scope at a later yield, the body
//! runs as the plain function does either way (items, drops at every early stop).

use gen_tests::{Noisy, check, same_drops, twin};

/// A job whose action runs once.
#[allow(missing_debug_implementations)]
pub struct Job {
    pub name: String,
    pub run: Box<dyn FnOnce() -> u32>,
    pub guard: Noisy,
}

/// A rule whose check runs as often as needed.
#[allow(missing_debug_implementations)]
pub struct Rule {
    pub name: Noisy,
    pub check: Box<dyn Fn(u32) -> bool>,
}

fn job(name: &str, n: u32) -> Job {
    Job {
        name: name.to_string(),
        run: Box::new(move || n * 10),
        guard: Noisy::new(name),
    }
}

twin! {
    fn once_field_of_a_parameter(first: Job) -> String {
        let out = (first.run)();
        yield_!(out.to_string());
        yield_!(first.name.clone());
    }
}

twin! {
    fn once_fields_of_items(n: u32) -> String {
        for j in [job("a", n), job("b", 2)] {
            let out = (j.run)();
            yield_!(format!("{} -> {out}", j.name));
        }
    }
}

twin! {
    fn repeated_fields(n: u32) -> String {
        let rule = Rule {
            name: Noisy::new("even"),
            check: Box::new(|x| x % 2 == 0),
        };
        for x in 0..n {
            if (rule.check)(x) {
                yield_!(format!("{} {x}", rule.name.name()));
            }
        }
    }
}

#[test]
fn a_field_called_as_a_function_leaves_the_rest_in_place() {
    let log = same_drops!(once_field_of_a_parameter(job("first", 3)));
    assert_eq!(log, ["yield \"30\"", "yield \"first\"", "drop first"]);
    same_drops!(once_fields_of_items(1));
    assert_eq!(check!(repeated_fields(5)), ["even 0", "even 2", "even 4"]);
    same_drops!(repeated_fields(3));
}
