//! Diagnostics helpers: spanned errors in rustc's style, and accumulation of several errors.

/// `format_err!(tokens, "message {}", arg)`: a `syn::Error` spanning `tokens`.
macro_rules! format_err {
    ($tokens:expr, $($msg:tt)+) => {
        ::syn::Error::new_spanned(&$tokens, ::std::format!($($msg)+))
    };
}

/// `bail!(tokens, "message")`: return early with a spanned error.
macro_rules! bail {
    ($($tt:tt)+) => {
        return ::std::result::Result::Err(crate::error::format_err!($($tt)+))
    };
}

pub(crate) use {bail, format_err};

/// Collects errors so that one expansion reports every problem it finds, not just the first.
#[derive(Default)]
pub(crate) struct Errors {
    first: Option<syn::Error>,
}

impl Errors {
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.first {
            Some(first) => first.combine(error),
            None => self.first = Some(error),
        }
    }

    pub(crate) fn finish(self) -> syn::Result<()> {
        self.first.map_or(Ok(()), Err)
    }
}
