//! Counting the storage reads a piece of runtime code performs.
//!
//! [`reads_of`] runs a closure under externalities that forward everything to the current
//! ones and record the key of every read (`storage`, `storage_hash`, `exists_storage`,
//! `next_storage_key`, child storage too). [`charged`] then drops the keys the runtime
//! whitelists for benchmarks (`AllPalletsWithSystem::whitelisted_storage_keys()`), which is
//! what frame-benchmarking does when it counts the reads a weight pays for.

use frame_support::traits::WhitelistedStorageKeys;
use guardian_runtime::AllPalletsWithSystem;
use sp_core::storage::{ChildInfo, StateVersion, TrackedStorageKey};
use sp_externalities::{Extension, ExtensionStore, Externalities, MultiRemovalResults};
use std::any::{Any, TypeId};

struct Counting<'a> {
	inner: &'a mut dyn Externalities,
	reads: Vec<Vec<u8>>,
	writes: Vec<Vec<u8>>,
}

impl ExtensionStore for Counting<'_> {
	fn extension_by_type_id(&mut self, type_id: TypeId) -> Option<&mut dyn Any> {
		self.inner.extension_by_type_id(type_id)
	}
	fn register_extension_with_type_id(
		&mut self,
		type_id: TypeId,
		extension: Box<dyn Extension>,
	) -> Result<(), sp_externalities::Error> {
		self.inner.register_extension_with_type_id(type_id, extension)
	}
	fn deregister_extension_by_type_id(
		&mut self,
		type_id: TypeId,
	) -> Result<(), sp_externalities::Error> {
		self.inner.deregister_extension_by_type_id(type_id)
	}
}

impl Externalities for Counting<'_> {
	fn set_offchain_storage(&mut self, key: &[u8], value: Option<&[u8]>) {
		self.inner.set_offchain_storage(key, value)
	}
	fn storage(&mut self, key: &[u8]) -> Option<Vec<u8>> {
		self.reads.push(key.to_vec());
		self.inner.storage(key)
	}
	fn storage_hash(&mut self, key: &[u8]) -> Option<Vec<u8>> {
		self.reads.push(key.to_vec());
		self.inner.storage_hash(key)
	}
	fn child_storage_hash(&mut self, child_info: &ChildInfo, key: &[u8]) -> Option<Vec<u8>> {
		self.reads.push(key.to_vec());
		self.inner.child_storage_hash(child_info, key)
	}
	fn child_storage(&mut self, child_info: &ChildInfo, key: &[u8]) -> Option<Vec<u8>> {
		self.reads.push(key.to_vec());
		self.inner.child_storage(child_info, key)
	}
	fn exists_storage(&mut self, key: &[u8]) -> bool {
		self.reads.push(key.to_vec());
		self.inner.exists_storage(key)
	}
	fn exists_child_storage(&mut self, child_info: &ChildInfo, key: &[u8]) -> bool {
		self.reads.push(key.to_vec());
		self.inner.exists_child_storage(child_info, key)
	}
	fn next_storage_key(&mut self, key: &[u8]) -> Option<Vec<u8>> {
		self.reads.push(key.to_vec());
		self.inner.next_storage_key(key)
	}
	fn next_child_storage_key(&mut self, child_info: &ChildInfo, key: &[u8]) -> Option<Vec<u8>> {
		self.reads.push(key.to_vec());
		self.inner.next_child_storage_key(child_info, key)
	}
	fn kill_child_storage(
		&mut self,
		child_info: &ChildInfo,
		maybe_limit: Option<u32>,
		maybe_cursor: Option<&[u8]>,
	) -> MultiRemovalResults {
		self.inner.kill_child_storage(child_info, maybe_limit, maybe_cursor)
	}
	fn clear_prefix(
		&mut self,
		prefix: &[u8],
		maybe_limit: Option<u32>,
		maybe_cursor: Option<&[u8]>,
	) -> MultiRemovalResults {
		self.inner.clear_prefix(prefix, maybe_limit, maybe_cursor)
	}
	fn clear_child_prefix(
		&mut self,
		child_info: &ChildInfo,
		prefix: &[u8],
		maybe_limit: Option<u32>,
		maybe_cursor: Option<&[u8]>,
	) -> MultiRemovalResults {
		self.inner.clear_child_prefix(child_info, prefix, maybe_limit, maybe_cursor)
	}
	fn place_storage(&mut self, key: Vec<u8>, value: Option<Vec<u8>>) {
		self.writes.push(key.clone());
		self.inner.place_storage(key, value)
	}
	fn place_child_storage(
		&mut self,
		child_info: &ChildInfo,
		key: Vec<u8>,
		value: Option<Vec<u8>>,
	) {
		self.inner.place_child_storage(child_info, key, value)
	}
	fn storage_root(&mut self, state_version: StateVersion) -> Vec<u8> {
		self.inner.storage_root(state_version)
	}
	fn child_storage_root(
		&mut self,
		child_info: &ChildInfo,
		state_version: StateVersion,
	) -> Vec<u8> {
		self.inner.child_storage_root(child_info, state_version)
	}
	fn storage_append(&mut self, key: Vec<u8>, value: Vec<u8>) {
		self.writes.push(key.clone());
		self.inner.storage_append(key, value)
	}
	fn storage_start_transaction(&mut self) {
		self.inner.storage_start_transaction()
	}
	fn storage_rollback_transaction(&mut self) -> Result<(), ()> {
		self.inner.storage_rollback_transaction()
	}
	fn storage_commit_transaction(&mut self) -> Result<(), ()> {
		self.inner.storage_commit_transaction()
	}
	fn wipe(&mut self) {
		self.inner.wipe()
	}
	fn commit(&mut self) {
		self.inner.commit()
	}
	fn read_write_count(&self) -> (u32, u32, u32, u32) {
		self.inner.read_write_count()
	}
	fn reset_read_write_count(&mut self) {
		self.inner.reset_read_write_count()
	}
	fn get_whitelist(&self) -> Vec<TrackedStorageKey> {
		self.inner.get_whitelist()
	}
	fn set_whitelist(&mut self, new: Vec<TrackedStorageKey>) {
		self.inner.set_whitelist(new)
	}
	fn get_read_and_written_keys(&self) -> Vec<(Vec<u8>, u32, u32, bool)> {
		self.inner.get_read_and_written_keys()
	}
}

