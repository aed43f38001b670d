//! The checks of a local, an argument or a temporary that a flat generator declared
//! `+ Send` or `+ Clone` keeps across a yield: the wrappers its state holds them in (`Sent`,
//! `Cloned`) and the bounds that name the value where it is declared when it is not `Send`
//! (`Clone`).

/// A local of a flat generator declared `+ Send` that the generator keeps across a
/// yield: the generator holds it in its state, so the state is `Send` only if the local
/// is. The bound names the local where it is declared (rustc's own error on the `+ Send`
/// of the signature names only its type). Implemented for `()` rather than for the local's
/// type, so that rustc proposes no borrow of the local (a `&MutexGuard<u32>` is `Send`, the
/// guard is not).
#[diagnostic::on_unimplemented(
    message = "`{T}` is kept across a yield of a generator declared `+ Send`, but cannot be sent between threads safely",
    label = "kept in the generator's state across a yield",
    note = "end its scope before the yield, or use a type that is `Send` (`Arc` for `Rc`, `Mutex` for `RefCell`)"
)]
pub trait SentAcrossAYield<T: ?Sized> {}

#[diagnostic::do_not_recommend]
impl<T: Send + ?Sized> SentAcrossAYield<T> for () {}

/// [`SentAcrossAYield`] for a temporary of a yield's operand (`yield_!(m.lock().unwrap().len())`
/// keeps the guard until the generator resumes, as a statement keeps its temporaries): the
/// same check, with the fix that applies to a temporary.
#[diagnostic::on_unimplemented(
    message = "`{T}` is kept across a yield of a generator declared `+ Send`, but cannot be sent between threads safely",
    label = "a temporary of this yield's operand, kept until the generator resumes",
    note = "read the value out before the yield (`let v = ..; yield_!(v);`): the temporary then drops before it"
)]
pub trait TemporarySentAcrossAYield<T: ?Sized> {}

#[diagnostic::do_not_recommend]
impl<T: Send + ?Sized> TemporarySentAcrossAYield<T> for () {}

/// Confirms that a local a `+ Send` generator keeps across a yield is `Send` (see
/// [`SentAcrossAYield`]); does nothing at run time.
#[inline(always)]
pub fn sent_across_a_yield<T: ?Sized>(_local: &T)
where
    (): SentAcrossAYield<T>,
{
}

/// A local that a flat generator declared `+ Send` keeps across a yield, as its state holds
/// it: made only by [`Sent::new`], which asks the compiler to confirm that the local is `Send`
/// ([`SentAcrossAYield`], an error on the local where it is declared). So the state is `Send`
/// whatever it keeps, and a local that is not `Send` is that one error, not also rustc's on
/// the signature's `+ Send` naming the generator's state.
///
/// ```compile_fail
/// let shared = gen_core::checks::Sent::new(std::rc::Rc::new(1));
/// ```
#[derive(Clone, Debug)]
pub struct Sent<T>(T);

// SAFETY: a `Sent<T>` exists only through `Sent::new`, `Sent::new_bounded` and
// `Sent::new_temporary`, whose bounds `(): SentAcrossAYield<T>`, `T: Send` and `():
// TemporarySentAcrossAYield<T>` hold only for `T: Send` (the one impl of each trait), and
// `Sent::new_cloned`, which wraps a `Cloned<L, F>` (two fields, `L` and `F`: `Send` when both
// are) under `(): SentAcrossAYield<L>` and `F: Send`; checked where the value is wrapped, with its concrete
// type or under the caller's own `T: Send` bound. So every `Sent<T>` holds a value that may be
// sent to another thread, and sending the wrapper sends only that value. The field is
// private, so no other way builds one.
unsafe impl<T> Send for Sent<T> {}

impl<T> Sent<T> {
    /// Wraps a local the generator keeps across a yield, once the compiler confirmed that it
    /// is `Send`.
    #[inline(always)]
    pub fn new(local: T) -> Self
    where
        (): SentAcrossAYield<T>,
    {
        Sent(local)
    }

