//! A method of the user's own named like a std method that borrows its receiver (`read`, as
//! `RwLock::read`): the macro judges the result by the name, and the error says how to tell
//! it the result is owned.
use gen_core::generator;

struct Sensor {
    id: u32,
}

impl Sensor {
    fn read(&self) -> f64 {
        f64::from(self.id) * 1.5
    }
}

#[generator]
fn samples() -> impl Iterator<Item = f64> {
    let sensor = Sensor { id: 2 };
    let v = sensor.read();
    yield_!(v);
    yield_!(v * 2.0);
}

// The fixes the message names.
#[generator]
fn samples_typed() -> impl Iterator<Item = f64> {
    let sensor = Sensor { id: 2 };
    let v: f64 = sensor.read();
    yield_!(v);
    yield_!(v * 2.0);
}

#[generator]
fn samples_called() -> impl Iterator<Item = f64> {
    let sensor = Sensor { id: 2 };
    let v = Sensor::read(&sensor);
    yield_!(v);
    yield_!(v * 2.0);
}

fn main() {
    let _ = samples;
    let _ = samples_typed;
    let _ = samples_called;
}
