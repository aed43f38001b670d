//! Mistakes in a generator's body that rustc would report on the generated code (pointing at
//! `#[generator]`, naming the state machine), reported on the user's own tokens instead:
//! - `break value` out of a `for` or `while` loop (rustc's E0571, which the flat lowering's
//!   rebuilt loops would turn into a type error about its states);
//! - a body that ends in a value (`count`, `Ok(())`), as a function returning it would;
//! - `break`/`continue` outside of any loop (rustc's E0268, which the state machine's own
//!   loop would turn into a type error about its states);
//! - an assignment to a field of `self` in a method taking `&self` (`receiver_checks.rs`);
//! - in a flat generator, a call of the generator itself kept across a yield
//!   (`yield_from!(walk(child))`): its state would contain itself, which rustc reports as
//!   "cannot resolve opaque type". Desugar such a generator into the same one lowered `boxed`
//!   (`lower_boxed_instead`, when nothing else is wrong); an error only for one that must
//!   stay flat (`+ Clone`).

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::{self, Visit};
use syn::{Block, Expr, Ident, Macro};

use crate::error::{Errors, format_err};

mod recursion;
use recursion::{binds_name, calls_itself};

/// Checks `block`, the body of the generator `sig` (`None` for `iter!`/`stream!`); `flat`:
/// the body is lowered to a flat state machine.
pub(crate) fn check(
    block: &Block,
    sig: Option<&syn::Signature>,
    lowering: crate::analyze::Lowering,
    may_box: bool,
) -> syn::Result<()> {
    use crate::analyze::Lowering;
    let mut checks = Checks {
        loops: Vec::new(),
        apart: false,
        own_name: sig
            .filter(|_| lowering != Lowering::Boxed)
            .map(|sig| (&sig.ident, sig.receiver().is_some())),
        // A local of the generator's name (`let keys = ..; for k in keys`) is no call of it.
        name_is_local: sig.is_some_and(|sig| binds_name(block, sig, &sig.ident)),
        stream: lowering == Lowering::Stream,
        errors: Errors::default(),
        other_errors: 0,
        flat_errors: 0,
        may_box,
        clonable: sig.is_some_and(crate::lower::flat::signature_returns_clone),
    };
    checks.visit_block(block);
    for error in sig.map_or_else(Vec::new, |sig| crate::receiver_checks::check(block, sig)) {
        checks.error(error);
    }
    if let Some(syn::Stmt::Expr(tail, None)) = block.stmts.last()
        && is_a_value(tail)
    {
        checks.other_errors += 1;
        // An iterator's items are what a generator ending in one was meant to yield.
        let fix = if makes_an_iterator(tail) {
            "yield its items with `yield_from!(..)`"
        } else {
            "yield this value with `yield_!(..)`, or end the statement with `;`"
        };
        checks.errors.push(format_err!(
            tail,
            "a generator's body cannot end in a value: its items are what it yields; {fix}"
        ));
    }
    if lowering == Lowering::Flat && checks.flat_errors + checks.other_errors > 0 {
        // Only the flat lowering's own: the body is lowered `boxed` (`expand_fn`).
        crate::lower::flat::lower_boxed_instead(checks.other_errors == 0);
    }
    checks.errors.finish()
}

/// What a `break` may leave: a loop of some kind, or a labeled block.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Breakable {
    For,
    While,
    Loop,
    Block,
}

struct Checks<'a> {
    /// The enclosing loops and labeled blocks, innermost last, with their labels.
    loops: Vec<(Option<String>, Breakable)>,
    /// Inside code of its own (a closure, an `async` block, an item), where rustc judges a
    /// `break` as written.
    apart: bool,
    /// The generator's name, and whether it is a method (whose bare `name(..)` calls are
    /// another function's).
    own_name: Option<(&'a Ident, bool)>,
    /// An async generator: its `yield_from!` of itself would contain itself (E0733).
    stream: bool,
    errors: Errors,
    /// How many of `errors` any lowering reports, and how many only the flat one (a call of
    /// the generator itself kept across a yield, which `boxed` holds).
    other_errors: usize,
    flat_errors: usize,
    /// A flat generator whose body may be lowered `boxed` instead (`expand::lower_fn`).
    may_box: bool,
    /// The generator is declared `+ Clone`.
    clonable: bool,
    /// A pattern of the body or a parameter binds the generator's name.
    name_is_local: bool,
}

