//! Checks that `#[generator]` writes into a flat generator's code, where the macro, which
//! sees no types, must ask the compiler to confirm a guess.
//!
//! You meet these names only in compiler errors. Each error says what the macro took the
//! code for and names the fix; the item's documentation below says the same at more length.
//! Each function is an inlined copy or a no-op: none adds work at run time.

use core::marker::PhantomData;

mod kept;
pub use kept::*;

/// A field that a flat generator's body uses by value while the rest of its value stays
/// in scope across a later yield: the macro, which sees no types, takes the use for a
/// copy (keeping the value whole, so that it drops where the plain function drops it),
/// and the bound asks the compiler to confirm that the field is `Copy`.
#[diagnostic::on_unimplemented(
    message = "this field is moved out of a value that is still in scope when the generator next suspends",
    label = "`{Self}` is not `Copy`, so this moves the field",
    note = "a flat generator sees no types: a field used by value while the rest of its value is still in scope at a yield (this one's included, when it is in the yield's operand) is taken for a copy, so that the rest is dropped where the plain function drops it",
    note = "destructure the value with a pattern that names every field (`let Value {{ field, other }} = value;`), or move the field out with a `let` of its own (`let field = value.field;`: the fields the body never names then drop when the generator next suspends)"
)]
pub trait CopiedField: Copy {}

#[diagnostic::do_not_recommend]
impl<T: Copy> CopiedField for T {}

/// The copy of a field the flat lowering reads in place (see [`CopiedField`]).
#[inline(always)]
pub fn copied_field<T: CopiedField>(field: &T) -> T {
    *field
}

/// The local a `for x in &mut it` loop whose body yields steps: a flat generator cannot
/// keep the loop's `&mut it` across a yield, so each step calls `next` on `it` itself,
/// which is the same loop when `it` is an iterator. When it is a collection, the loop
/// would iterate it by reference, keeping a borrow of the generator's own local across
/// the yield: the bound's error says so.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an iterator, so this loop keeps a borrow of it across a yield",
    label = "a flat generator cannot keep a borrow of its own local in its state",
    note = "iterate over an owned value (`for x in v`), index into it, take it by reference as an argument, or use `#[generator(boxed)]`"
)]
pub trait StepsInPlace<T> {
    /// `Iterator::next`.
    fn step_in_place(&mut self) -> Option<T>;
}

#[diagnostic::do_not_recommend]
impl<I: Iterator> StepsInPlace<I::Item> for I {
    #[inline(always)]
    fn step_in_place(&mut self) -> Option<I::Item> {
        self.next()
    }
}

/// One step of a `for x in &mut it` loop that yields (see [`StepsInPlace`]).
#[inline(always)]
pub fn step_in_place<I: StepsInPlace<T>, T>(it: &mut I) -> Option<T> {
    it.step_in_place()
}

/// A dereference (`*guard`) that a flat generator's body uses by value while the value
/// it points into stays in scope across a later yield: taken for a copy out of a `Deref`
/// type (a lock guard, a counter), like [`CopiedField`] for fields; a move out of a `Box`
/// there is an error that names the fix.
#[diagnostic::on_unimplemented(
    message = "this value is moved out of a box that is still in scope when the generator next suspends",
    label = "`{Self}` is not `Copy`, so this moves it out of the box",
    note = "a flat generator sees no types: `*x` used by value while `x` is still in scope at a yield is taken for a copy (as out of a lock guard), so that `x` is dropped where the plain function drops it",
    note = "move the value out with an annotated `let` of its own (`let value: T = *boxed;`), or let the macro see the box (`let boxed: Box<T> = ..;`)"
)]
pub trait CopiedDeref: Copy {}

#[diagnostic::do_not_recommend]
impl<T: Copy> CopiedDeref for T {}

/// The copy of a dereference the flat lowering reads in place (see [`CopiedDeref`]).
#[inline(always)]
pub fn copied_deref<T: CopiedDeref>(value: &T) -> T {
    *value
}

/// A field of an enum variant bound by value in a pattern (a `match` arm, `if let`,
/// `while let`, `let`) that leaves other fields in the matched value (`St::Busy { n, ..
/// }`), while that value stays in scope across a later yield and nothing shows that the
/// binding owns data: taken for a copy, like [`CopiedField`].
#[diagnostic::on_unimplemented(
    message = "this binding moves a field out of an enum value that is still in scope when the generator next suspends",
    label = "`{Self}` is not `Copy`, so this moves the field",
    note = "a flat generator sees no types and cannot keep the fields a pattern leaves in an enum value: a binding in a variant pattern with `..` or `_` that the body uses only by value is taken for a copy, so that the value is dropped where the plain function drops it",
    note = "bind every field of the variant (`Variant {{ field, other }}`, `Variant(a, b)`), so that the whole value moves into the arm's bindings, or match on a reference and clone what you need"
)]
pub trait CopiedBinding: Copy {}

