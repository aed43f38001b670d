//! IR -> control-flow graph of events, in the order the plain function runs them: uses of
//! places, bindings, the entries of states, the marks where the emitter builds payloads. Every
//! way control goes is an edge: branches, loops and their back edges, `break`/`continue`, and
//! the early exits (`return`, `?`) to the exit node.

mod branches;
mod exprs;

use super::ir::{
    Arm, BindingId, Block, Cond, CondPart, Expr, ExprKind, Ir, LoopBody, LoopId, MacroArgs, MarkId,
    Place, ScopeId, StateId, Stmt, Use,
};
use super::places::{PlaceId, Places};

pub(crate) type Node = usize;

#[derive(Clone, Debug)]
pub(crate) enum Event {
    Nop,
    /// A place used: read in place, by value (a move unless later reads prove a copy), or
    /// overwritten.
    Use(PlaceId, Use),
    /// A binding gets its value.
    Bind(BindingId),
    /// A binding is declared without a value (`let x;`): it is assigned later.
    Declare(BindingId),
    /// A state begins here.
    Entry(StateId),
    /// A point the emitter builds payloads at (`Cfg::marks`).
    Mark,
    /// The bindings of a scope go out of scope.
    Dead(ScopeId),
    /// Control leaves the generator early (`return`, the error path of `?`): every local in
    /// scope drops here. A dead end of the graph.
    Exit,
}

pub(crate) struct Cfg {
    pub events: Vec<Event>,
    pub succ: Vec<Vec<Node>>,
    pub pred: Vec<Vec<Node>>,
    pub places: Places,
    /// The node of each state's entry.
    pub entries: Vec<Node>,
    /// The node of each mark (`None`: unreachable).
    pub marks: Vec<Option<Node>>,
    /// Where the branches of a compound meet again, and the compound's syntax (`Expr::site`).
    pub merges: Vec<(Node, usize)>,
    /// The places of each binding, by binding.
    pub binding_places: Vec<Vec<PlaceId>>,
    /// The places of the bindings of each scope, by scope.
    pub scope_places: Vec<Vec<PlaceId>>,
    /// The node just before each place use (`ExprKind::Place::id`).
    pub uses: Vec<Option<Node>>,
    /// The node of each place use.
    pub use_nodes: Vec<Option<Node>>,
    /// By-value uses that a later read proved to be copies (`flow::copies`).
    pub proven_copies: std::collections::HashSet<Node>,
    /// The place and span of each place use (`ExprKind::Place::id`).
    pub use_spans: Vec<Option<(PlaceId, proc_macro2::Span)>>,
    /// Per mark: the uses the body makes before it, in the order it is written (a use whose
    /// id is at least this comes after it: `Plan::next_use`).
    pub mark_uses: Vec<usize>,
}

struct LoopTargets {
    id: LoopId,
    head: Node,
    /// `break`s: the nodes that leave for the loop's end.
    breaks: Vec<Node>,
    /// The scopes open outside the loop.
    depth: usize,
}

struct Builder<'a> {
    ir: &'a Ir,
    cfg: Cfg,
    /// The node control is at (`None`: unreachable).
    cur: Option<Node>,
    loops: Vec<LoopTargets>,
    /// One past the largest use id met so far.
    uses_before: usize,
    /// The scopes open here, innermost last.
    scopes: Vec<ScopeId>,
    /// Inside a `match` guard or another macro's input: code that is emitted as written,
    /// whatever it contains.
    in_guard: bool,
    /// Inside a guard's code that runs on some paths only (the right operand of `&&`/`||`,
    /// a branch of an `if` or `match`, a loop body): a by-value use there counts as a read.
    /// The emitted guard cannot flag a move made on some of its paths, so the analysis keeps
    /// the place: a `Copy` value (the usual case) is right, and a real move is rustc's
    /// "use of moved value" rather than a value dropped at a different time.
    guard_branch: bool,
}

/// Builds the graph of `ir`.
pub(crate) fn build(ir: &Ir) -> Cfg {
    let cfg = build_with(ir, Places::default());
    // A box named both as `*b` and through auto-deref (`b.f`): built again with `b.f` as
    // `(*b).f`, so that moving the box's value moves its fields.
    let boxed = cfg.places.auto_derefs();
    if boxed.is_empty() {
        return cfg;
    }
    build_with(ir, Places::with_boxed(boxed))
}

