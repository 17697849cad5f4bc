//! The README's integration guide is this crate's code: every code block of the README that
//! follows a `<!-- guide: <file>#<region> -->` line must be, character for character, the
//! region of that file between `guide:start <region>` and `guide:end <region>` (tabs shown as
//! four spaces, the region's common indentation removed), and every region of this crate must
//! be shown. Run with `GUIDE_BLESS=1` to rewrite the README's blocks from the code.

use std::{collections::BTreeSet, fs, path::PathBuf};

const MARKER: &str = "<!-- guide: ";

fn root() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The region `name` of `file` (relative to the repository), as the README shows it.
fn region(file: &str, name: &str) -> Result<String, String> {
	let text = fs::read_to_string(root().join(file)).map_err(|e| format!("{file}: {e}"))?;
	let lines: Vec<&str> = text.lines().collect();
	let is = |line: &str, what: &str| {
		let line = line.trim();
		let rest = line.strip_prefix("//").or_else(|| line.strip_prefix('#'));
		rest.map(|r| r.trim() == format!("guide:{what} {name}")).unwrap_or(false)
	};
	let start =
		lines.iter().position(|l| is(l, "start")).ok_or(format!("{file}: no region {name}"))?;
	let end = lines[start..]
		.iter()
		.position(|l| is(l, "end"))
		.map(|i| start + i)
		.ok_or(format!("{file}: region {name} has no end"))?;
	let body: Vec<String> = lines[start + 1..end].iter().map(|l| l.replace('\t', "    ")).collect();
	let indent = body
		.iter()
		.filter(|l| !l.trim().is_empty())
		.map(|l| l.len() - l.trim_start().len())
		.min()
		.unwrap_or(0);
	Ok(body
		.iter()
		.map(|l| if l.trim().is_empty() { String::new() } else { l[indent..].to_string() })
		.collect::<Vec<_>>()
		.join("\n"))
}

/// Where regions may be declared: this crate's sources and the template's configurations.
const SOURCES: [&str; 3] =
	["examples/minimal-runtime", "examples/minimal-runtime/src", "runtime/src/configs"];

/// Every region declared in [`SOURCES`]: (file, name). A marker deleted from the README, or
/// mistyped, leaves its region unshown, which fails.
fn declared() -> BTreeSet<(String, String)> {
	let mut all = BTreeSet::new();
	for dir in SOURCES {
		for entry in fs::read_dir(root().join(dir)).expect("a source folder") {
			let path = entry.expect("entry").path();
			let name = path.file_name().expect("a name").to_string_lossy().to_string();
			if !(name.ends_with(".rs") || name == "Cargo.toml") {
				continue;
			}
			let text = fs::read_to_string(&path).expect("source");
			for line in text.lines() {
				let line = line.trim().trim_start_matches("//").trim_start_matches('#').trim();
				if let Some(region) = line.strip_prefix("guide:start ") {
					all.insert((format!("{dir}/{name}"), region.trim().to_string()));
				}
			}
		}
	}
	all
}

#[test]
fn the_readme_shows_exactly_the_code_that_compiles() {
	let path = root().join("README.md");
	let readme = fs::read_to_string(&path).expect("README.md");
	let lines: Vec<&str> = readme.lines().collect();
	let bless = std::env::var_os("GUIDE_BLESS").is_some();
	assert!(!(bless && std::env::var_os("CI").is_some()), "GUIDE_BLESS never runs in CI");
	let mut out: Vec<String> = Vec::new();
	let mut shown = BTreeSet::new();
	let mut problems = Vec::new();
	let mut i = 0;
	while i < lines.len() {
		out.push(lines[i].to_string());
		let Some(target) = lines[i].trim().strip_prefix(MARKER).and_then(|r| r.strip_suffix("-->"))
		else {
			i += 1;
			continue;
		};
		let (file, name) = target.trim().split_once('#').expect("<file>#<region>");
		shown.insert((file.to_string(), name.to_string()));
		let fence = lines.get(i + 1).copied().unwrap_or_default();
		assert!(fence.starts_with("```"), "README line {}: a code block must follow", i + 2);
		let close = lines[i + 2..]
			.iter()
			.position(|l| l.starts_with("```"))
			.map(|k| i + 2 + k)
			.expect("the code block ends");
		let block = lines[i + 2..close].join("\n");
		match region(file, name) {
			Ok(code) if code == block => {}
			Ok(code) => problems.push(format!(
				"README line {}: the block differs from {file}#{name}:\n--- README\n{block}\n--- code\n{code}",
				i + 1
			)),
			Err(e) => problems.push(format!("README line {}: {e}", i + 1)),
		}
		out.push(fence.to_string());
		match region(file, name) {
			Ok(code) if bless => out.push(code),
			_ => out.extend(lines[i + 2..close].iter().map(|l| l.to_string())),
		}
		out.push(lines[close].to_string());
		i = close + 1;
	}
	for missing in declared().difference(&shown) {
		problems.push(format!("{}#{} is not shown in the README", missing.0, missing.1));
	}
	if bless {
		let mut text = out.join("\n");
		text.push('\n');
		fs::write(&path, text).expect("README.md written");
		return;
	}
	assert!(
		problems.is_empty(),
		"{}\n\n(GUIDE_BLESS=1 cargo test --workspace --exclude pallet-guardian --test guide \
		 rewrites the README's blocks from the code)",
		problems.join("\n\n")
	);
}
