// In a generator of `Result` items, `return Err(e)` and `return Ok(())` end it as in a
// function returning `Result<(), E>`; any other value is not an item it can end with.
use gen_core::generator;

#[generator]
fn parse(lines: Vec<String>) -> impl Iterator<Item = Result<u32, String>> {
    for line in lines {
        if line.is_empty() {
            return Ok(0);
        }
        yield_!(line.parse::<u32>().map_err(|e| e.to_string()));
    }
}

fn main() {
    let _ = parse(Vec::new());
}
