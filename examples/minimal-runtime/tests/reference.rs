//! The README's reference lists are the code's: the calls table, the events, the storage
//! items and the runtime API table name exactly what the runtime's metadata has, every error
//! is documented, the API version is the one declared, and the list of integration tests is
//! the files in `tests/tests/`.

use frame_support::__private::metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
use guardian_minimal_runtime::{AccountId, Balance, Block, BlockNumber, Runtime};
use scale_info::{form::PortableForm, PortableRegistry, TypeDef};
use sp_api::RuntimeApiInfo;
use std::{collections::BTreeSet, fs, path::PathBuf};

fn root() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn readme() -> String {
	fs::read_to_string(root().join("README.md")).expect("README.md")
}

/// The text of `readme` from `start` to the first `end` after it.
fn between<'a>(readme: &'a str, start: &str, end: &str) -> &'a str {
	let from = readme.find(start).unwrap_or_else(|| panic!("README has {start:?}")) + start.len();
	let to = readme[from..].find(end).unwrap_or_else(|| panic!("{end:?} after {start:?}"));
	&readme[from..from + to]
}

/// The first word of every `code span` of `text`.
fn spans(text: &str) -> BTreeSet<String> {
	text.split('`')
		.skip(1)
		.step_by(2)
		.map(|span| span.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect())
		.filter(|word: &String| !word.is_empty())
		.collect()
}

fn lower_camel(name: &str) -> String {
	let mut out = String::new();
	let mut upper = false;
	for (i, c) in name.chars().enumerate() {
		if c == '_' {
			upper = true;
		} else if i == 0 {
			out.extend(c.to_lowercase());
		} else if upper {
			out.extend(c.to_uppercase());
			upper = false;
		} else {
			out.push(c);
		}
	}
	out
}

/// The guardian's calls, events, errors and storage items in the runtime's metadata.
struct Names {
	calls: BTreeSet<String>,
	events: BTreeSet<String>,
	errors: BTreeSet<String>,
	storage: BTreeSet<String>,
}

fn names() -> Names {
	let RuntimeMetadataPrefixed(_, RuntimeMetadata::V14(metadata)) = Runtime::metadata() else {
		panic!("V14 metadata")
	};
	let pallet = metadata.pallets.iter().find(|p| p.name == "Guardian").expect("the guardian");
	let variants = |types: &PortableRegistry, id: u32| -> BTreeSet<String> {
		match &types.resolve(id).expect("registered").type_def {
			TypeDef::<PortableForm>::Variant(v) => {
				v.variants.iter().map(|v| v.name.clone()).collect()
			}
			other => panic!("not an enum: {other:?}"),
		}
	};
	Names {
		calls: variants(&metadata.types, pallet.calls.as_ref().expect("calls").ty.id),
		events: variants(&metadata.types, pallet.event.as_ref().expect("events").ty.id),
		errors: variants(&metadata.types, pallet.error.as_ref().expect("errors").ty.id),
		storage: pallet
			.storage
			.as_ref()
			.expect("storage")
			.entries
			.iter()
			.map(|e| lower_camel(&e.name))
			.collect(),
	}
}

#[test]
fn the_calls_table_lists_every_call_and_no_other() {
	let shown: BTreeSet<String> = readme()
		.lines()
		.filter_map(|l| l.strip_prefix("| `guardian."))
		.map(|rest| rest.split('(').next().unwrap_or_default().to_string())
		.collect();
	assert_eq!(shown, names().calls);
}

#[test]
fn the_events_paragraph_lists_every_event_and_no_other() {
	let readme = readme();
	let shown = spans(between(&readme, "\nEvents: ", "). Every playbook"));
	assert_eq!(shown, names().events);
}

#[test]
fn every_error_is_documented() {
	// Prose only: a code block's backticks would shift the spans.
	let mut fenced = false;
	let prose: String = readme()
		.lines()
		.filter(|l| {
			fenced ^= l.starts_with("```");
			!fenced && !l.starts_with("```")
		})
		.collect::<Vec<_>>()
		.join("\n");
	let documented = spans(&prose);
	let missing: Vec<_> = names().errors.into_iter().filter(|e| !documented.contains(e)).collect();
	assert!(missing.is_empty(), "errors the README never names: {missing:?}");
}

#[test]
fn the_storage_list_is_the_pallets_storage() {
	let readme = readme();
	// The list ends at the full stop after its last item's closing backtick.
	let list = between(&readme, "Storage (Developer → Chain state →\n`guardian`): ", "`.");
	let shown = spans(&format!("{list}`"));
	assert_eq!(shown, names().storage);
}

#[test]
fn the_runtime_api_table_is_the_api_at_its_version() {
	use pallet_guardian::runtime_api::{runtime_decl_for_guardian_api, GuardianApi};
	let version =
		<dyn GuardianApi<Block, AccountId, Balance, BlockNumber> as RuntimeApiInfo>::VERSION;
	let readme = readme();
	assert!(
		readme.contains(&format!("(`GuardianApi` version {version})")),
		"the README names GuardianApi version {version}"
	);
	let table =
		between(&readme, "**Read the state through the runtime API.**", "\nThe same answers");
	let shown: BTreeSet<String> = table
		.lines()
		.filter_map(|l| l.strip_prefix("| `"))
		.map(|rest| rest.split('(').next().unwrap_or_default().to_string())
		.collect();
	let methods: BTreeSet<String> =
		runtime_decl_for_guardian_api::runtime_metadata::<Block, AccountId, Balance, BlockNumber>(
			version,
		)
		.methods
		.iter()
		.map(|m| lower_camel(m.name))
		.collect();
	assert_eq!(shown, methods);
}

#[test]
fn the_layout_lists_every_integration_test_file() {
	let readme = readme();
	let row = between(&readme, "| `tests/tests/` |", "\n");
	let shown = spans(row);
	let files: BTreeSet<String> = fs::read_dir(root().join("tests/tests"))
		.expect("tests/tests")
		.filter_map(|e| {
			let path = e.ok()?.path();
			let stem = path.file_stem()?.to_string_lossy().to_string();
			(path.extension()? == "rs").then_some(stem)
		})
		.collect();
	assert_eq!(shown, files);
}
