//! Shapes of text that must not be public, found by pattern rather than by phrase list:
//! personal data (e-mail addresses, mobile numbers, postal addresses, names with honorifics)
//! and internal detail (IP addresses, internal host names and URLs, version strings,
//! vulnerability IDs, credential-like strings, file paths, ports, ticket IDs, commands, and
//! system names written in capitals). Most patterns run on normalised text; the ones that
//! need the writer's capitals ([`scan_original`]) run on the original.

use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Email,
    MobilePhone,
    PostalAddress,
    PersonName,
    IpAddress,
    InternalHost,
    InternalUrl,
    VersionString,
    VulnerabilityId,
    Credential,
    FilePath,
    Port,
    TicketId,
    Command,
    SystemName,
}

impl Kind {
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            Kind::Email | Kind::MobilePhone | Kind::PostalAddress | Kind::PersonName
        )
    }

    /// How the finding names what it saw, in Japanese and English.
    pub fn describe(self) -> (&'static str, &'static str) {
        match self {
            Kind::Email => ("個人のメールアドレス", "a personal e-mail address"),
            Kind::MobilePhone => ("個人の携帯電話番号", "a personal mobile number"),
            Kind::PostalAddress => ("住所", "a postal address"),
            Kind::PersonName => ("敬称付きの個人名", "a person's name with an honorific"),
            Kind::IpAddress => ("IPアドレス", "an IP address"),
            Kind::InternalHost => ("社内の機器名・ホスト名", "an internal host name"),
            Kind::InternalUrl => ("社内のURL", "an internal URL"),
            Kind::VersionString => ("システムのバージョン情報", "a system version string"),
            Kind::VulnerabilityId => ("脆弱性の識別番号", "a vulnerability identifier"),
            Kind::Credential => (
                "認証情報らしき文字列",
                "something that looks like a credential",
            ),
            Kind::FilePath => ("社内のファイルの場所(パス)", "an internal file path"),
            Kind::Port => ("通信のポート番号", "a network port number"),
            Kind::TicketId => ("社内の管理番号", "an internal ticket or case number"),
            Kind::Command => ("システムの操作コマンド", "a system command"),
            Kind::SystemName => ("社内システムの名前", "an internal system's name"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

fn re(p: &str) -> Regex {
    Regex::new(p).expect("pattern compiles")
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| re(r"[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}"));
/// Role addresses an inquiry desk publishes on purpose.
const ROLE_MAILBOXES: &[&str] = &[
    "info",
    "incident",
    "incidents",
    "dpo",
    "response",
    "helpline",
    "hotline",
    "care",
    "toiawase",
    "soudan",
    "support",
    "contact",
    "press",
    "pr",
    "inquiry",
    "inquiries",
    "enquiries",
    "privacy",
    "security",
    "help",
    "helpdesk",
    "cs",
    "customer",
    "customers",
    "koho",
    "otoiawase",
    "media",
    "ir",
    "desk",
    "service",
    "noreply",
    "no-reply",
    "soudan",
    "webmaster",
];
static MOBILE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[^0-9])(0[789]0[-‐−–ー ]?[0-9]{4}[-‐−–ー ]?[0-9]{4})(?:[^0-9]|$)"));
static POSTAL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"〒 ?[0-9]{3}-[0-9]{4}|[0-9一二三四五六七八九十]+丁目[0-9]+(?:番地?|-)[0-9]*(?:号)?")
});
static NAME_JA: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(\p{Han}{1,3}(?: ?(?:\p{Han}{1,3}|\p{Hiragana}{2,4}|\p{Katakana}{2,5}))?) ?(様|さん|氏|殿|くん|君)",
    )
});
/// What comes before an honorific when it addresses a group, not a person, or when the
/// "honorific" is part of a word (模様, 同様, 仕様, 多様).
const NOT_NAMES: &[char] = &[
    '客', '皆', '者', '員', '主', '先', '方', '社', '位', '族', '会', '様', '民', '人', '家', '模',
    '同', '仕', '多', '異',
];
static NAME_EN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)(?:mr|ms|mrs|miss|dr)\.? [a-z]+(?: [a-z]+)?"));
static IPV4: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})(?-u:\b)"));
static HOST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:local|internal|corp|lan|intra|intranet|localdomain)(?-u:\b)|(?-u:\b)(?:srv|svr|fs|dc|db|web|app|vpn|gw|ad|mail|sql|nas|file)(?:-?[a-z]{0,3})?-?[0-9]{1,3}(?-u:\b)",
    )
});
static URL: LazyLock<Regex> = LazyLock::new(|| re(r"https?://[^\s「」（）()、。]+"));
static VERSION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?-u:\b)[a-z][a-z]+(?:os)? ?(?:ver\.? ?|v)?[0-9]+\.[0-9]+\.[0-9]+(?:\.[0-9]+)?(?-u:\b)")
});
/// "version 13.1", "ver. 4.2", "バージョン7.2", "v2.4.1": a version named as such.
static VERSION_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:(?-u:\b)(?:version|ver\.?)\s?|バージョン\s?|(?-u:\b)v)[0-9]+(?:\.[0-9]+)+(?-u:\b)")
});
/// Windows (`d:\share\…`, `\\server\share`) and Unix (`/var/backups/export`) paths.
static PATH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)[a-z]:\\[^\s、。」)]+|\\\\[a-z0-9._-]+\\[^\s、。」)]+|(?:^|[\s(「\x22'])(/(?:[a-z0-9._-]+/)+[a-z0-9._-]*)",
    )
});
static PORT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:(?-u:\b)port|ポート)\s?(?:番号|number|no\.)?\s?[0-9]{2,5}(?-u:\b)|(?-u:\b)(?:tcp|udp)[/ ][0-9]{2,5}(?-u:\b)",
    )
});
static TICKET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:ticket|case|jira|incident)\s?(?:no\.\s?|number\s|#)\s?[0-9]{3,}(?-u:\b)|(?-u:\b)ticket\s[0-9]{3,}(?-u:\b)|(?:チケット|案件|管理番号)\s?(?:番号)?\s?[0-9]{3,}",
    )
});
static COMMAND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:sudo|systemctl|kubectl|chmod|chown|iptables|netsh|powershell|ipconfig|ifconfig|tcpdump|nmap|rm\s-rf|cmd\.exe|curl\s-[a-z]|wget\shttp|docker\s(?:run|exec|restart|rm)|git\s(?:push|revert|reset)|select\s\*\sfrom|drop\stable)(?-u:\b)",
    )
});
static CVE: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)cve-[0-9]{4}-[0-9]{4,}(?-u:\b)"));
static CREDENTIAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:password|passwd|pwd|パスワード|api ?key|secret|token|暗証番号)\s?(?:は|:|=|\sis\s|\swas\s)\s?[^\s、。]*[0-9!#$%&*@][^\s、。]*|(?-u:\b)akia[0-9a-z]{16}(?-u:\b)|(?-u:\b)[a-z0-9+/]{40,}={0,2}",
    )
});