#[diagnostic::do_not_recommend]
impl<T: Copy> CopiedBinding for T {}

/// The check of a binding taken for a copy (see [`CopiedBinding`]).
#[inline(always)]
pub fn copied_binding<T: CopiedBinding>(value: &T) -> T {
    *value
}

/// `let v = *x;` in a flat generator's body, while `x` stays in scope across a later
/// yield and the body never names a field of `v`: taken for a copy out of a `Deref`
/// type, like [`CopiedDeref`], with the fixes that apply to a `let`.
#[diagnostic::on_unimplemented(
    message = "this value is moved out of a box that is still in scope when the generator next suspends",
    label = "`{Self}` is not `Copy`, so this moves it out of the box",
    note = "a flat generator sees no types: `let v = *x;` while `x` is still in scope at a later yield is taken for a copy (as out of a lock guard), so that `x` is dropped where the plain function drops it",
    note = "annotate the value's type (`let value: T = *boxed;`), or let the macro see the box (`let boxed: Box<T> = ..;`)"
)]
pub trait CopiedDerefLet: Copy {}

#[diagnostic::do_not_recommend]
impl<T: Copy> CopiedDerefLet for T {}

/// The copy of `let v = *x;` the flat lowering reads in place (see [`CopiedDerefLet`]).
#[inline(always)]
pub fn copied_deref_let<T: CopiedDerefLet>(value: &T) -> T {
    *value
}

/// `let x = v.field;` in a generator that must stay flat (`+ Clone`, or a type parameter
/// only the item type names), where the body assigns the field again and uses `v` whole
/// after a later yield: the state keeps `v` whole across that yield, which a move of the
/// field would leave without a whole value, so the `let` is taken for a copy the compiler
/// must confirm.
#[diagnostic::on_unimplemented(
    message = "this `let` moves a field out of a value that the generator keeps whole across a later yield",
    label = "`{Self}` is not `Copy`, so this moves the field",
    note = "a generator that must stay flat (`+ Clone`, or a type parameter that only the item type names) keeps a value across a yield whole or by the fields the body names, and cannot rebuild it whole after a field was moved out and assigned again",
    note = "destructure the value with a pattern that names every field (`let Value {{ field, other }} = value;`) and build it again from the parts (`Value {{ field: new, other }}`), or clone the field (`let x = value.field.clone();`)"
)]
pub trait CopiedFieldLet: Copy {}

#[diagnostic::do_not_recommend]
impl<T: Copy> CopiedFieldLet for T {}

/// The copy of `let x = v.field;` the flat lowering reads in place (see [`CopiedFieldLet`]).
#[inline(always)]
pub fn copied_field_let<T: CopiedFieldLet>(value: &T) -> T {
    *value
}

/// What the `?` operator of a flat generator of `Result` items is used on: a `Result`, whose
/// error is yielded as the generator's last item. An `Option` there is an error that names
/// the conversion.
#[diagnostic::on_unimplemented(
    message = "the `?` operator in a generator can only be used on `Result`s (its error is yielded as the last item), not `{Self}`",
    label = "this `?` is used on `{Self}`",
    note = "with `Result` items, give an `Option` its error first (`.ok_or(error)?`); to end the generator where there is no value, write `let Some(x) = .. else {{ return; }}`"
)]
pub trait QuestionMarkOperand<T, E> {
    /// The `Result` itself.
    fn into_result(self) -> Result<T, E>;
}

#[diagnostic::do_not_recommend]
impl<T, E> QuestionMarkOperand<T, E> for Result<T, E> {
    #[inline(always)]
    fn into_result(self) -> Result<T, E> {
        self
    }
}

/// The operand of a flat generator's `?` (see [`QuestionMarkOperand`]).
#[inline(always)]
pub fn question_mark<R: QuestionMarkOperand<T, E>, T, E>(operand: R) -> Result<T, E> {
    operand.into_result()
}

/// Names the two halves of a `Result` item type, so generated code can write
/// `<Item as ResultItem>::Err` for the error type of a fallible generator body.
#[diagnostic::on_unimplemented(
    message = "`?` in this generator needs its items to be `Result`s, but they are `{Self}`",
    label = "this generator uses `?`",
    note = "the error `?` finds is yielded as the last item, so the items must be `Result<T, E>`: yield `Ok(value)`, or handle the error where it occurs (`match`, `unwrap_or`, ..)"
)]
pub trait ResultItem {
    /// The success type (`T` in `Result<T, E>`).
    type Ok;
    /// The error type (`E` in `Result<T, E>`).
    type Err;
    /// The item `Err(error)`.
    fn from_err(error: Self::Err) -> Self;
}

