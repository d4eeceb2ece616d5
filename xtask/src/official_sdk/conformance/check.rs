//! The whole check: every spec operation against its official counterpart, differences matched
//! with the operation's `x-sdk-differences` records, coverage counted.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, ensure};

use super::compare::{self, Difference};
use super::from_spec::SpecShapes;
use super::official::Official;
use super::records::{self, Kind, Record};
use crate::generate::spec::Spec;
use crate::official_sdk::models::MODELS_JSON;
use crate::spec_walk::SpecWalk;

/// A spec (spec/bss.yaml under `root` unless given) against the committed official description.
pub(crate) fn load_and_check(root: &Path, spec: Option<&Path>) -> anyhow::Result<Outcome> {
    let spec = match spec {
        Some(spec) => Spec::load(spec)?,
        None => Spec::load(&root.join("spec/bss.yaml"))?,
    };
    let path = root.join(MODELS_JSON);
    let json = std::fs::read_to_string(&path)
        .with_context(|| format!("reading {}; run `cargo xtask sdk-models`", path.display()))?;
    let official = Official::parse(&json).context(MODELS_JSON)?;
    Ok(check(&spec, &official))
}

#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub(super) sdk: String,
    /// Operations of the official client.
    pub(super) official: usize,
    /// Operations of the spec.
    pub(super) spec_operations: usize,
    /// Spec operations recorded as absent from the SDK (`at: operation, kind: extra`).
    pub(super) recorded_extra_operations: usize,
    /// Spec operations that exist in the SDK.
    pub(super) covered: BTreeSet<String>,
    /// (operation, difference, reason).
    pub(super) accepted: Vec<(String, Difference, String)>,
    pub(super) unrecorded: Vec<(String, Difference)>,
    pub(super) stale: Vec<(String, Record)>,
    /// Malformed records, unresolved references, operations without an id.
    pub(super) problems: Vec<String>,
}

impl Outcome {
    pub(super) fn passed(&self) -> bool {
        self.unrecorded.is_empty() && self.stale.is_empty() && self.problems.is_empty()
    }

    /// Passes with zero unrecorded differences, zero stale records, and every spec operation
    /// official unless recorded as `at: operation, kind: extra`.
    pub(crate) fn verdict(&self) -> anyhow::Result<()> {
        ensure!(
            self.passed(),
            "the spec differs from the official SDK (see the report): {} unrecorded \
             difference(s), {} stale record(s), {} problem(s)",
            self.unrecorded.len(),
            self.stale.len(),
            self.problems.len()
        );
        ensure!(
            self.covered.len() + self.recorded_extra_operations == self.spec_operations,
            "{} spec operations, {} official, {} recorded as absent from the SDK",
            self.spec_operations,
            self.covered.len(),
            self.recorded_extra_operations
        );
        Ok(())
    }

    pub(super) fn coverage(&self) -> String {
        format!(
            "spec covers {} of {} official operations",
            self.covered.len(),
            self.official
        )
    }

    /// Every difference, one per line: `<OperationId> <location> <kind>: sdk=<..> spec=<..>`.
    pub(crate) fn report(&self) -> String {
        let mut text = format!("{} ({})\n", self.coverage(), self.sdk);
        let mut section = |title: &str, lines: Vec<String>| {
            if !lines.is_empty() {
                let _ = writeln!(text, "{title} ({}):", lines.len());
                for line in lines {
                    let _ = writeln!(text, "  {line}");
                }
            }
        };
        section(
            "recorded differences (accepted)",
            self.accepted
                .iter()
                .map(|(op, d, reason)| format!("{op} {d}  [{reason}]"))
                .collect(),
        );
        section(
            "UNRECORDED differences: fix the spec or record them under the operation's x-sdk-differences",
            self.unrecorded
                .iter()
                .map(|(op, d)| format!("{op} {d}"))
                .collect(),
        );
        section(
            "STALE records: the difference no longer occurs, remove the record",
            self.stale
                .iter()
                .map(|(op, r)| format!("{op} {} {}: {}", r.at, r.kind, r.reason))
                .collect(),
        );
        section("PROBLEMS", self.problems.clone());
        text
    }
}

pub(super) fn check(spec: &Spec, official: &Official) -> Outcome {
    let mut outcome = Outcome {
        sdk: official.sdk.clone(),
        official: official.operations.len(),
        ..Outcome::default()
    };
    let shapes = SpecShapes::new(SpecWalk::new(spec.api.components.as_ref()));
    for (path, method, op) in spec.operations() {
        outcome.spec_operations += 1;
        let Some(id) = op.operation_id.clone() else {
            let problem = format!("{} {path}: no operationId", method.to_uppercase());
            outcome.problems.push(problem);
            continue;
        };
        let (records, problems) = records::parse(op.extensions.get(records::EXTENSION));
        outcome
            .problems
            .extend(problems.into_iter().map(|p| format!("{id}: {p}")));
        let differences = match official.operations.get(&id) {
            Some(sdk) => {
                outcome.covered.insert(id.clone());
                match shapes.operation(method, path, op) {
                    Ok(shape) => compare::operation(sdk, &shape),
                    Err(problem) => {
                        outcome.problems.push(format!("{id}: {problem}"));
                        continue;
                    }
                }
            }
            None => vec![Difference {
                at: "operation".into(),
                kind: Kind::Extra,
                sdk: "-".into(),
                spec: format!("{} {path}", method.to_uppercase()),
            }],
        };
        match_records(&id, differences, records, &mut outcome);
    }
    outcome
}

fn match_records(id: &str, found: Vec<Difference>, records: Vec<Record>, outcome: &mut Outcome) {
    let mut open: BTreeMap<(String, Kind), Record> =
        records.into_iter().map(|r| (r.key(), r)).collect();
    for difference in found {
        let key = (records::location_key(&difference.at), difference.kind);
        match open.remove(&key) {
            Some(record) => {
                if record.at == "operation" {
                    outcome.recorded_extra_operations += 1;
                }
                outcome
                    .accepted
                    .push((id.to_string(), difference, record.reason));
            }
            None => outcome.unrecorded.push((id.to_string(), difference)),
        }
    }
    outcome
        .stale
        .extend(open.into_values().map(|r| (id.to_string(), r)));
}
