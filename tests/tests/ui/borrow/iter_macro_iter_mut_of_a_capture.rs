// An `iter!` block that keeps `yr.iter_mut()` of a capture across its yields: the macro's
// error, whose first fix (a captured `&mut Vec<_>` moved into the loop) the second block
// applies and which hands out the same `&mut` items.
use gen_core::iter;

fn main() {
    let mut y = vec![1_i32, 2];
    {
        let yr = &mut y;
        let items = iter! {
            for p in yr.iter_mut() {
                yield p;
            }
        };
        for p in items {
            *p *= 10;
        }
    }
    {
        let yr = &mut y;
        let items = iter! {
            for p in yr {
                yield p;
            }
        };
        for p in items {
            *p *= 10;
        }
    }
    let _ = y;
}