impl<T, E> ResultItem for Result<T, E> {
    type Ok = T;
    type Err = E;
    #[inline(always)]
    fn from_err(error: E) -> Self {
        Err(error)
    }
}

/// The last item a generator-level `e?` of a flat generator whose item type is not written
/// (an `iter!` block) yields: `Err(error)`, where the items must be `Result`s (see
/// [`ResultItem`]).
#[inline(always)]
pub fn error_item<T: ResultItem>(error: T::Err) -> T {
    T::from_err(error)
}

/// The value of a `return` in the body of a compiler-backed generator of `Result` items:
/// the body's own type, `Result<(), E>` with `E` the items' error type, given to the value
/// as rustc gives a function's return type to its `return`s. So `return Err(e)` with an `e`
/// of another error type is rustc's "mismatched types" on `e` (with its help, `.into()`),
/// as in a function returning `Result<(), E>`.
#[inline(always)]
pub fn body_return<T: ResultItem>(value: Result<(), T::Err>) -> Result<(), T::Err> {
    value
}

/// What `yield_from!` takes in an async generator: a `Stream` of the generator's items. Its
/// own trait so that passing something else (an iterator, a `Vec`) says so and names the fix.
#[cfg(feature = "stream")]
#[diagnostic::on_unimplemented(
    message = "`yield_from!` in an async generator takes a `Stream` of the generator's items (`{T}`), and `{Self}` is not one",
    label = "not a `Stream` of the generator's items",
    note = "to yield every item of an iterator, loop over it (`for x in iter {{ yield_!(x); }}`) or make it a stream (`futures::stream::iter(iter)`)",
    note = "to yield the items of a stream of another item type, convert them (`futures::StreamExt::map(s, Into::into)`) or loop over it (`while let Some(x) = s.next().await {{ yield_!(..); }}`)"
)]
pub trait YieldFromSource<T>: futures_core::Stream<Item = T> {}

#[cfg(feature = "stream")]
#[diagnostic::do_not_recommend]
impl<T, S: futures_core::Stream<Item = T>> YieldFromSource<T> for S {}

/// The value of the missing `else` of an `if` that a flat generator splits at a yield
/// (`let y = if c { yield_!(1); v };`): `()`, the only type such an `if` can have. Any other
/// type is rustc's error E0317 on the `if` itself; this asks nothing of a type that has a
/// `Default` value, so that E0317 stays the only error.
#[diagnostic::on_unimplemented(
    message = "`if` may be missing an `else` clause",
    label = "expected `{Self}`, found `()`",
    note = "`if` expressions without `else` evaluate to `()`",
    note = "consider adding an `else` block that evaluates to the expected type"
)]
pub trait MissingElse: Default {}

#[diagnostic::do_not_recommend]
impl<T: Default> MissingElse for T {}

/// The value of a missing `else` (see [`MissingElse`]).
#[inline(always)]
pub fn missing_else<T: MissingElse>() -> T {
    T::default()
}

/// What an `iter!` block's loop borrows across its yields, when the block captured it: the
/// block holds its captures in its closure, and its flat state cannot keep a borrow of one,
/// so only a captured shared reference can be borrowed through (`let csv = &csv;` before the
/// block). An owned capture (`String`, `Vec<T>`, an `Rc`) or a `&mut` is this error; a
/// borrow written in the block (`let csv = &csv;` as its first statement) lowers it `boxed`.
#[diagnostic::on_unimplemented(
    message = "`{T}` is captured by this `iter!` block, and the block borrows it across a yield",
    label = "borrowed across a yield of the block",
    note = "an `iter!` block cannot keep a borrow of what it captured by move in its flat state: borrow the capture inside the block (`let name = &name;` as the block's first statement), and the block keeps both on the heap (one allocation); or, where the block does not outlive it, capture a shared reference (`let name = &name;` before the block)"
)]
pub trait CapturedByReference<T: ?Sized> {}

#[diagnostic::do_not_recommend]
impl<T: SharedReference + ?Sized> CapturedByReference<T> for () {}

/// What an `iter!` block's loop borrows across its yields through a field of a capture
/// (`v.data.iter()`): a field that is a shared reference is borrowed through (what it points
/// to outlives the block), any other field is a borrow of the capture itself.
#[diagnostic::on_unimplemented(
    message = "this field of a capture of the `iter!` block is a `{T}`, and the block borrows it across a yield",
    label = "borrowed across a yield of the block",
    note = "an `iter!` block cannot keep a borrow of what it captured by move in its flat state, only borrow through a shared reference: borrow the whole capture inside the block (`let name = &name;` as the block's first statement), and the block keeps both on the heap (one allocation); or, where the block does not outlive it, capture a shared reference (`let name = &name;` before the block)"
)]
pub trait CapturedFieldByReference<T: ?Sized> {}

