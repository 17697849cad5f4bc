//! The guardian on a network: four Aura/GRANDPA validators and a full node (zombienet-sdk,
//! native provider, the real `guardian-node`). Every decision the guardian takes is a
//! consensus decision: the same at the same block hash on every node, final once GRANDPA
//! finalizes it, and enforced by every node's transaction pool.
//!
//! One network serves every scenario (spawning five nodes is the expensive part); each
//! scenario is a function, run in order, printing what it measured.

use codec::{Decode, Encode};
use guardian_network_tests::*;
use guardian_runtime::{BlockNumber, RuntimeCall, UNIT};
use pallet_guardian::{
	Limit, MonitorInput, PlaybookInput, PolicyInput, RiskLevel, Rule, Source, WindowSpec,
	CAP_EXCEEDED_ERROR, PAUSED_CALL_ERROR,
};
use sp_core::H256;
use sp_keyring::Sr25519Keyring as Keyring;
use sp_runtime::{MultiAddress, Perbill};
use std::time::{Duration, Instant};

/// How long anything may take to be finalized everywhere (a few 6 s slots; generous for a
/// loaded CI machine).
const FINALITY: Duration = Duration::from_secs(120);
/// How many pauses the latency is measured over.
const LATENCY_RUNS: usize = 3;

fn transfer(to: Keyring, value: u128) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: MultiAddress::Id(to.to_account_id()),
		value,
	})
}

fn pause_call(duration: BlockNumber) -> RuntimeCall {
	sudo(RuntimeCall::Guardian(pallet_guardian::Call::pause {
		target: pallet_target("Balances"),
		duration,
	}))
}

fn resume_call() -> RuntimeCall {
	sudo(RuntimeCall::Guardian(pallet_guardian::Call::resume { target: pallet_target("Balances") }))
}

/// Whether `pallet::call` is paused at `at` on `node` (the runtime API's answer, raw).
async fn paused_at(node: &Node, at: H256) -> Result<Vec<u8>> {
	node.api_raw(
		"GuardianApi_paused_until",
		(b"Balances".to_vec(), b"transfer_keep_alive".to_vec()),
		at,
	)
	.await
}

fn is_paused(answer: &[u8]) -> Result<bool> {
	Ok(Option::<BlockNumber>::decode(&mut &answer[..])?.is_some())
}

/// The first block, counting from `from`, whose state satisfies `holds` on `node` once it is
/// finalized there; waits for finality. Returns the block and the time it was seen final.
async fn finalized_block_where(
	node: &Node,
	from: BlockNumber,
	what: &str,
	holds: impl AsyncFn(H256) -> Result<bool>,
) -> Result<(Finalized, Instant)> {
	let mut next = from;
	node.wait_for(what, FINALITY, async || {
		let head = node.finalized().await?;
		let mut number = next;
		while number <= head.number {
			let hash = node.hash_of(number).await?.ok_or("a finalized block without a hash")?;
			if holds(hash).await? {
				return Ok(Some((Finalized { hash, number }, Instant::now())));
			}
			number += 1;
		}
		next = number;
		Ok(None)
	})
	.await
}

/// Blocks are produced and finalized on every node.
async fn blocks_are_produced_and_finalized_everywhere(net: &LocalNetwork) -> Result<()> {
	let heads = net
		.on_every_node("a finalized block 3", FINALITY, async |node| {
			let head = node.finalized().await?;
			Ok((head.number >= 3).then_some(head.number))
		})
		.await?;
	println!("finalized heads: {heads:?}");
	Ok(())
}

