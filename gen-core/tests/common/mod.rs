//! Helpers shared by gen-core's runtime tests (each test file uses a subset).
#![allow(dead_code)] // each test binary uses a different subset of these helpers

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::Poll;

/// Records its drop in a shared log.
pub struct Noisy(pub &'static str, pub Rc<RefCell<Vec<&'static str>>>);

impl Drop for Noisy {
    fn drop(&mut self) {
        self.1.borrow_mut().push(self.0);
    }
}

/// Polls a future exactly once, then completes (a combinator that gives up on a branch).
pub async fn poll_and_forget<F: Future + Unpin>(mut f: F) {
    std::future::poll_fn(|cx| {
        let _ = Pin::new(&mut f).poll(cx);
        Poll::Ready(())
    })
    .await;
}

pub fn assert_send<T: Send>(_: &T) {}
pub fn assert_sync<T: Sync>(_: &T) {}
pub fn assert_unpin<T: Unpin>(_: &T) {}
