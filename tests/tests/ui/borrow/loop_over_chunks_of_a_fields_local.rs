// A loop over chunks of a field of the loop's own item, across a yield: the item is a local
// of the generator, so the chunks would borrow the state. The fix names owned chunks.
use gen_core::generator;

struct Job {
    data: Vec<u8>,
}

#[generator]
fn sizes(jobs: Vec<Job>) -> impl Iterator<Item = usize> {
    for job in jobs {
        for part in job.data.chunks(2) {
            yield_!(part.len());
        }
    }
}

fn main() {
    let _ = sizes(Vec::new());
}
