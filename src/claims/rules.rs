//! The rules: from cue hits, mentions and tokens of one sentence to claims.
//!
//! Each claim cue carries a frame (where its accused is) and flags (what
//! must hold around it). The rules find the accused group, the attributor
//! (the agent of an agentive cue, the speaker of a reporting verb before or
//! after the claim, or an anaphor resolved to the last speaker), the
//! polarity (negators next to the cue, denials), then scope the hedges:
//! a hedge counts for the claim whose words or speaker clause hold it, else
//! for the nearest claim of its clause.

use crate::claims::lexicon::{flag, word, Class, Cue, Frame, Lexicon};
use crate::claims::tokens::{code_name, has_code_name, tokenize, Tok, NONE};
use crate::document::{Claim, ClaimKind, Confidence, Entity, Likelihood, Polarity};
use crate::gazetteer::{EntityKind, Mention};
use crate::span::{Span, TextSpan};

/// The longest cue the output gives (bytes); longer gapped cues give their
/// head only.
const MAX_CUE: usize = 80;

/// How far (in tokens) any rule looks from a cue: keeps the work linear on
/// pathological input (a 200 KB "sentence" without a full stop).
const SPAN: usize = 80;

/// How far (in tokens) the cyber context of a cue may lie, inside its
/// clause's hard boundaries.
const CTX_REACH: usize = 40;

/// What the claim stage remembers across the sentences of one document.
#[derive(Clone, Debug, Default)]
pub struct ClaimContext {
    /// The entities of the last speaker named ("the Czech government said").
    pub(crate) speaker: Vec<Entity>,
    /// Whether a claim was found in an earlier sentence.
    pub(crate) claims_seen: bool,
    /// Whether the document names a threat actor or made a claim so far:
    /// a cyber article, where cues need no cyber word of their own.
    pub(crate) cyber_doc: bool,
    /// The last sentences with mentions but no claim cue, whose speaker is
    /// worked out only when a later claim sentence comes (most are never
    /// needed).
    pub(crate) recent: Vec<(Span, Vec<Mention>)>,
    /// The ids and countries of the entities accused so far: a
    /// counter-accusation ("Poland was spreading fabrications", the Russian
    /// embassy said) is a denial only from one of them.
    pub(crate) accused: Vec<std::sync::Arc<str>>,
    /// The last quotation was spoken by a person the gazetteer does not
    /// name ("..., the minister said."): a later sentence opening a quote
    /// does not continue the last named speaker's.
    pub(crate) person_quote: bool,
    /// How many sentences `recent` held when `person_quote` was set (the
    /// later ones are newer than the person's quote).
    pub(crate) person_at: usize,
}

impl ClaimContext {
    /// Remembers a sentence without claim cues (the last three are kept).
    pub(crate) fn push_recent(&mut self, sentence: Span, mentions: &[Mention]) {
        // A ring of three: the oldest entry's buffer is reused (this runs
        // for every sentence with a mention but no claim cue).
        if self.recent.len() == 3 {
            self.recent.rotate_left(1);
            // (the entries newer than a person's quote moved down one)
            self.person_at = self.person_at.saturating_sub(1);
            if let Some((span, ms)) = self.recent.last_mut() {
                *span = sentence;
                ms.clear();
                ms.extend_from_slice(mentions);
            }
        } else {
            self.recent.push((sentence, mentions.to_vec()));
        }
    }

    /// Works out the speaker of the remembered sentences, the latest first.
    pub(crate) fn settle(&mut self, lex: &Lexicon, text: &str) {
        // An earlier sentence about hacking makes a cyber article ("a wave
        // of denial-of-service attacks knocked the websites offline. ...
        // the Russian state coordinated these attacks").
        if !self.cyber_doc {
            self.cyber_doc = self
                .recent
                .iter()
                .any(|(span, _)| strong_cyber(text.get(span.range()).unwrap_or("")));
        }
        for (i, (span, ms)) in self.recent.iter().enumerate().rev() {
            if let Some(e) = sentence_speaker(lex, text, *span, ms) {
                self.speaker = e;
                if i >= self.person_at {
                    self.person_quote = false;
                }
                break;
            }
            if i >= self.person_at && person_quote(span.as_str(text), ms, span.start) {
                self.person_quote = true;
                break;
            }
        }
        self.recent.clear();
        self.person_at = 0;
    }

    /// Notes a sentence without entity mentions: a quotation closed by a
    /// speaker the gazetteer does not name ("We are counting the damage,"
    /// the minister said.).
    pub(crate) fn note_unnamed(&mut self, text: &str, sentence: Span) {
        if self.speaker.is_empty() && self.recent.is_empty() {
            return;
        }
        if person_quote(
            text.get(sentence.range()).unwrap_or(""),
            &[],
            sentence.start,
        ) {
            self.person_quote = true;
            self.person_at = self.recent.len();
        }
    }
}

/// Words that make a sentence, and its article, about hacking (not the
/// generic "email" or "website" of the `cyber` class).
fn strong_cyber(s: &str) -> bool {
    [
        "cyber",
        "hack",
        "malware",
        "ransomware",
        "phishing",
        "ddos",
        "denial-of-service",
        "spyware",
        "botnet",
    ]
    .iter()
    .any(|w| contains_ci(s, w))
}

/// Whether `s` (at byte `base` of the text, with mentions `ms`) closes a
/// quotation with a reporting verb whose speaker names no entity:
/// `damage," the minister said.`
fn person_quote(s: &str, ms: &[Mention], base: usize) -> bool {
    let b = s.as_bytes();
    // the last closing quote: '"' or the last byte of U+201D (this runs on
    // every sentence once a speaker is known: memrchr, not a byte loop)
    let mut end = b.len();
    let q = loop {
        let Some(i) = memchr::memrchr2(b'"', 0x9d, &b[..end]) else {
            return false;
        };
        if b[i] == b'"' || i >= 2 && b[i - 2] == 0xe2 && b[i - 1] == 0x80 {
            break i;
        }
        end = i;
    };
    let Some(rest) = s.get(q + 1..) else {
        return false;
    };
    if rest.len() > 160 {
        return false;
    }
    // The reporting verb, and no named entity between the quote and it
    // (one after it is a place or an audience: "told reporters in The
    // Hague").
    let lower = rest.to_ascii_lowercase();
    let Some(verb) = [" said", " says", " told", " added", " wrote", " explained"]
        .iter()
        .filter_map(|v| lower.find(v))
        .min()
    else {
        return false;
    };
    !ms.iter()
        .any(|m| m.span.start >= base + q && m.span.start < base + q + 1 + verb)
}

/// An introductory adverbial before the subject: "In a report published
/// on Tuesday, " or "Earlier this month, the ".
fn intro_phrase(lead: &str) -> bool {
    let body = lead
        .strip_suffix(", ")
        .or_else(|| lead.strip_suffix(", the "))
        .or_else(|| lead.strip_suffix(", The "));
    let Some(body) = body else {
        return false;
    };
    let first = body.split(' ').next().unwrap_or("").to_ascii_lowercase();
    body.len() <= 80
        && !body.contains(',')
        && matches!(
            first.as_str(),
            "in" | "on"
                | "at"
                | "earlier"
                | "last"
                | "this"
                | "after"
                | "during"
                | "late"
                | "early"
                | "yesterday"
                | "today"
                | "later"
                | "separately"
                | "meanwhile"
        )
}

/// A named entity opening the sentence ("Britain's NCSC published ...").
fn opening_subject(text: &str, sentence: Span, mentions: &[Mention]) -> Option<Vec<Entity>> {
    let first = mentions.first()?;
    let lead = text.get(sentence.start..first.span.start).unwrap_or("x");
    if !(lead.is_empty() || lead == "The " || lead == "the " || intro_phrase(lead)) {
        return None;
    }
    if first.entity.kind == EntityKind::ThreatActor {
        return None;
    }
    let mut ents = vec![Entity::from_mention(text, first)];
    if let Some(second) = mentions.get(1) {
        let gap = text.get(first.span.end..second.span.start).unwrap_or("x");
        if matches!(gap, "'s " | "\u{2019}s " | " ") {
            ents.push(Entity::from_mention(text, second));
        }
    }
    Some(ents)
}

#[derive(Clone, Copy, Debug)]
struct Hit {
    ts: usize,
    te: usize,
    s: usize,
    e: usize,
    slot: usize,
    class: Class,
    /// The phrase is a reporting verb ("said", "suspects").
    report: bool,
    /// The phrase is a claim or denial cue (possibly also a reporting verb).
    claim: bool,
}

#[derive(Clone, Copy, Debug)]
struct HHit {
    ts: usize,
    te: usize,
    s: usize,
    e: usize,
    idx: usize,
}

/// Who speaks: entities, an anaphor ("it", "the agency"), or a phrase.
#[derive(Clone, Debug, Default)]
struct Speaker {
    ents: Vec<usize>,
    anaphor: bool,
    source: Option<(usize, usize)>,
    /// Token range (inclusive) of the speaker clause.
    clause: Option<(usize, usize)>,
    elided: bool,
}

impl Speaker {
    fn found(&self) -> bool {
        !self.ents.is_empty() || self.anaphor || self.source.is_some() || self.elided
    }
}

#[derive(Clone, Debug)]
struct Cand {
    kind: ClaimKind,
    cue: (usize, usize),
    cue_tok: (usize, usize),
    accused: Vec<usize>,
    attributor: Vec<Entity>,
    source: Option<(usize, usize)>,
    negated: bool,
    denial: bool,
    /// The cue is a passive verb: its subject is no agent.
    passive: bool,
    /// The agent named after "by" ("blamed by Washington").
    by_agent: Vec<usize>,
    core: (usize, usize),
    clauses: Vec<(usize, usize)>,
    target: Option<(usize, usize)>,
}

pub(crate) struct Sent<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    base: usize,
    lower: String,
    toks: Vec<Tok>,
    ments: &'a [Mention],
    mtok: Vec<(usize, usize)>,
    hits: Vec<Hit>,
    hedges: Vec<HHit>,
    cyber: bool,
    /// Whether a company (mostly security vendors) is named.
    vendor: bool,
    /// Whether a word of war, disease or trade stands in the sentence
    /// ("troops", "outbreak", "tariffs").
    noncyber: bool,
    /// Whether an earlier sentence of the document made a claim (a denial
    /// then needs no cyber word of its own: "Islamabad rejected the claim").
    pub(crate) doc_claims: bool,
}

fn word_byte(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// The whole-word cue hits in `s`: (start, end, cue slot).
pub(crate) fn cue_hits(lex: &Lexicon, s: &str) -> Vec<(usize, usize, usize)> {
    lex.cues
        .find_iter(s)
        .map(|m| (m.start, m.end, m.pattern))
        .collect()
}

/// An intelligence, security or military service: accusing one is a
/// cyber-attribution context of its own.
fn is_spy_agency(text: &str, m: &Mention) -> bool {
    m.entity.kind == EntityKind::Agency && {
        let t = m.span.as_str(text).to_ascii_lowercase();
        let n = m.entity.name.to_ascii_lowercase();
        [
            "intelligence",
            "security",
            "military",
            "spy",
            "guard",
            "gru",
            "fsb",
            "svr",
            "mss",
            "reconnaissance",
            "liberation army",
        ]
        .iter()
        .any(|k| t.contains(k) || n.contains(k))
    }
}

/// A negator may stand in the few words before byte `a` of `s` ("did not
/// name", "stopped short of naming"): the cheap test for `negonly` cues.
fn negator_before(s: &str, a: usize) -> bool {
    let from = a.saturating_sub(24);
    let Some(lead) = (from..=a).find_map(|i| s.get(i..a)) else {
        return false;
    };
    [
        "not",
        "n't",
        "never",
        "short of",
        "to ",
        "without",
        "rather than",
        "instead of",
    ]
    .iter()
    .any(|w| contains_ci(lead, w))
}

fn is_prep(w: &str) -> bool {
    matches!(
        w,
        "to" | "by"
            | "with"
            | "of"
            | "for"
            | "from"
            | "in"
            | "at"
            | "on"
            | "under"
            | "into"
            | "over"
            | "during"
            | "after"
            | "before"
            | "against"
            | "across"
            | "through"
            | "between"
            | "about"
            | "than"
            | "behind"
    )
}

/// ASCII-case-insensitive substring test (`needle` is lowercase).
fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return false;
    };
    // Jump between the places where the first byte occurs (in either case).
    let (lo, up) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut at = 0;
    while let Some(i) = h.get(at..).and_then(|t| memchr::memchr2(lo, up, t)) {
        let start = at + i;
        if h.get(start + 1..start + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(rest))
        {
            return true;
        }
        at = start + 1;
    }
    false
}

/// True when `s` (whose mentions are `mentions`) holds a claim or denial
/// cue that the rules could accept: a gapped cue needs its tail later in
/// the sentence, a `ctx` cue an attack or cyber word or a threat actor.
pub(crate) fn has_claim_cue(
    lex: &Lexicon,
    text: &str,
    sentence: Span,
    mentions: &[Mention],
    cyber_doc: bool,
) -> bool {
    let s_text = text;
    let s = sentence.as_str(text);
    let mut ctx: Option<bool> = cyber_doc.then_some(true);
    for m in lex.claim_cues.find_iter(s) {
        let (a, b) = (m.start, m.end);
        let slot = lex.claim_slot[m.pattern];
        for cue in &lex.cue_slots[slot] {
            if !matches!(cue.class, Class::Claim(_) | Class::Denial) {
                continue;
            }
            if let Some(first) = cue.tail.first() {
                if !s.get(b..).is_some_and(|rest| contains_ci(rest, first)) {
                    continue;
                }
            }
            if cue.flags & flag::NEGONLY != 0 && !negator_before(s, a) {
                continue;
            }
            // A descriptive noun ("group", "actor") describes a named
            // threat actor (see `Sent::descriptive`).
            if cue.frame == Frame::Pre
                && cue.class == Class::Claim(ClaimKind::Association)
                && s.as_bytes().get(a) != Some(&b'-')
                && !mentions
                    .iter()
                    .any(|m| m.entity.kind == EntityKind::ThreatActor)
            {
                continue;
            }
            // A cue that needs a cyber sentence ("hit", "charged") needs at
            // least what a context cue needs, an agency accused or the word
            // "cyber".
            let needs_ctx = cue.flags & flag::CTX != 0
                || cue.flags & flag::CYBER != 0
                    && !mentions.iter().any(|m| m.entity.kind == EntityKind::Agency)
                    && !contains_ci(s, "cyber");
            if needs_ctx {
                let ok = *ctx.get_or_insert_with(|| {
                    mentions.iter().any(|m| {
                        m.entity.kind == EntityKind::ThreatActor || is_spy_agency(s_text, m)
                    }) || lex.ctx_words.find_iter(s).next().is_some()
                        || has_code_name(s)
                        || mentions
                            .iter()
                            .any(|m| m.entity.kind == EntityKind::Company)
                            && lex.generic_words.find_iter(s).next().is_some()
                });
                if !ok {
                    continue;
                }
            }
            return true;
        }
    }
    false
}

/// The speaker a later "it said" may refer to, from a sentence without
/// claims: the first named subject of a reporting verb, else a named entity
/// opening the sentence ("Britain's NCSC published an advisory.").
pub(crate) fn sentence_speaker(
    lex: &Lexicon,
    text: &str,
    sentence: Span,
    mentions: &[Mention],
) -> Option<Vec<Entity>> {
    let st = text.get(sentence.range())?;
    let hits = cue_hits(lex, st);
    if !hits.is_empty() {
        let sent = Sent::new(lex, text, sentence, mentions, &hits);
        if let Some(e) = sent.first_speaker() {
            return Some(e);
        }
    }
    opening_subject(text, sentence, mentions)
}