/// Maximal runs of ASCII in `text`: where every ASCII-only shape can be, so those patterns
/// scan a few short runs of a Japanese draft instead of all of it.
fn ascii_runs(text: &str) -> Vec<(usize, usize)> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    // Eight bytes at a time: all of them outside ASCII, or all inside it.
    let word = |i: usize| {
        bytes
            .get(i..i + 8)
            .map(|w| u64::from_le_bytes(w.try_into().expect("eight bytes")) & HIGH)
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        while word(i) == Some(HIGH) {
            i += 8;
        }
        while i < bytes.len() && !bytes[i].is_ascii() {
            i += 1;
        }
        let start = i;
        while word(i) == Some(0) {
            i += 8;
        }
        while i < bytes.len() && bytes[i].is_ascii() {
            i += 1;
        }
        if i - start >= 2 {
            runs.push((start, i));
        }
    }
    runs
}

pub(super) const HONORIFICS: [&str; 6] = ["様", "さん", "氏", "殿", "くん", "君"];

/// Identifiers a Japanese word names: where the text has the word, their shape is looked for
/// in the whole text, not only in its English runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Named {
    Version,
    Port,
    Ticket,
    Credential,
    Postal,
}

pub(super) const NAMED: [(&str, Named); 9] = [
    ("バージョン", Named::Version),
    ("ポート", Named::Port),
    ("チケット", Named::Ticket),
    ("案件", Named::Ticket),
    ("管理番号", Named::Ticket),
    ("パスワード", Named::Credential),
    ("暗証番号", Named::Credential),
    ("〒", Named::Postal),
    ("丁目", Named::Postal),
];

