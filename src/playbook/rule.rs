//! The rule IDs and procedure sections every playbook must keep: the one place a rule ID is
//! spelt in code. The scorer, the wording checker, coverage, reports and tests name rules through
//! these constants; playbooks may add rules, never drop these.

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

/// No publication before the core facts of what happened and its scope are confirmed.
pub const TIMING_FACTS_CONFIRMED: &str = "timing.facts_confirmed";
/// Relevant departments aligned before publication.
pub const TIMING_INTERNAL_ALIGNMENT: &str = "timing.internal_alignment";
/// Legal and brand risk weighed (legal review done) before publication.
pub const TIMING_RISK_REVIEWED: &str = "timing.risk_reviewed";
/// Published before the scenario's trust or regulatory deadline.
pub const TIMING_NOT_TOO_LATE: &str = "timing.not_too_late";
/// While the investigation continues: a first notice, then updates.
pub const TIMING_STAGED_UPDATES: &str = "timing.staged_updates";
/// The more severe and the faster it spreads, the sooner the first notice.
pub const TIMING_SEVERITY_WEIGHED: &str = "timing.severity_weighed";
/// One accountable lead, named early.
pub const ROLES_INCIDENT_LEAD: &str = "roles.incident_lead";
/// A named person with the authority to approve does the final check.
pub const ROLES_FINAL_APPROVER: &str = "roles.final_approver";
/// Technical staff own fact-finding and the record.
pub const ROLES_FACT_GATHERING: &str = "roles.fact_gathering";
/// PR owns drafting the message.
pub const ROLES_MESSAGE_OWNER: &str = "roles.message_owner";
/// Legal reviews before publication.
pub const ROLES_LEGAL_REVIEW: &str = "roles.legal_review";
/// Executives informed and engaged.
pub const ROLES_EXECUTIVE_ENGAGED: &str = "roles.executive_engaged";
/// An inquiry desk with an owner exists before publication.
pub const ROLES_INQUIRY_DESK: &str = "roles.inquiry_desk";
/// Outside specialists engaged where in-house skill is not enough.
pub const ROLES_EXTERNAL_EXPERTS: &str = "roles.external_experts";
/// Every required role has exactly one owner.
pub const ROLES_CLEAR_ASSIGNMENT: &str = "roles.clear_assignment";
/// Incoming information sorted into confirmed fact and speculation.
pub const PROCESS_FACT_VS_SPECULATION: &str = "process.fact_vs_speculation";
/// Information organised by time and impact, with evidence.
pub const PROCESS_CHRONOLOGY: &str = "process.chronology";
/// A prepared template or checklist used.
pub const PROCESS_PREPARED_TEMPLATE: &str = "process.prepared_template";
/// The draft reviewed internally before release.
pub const PROCESS_INTERNAL_REVIEW: &str = "process.internal_review";
/// Executives briefed in plain language, key points, with a picture.
pub const PROCESS_EXEC_BRIEFING: &str = "process.exec_briefing";
/// Expected questions and answers prepared before publication.
pub const PROCESS_QA_PREPARED: &str = "process.qa_prepared";
/// Inquiries recorded and shared with the departments concerned.
pub const PROCESS_INQUIRY_RECORD: &str = "process.inquiry_record";
/// Regular progress updates after publication.
pub const PROCESS_FOLLOW_UP: &str = "process.follow_up";
/// One shared channel or log for status and decisions.
pub const PROCESS_INFO_SHARING: &str = "process.info_sharing";
/// Company name, date and subject present.
pub const WORDING_HEADER: &str = "wording.header";
/// What happened, in brief.
pub const WORDING_OVERVIEW: &str = "wording.overview";
/// Who and what is affected, with numbers where they are confirmed.
pub const WORDING_IMPACT: &str = "wording.impact";
/// Cause stated as confirmed fact, or explicitly said to be under investigation.
pub const WORDING_CAUSE: &str = "wording.cause";
/// What is being done now and to prevent recurrence.
pub const WORDING_COUNTERMEASURES: &str = "wording.countermeasures";
/// An apology to those affected.
pub const WORDING_APOLOGY: &str = "wording.apology";
/// Where to ask (inquiry desk).
pub const WORDING_CONTACT: &str = "wording.contact";
/// When or how the next update will come.
pub const WORDING_NEXT_UPDATE: &str = "wording.next_update";
/// Guesses or hedges about unconfirmed matters ("と思われます", "おそらく", "probably", "we believe").
pub const WORDING_SPECULATION: &str = "wording.speculation";
/// Something stated as settled that is not confirmed at that time (e.g. "no personal data was affected" before that is known).
pub const WORDING_UNCONFIRMED_CLAIM: &str = "wording.unconfirmed_claim";
/// Technical jargon a lay reader would not understand, without a plain explanation.
pub const WORDING_JARGON: &str = "wording.jargon";
/// Personal data of affected people or staff in the text.
pub const WORDING_PERSONAL_DATA: &str = "wording.personal_data";
/// Internal detail that must not be public (addresses, host or system names, vulnerability specifics, security set-up).
pub const WORDING_INTERNAL_DETAIL: &str = "wording.internal_detail";
/// Numbers or facts that contradict the confirmed facts or an earlier announcement.
pub const WORDING_INCONSISTENT: &str = "wording.inconsistent";
/// Vague where concrete facts are confirmed ("一部のお客様" when the count is known).
pub const WORDING_VAGUE: &str = "wording.vague";
/// Blame-shifting or defensive tone.
pub const WORDING_BLAME: &str = "wording.blame";
/// Absolute guarantees ("二度と発生しません", "completely safe").
pub const WORDING_OVERPROMISE: &str = "wording.overpromise";

