//! Stage 2: sentences → entity mentions.
//!
//! A [`Gazetteer`] holds named entities (states, agencies, international
//! organisations, companies, threat actors) with their surface forms and finds
//! their mentions in text: leftmost-longest, whole words, with possessives
//! ("China's") and hyphenated compounds ("Kremlin-linked") giving the entity
//! for the name part. Threat-actor names that are not listed but follow a
//! vendor naming scheme ("Opal Typhoon", "Storm-1234") are found too, marked
//! [`Mention::inferred`].
//!
//! ```
//! use attribution_tagger::{EntityKind, Gazetteer};
//!
//! let g = Gazetteer::new();
//! let text = "Prague said China-backed APT31 hit the Czech foreign ministry.";
//! let mentions = g.find_all(text);
//! let found: Vec<(&str, EntityKind, Option<&str>)> = mentions
//!     .iter()
//!     .map(|m| (m.span.as_str(text), m.entity.kind, m.entity.country.as_deref()))
//!     .collect();
//! assert_eq!(found, [
//!     ("Prague", EntityKind::State, Some("CZ")),
//!     ("China", EntityKind::State, Some("CN")),
//!     ("APT31", EntityKind::ThreatActor, Some("CN")),
//!     ("Czech", EntityKind::State, Some("CZ")),
//!     ("foreign ministry", EntityKind::Agency, Some("CZ")),
//! ]);
//! ```
//!
//! # File format
//!
//! One format for the embedded files and for users' own (see
//! `gazetteers/README.md`): UTF-8 TSV read by [`crate::tsv`], with the header
//! `id kind name country aliases`. `kind` is one of `state`, `agency`,
//! `organization`, `company`, `threat_actor`; `country` is an ISO 3166-1
//! alpha-2 code or empty; `aliases` are surface forms separated by `|`, each
//! with optional flags in front:
//!
//! | flag | meaning |
//! |---|---|
//! | (none) | capitals that start a word of the form must be capitals in the text; other letters match in any case |
//! | `=` | exact case only (forms of at most three letters and no lower case, such as "US", are exact automatically) |
//! | `~` | needs threat-actor context: "group", "hackers", "APT", "actor"... within four words, or the same entity named plainly in the same text |
//! | `^` | name-like: not next to another capitalised word ("George Washington", "Washington Post") |
//! | `@` | a capital or seat of power: not in a dateline ("MOSCOW, May 2 (Reuters) -") |
//! | `+` | only right after a state mention ("Brazil's Federal Police", "Dutch police"); takes that state's country when the row has none |
//! | `!` | negative: this text is not an entity ("New Mexico" is not Mexico) |
//! | `-` | never matched: keeps the canonical name from being a form |
//!
//! The canonical name is a form too, unless an alias repeats it with flags.
//!
//! # Context beyond the form
//!
//! * A capitalised "Ministry of/for ..." that is not listed is still an
//!   agency ("Ministry of Mines and Energy").
//! * Qualified forms and such ministries take their country from the state
//!   right before them, right after them ("of Peru"), or, for capitalised
//!   forms, from a dateline at the start of the text ("BRASILIA, April 29
//!   (Reuters) -"). Give [`Gazetteer::find_all`] whole documents to use it.
//!
//! # Performance
//!
//! Building the default gazetteer takes about 5 ms and 2 MB of heap;
//! [`Gazetteer::new`] builds it once per process and clones share it.
//! Matching looks only at capitalised word starts (eight bytes at a time),
//! about 230-260 MB/s of CPU time on one core on news text. See
//! `gazetteers/README.md` for the measured alternatives.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::span::Span;
use crate::tsv::Table;

mod form;
mod matcher;
mod scheme;

use form::Form;
use matcher::Matcher;

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
    ///
    /// ```
    /// use attribution_tagger::EntityKind;
    ///
    /// assert_eq!(EntityKind::parse("threat_actor"), Some(EntityKind::ThreatActor));
    /// assert_eq!(EntityKind::ThreatActor.as_str(), "threat_actor");
    /// assert_eq!(EntityKind::parse("ThreatActor"), None);
    /// ```
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

/// A compiled gazetteer. Cheap to clone (the compiled tables are shared),
/// `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    inner: Arc<Matcher>,
}