/// Everything in `text` (normalised, with its anchor words) that looks personal or internal.
pub(super) fn scan_with(text: &str, anchors: &super::anchors::Anchors) -> Vec<Hit> {
    use super::anchors::Shape;
    let mut hits = Vec::new();
    let mut push = |kind, start, end| hits.push(Hit { kind, start, end });
    let named_here = |n: Named| anchors.has(Shape::Named(n));
    // Where the text names a version, a port or a ticket in Japanese, that shape is looked
    // for in the whole text; elsewhere in its English runs only.
    let ja_version = named_here(Named::Version);
    let ja_port = named_here(Named::Port);
    let ja_ticket = named_here(Named::Ticket);
    let named: [(&Regex, Kind, bool); 3] = [
        (&VERSION_WORD, Kind::VersionString, ja_version),
        (&PORT, Kind::Port, ja_port),
        (&TICKET, Kind::TicketId, ja_ticket),
    ];
    for (base, end) in ascii_runs(text) {
        let run = &text[base..end];
        let has_digit = run.bytes().any(|b| b.is_ascii_digit());
        if run.contains('@') {
            for m in EMAIL.find_iter(run) {
                let local = m.as_str().split('@').next().unwrap_or("");
                if !ROLE_MAILBOXES.contains(&local) {
                    push(Kind::Email, base + m.start(), base + m.end());
                }
            }
        }
        let digits = run.bytes().filter(u8::is_ascii_digit).count();
        let letters = run.bytes().any(|b| b.is_ascii_alphabetic());
        if digits >= 10 {
            for c in MOBILE.captures_iter(run) {
                let m = c.get(1).expect("group 1");
                push(Kind::MobilePhone, base + m.start(), base + m.end());
            }
        }
        if digits >= 4 && run.contains('.') {
            for c in IPV4.captures_iter(run) {
                if (1..=4).all(|i| c[i].parse::<u16>().is_ok_and(|o| o <= 255)) {
                    let m = c.get(0).expect("whole match");
                    push(Kind::IpAddress, base + m.start(), base + m.end());
                }
            }
            if letters {
                for m in VERSION.find_iter(run) {
                    push(Kind::VersionString, base + m.start(), base + m.end());
                }
            }
        }
        // The shapes below are all longer than a few bytes: a short run ("9:00", "2026")
        // holds none of them. A shape named by a Japanese word in the text is looked for in
        // all of it below, English runs included.
        let long = run.len() >= 5;
        if long && has_digit && letters {
            for (pattern, kind, whole_text) in named {
                if !whole_text {
                    for m in pattern.find_iter(run) {
                        push(kind, base + m.start(), base + m.end());
                    }
                }
            }
        }
        if long && (run.contains('\\') || run.contains('/')) {
            for c in PATH.captures_iter(run) {
                // A Unix path is the group after its opening space; a Windows path the whole.
                let m = c.get(1).or_else(|| c.get(0)).expect("a match");
                push(Kind::FilePath, base + m.start(), base + m.end());
            }
        }
        if long && letters {
            for m in COMMAND.find_iter(run) {
                push(Kind::Command, base + m.start(), base + m.end());
            }
        }
        if has_digit && letters && run.contains("cve-") {
            for m in CVE.find_iter(run) {
                push(Kind::VulnerabilityId, base + m.start(), base + m.end());
            }
        }
        if letters {
            for m in HOST.find_iter(run) {
                push(Kind::InternalHost, base + m.start(), base + m.end());
            }
            for m in CREDENTIAL.find_iter(run) {
                push(Kind::Credential, base + m.start(), base + m.end());
            }
            if run.contains("mr")
                || run.contains("ms")
                || run.contains("dr")
                || run.contains("miss")
            {
                for m in NAME_EN.find_iter(run) {
                    push(Kind::PersonName, base + m.start(), base + m.end());
                }
            }
        }
        if run.contains("://") {
            for m in URL.find_iter(run) {
                let url = m.as_str();
                let host = url
                    .split("://")
                    .nth(1)
                    .unwrap_or("")
                    .split(['/', ':'])
                    .next()
                    .unwrap_or("");
                let internal = host == "localhost"
                    || IPV4.is_match(host)
                    || HOST.is_match(host)
                    || host.contains("intra")
                    || host.contains("internal")
                    || !host.contains('.');
                if internal {
                    push(Kind::InternalUrl, base + m.start(), base + m.end());
                }
            }
        }
    }
    // Shapes that name a Japanese word: a version, a port or a ticket called so in Japanese.
    for (pattern, kind, whole_text) in named {
        if whole_text {
            for m in pattern.find_iter(text) {
                push(kind, m.start(), m.end());
            }
        }
    }
    // Shapes that can involve Japanese: credentials named in Japanese, postal addresses.
    if named_here(Named::Credential) {
        for m in CREDENTIAL.find_iter(text) {
            push(Kind::Credential, m.start(), m.end());
        }
    }
    if named_here(Named::Postal) {
        for m in POSTAL.find_iter(text) {
            push(Kind::PostalAddress, m.start(), m.end());
        }
    }
    // Names: look only just before each honorific, and not where the word before it is a
    // group (お客様, 皆様), which no name ends with.
    for (at, end) in anchors.of_shape(Shape::Honorific) {
        let honorific = &text[at..end];
        let before = text[..at].strip_suffix(' ').unwrap_or(&text[..at]);
        if before.ends_with(NOT_NAMES) {
            continue;
        }
        let from = text[..at].char_indices().rev().nth(9).map_or(0, |(i, _)| i);
        let window = &text[from..end];
        let Some(c) = NAME_JA
            .captures_iter(window)
            .find(|c| c.get(0).is_some_and(|m| m.end() == window.len()))
        else {
            continue;
        };
        let name = c.get(1).expect("group 1");
        // 氏名, 様子, 様式: the "honorific" begins a word.
        let next = text[end..].chars().next();
        let word_goes_on = match honorific {
            "氏" => next == Some('名'),
            "様" => matches!(next, Some('子' | '式' | '相' | '態')),
            "殿" => next == Some('堂'),
            _ => false,
        };
        if word_goes_on {
            continue;
        }
        let starts_polite = window[..name.start()].ends_with(['お', 'ご']);
        let group_word =
            name.as_str().trim_end().ends_with(NOT_NAMES) || name.as_str().starts_with(NOT_NAMES);
        if !starts_polite && !group_word {
            let m = c.get(0).expect("whole match");
            push(Kind::PersonName, from + m.start(), from + m.end());
        }
    }
    // An internal URL also matches its host: keep the longer, outer hit.
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        if kept.last().is_some_and(|k| h.start < k.end) {
            continue;
        }
        kept.push(h);
    }
    kept
}