impl Checks<'_> {
    /// Records a mistake any lowering reports.
    fn error(&mut self, error: syn::Error) {
        self.other_errors += 1;
        self.errors.push(error);
    }
}

impl Checks<'_> {
    /// Visits `f` with the loops of `kind` (labeled `label`) entered.
    fn inside(&mut self, label: Option<&syn::Label>, kind: Breakable, f: impl FnOnce(&mut Self)) {
        let label = label.map(|l| l.name.ident.to_string());
        self.loops.push((label, kind));
        f(self);
        self.loops.pop();
    }

    /// Visits `f` as code of its own (a closure, an `async` block, an item): the loops
    /// around it are not its loops.
    fn apart(&mut self, f: impl FnOnce(&mut Self)) {
        let outer = std::mem::take(&mut self.loops);
        let apart = std::mem::replace(&mut self.apart, true);
        f(self);
        self.loops = outer;
        self.apart = apart;
    }

    /// An unlabeled `break` or `continue` (`what`) of the generator's own code outside of
    /// every loop.
    fn check_outside_loop(
        &mut self,
        what: &str,
        label: Option<&syn::Lifetime>,
        at: &dyn quote::ToTokens,
    ) {
        let in_a_loop = self.loops.iter().any(|(_, k)| *k != Breakable::Block);
        if self.apart || label.is_some() || in_a_loop {
            return;
        }
        self.error(format_err!(
            at,
            "`{what}` outside of a loop: a generator's body is not a loop of its own; to end \
             the generator, use `return;`"
        ));
    }

    fn check_break(&mut self, brk: &syn::ExprBreak) {
        if brk.expr.is_none() {
            return;
        }
        let target = match &brk.label {
            Some(label) => {
                let name = label.ident.to_string();
                self.loops
                    .iter()
                    .rev()
                    .find(|(l, _)| l.as_deref() == Some(name.as_str()))
            }
            None => self
                .loops
                .iter()
                .rev()
                .find(|(_, k)| *k != Breakable::Block),
        };
        let kind = match target {
            Some((_, Breakable::For)) => "for",
            Some((_, Breakable::While)) => "while",
            _ => return,
        };
        self.error(format_err!(
            brk,
            "`break` with a value from a `{kind}` loop: only `loop` and labeled blocks have a \
             value; use `break` on its own, or write the search as a `loop`"
        ));
    }

    /// `yield_from!(walk(..))` or `for x in walk(..) { .. yield_!(..) .. }` in the flat
    /// generator `walk`.
    fn check_recursion(&mut self, kept: &Expr) {
        let Some((name, method)) = self.own_name else {
            return;
        };
        let loose = self.may_box && !self.name_is_local;
        let Some(call) = calls_itself(kept, name, method, loose) else {
            return;
        };
        if self.stream {
            self.error(format_err!(
                call,
                "`{name}` yields from a stream of its own kind here, but an async generator \
                 cannot contain itself; box the inner stream: `yield_from!(Box::pin({name}(..)))`"
            ));
            return;
        }
        // (Reached for a generator that must stay flat: one that may be `boxed` is, with no
        // error, `expand::lower_fn`.)
        self.flat_errors += 1;
        let fix = if self.clonable {
            "a generator declared `+ Clone` cannot be `boxed`, which could; leave out `+ Clone`"
                .to_owned()
        } else {
            format!(
                "box the inner generator (`Box::new({name}(..)) as Box<dyn Iterator<Item = _>>`)"
            )
        };
        self.errors.push(format_err!(
            call,
            "`{name}` keeps a generator of its own kind across a yield here, but a flat \
             generator's state cannot contain itself; {fix}"
        ));
    }
}