    /// Wraps a local a generic generator keeps across a yield, under a plain `T: Send`
    /// bound: when it does not hold, rustc's error names the type parameter to bound.
    ///
    /// ```compile_fail
    /// fn keep<T>(local: T) -> gen_core::checks::Sent<T> {
    ///     gen_core::checks::Sent::new_bounded(local)
    /// }
    /// ```
    #[inline(always)]
    pub fn new_bounded(local: T) -> Self
    where
        T: Send,
    {
        Sent(local)
    }

    /// Wraps a temporary of a yield's operand that the generator keeps until it resumes,
    /// once the compiler confirmed that it is `Send`.
    ///
    /// ```compile_fail
    /// let guard = std::sync::Mutex::new(1);
    /// let kept = gen_core::checks::Sent::new_temporary(guard.lock().unwrap());
    /// ```
    #[inline(always)]
    pub fn new_temporary(local: T) -> Self
    where
        (): TemporarySentAcrossAYield<T>,
    {
        Sent(local)
    }

    /// The local, back where the generator resumes.
    #[inline(always)]
    pub fn into_inner(self) -> T {
        self.0
    }

    /// The local in place: a `for` loop's iterator that the state keeps while the loop runs.
    #[inline(always)]
    pub fn get_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// A local of a flat generator declared `+ Clone` that the generator keeps across a
/// yield: a clone of the generator clones its state, so the state is `Clone` only if the
/// local is. The bound names the local where it is declared (rustc's own error on the
/// `+ Clone` of the signature names only the state's type).
#[diagnostic::on_unimplemented(
    message = "`{T}` is kept across a yield of a generator declared `+ Clone`, but is not `Clone`",
    label = "kept in the generator's state across a yield",
    note = "a clone of the generator clones every local it keeps: end this one's scope before the yield, or use a type that is `Clone` (an `Rc` of it, for one to share)"
)]
pub trait ClonedAcrossAYield<T: ?Sized> {
    /// `local.clone()`.
    fn clone_local(local: &T) -> T
    where
        T: Sized;
}

#[diagnostic::do_not_recommend]
impl<T: Clone> ClonedAcrossAYield<T> for () {
    #[inline(always)]
    fn clone_local(local: &T) -> T {
        local.clone()
    }
}

/// Clones a local a `+ Clone` generator keeps across a yield, once the compiler confirmed
/// that it is `Clone` (see [`ClonedAcrossAYield`]).
#[inline(always)]
pub fn clone_local<T>(local: &T) -> T
where
    (): ClonedAcrossAYield<T>,
{
    <() as ClonedAcrossAYield<T>>::clone_local(local)
}

/// A temporary (a `match` scrutinee's guard, a yield's operand) that a flat generator
/// declared `+ Clone` keeps across a yield: the bound names it where it is made.
#[diagnostic::on_unimplemented(
    message = "`{T}` is a temporary kept across a yield of a generator declared `+ Clone`, but is not `Clone`",
    label = "this temporary lives across a yield",
    note = "a temporary lives until its statement or its `match` ends, here across a yield, and a clone of the generator would clone it: bind what you need from it with `let` before (`let n = cell.borrow().len();`), so that it drops there"
)]
pub trait TemporaryClonedAcrossAYield<T: ?Sized> {
    /// `temporary.clone()`.
    fn clone_temporary(temporary: &T) -> T
    where
        T: Sized;
}

#[diagnostic::do_not_recommend]
impl<T: Clone> TemporaryClonedAcrossAYield<T> for () {
    #[inline(always)]
    fn clone_temporary(temporary: &T) -> T {
        temporary.clone()
    }
}

/// Clones a temporary a `+ Clone` generator keeps across a yield, once the compiler
/// confirmed that it is `Clone` (see [`TemporaryClonedAcrossAYield`]).
#[inline(always)]
pub fn clone_temporary<T>(temporary: &T) -> T
where
    (): TemporaryClonedAcrossAYield<T>,
{
    <() as TemporaryClonedAcrossAYield<T>>::clone_temporary(temporary)
}

