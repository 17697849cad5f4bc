//! A plain stderr logger: `<unix seconds> <LEVEL> <message>`, the agent's own records at the
//! level of `GUARDIAN_WATCHER_LOG` (`info` by default), other crates' warnings and errors only.

use log::{Level, LevelFilter, Log, Metadata, Record};
use std::time::{SystemTime, UNIX_EPOCH};

struct Logger {
	level: LevelFilter,
}

impl Log for Logger {
	fn enabled(&self, metadata: &Metadata) -> bool {
		if metadata.target().starts_with("guardian_watcher") {
			metadata.level() <= self.level
		} else {
			metadata.level() <= Level::Warn
		}
	}

	fn log(&self, record: &Record) {
		if self.enabled(record.metadata()) {
			let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
			eprintln!(
				"{}.{:03} {:5} {}",
				now.as_secs(),
				now.subsec_millis(),
				record.level(),
				record.args()
			);
		}
	}

	fn flush(&self) {}
}

/// Installs the logger (once).
pub fn init() {
	let level = std::env::var("GUARDIAN_WATCHER_LOG")
		.ok()
		.and_then(|level| level.parse().ok())
		.unwrap_or(LevelFilter::Info);
	if log::set_boxed_logger(Box::new(Logger { level })).is_ok() {
		log::set_max_level(LevelFilter::Debug.max(level));
	}
}
