//! The core's layers, checked from the source itself: `src/lib.rs` lists the layers, bottom
//! first, in its module doc; every `crate::…` path in a module
//! (in `use` lines and inline) must name a module of its own layer or a lower one, and the
//! modules (files) must not import each other in a cycle. An area's `mod.rs` re-exporting
//! its own children (`pub use state::Ledger;`) is a facade, not a dependency.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One source file: its module path (`ledger::state`) and text.
struct Source {
    module: String,
    text: String,
}

fn src_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn module_of(relative: &Path) -> String {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|last| last == "mod") {
        parts.pop();
    }
    parts.join("::")
}

fn read_sources(dir: &Path, root: &Path, out: &mut Vec<Source>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("core/src is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_sources(&path, root, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let relative = path.strip_prefix(root).expect("under src");
            if relative == Path::new("lib.rs") {
                continue;
            }
            out.push(Source {
                module: module_of(relative),
                text: std::fs::read_to_string(&path).expect("a source file"),
            });
        }
    }
}

/// The layers, bottom first, as the numbered list in `lib.rs`'s module doc declares them
/// (`//! 1. `base` — …`). (The `mod` lines cannot carry the order: rustfmt sorts them.)
fn layers_of(lib: &str) -> Vec<String> {
    lib.lines()
        .filter_map(|line| line.strip_prefix("//! "))
        .filter_map(|line| {
            let (number, rest) = line.split_once(". `")?;
            number.parse::<u32>().ok()?;
            rest.split_once('`').map(|(name, _)| name.to_string())
        })
        .collect()
}

/// The module paths after each `crate::` in code (whole-line comments left out): the run of
/// lower-case segments, e.g. `crate::ledger::reports::Balance` gives `ledger::reports`.
fn crate_paths(text: &str) -> Vec<String> {
    let mut paths = Vec::new();
    for line in text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
    {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let mut segments: Vec<&str> = Vec::new();
            for segment in rest.split("::") {
                let end = segment
                    .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
                    .unwrap_or(segment.len());
                if end == 0 {
                    break;
                }
                segments.push(&segment[..end]);
                if end < segment.len() {
                    break;
                }
            }
            if !segments.is_empty() {
                paths.push(segments.join("::"));
            }
        }
    }
    paths
}

/// The longest prefix of `path` that is a module of the crate.
fn resolve(path: &str, modules: &BTreeSet<String>) -> Option<String> {
    let segments: Vec<&str> = path.split("::").collect();
    (1..=segments.len())
        .rev()
        .map(|len| segments[..len].join("::"))
        .find(|candidate| modules.contains(candidate))
}

fn area(module: &str) -> &str {
    module.split("::").next().unwrap_or(module)
}

/// Every module each module depends on.
fn dependencies(sources: &[Source]) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = sources.iter().map(|s| s.module.clone()).collect();
    let mut graph = BTreeMap::new();
    for source in sources {
        let targets: BTreeSet<String> = crate_paths(&source.text)
            .iter()
            .filter_map(|path| resolve(path, &modules))
            .filter(|target| *target != source.module)
            .collect();
        graph.insert(source.module.clone(), targets);
    }
    graph
}

/// Imports that go up the layers, as `from -> to` lines.
fn upward_imports(layers: &[String], graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let rank = |module: &str| layers.iter().position(|layer| layer == area(module));
    let mut found = Vec::new();
    for (from, targets) in graph {
        for to in targets {
            match (rank(from), rank(to)) {
                (Some(low), Some(high)) if high > low => found.push(format!("{from} -> {to}")),
                (None, _) | (_, None) => found.push(format!("{from} -> {to} (not a layer)")),
                _ => {}
            }
        }
    }
    found
}

/// A cycle of modules, if there is one, as `a -> b -> a`.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<String> {
    fn visit<'a>(
        node: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<&'a str, bool>,
        stack: &mut Vec<&'a str>,
    ) -> Option<String> {
        match state.get(node) {
            Some(true) => return None,
            Some(false) => {
                let start = stack.iter().position(|n| *n == node).unwrap_or(0);
                let mut cycle: Vec<&str> = stack[start..].to_vec();
                cycle.push(node);
                return Some(cycle.join(" -> "));
            }
            None => {}
        }
        state.insert(node, false);
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, state, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        state.insert(node, true);
        None
    }
    let mut state = BTreeMap::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut state, &mut Vec::new()))
}

#[test]
fn imports_only_go_down_the_layers_and_modules_form_no_cycle() {
    let root = src_dir();
    let lib = std::fs::read_to_string(root.join("lib.rs")).expect("lib.rs");
    let layers = layers_of(&lib);
    let mut sources = Vec::new();
    read_sources(&root, &root, &mut sources);
    let graph = dependencies(&sources);
    let edges: usize = graph.values().map(BTreeSet::len).sum();
    println!(
        "layers: {} ({}); modules: {}; imports between modules: {edges}",
        layers.len(),
        layers.join(" < "),
        sources.len()
    );
    assert!(
        layers.len() >= 8 && sources.len() >= 30 && edges >= 60,
        "the check saw the code"
    );
    let upward = upward_imports(&layers, &graph);
    assert!(
        upward.is_empty(),
        "imports up the layers:\n{}",
        upward.join("\n")
    );
    assert_eq!(
        find_cycle(&graph),
        None,
        "modules import each other in a cycle"
    );
}

fn source(module: &str, text: &str) -> Source {
    Source {
        module: module.to_string(),
        text: text.to_string(),
    }
}

/// The checker itself must fail on what it is there to catch.
#[test]
fn the_check_finds_an_upward_import_and_a_cycle() {
    let layers: Vec<String> = ["base", "ledger", "journal"].map(String::from).to_vec();
    let sources = vec![
        source("base::money", "use crate::ledger::state::Ledger;\n"),
        source(
            "ledger::state",
            "use crate::base::money::Money;\n// use crate::journal::X;\n",
        ),
        source("ledger::reports", "fn f() { crate::ledger::state::g(); }\n"),
        source(
            "journal",
            "#[serde(with = \"crate::base::money::decimal_serde\")]\n",
        ),
    ];
    let graph = dependencies(&sources);
    assert_eq!(
        upward_imports(&layers, &graph),
        vec!["base::money -> ledger::state".to_string()]
    );
    assert_eq!(
        find_cycle(&graph).as_deref(),
        Some("base::money -> ledger::state -> base::money")
    );
    assert_eq!(graph["journal"].iter().collect::<Vec<_>>(), ["base::money"]);
    assert_eq!(
        graph["ledger::reports"].iter().collect::<Vec<_>>(),
        ["ledger::state"]
    );
}
