//! A generator in the frame layout (sixteen counters read after each of sixteen yields) with a
//! type parameter that only the item type names and `+ '_` on the returned type: it compiles
//! and yields what its plain twin computes, as the other shapes of `flat_item_type_params.rs` do.

use std::str::FromStr;

use gen_core::generator;

/// Sixteen counters read after each of sixteen yields: the frame layout.
#[generator]
fn wide<T: FromStr>(text: &str) -> impl Iterator<Item = Result<T, T::Err>> + '_ {
    let mut fields = text.split(' ');
    let mut w0 = 0usize;
    let mut w1 = 1usize;
    let mut w2 = 2usize;
    let mut w3 = 3usize;
    let mut w4 = 4usize;
    let mut w5 = 5usize;
    let mut w6 = 6usize;
    let mut w7 = 7usize;
    let mut w8 = 8usize;
    let mut w9 = 9usize;
    let mut w10 = 10usize;
    let mut w11 = 11usize;
    let mut w12 = 12usize;
    let mut w13 = 13usize;
    let mut w14 = 14usize;
    let w15 = 15usize;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w0 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w1 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w2 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w3 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w4 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w5 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w6 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w7 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w8 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w9 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w10 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w11 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w12 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w13 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
    w14 += 1;
    yield_!(
        format!(
            "{}",
            w0 + w1
                + w2
                + w3
                + w4
                + w5
                + w6
                + w7
                + w8
                + w9
                + w10
                + w11
                + w12
                + w13
                + w14
                + w15
                + fields.next().map_or(0, str::len)
        )
        .parse::<T>()
    );
}

fn wide_plain<T: FromStr>(text: &str) -> Vec<Result<T, T::Err>> {
    let mut out = Vec::new();
    let mut fields = text.split(' ');
    let mut w = [0usize; 16];
    for (j, slot) in w.iter_mut().enumerate() {
        *slot = j;
    }
    for t in 0..16 {
        let sum: usize = w.iter().sum();
        out.push(format!("{}", sum + fields.next().map_or(0, str::len)).parse::<T>());
        w[t] += 1;
    }
    out
}

#[test]
fn a_generator_in_the_frame_layout() {
    let text = "a bb ccc";
    let got: Vec<Result<u64, _>> = wide(text).collect();
    assert_eq!(got, wide_plain::<u64>(text));
    let bytes: Vec<Result<u8, _>> = wide(text).collect();
    assert_eq!(bytes, wide_plain::<u8>(text));
    assert_eq!(wide::<u64>(text).take(3).count(), 3);
}
