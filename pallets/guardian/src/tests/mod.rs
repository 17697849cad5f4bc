//! Unit tests on a mock runtime: the mock, then one file per capability. The integration tests
//! against the real template runtime are in the workspace's `tests/` crate.

mod breakers;
mod caps;
mod cross_chain;
mod layout;
pub(crate) mod mock;
mod monitors;
mod reports;
mod responses;
mod sdk_traits;