impl<'ast> Visit<'ast> for Checks<'_> {
    fn visit_expr(&mut self, expr: &'ast Expr) {
        match expr {
            Expr::ForLoop(f) => {
                self.visit_expr(&f.expr);
                if yields_in(
                    f.body
                        .stmts
                        .iter()
                        .map(quote::ToTokens::to_token_stream)
                        .collect(),
                ) && !self.stream
                {
                    self.check_recursion(&f.expr);
                }
                self.inside(f.label.as_ref(), Breakable::For, |c| {
                    c.visit_pat(&f.pat);
                    c.visit_block(&f.body);
                });
            }
            Expr::While(w) => {
                self.inside(w.label.as_ref(), Breakable::While, |c| {
                    visit::visit_expr_while(c, w)
                });
            }
            Expr::Loop(l) => {
                self.inside(l.label.as_ref(), Breakable::Loop, |c| {
                    visit::visit_expr_loop(c, l)
                });
            }
            Expr::Block(b) if b.label.is_some() => {
                self.inside(b.label.as_ref(), Breakable::Block, |c| {
                    visit::visit_expr_block(c, b)
                });
            }
            Expr::Break(brk) => {
                self.check_outside_loop("break", brk.label.as_ref(), brk);
                self.check_break(brk);
                visit::visit_expr_break(self, brk);
            }
            Expr::Continue(c) => {
                self.check_outside_loop("continue", c.label.as_ref(), c);
                visit::visit_expr_continue(self, c);
            }
            Expr::Closure(_) | Expr::Async(_) => self.apart(|c| visit::visit_expr(c, expr)),
            _ => visit::visit_expr(self, expr),
        }
    }

    fn visit_item(&mut self, item: &'ast syn::Item) {
        self.apart(|c| visit::visit_item(c, item));
    }

    fn visit_macro(&mut self, mac: &'ast Macro) {
        if mac
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "yield_from")
            && let Ok(operand) = mac.parse_body::<Expr>()
        {
            self.check_recursion(&operand);
        }
    }
}

/// Whether the tokens hold a yield (`yield_!`, `yield_from!` or `yield`).
fn yields_in(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|t| match t {
        TokenTree::Ident(i) => i == "yield" || i == "yield_" || i == "yield_from",
        TokenTree::Group(g) => yields_in(g.stream()),
        _ => false,
    })
}

/// An expression that is certainly not `()`: a literal, a local, `Ok(..)`/`Err(..)`/
/// `Some(..)`, a tuple, a struct or an array, arithmetic, a reference, `format!(..)`.
fn is_a_value(e: &Expr) -> bool {
    match e {
        Expr::Lit(_)
        | Expr::Struct(_)
        | Expr::Array(_)
        | Expr::Repeat(_)
        | Expr::Reference(_)
        | Expr::Cast(_) => true,
        Expr::Tuple(t) => !t.elems.is_empty(),
        // Not `x += 1`, which is `()`.
        Expr::Binary(b) => !matches!(
            b.op,
            syn::BinOp::AddAssign(_)
                | syn::BinOp::SubAssign(_)
                | syn::BinOp::MulAssign(_)
                | syn::BinOp::DivAssign(_)
                | syn::BinOp::RemAssign(_)
                | syn::BinOp::BitXorAssign(_)
                | syn::BinOp::BitAndAssign(_)
                | syn::BinOp::BitOrAssign(_)
                | syn::BinOp::ShlAssign(_)
                | syn::BinOp::ShrAssign(_)
        ),
        Expr::Path(p) => p.qself.is_none() && p.path.get_ident().is_some(),
        Expr::Call(c) => matches!(&*c.func, Expr::Path(p)
            if p.path.get_ident().is_some_and(|i| i == "Ok" || i == "Err" || i == "Some")),
        Expr::Macro(m) => m
            .mac
            .path
            .get_ident()
            .is_some_and(|i| i == "format" || i == "vec"),
        Expr::Paren(p) => is_a_value(&p.expr),
        // `v.into_iter()`, `s.to_string()`: std methods of these names make a value.
        Expr::MethodCall(m) => {
            makes_an_iterator(e) || VALUE_METHODS.contains(&&*m.method.to_string())
        }
        _ => false,
    }
}

/// Methods whose value is never `()` (besides those `makes_an_iterator` names).
const VALUE_METHODS: &[&str] = &[
    "collect",
    "clone",
    "to_string",
    "to_owned",
    "to_vec",
    "len",
    "sum",
    "product",
];

/// Whether `e` is a call of a std method that makes an iterator (`v.into_iter()`,
/// `it.map(f)`): at the body's end, its items are what the generator was meant to yield.
fn makes_an_iterator(e: &Expr) -> bool {
    // (Not names a method of the user's may well have and return `()` with: `lexer.skip()`,
    // `job.take()`, `queue.drain()`.)
    const ITERATORS: &[&str] = &[
        "into_iter",
        "iter",
        "iter_mut",
        "filter_map",
        "flat_map",
        "enumerate",
        "chars",
        "char_indices",
        "split_whitespace",
    ];
    matches!(e, Expr::MethodCall(m) if ITERATORS.contains(&&*m.method.to_string()))
}