/// A pause submitted to Alice is in force on all five nodes from the same finalized block;
/// Charlie's pool refuses a paused transfer with the documented code; the resume likewise.
/// Returns the pause's latency to finality on every node, in blocks and seconds.
async fn a_pause_is_in_force_everywhere_from_the_same_finalized_block(
	net: &LocalNetwork,
) -> Result<(u32, Duration)> {
	let alice = net.node("alice");
	let charlie = net.node("charlie");
	let start = alice.finalized().await?.number;
	let submitted = Instant::now();
	let submitted_at = alice.best_number().await?;
	alice.submit(&alice.sign(Keyring::Alice, pause_call(1_000)).await?).await?;

	// Each node: the first finalized block with the pause in force.
	let mut included = Vec::new();
	let mut latest = submitted;
	for node in &net.nodes {
		let (block, seen) =
			finalized_block_where(node, start, "the pause, finalized", async |hash| {
				is_paused(&paused_at(node, hash).await?)
			})
			.await?;
		latest = latest.max(seen);
		included.push(block);
	}
	let first = included[0];
	if included.iter().any(|block| *block != first) {
		return Err(format!("the nodes disagree on the pause's block: {included:?}").into());
	}
	// The same answer at that hash from every node.
	let answers = futures_join(net, async |node| paused_at(node, first.hash).await).await?;
	if answers.iter().any(|answer| *answer != answers[0]) {
		return Err("the runtime API answers differ at the same hash".into());
	}
	let latency = (first.number.saturating_sub(submitted_at), latest - submitted);

	// Charlie's pool refuses a paused transfer: Custom error 180.
	let refused =
		charlie.submit(&charlie.sign(Keyring::Bob, transfer(Keyring::Ferdie, UNIT)).await?).await;
	let refusal = refused.err().ok_or("Charlie's pool accepted a paused transfer")?;
	if !refusal.contains(&format!("Custom error: {PAUSED_CALL_ERROR}")) {
		return Err(format!("unexpected refusal: {refusal}").into());
	}

	// The resume, submitted to Alice: finalized everywhere, then Charlie's pool takes it.
	let from = first.number;
	alice.submit(&alice.sign(Keyring::Alice, resume_call()).await?).await?;
	let mut resumed = Vec::new();
	for node in &net.nodes {
		let (block, _) = finalized_block_where(node, from, "the resume, finalized", async |hash| {
			Ok(!is_paused(&paused_at(node, hash).await?)?)
		})
		.await?;
		resumed.push(block);
	}
	if resumed.iter().any(|block| *block != resumed[0]) {
		return Err(format!("the nodes disagree on the resume's block: {resumed:?}").into());
	}
	charlie
		.submit(&charlie.sign(Keyring::Bob, transfer(Keyring::Ferdie, UNIT)).await?)
		.await
		.map_err(|refusal| format!("Charlie's pool refused after the resume: {refusal}"))?;
	Ok(latency)
}

/// Runs `f` on every node (in turn) and collects the results.
async fn futures_join<T>(
	net: &LocalNetwork,
	f: impl AsyncFn(&Node) -> Result<T>,
) -> Result<Vec<T>> {
	let mut out = Vec::new();
	for node in &net.nodes {
		out.push(f(node).await?);
	}
	Ok(out)
}

