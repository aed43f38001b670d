//! A loop across yields over a binding of a `match` on a reference to a local (`match &s {
//! Shape::Poly(pts) => for p in pts { .. } }`): the fix is to match on the value itself, whose
//! pattern moves the field out, not an `into_iter()` the matched type does not have.
use gen_core::generator;

pub enum Shape {
    Circle { r: f64 },
    Poly(Vec<(f64, f64)>),
}

#[generator]
fn sums(shapes: Vec<Shape>) -> impl Iterator<Item = f64> {
    for s in shapes {
        match &s {
            Shape::Circle { r } => yield_!(*r),
            Shape::Poly(pts) => {
                for (x, y) in pts {
                    yield_!(x + y);
                }
            }
        }
    }
}

fn main() {
    let _ = sums;
}
