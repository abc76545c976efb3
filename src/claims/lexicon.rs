//! The cue and hedge lexicons: parsed from TSV data (`gazetteers/cues.tsv`,
//! `gazetteers/hedges.tsv`, or user files in the same format) and compiled
//! into whole-word phrase sets ([`PhraseSet`]).

use std::collections::HashMap;

use crate::claims::phrases::PhraseSet;
use crate::document::{ClaimKind, Confidence};
use crate::error::Error;
use crate::swar::WordMap;
use crate::tsv::Table;

/// What a cue-lexicon row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// A claim cue of this kind.
    Claim(ClaimKind),
    /// A denial: negated, the denier is both attributor and accused.
    Denial,
    /// A reporting verb or phrase ("said", "according to").
    Report,
    /// A negator ("not", "stopped short of").
    Negator,
}

/// Where a claim cue finds its accused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    /// After the cue ("blames China", "on behalf of China").
    Obj,
    /// Before the cue ("APT28 was behind").
    Subj,
    /// Right before the cue, as a compound ("China-backed", "Chinese state
    /// hackers").
    Pre,
    /// Between the head and the tail of a gapped cue ("identified China as
    /// responsible").
    Gap,
    /// A verb: after it when active, before it when passive.
    Verb,
    /// The speaker of the sentence (denials in quotes).
    Speaker,
}

/// Flags of a claim cue.
pub(crate) mod flag {
    /// The subject of the cue is the attributor.
    pub const AGENT: u16 = 1;
    /// An event noun must follow the cue closely ("responsible for the
    /// attack").
    pub const EVENT: u16 = 2;
    /// An event noun must precede the cue closely ("the attack came from").
    pub const EVENT_BEFORE: u16 = 4;
    /// The accused must be actor-like (a threat actor, or an entity followed
    /// by an actor noun).
    pub const ACTOR: u16 = 8;
    /// An actor noun or threat actor must precede the cue in its clause.
    pub const ACTOR_SUBJ: u16 = 16;
    /// A cyber word (event, actor noun or threat actor) must be near.
    pub const CTX: u16 = 32;
    /// The sentence must be about cyber matters.
    pub const CYBER: u16 = 64;
    /// The claim needs a speaker (a reporting verb governing it).
    pub const REPORTED: u16 = 128;
    /// The accused may follow "to" ("linked X to Y").
    pub const TO: u16 = 256;
    /// A gapped denial whose denier is inside the gap ("a charge China
    /// denied").
    pub const INNER: u16 = 512;
    /// The cue is a claim only when negated ("stopped short of naming X").
    pub const NEGONLY: u16 = 1024;
    /// Only hedges, adverbs, auxiliaries and determiners may stand between
    /// the cue and the accused ("the group was very likely APT41").
    pub const NEAR: u16 = 2048;
    /// An attributive hedge: the accused follows right after, then an
    /// attack or cyber word ("alleged Chinese hacking").
    pub const ADJ: u16 = 4096;
}

/// Word classes (bits).
pub(crate) mod word {
    pub const EVENT: u16 = 1;
    pub const ACTOR: u16 = 2;
    pub const ORG: u16 = 4;
    pub const AUX: u16 = 8;
    pub const TIME: u16 = 16;
    pub const ANAPHOR: u16 = 32;
    pub const DET: u16 = 64;
    pub const REL: u16 = 128;
    pub const CONJ: u16 = 256;
    pub const SUB: u16 = 512;
    pub const CYBER: u16 = 1024;
    pub const EVENTISH: u16 = 2048;
    pub const NONCYBER: u16 = 4096;
}

/// Phrases that may name a spy service ("Chinese intelligence", "Russia's
/// security service"): the cheap context test lets their sentences through.
const SPY_PHRASES: [&str; 8] = [
    "intelligence",
    "counterintelligence",
    "security service",
    "security services",
    "security police",
    "spy",
    "spies",
    "reconnaissance",
];

/// One claim, report or negator entry.
#[derive(Clone, Debug)]
pub(crate) struct Cue {
    pub class: Class,
    pub frame: Frame,
    pub flags: u16,
    /// Lowercase words of the tail of a gapped cue.
    pub tail: Vec<String>,
}

/// One hedge entry.
#[derive(Clone, Debug)]
pub(crate) struct Hedge {
    pub confidence: Confidence,
    pub band: Option<(String, u8, u8)>,
}