/// A cap set by a council motion (4 of 5 ayes: the cap origin is two thirds of the council)
/// refuses the same over-limit transfer in every node's pool, and every node has the same
/// events for the block that executed the motion.
async fn a_cap_set_by_the_council_holds_on_every_node(net: &LocalNetwork) -> Result<()> {
	let set_policy = RuntimeCall::Guardian(pallet_guardian::Call::set_policy {
		who: MultiAddress::Id(Keyring::Ferdie.to_account_id()),
		policy: PolicyInput {
			windows: vec![WindowSpec { period: 100, limit: Limit::Absolute(10 * UNIT) }],
			high_water: None,
			response: None,
		},
	});
	let length_bound = set_policy.encoded_size() as u32;
	let hash = <sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash_of(&set_policy);
	let index_key = value_key("Council", "ProposalCount");
	let alice = net.node("alice");
	let head = alice.finalized().await?;
	let index = match alice.storage(&index_key, head.hash).await? {
		Some(bytes) => u32::decode(&mut &bytes[..])?,
		None => 0,
	};
	let propose = RuntimeCall::Council(pallet_collective::Call::propose {
		threshold: 4,
		proposal: Box::new(set_policy.clone()),
		length_bound,
	});
	alice.submit_and_finalize(&alice.sign(Keyring::Alice, propose).await?).await?;
	// Each member votes through a different node.
	let mut votes = Vec::new();
	for (member, node) in
		[Keyring::Alice, Keyring::Bob, Keyring::Charlie, Keyring::Dave].into_iter().zip(&net.nodes)
	{
		let vote = RuntimeCall::Council(pallet_collective::Call::vote {
			proposal: hash,
			index,
			approve: true,
		});
		votes.push((node, node.sign(member, vote).await?));
	}
	for (node, xt) in &votes {
		node.submit(xt).await.map_err(|e| format!("vote refused: {e}"))?;
	}
	let eve = net.node(FULL_NODE);
	let close = RuntimeCall::Council(pallet_collective::Call::close {
		proposal_hash: hash,
		index,
		proposal_weight_bound: frame_support::dispatch::GetDispatchInfo::get_dispatch_info(
			&set_policy,
		)
		.call_weight,
		length_bound,
	});
	// Closing through the full node, once the votes are in.
	let voted_key = [
		value_key("Council", "Voting"),
		// `Voting` is keyed with the `Identity` hasher.
		hash.encode(),
	]
	.concat();
	eve.wait_for("four ayes", FINALITY, async || {
		let head = eve.finalized().await?;
		Ok(eve.storage(&voted_key, head.hash).await?.and_then(|bytes| {
			// pallet-collective's `Votes` keeps its fields private: its encoding starts with
			// the index, the threshold and the ayes.
			<(u32, u32, Vec<sp_core::crypto::AccountId32>)>::decode(&mut &bytes[..])
				.ok()
				.filter(|(_, _, ayes)| ayes.len() >= 4)
		}))
	})
	.await?;
	let executed = eve.submit_and_finalize(&eve.sign(Keyring::Eve, close).await?).await?;

	// The same events at that block on every node.
	let events_key = value_key("System", "Events");
	let events =
		futures_join(net, async |node| node.storage(&events_key, executed.hash).await).await?;
	if events.iter().any(|e| *e != events[0]) || events[0].is_none() {
		return Err("the nodes' events differ at the motion's block".into());
	}
	// The policy is there (the runtime API at that hash, every node).
	let ferdie = Keyring::Ferdie.to_account_id();
	let windows = futures_join(net, async |node| {
		node.api_raw("GuardianApi_allowances", ferdie.clone(), executed.hash).await
	})
	.await?;
	if windows.iter().any(|w| *w != windows[0]) || windows[0].len() <= 1 {
		return Err("the nodes disagree on Ferdie's allowances".into());
	}
	// One over-limit transfer, signed once, refused by every node's pool: Custom error 181.
	let over = alice.sign(Keyring::Ferdie, transfer(Keyring::Bob, 20 * UNIT)).await?;
	for node in &net.nodes {
		let refusal = node.submit(&over).await.err().ok_or(format!("{} accepted it", node.name))?;
		if !refusal.contains(&format!("Custom error: {CAP_EXCEEDED_ERROR}")) {
			return Err(format!("{}: unexpected refusal {refusal}", node.name).into());
		}
	}
	Ok(())
}

/// A monitor firing from a transaction submitted to Bob: the same anomaly, pause and risk
/// level at the same finalized block on every node. Governance resets it afterwards.
async fn an_automatic_response_is_the_same_everywhere(net: &LocalNetwork) -> Result<()> {
	let alice = net.node("alice");
	let bob = net.node("bob");
	let monitor = RuntimeCall::Guardian(pallet_guardian::Call::set_monitor {
		source: Source::Issuance,
		monitor: MonitorInput {
			rule: Some(Rule::Flow {
				period: 100,
				rise: Some(Limit::ShareOfBalance(Perbill::from_percent(1))),
				fall: None,
			}),
			stale_after: None,
			playbook: PlaybookInput {
				pause: vec![pallet_target("Balances")],
				pause_inbound: false,
				raise_to: RiskLevel::Critical,
				duration: 50,
			},
		},
	});
	alice.submit_and_finalize(&alice.sign(Keyring::Alice, sudo(monitor)).await?).await?;
	// A mint of 1 000 000 UNIT (more than 1 % of the issuance), submitted to Bob.
	let mint = sudo(RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
		who: MultiAddress::Id(Keyring::Ferdie.to_account_id()),
		new_free: 2_000_000 * UNIT,
	}));
	let fired = bob.submit_and_finalize(&bob.sign(Keyring::Alice, mint).await?).await?;
	let levels = futures_join(net, async |node| {
		node.api::<RiskLevel>("GuardianApi_risk_level", (), fired.hash).await
	})
	.await?;
	if levels.iter().any(|level| *level != RiskLevel::Critical) {
		return Err(format!("not Critical everywhere: {levels:?}").into());
	}
	let pauses = futures_join(net, async |node| {
		node.api_raw("GuardianApi_active_pauses", (), fired.hash).await
	})
	.await?;
	let events_key = value_key("System", "Events");
	let events =
		futures_join(net, async |node| node.storage(&events_key, fired.hash).await).await?;
	if pauses.iter().any(|p| *p != pauses[0]) || events.iter().any(|e| *e != events[0]) {
		return Err("the response differs between nodes".into());
	}
	let reset = sudo(RuntimeCall::Guardian(pallet_guardian::Call::reset_response {
		source: Source::Issuance,
	}));
	let remove = sudo(RuntimeCall::Guardian(pallet_guardian::Call::remove_monitor {
		source: Source::Issuance,
	}));
	alice.submit_and_finalize(&alice.sign(Keyring::Alice, reset).await?).await?;
	let done = alice.submit_and_finalize(&alice.sign(Keyring::Alice, remove).await?).await?;
	let level = alice.api::<RiskLevel>("GuardianApi_risk_level", (), done.hash).await?;
	if level != RiskLevel::Normal {
		return Err(format!("the reset left {level:?}").into());
	}
	Ok(())
}