fn build_with(ir: &Ir, places: Places) -> Cfg {
    let mut b = Builder {
        ir,
        cfg: Cfg {
            events: Vec::new(),
            succ: Vec::new(),
            pred: Vec::new(),
            places,
            entries: vec![usize::MAX; ir.states.len()],
            marks: vec![None; ir.marks.len()],
            merges: Vec::new(),
            binding_places: Vec::new(),
            scope_places: Vec::new(),
            uses: vec![None; ir.uses],
            use_nodes: vec![None; ir.uses],
            proven_copies: std::collections::HashSet::new(),
            use_spans: vec![None; ir.uses],
            mark_uses: vec![0; ir.marks.len()],
        },
        uses_before: 0,
        cur: None,
        loops: Vec::new(),
        scopes: Vec::new(),
        in_guard: false,
        guard_branch: false,
    };
    for binding in 0..ir.bindings.len() {
        b.cfg.places.root(binding);
    }
    for part in &ir.named_parts {
        b.cfg.places.intern(part);
    }
    // The parameters are bound before the start state begins: it receives them.
    let first = b.node(Event::Nop, None);
    b.cur = Some(first);
    for &param in &ir.params {
        b.emit(Event::Bind(param));
    }
    b.entry(0);
    b.block(&ir.root);
    let mut binding_places = vec![Vec::new(); ir.bindings.len()];
    for (id, place) in b.cfg.places.list.iter().enumerate() {
        binding_places[place.binding].push(id);
    }
    b.cfg.scope_places = ir
        .scopes
        .iter()
        .map(|scope| {
            scope
                .bindings
                .iter()
                .flat_map(|&binding| binding_places[binding].iter().copied())
                .collect()
        })
        .collect();
    b.cfg.binding_places = binding_places;
    b.cfg
}

impl Builder<'_> {
    fn node(&mut self, event: Event, from: Option<Node>) -> Node {
        let id = self.cfg.events.len();
        self.cfg.events.push(event);
        self.cfg.succ.push(Vec::new());
        self.cfg.pred.push(Vec::new());
        if let Some(from) = from {
            self.edge(from, id);
        }
        id
    }

    fn edge(&mut self, from: Node, to: Node) {
        self.cfg.succ[from].push(to);
        self.cfg.pred[to].push(from);
    }

    /// Appends an event where control is.
    fn emit(&mut self, event: Event) {
        if let Some(cur) = self.cur {
            self.cur = Some(self.node(event, Some(cur)));
        }
    }

    /// A node where the given ends meet (`site`: the compound that branched).
    fn merge(&mut self, ends: Vec<Node>, site: usize) -> Option<Node> {
        if ends.is_empty() {
            return None;
        }
        let node = self.node(Event::Nop, None);
        for end in ends {
            self.edge(end, node);
        }
        self.cfg.merges.push((node, site));
        Some(node)
    }

    /// Runs `f` on code that runs on some paths only: inside a guard, a branch.
    fn guarded_branch(&mut self, f: impl FnOnce(&mut Self)) {
        let outer = self.guard_branch;
        self.guard_branch |= self.in_guard;
        f(self);
        self.guard_branch = outer;
    }

    fn mark(&mut self, mark: MarkId) {
        self.cfg.mark_uses[mark] = self.uses_before;
        self.emit(Event::Mark);
        if let Some(cur) = self.cur {
            self.cfg.marks[mark] = Some(cur);
        }
    }

    fn entry(&mut self, state: StateId) {
        self.emit(Event::Entry(state));
        if let Some(cur) = self.cur {
            self.cfg.entries[state] = cur;
        }
    }

    fn use_place(&mut self, place: &Place, how: Use) {
        let how = if self.guard_branch && how == Use::Value {
            Use::Read
        } else {
            how
        };
        let id = self.cfg.places.intern(place);
        self.emit(Event::Use(id, how));
    }

    fn bind_all(&mut self, bindings: &[BindingId]) {
        for &b in bindings {
            self.emit(Event::Bind(b));
        }
    }

    fn block(&mut self, block: &Block) {
        self.open(block.scope);
        for stmt in &block.stmts {
            self.stmt(stmt);
        }
        self.mark(block.end);
        self.close();
    }

    fn open(&mut self, scope: ScopeId) {
        self.scopes.push(scope);
    }

    /// The innermost scope ends where control is.
    fn close(&mut self) {
        let scope = self.scopes.pop().expect("a scope is open");
        self.emit(Event::Dead(scope));
    }

    /// A jump out to a loop: the scopes inside it end on the way.
    fn leave_to(&mut self, depth: usize) {
        for &scope in self.scopes[depth..].to_vec().iter().rev() {
            self.emit(Event::Dead(scope));
        }
    }
}
