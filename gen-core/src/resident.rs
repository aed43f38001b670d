//! The guard of a resident loop head: a state whose one saved local (a `for` loop's iterator)
//! stays inside the generator's stored state while its arm runs, instead of being moved out
//! into a local and back on every item.
//!
//! The flat lowering moves the stored state out (leaving `Done`) before running user code, so
//! a panic leaves the generator finished. A resident arm borrows the iterator in place, so it
//! holds the state through this guard instead: the guard stands where the iterator's binding
//! stood, and when it drops (the arm returns, `?` returns, the loop ends, or a panic unwinds) it
//! stores the finished state, which drops the iterator exactly where the plain function's
//! iterator local would drop. The arm consumes the guard where it keeps or replaces the state.

use core::fmt;
use core::mem::{self, ManuallyDrop};

/// Holds the generator's stored state while a resident arm borrows the iterator inside it.
pub struct Resident<'a, S, F: Fn() -> S> {
    state: &'a mut S,
    /// Builds the finished state (`GeneratorState::__gen_Done`): a zero-sized closure.
    finished: F,
}

impl<'a, S, F: Fn() -> S> Resident<'a, S, F> {
    /// Guards `state`, which a resident arm is about to borrow from.
    #[inline(always)]
    pub fn new(state: &'a mut S, finished: F) -> Self {
        Resident { state, finished }
    }

    /// The guarded state, to borrow the iterator from.
    #[inline(always)]
    pub fn get(&mut self) -> &mut S {
        self.state
    }

    /// A suspension that resumes at the same loop head: the state stays as it is.
    #[inline(always)]
    pub fn keep(self) {
        mem::forget(self);
    }

    /// Moves the state out (leaving the finished state): a jump or suspension to another state
    /// carries the iterator on by value.
    #[inline(always)]
    pub fn take(self) -> S {
        let mut this = ManuallyDrop::new(self);
        let finished = (this.finished)();
        mem::replace(this.state, finished)
    }
}

impl<S, F: Fn() -> S> fmt::Debug for Resident<'_, S, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Resident").finish_non_exhaustive()
    }
}

impl<S, F: Fn() -> S> Drop for Resident<'_, S, F> {
    /// Desugar leaving the arm without keeping or replacing the state into finishing the
    /// generator, which drops the iterator here.
    #[inline]
    fn drop(&mut self) {
        *self.state = (self.finished)();
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::Resident;
    use std::cell::RefCell;
    use std::rc::Rc;
    use std::vec::Vec;

    /// A state whose payload records when it drops.
    #[derive(Debug)]
    enum State {
        Head(Noisy),
        Other(Noisy),
        Done,
    }

    #[derive(Debug)]
    struct Noisy(&'static str, Rc<RefCell<Vec<&'static str>>>);

    impl Drop for Noisy {
        fn drop(&mut self) {
            self.1.borrow_mut().push(self.0);
        }
    }

    fn head(log: &Rc<RefCell<Vec<&'static str>>>) -> State {
        State::Head(Noisy("iter", Rc::clone(log)))
    }

    #[test]
    fn keep_leaves_the_state_and_drops_nothing() {
        let log = Rc::default();
        let mut st = head(&log);
        let mut guard = Resident::new(&mut st, || State::Done);
        assert!(matches!(guard.get(), State::Head(_)));
        guard.keep();
        assert!(matches!(st, State::Head(_)));
        assert!(log.borrow().is_empty());
    }

    #[test]
    fn take_moves_the_state_out_and_leaves_done() {
        let log = Rc::default();
        let mut st = head(&log);
        let taken = Resident::new(&mut st, || State::Done).take();
        assert!(matches!(st, State::Done));
        assert!(log.borrow().is_empty(), "the iterator moved on, alive");
        let State::Head(iter) = taken else {
            panic!("took the wrong state")
        };
        st = State::Other(iter);
        let State::Other(moved) = &st else {
            panic!("stored the wrong state")
        };
        assert_eq!(moved.0, "iter");
        drop(st);
        assert_eq!(*log.borrow(), ["iter"]);
    }

    #[test]
    fn dropping_the_guard_finishes_and_drops_the_iterator() {
        let log = Rc::default();
        let mut st = head(&log);
        drop(Resident::new(&mut st, || State::Done));
        assert!(matches!(st, State::Done));
        assert_eq!(*log.borrow(), ["iter"]);
    }

    #[test]
    fn a_panic_while_guarded_finishes_the_state() {
        let log = Rc::default();
        let mut st = head(&log);
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut guard = Resident::new(&mut st, || State::Done);
            if let State::Head(_) = guard.get() {
                panic!("boom");
            }
            guard.keep();
        }));
        assert!(r.is_err());
        assert!(matches!(st, State::Done));
        assert_eq!(*log.borrow(), ["iter"]);
    }
}
