//! Section 15, "Async pipelines": three generator stages, each taking `impl Stream` and
//! returning `impl Stream`, composed by plain function calls.
//!
//! source (raw lines, arriving over time) -> parse (typed readings, bad lines as error
//! values) -> window (average per window of `n` good readings). Nothing runs until the sink
//! pulls, and each item flows through all three stages before the next one is read: the
//! shared trace shows the interleaving.

use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::{Stream, StreamExt};
use gen_core::generator;

use crate::{Transcript, say};

/// A shared, ordered record of what each stage did.
pub type Trace = Arc<Mutex<Vec<String>>>;

fn note(trace: &Trace, line: String) {
    trace.lock().unwrap_or_else(|e| e.into_inner()).push(line);
}

/// A parsed reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// Sensor name.
    pub sensor: String,
    /// Value.
    pub value: f64,
}

/// Stage 1: lines arriving every `every`.
#[generator]
pub fn source(
    lines: Vec<&'static str>,
    every: Duration,
    trace: Trace,
) -> impl Stream<Item = &'static str> {
    for line in lines {
        tokio::time::sleep(every).await;
        note(&trace, format!("source {line:?}"));
        yield_!(line);
    }
}

/// Stage 2: `"sensor=value"` lines to readings; a bad line is an `Err` and the stage goes on.
#[generator]
pub fn parse(
    lines: impl Stream<Item = &'static str>,
    trace: Trace,
) -> impl Stream<Item = Result<Reading, String>> {
    let mut lines = pin!(lines);
    while let Some(line) = lines.next().await {
        let parsed = line
            .split_once('=')
            .and_then(|(sensor, v)| Some((sensor.trim(), v.trim().parse::<f64>().ok()?)))
            .map(|(sensor, value)| Reading {
                sensor: sensor.to_owned(),
                value,
            })
            .ok_or_else(|| format!("cannot parse {line:?}"));
        note(
            &trace,
            format!("parse  {}", if parsed.is_ok() { "ok" } else { "error" }),
        );
        yield_!(parsed);
    }
}

/// Stage 3: the average of every `n` good readings (and of the rest at the end); errors pass
/// through.
#[generator]
pub fn window(
    readings: impl Stream<Item = Result<Reading, String>>,
    n: usize,
    trace: Trace,
) -> impl Stream<Item = Result<f64, String>> {
    let mut readings = pin!(readings);
    let mut values = Vec::new();
    while let Some(reading) = readings.next().await {
        match reading {
            Ok(r) => {
                values.push(r.value);
                if values.len() == n.max(1) {
                    let avg = values.iter().sum::<f64>() / values.len() as f64;
                    values.clear();
                    note(&trace, format!("window {avg}"));
                    yield_!(Ok(avg));
                }
            }
            Err(e) => yield_!(Err(e)),
        }
    }
    if !values.is_empty() {
        yield_!(Ok(values.iter().sum::<f64>() / values.len() as f64));
    }
}

/// The whole pipeline, run to the end: the sink's items and the trace.
pub async fn run(
    lines: Vec<&'static str>,
    n: usize,
    every: Duration,
) -> (Vec<Result<f64, String>>, Vec<String>) {
    let trace = Trace::default();
    let pipeline = window(
        parse(source(lines, every, trace.clone()), trace.clone()),
        n,
        trace.clone(),
    );
    let out = pipeline.collect().await;
    let trace = std::mem::take(&mut *trace.lock().unwrap_or_else(|e| e.into_inner()));
    (out, trace)
}

const LINES: [&str; 6] = ["a=1", "b=3", "oops", "a=5", "b=6", "c=10"];

/// Runs the section.
pub async fn demo(t: &mut Transcript) {
    let (out, trace) = run(LINES.to_vec(), 2, Duration::from_millis(20)).await;
    say!(t, "source -> parse -> window(2) over {LINES:?}");
    say!(t, "sink got: {out:?}");
    say!(t, "trace: {}", trace.join(" | "));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn three_stages_compose() {
        let (out, _) = run(LINES.to_vec(), 2, Duration::from_millis(20)).await;
        assert_eq!(
            out,
            [
                Ok(2.0),
                Err("cannot parse \"oops\"".to_owned()),
                Ok(5.5),
                Ok(10.0)
            ]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn items_flow_through_before_the_next_is_read() {
        let (_, trace) = run(vec!["x=1", "x=3", "y=2"], 2, Duration::from_millis(1)).await;
        assert_eq!(
            trace,
            [
                "source \"x=1\"",
                "parse  ok",
                "source \"x=3\"",
                "parse  ok",
                "window 2",
                "source \"y=2\"",
                "parse  ok"
            ]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn nothing_runs_until_the_sink_pulls() {
        let trace = Trace::default();
        let pipeline = window(
            parse(
                source(vec!["a=1"], Duration::ZERO, trace.clone()),
                trace.clone(),
            ),
            1,
            trace.clone(),
        );
        tokio::task::yield_now().await;
        assert!(trace.lock().unwrap().is_empty());
        drop(pipeline);
    }

    #[tokio::test(start_paused = true)]
    async fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t).await;
        assert!(t.contains(
            "sink got: [Ok(2.0), Err(\"cannot parse \\\"oops\\\"\"), Ok(5.5), Ok(10.0)]"
        ));
    }
}
