//! What changes when an IDE, not rustc, expands the macros.

/// Whether the macro runs in an IDE's proc-macro server (rust-analyzer's
/// `rust-analyzer-proc-macro-srv`), not in rustc. The expansion is then only analysed, never
/// compiled, and it binds each of the user's locals once, at the user's token, so that hover
/// and go-to-definition on a local find one binding, as in the plain function: a flat sync
/// generator (whose state machine binds a local again in every state that receives it, and
/// whose `fold` copy repeats the body) is expanded as `#[generator(boxed)]` (the body once,
/// in an `async` block), with `self` and the parameters as written (patterns and `mut`
/// included), which the block captures, not moved into hidden names. The types the IDE
/// infers are the same.
pub(crate) fn for_an_ide() -> bool {
    static IDE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *IDE.get_or_init(|| {
        std::env::current_exe().is_ok_and(|exe| {
            exe.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("rust-analyzer"))
        })
    })
}