#[diagnostic::do_not_recommend]
impl<T: SharedReference + ?Sized> CapturedFieldByReference<T> for () {}

/// A capture of an `iter!` block and a field of it that the block borrows through across a
/// yield (`v.data.iter()`), for the check that one of them is a shared reference: a captured
/// reference (`let v = &v;`) is borrowed through whatever its field, a field that is a shared
/// reference whatever holds it. Made only in code that is type-checked, never run:
/// `(&CaptureField::new(&v, &v.data)).check_borrowed_field()` picks
/// [`WholeCaptureIsAReference`] when the capture is a reference, else
/// [`FieldOfACaptureIsAReference`], whose method asks [`CapturedFieldByReference`] of the field.
#[derive(Debug)]
pub struct CaptureField<C: ?Sized, F: ?Sized>(PhantomData<(*const C, *const F)>);

impl<C: ?Sized, F: ?Sized> CaptureField<C, F> {
    /// The pair of `capture` and its `field`.
    #[inline(always)]
    pub fn new(_capture: &C, _field: &F) -> Self {
        CaptureField(PhantomData)
    }
}

/// The capture is a shared reference: borrowing through its field is fine.
pub trait WholeCaptureIsAReference {
    /// Nothing to check.
    #[inline(always)]
    fn check_borrowed_field(&self) {}
}

impl<C: SharedReference + ?Sized, F: ?Sized> WholeCaptureIsAReference for CaptureField<C, F> {}

/// The capture is no reference: its field must be one.
pub trait FieldOfACaptureIsAReference<F: ?Sized> {
    /// Asks [`CapturedFieldByReference`] of the field.
    #[inline(always)]
    fn check_borrowed_field(&self)
    where
        (): CapturedFieldByReference<F>,
    {
    }
}

impl<C: ?Sized, F: ?Sized> FieldOfACaptureIsAReference<F> for &CaptureField<C, F> {}

/// A shared reference, `&T` (see [`CapturedByReference`]).
pub trait SharedReference {}

impl<T: ?Sized> SharedReference for &T {}

/// What an item an `iter!` block yields borrows, when the block captured it (`yield
/// name.as_str()`): an item outlives the step that yields it, so it may borrow only through a
/// captured shared reference (`let name = &name;` before the block), not the block's own
/// `String`.
#[diagnostic::on_unimplemented(
    message = "this item borrows a `{T}` that the `iter!` block captured by move, but an item must outlive the block's step that yields it",
    label = "the item borrows this capture",
    note = "capture a shared reference instead (`let name = &name;` before the block, or, for a block a function returns, a parameter `name: &'a T` with the items' lifetime `'a`), or yield an owned value (`.to_owned()`, `.to_string()`)"
)]
pub trait YieldedFromACapture<T: ?Sized> {}

#[diagnostic::do_not_recommend]
impl<T: SharedReference + ?Sized> YieldedFromACapture<T> for () {}

/// Checks that a capture an `iter!` block's item borrows is a shared reference (see
/// [`YieldedFromACapture`]); only type-checked, never called.
#[inline(always)]
pub fn yielded_capture<T>(_capture: &T)
where
    (): YieldedFromACapture<T>,
{
}

/// A capture an `iter!` block loops over by value (`for n in names`) and uses again after the
/// loop: only a `Copy` value (a shared reference, a number) is still there, as in a `move`
/// closure, where any other value is moved into the loop.
#[diagnostic::on_unimplemented(
    message = "this capture of the `iter!` block is moved into the loop, and used again after it",
    label = "`{T}` moved into this loop, which takes it by value",
    note = "a `{T}` is not `Copy`: loop over a borrow of it instead (`for x in &name`), or over a clone (`name.clone()`)"
)]
pub trait LoopedCapture<T: ?Sized> {}

#[diagnostic::do_not_recommend]
impl<T: Copy> LoopedCapture<T> for () {}

/// Checks that a capture an `iter!` block loops over by value and uses again is `Copy` (see
/// [`LoopedCapture`]); only type-checked, never called.
#[inline(always)]
pub fn looped_capture<T>(_capture: &T)
where
    (): LoopedCapture<T>,
{
}

/// Checks that a capture an `iter!` block borrows across a yield is a shared reference (see
/// [`CapturedByReference`]); only type-checked, never called.
#[inline(always)]
pub fn borrowed_capture<T>(_capture: &T)
where
    (): CapturedByReference<T>,
{
}