impl<T, F: Send> Sent<Cloned<T, F>> {
    /// Wraps a local a `+ Clone + Send` generator keeps across a yield, with its cloner, once
    /// the compiler confirmed that the local is `Send`: the error names the local's type, not
    /// the wrapper's.
    ///
    /// ```compile_fail
    /// use gen_core::checks::{Cloned, Sent, clone_local};
    /// let local = std::rc::Rc::new(1);
    /// let kept = Sent::new_cloned(Cloned::new(local, |l: &std::rc::Rc<i32>| clone_local(l)));
    /// ```
    #[inline(always)]
    pub fn new_cloned(local: Cloned<T, F>) -> Self
    where
        (): SentAcrossAYield<T>,
    {
        Sent(local)
    }
}

/// A local that a flat generator declared `+ Clone` keeps across a yield, as its state holds
/// it, with `F`, the closure that clones it: the generator function defines one per local
/// (`|l: &_| clone_local(l)`), where the local is declared, so a local that is not `Clone` is
/// an error there ([`ClonedAcrossAYield`]). `Cloned<T, F>` is `Clone` whatever `T` is, so
/// the state is, and rustc has no second error to report on the signature's `+ Clone`
/// naming the generator's state. `F` captures nothing: a `Cloned<T, F>` is the size of `T`.
///
/// ```
/// use gen_core::checks::{clone_local, Cloned};
///
/// let kept = Cloned::new(String::from("kept"), |l: &String| clone_local(l));
/// let copy = kept.clone();
/// assert_eq!(copy.into_inner(), "kept");
/// assert_eq!(core::mem::size_of_val(&kept), core::mem::size_of::<String>());
/// ```
#[derive(Debug)]
pub struct Cloned<T, F>(T, F);

impl<T, F> Cloned<T, F> {
    /// Wraps a local the generator keeps across a yield with its cloner.
    #[inline(always)]
    pub fn new(local: T, cloner: F) -> Self {
        Cloned(local, cloner)
    }

    /// The local, back where the generator resumes.
    #[inline(always)]
    pub fn into_inner(self) -> T {
        self.0
    }

    /// The local in place: a `for` loop's iterator that the state keeps while the loop runs.
    #[inline(always)]
    pub fn get_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<T, F: Fn(&T) -> T + Copy> Clone for Cloned<T, F> {
    #[inline]
    fn clone(&self) -> Self {
        Cloned((self.1)(&self.0), self.1)
    }
}

/// Confirms that a local a `+ Clone` generator keeps across a yield is `Clone` (see
/// [`ClonedAcrossAYield`]); does nothing at run time.
#[inline(always)]
pub fn cloned_across_a_yield<T: ?Sized>(_local: &T)
where
    (): ClonedAcrossAYield<T>,
{
}

/// Clones a local a generic `+ Clone` generator keeps across a yield, under a plain `T:
/// Clone` bound: when it does not hold, rustc's error is on the local's declaration and names
/// the type parameter to bound (where [`clone_local`]'s would suggest bounding
/// [`ClonedAcrossAYield`]).
#[inline(always)]
pub fn clone_kept_local<T: Clone>(local: &T) -> T {
    local.clone()
}

/// Confirms that a local a generic `+ Clone` generator keeps across a yield is `Clone`;
/// does nothing at run time (see [`clone_kept_local`]).
#[inline(always)]
pub fn kept_across_a_yield_must_be_clone<T: Clone>(_local: &T) {}

/// Confirms that a local a generic `+ Send` generator keeps across a yield is `Send`;
/// does nothing at run time (see [`Sent::new_bounded`]).
#[inline(always)]
pub fn kept_across_a_yield_must_be_send<T: Send + ?Sized>(_local: &T) {}