impl Gazetteer {
    /// The embedded default gazetteer (all families, naming-scheme inference
    /// on), compiled once per process.
    ///
    /// ```
    /// use attribution_tagger::Gazetteer;
    ///
    /// let g = Gazetteer::new();
    /// let m = g.find_all("Hackers known as Fancy Bear struck.");
    /// assert_eq!(m[0].entity.id.as_ref(), "G0007");
    /// ```
    #[cfg(feature = "default-gazetteers")]
    pub fn new() -> Gazetteer {
        embedded::default_gazetteer().clone()
    }

    /// A builder to choose families and add files or entries.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// Every mention in `text`, in order, non-overlapping, with byte offsets
    /// into `text`. Never panics.
    ///
    /// ```
    /// use attribution_tagger::Gazetteer;
    ///
    /// let g = Gazetteer::new();
    /// let text = "Kremlin-linked hackers and Opal Typhoon";
    /// let m = g.find_all(text);
    /// assert_eq!(m[0].span.as_str(text), "Kremlin");
    /// assert_eq!(m[1].span.as_str(text), "Opal Typhoon");
    /// assert!(m[1].inferred);
    /// assert_eq!(m[1].entity.country.as_deref(), Some("CN"));
    /// ```
    pub fn find_all(&self, text: &str) -> Vec<Mention> {
        self.inner.find(text)
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.inner.len()
    }

    /// True when the gazetteer holds no entity.
    pub fn is_empty(&self) -> bool {
        self.inner.len() == 0
    }

    /// The entities, in the order they were added.
    ///
    /// ```
    /// use attribution_tagger::{EntityKind, Gazetteer};
    ///
    /// let g = Gazetteer::new();
    /// let states = g.entities().filter(|e| e.kind == EntityKind::State).count();
    /// assert!(states >= 197);
    /// ```
    pub fn entities(&self) -> impl Iterator<Item = &Arc<EntityInfo>> + '_ {
        self.inner.entities().iter()
    }
}

#[cfg(feature = "default-gazetteers")]
impl Default for Gazetteer {
    fn default() -> Gazetteer {
        Gazetteer::new()
    }
}

/// Builds a [`Gazetteer`] from the embedded defaults, files and entries.
///
/// ```
/// use attribution_tagger::{EntityKind, Gazetteer};
///
/// # fn main() -> Result<(), attribution_tagger::Error> {
/// let mut b = Gazetteer::builder();
/// b.builtin(EntityKind::Company, false) // no built-in companies
///     .add_tsv("id\tkind\tname\tcountry\taliases\n\
///               acme\tcompany\tAcme Security\tUS\tAcme|=ACME Labs\n", "mine.tsv")?;
/// let g = b.build()?;
/// let text = "Acme Security and Microsoft blamed Russia.";
/// let names: Vec<&str> = g.find_all(text).iter().map(|m| m.span.as_str(text)).collect();
/// assert_eq!(names, ["Acme Security", "Russia"]);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    defaults: bool,
    builtin: [bool; 5],
    infer: bool,
    entries: Vec<Entry>,
}

#[derive(Clone, Debug)]
pub(crate) struct Entry {
    info: EntityInfo,
    forms: Vec<String>,
    /// Parsed forms (files are checked when added; entries at build).
    parsed: Option<Vec<Form>>,
}

impl Default for GazetteerBuilder {
    fn default() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }
}

fn kind_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::State => 0,
        EntityKind::Agency => 1,
        EntityKind::Organization => 2,
        EntityKind::Company => 3,
        EntityKind::ThreatActor => 4,
    }
}

/// The columns every gazetteer file has.
pub const COLUMNS: [&str; 5] = ["id", "kind", "name", "country", "aliases"];

