//! Stage 2: sentences → entity mentions.
//!
//! A [`Gazetteer`] holds named entities (states, agencies, international
//! organisations, companies, threat actors) with their surface forms and finds
//! their mentions in text.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::span::Span;

/// The family an entity belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// A state or territory (id: ISO 3166-1 alpha-2).
    State,
    /// A government agency, ministry, service or military unit.
    Agency,
    /// An international organisation (NATO, EU, UN, ...).
    Organization,
    /// A company, mostly security vendors.
    Company,
    /// A threat-actor group (id: MITRE ATT&CK group id where one exists).
    ThreatActor,
}

impl EntityKind {
    /// The name used in files and JSON (`state`, `threat_actor`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::State => "state",
            EntityKind::Agency => "agency",
            EntityKind::Organization => "organization",
            EntityKind::Company => "company",
            EntityKind::ThreatActor => "threat_actor",
        }
    }

    /// Parses the name used in files and JSON.
    pub fn parse(name: &str) -> Option<EntityKind> {
        Some(match name {
            "state" => EntityKind::State,
            "agency" => EntityKind::Agency,
            "organization" => EntityKind::Organization,
            "company" => EntityKind::Company,
            "threat_actor" => EntityKind::ThreatActor,
            _ => return None,
        })
    }
}

/// What the gazetteer knows of an entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EntityInfo {
    /// Stable id: ISO alpha-2 for states, MITRE ATT&CK id or a slug for
    /// threat actors, a slug for the others.
    pub id: Arc<str>,
    /// Canonical name.
    pub name: Arc<str>,
    /// The entity's family.
    pub kind: EntityKind,
    /// ISO alpha-2 code of the state the entity is, belongs to or (for a
    /// threat actor) is attributed to.
    pub country: Option<Arc<str>>,
}

/// One mention of an entity in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte span of the mention (the name part only: "China" in
    /// "China-backed").
    pub span: Span,
    /// The entity mentioned.
    pub entity: Arc<EntityInfo>,
    /// True when the entity was inferred from a naming scheme rather than
    /// found in the gazetteer.
    pub inferred: bool,
}

impl Mention {
    /// First byte (inclusive).
    pub fn start(&self) -> usize {
        self.span.start
    }
    /// One past the last byte.
    pub fn end(&self) -> usize {
        self.span.end
    }
}

/// A compiled gazetteer. Cheap to clone (the automaton is shared).
#[derive(Clone, Debug)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    matcher: AhoCorasick,
    /// Pattern index → entity.
    targets: Vec<Arc<EntityInfo>>,
}

impl Gazetteer {
    /// The embedded default gazetteer (all families).
    #[cfg(feature = "default-gazetteers")]
    pub fn new() -> Gazetteer {
        crate::gazetteer::embedded::default_gazetteer().clone()
    }

    /// A builder to choose families and add files or entries.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// Every mention in `text`, in order, non-overlapping.
    pub fn find_all(&self, text: &str) -> Vec<Mention> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        for m in self.inner.matcher.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let before_ok = s == 0 || !is_word_byte(bytes[s - 1]);
            let after_ok = e == bytes.len() || !is_word_byte(bytes[e]);
            if before_ok && after_ok {
                out.push(Mention {
                    span: Span::new(s, e),
                    entity: self.inner.targets[m.pattern().as_usize()].clone(),
                    inferred: false,
                });
            }
        }
        out
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.inner.targets.len()
    }

    /// True when the gazetteer holds no entity.
    pub fn is_empty(&self) -> bool {
        self.inner.targets.is_empty()
    }
}

#[cfg(feature = "default-gazetteers")]
impl Default for Gazetteer {
    fn default() -> Gazetteer {
        Gazetteer::new()
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Builds a [`Gazetteer`] from the embedded defaults, files and entries.
#[derive(Clone, Debug, Default)]
pub struct GazetteerBuilder {
    defaults: bool,
    entries: Vec<(EntityInfo, Vec<String>)>,
}

impl GazetteerBuilder {
    /// A builder that starts with the embedded defaults (when the
    /// `default-gazetteers` feature is on).
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder {
            defaults: cfg!(feature = "default-gazetteers"),
            entries: Vec::new(),
        }
    }

    /// Whether to include the embedded default files.
    pub fn defaults(&mut self, yes: bool) -> &mut GazetteerBuilder {
        self.defaults = yes;
        self
    }

    /// Adds one entity with its surface forms.
    pub fn add_entry(
        &mut self,
        info: EntityInfo,
        surface_forms: impl IntoIterator<Item = impl Into<String>>,
    ) -> &mut GazetteerBuilder {
        self.entries
            .push((info, surface_forms.into_iter().map(Into::into).collect()));
        self
    }

    /// Adds every row of a gazetteer TSV text (`id kind name country
    /// aliases`); `source_name` names it in errors.
    pub fn add_tsv(
        &mut self,
        text: &str,
        source_name: &str,
    ) -> Result<&mut GazetteerBuilder, Error> {
        for (lineno, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if lineno == 0 || line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 5 {
                return Err(Error::syntax(
                    format!("expected 5 tab-separated columns, found {}", cols.len()),
                    Some(source_name),
                    lineno as u64 + 1,
                    1,
                ));
            }
            let kind = EntityKind::parse(cols[1]).ok_or_else(|| {
                Error::syntax(
                    format!("unknown kind {:?}", cols[1]),
                    Some(source_name),
                    lineno as u64 + 1,
                    cols[0].chars().count() as u64 + 2,
                )
            })?;
            let info = EntityInfo {
                id: cols[0].into(),
                name: cols[2].into(),
                kind,
                country: (!cols[3].is_empty()).then(|| cols[3].into()),
            };
            let mut forms: Vec<String> = vec![cols[2].to_owned()];
            forms.extend(
                cols[4]
                    .split('|')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            );
            self.entries.push((info, forms));
        }
        Ok(self)
    }

    /// Compiles the gazetteer.
    pub fn build(&self) -> Result<Gazetteer, Error> {
        let mut patterns = Vec::new();
        let mut targets = Vec::new();
        let mut all = Vec::new();
        #[cfg(feature = "default-gazetteers")]
        if self.defaults {
            all.extend(crate::gazetteer::embedded::default_entries()?);
        }
        all.extend(self.entries.iter().cloned());
        for (info, forms) in all {
            let info = Arc::new(info);
            for form in forms {
                patterns.push(form);
                targets.push(info.clone());
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| Error::new(ErrorKind::Config, e.to_string()))?;
        Ok(Gazetteer {
            inner: Arc::new(Inner { matcher, targets }),
        })
    }
}

#[cfg(feature = "default-gazetteers")]
pub mod embedded;