/// The compiled lexicons.
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    /// Every cue head; pattern id = cue slot.
    pub cues: PhraseSet,
    /// Only the claim and denial cues: the scan that decides whether a
    /// sentence needs the rules at all.
    pub claim_cues: PhraseSet,
    /// Claim-cue pattern → cue slot.
    pub claim_slot: Vec<usize>,
    /// The attack and cyber words: a sentence without any (and without a
    /// threat actor) cannot satisfy a `ctx` cue.
    pub ctx_words: PhraseSet,
    /// The generic operation words ("campaign", "activity"): context only
    /// with a security company named.
    pub generic_words: PhraseSet,
    /// Per cue pattern: the entries sharing that head.
    pub cue_slots: Vec<Vec<Cue>>,
    /// Every hedge phrase; pattern id = index into `hedges`.
    pub hedge_words: PhraseSet,
    pub hedges: Vec<Hedge>,
    /// Word → its word-class bits.
    pub words: WordMap<u16>,
}

/// FNV-1a: a fast hash for the build-time maps of the lexicons (the
/// standard SipHash is built for untrusted keys; these keys are ours).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Fnv;

/// The state of one FNV-1a hash.
pub(crate) struct FnvHasher(u64);

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Raw rows gathered by the builder before compiling.
#[derive(Clone, Debug, Default)]
pub(crate) struct Rows {
    cues: Vec<(String, Cue)>,
    hedges: Vec<(String, Hedge)>,
    words: Vec<(String, u16)>,
}

/// Expands `{a|b}` alternatives (cartesian product). Errors on unbalanced
/// braces.
pub(crate) fn expand(phrase: &str) -> Result<Vec<String>, String> {
    let mut out = vec![String::new()];
    let mut rest = phrase;
    while !rest.is_empty() {
        match rest.find('{') {
            None => {
                if rest.contains('}') {
                    return Err("a '}' without its '{'".into());
                }
                for o in &mut out {
                    o.push_str(rest);
                }
                break;
            }
            Some(open) => {
                let lit = &rest[..open];
                if lit.contains('}') {
                    return Err("a '}' without its '{'".into());
                }
                let after = &rest[open + 1..];
                let close = after
                    .find('}')
                    .ok_or_else(|| "a '{' without its '}'".to_owned())?;
                let alts = &after[..close];
                if alts.contains('{') {
                    return Err("nested '{'".into());
                }
                let mut next = Vec::new();
                for o in &out {
                    for alt in alts.split('|') {
                        next.push(format!("{o}{lit}{alt}"));
                    }
                }
                if next.len() > 10_000 {
                    return Err("too many alternatives (more than 10,000)".into());
                }
                out = next;
                rest = &after[close + 1..];
            }
        }
    }
    Ok(out
        .into_iter()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect())
}

fn parse_kind(s: &str) -> Option<Class> {
    Some(match s {
        "responsibility" => Class::Claim(ClaimKind::Responsibility),
        "sponsorship" => Class::Claim(ClaimKind::Sponsorship),
        "association" => Class::Claim(ClaimKind::Association),
        "legal" => Class::Claim(ClaimKind::Legal),
        "sanction" => Class::Claim(ClaimKind::Sanction),
        "self_claim" => Class::Claim(ClaimKind::SelfClaim),
        "denial" => Class::Denial,
        "report" => Class::Report,
        "negator" => Class::Negator,
        _ => return None,
    })
}

fn parse_word_class(s: &str) -> Option<u16> {
    Some(match s {
        "event" => word::EVENT,
        "actor" => word::ACTOR,
        "org" => word::ORG,
        "aux" => word::AUX,
        "time" => word::TIME,
        "anaphor" => word::ANAPHOR,
        "determiner" => word::DET,
        "relative" => word::REL,
        "conjunction" => word::CONJ,
        "subordinator" => word::SUB,
        "cyber" => word::CYBER,
        "eventish" => word::EVENTISH,
        "noncyber" => word::NONCYBER,
        _ => return None,
    })
}

fn parse_frame(s: &str) -> Option<Frame> {
    Some(match s {
        "obj" | "" => Frame::Obj,
        "subj" => Frame::Subj,
        "pre" => Frame::Pre,
        "gap" => Frame::Gap,
        "verb" => Frame::Verb,
        "speaker" => Frame::Speaker,
        _ => return None,
    })
}

fn parse_flag(s: &str) -> Option<u16> {
    Some(match s {
        "agent" => flag::AGENT,
        "event" => flag::EVENT,
        "event_before" => flag::EVENT_BEFORE,
        "actor" => flag::ACTOR,
        "actor_subj" => flag::ACTOR_SUBJ,
        "ctx" => flag::CTX,
        "cyber" => flag::CYBER,
        "reported" => flag::REPORTED,
        "to" => flag::TO,
        "inner" => flag::INNER,
        "negonly" => flag::NEGONLY,
        "near" => flag::NEAR,
        "adj" => flag::ADJ,
        _ => return None,
    })
}

