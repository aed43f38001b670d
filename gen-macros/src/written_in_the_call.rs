//! Whether a token of a macro's input was written inside the macro's own invocation (`iter! {
//! .. count .. }` in the user's code) or handed over by another macro (`macro_rules! lazy {
//! ($($b:tt)*) => { gen_core::iter! { $($b)* } } }`), whose invocation's context cannot see
//! the caller's locals: glue that names such a token's variable must then resolve it as the
//! token itself does.

/// Whether `span` lies inside the current macro invocation's source range. Outside a
/// compiler (unit tests) every token does.
pub(crate) fn written_in_the_call(span: proc_macro2::Span) -> bool {
    if !proc_macro::is_available() {
        return true;
    }
    let (call, at) = (proc_macro::Span::call_site(), span.unwrap());
    let position = |s: proc_macro::Span| (s.line(), s.column());
    call.file() == at.file()
        && position(call.start()) <= position(at.start())
        && position(at.end()) <= position(call.end())
}