impl<'a> Sent<'a> {
    pub(crate) fn new(
        lex: &'a Lexicon,
        text: &'a str,
        sentence: Span,
        mentions: &'a [Mention],
        raw_hits: &[(usize, usize, usize)],
    ) -> Sent<'a> {
        let st = sentence.as_str(text);
        let base = sentence.start;
        let mut toks = Vec::new();
        tokenize(st, base, lex, &mut toks);
        let lower = st.to_ascii_lowercase();
        let tok_at = |toks: &[Tok], byte: usize| toks.partition_point(|t| t.s < byte);
        // Mentions → token ranges.
        let mut mtok = Vec::with_capacity(mentions.len());
        for (mi, m) in mentions.iter().enumerate() {
            // "anti-Russian hacktivists" do not name Russia; "pro-Russian
            // hacktivists" are put on the Russian side (annotation convention).
            let lead = text
                .get(m.span.start.saturating_sub(5)..m.span.start)
                .unwrap_or("");
            let lead = lead.to_ascii_lowercase();
            // ("Russian-speaking gang": a language, not a state)
            let mut te = (m.span.end + 9).min(text.len());
            while te > m.span.end && !text.is_char_boundary(te) {
                te -= 1;
            }
            let tail = text.get(m.span.end..te).unwrap_or("").to_ascii_lowercase();
            if lead.ends_with("anti-") || tail.starts_with("-born") || tail.starts_with("-speaking")
            {
                mtok.push((NONE, NONE));
                continue;
            }
            let first = tok_at(&toks, m.span.start);
            let mut last = NONE;
            let mut j = first;
            while j < toks.len() && toks[j].e <= m.span.end {
                last = j;
                j += 1;
            }
            if last == NONE || first > last {
                mtok.push((NONE, NONE));
                continue;
            }
            mtok.push((first, last));
            for t in &mut toks[first..=last] {
                t.ment = mi;
            }
        }
        // Cue hits → token ranges.
        let mut hits = Vec::new();
        for &(a, b, slot) in raw_hits {
            let (s, e) = (base + a, base + b);
            let ts = tok_at(&toks, s);
            let te = tok_at(&toks, e);
            if ts >= te || ts >= toks.len() {
                continue;
            }
            let class = lex.cue_slots[slot]
                .first()
                .map(|c| c.class)
                .unwrap_or(Class::Report);
            // "think tanks": a noun, not a reporting verb
            if class == Class::Report && matches!(lower.get(a..b), Some("think" | "thinks")) {
                let rest = lower.get(b..).unwrap_or("");
                let rest = rest.trim_start_matches([' ', '-']);
                if rest.starts_with("tank") {
                    continue;
                }
            }
            // "the suspects", "40 suspects": a noun, not a verb
            if matches!(lower.get(a..b), Some("suspects" | "suspect")) && ts > 0 && {
                let p = &toks[ts - 1];
                let pw = lower.get(p.s - base..p.e - base).unwrap_or("");
                p.w & word::DET != 0 || pw.bytes().all(|b| b.is_ascii_digit())
            } {
                continue;
            }
            let hi = hits.len();
            for t in &mut toks[ts..te] {
                t.hit = hi;
            }
            let entries = &lex.cue_slots[slot];
            hits.push(Hit {
                ts,
                te,
                s,
                e,
                slot,
                class,
                report: entries.iter().any(|c| c.class == Class::Report),
                claim: entries
                    .iter()
                    .any(|c| matches!(c.class, Class::Claim(_) | Class::Denial)),
            });
        }
        // Hedge hits.
        let mut hedges = Vec::new();
        for m in lex.hedge_words.find_iter(st) {
            let (a, b) = (m.start, m.end);
            let before = st.get(..a).and_then(|p| p.chars().next_back());
            let after = st.get(b..).and_then(|p| p.chars().next());
            if word_byte(before) || word_byte(after) {
                continue;
            }
            let (s, e) = (base + a, base + b);
            let ts = tok_at(&toks, s);
            let te = tok_at(&toks, e);
            if ts >= te {
                continue;
            }
            // "May 28": a capitalised one-word hedge inside the sentence is
            // a name or a month.
            let matched = st.get(a..b).unwrap_or("");
            if ts > 0
                && !matched.contains(' ')
                && matched.chars().next().is_some_and(char::is_uppercase)
                && !toks[ts - 1].quote
            {
                continue;
            }
            // "the suspects", "40 suspects": a noun, no hedge
            if ts > 0 && matched.eq_ignore_ascii_case("suspects") && {
                let p = &toks[ts - 1];
                let pw = lower.get(p.s - base..p.e - base).unwrap_or("");
                p.w & word::DET != 0 || pw.bytes().all(|b| b.is_ascii_digit())
            } {
                continue;
            }
            for t in &mut toks[ts..te] {
                t.hedge = true;
            }
            hedges.push(HHit {
                ts,
                te,
                s,
                e,
                idx: m.pattern,
            });
        }
        let words_seen = toks.iter().fold(0, |acc, t| acc | t.w);
        let noncyber = words_seen & word::NONCYBER != 0;
        let cyber = words_seen & word::CYBER != 0
            || mentions
                .iter()
                .any(|m| m.entity.kind == EntityKind::ThreatActor)
            || lower.contains("cyber");
        let vendor = mentions
            .iter()
            .any(|m| m.entity.kind == EntityKind::Company);
        Sent {
            lex,
            text,
            base,
            lower,
            toks,
            ments: mentions,
            mtok,
            hits,
            hedges,
            cyber,
            noncyber,
            vendor,
            doc_claims: false,
        }
    }

    fn n(&self) -> usize {
        self.toks.len()
    }

    /// The sentence's span in the document.
    fn span(&self) -> Span {
        Span::new(self.base, self.base + self.lower.len())
    }

    /// Lowercase text of token `i`.
    fn lw(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self
                .lower
                .get(t.s - self.base..t.e - self.base)
                .unwrap_or(""),
            None => "",
        }
    }

    fn is(&self, i: usize, bits: u16) -> bool {
        self.toks.get(i).is_some_and(|t| t.w & bits != 0)
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.word) && self.lw(i) == w
    }

    fn is_report_tok(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.hit != NONE && self.hits[t.hit].report)
    }

    fn is_negator_tok(&self, i: usize) -> bool {
        // (a phrase that is also a reporting verb: "ruled out")
        self.toks.get(i).is_some_and(|t| {
            t.hit != NONE
                && self.lex.cue_slots[self.hits[t.hit].slot]
                    .iter()
                    .any(|c| c.class == Class::Negator)
        })
    }

    fn adverb(&self, i: usize) -> bool {
        let w = self.lw(i);
        self.toks[i].word && w.len() > 4 && w.ends_with("ly")
    }

    fn kind_ok(&self, m: usize, legal: bool) -> bool {
        match self.ments[m].entity.kind {
            EntityKind::State | EntityKind::Agency | EntityKind::ThreatActor => true,
            EntityKind::Company => legal,
            _ => false,
        }
    }

    fn is_threat_actor(&self, m: usize) -> bool {
        self.ments[m].entity.kind == EntityKind::ThreatActor
    }

    fn ment_ok(&self, m: usize) -> bool {
        self.mtok.get(m).is_some_and(|r| r.0 != NONE)
    }

    /// A comma between two mentions of a list that ends with "and"/"or"
    /// ("Norway, Finland and Denmark"; not "Kazakhstan's ministry,
    /// Microsoft said").
    /// A mention starts at token `j`, or after "the" there ("and the
    /// United States").
    fn ment_at(&self, j: usize) -> bool {
        let m = |j: usize| self.toks.get(j).is_some_and(|t| t.ment != NONE);
        m(j) || (j < self.n() && self.lw(j) == "the" && m(j + 1))
    }

    fn list_comma(&self, i: usize) -> bool {
        if i == 0 || i + 1 >= self.n() || self.toks[i - 1].ment == NONE {
            return false;
        }
        let mut j = i + 1;
        if self.toks[j].word && matches!(self.lw(j), "and" | "or") {
            return self.ment_at(j + 1);
        }
        // walk the list: mention (, mention)* (and|or) mention
        for _ in 0..8 {
            // ("CISA, the FBI and the NSA")
            if self.is_word(j, "the") {
                j += 1;
            }
            let m = self.toks.get(j).map_or(NONE, |t| t.ment);
            if m == NONE || !self.ment_ok(m) {
                return false;
            }
            j = self.mtok[m].1 + 1;
            match self.toks.get(j) {
                Some(t) if t.comma => {
                    j += 1;
                    if self.toks.get(j).is_some_and(|t| t.word)
                        && matches!(self.lw(j), "and" | "or")
                    {
                        j += 1;
                        return self.ment_at(j);
                    }
                }
                Some(t) if t.word && matches!(self.lw(j), "and" | "or") => {
                    return self.ment_at(j + 1);
                }
                _ => return false,
            }
        }
        false
    }

    /// True when mention `m` is what was attacked ("the attack on X").
    fn is_target(&self, m: usize) -> bool {
        let f = self.mtok[m].0;
        let mut j = f;
        // skip determiners
        while j > 0 && self.is(j - 1, word::DET) {
            j -= 1;
        }
        if j == 0 {
            return false;
        }
        let p = j - 1;
        if self.toks[p].hit != NONE && self.hits[self.toks[p].hit].claim {
            return false;
        }
        match self.lw(p) {
            "against" | "targeting" | "targeted" | "toward" | "towards" => true,
            // (not "a hacking unit of the GRU": the actor's own unit)
            "on" | "of" | "into" | "at" | "in" | "inside" => {
                let own_unit = p > 0 && self.is(p - 1, word::ACTOR) && !self.is(p - 1, word::ORG);
                p > 0
                    && (self.is(p - 1, word::EVENT)
                        || (p > 1 && self.is(p - 2, word::EVENT) && !own_unit))
            }
            _ => false,
        }
    }

    /// True when a reporting verb follows mention `m` ("..., China said").
    fn followed_by_report(&self, m: usize) -> bool {
        let l = self.mtok[m].1;
        let mut j = l + 1;
        let mut steps = 0;
        while j < self.n() && steps < 6 {
            if self.is_report_tok(j) {
                return true;
            }
            if !(self.toks[j].poss
                || self.toks[j].ment != NONE
                || self.is(j, word::ORG | word::ACTOR))
            {
                return false;
            }
            j += 1;
            steps += 1;
        }
        false
    }

    fn join_word(&self, i: usize, to_ok: bool) -> bool {
        let t = &self.toks[i];
        if !t.word {
            return t.comma || t.poss || matches!(self.lw(i), "-" | "/" | "&");
        }
        if t.hit != NONE && self.hits[t.hit].report {
            return false;
        }
        matches!(
            self.lw(i),
            "and"
                | "or"
                | "the"
                | "as"
                | "well"
                | "known"
                | "called"
                | "dubbed"
                | "also"
                | "a"
                | "an"
                | "its"
                | "their"
                | "both"
                | "either"
                | "nor"
        ) || (to_ok && self.lw(i) == "to")
            || self.is(i, word::ACTOR | word::ORG)
    }

    /// The group of mentions joined to `m` on its right ("Russia's GRU",
    /// "Fancy Bear or APT28", "APT41, a Chinese ...").
    fn expand_right(&self, m: usize, to_ok: bool, legal: bool) -> Vec<usize> {
        let mut group = vec![m];
        let mut j = self.mtok[m].1 + 1;
        'outer: loop {
            let mut k = j;
            let mut gap = 0;
            while k < self.n() {
                let t = &self.toks[k];
                if t.ment != NONE {
                    let m2 = t.ment;
                    if !self.ment_ok(m2)
                        || self.is_target(m2)
                        || self.followed_by_report(m2)
                        || !self.kind_ok(m2, legal)
                    {
                        break 'outer;
                    }
                    group.push(m2);
                    j = self.mtok[m2].1 + 1;
                    continue 'outer;
                }
                if t.hard || !self.join_word(k, to_ok) || t.comma && self.report_segment(k) {
                    break 'outer;
                }
                if t.word {
                    gap += 1;
                    if gap > 4 {
                        break 'outer;
                    }
                }
                k += 1;
            }
            break;
        }
        group
    }

    /// The group of mentions joined to `m` on its left ("Norway, Finland and
    /// Denmark", "U.K. and U.S. officials").
    fn expand_left(&self, m: usize) -> Vec<usize> {
        let mut group = vec![m];
        let mut f = self.mtok[m].0;
        'outer: loop {
            let mut k = f;
            let mut gap = 0;
            while k > 0 {
                k -= 1;
                let t = &self.toks[k];
                if t.ment != NONE {
                    let m2 = t.ment;
                    if !self.ment_ok(m2) || group.contains(&m2) {
                        break 'outer;
                    }
                    group.insert(0, m2);
                    f = self.mtok[m2].0;
                    continue 'outer;
                }
                if self.lw(k) == ")" {
                    // "the National Cyber Security Centre (NCSC) and the
                    // ...": the name before its abbreviation
                    let open = (k.saturating_sub(3)..k).rev().find(|&x| self.lw(x) == "(");
                    if let Some(o) = open.filter(|&o| o > 0 && self.toks[o - 1].ment != NONE) {
                        let m2 = self.toks[o - 1].ment;
                        if self.ment_ok(m2) && !group.contains(&m2) {
                            group.insert(0, m2);
                            f = self.mtok[m2].0;
                            continue 'outer;
                        }
                    }
                }
                let ok = if t.word {
                    matches!(self.lw(k), "and" | "or" | "the" | "both") || self.is(k, word::ORG)
                } else {
                    (t.comma && self.list_comma(k)) || t.poss || matches!(self.lw(k), "/" | "&")
                };
                if t.hard || !ok {
                    break 'outer;
                }
                if t.word {
                    gap += 1;
                    if gap > 3 {
                        break 'outer;
                    }
                }
            }
            break;
        }
        group
    }

    /// The accused after token `from`: the first mention within `limit`
    /// words of the clause that is not a target.
    fn find_obj(&self, from: usize, until: usize, flags: u16, legal: bool) -> Option<Vec<usize>> {
        let mut i = from;
        let mut words = 0;
        let until = until.min(self.n());
        // A cue ending in a preposition ("tied to", "run by", "working for")
        // takes the phrase right after it: no other preposition between.
        let prep_cue = from > 0 && is_prep(self.lw(from - 1));
        // The last word read was an actor noun ("the same group").
        let mut actor_noun = false;
        while i < until {
            let t = &self.toks[i];
            if t.comma && actor_noun && self.appositive_name(i + 1) {
                // "the work of the same group, HomeLand Justice": the name
                // in apposition to the actor noun
                i += 1;
                continue;
            }
            if t.hard || t.comma {
                return None;
            }
            if t.ment != NONE && self.ment_ok(t.ment) {
                let m = t.ment;
                if !self.is_target(m) && self.kind_ok(m, legal) && !self.possessor(m) {
                    return Some(self.expand_right(m, flags & flag::TO != 0, legal));
                }
                i = self.mtok[m].1 + 1;
                continue;
            }
            if t.word {
                if self.is(i, word::REL | word::CONJ) || self.is_report_tok(i) {
                    return None;
                }
                let in_cue = t.hit != NONE && self.hits[t.hit].claim;
                // "the government of Rwanda", "the regime in Pyongyang":
                // the preposition belongs to the name of a state's organ
                // ("a hacking unit of the GRU", "officers of Russia's FSB",
                // "developers in Iran")
                let organ = matches!(self.lw(i), "of" | "in")
                    && i > 0
                    && self.is(i - 1, word::ORG | word::ACTOR)
                    && self.ment_at(i + 1);
                if prep_cue
                    && is_prep(self.lw(i))
                    && !in_cue
                    && !organ
                    && !(flags & flag::TO != 0 && self.lw(i) == "to")
                {
                    return None;
                }
                actor_noun = self.is(i, word::ACTOR) && !self.is(i, word::ORG);
                words += 1;
                if words > 8 {
                    return None;
                }
            }
            i += 1;
        }
        None
    }

    /// A threat actor's name in apposition starts at token `j` and ends
    /// its phrase ("the same group, HomeLand Justice."), not the subject of
    /// a reporting verb ("the hackers, Russia said").
    fn appositive_name(&self, j: usize) -> bool {
        let m = self.toks.get(j).map_or(NONE, |t| t.ment);
        if m == NONE || !self.ment_ok(m) || !self.is_threat_actor(m) || self.followed_by_report(m) {
            return false;
        }
        let e = self.mtok[m].1 + 1;
        e >= self.n() || !self.toks[e].word || matches!(self.lw(e), "and" | "or")
    }

    /// "X, which Y blamed": the antecedent X of a relative pronoun that
    /// opens the agent's clause before the cue at `ts`.
    fn relative_object(&self, ts: usize) -> Option<Vec<usize>> {
        let mut i = ts;
        let mut words = 0;
        while i > 0 && words < 8 {
            i -= 1;
            let t = &self.toks[i];
            if t.hard || t.comma {
                return None;
            }
            if t.word {
                if matches!(self.lw(i), "which" | "that" | "whom") {
                    return self.antecedent(i);
                }
                // "a Russian diplomat it accused of": a relative clause
                // without its pronoun, the agent a pronoun right after the
                // noun phrase
                if words == 0
                    && matches!(self.lw(i), "it" | "they" | "we")
                    && i > 0
                    && self.is(i - 1, word::ACTOR | word::ORG)
                {
                    let mut j = i - 1;
                    let mut k = 0;
                    while j > 0 && k < 3 {
                        j -= 1;
                        let m = self.toks[j].ment;
                        if m != NONE && self.ment_ok(m) {
                            return Some(self.expand_left(m));
                        }
                        if !self.toks[j].word {
                            return None;
                        }
                        k += 1;
                    }
                    return None;
                }
                words += 1;
            }
        }
        None
    }

    /// A mention that only qualifies the noun after it ("Colombia's
    /// biggest oilfield", "North Korea's weapons programmes"), unlike
    /// "Russia's GRU" or "Iran's foreign ministry".
    fn possessor(&self, m: usize) -> bool {
        let l = self.mtok[m].1;
        if !self.toks.get(l + 1).is_some_and(|t| t.poss) {
            return false;
        }
        let k = l + 2;
        match self.toks.get(k) {
            Some(t) if t.ment != NONE => false,
            // ("Russia's malicious cyber activity": the attacker's)
            Some(t) if t.word => !(k..(k + 3).min(self.n())).any(|j| {
                self.toks[j].word && self.is(j, word::ORG | word::ACTOR | word::CYBER | word::EVENT)
            }),
            _ => false,
        }
    }

    fn subj_skip(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !t.word {
            return t.poss || matches!(self.lw(i), "-" | "$" | "." | "'");
        }
        let hit_ok = t.hit != NONE && {
            let h = self.hits[t.hit];
            h.class == Class::Negator
                || self.lex.cue_slots[h.slot]
                    .iter()
                    .any(|c| c.frame == Frame::Pre)
        };
        t.hedge
            || hit_ok
            || self.is(
                i,
                word::AUX | word::ACTOR | word::ORG | word::DET | word::TIME,
            )
            || self.adverb(i)
            || matches!(
                self.lw(i),
                "known" | "as" | "called" | "dubbed" | "named" | "also" | "to" | "well"
            )
            || t.e - t.s > 0 && self.lw(i).bytes().all(|b| b.is_ascii_digit())
    }

    /// The previous comma or hard boundary before token `i` (exclusive), or
    /// `None` at the sentence start.
    fn prev_break(&self, i: usize) -> Option<usize> {
        let mut k = i;
        while k > 0 && i - k < SPAN {
            k -= 1;
            if (self.toks[k].comma && !self.list_comma(k)) || self.toks[k].hard {
                return Some(k);
            }
        }
        None
    }

    /// A parenthetical segment between commas ("which ...", "a group
    /// that ...") ending at comma `i`: returns the comma before it.
    fn skippable_segment(&self, i: usize) -> Option<usize> {
        let k = self.prev_break(i)?;
        if !self.toks[k].comma {
            return None;
        }
        let first = k + 1;
        if first >= i {
            return None;
        }
        let w = self.lw(first);
        let ok = self.is(first, word::REL)
            || matches!(
                w,
                "a" | "an" | "the" | "also" | "known" | "one" | "its" | "now"
            )
            // "North Korean hackers, posing as recruiters, stole"
            || (w.len() > 4 && w.ends_with("ing") && self.toks[first].hit == NONE)
            || self.toks[first].ment != NONE && self.is_threat_actor(self.toks[first].ment)
            // "a nation-state actor, possibly China, was behind"
            || self.toks[first].hedge;
        ok.then_some(k)
    }

    /// The antecedent of a relative pronoun at `i`: the mention right
    /// before it (across a comma).
    fn antecedent(&self, i: usize) -> Option<Vec<usize>> {
        let mut j = i;
        while j > 0 {
            j -= 1;
            let t = &self.toks[j];
            if t.comma {
                continue;
            }
            if t.ment != NONE && self.ment_ok(t.ment) {
                return Some(self.expand_left(t.ment));
            }
            if self.is(j, word::ACTOR) || self.is(j, word::DET) {
                continue;
            }
            return None;
        }
        None
    }

    /// The accused before token `ts`: the nearest mention of the clause,
    /// skipping auxiliaries, adverbs, actor nouns and parenthetical
    /// segments.
    fn find_subj(&self, ts: usize, legal: bool) -> Option<Vec<usize>> {
        let mut i = ts;
        let mut steps = 0;
        let mut free = 0;
        while i > 0 {
            i -= 1;
            let t = &self.toks[i];
            if t.ment != NONE {
                if !self.ment_ok(t.ment) || !self.kind_ok(t.ment, legal) {
                    return None;
                }
                return Some(self.expand_left(t.ment));
            }
            if t.hard {
                return None;
            }
            if t.comma {
                // "Midnight Blizzard, the group behind the hack": the name
                // the descriptive noun phrase stands in apposition to
                if i > 0 && self.toks[i - 1].ment != NONE {
                    let m = self.toks[i - 1].ment;
                    let desc = (i + 1..ts).all(|j| self.is(j, word::DET | word::ACTOR))
                        && (i + 1..ts).any(|j| self.is(j, word::ACTOR) && !self.is(j, word::ORG));
                    if desc && self.ment_ok(m) && self.kind_ok(m, legal) {
                        return Some(self.expand_left(m));
                    }
                }
                let k = self.skippable_segment(i)?;
                // "the group, known as Andariel, may have": the name;
                // "a nation-state actor, possibly China, was behind": the
                // hedged name of an unnamed actor
                let hedged = self.toks[k + 1].hedge && k > 0 && self.toks[k - 1].ment == NONE;
                if matches!(self.lw(k + 1), "known" | "called" | "dubbed" | "also") || hedged {
                    if let Some(m) = (k + 1..i).find_map(|j| {
                        let m = self.toks[j].ment;
                        (m != NONE && self.ment_ok(m) && self.kind_ok(m, legal)).then_some(m)
                    }) {
                        return Some(self.expand_right(m, false, legal));
                    }
                }
                i = k;
                continue;
            }
            if t.word {
                if self.is_report_tok(i) {
                    // "APT31, which prosecutors said has targeted": skip the
                    // reporting clause back to its relative pronoun.
                    let mut j = i;
                    while j > 0 {
                        j -= 1;
                        if self.toks[j].hard || self.toks[j].comma {
                            return None;
                        }
                        if self.is(j, word::REL) {
                            return self.antecedent(j);
                        }
                    }
                    return None;
                }
                if self.is(i, word::REL) {
                    return self.antecedent(i);
                }
                if t.hit != NONE && self.hits[t.hit].claim && !self.subj_skip(i) {
                    // another claim's verb ("arrested a man suspected of")
                    return None;
                }
                if !self.subj_skip(i) {
                    // a noun or two of the subject ("a North Korean
                    // programmer was indicted")
                    free += 1;
                    if free > 2 {
                        return None;
                    }
                }
                steps += 1;
                if steps > 8 {
                    return None;
                }
            }
        }
        None
    }

    /// The speaker phrase in tokens `a..b` (exclusive), skipping
    /// parenthetical segments.
    fn speaker_np(&self, a: usize, b: usize, skip: &[(usize, usize)]) -> Speaker {
        let mut sp = Speaker::default();
        if a >= b {
            return sp;
        }
        let mut words = Vec::new();
        for i in a..b {
            if skip.iter().any(|&(x, y)| i >= x && i <= y) {
                continue;
            }
            let t = &self.toks[i];
            if t.ment != NONE && self.ment_ok(t.ment) && !sp.ents.contains(&t.ment) {
                sp.ents.push(t.ment);
            }
            if t.word
                && !self.is_negator_tok(i)
                && !t.hedge
                && (!self.is(i, word::AUX | word::TIME) || self.is(i, word::ANAPHOR | word::DET))
            {
                words.push(i);
            }
        }
        if words.is_empty() {
            return sp;
        }
        sp.clause = Some((a, b - 1));
        if !sp.ents.is_empty() {
            // Places ("the embassy in London") are not speakers when
            // something else is named; of the rest, the group nearest the
            // verb speaks ("Beijing dismissed Washington's accusation").
            // ("Iran's mission to the United Nations")
            let located = |m: usize| {
                let mut f = self.mtok[m].0;
                if f > 1 && self.lw(f - 1) == "the" {
                    f -= 1;
                }
                f > 0 && matches!(self.lw(f - 1), "in" | "at" | "from" | "near" | "to")
            };
            // ("officials in Washington and London": the whole list is
            // the place)
            let located = |m: usize| located(self.expand_left(m)[0]);
            let kept: Vec<usize> = sp.ents.iter().copied().filter(|&m| !located(m)).collect();
            if let Some(&last) = kept.last() {
                let g = self.expand_left(last);
                sp.ents = g
                    .into_iter()
                    .filter(|&m| self.mtok[m].0 >= a && !located(m))
                    .collect();
                if sp.ents.is_empty() {
                    sp.ents = vec![last];
                }
            }
            return sp;
        }
        for (n, &i) in words.iter().enumerate() {
            let w = self.lw(i);
            if matches!(w, "it" | "they" | "we" | "he" | "she") && words.len() <= 2 {
                sp.anaphor = true;
                return sp;
            }
            // ("the foreign ministry", "the national cyber agency": the
            // noun after words of an organ's name)
            let mut k = n;
            while k > 1 && self.is(words[k - 1], word::ORG) && !self.is(words[k - 1], word::DET) {
                k -= 1;
            }
            if self.is(i, word::ANAPHOR)
                && k > 0
                && matches!(
                    self.lw(words[k - 1]),
                    "the" | "its" | "three" | "two" | "both"
                )
            {
                // "the report said": the speaker named before, else the
                // phrase itself as the source
                sp.anaphor = true;
                let last = words.last().map_or(i, |&l| l);
                sp.source = Some((self.toks[words[0]].s, self.toks[last].e));
                return sp;
            }
        }
        let (s, e) = (
            self.toks[words[0]].s,
            self.toks[*words.last().unwrap_or(&0)].e,
        );
        sp.source = Some((s, e));
        sp
    }

    /// The subject of the verb (or cue) starting at token `v`: back to the
    /// previous boundary.
    fn subject_before(&self, v: usize) -> Speaker {
        // A pronoun right before the verb is its subject ("an actor it
        // believes is ...").
        let mut p = v;
        while p > 0
            && (self.adverb(p - 1) || self.is(p - 1, word::AUX) && !self.is_negator_tok(p - 1))
        {
            p -= 1;
        }
        if p > 0 && matches!(self.lw(p - 1), "it" | "they" | "we" | "he" | "she") {
            return Speaker {
                anaphor: true,
                clause: Some((p - 1, v.saturating_sub(1).max(p - 1))),
                ..Speaker::default()
            };
        }
        let mut i = v;
        let mut skip = Vec::new();
        let mut words = 0;
        let mut start = v;
        while i > 0 {
            let j = i - 1;
            let t = &self.toks[j];
            if t.hard {
                break;
            }
            if t.comma {
                if self.list_comma(j) {
                    i = j;
                    start = j;
                    continue;
                }
                match self.skippable_segment(j) {
                    Some(k) if start == j + 1 || start == v => {
                        // a parenthetical between the subject and the verb
                        skip.push((k, j));
                        i = k;
                        start = k;
                        continue;
                    }
                    _ => break,
                }
            }
            if t.word {
                if self.is(j, word::REL | word::CONJ | word::SUB) || self.is_report_tok(j) {
                    break;
                }
                if matches!(self.lw(j), "and" | "then") && start == v {
                    break;
                }
                if t.hit != NONE && self.hits[t.hit].claim {
                    break;
                }
                words += 1;
                if words > 12 {
                    break;
                }
            }
            i = j;
            start = j;
        }
        let mut sp = self.speaker_np(start, v, &skip);
        if !sp.found() && v > 0 {
            // "..., adding", "and said", "but said", "but stopped short of
            // naming": elided subject.
            let mut p = v - 1;
            while p > 0 && (self.is_negator_tok(p) || self.is(p, word::AUX) || self.adverb(p)) {
                p -= 1;
            }
            if self.toks[p].comma || matches!(self.lw(p), "and" | "but" | "then") {
                sp.elided = true;
            }
        }
        sp
    }

    /// The speaker of report hit `h`.
    fn report_speaker(&self, h: usize) -> Speaker {
        let hit = self.hits[h];
        let phrase = self
            .lower
            .get(hit.s - self.base..hit.e - self.base)
            .unwrap_or("");
        if phrase.starts_with("according to") || phrase.starts_with("in the") {
            return self.np_after(hit.te);
        }
        // "summoned the ambassador after concluding that": the subject of
        // the main clause
        if hit.ts > 0
            && phrase.ends_with("ing")
            && (self.is(hit.ts - 1, word::SUB) || matches!(self.lw(hit.ts - 1), "by" | "while"))
        {
            let cs = self.clause_subject(hit.ts - 1);
            if cs.found() {
                return cs;
            }
        }
        let sp = self.subject_before(hit.ts);
        if sp.found() && !sp.elided {
            return sp;
        }
        // Inverted: ', said X' / '" said X' (finite verbs only, a short
        // phrase that ends the clause).
        if hit.ts > 0
            && (self.toks[hit.ts - 1].comma || self.toks[hit.ts - 1].quote)
            && hit.te - hit.ts == 1
            && matches!(
                self.lw(hit.ts),
                "said" | "says" | "told" | "added" | "wrote" | "warned"
            )
        {
            let after = self.np_after(hit.te);
            let end = after.clause.map_or(hit.te, |c| c.1 + 1);
            let closes = end >= self.n()
                || self.toks[end].comma
                || self.toks[end].hard
                || self.lw(end) == ".";
            if after.found() && closes {
                return after;
            }
        }
        sp
    }

    /// The noun phrase after token `from` up to the next boundary.
    fn np_after(&self, from: usize) -> Speaker {
        let mut j = from;
        let mut words = 0;
        while j < self.n() {
            let t = &self.toks[j];
            if t.hard || t.comma && !self.list_comma(j) {
                break;
            }
            if t.word {
                if self.is(j, word::REL) || self.is_report_tok(j) {
                    break;
                }
                words += 1;
                if words > 10 {
                    break;
                }
            }
            j += 1;
        }
        self.speaker_np(from, j, &[])
    }

    /// The nearest reporting verb before token `ts` that governs it,
    /// skipping relative segments, with its speaker.
    fn left_report(&self, ts: usize, max_back: usize) -> Option<(usize, Speaker)> {
        let mut i = ts;
        let mut back = 0;
        while i > 0 {
            i -= 1;
            back += 1;
            if back > max_back {
                return None;
            }
            let t = &self.toks[i];
            if t.hard && (self.lw(i) == ";" || self.lw(i) == "\n") {
                return None;
            }
            if t.comma {
                if let Some(k) = self.skippable_segment(i) {
                    // a parenthetical ("which the UN has said ...", "the
                    // group that officials say ...") governs nothing after it
                    if (k + 1..i).any(|j| self.is(j, word::REL)) {
                        i = k + 1;
                        continue;
                    }
                }
            }
            if t.hit != NONE && self.hits[t.hit].report {
                let h = t.hit;
                let hit = self.hits[h];
                let mut sp = self.report_speaker(h);
                // the clause holds the verb too ("officials believe"), and a
                // parenthetical right after it ("said, with low confidence,
                // that")
                let (a, b) = sp.clause.unwrap_or((hit.ts, hit.te - 1));
                let mut b = b.max(hit.te - 1);
                if self.toks.get(hit.te).is_some_and(|t| t.comma) {
                    if let Some(k) =
                        (hit.te + 1..(hit.te + 8).min(ts)).find(|&k| self.toks[k].comma)
                    {
                        if (hit.te + 1..k).any(|j| self.toks[j].hedge) {
                            b = b.max(k);
                        }
                    }
                }
                sp.clause = Some((a.min(hit.ts), b));
                return Some((h, sp));
            }
        }
        None
    }

    /// A postposed reporting clause after token `from`: ", X said",
    /// ", said X", ", according to X", "X said" after a quote.
    fn post_report(&self, from: usize) -> Option<(usize, Speaker)> {
        let mut j = from;
        let mut boundary = NONE;
        let end = self.n().min(from.saturating_add(SPAN));
        while j < end {
            let t = &self.toks[j];
            if boundary != NONE && self.lw(j) == "(" {
                // "the Security Service (AIVD) and ... said": an
                // abbreviation in brackets inside the speaker phrase
                if let Some(close) = (j + 1..(j + 4).min(end)).find(|&x| self.lw(x) == ")") {
                    j = close + 1;
                    continue;
                }
            }
            // (not a comma inside a list of speakers: "..., CISA, the FBI
            // and the NSA said")
            if t.comma && !(boundary != NONE && self.list_comma(j))
                || t.quote
                || (t.hard && self.lw(j) != "\n")
            {
                boundary = j;
            }
            if t.hit != NONE && self.hits[t.hit].report && boundary != NONE {
                let h = t.hit;
                let hit = self.hits[h];
                // "..., X said that ...": a new report, not a postposed one;
                // ", which X said ...", ", while X said ...": another clause.
                if self.is_word(hit.te, "that")
                    || self.is(boundary + 1, word::REL | word::CONJ | word::SUB)
                    || matches!(self.lw(boundary + 1), "and" | "but")
                {
                    return None;
                }
                // (the words of a long agency name count as one)
                let words = (boundary + 1..hit.ts)
                    .filter(|&k| {
                        let t = &self.toks[k];
                        t.word && (t.ment == NONE || k == 0 || self.toks[k - 1].ment != t.ment)
                    })
                    .count();
                if words > 10 {
                    return None;
                }
                let mut sp = if words > 0 {
                    // the phrase between the boundary and the verb speaks
                    let p = self.speaker_np(boundary + 1, hit.ts, &[]);
                    if p.found() {
                        p
                    } else {
                        self.report_speaker(h)
                    }
                } else {
                    self.report_speaker(h)
                };
                let s0 = (boundary + 1).min(hit.ts);
                // The speaker clause runs to the end of the sentence: ", according to
                // two officials who spoke on condition of anonymity".
                let mut last = hit.te.saturating_sub(1);
                while last + 1 < end.max(hit.te)
                    && (!self.toks[last + 1].hard || self.toks[last + 1].quote)
                {
                    last += 1;
                }
                sp.clause = Some((s0, last));
                return Some((h, sp));
            }
            j += 1;
        }
        None
    }

    /// The agent (subject) of agentive cue at tokens `ts..te`.
    fn agent(&self, ts: usize) -> Speaker {
        // A participle right after an event or actor noun has no agent
        // ("cyberattacks linked to Beijing", "hackers tied to Moscow").
        let mut p = ts;
        while p > 0 && (self.adverb(p - 1) || self.is_negator_tok(p - 1)) {
            p -= 1;
        }
        // A gerund after a subordinator ("after blaming Tehran"): the
        // subject of the main clause.
        if p > 0
            && self.lw(ts).ends_with("ing")
            && (self.is(p - 1, word::SUB)
                || matches!(self.lw(p - 1), "by" | "for" | "while" | "in"))
        {
            return self.clause_subject(p - 1);
        }
        // ", blamed on Sandworm,": a reduced relative has no agent
        if p > 0 && self.toks[p - 1].comma && self.lw(ts).ends_with("ed") {
            return Speaker::default();
        }
        // "the latest attributed to Sandworm", "a campaign blamed on Iran":
        // a participle with its complement right after a noun
        if p > 0
            && self.lw(ts).ends_with("ed")
            && matches!(self.lw(ts + 1), "to" | "on")
            && p >= 2
            && self.is(p - 2, word::DET)
            && self.toks[p - 1].word
            && self.toks[p - 1].ment == NONE
            && !self.is(p - 1, word::AUX | word::ANAPHOR | word::ORG)
        {
            return Speaker::default();
        }
        if p > 0 && self.toks[p - 1].word && self.toks[p - 1].ment == NONE {
            let w = self.lw(p - 1);
            if (self.is(p - 1, word::EVENT | word::ACTOR) && !self.is(p - 1, word::ORG))
                || matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being")
            {
                return Speaker::default();
            }
        }
        self.subject_before(ts)
    }

    /// The subject of the clause that holds token `before`: its first
    /// mention when it opens the clause.
    fn clause_subject(&self, before: usize) -> Speaker {
        let mut a = before;
        while a > 0 && !self.toks[a - 1].hard && before - a < SPAN {
            a -= 1;
        }
        let mut words = 0;
        for i in a..before {
            let t = &self.toks[i];
            if t.ment != NONE && self.ment_ok(t.ment) && !self.is_target(t.ment) {
                let g = self.expand_right(t.ment, false, true);
                let end = g.last().map_or(i, |&m| self.mtok[m].1);
                return Speaker {
                    ents: g,
                    clause: Some((a, end)),
                    ..Speaker::default()
                };
            }
            if t.word {
                words += 1;
                if words > 4 || self.is_report_tok(i) {
                    break;
                }
            }
        }
        Speaker::default()
    }

    fn passive_before(&self, ts: usize) -> bool {
        let mut p = ts;
        while p > 0 && (self.adverb(p - 1) || self.toks[p - 1].hedge) {
            p -= 1;
        }
        p > 0
            && matches!(
                self.lw(p - 1),
                "is" | "are" | "was" | "were" | "be" | "been" | "being" | "get" | "got" | "gets"
            )
    }

    fn negated(&self, ts: usize) -> bool {
        let mut p = ts;
        let mut steps = 0;
        while p > 0 && steps < 5 {
            p -= 1;
            if self.is_negator_tok(p) {
                return true;
            }
            if !self.toks[p].word {
                return false;
            }
            if !(self.is(p, word::AUX) || self.adverb(p)) {
                return false;
            }
            steps += 1;
        }
        false
    }

    /// "no indication they were working for", "no evidence that the group
    /// was linked to": an evidence negator before the short subject of the
    /// clause whose verb starts at `ts`.
    fn negated_subject(&self, ts: usize) -> bool {
        let mut p = ts;
        let mut words = 0;
        while p > 0 && words < 6 {
            let q = p - 1;
            let t = &self.toks[q];
            if t.hit != NONE && self.hits[t.hit].class == Class::Negator {
                let h = self.hits[t.hit];
                let w = self
                    .lower
                    .get(h.s - self.base..h.e - self.base)
                    .unwrap_or("");
                return words > 0
                    && [
                        "evidence",
                        "sign",
                        "indication",
                        "proof",
                        "whether",
                        " if",
                        "suggest",
                        "indicate",
                        "show",
                    ]
                    .iter()
                    .any(|k| w.contains(k));
            }
            let subject_word = t.ment != NONE
                || t.hedge
                || self.adverb(q)
                || self.is(q, word::AUX | word::DET | word::ACTOR)
                || matches!(self.lw(q), "it" | "they" | "he" | "she" | "we" | "that");
            if !t.word || !subject_word {
                return false;
            }
            words += 1;
            p = q;
        }
        false
    }

    /// A negator right before token `ts` (across auxiliaries and adverbs)
    /// that is not itself negated ("ruled out Russian involvement", not
    /// "cannot rule out Russian involvement").
    fn negated_once(&self, ts: usize) -> bool {
        let mut p = ts;
        let mut steps = 0;
        while p > 0 && steps < 5 {
            p -= 1;
            if self.is_negator_tok(p) {
                let h = self.hits[self.toks[p].hit];
                return !(h.ts > 0 && self.is_negator_tok(h.ts - 1));
            }
            if !self.toks[p].word || !(self.is(p, word::AUX) || self.adverb(p)) {
                return false;
            }
            steps += 1;
        }
        false
    }

    /// A negator right before the clause starting at `ts` ("no evidence
    /// that", "unclear whether").
    fn negated_clause(&self, ts: usize) -> bool {
        let mut p = ts;
        while p > 0 && self.is(p - 1, word::DET) {
            p -= 1;
        }
        // "declined to say whether it believed China was": across the
        // pronoun and reporting verb of a clause inside
        if p > 1
            && (self.is_report_tok(p - 1) || self.toks[p - 1].hedge)
            && matches!(self.lw(p - 2), "it" | "they" | "he" | "she" | "we")
        {
            p -= 2;
        }
        p > 0 && self.is_negator_tok(p - 1) && {
            let h = self.hits[self.toks[p - 1].hit];
            let w = self
                .lower
                .get(h.s - self.base..h.e - self.base)
                .unwrap_or("");
            w.ends_with(" that")
                || w.ends_with(" of")
                || w.ends_with("whether")
                || w.ends_with(" if")
        }
    }

    fn event_after(&self, te: usize, words: usize) -> bool {
        let mut j = te;
        let mut n = 0;
        while j < self.n() && n < words {
            if self.toks[j].hard {
                return false;
            }
            if self.is(j, word::EVENT | word::EVENTISH) {
                return true;
            }
            // "responsible for the technical side of the operation": the
            // event must head the phrase, not sit in an "of" after it
            if self.toks[j].word
                && self.lw(j) == "of"
                && n > 0
                && !matches!(
                    self.lw(j - 1),
                    "wave"
                        | "series"
                        | "string"
                        | "spate"
                        | "number"
                        | "flurry"
                        | "barrage"
                        | "rash"
                        | "set"
                        | "couple"
                        | "pair"
                        | "campaign"
                        | "kind"
                        | "type"
                        | "surge"
                        | "round"
                        | "burst"
                )
            {
                return false;
            }
            if self.toks[j].word {
                n += 1;
            }
            j += 1;
        }
        false
    }

    fn event_before(&self, ts: usize, words: usize) -> bool {
        let mut j = ts;
        let mut n = 0;
        while j > 0 && n < words {
            j -= 1;
            if self.toks[j].hard {
                return false;
            }
            // ("the campaign was launched from Iran")
            if self.is(j, word::EVENT | word::EVENTISH)
                || self.is(j, word::ACTOR) && !self.is(j, word::ORG)
            {
                return true;
            }
            if self.toks[j].word {
                n += 1;
            }
        }
        false
    }

    fn cyber_word(&self, i: usize) -> bool {
        self.is(i, word::EVENT | word::CYBER)
            || self.toks[i].ment != NONE && self.is_threat_actor(self.toks[i].ment)
    }

    /// Whether the clause around the cue at `ts..te` is about cyber
    /// matters: a cyber word, a threat actor or a malware-like name
    /// anywhere up to the clause's hard boundaries ("accused North Korea,
    /// whose leader ..., of stealing cryptocurrency"); an attack word
    /// ("attack", "sabotage") near the cue unless the clause is about
    /// shelling, disease or trade ("missile attacks", "the virus
    /// outbreak"); a generic operation word near the cue ("the activity",
    /// "the campaign") only when a security company is named too.
    fn ctx_near(&self, ts: usize, te: usize) -> bool {
        let mut a = ts;
        while a > 0 && ts - a < CTX_REACH && !self.toks[a - 1].hard {
            a -= 1;
        }
        let mut b = te;
        while b < self.n() && b - te < CTX_REACH && !self.toks[b].hard {
            b += 1;
        }
        // attack and operation words count closer to the cue
        let (na, nb) = (ts.saturating_sub(20), te + 12);
        let (mut attack, mut generic, mut other) = (false, false, false);
        for i in a..b {
            let t = &self.toks[i];
            if t.w & word::CYBER != 0 || t.ment != NONE && self.is_threat_actor(t.ment) {
                return true;
            }
            let near = i >= na && i < nb;
            attack |= near && t.w & word::EVENT != 0;
            generic |= near && t.w & word::EVENTISH != 0;
            other |= t.w & word::NONCYBER != 0;
        }
        !other && (attack || generic && self.vendor)
    }

    /// The attributive hedge's accused: "the alleged Chinese hacking of",
    /// "over suspected Russian cyberattacks": right after the hedge, then an
    /// attack or cyber word (across "state", "military").
    fn find_adj(&self, hit: &Hit) -> Option<Vec<usize>> {
        if hit.ts > 0 {
            let p = hit.ts - 1;
            let t = &self.toks[p];
            let attributive = t.hard
                || t.comma
                || self.is(p, word::DET)
                || t.word && (is_prep(self.lw(p)) || matches!(self.lw(p), "and" | "or"));
            if !attributive {
                return None;
            }
        }
        let m = self.toks.get(hit.te)?.ment;
        if m == NONE || !self.ment_ok(m) || !self.kind_ok(m, false) || self.mtok[m].0 != hit.te {
            return None;
        }
        let g = self.expand_right(m, false, false);
        let mut j = self.mtok[*g.last()?].1 + 1;
        let mut n = 0;
        while j < self.n() && n < 3 {
            let t = &self.toks[j];
            if !t.word || t.ment != NONE {
                return None;
            }
            if self.is(j, word::EVENT | word::CYBER) {
                return Some(g);
            }
            if !self.is(j, word::ORG | word::ACTOR) {
                return None;
            }
            n += 1;
            j += 1;
        }
        None
    }

    /// Only hedges, adverbs, auxiliaries and determiners between token `te`
    /// and the first accused ("was very likely APT41", "serves the RGB").
    fn right_after(&self, te: usize, accused: &[usize]) -> bool {
        let Some(first) = accused.iter().map(|&m| self.mtok[m].0).min() else {
            return false;
        };
        first >= te
            && (te..first).all(|i| {
                let t = &self.toks[i];
                if !t.word {
                    return t.poss;
                }
                t.hedge || self.adverb(i) || self.is(i, word::AUX | word::DET)
            })
    }

    /// The accused group ends its clause ("the hackers were probably
    /// Chinese.").
    fn ends_clause(&self, accused: &[usize]) -> bool {
        let Some(mut last) = accused.iter().map(|&m| self.mtok[m].1).max() else {
            return false;
        };
        // "was the Iranian government."
        while self.is(last + 1, word::ORG) && self.toks[last + 1].ment == NONE {
            last += 1;
        }
        match self.toks.get(last + 1) {
            None => true,
            Some(t) => t.hard || t.comma || self.lw(last + 1) == ".",
        }
    }

    /// "blamed China for A and Russia for B": the mentions after "and"
    /// that take the same preposition as the first accused `g`.
    fn coordinated_obj(&self, g: &[usize], legal: bool) -> Vec<usize> {
        let mut out = Vec::new();
        let Some(&last) = g.last() else {
            return out;
        };
        let mut j = self.mtok[last].1 + 1;
        let prep = self.lw(j);
        if !matches!(prep, "for" | "of" | "over") {
            return out;
        }
        let mut words = 0;
        while j < self.n() && words < 14 {
            let t = &self.toks[j];
            if t.hard || t.comma || self.is(j, word::REL) || self.is_report_tok(j) {
                break;
            }
            if t.word && self.lw(j) == "and" {
                let m = self.toks.get(j + 1).map_or(NONE, |t| t.ment);
                if m != NONE && self.ment_ok(m) && self.kind_ok(m, legal) {
                    let g2 = self.expand_right(m, false, legal);
                    let after = g2.last().map_or(NONE, |&x| self.mtok[x].1 + 1);
                    if self.lw(after) == prep {
                        out.extend(g2);
                    }
                }
                break;
            }
            if t.word {
                words += 1;
            }
            j += 1;
        }
        out
    }

    /// The agent of a passive cue named after its complement: "was blamed
    /// on X by investigators in Seoul" (a few words after the accused, same
    /// clause).
    fn trailing_agent(&self, accused: &[usize]) -> Option<Vec<usize>> {
        let last = accused.iter().map(|&m| self.mtok[m].1).max()?;
        let mut j = last + 1;
        let mut words = 0;
        while j < self.n() && words <= 4 {
            let t = &self.toks[j];
            // ("Chinese state hackers by": a compound cue may stand between)
            let compound = t.hit != NONE
                && self.lex.cue_slots[self.hits[t.hit].slot]
                    .iter()
                    .all(|c| c.frame == Frame::Pre);
            if t.hard || t.comma || t.ment != NONE || t.hit != NONE && !compound {
                return None;
            }
            if t.word {
                if self.lw(j) == "by" {
                    let g = self.np_after(j + 1).ents;
                    return (!g.is_empty()).then_some(g);
                }
                words += 1;
            }
            j += 1;
        }
        None
    }

    /// The segment after comma `k` is a postposed speaker clause ("..., the
    /// Slovak firm ESET said"): its entities speak, they are not accused.
    fn report_segment(&self, k: usize) -> bool {
        let mut j = k + 1;
        let mut words = 0;
        let mut named = false;
        while j < self.n() && words <= 8 {
            let t = &self.toks[j];
            if self.lw(j) == "(" {
                // "the General Intelligence and Security Service (AIVD)
                // and ... said": a short abbreviation in brackets
                match (j + 1..(j + 4).min(self.n())).find(|&x| self.lw(x) == ")") {
                    Some(close) => {
                        j = close + 1;
                        continue;
                    }
                    None => return false,
                }
            }
            if t.hard || t.comma && !self.list_comma(j) {
                return false;
            }
            if t.word {
                if self.is_report_tok(j) {
                    let phrase = self.lw(j);
                    return words > 0 || named || phrase == "according";
                }
                if t.hit != NONE || self.is(j, word::REL | word::CONJ | word::SUB) {
                    return false;
                }
                // the words of a long agency name count as one
                if t.ment != NONE {
                    named = true;
                } else {
                    words += 1;
                }
            }
            j += 1;
        }
        false
    }

    /// Mention `m` heads a spy service's phrase ("Chinese intelligence",
    /// "Iran's intelligence ministry", "Russia's security service").
    fn spy_phrase(&self, m: usize) -> bool {
        let mut j = self.mtok[m].1 + 1;
        let mut words = 0;
        while j < self.n() && words < 3 {
            let t = &self.toks[j];
            if !t.word {
                if !t.poss {
                    return false;
                }
                j += 1;
                continue;
            }
            match self.lw(j) {
                "intelligence" | "counterintelligence" | "spy" | "spies" | "espionage" => {
                    return true
                }
                "security" | "military" => {
                    return self.is_word(j + 1, "intelligence")
                        || matches!(
                            self.lw(j + 1),
                            "service" | "services" | "police" | "ministry" | "agency" | "agencies"
                        )
                }
                _ if self.is(j, word::ORG) => {}
                _ => return false,
            }
            words += 1;
            j += 1;
        }
        false
    }

    fn actor_subj(&self, ts: usize) -> bool {
        let a = ts.saturating_sub(14);
        (a..ts).any(|i| {
            (self.is(i, word::ACTOR) && !self.is(i, word::ORG))
                || self.toks[i].ment != NONE && self.is_threat_actor(self.toks[i].ment)
                || self.lw(i) == "apt"
                // a cluster the gazetteer does not know ("UNC4736")
                || self.toks[i].word && {
                    let w = self.text.get(self.toks[i].s..self.toks[i].e).unwrap_or("");
                    code_name(w) && w.bytes().any(|b| b.is_ascii_digit())
                }
        })
    }

    /// An actor noun or threat actor within two words after token `te`.
    fn actor_after(&self, te: usize) -> bool {
        let mut j = te;
        let mut n = 0;
        while j < self.n() && n < 3 {
            let t = &self.toks[j];
            if t.hard || t.comma {
                return false;
            }
            if (self.is(j, word::ACTOR | word::EVENT) && !self.is(j, word::ORG))
                || t.ment != NONE && self.is_threat_actor(t.ment)
            {
                return true;
            }
            if t.word {
                n += 1;
            }
            j += 1;
        }
        false
    }

    /// "A court in Oslo convicted a woman of spying on exiles in Norway for
    /// Asmara": the court's own state is not what it accuses; the state the
    /// defendant worked "for" is, when one is named.
    fn drop_own_state(&self, c: &mut Cand) {
        let own = |m: usize| {
            let e = &self.ments[m].entity;
            c.attributor
                .iter()
                .any(|a| a.id == e.id || (a.country.is_some() && a.country == e.country))
        };
        if !c.accused.iter().any(|&m| own(m)) {
            return;
        }
        let mut kept: Vec<usize> = c.accused.iter().copied().filter(|&m| !own(m)).collect();
        if kept.is_empty() {
            let mut j = c.cue_tok.1;
            while j < self.n() && !self.toks[j].hard {
                let m = self.toks[j].ment;
                if m != NONE && j > 0 && self.lw(j - 1) == "for" && !own(m) {
                    kept.push(m);
                    break;
                }
                j += 1;
            }
        }
        c.accused = kept;
    }

    /// "a man accused of", "hackers suspected of": an accusation verb
    /// right after a common actor noun that is no entity, before "of".
    fn reduced_relative(&self, (ts, te): (usize, usize)) -> bool {
        ts > 0
            && te < self.n()
            && te == ts + 1
            && matches!(self.lw(ts), "accused" | "blamed")
            && matches!(self.lw(te), "of" | "for")
            && self.toks[ts - 1].ment == NONE
            && self.is(ts - 1, word::ACTOR)
    }

    /// "Hungary dismissed reports that Russian hackers were responsible":
    /// one claim, the reported one, negated and made by the denier; the
    /// denial itself accuses no one.
    fn dismissed_reports(&self, cands: &mut Vec<Cand>) {
        let mut i = 0;
        while i < cands.len() {
            let d = &cands[i];
            let te = d.cue_tok.1;
            if !d.denial || te >= self.n() || self.lw(te) != "that" {
                i += 1;
                continue;
            }
            let denier = d.attributor.clone();
            let ds = d.cue_tok.0;
            let inner = cands.iter().position(|c| {
                !c.denial
                    && c.cue_tok.0 > ds
                    // "rejected Canada's accusation that": Canada's claim
                    && self.possessed_by(c.cue_tok.0).is_none()
                    && !(te.min(c.cue_tok.0)..c.cue_tok.0).any(|j| self.toks[j].hard)
            });
            match inner {
                Some(k) => {
                    let c = &mut cands[k];
                    c.negated = true;
                    if !denier.is_empty() {
                        c.attributor = denier;
                        c.source = None;
                    }
                    cands.remove(i);
                }
                None => i += 1,
            }
        }
    }

    /// An accusation noun before "that" ("the accusation that ...").
    fn nominal_that(&self, (ts, te): (usize, usize)) -> bool {
        te > ts + 1
            && self.lw(te - 1) == "that"
            && matches!(
                self.lw(ts),
                "accusation" | "accusations" | "allegation" | "allegations"
            )
    }

    /// The mention whose possessive "'s" stands right before token `ts`.
    fn possessed_by(&self, ts: usize) -> Option<usize> {
        if ts >= 2 && self.toks[ts - 1].poss && self.toks[ts - 2].ment != NONE {
            Some(self.toks[ts - 2].ment)
        } else {
            None
        }
    }

    /// A headline: no sentence-final punctuation and at most twenty
    /// words.
    fn headline(&self) -> bool {
        let st = self.span().as_str(self.text).trim_end();
        !st.ends_with(['.', '!', '?', '"', '\u{201d}', ':', ';', ','])
            && self.toks.iter().filter(|t| t.word).count() <= 20
    }

    fn group_actor_like(&self, g: &[usize]) -> bool {
        g.iter().any(|&m| {
            matches!(
                self.ments[m].entity.kind,
                EntityKind::ThreatActor | EntityKind::Agency
            )
        }) || g
            .last()
            .is_some_and(|&m| self.actor_after(self.mtok[m].1 + 1))
    }

    /// The accused of a "pre" cue: the mention right before it, plus a
    /// threat actor named right after ("China-backed hackers APT31") or an
    /// appositive head ("APT41, a Chinese state-sponsored group").
    fn find_pre(&self, hit: &Hit) -> Option<Vec<usize>> {
        if hit.ts == 0 {
            return None;
        }
        let p = hit.ts - 1;
        let t = &self.toks[p];
        if t.ment == NONE || !self.ment_ok(t.ment) || !self.kind_ok(t.ment, false) {
            return None;
        }
        // Only white space or nothing between the mention and the cue.
        let between = self.text.get(t.e..hit.s).unwrap_or("x");
        if !between.chars().all(char::is_whitespace) {
            return None;
        }
        let mut g = self.expand_left(t.ment);
        // appositive head
        let f = self.mtok[g[0]].0;
        if f >= 2 && matches!(self.lw(f - 1), "a" | "an") && self.toks[f - 2].comma && f >= 3 {
            let m0 = self.toks[f - 3].ment;
            if m0 != NONE && self.ment_ok(m0) && self.is_threat_actor(m0) {
                g.insert(0, m0);
            }
        }
        if self.descriptive(hit) {
            // "Diamond Sleet, a North Korean actor", "Emerald Sleet is a
            // North Korean operation": only as a description of a named
            // group (the plain noun says nothing of "a Chinese group bought
            // a stake")
            // (the noun inside a name: "Advanced Persistent Threat Group 31")
            if (hit.ts..hit.te).any(|j| self.toks[j].ment != NONE) {
                return None;
            }
            // ("the North Korean group Lazarus": the name right after)
            let after = self
                .toks
                .get(hit.te)
                .map(|t| t.ment)
                .filter(|&m| m != NONE && self.ment_ok(m) && self.is_threat_actor(m));
            match (self.described_name(f), after) {
                (Some(named), _) => {
                    if !g.contains(&named) {
                        g.insert(0, named);
                    }
                }
                (None, Some(_)) => {}
                (None, None) => return None,
            }
        }
        // a threat actor right after
        let mut j = hit.te;
        let mut n = 0;
        while j < self.n() && n < 3 {
            let tj = &self.toks[j];
            if tj.ment != NONE {
                if self.ment_ok(tj.ment) && self.is_threat_actor(tj.ment) {
                    g.push(tj.ment);
                }
                break;
            }
            if tj.hard || tj.comma || !self.is(j, word::ACTOR) {
                // "a Chinese group it tracks as UNC3886": the name given
                if let Some(m) = self.tracked_as(j) {
                    g.push(m);
                }
                break;
            }
            n += 1;
            j += 1;
        }
        Some(g)
    }

    /// An actor noun or a threat actor is the subject right before the verb
    /// at `ts` (across auxiliaries and adverbs): "the group supports".
    fn actor_subject(&self, ts: usize) -> bool {
        let mut p = ts;
        while p > 0 && (self.is(p - 1, word::AUX) || self.adverb(p - 1)) {
            p -= 1;
        }
        p > 0 && {
            let t = &self.toks[p - 1];
            (self.is(p - 1, word::ACTOR) && !self.is(p - 1, word::ORG))
                || t.ment != NONE && self.is_threat_actor(t.ment)
        }
    }

    /// "Russian hackers are believed to have carried out", "allegedly
    /// stole": a hedge between the accused and the cue reports the claim
    /// as someone's belief (an unnamed speaker).
    fn hearsay(&self, c: &Cand) -> bool {
        let lo = c
            .accused
            .iter()
            .map(|&m| self.mtok[m].1 + 1)
            .min()
            .unwrap_or(c.cue_tok.0);
        // (not one in an appositive: "UNC5812, a suspected Russian
        // operation, had targeted")
        (lo..c.cue_tok.0).any(|j| self.toks[j].hedge)
            && !(lo..c.cue_tok.0).any(|j| self.toks[j].comma || self.toks[j].hard)
    }

    /// Whether the cue span `cue` (bytes) holds a denial verb or names an
    /// accusation ("denied", "the allegations", "a conclusion Beijing
    /// rejected"), unlike a counter-accusation ("called it fabrications").
    fn denial_words(&self, cue: (usize, usize)) -> bool {
        let w = self
            .lower
            .get(cue.0 - self.base..cue.1 - self.base)
            .unwrap_or("");
        [
            "deni",
            "deny",
            "reject",
            "dismiss",
            "refut",
            "repudiat",
            "disput",
            "accus",
            "alleg",
            "claim",
            "charge",
            "report",
            "finding",
            "attribution",
            "conclusion",
            "assessment",
            "assertion",
            "involve",
            "role",
            "responsib",
            "wrongdoing",
            "nothing",
            "no ",
            "never",
            "not ",
        ]
        .iter()
        .any(|k| w.contains(k))
    }

    /// "Handala said it was responsible for", "the group claimed that it
    /// was behind", "the Kremlin said it does not carry out hacking": a
    /// pronoun subject right before the cue (across auxiliaries and
    /// adverbs) whose reporting verb's speaker is a state, an agency or a
    /// threat actor: the speaker speaks of itself.
    fn pronoun_claimant(&self, ts: usize) -> Option<Vec<usize>> {
        let mut p = ts;
        while p > 0 && (self.is(p - 1, word::AUX) || self.adverb(p - 1)) {
            p -= 1;
        }
        if p < 2 || !matches!(self.lw(p - 1), "it" | "they" | "we") {
            return None;
        }
        let mut r = p - 2;
        if self.lw(r) == "that" && r > 0 {
            r -= 1;
            // "said on Telegram that it was behind"
            let mut k = 0;
            while r > 0 && k < 4 && !self.is_report_tok(r) && self.toks[r].word {
                r -= 1;
                k += 1;
            }
        }
        let h = self.toks[r].hit;
        if h == NONE || !self.hits[h].report {
            return None;
        }
        let sp = self.report_speaker(h);
        // (a state or agency speaking of itself only to deny: "Ukraine's
        // intelligence agency said it had disrupted a Russian operation"
        // is no self-claim)
        let denies = self.negated(ts);
        let g: Vec<usize> = sp
            .ents
            .into_iter()
            .filter(|&m| self.is_threat_actor(m) || denies && self.kind_ok(m, false))
            .collect();
        (!g.is_empty()).then_some(g)
    }

    /// A descriptive `pre` cue: a plain actor noun ("actor", "group",
    /// "operation"), an association cue written without a hyphen.
    fn descriptive(&self, hit: &Hit) -> bool {
        self.text.as_bytes().get(hit.s) != Some(&b'-')
            && self.lex.cue_slots[hit.slot]
                .iter()
                .all(|c| c.class == Class::Claim(ClaimKind::Association) && c.frame == Frame::Pre)
    }

    /// The threat actor a description starting at token `f` (the state
    /// adjective) describes: "X, a North Korean actor" (appositive), "X is
    /// a ...", "assess X to be a ..." (copular); "a" or "an" and adverbs or
    /// hedges may stand before the adjective.
    fn described_name(&self, f: usize) -> Option<usize> {
        let mut p = f;
        while p > 0 && (self.toks[p - 1].hedge || self.adverb(p - 1)) {
            p -= 1;
        }
        if p == 0 || !matches!(self.lw(p - 1), "a" | "an") {
            return None;
        }
        let mut q = p - 1;
        let ta = |k: usize| {
            let m = self.toks[k].ment;
            (m != NONE && self.ment_ok(m) && self.is_threat_actor(m)).then_some(m)
        };
        // apposition after a comma or a dash ("Kimsuky - a North Korean
        // group - ...")
        if q > 0
            && (self.toks[q - 1].comma
                || matches!(self.lw(q - 1), "-" | "\u{2014}" | "\u{2013}" | "--"))
        {
            return q.checked_sub(2).and_then(ta);
        }
        // the copula, across "also" and adverbs
        while q > 0 && (self.adverb(q - 1) || self.toks[q - 1].hedge || self.lw(q - 1) == "also") {
            q -= 1;
        }
        if q == 0 || !matches!(self.lw(q - 1), "is" | "was" | "are" | "were" | "be") {
            return None;
        }
        q -= 1;
        if self.lw(q) == "be" && q > 0 && self.lw(q - 1) == "to" {
            q -= 1;
            // "Kimsuky, believed to be a ...", "X is thought to be a ...":
            // the hedge verb before "to"
            let mut k = 0;
            while q > 0 && k < 2 && (self.toks[q - 1].hedge || self.adverb(q - 1)) {
                q -= 1;
                k += 1;
            }
            if q > 0 && self.toks[q - 1].comma {
                return q.checked_sub(2).and_then(ta);
            }
        }
        while q > 0 && self.is(q - 1, word::AUX) && !self.is_negator_tok(q - 1) {
            q -= 1;
        }
        q.checked_sub(1).and_then(ta)
    }

    /// "it tracks as UNC3886", "which Microsoft calls Storm-0558": the
    /// name a vendor gives the group just described (from token `j`).
    fn tracked_as(&self, j: usize) -> Option<usize> {
        let mut k = j;
        let subj = self.toks.get(k)?;
        if subj.ment != NONE && !self.is_threat_actor(subj.ment) {
            k = self.mtok[subj.ment].1 + 1;
        } else if matches!(self.lw(k), "it" | "they" | "we" | "which" | "that") {
            k += 1;
        } else {
            return None;
        }
        if !matches!(
            self.lw(k),
            "tracks"
                | "track"
                | "tracked"
                | "calls"
                | "call"
                | "called"
                | "dubs"
                | "dubbed"
                | "names"
                | "named"
                | "designates"
                | "designated"
                | "labels"
                | "labelled"
                | "labeled"
                | "refers"
        ) {
            return None;
        }
        k += 1;
        if matches!(self.lw(k), "as" | "to") {
            k += 1;
        }
        let m = self.toks.get(k)?.ment;
        (m != NONE && self.ment_ok(m) && self.is_threat_actor(m)).then_some(m)
    }

    /// Tokens `from..` matching the lowercase words of `tail`, within 12
    /// words of the clause: the tail's token range.
    fn find_tail(&self, from: usize, tail: &[String]) -> Option<(usize, usize)> {
        let mut i = from;
        let mut words = 0;
        while i < self.n() && words <= 12 {
            let t = &self.toks[i];
            if (t.hard && !t.quote) || t.comma {
                return None;
            }
            if t.word {
                // try the tail here
                let mut j = i;
                let mut ok = true;
                for w in tail {
                    while j < self.n()
                        && !self.toks[j].word
                        && (self.toks[j].poss || self.toks[j].quote)
                    {
                        j += 1;
                    }
                    if j < self.n() && self.toks[j].word && self.lw(j) == w {
                        j += 1;
                    } else {
                        ok = false;
                        break;
                    }
                }
                if ok {
                    return Some((i, j));
                }
                words += 1;
            }
            i += 1;
        }
        None
    }

    fn target_after(&self, from: usize) -> Option<(usize, usize)> {
        let mut j = from;
        let mut n = 0;
        while j < self.n() && n < 10 {
            let t = &self.toks[j];
            if t.hard || t.comma {
                return None;
            }
            let w = self.lw(j);
            let prep = matches!(w, "on" | "against" | "targeting" | "into" | "of" | "at")
                && !self.is_word(j + 1, "behalf");
            if prep && (j > 0 && self.is(j - 1, word::EVENT) || w == "targeting" || w == "against")
            {
                // the noun phrase after the preposition
                let s = j + 1;
                let mut e = s;
                let mut k = s;
                let mut words = 0;
                while k < self.n() && words < 8 {
                    let tk = &self.toks[k];
                    if tk.hard
                        || tk.comma
                        || (tk.ment == NONE && matches!(self.lw(k), "." | "!" | "?"))
                    {
                        break;
                    }
                    if tk.word {
                        let wk = self.lw(k);
                        if matches!(
                            wk,
                            "in" | "on"
                                | "at"
                                | "for"
                                | "by"
                                | "with"
                                | "from"
                                | "over"
                                | "last"
                                | "this"
                                | "that"
                                | "which"
                                | "who"
                                | "and"
                                | "during"
                                | "since"
                                | "through"
                                | "to"
                                | "after"
                                | "before"
                        ) && k > s
                        {
                            break;
                        }
                        if self.is_report_tok(k) || tk.hit != NONE && k > s {
                            break;
                        }
                        words += 1;
                    }
                    e = k + 1;
                    k += 1;
                }
                if e > s {
                    return Some((self.toks[s].s, self.toks[e - 1].e));
                }
                return None;
            }
            if t.word {
                n += 1;
            }
            j += 1;
        }
        None
    }

    /// Tries one lexicon entry at hit `h`.
    fn try_cue(&self, h: usize, cue: &Cue) -> Option<Cand> {
        let hit = self.hits[h];
        let legal = matches!(
            cue.class,
            Class::Claim(ClaimKind::Legal) | Class::Claim(ClaimKind::Sanction)
        );
        let single = hit.te - hit.ts == 1;
        // A verb cue read as a noun ("the charges", "these attacks").
        if single
            && matches!(cue.frame, Frame::Verb | Frame::Obj | Frame::Subj)
            && hit.ts > 0
            && self.is(hit.ts - 1, word::DET)
            && !matches!(self.lw(hit.ts), "responsible" | "behind")
            && cue.flags & flag::ADJ == 0
        {
            return None;
        }
        // A noun that is also a verb, after a noun ("Danish energy hack",
        // "the ministry breach"): a compound, not the verb of a subject.
        if single
            && cue.frame == Frame::Subj
            && hit.ts > 0
            && matches!(
                self.lw(hit.ts),
                "hack" | "hacks" | "breach" | "breaches" | "leak" | "leaks" | "plants"
            )
            && self.toks[hit.ts - 1].word
            && self.toks[hit.ts - 1].ment == NONE
            && !self.is(hit.ts - 1, word::ACTOR | word::AUX)
            && !self.adverb(hit.ts - 1)
        {
            return None;
        }
        // The cyber flag is checked once the accused is known: an
        // intelligence agency or a threat actor accused makes the context.
        let mut cue_span = (hit.s, hit.e);
        let mut cue_tok = (hit.ts, hit.te);
        let mut passive = false;
        let is_denial_cue = cue.class == Class::Denial;
        let mut inner_denier = false;
        let mut by_agent: Vec<usize> = Vec::new();
        // "Handala said it was responsible": the group claims its own act
        let mut own_claim = false;
        let accused: Option<Vec<usize>> = match cue.frame {
            // "platforms blamed by Washington for the attack": the agent
            // after "by" attributes, the noun before is accused
            Frame::Obj if cue.flags & flag::ADJ != 0 => self.find_adj(&hit),
            // "platforms blamed by Washington for the attack", "has been
            // accused by Amnesty International of": the agent after "by"
            // attributes (any named body), the subject is accused
            Frame::Obj if cue.flags & flag::AGENT != 0 && self.is_word(hit.te, "by") => {
                passive = true;
                // "the attacks, attributed by Microsoft to Iran": the agent
                // between "by" and "to", the accused after "to"
                // ("blamed by Microsoft on Russian hackers")
                let prep = if cue.flags & flag::TO != 0 {
                    Some("to")
                } else if self.lw(hit.ts).starts_with("blam") {
                    Some("on")
                } else {
                    None
                };
                let to = prep.and_then(|w| self.find_tail(hit.te + 1, &[w.to_owned()]));
                match to.and_then(|(ts, te)| {
                    let acc = self.find_obj(te, NONE, cue.flags, legal)?;
                    Some((ts, acc))
                }) {
                    Some((ts, acc)) => {
                        by_agent = (hit.te + 1..ts)
                            .filter_map(|j| {
                                let m = self.toks[j].ment;
                                (m != NONE
                                    && self.ment_ok(m)
                                    && (j == hit.te + 1 || self.toks[j - 1].ment != m))
                                    .then_some(m)
                            })
                            .collect();
                        Some(acc)
                    }
                    None => {
                        by_agent = self.np_after(hit.te + 1).ents;
                        self.find_subj(hit.ts, legal)
                    }
                }
            }
            // "have been accused of", "was blamed for": the subject
            Frame::Obj
                if cue.flags & flag::AGENT != 0
                    && (self.passive_before(hit.ts)
                        || hit.ts > 0
                            && self.is(hit.ts - 1, word::ACTOR | word::EVENT)
                            && !self.is(hit.ts - 1, word::ORG)
                            && self.lw(hit.te - 1).ends_with("ed"))
                    && matches!(self.lw(hit.te), "of" | "for" | "over" | "in") =>
            {
                if !self.cyber {
                    // "the team was blamed for the defeat"
                    return None;
                }
                passive = true;
                self.find_subj(hit.ts, legal)
            }
            // "Iran, which the Americans blame for the attacks": the object
            // is the antecedent of the relative pronoun before the agent
            Frame::Obj
                if cue.flags & flag::AGENT != 0
                    && (hit.te >= self.n()
                        || matches!(self.lw(hit.te), "for" | "on" | "over" | "of")
                        || self.toks[hit.te].comma)
                    && self.relative_object(hit.ts).is_some() =>
            {
                self.relative_object(hit.ts)
            }
            Frame::Obj => self
                .find_obj(hit.te, NONE, cue.flags, legal)
                .or_else(|| {
                    // "attributed a series of attacks on water plants to X",
                    // "pinned the blame for the outage on X"
                    let tail = if cue.flags & flag::TO != 0 {
                        "to"
                    } else if self.lw(hit.te - 1) == "for"
                        && (hit.ts..hit.te).any(|i| self.lw(i) == "blame")
                    {
                        "on"
                    } else {
                        return None;
                    };
                    let to = self.find_tail(hit.te, &[tail.to_owned()])?;
                    self.find_obj(to.1, NONE, cue.flags, legal)
                })
                .or_else(|| {
                    // "sanctions on six people it held responsible for the
                    // attacks, including officers of Russia's GRU"
                    if !legal {
                        return None;
                    }
                    let inc = (hit.te..(hit.te + 24).min(self.n()))
                        .take_while(|&j| !self.toks[j].hard)
                        .find(|&j| self.lw(j) == "including")?;
                    (self.toks[inc - 1].comma).then_some(())?;
                    self.find_obj(inc + 1, NONE, cue.flags, legal)
                })
                .map(|mut g| {
                    // "blamed China for A and Russia for B"
                    if cue.flags & flag::AGENT != 0 {
                        g.extend(self.coordinated_obj(&g, legal));
                    }
                    g
                }),
            Frame::Subj => {
                if cue.class == Class::Denial {
                    Some(Vec::new())
                } else {
                    self.find_subj(hit.ts, legal).or_else(|| {
                        let g = self.pronoun_claimant(hit.ts)?;
                        own_claim = true;
                        Some(g)
                    })
                }
            }
            Frame::Pre => self.find_pre(&hit),
            Frame::Gap => {
                let (ts, te) = self.find_tail(hit.te, &cue.tail)?;
                // "has been linked by Mandiant to Belarus"
                if cue.flags & flag::AGENT != 0 && self.is_word(hit.te, "by") {
                    let m = self.toks.get(hit.te + 1).map_or(NONE, |t| t.ment);
                    if m != NONE && self.ment_ok(m) {
                        by_agent = self.expand_right(m, false, true);
                        passive = true;
                    }
                }
                let mut acc = if cue.class == Class::Claim(ClaimKind::SelfClaim) {
                    // "NoName057(16) claimed the attacks": the claimant
                    self.find_subj(hit.ts, legal)
                } else if is_denial_cue && cue.flags & flag::INNER != 0 {
                    // "a charge China denied": the denier is inside
                    let g = self.find_obj(hit.te, ts, 0, true)?;
                    inner_denier = true;
                    Some(g)
                } else if is_denial_cue {
                    // "rejects US accusations": the denier is the subject
                    Some(Vec::new())
                } else {
                    let start = by_agent.last().map_or(hit.te, |&m| self.mtok[m].1 + 1);
                    self.find_obj(start, ts, cue.flags, legal)
                };
                if cue.flags & flag::TO != 0 {
                    if let Some(after) = self.find_obj(te, NONE, cue.flags, legal) {
                        match &mut acc {
                            Some(a) => {
                                // "linked X to Y": Y joins when it is right there.
                                let first = self.mtok[after[0]].0;
                                if (te..first).filter(|&k| self.toks[k].word).count() <= 1 {
                                    a.extend(after);
                                }
                            }
                            None => acc = Some(after),
                        }
                    }
                }
                let end = self.toks[te - 1].e;
                if end - hit.s <= MAX_CUE {
                    cue_span = (hit.s, end);
                    cue_tok = (hit.ts, te);
                }
                acc
            }
            Frame::Verb => {
                if self.is_word(hit.te, "of") {
                    // "facing charges of hacking": a noun
                    return None;
                }
                passive = self.passive_before(hit.ts) && !self.lw(hit.te - 1).ends_with("ing");
                if passive {
                    self.find_subj(hit.ts, legal)
                } else {
                    self.find_obj(hit.te, NONE, cue.flags, legal).or_else(|| {
                        let object_follows = hit.te < self.n()
                            && (self.is(hit.te, word::DET)
                                || self.toks[hit.te].ment != NONE
                                || matches!(self.lw(hit.te), "him" | "her" | "them" | "us")
                                // "arrested 40 suspects", "charged two men"
                                || self.is(hit.te, word::ACTOR)
                                || self.lw(hit.te).bytes().all(|b| b.is_ascii_digit() || b == b',')
                                || matches!(
                                    self.lw(hit.te),
                                    "two" | "three" | "four" | "five" | "six" | "seven" | "eight"
                                        | "nine" | "ten" | "dozens" | "several" | "more"
                                ));
                        if self.lw(hit.te - 1).ends_with("ed") && !object_follows {
                            passive = true;
                            self.find_subj(hit.ts, legal)
                        } else {
                            None
                        }
                    })
                }
            }
            Frame::Speaker => Some(Vec::new()),
        };
        let mut accused = accused?;
        accused.dedup();
        let is_denial = cue.class == Class::Denial;
        if accused.is_empty() && !is_denial {
            return None;
        }
        if cue.flags & flag::NEAR != 0 && !self.right_after(hit.te, &accused) {
            return None;
        }
        if cue.flags & flag::NEGONLY != 0 && !self.negated(hit.ts) {
            return None;
        }
        // A condemnation accuses only of the cyber act it condemns ("condemned
        // Russia's malicious cyber activity"; not "denounced a U.S. attack
        // on an oil platform").
        if matches!(self.lw(hit.ts).get(..6), Some("condem" | "denoun")) {
            let l = accused.iter().map(|&m| self.mtok[m].1).max().unwrap_or(0);
            let cyber_act = (l + 1..(l + 6).min(self.n()))
                .take_while(|&j| !self.toks[j].hard && !self.toks[j].comma)
                .any(|j| self.is(j, word::CYBER) || self.lw(j).starts_with("cyber"));
            if !cyber_act {
                return None;
            }
        }
        if is_denial_cue && cue.frame == Frame::Obj {
            // "the allegations were rejected by Beijing": the denier is named
            // after the cue
            inner_denier = true;
        }
        if cue.flags & flag::AGENT != 0
            && by_agent.is_empty()
            && !accused.is_empty()
            && matches!(cue.frame, Frame::Obj | Frame::Gap)
            && self.passive_before(hit.ts)
        {
            // "was blamed on X by investigators in Seoul"
            if let Some(g) = self.trailing_agent(&accused) {
                by_agent = g;
                passive = true;
            }
        }
        // Context checks.
        let f = cue.flags;
        if f & flag::EVENT != 0 {
            // "was responsible." / "as being responsible," end the clause;
            // "behind" always needs its event.
            let at_end = matches!(
                self.lw(hit.te - 1),
                "responsible" | "involved" | "implicated"
            ) && (hit.te >= self.n()
                || self.toks[hit.te].hard
                || self.toks[hit.te].comma
                || self.lw(hit.te) == "."
                // "were responsible but have not said so"
                || self.is(hit.te, word::CONJ))
                // (not "Iran was responsible but Tehran blamed its Gulf War
                // enemy": a clause-final "responsible" about war)
                && !self.noncyber;
            // "had ordered it", "was behind it": the attack named before
            let pronoun = matches!(self.lw(hit.te), "it" | "them")
                && (0..hit.ts).any(|i| self.is(i, word::EVENT));
            // "Fancy Bear was responsible for tracking", "NoName057(16)
            // claimed responsibility for knocking ... offline": a threat
            // actor's act is the event
            let actor_act = self.is_word(hit.te, "for")
                && self.lw(hit.te + 1).len() > 4
                && self.lw(hit.te + 1).ends_with("ing")
                && accused.iter().any(|&m| self.is_threat_actor(m));
            // (a first-person denial's object is the attack itself: not
            // "we have not launched any investigation into the hacking")
            let reach = if cue.frame == Frame::Speaker { 2 } else { 8 };
            if !(self.event_after(hit.te, reach) || at_end || pronoun || actor_act) {
                return None;
            }
        }
        // (a passive's subject may carry a phrase: "the campaign against
        // the ministry was funded by")
        let reach = if self.passive_before(hit.ts) { 8 } else { 4 };
        if f & flag::EVENT_BEFORE != 0 && !self.event_before(hit.ts, reach) {
            return None;
        }
        if f & flag::ACTOR != 0 {
            let ok = match cue.frame {
                Frame::Pre => self.actor_after(hit.te),
                // "North Korea had stolen $3 billion in crypto assets"
                Frame::Subj => true,
                // "the hackers were probably Chinese"
                _ if f & flag::NEAR != 0 => {
                    self.group_actor_like(&accused)
                        || matches!(self.lw(hit.te - 1), "is" | "was" | "are" | "were")
                            && self.ends_clause(&accused)
                        // "the group supports the People's Republic of
                        // China": an actor subject right before the verb
                        || self.actor_subject(hit.ts)
                }
                _ => self.group_actor_like(&accused),
            };
            if !ok {
                return None;
            }
        }
        if f & flag::ACTOR != 0 && cue.frame == Frame::Subj {
            let g_ok = self.group_actor_like(&accused)
                || accused
                    .last()
                    .is_some_and(|&m| self.actor_after(self.mtok[m].1 + 1))
                // "North Korea had stolen $3 billion in crypto assets"
                || (hit.te..(hit.te + 8).min(self.n())).any(|i| self.cyber_word(i))
                // "China hacked our ministries": the verb says it
                || self.is(hit.ts, word::CYBER)
                // "Russian intelligence had targeted": a spy service
                || accused.iter().any(|&m| self.spy_phrase(m))
                // "hackers from Russia had accessed"
                || accused.first().is_some_and(|&m| {
                    let f = self.mtok[m].0;
                    f >= 2
                        && matches!(self.lw(f - 1), "from" | "in")
                        && self.is(f - 2, word::ACTOR)
                        && !self.is(f - 2, word::ORG)
                });
            if !g_ok {
                return None;
            }
        }
        // An intelligence or military service accused makes its own
        // context ("ties to Russian intelligence services").
        let spy_agency = accused
            .iter()
            .any(|&m| is_spy_agency(self.text, &self.ments[m]) || self.spy_phrase(m));
        // A threat actor accused is actor enough ("the malware is
        // associated with Kimsuky").
        let actor_accused = accused.iter().any(|&m| self.is_threat_actor(m));
        if f & flag::ACTOR_SUBJ != 0 && !actor_accused && !self.actor_subj(hit.ts) {
            return None;
        }
        if f & flag::CTX != 0 && !self.ctx_near(hit.ts, hit.te) && !self.doc_claims && !spy_agency {
            return None;
        }
        if f & flag::CYBER != 0 && !self.cyber {
            // In a cyber article, or with an agency or threat actor
            // accused, an attack verb needs no cyber word of its own; a
            // charge or a sanction always does ("a US admiral convicted on
            // corruption charges").
            let responsibility = matches!(
                cue.class,
                Class::Claim(ClaimKind::Responsibility | ClaimKind::Sponsorship)
            );
            let actor_accused = spy_agency
                || accused.iter().any(|&m| {
                    matches!(
                        self.ments[m].entity.kind,
                        EntityKind::Agency | EntityKind::ThreatActor
                    )
                });
            // "officers of China's Ministry of State Security were
            // indicted": charging spies is about espionage
            // (the service's members: "officers of", "agents of"; not "a
            // former intelligence officer sentenced for tax fraud")
            let f = accused.iter().map(|&m| self.mtok[m].0).min().unwrap_or(0);
            let members = |w: &str| {
                matches!(
                    w,
                    "officers" | "agents" | "members" | "operatives" | "hackers" | "spies"
                )
            };
            let l = accused.iter().map(|&m| self.mtok[m].1).max().unwrap_or(0);
            let spies = matches!(
                cue.class,
                Class::Claim(ClaimKind::Legal | ClaimKind::Sanction)
            ) && accused
                .iter()
                .any(|&m| is_spy_agency(self.text, &self.ments[m]))
                // "officers of Russia's GRU", "four GRU officers"
                && (f >= 2 && self.lw(f - 1) == "of" && members(self.lw(f - 2))
                    || members(self.lw(l + 1)));
            // (not in a sentence about war: "four Revolutionary Guards
            // divisions attacked Iraqi positions on the Gulf War front")
            if !(responsibility && (self.doc_claims || actor_accused) && !self.noncyber || spies) {
                return None;
            }
        }
        if cue.frame == Frame::Pre && f & flag::ACTOR == 0 {
            // "China-backed" anything: only about cyber actors ("Russian
            // state actors" names its own).
            let own_actor = self.is(hit.te - 1, word::ACTOR) && !self.is(hit.te - 1, word::ORG);
            if !(own_actor || self.actor_after(hit.te) || self.ctx_near(hit.ts, hit.te)) {
                return None;
            }
        }
        let kind = match cue.class {
            Class::Claim(_) if own_claim => ClaimKind::SelfClaim,
            Class::Claim(k) => k,
            _ => ClaimKind::Responsibility,
        };
        let acc_lo = accused
            .iter()
            .map(|&m| self.mtok[m].0)
            .min()
            .unwrap_or(cue_tok.0);
        let acc_hi = accused
            .iter()
            .map(|&m| self.mtok[m].1)
            .max()
            .unwrap_or(cue_tok.1 - 1);
        let core = (acc_lo.min(cue_tok.0), acc_hi.max(cue_tok.1 - 1));
        let target = self.target_after(core.1 + 1);
        Some(Cand {
            kind,
            cue: cue_span,
            cue_tok,
            accused,
            attributor: Vec::new(),
            source: None,
            negated: is_denial
                || self.negated(hit.ts)
                // "no evidence that Russia was involved"
                || (cue.frame == Frame::Subj && acc_lo < hit.ts && self.negated_clause(acc_lo))
                // "no indication they were working for the Russian state"
                || (cue.frame != Frame::Subj && self.negated_subject(hit.ts))
                // "ruled out Russian involvement" (not "cannot rule out")
                || (cue.frame == Frame::Pre && acc_lo < hit.ts && self.negated_once(acc_lo)),
            denial: is_denial,
            passive: passive || inner_denier,
            by_agent,
            core,
            clauses: Vec::new(),
            target,
        })
    }

    fn entities(&self, ms: &[usize]) -> Vec<Entity> {
        ms.iter()
            .map(|&m| Entity::from_mention(self.text, &self.ments[m]))
            .collect()
    }

    fn speaker_entities(&self, sp: &Speaker) -> Option<Vec<Entity>> {
        (!sp.ents.is_empty()).then(|| self.entities(&sp.ents))
    }

    /// The first named speaker of a reporting verb of the sentence.
    fn first_speaker(&self) -> Option<Vec<Entity>> {
        for (h, hit) in self.hits.iter().enumerate() {
            if hit.report {
                let sp = self.report_speaker(h);
                if sp.ents.iter().any(|&m| !self.is_threat_actor(m)) {
                    return Some(self.entities(&sp.ents));
                }
            }
        }
        None
    }

    /// All claims of the sentence.
    pub(crate) fn claims(&self, index: usize, ctx: &mut ClaimContext) -> Vec<Claim> {
        // The sentence's first named speaker (for elided subjects).
        let mut primary: Option<Vec<Entity>> = None;
        for (h, hit) in self.hits.iter().enumerate() {
            let agentive = hit.report
                || hit.claim
                    && self.lex.cue_slots[hit.slot]
                        .iter()
                        .any(|c| c.flags & flag::AGENT != 0);
            if !agentive {
                continue;
            }
            let sp = if hit.report {
                self.report_speaker(h)
            } else {
                self.agent(hit.ts)
            };
            // Threat actors are what speakers talk about, not speakers.
            if sp.ents.iter().any(|&m| !self.is_threat_actor(m)) {
                primary = Some(self.entities(&sp.ents));
                break;
            }
        }
        let mut cands: Vec<Cand> = Vec::new();
        let mut done_hits: Vec<bool> = vec![false; self.hits.len()];
        for (h, hit) in self.hits.iter().enumerate() {
            if !hit.claim {
                continue;
            }
            let mut got = None;
            for cue in &self.lex.cue_slots[hit.slot] {
                if !matches!(cue.class, Class::Claim(_) | Class::Denial) {
                    continue;
                }
                if let Some(c) = self.try_cue(h, cue) {
                    got = Some((c, cue));
                    break;
                }
            }
            let Some((mut c, cue)) = got else { continue };
            if c.denial && self.negated(c.cue_tok.0) {
                // "without admitting or denying the allegations"
                continue;
            }
            done_hits[h] = true;
            self.resolve(&mut c, cue, ctx, primary.as_deref(), &done_hits);
            if c.kind == ClaimKind::Legal && !c.attributor.is_empty() {
                self.drop_own_state(&mut c);
            }
            if c.denial {
                // "calling Seoul's claims a smear": the owner of the claims
                // accuses, it is not the denier
                let owner = |m: usize| {
                    let l = self.mtok[m].1;
                    let inside = |t: &Tok| t.s >= c.cue.0 && t.e <= c.cue.1;
                    // ("Seoul's claims"; "the Indian allegations": an
                    // adjective on the accusation noun)
                    l + 2 < self.n() && self.toks[l + 1].poss && inside(&self.toks[l + 2])
                        || l + 1 < self.n()
                            && inside(&self.toks[l + 1])
                            && matches!(
                                self.lw(l + 1),
                                "accusation"
                                    | "accusations"
                                    | "allegation"
                                    | "allegations"
                                    | "claim"
                                    | "claims"
                                    | "charges"
                            )
                };
                if c.accused.iter().any(|&m| owner(m)) {
                    let spans: Vec<(usize, usize)> = c
                        .accused
                        .iter()
                        .filter(|&&m| owner(m))
                        .map(|&m| (self.ments[m].span.start, self.ments[m].span.end))
                        .collect();
                    c.accused.retain(|&m| !owner(m));
                    c.attributor.retain(|e| !spans.contains(&(e.start, e.end)));
                    if c.accused.is_empty() {
                        // the speaker denies ("China's foreign ministry said
                        // Washington's accusations were groundless")
                        if let Some(p) = primary.as_deref() {
                            c.attributor = p.to_vec();
                            c.source = None;
                            cands.push(c);
                        }
                        continue;
                    }
                }
            }
            if self.nominal_that(c.cue_tok) {
                // "Canada's accusation that Chinese hackers planted": the
                // possessor accuses; with none, no one named does
                c.attributor = match self.possessed_by(c.cue_tok.0) {
                    Some(m) => self.entities(&self.expand_left(m)),
                    None => Vec::new(),
                };
            }
            if !matches!(c.kind, ClaimKind::Legal | ClaimKind::Sanction) && !c.denial {
                // "a scam centre run by Chinese nationals": the nationality
                // of persons is no state accused (legal and sanction cues
                // name their defendants so: "charged two Iranian nationals")
                // ("Chinese and Filipino nationals": past the list)
                c.accused.retain(|&m| {
                    let mut e = self.mtok[m].1 + 1;
                    while e < self.n()
                        && (self.toks[e].ment != NONE
                            || self.toks[e].comma
                            || matches!(self.lw(e), "and" | "or"))
                    {
                        e += 1;
                    }
                    !(e < self.n()
                        && matches!(
                            self.lw(e),
                            "nationals" | "citizens" | "national" | "citizen"
                        ))
                });
                if c.accused.is_empty() {
                    continue;
                }
            }
            if c.kind == ClaimKind::SelfClaim || self.lw(c.cue_tok.0) == "claimed" {
                // "the attacks were claimed by a pro-Russian group": a
                // group's claim names the group; its leaning names no one
                c.accused.retain(|&m| {
                    let s = self.ments[m].span.start;
                    let lead = self.text.get(s.saturating_sub(4)..s).unwrap_or("");
                    !lead.eq_ignore_ascii_case("pro-")
                });
                if c.accused.is_empty() {
                    continue;
                }
            }
            if self.reduced_relative(c.cue_tok) {
                // "extradited a man accused of working for LockBit": the
                // man is the accused, and he is no entity
                continue;
            }
            if c.accused.is_empty() && c.attributor.is_empty() {
                continue;
            }
            if cue.flags & flag::REPORTED != 0
                && c.clauses.is_empty()
                && !(self.headline() && self.group_actor_like(&c.accused))
                && !self.hearsay(&c)
            {
                // a headline states its claim bare ("Iranian Hackers Breach
                // Utility"); elsewhere the claim needs a speaker
                continue;
            }
            if c.accused.is_empty() {
                // a denial whose denier is only known from context
                if c.denial {
                    cands.push(c);
                }
                continue;
            }
            cands.push(c);
        }
        let mut cands = merge(cands);
        self.chain_merge(&mut cands);
        self.dismissed_reports(&mut cands);
        self.appositive_attributors(&mut cands);
        // A denial in words that neither deny nor name an accusation
        // ("called it fabrications", "smeared") is one only from a party
        // accused before, in the document or the sentence.
        let accused_here: Vec<std::sync::Arc<str>> = cands
            .iter()
            .filter(|c| !c.denial)
            .flat_map(|c| c.accused.iter())
            .flat_map(|&m| {
                let e = &self.ments[m].entity;
                [Some(e.id.clone()), e.country.clone()]
            })
            .flatten()
            .collect();
        cands.retain(|c| {
            if !c.denial || self.denial_words(c.cue) {
                return true;
            }
            let denier = if c.accused.is_empty() {
                c.attributor.clone()
            } else {
                self.entities(&c.accused)
            };
            denier.iter().any(|e| {
                [Some(&e.id), e.country.as_ref()]
                    .into_iter()
                    .flatten()
                    .any(|k| ctx.accused.contains(k) || accused_here.contains(k))
            })
        });
        for c in cands.iter().filter(|c| !c.denial) {
            for &m in &c.accused {
                let e = &self.ments[m].entity;
                for k in [Some(&e.id), e.country.as_ref()].into_iter().flatten() {
                    if !ctx.accused.contains(k) && ctx.accused.len() < 64 {
                        ctx.accused.push(k.clone());
                    }
                }
            }
        }
        if !cands.is_empty() {
            ctx.claims_seen = true;
            ctx.cyber_doc = true;
        } else if !ctx.cyber_doc && strong_cyber(self.span().as_str(self.text)) {
            ctx.cyber_doc = true;
        }
        // A quote closed by a person the gazetteer does not name: a later
        // quote opening a sentence is that person's.
        if let Some(c) = cands.last() {
            let s = self.span().as_str(self.text);
            if c.attributor.is_empty() && c.source.is_some() {
                ctx.person_quote = person_quote(s, self.ments, self.base);
            } else if !c.attributor.is_empty() {
                ctx.person_quote = false;
            }
        }
        // Context: the last named attributor, else the primary speaker.
        if let Some(c) = cands.iter().rev().find(|c| !c.attributor.is_empty()) {
            ctx.speaker = c.attributor.clone();
        } else if let Some(p) = primary {
            ctx.speaker = p;
        } else if let Some(e) = opening_subject(self.text, self.span(), self.ments) {
            // "Mandiant published a report on the attacks." names the
            // speaker of a later "It assesses ..."
            ctx.speaker = e;
        }
        // Each hedge's claims: every claim whose words or speaker clause
        // hold it, else the nearest claim of its clause.
        let cues: Vec<(usize, usize)> = cands.iter().map(|c| c.cue_tok).collect();
        let mut scoped: Vec<Vec<usize>> = vec![Vec::new(); cands.len()];
        for (hi, h) in self.hedges.iter().enumerate() {
            let mut explicit = false;
            let mut near: Option<(usize, usize)> = None;
            let mut aside = Vec::new();
            for (ci, c) in cands.iter().enumerate() {
                match self.hedge_scope(h, c, &cues) {
                    Scope::Inside => {
                        explicit = true;
                        scoped[ci].push(hi);
                    }
                    Scope::Aside => aside.push(ci),
                    Scope::Clause(d) => {
                        if near.map_or(true, |(_, d0)| d < d0) {
                            near = Some((ci, d));
                        }
                    }
                    Scope::Out => {}
                }
            }
            match (explicit, near) {
                (false, Some((ci, _))) => scoped[ci].push(hi),
                (false, None) => {
                    for ci in aside {
                        scoped[ci].push(hi);
                    }
                }
                _ => {}
            }
        }
        cands
            .into_iter()
            .zip(scoped)
            .map(|(c, hs)| self.finish(index, c, &hs))
            .collect::<Vec<_>>()
            .into_iter()
            .flatten()
            .collect()
    }

    /// "carried out by a Chinese contractor working for the Ministry of
    /// State Security": a claim whose cue follows another claim's accused
    /// right away (same clause, same polarity) says who that accused works
    /// for: one statement, one claim.
    fn chain_merge(&self, cands: &mut Vec<Cand>) {
        let mut i = 1;
        while i < cands.len() {
            let (o, c) = (&cands[i - 1], &cands[i]);
            let next = o.core.1 + 1;
            let chained = !o.denial
                && !c.denial
                && o.negated == c.negated
                && c.cue_tok.0 >= next
                && c.cue_tok.0 <= next + 1
                && (next..c.cue_tok.0).all(|j| self.toks[j].word && !self.is(j, word::REL))
                && (c.attributor.is_empty() || c.attributor == o.attributor);
            if !chained {
                i += 1;
                continue;
            }
            let c = cands.remove(i);
            let o = &mut cands[i - 1];
            if c.cue.1 > o.cue.1 && c.cue.1 - o.cue.0 <= MAX_CUE {
                o.cue.1 = c.cue.1;
                o.cue_tok.1 = o.cue_tok.1.max(c.cue_tok.1);
            }
            for m in c.accused {
                if !o.accused.contains(&m) {
                    o.accused.push(m);
                }
            }
            o.core = (o.core.0.min(c.core.0), o.core.1.max(c.core.1));
            o.clauses.extend(c.clauses);
        }
    }

    /// "Mandiant linked the attack to Sandworm, a unit of Russia's GRU":
    /// a claim in an appositive of another claim's accused, with no speaker
    /// of its own, is made by that claim's attributor.
    fn appositive_attributors(&self, cands: &mut [Cand]) {
        for i in 0..cands.len() {
            if !cands[i].attributor.is_empty() || cands[i].source.is_some() || cands[i].denial {
                continue;
            }
            // ", a unit of", ", an arm of": the comma a few words before
            let ts = cands[i].cue_tok.0;
            let Some(k) = (ts.saturating_sub(4)..ts)
                .rev()
                .find(|&k| self.toks[k].comma)
            else {
                continue;
            };
            if k == 0
                || !(k + 1..ts).all(|j| self.is(j, word::DET | word::ORG | word::ACTOR))
                || self.toks[k - 1].ment == NONE
            {
                continue;
            }
            let head = self.toks[k - 1].ment;
            let from = cands
                .iter()
                .find(|o| o.accused.contains(&head) && !o.attributor.is_empty())
                .map(|o| o.attributor.clone());
            if let Some(a) = from {
                cands[i].attributor = a;
            }
        }
    }

    /// Fills attributor, source and speaker clauses.
    fn resolve(
        &self,
        c: &mut Cand,
        cue: &Cue,
        ctx: &ClaimContext,
        primary: Option<&[Entity]>,
        done_hits: &[bool],
    ) {
        let hit_ts = c.cue_tok.0;
        let mut source = None;
        let mut anaphor = false;
        // The claim is in a relative clause (", which ... ,"): the comma
        // that opens it.
        // (or in an appositive of a name: "Charming Kitten, a group
        // believed to be linked to Iran, said")
        let relative = self.prev_break(c.core.0.min(hit_ts)).filter(|&k| {
            self.toks[k].comma
                && (self.is(k + 1, word::REL)
                    || matches!(self.lw(k + 1), "a" | "an")
                        && k > 0
                        && self.toks[k - 1].ment != NONE)
        });
        let mut post = self.post_report(c.core.1 + 1);
        if let (Some(k), Some((_, sp))) = (relative, &post) {
            // "Handala, which has been linked to Iran, said it ...": the
            // speaker is the antecedent, who does not make the claim about
            // itself
            if !sp.ents.is_empty() && sp.ents.iter().all(|&m| self.mtok[m].0 < k) {
                post = None;
            }
        }
        let mut relative_source = false;
        let left = self.left_report(hit_ts, 60);
        let mut attributor: Option<Vec<Entity>> = None;
        let mut clauses = Vec::new();
        if !c.by_agent.is_empty() {
            attributor = Some(self.entities(&c.by_agent));
        }
        if c.denial && c.passive && !c.accused.is_empty() {
            // "a charge China denied": the denier named inside
            attributor = Some(self.entities(&c.accused));
        }
        let agentive = (cue.flags & flag::AGENT != 0 && !c.passive)
            || c.denial && !c.passive && matches!(cue.frame, Frame::Subj | Frame::Gap);
        if agentive {
            let sp = self.agent(hit_ts);
            if let Some(cl) = sp.clause {
                clauses.push(cl);
            }
            if !sp.ents.is_empty() {
                let ents: Vec<usize> = sp
                    .ents
                    .iter()
                    .copied()
                    .filter(|m| c.denial || !c.accused.contains(m))
                    .collect();
                if !ents.is_empty() {
                    if c.denial {
                        c.accused = ents.clone();
                    }
                    attributor = Some(self.entities(&ents));
                }
            } else if sp.anaphor {
                anaphor = true;
            } else if sp.source.is_some() {
                source = sp.source;
                // "APT15, which cybersecurity firms have linked to China":
                // the firms, not the sentence's speaker; "Spain said the
                // storm had nothing to do with the outage": no one named
                // denies
                relative_source = relative.is_some()
                    || c.denial
                        && sp.source.is_some_and(|(a, b)| {
                            let w = self.lower.get(a - self.base..b - self.base).unwrap_or("");
                            // (a noun of its own: not "These" before "charges
                            // are fabricated")
                            let noun = self
                                .toks
                                .iter()
                                .any(|t| t.word && t.s >= a && t.e <= b && t.w & word::DET == 0);
                            noun && !["accus", "alleg", "charge", "claim", "report", "finding"]
                                .iter()
                                .any(|k| w.contains(k))
                        });
            } else if sp.elided {
                attributor = primary.map(<[Entity]>::to_vec).or_else(|| {
                    let cs = self.clause_subject(hit_ts);
                    (!cs.ents.is_empty()).then(|| self.entities(&cs.ents))
                });
            }
        } else if !c.denial {
            // Inside the object of an agentive cue of the same clause that
            // found no accused of its own ("charged him ... on behalf of").
            let mut i = c.core.0;
            while i > 0 {
                i -= 1;
                let t = &self.toks[i];
                if t.hard || t.comma {
                    break;
                }
                if t.hit != NONE && !done_hits[t.hit] {
                    let hh = self.hits[t.hit];
                    let agentive_hit = hh.claim
                        && self.lex.cue_slots[hh.slot]
                            .iter()
                            .any(|x| x.flags & flag::AGENT != 0);
                    if agentive_hit {
                        let sp = self.agent(hh.ts);
                        if !sp.ents.is_empty() {
                            attributor = Some(self.entities(&sp.ents));
                            clauses.extend(sp.clause);
                        }
                        break;
                    }
                }
            }
        }
        if attributor.is_none() && !relative_source {
            // The speaker before (a reporting verb governing the claim),
            // then after.
            let mut resolved = false;
            if let Some((_, sp)) = &left {
                if sp.found() {
                    clauses.extend(sp.clause);
                    if let Some(e) = self.speaker_entities(sp) {
                        attributor = Some(e);
                        resolved = true;
                    } else if anaphor && !sp.anaphor && sp.source.is_some() {
                        // "TeamT5 said ... APT41, which it has linked to
                        // China": the pronoun is the speaker just named
                        source = sp.source;
                        anaphor = false;
                        resolved = true;
                    } else if sp.anaphor || anaphor {
                        anaphor = true;
                    } else if sp.elided {
                        if let Some(p) = primary {
                            attributor = Some(p.to_vec());
                            resolved = true;
                        }
                    } else if source.is_none() {
                        source = sp.source;
                        resolved = true;
                    }
                }
            }
            if let Some((ph, sp)) = &post {
                // The speaker after the claim scopes its hedges when it is
                // the speaker, or when it is an "according to" source.
                let hit = self.hits[*ph];
                let according = self
                    .lower
                    .get(hit.s - self.base..hit.e - self.base)
                    .is_some_and(|p| p.starts_with("according"));
                if !resolved || according {
                    clauses.extend(sp.clause);
                }
                if !resolved {
                    if let Some(e) = self.speaker_entities(sp) {
                        attributor = Some(e);
                    } else if sp.anaphor {
                        anaphor = true;
                    } else if source.is_none() {
                        source = sp.source;
                    }
                }
            }
            // "Microsoft: Russian state hackers read executives' emails":
            // a name and a colon opening the sentence speak
            if attributor.is_none()
                && !anaphor
                && source.is_none()
                && left.is_none()
                && post.is_none()
            {
                let m = self.toks.first().map_or(NONE, |t| t.ment);
                if m != NONE
                    && self.ment_ok(m)
                    && !self.is_threat_actor(m)
                    && !c.accused.contains(&m)
                    && self.lw(self.mtok[m].1 + 1) == ":"
                {
                    attributor = Some(self.entities(&[m]));
                }
            }
            // A sentence that opens a quotation with no speaker of its own
            // continues the last speaker's quote.
            if attributor.is_none()
                && !anaphor
                && source.is_none()
                && left.is_none()
                && post.is_none()
                && self.toks.first().is_some_and(|t| t.quote)
                && !ctx.person_quote
            {
                anaphor = true;
            }
            if attributor.is_none() && anaphor {
                // An anaphor speaker: the earlier speaker of a reporting verb
                // further left, the sentence's named speaker, or the context.
                let mut found = None;
                if let Some((h, _)) = &left {
                    let mut hts = self.hits[*h].ts;
                    for _ in 0..3 {
                        match self.left_report(hts, 60) {
                            Some((h2, sp2)) => {
                                if !sp2.ents.is_empty() {
                                    found = Some(self.entities(&sp2.ents));
                                    break;
                                }
                                hts = self.hits[h2].ts;
                            }
                            None => break,
                        }
                    }
                }
                if found.is_none() {
                    if let Some((_, sp)) = &post {
                        if !sp.ents.is_empty() {
                            found = Some(self.entities(&sp.ents));
                        }
                    }
                }
                if found.is_none() {
                    found = primary.map(<[Entity]>::to_vec);
                }
                if found.is_none() {
                    // "the ministry condemned the campaign, which it
                    // attributed to APT28": the subject the relative's
                    // clause hangs on
                    if let Some(k) = relative {
                        let cs = self.clause_subject(k);
                        if !cs.ents.is_empty() {
                            found = Some(self.entities(&cs.ents));
                        }
                    }
                }
                if found.is_none() && !ctx.speaker.is_empty() {
                    found = Some(ctx.speaker.clone());
                }
                if found.is_none() && (0..hit_ts).rev().take(6).any(|j| self.lw(j) == "it") {
                    // "Estonia expelled a Russian diplomat it accused of":
                    // the named subject of the sentence's clause (not
                    // "Slovakia's election")
                    let cs = self.clause_subject(hit_ts);
                    let ents: Vec<usize> = cs
                        .ents
                        .into_iter()
                        .filter(|m| !c.accused.contains(m))
                        .collect();
                    if !ents.is_empty()
                        && self.mtok[ents[0]].0 + 1 < hit_ts
                        && !ents.iter().any(|&m| self.possessor(m))
                    {
                        found = Some(self.entities(&ents));
                    }
                }
                if found.is_none() && source.is_none() {
                    // no one to refer to: "the report" is the source
                    source = left
                        .as_ref()
                        .and_then(|(_, sp)| sp.source)
                        .or_else(|| post.as_ref().and_then(|(_, sp)| sp.source));
                }
                attributor = found;
            }
        }
        let mut attributor = attributor.unwrap_or_default();
        if c.denial || c.kind == ClaimKind::SelfClaim && c.negated {
            // ("the Kremlin said it does not carry out hacking": the speaker
            // denies for itself)
            // the denier is the speaker when no subject denies (finish()
            // copies the attributor into the accused)
        } else {
            let acc: Vec<(usize, usize)> = c
                .accused
                .iter()
                .map(|&m| (self.ments[m].span.start, self.ments[m].span.end))
                .collect();
            attributor.retain(|e| !acc.contains(&(e.start, e.end)));
        }
        c.attributor = attributor;
        c.source = if c.attributor.is_empty() {
            source
        } else {
            None
        };
        c.clauses = clauses;
    }

    /// The final claim: confidence from the hedges in scope.
    fn finish(&self, index: usize, c: Cand, scoped: &[usize]) -> Option<Claim> {
        let mut accused = if c.denial && c.accused.is_empty() {
            c.attributor.clone()
        } else {
            self.entities(&c.accused)
        };
        // "Star Blizzard, also known as Seaborgium": one entity, named twice
        let mut seen: Vec<&str> = Vec::new();
        let keep: Vec<bool> = accused
            .iter()
            .map(|e| {
                let new = !seen.contains(&&*e.id);
                seen.push(&e.id);
                new
            })
            .collect();
        let mut keep = keep.into_iter();
        accused.retain(|_| keep.next().unwrap_or(true));
        if accused.is_empty() {
            return None;
        }
        let mut hedges: Vec<&HHit> = self
            .hedges
            .iter()
            .enumerate()
            .filter(|(i, _)| scoped.contains(i))
            .map(|(_, h)| h)
            .collect();
        // An estimative term or booster ("very likely", "with high
        // confidence") states the probability: the reporting verb around it
        // ("assessed that", "we assess") does not lower it further.
        if hedges.iter().any(|h| !self.is_report_tok(h.ts)) {
            hedges.retain(|h| !self.is_report_tok(h.ts));
        }
        let mut confidence = Confidence::High;
        let mut likelihood = None;
        for h in &hedges {
            let lex = &self.lex.hedges[h.idx];
            if lex.confidence < confidence {
                confidence = lex.confidence;
            }
        }
        for h in &hedges {
            let lex = &self.lex.hedges[h.idx];
            if lex.confidence == confidence {
                if let Some((scale, lo, hi)) = &lex.band {
                    likelihood = Some(Likelihood {
                        term: self.text.get(h.s..h.e).unwrap_or("").to_owned(),
                        scale: scale.clone(),
                        low: *lo,
                        high: *hi,
                    });
                    break;
                }
            }
        }
        let (s0, e0) = (self.toks[c.core.0].s, self.toks[c.core.1].e);
        Some(Claim {
            sentence: index,
            start: s0.min(c.cue.0),
            end: e0.max(c.cue.1),
            kind: c.kind,
            cue: TextSpan::of(self.text, Span::new(c.cue.0, c.cue.1)),
            attributor: c.attributor.clone(),
            source: c
                .source
                .map(|(s, e)| TextSpan::of(self.text, Span::new(s, e))),
            accused,
            target: c
                .target
                .map(|(s, e)| TextSpan::of(self.text, Span::new(s, e))),
            polarity: if c.negated {
                Polarity::Negated
            } else {
                Polarity::Affirmed
            },
            confidence,
            likelihood,
            hedges: hedges
                .iter()
                .map(|h| TextSpan::of(self.text, Span::new(h.s, h.e)))
                .collect(),
        })
    }

    /// Whether hedge `h` is in the scope of claim `c`: inside its words or
    /// its speaker's clause, or in its clause (the clause of the hedge,
    /// between boundaries, reaches into the claim with no other claim's cue
    /// in between: that one would be nearer) at a distance in tokens.
    /// `cues` are the cue tokens of all the sentence's claims (cue words
    /// that made no claim shield nothing: "allegedly carried out the
    /// intrusions on behalf of Iran").
    fn hedge_scope(&self, h: &HHit, c: &Cand, cues: &[(usize, usize)]) -> Scope {
        let inside = |r: (usize, usize)| h.ts >= r.0 && h.te - 1 <= r.1;
        // Only the tokens between the two are read, and the scan stops at
        // the first boundary or cue: reading the whole clause for every
        // (claim, hedge) pair was cubic in the length of a sentence
        // without punctuation.
        let boundary = |i: usize| {
            let t = &self.toks[i];
            (t.hard && !t.quote) || (t.comma && !self.list_comma(i)) || self.is(i, word::CONJ)
        };
        if let Some(&r) = c.clauses.iter().find(|&&r| inside(r)) {
            // (in a parenthetical of the speaker's phrase: "Predatory
            // Sparrow, a group widely believed to be linked to Israel, said")
            if (h.te..=r.1).any(|i| self.toks[i].comma && !self.list_comma(i)) {
                return Scope::Aside;
            }
            return Scope::Inside;
        }
        if inside(c.core) {
            // "Predatory Sparrow, a group widely believed to be linked to
            // Israel, said it had disrupted": a hedge in a parenthetical
            // of the claim's words
            let (a, b) = if h.te <= c.cue_tok.0 {
                (h.te, c.cue_tok.0)
            } else {
                (c.cue_tok.1.min(h.ts), h.ts)
            };
            if (a..b).any(|i| self.toks[i].comma && !self.list_comma(i)) {
                return Scope::Aside;
            }
            return Scope::Inside;
        }
        let other_cue = |i: usize| {
            cues.iter().any(|&(a, b)| {
                i >= a
                    && i < b
                    && !(a >= c.cue_tok.0 && b <= c.cue_tok.1)
                    // "suspected of working for": the cue holding the
                    // hedge does not shield the claim from it
                    && !(a <= h.ts && h.te <= b)
            })
        };
        if c.core.1 < h.ts {
            // The claim is before the hedge.
            if boundary(c.core.1) || (c.core.1 + 1..h.ts).any(|i| boundary(i) || other_cue(i)) {
                return Scope::Out;
            }
            Scope::Clause(h.ts - c.core.1)
        } else if h.te <= c.core.0 {
            // The claim is after the hedge.
            if c.core.0 >= self.n()
                || boundary(c.core.0)
                || (h.te..c.core.0).any(|i| boundary(i) || other_cue(i))
            {
                return Scope::Out;
            }
            Scope::Clause(c.core.0 - h.te)
        } else {
            // They overlap.
            Scope::Inside
        }
    }
}

