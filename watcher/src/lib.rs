//! # guardian-watcher: the guardian's off-chain security agent
//!
//! On-chain monitors see only what the runtime sees. This agent runs next to a node (a chain
//! team's, an auditor's, any token holder's) and sees more: the transaction pool, what normal
//! looks like for every signal, patterns no on-chain threshold was written for. What it finds
//! it can put a bond behind: a `Guardian.report` that pauses a reportable target at once and
//! is judged by governance (see `pallet_guardian::reports`).
//!
//! ```text
//!   node ──WebSocket (subxt)──► observability      ──► analysis            ──► execution
//!        best blocks, events,   signals per block:      a learned baseline     log the finding and
//!        storage, the pool      outflows, issuance,     per signal (EWMA       its evidence hash,
//!                               calls, pool, oracle,    mean/variance, clip),  Prometheus metrics,
//!                               block time, finality    fixed rules            a bonded report
//!                                                                              (--submit --key)
//! ```
//!
//! * [`signals`]: observability (what is measured, one sample per signal per block).
//! * [`detector`]: analysis (the model, its parameters and warm-up).
//! * [`execute`]: execution (metrics, reports).
//! * [`follow`]: the connection: following best blocks, reconnecting, runtime upgrades.

pub mod detector;
pub mod execute;
pub mod follow;
pub mod logger;
pub mod signals;
