//! Struct update syntax, `Config { label, guard, ..base }`: the fields the literal lists stay
//! in `base` (the update moves only the others) and drop where the plain function drops
//! them, at the end of `base`'s scope, also across yields, in a loop, after a branch and with
//! `base` read again afterwards. Every twin is compared with the plain function, for items
//! and for drop order and timing.

use gen_tests::{Noisy, check, same_drops, twin};

#[derive(Debug)]
pub struct Config {
    dedup: bool,
    retries: u32,
    label: String,
    guard: Noisy,
}

fn config(name: &str, retries: u32) -> Config {
    Config {
        dedup: retries.is_multiple_of(2),
        retries,
        label: name.to_string(),
        guard: Noisy::new(format!("guard {name}")),
    }
}

// The overridden guard stays in `base` until the end of the body.
twin! {
    fn derived(retries: u32) -> String {
        let base = config("base", retries);
        let cfg = Config { label: "derived".into(), guard: Noisy::new("guard derived"), ..base };
        yield_!(format!("{} {} {}", cfg.label, cfg.retries, cfg.dedup));
        yield_!("after".to_string());
    }
}

// `base` kept whole across a yield, then updated; the label left in it read afterwards.
twin! {
    fn updated_after_a_yield(retries: u32) -> String {
        let base = config("base", retries);
        yield_!(base.label.clone());
        let cfg = Config { retries: base.retries + 1, label: String::new(), guard: Noisy::new("new"), ..base };
        yield_!(format!("{} {}", cfg.retries, cfg.dedup));
        yield_!(format!("left {}", base.label));
        drop(cfg);
        yield_!("end".to_string());
    }
}

// One update per iteration from a fresh base, the listed fields in another order.
twin! {
    fn per_iteration(n: u32) -> u32 {
        for i in 0..n {
            let base = config(&format!("b{i}"), i);
            let next = Config { guard: Noisy::new(format!("g{i}")), label: format!("l{i}"), ..base };
            yield_!(next.retries);
            yield_!(100 + i);
        }
    }
}

// An update from a parameter taken by value, written with a shorthand field.
twin! {
    fn from_the_argument(base: Config) -> bool {
        let label = String::from("short");
        let cfg = Config { label, ..base };
        yield_!(cfg.dedup);
        yield_!(base.retries > 0);
    }
}

// `..Default::default()`-style updates from an expression that is not a local are values.
twin! {
    fn from_a_call(n: u32) -> u32 {
        let cfg = Config { retries: n, ..config("made", 0) };
        yield_!(cfg.retries);
        yield_!(1);
    }
}

// A field the literal does not list, named before the update: the update takes it too.
twin! {
    fn unlisted_field_named_before(retries: u32) -> String {
        let base = config("base", retries);
        yield_!(base.label.clone());
        let dedup = base.dedup;
        let cfg = Config { label: "cfg".into(), guard: Noisy::new("guard cfg"), ..base };
        yield_!(format!("{dedup} {} {}", cfg.retries, cfg.guard.name()));
        yield_!(base.guard.name().to_string());
    }
}

// An update on one path only; the listed fields stay in `base` on both and drop at the end.
twin! {
    fn updated_on_one_path(retries: u32, fresh: bool) -> String {
        let base = config("base", retries);
        let cfg = if fresh {
            Config { label: "fresh".into(), guard: Noisy::new("guard fresh"), ..base }
        } else {
            config("other", 0)
        };
        yield_!(format!("{} {}", cfg.label, cfg.retries));
        yield_!(base.guard.name().to_string());
        yield_!(base.label.clone());
    }
}

#[test]
fn the_fields_a_struct_update_lists_stay_in_its_base() {
    assert_eq!(
        check!(derived(2)),
        ["derived 2 true".to_string(), "after".to_string()]
    );
    let log = same_drops!(derived(2));
    assert!(log.iter().any(|e| e == "drop guard base"), "{log:?}");
    assert_eq!(check!(updated_after_a_yield(3)).len(), 4);
    same_drops!(updated_after_a_yield(3));
    assert_eq!(check!(per_iteration(3)), [0, 100, 1, 101, 2, 102]);
    same_drops!(per_iteration(3));
    assert_eq!(check!(from_a_call(4)), [4, 1]);
    same_drops!(from_a_call(4));
    assert_eq!(check!(unlisted_field_named_before(5)).len(), 3);
    same_drops!(unlisted_field_named_before(5));
    for fresh in [true, false] {
        assert_eq!(check!(updated_on_one_path(2, fresh)).len(), 3);
        same_drops!(updated_on_one_path(2, fresh));
    }
}

#[test]
fn a_struct_update_from_an_argument() {
    assert_eq!(check!(from_the_argument(config("arg", 2))), [true, true]);
    let log = same_drops!(from_the_argument(config("arg", 2)));
    assert!(log.iter().any(|e| e == "drop guard arg"), "{log:?}");
}
