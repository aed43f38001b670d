use gen_core::generator;

#[generator]
fn items(v: &[String]) -> impl Iterator<Item = &String> {
    for s in v {
        yield_!(s);
    }
}

#[generator(boxed)]
fn items_boxed(v: &[String]) -> impl Iterator<Item = &String> {
    for s in v {
        yield_!(s);
    }
}

// Items borrowed from an argument keep it borrowed: moving it away is an error, in every
// flavour.
fn main() {
    let v = vec![String::from("a")];
    let first = items(&v).next();
    drop(v);
    println!("{first:?}");

    let w = vec![String::from("b")];
    let first = items_boxed(&w).next();
    drop(w);
    println!("{first:?}");

    let x = vec![String::from("c")];
    let x_ref = &x;
    let mut g = gen_core::iter! { for s in x_ref { yield_!(s); } };
    let first = g.next();
    drop(x);
    println!("{first:?}");
}