impl Rows {
    /// Adds the rows of a cue lexicon (`phrase class frame flags`).
    pub fn add_cues(&mut self, text: &str, source: &str) -> Result<(), Error> {
        let table = Table::parse(text, source, &["phrase", "class"])?;
        let (cp, cc) = (
            table.column("phrase").unwrap_or(0),
            table.column("class").unwrap_or(1),
        );
        let cf = table.column("frame");
        let cl = table.column("flags");
        for r in &table.records {
            let phrase = r.get(cp).trim();
            let class = r.get(cc).trim();
            let phrases = expand(phrase).map_err(|m| r.error(cp, m, source))?;
            if phrases.is_empty() {
                return Err(r.error(cp, "empty phrase", source));
            }
            if let Some(bits) = parse_word_class(class) {
                for p in phrases {
                    if p.contains(' ') {
                        return Err(r.error(
                            cp,
                            format!("word class {class:?} takes single words, not {p:?}"),
                            source,
                        ));
                    }
                    self.words.push((p.to_ascii_lowercase(), bits));
                }
                continue;
            }
            let kind = parse_kind(class).ok_or_else(|| {
                r.error(
                    cc,
                    format!(
                        "unknown class {class:?} (expected a claim kind, denial, report, \
                         negator or a word class)"
                    ),
                    source,
                )
            })?;
            let frame_s = cf.map(|c| r.get(c).trim()).unwrap_or("");
            let frame = parse_frame(frame_s).ok_or_else(|| {
                r.error(
                    cf.unwrap_or(cc),
                    format!(
                        "unknown frame {frame_s:?} (expected obj, subj, pre, gap, verb or speaker)"
                    ),
                    source,
                )
            })?;
            let mut flags = 0;
            if let Some(c) = cl {
                for f in r.get(c).split(',').map(str::trim).filter(|f| !f.is_empty()) {
                    flags |= parse_flag(f)
                        .ok_or_else(|| r.error(c, format!("unknown flag {f:?}"), source))?;
                }
            }
            for p in phrases {
                let (head, tail) = match p.split_once(" ... ") {
                    Some((h, t)) => (h.trim().to_owned(), t.trim()),
                    None => (p.clone(), ""),
                };
                if frame == Frame::Gap && tail.is_empty() {
                    return Err(r.error(
                        cp,
                        "a gap cue needs \" ... \" between its head and its tail",
                        source,
                    ));
                }
                if frame != Frame::Gap && !tail.is_empty() {
                    return Err(r.error(cp, "\" ... \" is only for the gap frame", source));
                }
                let tail: Vec<String> = tail
                    .split_whitespace()
                    .map(|w| w.to_ascii_lowercase())
                    .collect();
                self.cues.push((
                    head,
                    Cue {
                        class: kind,
                        frame,
                        flags,
                        tail,
                    },
                ));
            }
        }
        Ok(())
    }

    /// Adds the rows of a hedge lexicon (`phrase confidence scale low high`).
    pub fn add_hedges(&mut self, text: &str, source: &str) -> Result<(), Error> {
        let table = Table::parse(text, source, &["phrase", "confidence"])?;
        let cp = table.column("phrase").unwrap_or(0);
        let cc = table.column("confidence").unwrap_or(1);
        let cs = table.column("scale");
        let (clo, chi) = (table.column("low"), table.column("high"));
        for r in &table.records {
            let phrases = expand(r.get(cp).trim()).map_err(|m| r.error(cp, m, source))?;
            if phrases.is_empty() {
                return Err(r.error(cp, "empty phrase", source));
            }
            let conf = match r.get(cc).trim() {
                "high" => Confidence::High,
                "moderate" => Confidence::Moderate,
                "low" => Confidence::Low,
                other => {
                    return Err(r.error(
                        cc,
                        format!("unknown confidence {other:?} (expected high, moderate or low)"),
                        source,
                    ))
                }
            };
            let scale = cs.map(|c| r.get(c).trim()).unwrap_or("");
            let band = if scale.is_empty() {
                None
            } else {
                let num = |c: Option<usize>| -> Result<u8, Error> {
                    let c = c.ok_or_else(|| {
                        r.error(cc, "a scale needs the low and high columns", source)
                    })?;
                    r.get(c)
                        .trim()
                        .parse::<u8>()
                        .ok()
                        .filter(|v| *v <= 100)
                        .ok_or_else(|| r.error(c, "expected a percentage from 0 to 100", source))
                };
                let (lo, hi) = (num(clo)?, num(chi)?);
                if lo > hi {
                    return Err(r.error(clo.unwrap_or(cc), "low is above high", source));
                }
                Some((scale.to_owned(), lo, hi))
            };
            for p in phrases {
                self.hedges.push((
                    p,
                    Hedge {
                        confidence: conf,
                        band: band.clone(),
                    },
                ));
            }
        }
        Ok(())
    }

