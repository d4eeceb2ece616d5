//! The official Huawei Cloud Python SDK as a reference for this workspace.
//!
//! Submodules: `python_env` (the throwaway virtualenv every command here and the signer tasks
//! run the SDK in), `models` (`cargo xtask sdk-models`: record the SDK's operations and models),
//! `conformance` (spec/bss.yaml against that record), `against_sim` (`cargo xtask
//! official-sdk-check`: drive the simulator with the SDK).

pub(crate) mod against_sim;
pub(crate) mod conformance;
pub(crate) mod models;
pub(crate) mod python_env;

/// The official SDK release the models are recorded from and the simulator is checked against
/// (the signer tasks pin `huaweicloudsdkcore` of the same release themselves).
const SDK_REQUIREMENTS: [&str; 2] = ["huaweicloudsdkbss==3.1.219", "huaweicloudsdkcore==3.1.219"];
