//! Attribute arguments: `#[generator]`, `#[generator(boxed)]`, `#[generator(no_fold)]`.

use proc_macro2::TokenStream;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Ident, Token};

use crate::error::{bail, format_err};

/// What the attribute asked for.
#[derive(Clone, Default)]
pub(crate) struct Args {
    /// `boxed`: compiler-backed sync generator that may borrow locals across yields.
    pub boxed: Option<Ident>,
    /// `no_fold`: do not emit the internal-iteration copy of the body.
    pub no_fold: Option<Ident>,
}

impl Args {
    pub(crate) fn parse(tokens: TokenStream) -> syn::Result<Self> {
        Parser::parse2(Self::parse_list, tokens)
    }

    fn parse_list(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut args = Args::default();
        for ident in Punctuated::<Ident, Token![,]>::parse_terminated(input)? {
            let slot = match ident.to_string().as_str() {
                "boxed" => &mut args.boxed,
                "no_fold" => &mut args.no_fold,
                other => bail!(
                    ident,
                    "unknown `generator` argument `{other}`; expected `boxed` or `no_fold`"
                ),
            };
            if slot.is_some() {
                bail!(ident, "duplicate `generator` argument `{ident}`");
            }
            *slot = Some(ident);
        }
        Ok(args)
    }
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        Self::parse_list(input)
    }
}

/// Rejects arguments that make no sense for the flavour the return type picked.
pub(crate) fn check_for_stream(args: &Args) -> syn::Result<()> {
    if let Some(boxed) = &args.boxed {
        return Err(format_err!(
            boxed,
            "`boxed` only applies to sync generators; a `Stream` generator already \
             supports borrows across yields"
        ));
    }
    if let Some(no_fold) = &args.no_fold {
        return Err(format_err!(
            no_fold,
            "`no_fold` only applies to sync generators (flat or `boxed`)"
        ));
    }
    Ok(())
}