/// Every contract rule, in the order of the procedure's areas.
pub const RULES: [&str; 41] = [
    TIMING_FACTS_CONFIRMED,
    TIMING_INTERNAL_ALIGNMENT,
    TIMING_RISK_REVIEWED,
    TIMING_NOT_TOO_LATE,
    TIMING_STAGED_UPDATES,
    TIMING_SEVERITY_WEIGHED,
    ROLES_INCIDENT_LEAD,
    ROLES_FINAL_APPROVER,
    ROLES_FACT_GATHERING,
    ROLES_MESSAGE_OWNER,
    ROLES_LEGAL_REVIEW,
    ROLES_EXECUTIVE_ENGAGED,
    ROLES_INQUIRY_DESK,
    ROLES_EXTERNAL_EXPERTS,
    ROLES_CLEAR_ASSIGNMENT,
    PROCESS_FACT_VS_SPECULATION,
    PROCESS_CHRONOLOGY,
    PROCESS_PREPARED_TEMPLATE,
    PROCESS_INTERNAL_REVIEW,
    PROCESS_EXEC_BRIEFING,
    PROCESS_QA_PREPARED,
    PROCESS_INQUIRY_RECORD,
    PROCESS_FOLLOW_UP,
    PROCESS_INFO_SHARING,
    WORDING_HEADER,
    WORDING_OVERVIEW,
    WORDING_IMPACT,
    WORDING_CAUSE,
    WORDING_COUNTERMEASURES,
    WORDING_APOLOGY,
    WORDING_CONTACT,
    WORDING_NEXT_UPDATE,
    WORDING_SPECULATION,
    WORDING_UNCONFIRMED_CLAIM,
    WORDING_JARGON,
    WORDING_PERSONAL_DATA,
    WORDING_INTERNAL_DETAIL,
    WORDING_INCONSISTENT,
    WORDING_VAGUE,
    WORDING_BLAME,
    WORDING_OVERPROMISE,
];

/// Timing rules the engine scores for every timing decision, beyond what its file names.
pub const TIMING_RULES: [&str; 6] = [
    TIMING_FACTS_CONFIRMED,
    TIMING_INTERNAL_ALIGNMENT,
    TIMING_RISK_REVIEWED,
    TIMING_NOT_TOO_LATE,
    TIMING_STAGED_UPDATES,
    TIMING_SEVERITY_WEIGHED,
];

/// Wording rules the checker reports on any draft, whatever elements its stage requires.
pub const WORDING_PRESENT_RULES: [&str; 9] = [
    WORDING_SPECULATION,
    WORDING_UNCONFIRMED_CLAIM,
    WORDING_JARGON,
    WORDING_PERSONAL_DATA,
    WORDING_INTERNAL_DETAIL,
    WORDING_INCONSISTENT,
    WORDING_VAGUE,
    WORDING_BLAME,
    WORDING_OVERPROMISE,
];
