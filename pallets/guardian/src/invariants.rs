//! Storage invariants, checked by `try_state` and after every test.

use crate::{
	breakers::Breakers,
	caps::Caps,
	cross_chain::CrossChain,
	guard_index::{self, Position},
	responses::{Class, Engine},
	Config, Contributor, Escalations, ExcessHolds, FreezeReason, GlobalCap, GuardIndex,
	GuardIndexOverflow, Guards, HoldReason, Monitors, NextReportId, OpenReportCount,
	OwnLimitAnnouncements, OwnLimitDeposits, Pallet, PauseHolds, Pauses, PendingObservations,
	Reportable, Reports, ReportsOf, ReportsOn, Responses, RiskContributions, RiskLevel, RiskState,
	Source, StaleWatch, Summary, Watch, WindowsOf,
};
use frame_support::traits::{
	fungible::{InspectFreeze, InspectHold},
	Get,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{One, Saturating, Zero};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// * [`Summary`] is exactly the summary of [`Pauses`] (count and earliest expiry);
	/// * no target is paused twice;
	/// * every pause began before it ends;
	/// * every stored target is still a valid target (known names, not whitelisted, not the
	///   guardian);
	/// * and the caps', monitors' and responses' invariants ([`Self::check_caps`],
	///   [`Self::check_monitors`], [`Self::check_responses`], [`Self::check_reports`]).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_caps()?;
		Self::check_monitors()?;
		Self::check_responses()?;
		Self::check_reports()?;
		Self::check_cross_chain()?;
		let pauses = Pauses::<T>::get();
		if Summary::<T>::get() != Breakers::<T>::summarise(&pauses) {
			return Err("Summary does not match Pauses".into());
		}
		for (i, record) in pauses.iter().enumerate() {
			if pauses.iter().skip(i.saturating_add(1)).any(|other| other.target == record.target) {
				return Err("a target is paused twice".into());
			}
			if record.since >= record.until {
				return Err("a pause ends before it begins".into());
			}
			if Engine::<T>::validate_target(&record.target.to_input()).is_err() {
				return Err("a stored target is no longer valid".into());
			}
		}
		Ok(())
	}

	/// Checks that:
	/// * at most `MaxAlertSources` sources are allowed, the counter counts them, their
	///   identifiers are unique and below `NextAlertSourceId`;
	/// * every source's mapped kinds are unique and its playbooks last between 1 block and
	///   `MaxProgrammaticPause`;
	/// * every inbound pause is held by governance or by an allowed source's response, at most
	///   once per (scope, holder), with at most `MaxInboundPauses − MaxAlertSources` held by
	///   governance;
	/// * every inbound cap is absolute, with a period and a limit, and at most `MaxInboundCaps`
	///   are set (the counter counts them);
	/// * every muted source is an allowed alert source, and no message's holding notes outlive it;
	/// * every undelivered alert is for a subscription (its destination, pallet index and
	///   kind), at most one per destination and kind.
	pub fn check_cross_chain() -> Result<(), TryRuntimeError> {
		use crate::{AlertSources, Contributor, NextAlertSourceId, XcmInboundPauses};
		let mut ids = alloc::vec::Vec::new();
		for (_, source) in AlertSources::<T>::iter() {
			if source.id >= NextAlertSourceId::<T>::get() {
				return Err("an alert source's id was never issued".into());
			}
			for (i, (kind, response)) in source.playbooks.iter().enumerate() {
				if source.playbooks.iter().skip(i.saturating_add(1)).any(|(k, _)| k == kind) {
					return Err("an alert source maps a kind twice".into());
				}
				let duration = response.duration;
				if duration.is_zero() || duration > T::MaxProgrammaticPause::get() {
					return Err("an alert playbook's duration is out of bounds".into());
				}
			}
			ids.push(source.id);
		}
		let count = ids.len();
		if count as u64 != u64::from(AlertSources::<T>::count())
			|| count as u64 > u64::from(T::MaxAlertSources::get())
		{
			return Err("the alert sources' counter is wrong".into());
		}
		ids.sort();
		ids.dedup();
		if ids.len() != count {
			return Err("two alert sources share an id".into());
		}
		let subscriptions = crate::AlertSubscriptions::<T>::get();
		let waiting = crate::UndeliveredAlerts::<T>::get();
		for (i, alert) in waiting.iter().enumerate() {
			if !subscriptions.iter().any(|s| {
				s.dest == alert.dest
					&& s.pallet_index == alert.pallet_index
					&& s.kinds.contains(&alert.alert.kind)
			}) {
				return Err("an undelivered alert is for no subscription".into());
			}
			if waiting
				.iter()
				.skip(i.saturating_add(1))
				.any(|w| w.is_for(&alert.dest, alert.alert.kind))
			{
				return Err("two undelivered alerts of one kind for one destination".into());
			}
		}
		if crate::InboundHolding::<T>::exists() {
			return Err("the notes of a message's holding outlived the message".into());
		}
		for (id, _) in crate::MutedAlertSources::<T>::iter() {
			if ids.binary_search(&id).is_err() {
				return Err("a muted alert source is not an alert source".into());
			}
		}
		let pauses = XcmInboundPauses::<T>::get();
		let mut governance: u32 = 0;
		for (i, pause) in pauses.iter().enumerate() {
			match pause.by {
				Contributor::Governance => governance = governance.saturating_add(1),
				Contributor::Alert(id) if ids.binary_search(&id).is_ok() => {}
				_ => return Err("an inbound pause has a holder that cannot hold one".into()),
			}
			if pauses
				.iter()
				.skip(i.saturating_add(1))
				.any(|other| other.by == pause.by && other.from == pause.from)
			{
				return Err("an inbound pause is held twice by the same holder".into());
			}
		}
		if governance > CrossChain::<T>::governance_inbound_room() {
			return Err("governance holds more inbound pauses than its room".into());
		}
		let mut caps: u32 = 0;
		for (_, cap) in crate::InboundCaps::<T>::iter() {
			caps = caps.saturating_add(1);
			let crate::Limit::Absolute(limit) = cap.spec.limit else {
				return Err("an inbound cap has a share limit".into());
			};
			if cap.spec.period.is_zero() || limit.is_zero() {
				return Err("an inbound cap has a zero period or limit".into());
			}
		}
		if caps != crate::InboundCaps::<T>::count() || caps > T::MaxInboundCaps::get() {
			return Err("the inbound caps' counter is wrong".into());
		}
		Ok(())
	}

	/// Checks that:
	/// * there are at most `MaxMonitors` monitors, and the counter counts them;
	/// * the staleness watch holds exactly the monitors with `stale_after`, once each, and the
	///   alert state's `next_stale` is its earliest deadline;
	/// * `issuance_watched` says whether an issuance monitor is set;
	/// * every monitor's playbook lasts between 1 block and `MaxProgrammaticPause`.
	pub fn check_monitors() -> Result<(), TryRuntimeError> {
		let mut count = 0u32;
		let mut stale = 0usize;
		let watch = StaleWatch::<T>::get();
		for (source, monitor) in Monitors::<T>::iter() {
			count = count.saturating_add(1);
			if monitor.stale_after.is_some() {
				stale = stale.saturating_add(1);
				if watch.iter().filter(|(s, _)| *s == source).count() != 1 {
					return Err("a monitor with stale_after is not watched once".into());
				}
			}
			let duration = monitor.playbook.duration;
			if duration.is_zero() || duration > T::MaxProgrammaticPause::get() {
				return Err("a playbook's duration is out of range".into());
			}
		}
		if count != Monitors::<T>::count() || count > T::MaxMonitors::get() {
			return Err("the monitor count is wrong or over the bound".into());
		}
		if watch.len() != stale {
			return Err("the staleness watch holds a source without stale_after".into());
		}
		let state = Watch::<T>::get();
		if state.next_stale != watch.iter().map(|(_, d)| *d).min() {
			return Err("next_stale is not the earliest staleness deadline".into());
		}
		if state.issuance_watched != Monitors::<T>::contains_key(Source::Issuance) {
			return Err("issuance_watched does not match the issuance monitor".into());
		}
		if state.issuance_watched != state.issuance_seen.is_some() {
			return Err("the issuance last read is kept exactly while it is watched".into());
		}
		for (i, source) in state.block_end.iter().enumerate() {
			if !source.moved_by_anyone() || !Monitors::<T>::contains_key(source) {
				return Err("a source due at the block's end is not a monitored metric".into());
			}
			if state.block_end.iter().skip(i.saturating_add(1)).any(|other| other == source) {
				return Err("a source is due at the block's end twice".into());
			}
		}
		if state.block_end.is_empty() != state.block_end_at.is_none() {
			return Err("sources due at a block's end without the block, or the reverse".into());
		}
		for source in crate::Standing::<T>::iter_keys() {
			if !source.moved_by_anyone() || !Monitors::<T>::contains_key(source) {
				return Err("a standing value belongs to no monitored metric".into());
			}
		}
		Ok(())
	}

	/// Checks that:
	/// * every paused target has its holders in [`PauseHolds`] and every entry there a stored
	///   pause, no target twice, no holder twice on one target, and each pause lasts exactly as
	///   long as its latest live holder;
	/// * no class of contributors holds more targets than its room;
	/// * the risk level in force is the highest level with a live contribution
	///   ([`RiskContributions`]), and [`RiskState`]'s deadlines are the latest live contribution
	///   at each level;
	/// * a monitor's or an alert source's live contribution or live hold belongs to its
	///   response in force for at least as long ([`Responses`]), so no part of a response can
	///   outlive what a reset withdraws; every response belongs to an existing monitor or source;
	/// * no observation waits to be judged between transactions ([`PendingObservations`]).
	pub fn check_responses() -> Result<(), TryRuntimeError> {
		let now = frame_system::Pallet::<T>::block_number();
		let (pauses, _) = Breakers::<T>::live(now);
		let holds = Engine::<T>::live_holds(now);
		let answered_until = |by: Contributor| Engine::<T>::in_force(by).map(|r| r.until);
		let bounded_by_response = |by: Contributor, until: BlockNumberFor<T>| match by {
			Contributor::Monitor(_) | Contributor::Alert(_) => {
				answered_until(by).is_some_and(|response| response >= until)
			}
			_ => true,
		};
		for record in pauses.iter() {
			if !holds.iter().any(|entry| entry.target == record.target) {
				return Err("a pause has no holder".into());
			}
		}
		for (i, entry) in holds.iter().enumerate() {
			let Some(record) = pauses.iter().find(|record| record.target == entry.target) else {
				return Err("a holder holds no stored pause".into());
			};
			if holds.iter().skip(i.saturating_add(1)).any(|other| other.target == entry.target) {
				return Err("a target's holders are listed twice".into());
			}
			for (j, (by, until)) in entry.holds.iter().enumerate() {
				if entry.holds.iter().skip(j.saturating_add(1)).any(|(other, _)| other == by) {
					return Err("a pause holder is listed twice".into());
				}
				if !bounded_by_response(*by, *until) {
					return Err("a response holds a pause beyond its response".into());
				}
			}
			if entry.holds.iter().map(|(_, until)| *until).max() != Some(record.until) {
				return Err("a pause does not last as long as its latest holder".into());
			}
		}
		for class in [
			Class::Governance,
			Class::Automatic,
			Class::Programmatic,
			Class::Reports,
			Class::Alerts,
		] {
			if Engine::<T>::room_used(&holds, class) > Engine::<T>::room_of(class) {
				return Err("a class holds more pauses than its room".into());
			}
		}
		let stored = Pauses::<T>::get();
		if PauseHolds::<T>::get().iter().any(|e| !stored.iter().any(|r| r.target == e.target)) {
			return Err("holds outlive their pause".into());
		}
		let (mut elevated, mut critical) = (None, None);
		for (by, level, until) in RiskContributions::<T>::iter() {
			if level == RiskLevel::Normal {
				return Err("a contribution at the Normal level".into());
			}
			if until <= now {
				continue;
			}
			if !bounded_by_response(by, until) {
				return Err("a response contributes a level beyond its response".into());
			}
			let slot = if level == RiskLevel::Critical { &mut critical } else { &mut elevated };
			if slot.is_none_or(|latest| latest < until) {
				*slot = Some(until);
			}
		}
		let state = RiskState::<T>::get();
		let live = |until: Option<BlockNumberFor<T>>| until.filter(|until| now < *until);
		if live(state.elevated_until) != elevated || live(state.critical_until) != critical {
			return Err("the level's deadlines are not the live contributions".into());
		}
		for pause in crate::XcmInboundPauses::<T>::get().iter().filter(|p| now < p.until) {
			if !bounded_by_response(pause.by, pause.until) {
				return Err("a response holds an inbound pause beyond its response".into());
			}
		}
		for (by, response) in Responses::<T>::iter() {
			if response.since > response.until {
				return Err("a response ends before it began".into());
			}
			let exists = match by {
				Contributor::Monitor(source) => Monitors::<T>::contains_key(source),
				Contributor::Alert(id) => {
					crate::AlertSources::<T>::iter_values().any(|source| source.id == id)
				}
				_ => false,
			};
			if !exists {
				return Err("a response belongs to no monitor or alert source".into());
			}
		}
		if PendingObservations::<T>::iter_keys().next().is_some() {
			return Err("an observation was left unjudged".into());
		}
		Ok(())
	}

	/// Checks that:
	/// * every guard record limits something, with non-empty windows of non-zero period;
	/// * every guarded account carries the guard marker (a one-planck freeze), so the ledger's
	///   "no freeze, so unguarded" is never wrong, and nothing else carries it;
	/// * the guard index counts exactly the guarded accounts (its counters plus their
	///   overflow), so the ledger's "certainly not guarded" is never wrong;
	/// * every own limit has its deposit on hold, and every deposit belongs to an own limit;
	/// * the excess hold records on an account (from accounts, and minted on an origin's word)
	///   are backed by at least as much held for [`HoldReason::Excess`] on it;
	/// * the global cap and every announcement have valid windows.
	pub fn check_caps() -> Result<(), TryRuntimeError> {
		let valid = |windows: &WindowsOf<T>| {
			!windows.is_empty() && windows.iter().all(|w| !w.spec.period.is_zero())
		};
		if !<T::Currency as crate::caps::ledger::LedgerTruth>::untrue_frozen().is_empty() {
			return Err("an account's stored frozen balance is not its locks' and freezes'".into());
		}
		let mut counts = alloc::vec![0u32; guard_index::INDEX_LEN];
		let mut guarded = 0u32;
		let marker = FreezeReason::Guarded.into();
		for (who, guard) in Guards::<T>::iter() {
			if guard.policy.is_none() && guard.own.is_none() {
				return Err("a guard record limits nothing".into());
			}
			if !guard.policy.as_ref().is_none_or(|p| valid(&p.windows))
				|| !guard.own.as_ref().is_none_or(valid)
			{
				return Err("a guard record has invalid windows".into());
			}
			if !Caps::<T>::may_be_guarded(&who) {
				return Err("a guarded account is missing from the guard index".into());
			}
			if T::Currency::balance_frozen(&marker, &who) != One::one() {
				return Err("a guarded account does not carry the guard marker".into());
			}
			if guard.own.is_some() != OwnLimitDeposits::<T>::contains_key(&who) {
				return Err("an own limit and its deposit record disagree".into());
			}
			for offset in Position::of(&who).offsets() {
				if let Some(count) = counts.get_mut(offset) {
					*count = count.saturating_add(1);
				}
			}
			guarded = guarded.saturating_add(1);
		}
		for (who, deposit) in OwnLimitDeposits::<T>::iter() {
			if T::Currency::balance_on_hold(&HoldReason::OwnLimit.into(), &who) < deposit {
				return Err("an own limit's deposit is not on hold".into());
			}
		}
		let stored = GuardIndex::<T>::get();
		if guarded == 0 && stored.is_some() {
			return Err("the guard index outlives the last guard".into());
		}
		let stored = stored.unwrap_or_default();
		for (offset, (counter, count)) in stored.0.iter().zip(counts.iter()).enumerate() {
			let overflow = GuardIndexOverflow::<T>::get(guard_index::offset_key(offset));
			if u32::from(*counter).saturating_add(overflow) != *count {
				return Err("the guard index does not count the guarded accounts".into());
			}
			if overflow > 0 && *counter != u8::MAX {
				return Err("a guard index counter overflows before it is full".into());
			}
		}
		let mut held: alloc::collections::btree_map::BTreeMap<T::AccountId, T::Balance> =
			Default::default();
		let records = ExcessHolds::<T>::iter()
			.map(|(on, _, record)| (on, record))
			.chain(crate::MintedExcessHolds::<T>::iter().map(|(on, _, record)| (on, record)));
		for (on, record) in records {
			let total = held.entry(on).or_insert_with(Zero::zero);
			*total = total.saturating_add(record.amount);
		}
		for (on, total) in held {
			if T::Currency::balance_on_hold(&HoldReason::Excess.into(), &on) < total {
				return Err("an excess hold record is not backed by a hold".into());
			}
		}
		if !GlobalCap::<T>::get().as_ref().is_none_or(|cap| valid(&cap.windows)) {
			return Err("the global cap has invalid windows".into());
		}
		for (_, announcement) in OwnLimitAnnouncements::<T>::iter() {
			if announcement.windows.as_ref().is_some_and(|w| w.is_empty()) {
				return Err("an announcement has no windows".into());
			}
		}
		Ok(())
	}

	/// Checks that:
	/// * [`OpenReportCount`] counts the open reports, at most `MaxOpenReports`, every one with
	///   an identifier below [`NextReportId`], its pause ending no earlier than it was filed
	///   (governance's `resume` ends it at once) and lasting at most `MaxReportPause`;
	/// * each reporter's [`ReportsOf`] counts its open reports, and exactly the sum of their
	///   deposits is on hold for [`HoldReason::Report`] on its account;
	/// * [`ReportsOn`] lists every open report under its target exactly once and nothing else,
	///   and only targets with open reports are [`Escalations`];
	/// * every reportable target is a valid target and not the whole chain.
	pub fn check_reports() -> Result<(), TryRuntimeError> {
		let mut count = 0u32;
		let mut by_reporter: alloc::collections::btree_map::BTreeMap<
			T::AccountId,
			(u32, T::Balance),
		> = Default::default();
		let next = NextReportId::<T>::get();
		for (id, report) in Reports::<T>::iter() {
			count = count.saturating_add(1);
			if id >= next {
				return Err("a report's identifier is not below NextReportId".into());
			}
			if report.filed > report.until
				|| report.until.saturating_sub(report.filed) > T::MaxReportPause::get()
			{
				return Err("a report's pause is out of range".into());
			}
			if ReportsOn::<T>::get(&report.target).iter().filter(|open| **open == id).count() != 1 {
				return Err("an open report is not listed once under its target".into());
			}
			let entry = by_reporter.entry(report.reporter.clone()).or_default();
			entry.0 = entry.0.saturating_add(1);
			entry.1 = entry.1.saturating_add(report.deposit);
		}
		if count != OpenReportCount::<T>::get() || count > T::MaxOpenReports::get() {
			return Err("OpenReportCount does not count the open reports".into());
		}
		for (reporter, open) in ReportsOf::<T>::iter() {
			if by_reporter.get(&reporter).map(|(n, _)| *n) != Some(open) {
				return Err("ReportsOf does not count a reporter's open reports".into());
			}
		}
		for (reporter, (open, deposits)) in by_reporter {
			if ReportsOf::<T>::get(&reporter) != open {
				return Err("a reporter's open reports are not counted".into());
			}
			if T::Currency::balance_on_hold(&HoldReason::Report.into(), &reporter) != deposits {
				return Err(
					"a reporter's held deposit differs from its open reports' deposits".into()
				);
			}
		}
		for (target, ids) in ReportsOn::<T>::iter() {
			if ids.is_empty() {
				return Err("an empty ReportsOn entry is stored".into());
			}
			if ids.iter().any(|id| Reports::<T>::get(id).is_none_or(|r| r.target != target)) {
				return Err("ReportsOn lists a report that is not open on that target".into());
			}
		}
		if Escalations::<T>::iter_keys().any(|target| !ReportsOn::<T>::contains_key(&target)) {
			return Err("an escalation outlived its target's open reports".into());
		}
		for target in Reportable::<T>::get() {
			if target == crate::PauseTarget::Chain
				|| Engine::<T>::validate_target(&target.to_input()).is_err()
			{
				return Err("a reportable target is invalid".into());
			}
		}
		Ok(())
	}
}