/// Tokens in capitals that are public names, not internal systems.
const PUBLIC_CAPITALS: [&str; 12] = [
    "COVID", "SARS", "MERS", "ISO", "JIS", "IEC", "PCI", "WI-FI", "E-MAIL", "FAQ", "Q&A", "MP4",
];

/// A token in capitals joined by a hyphen, an underscore or a digit: `BILLING-CORE`,
/// `HIBARI-CRM2`, `ERP_PROD`, `OPS-4471`.
static CAPITALS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?-u:\b)[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)+(?-u:\b)|(?-u:\b)[A-Z]{4,}[0-9]+(?-u:\b)")
});
static TICKET_ID: LazyLock<Regex> = LazyLock::new(|| re(r"^[A-Z]{2,10}-[0-9]{2,}$"));
/// A person named after the role they have in the story: "our customer Daniel Okafor".
static ROLE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:customer|client|employee|staff member|patient|engineer|nurse|doctor|manager|colleague|contractor|member|user|resident|student|teacher|officer|analyst|reporter)s?,? ([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?-u:\b)",
    )
});

/// Shapes that need the writer's capitals, in the original text, as byte ranges: internal
/// system names and ticket IDs in capitals, and names after a person's role.
pub fn scan_original(original: &str) -> Vec<(Kind, usize, usize)> {
    let mut out = Vec::new();
    // Every shape here holds capitals, and capitals are ASCII.
    let capitals = ascii_runs(original)
        .into_iter()
        .any(|(s, e)| original[s..e].bytes().any(|b| b.is_ascii_uppercase()));
    if !capitals {
        return out;
    }
    for m in CAPITALS.find_iter(original) {
        let token = m.as_str();
        let line_start = original[..m.start()].rfind('\n').map_or(0, |i| i + 1);
        let line_end = original[m.end()..]
            .find('\n')
            .map_or(original.len(), |i| m.end() + i);
        let line = &original[line_start..line_end];
        // An English heading in capitals ("FOLLOW-UP NOTICE") names nothing internal.
        let heading = line.is_ascii() && !line.bytes().any(|b| b.is_ascii_lowercase());
        let public = PUBLIC_CAPITALS.iter().any(|p| {
            token == *p
                || token.starts_with(&format!("{p}-"))
                || token.starts_with(&format!("{p}_"))
        });
        let letters = token.bytes().filter(u8::is_ascii_alphabetic).count();
        if heading || public || letters < 3 || token.starts_with("CVE-") {
            continue;
        }
        let kind = if TICKET_ID.is_match(token) {
            Kind::TicketId
        } else {
            Kind::SystemName
        };
        out.push((kind, m.start(), m.end()));
    }
    for c in ROLE_NAME.captures_iter(original) {
        let name = c.get(1).expect("group 1");
        out.push((Kind::PersonName, name.start(), name.end()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        let anchors = crate::wording::anchors::Anchors::of(text);
        scan_with(text, &anchors)
            .into_iter()
            .map(|h| h.kind)
            .collect()
    }

    #[test]
    fn personal_shapes() {
        assert_eq!(kinds("連絡先 tanaka.s@example.co.jp"), vec![Kind::Email]);
        assert_eq!(kinds("窓口 support@example.co.jp"), vec![]);
        assert_eq!(kinds("携帯 090-1234-5678"), vec![Kind::MobilePhone]);
        assert_eq!(kinds("0120-000-000"), vec![]);
        assert_eq!(kinds("田中様からの連絡"), vec![Kind::PersonName]);
        assert_eq!(kinds("お客様と株主様、関係者の皆様"), vec![]);
        assert_eq!(kinds("contact mr smith today"), vec![Kind::PersonName]);
    }

    #[test]
    fn internal_shapes() {
        assert_eq!(kinds("アドレス 10.20.0.1 から"), vec![Kind::IpAddress]);
        assert_eq!(kinds("2026.6.15 に"), vec![]);
        assert_eq!(kinds("vpn-gw01 の弱点"), vec![Kind::InternalHost]);
        assert_eq!(kinds("fs01.hokushin.local"), vec![Kind::InternalHost]);
        assert_eq!(kinds("http://intranet/portal を"), vec![Kind::InternalUrl]);
        assert_eq!(kinds("https://www.example.co.jp/news"), vec![]);
        assert_eq!(kinds("fortios 7.0.12 の"), vec![Kind::VersionString]);
        assert_eq!(kinds("cve-2024-21762"), vec![Kind::VulnerabilityId]);
        assert_eq!(kinds("パスワードは hunter22"), vec![Kind::Credential]);
        assert_eq!(kinds("version 13.1 の装置"), vec![Kind::VersionString]);
        assert_eq!(kinds("in /var/backups/export today"), vec![Kind::FilePath]);
        assert_eq!(kinds("ポート番号3389を閉じ"), vec![Kind::Port]);
        assert_eq!(
            kinds("ran sudo systemctl restart"),
            vec![Kind::Command, Kind::Command]
        );
        assert_eq!(kinds("on 1/12/2026 and/or later"), vec![]);
    }

    #[test]
    fn capitals_name_systems_and_tickets_but_not_public_names_or_headings() {
        let kinds = |t: &str| {
            scan_original(t)
                .into_iter()
                .map(|h| h.0)
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds("the BILLING-CORE cluster"), vec![Kind::SystemName]);
        assert_eq!(kinds("管理番号INC-20931として"), vec![Kind::TicketId]);
        assert_eq!(kinds("COVID-19 office hours"), vec![]);
        assert_eq!(kinds("FOLLOW-UP NOTICE"), vec![]);
        assert_eq!(kinds("our customer Daniel Okafor"), vec![Kind::PersonName]);
    }
}
