//! `pressroom new NAME`: a commented scenario skeleton a trainer fills in. It passes `check`
//! as written, uses every decision kind and two variation points, and says in comments what
//! each part is for, in the trainer's language.

use crate::text::Lang;

/// The skeleton for a scenario with this ID.
pub fn scenario(id: &str, lang: Lang) -> String {
    let body = match lang {
        Lang::Ja => JA,
        Lang::En => EN,
    };
    body.replace("{id}", id)
}

/// Whether `id` can be a scenario ID: lowercase letters, digits, `-` and `_`, starting with
/// a letter.
pub fn valid_id(id: &str) -> bool {
    id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

const JA: &str = r#"// シナリオ「{id}」のひな形。`pressroom check` がそのまま通ります。
// 書き方は docs/authoring.md、項目の一覧は docs/scenario-format.md にあります。
// 保存するたびにアプリが読み直します。エラーは ファイル:行:列 で表示されます。
Scenario(
    format: 2,
    id: "{id}",
    title: (ja: "〔事案の名前〕"),
    summary: (ja: "〔何が起き、訓練で何を判断するのかを1〜2文で〕"),
    languages: ["ja"],
    difficulty: Introductory,   // Introductory / Intermediate / Advanced
    minutes: 30,                 // 実際の訓練にかける時間(分)
    tags: ["〔分類〕"],

    organisation: (
        name: (ja: "〔株式会社サンプル〕"),
        industry: (ja: "〔業種・規模〕"),
        about: (ja: "〔事業の説明。公表文の読み手を想像できる程度に〕"),
    ),

    briefing: (
        situation: (ja: "〔訓練開始時点で分かっていること〕"),
        role: (ja: "あなたは広報責任者として、公表の判断と文面を担います。"),
        objectives: [
            (ja: "確認できた事実と推測を分けて扱う"),
            (ja: "責任者と承認者を決めてから公表する"),
        ],
    ),

    // 登場人物。部署(department)は Pr / Legal / ItSecurity / Executive / Support /
    // Operations / Specialist。承認権限のある人には can_approve: true。
    cast: [
        Person(id: "pr", name: (ja: "〔広報担当の名前〕"), department: Pr, title: (ja: "広報課長")),
        Person(id: "it", name: (ja: "〔情報システム担当の名前〕"), department: ItSecurity, title: (ja: "情報システム課長"),
               note: (ja: "確認できたことだけを話す。")),
        Person(id: "exec", name: (ja: "〔役員の名前〕"), department: Executive, title: (ja: "取締役"), can_approve: true),
        Person(id: "legal", name: (ja: "〔法務担当の名前〕"), department: Legal, title: (ja: "法務部長")),
    ],

    // シナリオ内の時刻。start は時差つきで書きます。duration はシナリオ上の長さ。
    clock: (start: "2026-04-06T09:00:00+09:00", duration: "8h"),

    // 期限。rule には遅れたときに減点する規則を書きます(pressroom rules で一覧)。
    deadlines: [
        Deadline(id: "notice_due", at: "+3h", label: (ja: "第一報の目安"), rule: "timing.not_too_late"),
    ],

    // 事実。状態は Unknown / Suspected / Confirmed / Refuted。timeline で時刻や情報に応じて変わります。
    // core: true の事実が確認される前に公表すると減点されます。
    facts: [
        Fact(id: "outage", text: (ja: "〔確認された事実〕"), sensitivity: Public, initially: Suspected, core: true,
             timeline: [(when: AfterInject("confirmed"), status: Confirmed)]),
        Fact(id: "rumour", text: (ja: "〔うわさ。後で否定される〕"), sensitivity: Public, initially: Suspected,
             timeline: [(when: At("+2h"), status: Refuted)]),
    ],

    // 届く情報(インジェクト)。channel は Phone / Mail / Chat / Meeting / Social / Press / Regulator / Customer。
    // opens に書いた判断は、その情報が届いたときに始まります。
    injects: [
        Inject(id: "first_call", when: Start, from: Person("it"), channel: Phone,
               body: (ja: "〔最初の連絡。短く〕"), opens: ["team"]),
        Inject(id: "confirmed", when: At("+1h"), from: Person("it"), channel: Meeting,
               body: (ja: "〔事実が確認されたという報告〕"), opens: ["timing", "notice"]),
        Inject(id: "reporter", when: At("+2h"), from: Outside(ja: "〔新聞社 記者〕"), channel: Press,
               body: (ja: "〔記者からの問い合わせ〕"), opens: ["reporter_question"]),
        // optional: true の情報は、進行役がボタンで出したときだけ届きます。
        Inject(id: "pressure", when: At("+1h30m"), from: Person("exec"), channel: Phone,
               body: (ja: "〔早く出せないのかという催促〕"), optional: true),
    ],

    decisions: [
        // 役割分担: 各役割の条件(部署・承認権限・連絡が取れること)を満たすかで採点します。
        Decision(id: "team", title: (ja: "役割分担"), prompt: (ja: "誰が何を担いますか。"), opens: Start, owner: Executive,
            kind: Roles(roles: [
                (id: "lead", name: (ja: "対応責任者"), rule: "roles.incident_lead", departments: [ItSecurity, Executive]),
                (id: "approver", name: (ja: "最終承認者"), rule: "roles.final_approver", must_approve: true, must_be_available: true),
                (id: "legal", name: (ja: "法務確認"), rule: "roles.legal_review", departments: [Legal]),
            ])),
        // 選択: 各選択肢の effects に、加点する規則と点数を書きます。feedback は振り返りに出ます。
        Decision(id: "review", title: (ja: "公表前の確認"), prompt: (ja: "公表文を誰が確認しますか。"), opens: At("+30m"), owner: Legal,
            kind: Choice(options: [
                (id: "legal", label: (ja: "法務が確認してから出す"), effects: [(rule: "process.internal_review", points: 10)]),
                (id: "none", label: (ja: "確認せずに出す"), feedback: (ja: "法務の確認を経ていません。")),
            ])),
        // 公表時期: window が手順上の公表時期。needs は公表前に済ませておくべき判断です。
        // approval: 公表の瞬間に、この役割の担当者が連絡可能で承認権限を持っている必要があります。
        // reviews: [(role: "legal", lead: "30m")] と書くと、担当者が30分かけて文面を確認したかを採点します。
        Decision(id: "timing", title: (ja: "第一報の時期"), prompt: (ja: "いつ公表しますか。"), owner: Pr,
            kind: Timing(stage: FirstNotice, window: (from: "+1h", to: "+3h"), deadline: "notice_due",
                needs: [(rule: "timing.risk_reviewed", decision: "review", option: "legal")],
                approval: (role: "approver"))),
        // 文面: 段階ごとに必要な項目が文面チェックで確かめられます。candidates は用意された案。
        Decision(id: "notice", title: (ja: "第一報の文面"), prompt: (ja: "第一報を書いてください。"), owner: Pr,
            kind: Draft(stage: FirstNotice, candidates: [
                (id: "plain", label: (ja: "確認済みの事実だけ"),
                 text: (ja: "〔2026年4月6日 株式会社サンプル ○○についてのお知らせ。確認済みの事実、影響、原因(調査中)、対応、おわび、お問い合わせ窓口、次回のお知らせ時期〕")),
            ])),
        // 問い合わせ: 選択肢か、自由記述(free_text: true)で答えます。
        Decision(id: "reporter_question", title: (ja: "記者への回答"), prompt: (ja: "どう答えますか。"), owner: Pr,
            kind: Inquiry(from: Outside(ja: "〔新聞社 記者〕"), channel: Press, question: (ja: "〔記者の質問〕"), about: ["outage"],
                answers: [
                    (id: "facts", label: (ja: "確認できた事実だけを話し、調査中の点はそう伝える"),
                     effects: [(rule: "process.fact_vs_speculation", points: 10)]),
                    (id: "guess", label: (ja: "うわさについて推測で答える")),
                ])),
    ],

    // ばらつき: 同じシードなら同じ展開、シードが違えば別の展開になります。
    variations: [
        Variation(id: "reporter_delay", note: (ja: "記者の電話が来る時刻"), kind: Delay(inject: "reporter", min: "0m", max: "45m")),
        Variation(id: "exec_away", note: (ja: "役員が会議で1時間つかまらない"),
                  kind: Unavailable(person: "exec", window: (from: "+1h", to: "+2h"), percent: 50)),
    ],
)
"#;

const EN: &str = r#"// A skeleton for scenario "{id}". It passes `pressroom check` as it is.
// How to write one: docs/authoring.md; every field: docs/scenario-format.md.
// The app reloads the file on every save and shows errors as file:line:col.
Scenario(
    format: 2,
    id: "{id}",
    title: (en: "[Name of the incident]"),
    summary: (en: "[What happens and what the drill asks the team to decide, in a sentence or two]"),
    languages: ["en"],
    difficulty: Introductory,   // Introductory / Intermediate / Advanced
    minutes: 30,                 // how long the drill takes in the room
    tags: ["[category]"],

    organisation: (
        name: (en: "[Example Ltd.]"),
        industry: (en: "[Industry and size]"),
        about: (en: "[What the business does, enough to picture who reads the announcement]"),
    ),

    briefing: (
        situation: (en: "[What is known when the drill starts]"),
        role: (en: "You lead communications: when to publish, and what it says."),
        objectives: [
            (en: "Keep confirmed facts apart from guesses"),
            (en: "Name a lead and an approver before publishing"),
        ],
    ),

    // The cast. department: Pr / Legal / ItSecurity / Executive / Support / Operations /
    // Specialist. Whoever may approve gets can_approve: true.
    cast: [
        Person(id: "pr", name: (en: "[PR lead's name]"), department: Pr, title: (en: "Head of PR")),
        Person(id: "it", name: (en: "[IT lead's name]"), department: ItSecurity, title: (en: "IT manager"),
               note: (en: "Reports only what has been checked.")),
        Person(id: "exec", name: (en: "[Executive's name]"), department: Executive, title: (en: "Director"), can_approve: true),
        Person(id: "legal", name: (en: "[Legal lead's name]"), department: Legal, title: (en: "General counsel")),
    ],

    // Scenario time. start carries its UTC offset; duration is the scenario's span.
    clock: (start: "2026-04-06T09:00:00+01:00", duration: "8h"),

    // Deadlines. rule names the rule that loses points when it is missed (see `pressroom rules`).
    deadlines: [
        Deadline(id: "notice_due", at: "+3h", label: (en: "First notice expected"), rule: "timing.not_too_late"),
    ],

    // Facts: Unknown / Suspected / Confirmed / Refuted, changing over time or on an inject.
    // Publishing before a core: true fact is confirmed costs points.
    facts: [
        Fact(id: "outage", text: (en: "[A fact that gets confirmed]"), sensitivity: Public, initially: Suspected, core: true,
             timeline: [(when: AfterInject("confirmed"), status: Confirmed)]),
        Fact(id: "rumour", text: (en: "[A rumour, refuted later]"), sensitivity: Public, initially: Suspected,
             timeline: [(when: At("+2h"), status: Refuted)]),
    ],

    // Injects: what arrives. channel: Phone / Mail / Chat / Meeting / Social / Press / Regulator /
    // Customer. The decisions in opens start when it arrives.
    injects: [
        Inject(id: "first_call", when: Start, from: Person("it"), channel: Phone,
               body: (en: "[The first call. Keep it short]"), opens: ["team"]),
        Inject(id: "confirmed", when: At("+1h"), from: Person("it"), channel: Meeting,
               body: (en: "[The report that confirms the fact]"), opens: ["timing", "notice"]),
        Inject(id: "reporter", when: At("+2h"), from: Outside(en: "[A reporter]"), channel: Press,
               body: (en: "[The reporter's call]"), opens: ["reporter_question"]),
        // optional: true injects arrive only when the facilitator fires them.
        Inject(id: "pressure", when: At("+1h30m"), from: Person("exec"), channel: Phone,
               body: (en: "[An executive pushing to publish now]"), optional: true),
    ],

    decisions: [
        // Roles: scored on each role's needs (department, authority to approve, reachable).
        Decision(id: "team", title: (en: "Who does what"), prompt: (en: "Assign the roles."), opens: Start, owner: Executive,
            kind: Roles(roles: [
                (id: "lead", name: (en: "Incident lead"), rule: "roles.incident_lead", departments: [ItSecurity, Executive]),
                (id: "approver", name: (en: "Final approver"), rule: "roles.final_approver", must_approve: true, must_be_available: true),
                (id: "legal", name: (en: "Legal review"), rule: "roles.legal_review", departments: [Legal]),
            ])),
        // Choice: each option's effects name the rules it earns points for; feedback shows in the debrief.
        Decision(id: "review", title: (en: "Review before publishing"), prompt: (en: "Who reads the text first?"), opens: At("+30m"), owner: Legal,
            kind: Choice(options: [
                (id: "legal", label: (en: "Legal reviews it first"), effects: [(rule: "process.internal_review", points: 10)]),
                (id: "none", label: (en: "Publish unreviewed"), feedback: (en: "Nobody from legal read it.")),
            ])),
        // Timing: window is when the playbook would publish; needs are decisions to settle first.
        // approval: the role's holder must be reachable, with authority, when it goes out.
        // reviews: [(role: "legal", lead: "30m")] would score a 30-minute read of the text by legal.
        Decision(id: "timing", title: (en: "When to publish"), prompt: (en: "When does the first notice go out?"), owner: Pr,
            kind: Timing(stage: FirstNotice, window: (from: "+1h", to: "+3h"), deadline: "notice_due",
                needs: [(rule: "timing.risk_reviewed", decision: "review", option: "legal")],
                approval: (role: "approver"))),
        // Draft: the wording checker checks the elements the stage needs. candidates are prepared texts.
        Decision(id: "notice", title: (en: "The first notice"), prompt: (en: "Write the first notice."), owner: Pr,
            kind: Draft(stage: FirstNotice, candidates: [
                (id: "plain", label: (en: "Confirmed facts only"),
                 text: (en: "[Date, organisation, 'Notice regarding ...'; the confirmed facts, who is affected, the cause or that it is under investigation, what you are doing, an apology, where to ask, when you will update]")),
            ])),
        // Inquiry: answered with an option, or in free text (free_text: true).
        Decision(id: "reporter_question", title: (en: "The reporter"), prompt: (en: "How do you answer?"), owner: Pr,
            kind: Inquiry(from: Outside(en: "[A reporter]"), channel: Press, question: (en: "[The reporter's question]"), about: ["outage"],
                answers: [
                    (id: "facts", label: (en: "Say what is confirmed and what is still being checked"),
                     effects: [(rule: "process.fact_vs_speculation", points: 10)]),
                    (id: "guess", label: (en: "Guess about the rumour")),
                ])),
    ],

    // Variation: the same seed replays the same drill; another seed, another drill.
    variations: [
        Variation(id: "reporter_delay", note: (en: "When the reporter calls"), kind: Delay(inject: "reporter", min: "0m", max: "45m")),
        Variation(id: "exec_away", note: (en: "The executive is stuck in a meeting for an hour"),
                  kind: Unavailable(person: "exec", window: (from: "+1h", to: "+2h"), percent: 50)),
    ],
)
"#;