impl GazetteerBuilder {
    /// A builder that starts with the embedded defaults (when the
    /// `default-gazetteers` feature is on) and naming-scheme inference on.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder {
            defaults: cfg!(feature = "default-gazetteers"),
            builtin: [true; 5],
            infer: true,
            entries: Vec::new(),
        }
    }

    /// Whether to include the embedded default files at all.
    pub fn defaults(&mut self, yes: bool) -> &mut GazetteerBuilder {
        self.defaults = yes;
        self
    }

    /// Whether to keep the embedded entries of one family (all are kept by
    /// default). Entries you add yourself are always kept.
    pub fn builtin(&mut self, kind: EntityKind, yes: bool) -> &mut GazetteerBuilder {
        self.builtin[kind_index(kind)] = yes;
        self
    }

    /// Whether to tag unknown names that follow a vendor naming scheme
    /// ("Opal Typhoon", "Storm-1234") as inferred threat actors (on by
    /// default).
    pub fn infer_schemes(&mut self, yes: bool) -> &mut GazetteerBuilder {
        self.infer = yes;
        self
    }

    /// Adds one entity with its surface forms, written as in a file (flags
    /// allowed, see the [module docs](self)). Its name is a form too, unless
    /// a form repeats it with flags. Bad forms are reported by
    /// [`build`](GazetteerBuilder::build). A form listed for several
    /// entities goes to the one added last.
    pub fn add_entry(
        &mut self,
        info: EntityInfo,
        surface_forms: impl IntoIterator<Item = impl Into<String>>,
    ) -> &mut GazetteerBuilder {
        self.entries.push(Entry {
            info,
            forms: surface_forms.into_iter().map(Into::into).collect(),
            parsed: None,
        });
        self
    }

    /// Adds every row of a gazetteer TSV text (columns `id kind name country
    /// aliases`); `source_name` names it in errors, which give the line,
    /// column and what was expected. Nothing is added when there is an
    /// error.
    ///
    /// ```
    /// use attribution_tagger::Gazetteer;
    ///
    /// let bad = "id\tkind\tname\tcountry\taliases\nx\tvendor\tX\t\t\n";
    /// let err = Gazetteer::builder().add_tsv(bad, "my.tsv").unwrap_err();
    /// assert_eq!(err.to_string(),
    ///     "my.tsv:2:3: expected a kind (state, agency, organization, company, \
    ///      threat_actor), found \"vendor\"");
    /// ```
    pub fn add_tsv(
        &mut self,
        text: &str,
        source_name: &str,
    ) -> Result<&mut GazetteerBuilder, Error> {
        let entries = parse_tsv(text, source_name)?;
        self.entries.extend(entries);
        Ok(self)
    }

    /// Reads a gazetteer file and adds it as [`add_tsv`](Self::add_tsv)
    /// does, with the path as the source name.
    pub fn add_file(&mut self, path: impl AsRef<Path>) -> Result<&mut GazetteerBuilder, Error> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| Error::from(e).with_source(&name))?;
        self.add_tsv_bytes(&bytes, &name)
    }

    /// Adds a gazetteer file given as bytes (what [`add_file`](Self::add_file)
    /// reads): bytes that are not UTF-8 give an error of kind
    /// [`ErrorKind::Io`] at the line and column (in characters, a
    /// byte-order mark not counted) of the first bad byte; otherwise as
    /// [`add_tsv`](Self::add_tsv).
    ///
    /// ```
    /// use attribution_tagger::{ErrorKind, Gazetteer};
    ///
    /// let bytes = b"id\tkind\tname\tcountry\naz\tstate\tAz\xFFer\tAZ\n";
    /// let err = Gazetteer::builder().add_tsv_bytes(bytes, "my.tsv").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Io);
    /// assert_eq!(err.to_string(),
    ///     "my.tsv:2:12: expected UTF-8 text, found the invalid byte 0xFF");
    /// ```
    pub fn add_tsv_bytes(
        &mut self,
        bytes: &[u8],
        source_name: &str,
    ) -> Result<&mut GazetteerBuilder, Error> {
        match std::str::from_utf8(bytes) {
            Ok(text) => self.add_tsv(text, source_name),
            Err(e) => {
                let good = &bytes[..e.valid_up_to()];
                let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
                let line = good.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
                // The prefix is valid UTF-8, so this never fails.
                let tail = std::str::from_utf8(&good[line_start..]).unwrap_or("");
                let tail = if line == 1 {
                    tail.strip_prefix('\u{feff}').unwrap_or(tail)
                } else {
                    tail
                };
                let column = tail.chars().count() as u64 + 1;
                let bad = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
                Err(Error::new(
                    ErrorKind::Io,
                    format!("expected UTF-8 text, found the invalid byte 0x{bad:02X}"),
                )
                .with_source(source_name)
                .at(line, Some(column)))
            }
        }
    }

    /// Compiles the gazetteer.
    pub fn build(&self) -> Result<Gazetteer, Error> {
        let mut all: Vec<(Arc<EntityInfo>, Vec<Form>)> = Vec::new();
        #[cfg(feature = "default-gazetteers")]
        if self.defaults {
            for e in embedded::default_entries()? {
                if self.builtin[kind_index(e.info.kind)] {
                    all.push((Arc::new(e.info), e.parsed.unwrap_or_default()));
                }
            }
        }
        for e in &self.entries {
            let forms = match &e.parsed {
                Some(f) => f.clone(),
                None => entry_forms(&e.info, &e.forms).map_err(|m| {
                    Error::new(ErrorKind::Config, format!("entry {:?}: {m}", e.info.id))
                })?,
            };
            all.push((Arc::new(e.info.clone()), forms));
        }
        Ok(Gazetteer {
            inner: Arc::new(Matcher::new(&all, self.infer)),
        })
    }
}