/// Runs `f` and returns its result with the key of every storage read it made, in order.
pub fn reads_of<R>(f: impl FnOnce() -> R) -> (R, Vec<Vec<u8>>) {
	let (result, reads, _) = accesses_of(f);
	(result, reads)
}

/// Runs `f` and returns its result with the keys of every storage read and every write
/// (`place_storage` and appends, events included) it made, in order.
pub fn accesses_of<R>(f: impl FnOnce() -> R) -> (R, Vec<Vec<u8>>, Vec<Vec<u8>>) {
	sp_externalities::with_externalities(|inner| {
		let mut counting = Counting { inner, reads: Vec::new(), writes: Vec::new() };
		let result = sp_externalities::set_and_run_with_externalities(&mut counting, f);
		(result, counting.reads, counting.writes)
	})
	.expect("called inside externalities")
}

/// The distinct keys among `keys` (a benchmark pays once per key; repeats hit the cache).
pub fn distinct(keys: &[Vec<u8>]) -> Vec<Vec<u8>> {
	let mut keys = keys.to_vec();
	keys.sort();
	keys.dedup();
	keys
}

/// The reads among `reads` that a benchmark charges: those of keys the runtime does not
/// whitelist, nor frame-benchmarking itself (the storage-layer depth, `:transaction_level:`).
pub fn charged(reads: &[Vec<u8>]) -> Vec<Vec<u8>> {
	let whitelist = AllPalletsWithSystem::whitelisted_storage_keys();
	let layer = frame_support::storage::transactional::TRANSACTION_LEVEL_KEY;
	reads
		.iter()
		.filter(|key| !whitelist.iter().any(|w| &w.key == *key) && key.as_slice() != layer)
		.cloned()
		.collect()
}