    /// Appends the rows of `other`.
    pub fn extend(&mut self, other: &Rows) {
        self.cues.extend(other.cues.iter().cloned());
        self.hedges.extend(other.hedges.iter().cloned());
        self.words.extend(other.words.iter().cloned());
    }

    /// Compiles the rows.
    pub fn build(&self) -> Result<Lexicon, Error> {
        let mut slot_of: HashMap<String, usize, Fnv> = HashMap::with_hasher(Fnv);
        let mut patterns: Vec<String> = Vec::new();
        let mut cue_slots: Vec<Vec<Cue>> = Vec::new();
        for (p, cue) in &self.cues {
            let key = p.to_ascii_lowercase();
            let slot = match slot_of.get(&key) {
                Some(&slot) => slot,
                None => {
                    slot_of.insert(key.clone(), patterns.len());
                    patterns.push(key);
                    cue_slots.push(Vec::new());
                    patterns.len() - 1
                }
            };
            cue_slots[slot].push(cue.clone());
        }
        // Gapped entries first, so a head with a tail is tried before the
        // plain reading of the same words.
        for slot in &mut cue_slots {
            slot.sort_by_key(|c| c.tail.is_empty());
        }
        let mut claim_patterns: Vec<String> = Vec::new();
        let mut claim_slot = Vec::new();
        for (i, (p, slot)) in patterns.iter().zip(&cue_slots).enumerate() {
            if slot
                .iter()
                .any(|c| matches!(c.class, Class::Claim(_) | Class::Denial))
            {
                claim_patterns.push(p.clone());
                claim_slot.push(i);
            }
        }
        let mut ctx_words: Vec<String> = self
            .words
            .iter()
            .filter(|(_, bits)| bits & (word::EVENT | word::CYBER) != 0)
            .map(|(w, _)| w.clone())
            .collect();
        // a spy service accused is context of its own ("Chinese intelligence")
        ctx_words.extend(SPY_PHRASES.iter().map(|w| (*w).to_owned()));
        let generic_words: Vec<String> = self
            .words
            .iter()
            .filter(|(_, bits)| bits & word::EVENTISH != 0)
            .map(|(w, _)| w.clone())
            .collect();
        let mut hedge_pats: Vec<String> = Vec::new();
        let mut hedges = Vec::new();
        let mut seen: HashMap<String, ()> = HashMap::new();
        for (p, h) in &self.hedges {
            let key = p.to_ascii_lowercase();
            if seen.insert(key.clone(), ()).is_none() {
                hedge_pats.push(key);
                hedges.push(h.clone());
            }
        }
        let mut merged: HashMap<&str, u16, Fnv> = HashMap::with_hasher(Fnv);
        for (w, bits) in &self.words {
            *merged.entry(w.as_str()).or_insert(0) |= *bits;
        }
        let mut words = WordMap::default();
        for (w, bits) in merged {
            words.insert(w.as_bytes(), bits);
        }
        Ok(Lexicon {
            claim_cues: PhraseSet::new(&claim_patterns),
            claim_slot,
            ctx_words: PhraseSet::new(&ctx_words),
            generic_words: PhraseSet::new(&generic_words),
            cues: PhraseSet::new(&patterns),
            cue_slots,
            hedge_words: PhraseSet::new(&hedge_pats),
            hedges,
            words,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_alternatives() {
        assert_eq!(
            expand("{blame|blames} {the |}x").unwrap(),
            ["blame the x", "blame x", "blames the x", "blames x"]
        );
        assert!(expand("{a|b").is_err());
        assert!(expand("a}b").is_err());
        assert!(expand("{a{b}}").is_err());
    }

    #[test]
    fn located_errors() {
        let mut rows = Rows::default();
        let err = rows
            .add_cues(
                "phrase\tclass\tframe\tflags\nblames\tblame\tobj\t\n",
                "c.tsv",
            )
            .unwrap_err();
        assert_eq!((err.line(), err.column()), (Some(2), Some(8)));
        let err = rows
            .add_cues(
                "phrase\tclass\tframe\tflags\nblames\tresponsibility\tobj\tfast\n",
                "c.tsv",
            )
            .unwrap_err();
        assert!(err.message().contains("unknown flag"));
        let err = rows
            .add_cues("phrase\tclass\nfoo bar\tevent\n", "c.tsv")
            .unwrap_err();
        assert!(err.message().contains("single words"));
        let err = rows
            .add_hedges("phrase\tconfidence\nmaybe\tsome\n", "h.tsv")
            .unwrap_err();
        assert_eq!(err.line(), Some(2));
        let err = rows
            .add_hedges(
                "phrase\tconfidence\tscale\tlow\thigh\nx\tlow\tICD\t90\t20\n",
                "h.tsv",
            )
            .unwrap_err();
        assert!(err.message().contains("low is above high"));
    }
}