/// The forms of an entity: its aliases, plus its name unless an alias
/// repeats the name with flags.
fn entry_forms(info: &EntityInfo, raw: &[String]) -> Result<Vec<Form>, String> {
    let mut forms = Vec::with_capacity(raw.len() + 1);
    for r in raw {
        if r.trim().is_empty() {
            continue;
        }
        forms.push(Form::parse(r).map_err(|(m, _)| m)?);
    }
    add_name(info, &mut forms)?;
    Ok(forms)
}

fn add_name(info: &EntityInfo, forms: &mut Vec<Form>) -> Result<(), String> {
    let name = info.name.trim();
    if !forms.iter().any(|f| f.text == name) {
        let f = Form::parse(name).map_err(|(m, _)| format!("name: {m}"))?;
        forms.insert(0, f);
    }
    Ok(())
}

fn valid_country(c: &str) -> bool {
    c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())
}

pub(crate) fn parse_tsv(text: &str, source: &str) -> Result<Vec<Entry>, Error> {
    let table = Table::parse(text, source, &COLUMNS[..4])?;
    let col = |name: &str| table.column(name);
    let (ci, ck, cn, cc) = (
        col("id").unwrap_or(0),
        col("kind").unwrap_or(1),
        col("name").unwrap_or(2),
        col("country").unwrap_or(3),
    );
    let ca = col("aliases");
    let mut out = Vec::with_capacity(table.records.len());
    let mut ids: std::collections::HashMap<&str, u64> = std::collections::HashMap::new();
    for r in &table.records {
        let id = r.get(ci).trim();
        if id.is_empty() {
            return Err(r.error(ci, "expected an id, found an empty field", source));
        }
        if let Some(first) = ids.insert(id, r.line()) {
            return Err(r.error(
                ci,
                format!("duplicate id {id:?} (first on line {first})"),
                source,
            ));
        }
        let kind_s = r.get(ck).trim();
        let kind = EntityKind::parse(kind_s).ok_or_else(|| {
            r.error(
                ck,
                format!(
                    "expected a kind (state, agency, organization, company, threat_actor), \
                     found {kind_s:?}"
                ),
                source,
            )
        })?;
        let name = r.get(cn).trim();
        if name.is_empty() {
            return Err(r.error(cn, "expected a name, found an empty field", source));
        }
        let country = r.get(cc).trim();
        if !country.is_empty() && !valid_country(country) {
            return Err(r.error(
                cc,
                format!(
                    "expected an ISO 3166-1 alpha-2 country code (two capital letters) or \
                     nothing, found {country:?}"
                ),
                source,
            ));
        }
        let info = EntityInfo {
            id: id.into(),
            name: name.into(),
            kind,
            country: (!country.is_empty()).then(|| country.into()),
        };
        let mut forms = Vec::new();
        if let Some(ca) = ca {
            let field = r.get(ca);
            let mut offset = 0u64;
            for alias in field.split('|') {
                let len = alias.chars().count() as u64;
                if !alias.trim().is_empty() {
                    let f = Form::parse(alias).map_err(|(m, at)| {
                        Error::syntax(m, Some(source), r.line(), r.column(ca) + offset + at as u64)
                    })?;
                    forms.push(f);
                }
                offset += len + 1;
            }
        }
        add_name(&info, &mut forms).map_err(|m| r.error(cn, m, source))?;
        out.push(Entry {
            info,
            forms: Vec::new(),
            parsed: Some(forms),
        });
    }
    Ok(out)
}

#[cfg(feature = "default-gazetteers")]
pub mod embedded;
