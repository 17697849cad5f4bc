//! [`AllowAlertsFrom`]: the XCM barrier that lets an allowed alert source's alert run without
//! paying, and nothing else.

use super::Location;
use crate::{Call, Config};
use codec::DecodeLimit;
use core::marker::PhantomData;
use frame_support::traits::{IsSubType, ProcessMessageError};
use xcm::latest::{Instruction, OriginKind, Weight, WeightLimit};
use xcm_executor::traits::{Properties, ShouldExecute};

/// Accepts a message only if its origin is an allowed alert source (`AlertSources`) and the
/// message is exactly an alert: `UnpaidExecution` (with `check_origin: None` and a limit that
/// covers the message), one `Transact` with `OriginKind::Xcm` whose call decodes to this
/// runtime's `Guardian.receive_alert`, and optionally a final `SetTopic`. Put it first in the
/// barrier tuple; every other message falls through to the chain's own (paid) barriers.
pub struct AllowAlertsFrom<T>(PhantomData<T>);

impl<T: Config> ShouldExecute for AllowAlertsFrom<T> {
	fn should_execute<RuntimeCall>(
		origin: &Location,
		instructions: &mut [Instruction<RuntimeCall>],
		max_weight: Weight,
		_properties: &mut Properties,
	) -> Result<(), ProcessMessageError> {
		if !crate::AlertSources::<T>::contains_key(origin) {
			return Err(ProcessMessageError::Unsupported);
		}
		let (limit, kind, call) = match instructions {
			[Instruction::UnpaidExecution { weight_limit, check_origin: None }, Instruction::Transact { origin_kind, call, .. }]
			| [Instruction::UnpaidExecution { weight_limit, check_origin: None }, Instruction::Transact { origin_kind, call, .. }, Instruction::SetTopic(_)] => {
				(weight_limit, origin_kind, call)
			}
			_ => return Err(ProcessMessageError::Unsupported),
		};
		if *kind != OriginKind::Xcm {
			return Err(ProcessMessageError::Unsupported);
		}
		if let WeightLimit::Limited(limit) = limit {
			if limit.any_lt(max_weight) {
				return Err(ProcessMessageError::Overweight(max_weight));
			}
		}
		let encoded = call.encoded();
		let Ok(decoded) = <T as Config>::RuntimeCall::decode_all_with_depth_limit(
			frame_support::MAX_EXTRINSIC_DEPTH,
			&mut &encoded[..],
		) else {
			return Err(ProcessMessageError::BadFormat);
		};
		match decoded.is_sub_type() {
			Some(Call::<T>::receive_alert { .. }) => Ok(()),
			_ => Err(ProcessMessageError::Unsupported),
		}
	}
}