/// Where a hedge stands for a claim (see `Sent::hedge_scope`).
enum Scope {
    /// In the claim's words or its speaker's clause.
    Inside,
    /// In a parenthetical inside the claim's words: the claim's only when
    /// no other claim holds it or stands in its clause.
    Aside,
    /// In the claim's clause, this many tokens away.
    Clause(usize),
    /// Elsewhere.
    Out,
}

/// Merges claims that accuse the same mention (one statement read through
/// two cues: "perpetrated by China-backed hackers"): the earlier cue stays.
fn merge(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by_key(|c| c.cue.0);
    let mut out: Vec<Cand> = Vec::new();
    for c in cands {
        // claims sharing an accused are close: only the last few are looked at
        let recent = out.len().saturating_sub(8);
        let into = out[recent..].iter_mut().find(|o| {
            // one denial per sentence ("rejected the accusation as baseless")
            (o.denial && c.denial)
                || (!o.denial && !c.denial && o.accused.iter().any(|m| c.accused.contains(m)))
        });
        match into {
            Some(o) => {
                // One cue span over both cues when they are close: the few
                // words of the statement ("conducted by a group connected to").
                if c.cue.1 > o.cue.1 && c.cue.1 - o.cue.0 <= 60 {
                    o.cue.1 = c.cue.1;
                    o.cue_tok.1 = c.cue_tok.1.max(o.cue_tok.1);
                }
                for m in c.accused {
                    if !o.accused.contains(&m) {
                        o.accused.push(m);
                    }
                }
                if o.attributor.is_empty() && !c.attributor.is_empty() {
                    o.attributor = c.attributor;
                    o.source = None;
                }
                if o.source.is_none() && o.attributor.is_empty() {
                    o.source = c.source;
                }
                o.core = (o.core.0.min(c.core.0), o.core.1.max(c.core.1));
                o.clauses.extend(c.clauses);
                if o.target.is_none() {
                    o.target = c.target;
                }
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::contains_ci;

    proptest::proptest! {
        /// The memchr-driven search equals the plain window scan.
        #[test]
        fn contains_ci_equals_the_window_scan(hay in "[aAbB é]{0,30}", needle in "[ab é]{0,4}") {
            let plain = !needle.is_empty()
                && hay
                    .as_bytes()
                    .windows(needle.len())
                    .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()));
            proptest::prop_assert_eq!(contains_ci(&hay, &needle), plain);
        }
    }
}
