//! The layout the crate docs promise, checked on the sources: no capability folder calls or
//! imports another; they meet only in the response engine (`responses/`) and the transaction
//! lifecycle (`lifecycle/`), and share only the crate's root pieces (the rolling window, the
//! excess holds, the types, the weights). No file passes 700 lines.

use std::{collections::BTreeMap, fs, path::PathBuf};

/// The capability folders, and the namespace each one's functions live in.
const CAPABILITIES: [(&str, &str); 5] = [
	("breakers", "Breakers"),
	("caps", "Caps"),
	("monitors", "Monitoring"),
	("reports", "Reporting"),
	("cross_chain", "CrossChain"),
];

fn src() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The code of `file`, without its comments (docs may link anywhere).
fn code_of(file: &PathBuf) -> String {
	let text = fs::read_to_string(file).expect("readable source");
	text.lines()
		.map(|line| match line.find("//") {
			Some(at) => &line[..at],
			None => line,
		})
		.collect::<Vec<_>>()
		.join("\n")
}

/// The `.rs` files of `folder`.
fn files_of(folder: &str) -> Vec<PathBuf> {
	let mut files: Vec<PathBuf> = fs::read_dir(src().join(folder))
		.expect("capability folder")
		.map(|entry| entry.expect("entry").path())
		.filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
		.collect();
	files.sort();
	files
}

/// The storage items each capability declares in its `storage.rs`.
fn storage_items() -> BTreeMap<&'static str, Vec<String>> {
	CAPABILITIES
		.iter()
		.map(|(folder, _)| {
			let code = code_of(&src().join(folder).join("storage.rs"));
			let items = code
				.split("pub type ")
				.skip(1)
				.filter_map(|rest| rest.split(['<', ' ']).next())
				.map(str::to_string)
				.collect();
			(*folder, items)
		})
		.collect()
}

/// Whether `code` uses the identifier `name` (not as part of a longer one).
fn mentions(code: &str, name: &str) -> bool {
	code.match_indices(name).any(|(at, _)| {
		let before = code[..at].chars().next_back();
		let after = code[at + name.len()..].chars().next();
		let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
		!ident(before) && !ident(after)
	})
}

#[test]
fn no_capability_calls_or_imports_another() {
	let storage = storage_items();
	let mut found = Vec::new();
	for (folder, _) in CAPABILITIES {
		for file in files_of(folder) {
			let code = code_of(&file);
			let name = file.strip_prefix(src()).unwrap().display().to_string();
			for (other, namespace) in CAPABILITIES.iter().filter(|(f, _)| *f != folder) {
				for path in [format!("crate::{other}"), format!("super::super::{other}")] {
					if code.contains(&path) {
						found.push(format!("{name} imports {path}"));
					}
				}
				if mentions(&code, namespace) {
					found.push(format!("{name} calls {namespace} (the {other} capability)"));
				}
				for item in storage.get(other).into_iter().flatten() {
					if mentions(&code, item) {
						found.push(format!("{name} uses {other}'s storage {item}"));
					}
				}
			}
			// Reaching another capability through the pallet's public reads would hide the
			// call: capabilities only deposit events on the pallet.
			for (at, _) in code.match_indices("Pallet::<T>::") {
				if code[..at].ends_with("::") {
					// Another pallet's (frame-system's, transaction-payment's).
					continue;
				}
				let call = &code[at + "Pallet::<T>::".len()..];
				if !call.starts_with("deposit_event") {
					let end = call.find('(').unwrap_or(call.len()).min(40);
					found.push(format!("{name} calls Pallet::<T>::{}", &call[..end]));
				}
			}
		}
	}
	assert!(
		found.is_empty(),
		"capabilities must meet only in responses/ and lifecycle/:\n{}",
		found.join("\n")
	);
}

#[test]
fn the_engine_and_the_lifecycle_are_where_the_capabilities_meet() {
	// The meeting points do reach the capabilities: the check above is not vacuous.
	let engine: String = files_of("responses").iter().map(code_of).collect();
	let lifecycle: String = files_of("lifecycle").iter().map(code_of).collect();
	for namespace in ["Breakers", "Monitoring", "Reporting", "CrossChain"] {
		assert!(mentions(&engine, namespace), "the engine reaches {namespace}");
	}
	for namespace in ["Caps", "Monitoring"] {
		assert!(mentions(&lifecycle, namespace), "the lifecycle reaches {namespace}");
	}
	// And a capability does call the engine.
	assert!(files_of("caps").iter().map(code_of).any(|code| mentions(&code, "Engine")));
}

#[test]
fn no_source_file_passes_seven_hundred_lines() {
	// Every `.rs` file under `src/`, at any depth; the generated weights are exempt.
	let mut long = Vec::new();
	let mut folders = vec![src()];
	while let Some(folder) = folders.pop() {
		for entry in fs::read_dir(&folder).expect("folder").flatten() {
			let path = entry.path();
			if path.is_dir() {
				folders.push(path);
			} else if path.extension().is_some_and(|ext| ext == "rs")
				&& !path.ends_with("weights.rs")
			{
				let lines = fs::read_to_string(&path).expect("readable").lines().count();
				if lines > 700 {
					long.push(format!("{} has {lines} lines", path.display()));
				}
			}
		}
	}
	assert!(long.is_empty(), "{}", long.join("\n"));
}
