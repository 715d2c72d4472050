//! Shapes of text that must not be public, found by pattern rather than by phrase list:
//! personal data (e-mail addresses, mobile numbers, postal addresses, names with honorifics)
//! and internal detail (IP addresses, internal host names and URLs, version strings,
//! vulnerability IDs, credential-like strings). Patterns run on normalised text.

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
static CVE: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)cve-[0-9]{4}-[0-9]{4,}(?-u:\b)"));
static CREDENTIAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:password|passwd|pwd|パスワード|api ?key|secret|token|暗証番号)\s?(?:は|:|=|\sis\s|\swas\s)\s?[^\s、。]*[0-9!#$%&*@][^\s、。]*|(?-u:\b)akia[0-9a-z]{16}(?-u:\b)|(?-u:\b)[a-z0-9+/]{40,}={0,2}",
    )
});

/// Maximal runs of ASCII in `text`: where every ASCII-only shape can be, so those patterns
/// scan a few short runs of a Japanese draft instead of all of it.
fn ascii_runs(text: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, b) in text.bytes().enumerate() {
        match (b.is_ascii(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s, text.len()));
    }
    runs.retain(|(s, e)| e - s >= 2);
    runs
}

const HONORIFICS: [&str; 6] = ["様", "さん", "氏", "殿", "くん", "君"];

/// Everything in `text` (normalised) that looks personal or internal.
pub fn scan(text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut push = |kind, start, end| hits.push(Hit { kind, start, end });
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
    // Shapes that can involve Japanese: credentials named in Japanese, postal addresses.
    if text.contains("パスワード") || text.contains("暗証番号") {
        for m in CREDENTIAL.find_iter(text) {
            push(Kind::Credential, m.start(), m.end());
        }
    }
    if text.contains('〒') || text.contains("丁目") {
        for m in POSTAL.find_iter(text) {
            push(Kind::PostalAddress, m.start(), m.end());
        }
    }
    // Names: look only just before each honorific.
    for honorific in HONORIFICS {
        for (at, _) in text.match_indices(honorific) {
            let end = at + honorific.len();
            let from = text[..at].char_indices().rev().nth(9).map_or(0, |(i, _)| i);
            let window = &text[from..end];
            let Some(c) = NAME_JA
                .captures_iter(window)
                .find(|c| c.get(0).is_some_and(|m| m.end() == window.len()))
            else {
                continue;
            };
            let name = c.get(1).expect("group 1");
            let starts_polite = window[..name.start()].ends_with(['お', 'ご']);
            let group_word = name.as_str().trim_end().ends_with(NOT_NAMES)
                || name.as_str().starts_with(NOT_NAMES);
            if !starts_polite && !group_word {
                let m = c.get(0).expect("whole match");
                push(Kind::PersonName, from + m.start(), from + m.end());
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        scan(text).into_iter().map(|h| h.kind).collect()
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
    }
}