/// With Dave stopped, the other three validators keep finalizing (more than two thirds of
/// four); restarted on the same base path, Dave catches up and reports the same guardian state.
async fn one_validator_down_finality_goes_on_and_it_catches_up(
	net: &mut LocalNetwork,
) -> Result<()> {
	let before = net.node("alice").finalized().await?.number;
	net.with_node_down("dave", async |net| {
		let alice = net.node("alice");
		alice
			.wait_for("finality with Dave down", FINALITY, async || {
				let head = alice.finalized().await?;
				Ok((head.number >= before + 3).then_some(()))
			})
			.await?;
		// The guardian works meanwhile: a pause, finalized without Dave.
		alice.submit_and_finalize(&alice.sign(Keyring::Alice, pause_call(500)).await?).await?;
		Ok(())
	})
	.await?;
	// Dave catches up to Alice's finalized head and reports the same guardian state there.
	let target = net.node("alice").finalized().await?;
	let dave = net.node("dave");
	dave.wait_for("Dave catching up", FINALITY, async || {
		Ok((dave.finalized().await?.number >= target.number).then_some(()))
	})
	.await?;
	for key in
		["Pauses", "PauseHolds", "RiskState", "Watch"].map(|item| value_key("Guardian", item))
	{
		let mine = net.node("alice").storage(&key, target.hash).await?;
		let his = dave.storage(&key, target.hash).await?;
		if mine != his {
			return Err("Dave's guardian state differs after catching up".into());
		}
	}
	if !is_paused(&paused_at(dave, target.hash).await?)? {
		return Err("Dave missed the pause made while he was down".into());
	}
	let resume = net.node("alice").sign(Keyring::Alice, resume_call()).await?;
	net.node("alice").submit_and_finalize(&resume).await?;
	Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_network_agrees_on_every_guardian_decision() -> Result<()> {
	let started = Instant::now();
	let mut net = LocalNetwork::start().await?;
	println!("network up in {:?}", started.elapsed());
	let outcome = async {
		blocks_are_produced_and_finalized_everywhere(&net).await?;
		let mut latencies = Vec::new();
		for run in 0..LATENCY_RUNS {
			let latency = a_pause_is_in_force_everywhere_from_the_same_finalized_block(&net).await?;
			println!("pause {run}: in force and final on all 5 nodes {} blocks / {:.1} s after submission", latency.0, latency.1.as_secs_f64());
			latencies.push(latency);
		}
		latencies.sort_by_key(|(_, seconds)| *seconds);
		let median = latencies[latencies.len() / 2];
		println!(
			"pause to finality on every node: median {} blocks / {:.1} s over {LATENCY_RUNS} runs",
			median.0,
			median.1.as_secs_f64()
		);
		a_cap_set_by_the_council_holds_on_every_node(&net).await?;
		an_automatic_response_is_the_same_everywhere(&net).await?;
		one_validator_down_finality_goes_on_and_it_catches_up(&mut net).await?;
		Ok::<_, Error>(())
	}
	.await;
	let stopped = net.stop().await;
	println!("network suite: {:?}", started.elapsed());
	outcome?;
	stopped
}
