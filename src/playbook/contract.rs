//! The rule IDs and procedure sections every playbook must keep: a contract shared by the
//! scorer, the wording checker, reports and tests. Playbooks may add rules, never drop these.

/// Sections of the documented procedure, in document order.
pub const SECTIONS: [&str; 14] = [
    "S1", "S1.1", "S1.2", "S1.3", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11",
];

/// The top-level sections S1–S11 that coverage reports count.
pub const TOP_SECTIONS: [&str; 11] = [
    "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11",
];

/// The section a sub-section belongs to (`S1.2` → `S1`).
pub fn top_section(id: &str) -> &str {
    id.split('.').next().unwrap_or(id)
}

pub const RULES: [&str; 41] = [
    "timing.facts_confirmed",
    "timing.internal_alignment",
    "timing.risk_reviewed",
    "timing.not_too_late",
    "timing.staged_updates",
    "timing.severity_weighed",
    "roles.incident_lead",
    "roles.final_approver",
    "roles.fact_gathering",
    "roles.message_owner",
    "roles.legal_review",
    "roles.executive_engaged",
    "roles.inquiry_desk",
    "roles.external_experts",
    "roles.clear_assignment",
    "process.fact_vs_speculation",
    "process.chronology",
    "process.prepared_template",
    "process.internal_review",
    "process.exec_briefing",
    "process.qa_prepared",
    "process.inquiry_record",
    "process.follow_up",
    "process.info_sharing",
    "wording.header",
    "wording.overview",
    "wording.impact",
    "wording.cause",
    "wording.countermeasures",
    "wording.apology",
    "wording.contact",
    "wording.next_update",
    "wording.speculation",
    "wording.unconfirmed_claim",
    "wording.jargon",
    "wording.personal_data",
    "wording.internal_detail",
    "wording.inconsistent",
    "wording.vague",
    "wording.blame",
    "wording.overpromise",
];

/// Timing rules the engine scores for every timing decision, beyond what its file names.
pub const TIMING_RULES: [&str; 6] = [
    "timing.facts_confirmed",
    "timing.internal_alignment",
    "timing.risk_reviewed",
    "timing.not_too_late",
    "timing.staged_updates",
    "timing.severity_weighed",
];

/// Wording rules the checker reports on any draft, whatever elements its stage requires.
pub const WORDING_PRESENT_RULES: [&str; 9] = [
    "wording.speculation",
    "wording.unconfirmed_claim",
    "wording.jargon",
    "wording.personal_data",
    "wording.internal_detail",
    "wording.inconsistent",
    "wording.vague",
    "wording.blame",
    "wording.overpromise",
];
